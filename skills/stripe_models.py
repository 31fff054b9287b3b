"""Typed views of the Stripe objects the skills use.

Stripe answers with large JSON objects whose shape varies with expansion and API version; the
skills only need a few fields, so each view keeps those and ignores the rest. Building a view is
the one place where a Stripe shape is interpreted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PaymentStatus = Literal["succeeded", "failed", "refunded", "pending", "canceled"]


def _ts(value: Any) -> datetime:
    return datetime.fromtimestamp(int(value or 0), tz=UTC)


def _id(value: Any) -> str | None:
    """An expandable field is an id or an expanded object."""
    if value is None or isinstance(value, str):
        return value
    return str(value.get("id")) if isinstance(value, dict) else None


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class Customer(View):
    id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    description: str | None = None
    created: datetime

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Customer:
        return cls(
            id=obj["id"],
            name=obj.get("name"),
            email=obj.get("email"),
            phone=obj.get("phone"),
            description=obj.get("description"),
            created=_ts(obj.get("created")),
        )

    @property
    def label(self) -> str:
        """How a person recognises the customer in a sentence."""
        parts = [p for p in (self.name, f"<{self.email}>" if self.email else None) if p]
        return " ".join(parts) + f" ({self.id})" if parts else self.id


class Payment(View):
    """A PaymentIntent (or a bare Charge) as a merchant thinks of it: one payment."""

    id: str
    amount: int
    currency: str
    status: PaymentStatus
    customer: str | None = None
    description: str | None = None
    created: datetime
    amount_refunded: int = 0
    charge: str | None = None
    failure_message: str | None = None

    @property
    def refundable(self) -> int:
        return self.amount - self.amount_refunded if self.status in {"succeeded", "refunded"} else 0

    @classmethod
    def from_payment_intent(cls, obj: dict[str, Any]) -> Payment:
        charge = obj.get("latest_charge")
        charge_obj = charge if isinstance(charge, dict) else {}
        refunded = int(charge_obj.get("amount_refunded") or 0)
        error = obj.get("last_payment_error") or {}
        return cls(
            id=obj["id"],
            amount=int(obj["amount"]),
            currency=obj["currency"],
            status=_pi_status(obj.get("status"), bool(error), refunded, int(obj["amount"])),
            customer=_id(obj.get("customer")),
            description=obj.get("description"),
            created=_ts(obj.get("created")),
            amount_refunded=refunded,
            charge=_id(charge),
            failure_message=error.get("message") if isinstance(error, dict) else None,
        )

    @classmethod
    def from_charge(cls, obj: dict[str, Any]) -> Payment:
        refunded = int(obj.get("amount_refunded") or 0)
        status = obj.get("status")
        mapped: PaymentStatus = (
            "failed" if status == "failed" else "pending" if status == "pending" else "succeeded"
        )
        if mapped == "succeeded" and refunded >= int(obj["amount"]):
            mapped = "refunded"
        return cls(
            id=obj["id"],
            amount=int(obj["amount"]),
            currency=obj["currency"],
            status=mapped,
            customer=_id(obj.get("customer")),
            description=obj.get("description"),
            created=_ts(obj.get("created")),
            amount_refunded=refunded,
            charge=obj["id"],
            failure_message=obj.get("failure_message"),
        )


def _pi_status(status: str | None, has_error: bool, refunded: int, amount: int) -> PaymentStatus:
    if status == "succeeded":
        return "refunded" if refunded >= amount else "succeeded"
    if status == "canceled":
        return "canceled"
    if status == "requires_payment_method" and has_error:
        return "failed"
    return "pending"


class Refund(View):
    id: str
    amount: int
    currency: str
    status: str
    payment: str | None = None
    charge: str | None = None
    reason: str | None = None
    created: datetime

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Refund:
        return cls(
            id=obj["id"],
            amount=int(obj["amount"]),
            currency=obj["currency"],
            status=obj.get("status") or "succeeded",
            payment=_id(obj.get("payment_intent")),
            charge=_id(obj.get("charge")),
            reason=obj.get("reason"),
            created=_ts(obj.get("created")),
        )


class Price(View):
    id: str
    currency: str
    unit_amount: int | None = None
    lookup_key: str | None = None
    interval: str | None = None
    interval_count: int = 1
    product: str | None = None
    active: bool = True
    nickname: str | None = None

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Price:
        recurring = obj.get("recurring") or {}
        return cls(
            id=obj["id"],
            currency=obj["currency"],
            unit_amount=obj.get("unit_amount"),
            lookup_key=obj.get("lookup_key"),
            interval=recurring.get("interval"),
            interval_count=int(recurring.get("interval_count") or 1),
            product=_id(obj.get("product")),
            active=bool(obj.get("active", True)),
            nickname=obj.get("nickname"),
        )


class Subscription(View):
    id: str
    status: str
    customer: str
    price: str | None = None
    quantity: int = 1
    current_period_start: datetime | None = None
    current_period_end: datetime | None = None
    trial_end: datetime | None = None
    first_invoice_amount: int | None = None
    currency: str | None = None

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Subscription:
        items = (obj.get("items") or {}).get("data") or [{}]
        item = items[0]
        price = item.get("price") or item.get("plan") or {}
        start = obj.get("current_period_start") or item.get("current_period_start")
        end = obj.get("current_period_end") or item.get("current_period_end")
        invoice = obj.get("latest_invoice")
        return cls(
            id=obj["id"],
            status=obj.get("status") or "unknown",
            customer=_id(obj.get("customer")) or "",
            price=_id(price),
            quantity=int(item.get("quantity") or 1),
            current_period_start=_ts(start) if start else None,
            current_period_end=_ts(end) if end else None,
            trial_end=_ts(obj["trial_end"]) if obj.get("trial_end") else None,
            first_invoice_amount=invoice.get("amount_due") if isinstance(invoice, dict) else None,
            currency=obj.get("currency") or (price.get("currency") if price else None),
        )


class Product(View):
    id: str
    name: str
    active: bool = True
    description: str | None = None
    created: datetime

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Product:
        return cls(
            id=obj["id"],
            name=obj.get("name") or "",
            active=bool(obj.get("active", True)),
            description=obj.get("description"),
            created=_ts(obj.get("created")),
        )


class Amount(View):
    amount: int
    currency: str


class Balance(View):
    available: list[Amount] = Field(default_factory=list)
    pending: list[Amount] = Field(default_factory=list)

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Balance:
        def amounts(key: str) -> list[Amount]:
            raw = obj.get(key) or []
            rows = raw if isinstance(raw, list) else [raw]
            return [Amount(amount=int(r["amount"]), currency=r["currency"]) for r in rows]

        return cls(available=amounts("available"), pending=amounts("pending"))


class Account(View):
    id: str
    name: str | None = None
    country: str | None = None
    default_currency: str | None = None
    charges_enabled: bool = False

    @classmethod
    def from_stripe(cls, obj: dict[str, Any]) -> Account:
        profile = obj.get("business_profile") or {}
        dashboard = (obj.get("settings") or {}).get("dashboard") or {}
        return cls(
            id=obj["id"],
            name=profile.get("name") or dashboard.get("display_name"),
            country=obj.get("country"),
            default_currency=obj.get("default_currency"),
            charges_enabled=bool(obj.get("charges_enabled")),
        )
