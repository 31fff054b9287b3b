"""localstripe's objects reshaped into what Stripe answers.

Two steps. `base` (in place, cheap, cacheable) fills the fields Stripe has and localstripe
lacks, merges kept-aside parameters, applies backdated `created` times, turns Plans inside
subscriptions into Prices, and collapses every expandable field to its id (localstripe nests
some objects, e.g. a PaymentIntent's `latest_charge`, where Stripe gives an id unless asked to
`expand`); the collapsed objects are remembered so `present` can expand them again cheaply.
`present` copies an object and expands the paths a request asked for.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from typing import Any

from sandbox.gateway_errors import stripe_error
from sandbox.gateway_state import State

EXPANDABLE: dict[str, tuple[str, ...]] = {
    "payment_intent": ("customer", "latest_charge", "payment_method", "invoice"),
    "charge": ("customer", "payment_intent", "balance_transaction", "invoice"),
    "refund": ("charge", "payment_intent", "balance_transaction"),
    "subscription": ("customer", "latest_invoice", "default_payment_method"),
    "invoice": ("customer", "subscription", "payment_intent", "charge"),
    "price": ("product",),
    "plan": ("product",),
    "customer": ("default_source",),
    "payment_method": ("customer",),
}
LISTS = ("list", "search_result")

Resolver = Callable[[str], Awaitable[dict[str, Any] | None]]


def base(state: State, obj: Any) -> Any:
    """Reshape `obj` and everything inside it, in place; returns it."""
    if isinstance(obj, list):
        for item in obj:
            base(state, item)
        return obj
    if not isinstance(obj, dict):
        return obj
    for value in obj.values():
        base(state, value)
    fix = None if obj.get("deleted") else _FIXES.get(str(obj.get("object")))
    if fix:
        fix(state, obj)
    obj_id = obj.get("id")
    if isinstance(obj_id, str):
        obj.update(state.aside.get(obj_id, {}))
        if obj_id in state.backdates and "created" in obj:
            obj["created"] = state.backdates[obj_id]
    _collapse(state, obj)
    return obj


def _collapse(state: State, obj: dict[str, Any]) -> None:
    index = state.indexed()
    for field in EXPANDABLE.get(str(obj.get("object")), ()):
        value = obj.get(field)
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            index[value["id"]] = value
            obj[field] = value["id"]
    if isinstance(obj.get("id"), str) and obj.get("object") not in LISTS:
        index[obj["id"]] = obj


def _payment_intent(state: State, pi: dict[str, Any]) -> None:
    pi.pop("charges", None)
    status = pi.get("status")
    amount = pi.get("amount") or 0
    pi.setdefault("amount_received", amount if status == "succeeded" else 0)
    pi.setdefault("amount_capturable", amount if status == "requires_capture" else 0)
    for name in (
        "description",
        "receipt_email",
        "statement_descriptor",
        "statement_descriptor_suffix",
        "setup_future_usage",
        "shipping",
        "automatic_payment_methods",
        "canceled_at",
        "cancellation_reason",
        "transfer_group",
        "application_fee_amount",
        "on_behalf_of",
        "transfer_data",
        "review",
        "processing",
    ):
        pi.setdefault(name, None)
    pi.setdefault("payment_method_types", ["card"])
    pi.setdefault("confirmation_method", "automatic")
    error = pi.get("last_payment_error")
    if isinstance(error, dict) and error.get("code") == "card_declined":
        error.setdefault("type", "card_error")
        error.setdefault("decline_code", "generic_decline")


def _charge(state: State, charge: dict[str, Any]) -> None:
    captured = charge.get("captured") and charge.get("status") == "succeeded"
    charge.setdefault("amount_captured", charge.get("amount", 0) if captured else 0)
    for name in ("receipt_url", "outcome", "transfer_group", "application_fee_amount"):
        charge.setdefault(name, None)
    charge.setdefault("disputed", False)


def _refund(state: State, refund: dict[str, Any]) -> None:
    refund.pop("date", None)
    refund.setdefault("reason", None)
    refund.setdefault("description", None)


def _customer(state: State, customer: dict[str, Any]) -> None:
    if "account_balance" in customer:
        customer.setdefault("balance", -int(customer.pop("account_balance") or 0))
    customer["currency"] = None
    for includable in ("sources", "subscriptions", "tax_ids"):
        customer.pop(includable, None)
    customer.pop("business_vat_id", None)
    for name in ("invoice_prefix", "tax_exempt", "test_clock"):
        customer.setdefault(name, "none" if name == "tax_exempt" else None)


def _subscription(state: State, sub: dict[str, Any]) -> None:
    items = (sub.get("items") or {}).get("data") or []
    for item in items:
        plan = item.get("plan")
        if isinstance(plan, dict):
            item["price"] = price_from_plan(state, plan)
        item.setdefault("current_period_start", sub.get("current_period_start"))
        item.setdefault("current_period_end", sub.get("current_period_end"))
    if items and isinstance(items[0].get("price"), dict):
        sub.setdefault("currency", items[0]["price"].get("currency"))
    sub.setdefault("collection_method", "charge_automatically")
    sub.setdefault("default_payment_method", None)
    sub.setdefault("description", None)
    days = sub.get("trial_period_days")
    if sub.get("status") == "incomplete" and (days or sub.get("trial_end")):
        start = int(sub.get("start_date") or sub.get("created") or 0)
        end = int(sub.get("trial_end") or start + int(days or 0) * 86400)
        sub.update(status="trialing", trial_start=start, trial_end=end, current_period_end=end)
        for item in items:
            item["current_period_end"] = end


def price_from_plan(state: State, plan: dict[str, Any]) -> dict[str, Any]:
    """The Price with this Plan's id (the gateway stores recurring Prices as Plans)."""
    known = state.prices.get(str(plan.get("id")))
    if known is not None:
        price = copy.deepcopy(known)
        price["created"] = state.backdates.get(price["id"], price["created"])
        return price
    return {
        "id": plan.get("id"),
        "object": "price",
        "active": plan.get("active", True),
        "billing_scheme": "per_unit",
        "created": plan.get("created"),
        "currency": plan.get("currency"),
        "livemode": False,
        "lookup_key": None,
        "metadata": plan.get("metadata") or {},
        "nickname": plan.get("nickname"),
        "product": plan.get("product"),
        "recurring": {
            "interval": plan.get("interval"),
            "interval_count": plan.get("interval_count") or 1,
            "usage_type": "licensed",
            "trial_period_days": None,
        },
        "tax_behavior": "unspecified",
        "type": "recurring",
        "unit_amount": plan.get("amount"),
        "unit_amount_decimal": str(plan.get("amount")),
    }


_FIXES: dict[str, Callable[[State, dict[str, Any]], None]] = {
    "payment_intent": _payment_intent,
    "charge": _charge,
    "refund": _refund,
    "customer": _customer,
    "subscription": _subscription,
}


async def present(obj: dict[str, Any], expand: list[str], resolve: Resolver) -> dict[str, Any]:
    """A copy of a base-shaped object with the requested `expand` paths filled in."""
    out = copy.deepcopy(obj)
    for path in expand:
        if len(path.split(".")) > 4:
            raise stripe_error(400, "You cannot expand more than 4 levels of a property.")
        await _expand(out, path.split("."), path, resolve)
    return out


async def _expand(node: Any, parts: list[str], path: str, resolve: Resolver) -> None:
    if isinstance(node, list):
        for item in node:
            await _expand(item, parts, path, resolve)
        return
    if not isinstance(node, dict) or not parts:
        return
    field, rest = parts[0], parts[1:]
    if field not in node:
        raise stripe_error(400, f"This property cannot be expanded ({field}).", param="expand")
    value = node[field]
    if isinstance(value, str):
        if field not in EXPANDABLE.get(str(node.get("object")), ()):
            raise stripe_error(400, f"This property cannot be expanded ({field}).", param="expand")
        found = await resolve(value)
        node[field] = copy.deepcopy(found) if found is not None else value
        value = node[field]
    if rest:
        await _expand(value, rest, path, resolve)
