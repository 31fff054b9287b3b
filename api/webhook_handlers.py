"""What happens to a verified Stripe event: it is stored once, then the events this platform
cares about become a small notice handed to the registered notification hooks.

Handled types: payment_intent.succeeded, payment_intent.payment_failed, charge.refunded,
customer.subscription.*. Hooks are registered by pattern (`fnmatch`, e.g. "payment_intent.*");
the default hook logs, and with WEBHOOK_NOTIFY_URL set a second one POSTs the notice there.
A failing hook is logged and recorded on the event; it never fails the delivery.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.webhook_settings import WebhookSettings
from api.webhook_tables import WebhookEventRow, utcnow
from skills.money import format_amount

log = logging.getLogger(__name__)

HANDLED = (
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "charge.refunded",
    "customer.subscription.*",
)


class WebhookNotice(BaseModel):
    """The part of an event a notification needs; never the whole payload."""

    event_id: str
    type: str
    account: str | None = None
    livemode: bool = False
    object_id: str | None = None
    amount: int | None = None
    currency: str | None = None
    status: str | None = None
    customer: str | None = None
    summary: str


Hook = Callable[[WebhookNotice], None]


class WebhookHooks:
    """The registry of notification hooks, matched against the event type."""

    def __init__(self) -> None:
        self._hooks: list[tuple[str, Hook]] = []

    def register_hook(self, event_type_pattern: str, hook: Hook) -> None:
        self._hooks.append((event_type_pattern, hook))

    def matching(self, event_type: str) -> list[Hook]:
        return [hook for pattern, hook in self._hooks if fnmatch.fnmatchcase(event_type, pattern)]


def log_hook(notice: WebhookNotice) -> None:
    log.info("stripe event: %s", notice.summary, extra={"event_id": notice.event_id})


def http_notify_hook(url: str, timeout: float) -> Hook:
    """POST the notice as JSON to `url` (e.g. a chat or ops channel's incoming webhook)."""

    def notify(notice: WebhookNotice) -> None:
        response = httpx.post(url, json=notice.model_dump(mode="json"), timeout=timeout)
        response.raise_for_status()

    return notify


def default_hooks(settings: WebhookSettings) -> WebhookHooks:
    hooks = WebhookHooks()
    hooks.register_hook("*", log_hook)
    if settings.notify_url:
        hooks.register_hook("*", http_notify_hook(settings.notify_url, settings.notify_timeout))
    return hooks


def is_handled(event_type: str) -> bool:
    return any(fnmatch.fnmatchcase(event_type, pattern) for pattern in HANDLED)


def notice_for(event: dict[str, Any]) -> WebhookNotice:
    obj: dict[str, Any] = (event.get("data") or {}).get("object") or {}
    kind = str(event.get("type", ""))
    amount = obj.get("amount")
    currency = obj.get("currency")
    customer = obj.get("customer")
    return WebhookNotice(
        event_id=str(event["id"]),
        type=kind,
        account=event.get("account"),
        livemode=bool(event.get("livemode")),
        object_id=obj.get("id"),
        amount=amount if isinstance(amount, int) else None,
        currency=currency if isinstance(currency, str) else None,
        status=obj.get("status"),
        customer=customer if isinstance(customer, str) else None,
        summary=_summary(kind, obj),
    )


def _money(obj: dict[str, Any], field: str = "amount") -> str:
    amount, currency = obj.get(field), obj.get("currency")
    if isinstance(amount, int) and isinstance(currency, str):
        return format_amount(amount, currency)
    return "an unknown amount"


def _summary(kind: str, obj: dict[str, Any]) -> str:
    oid = obj.get("id", "?")
    if kind == "payment_intent.succeeded":
        return f"Payment {oid} of {_money(obj)} succeeded."
    if kind == "payment_intent.payment_failed":
        why = (obj.get("last_payment_error") or {}).get("message") or "no reason given"
        return f"Payment {oid} of {_money(obj)} failed: {why}."
    if kind == "charge.refunded":
        return f"Charge {oid}: {_money(obj, 'amount_refunded')} of {_money(obj)} refunded."
    if kind.startswith("customer.subscription."):
        what = kind.rsplit(".", 1)[-1].replace("_", " ")
        return f"Subscription {oid} {what}; status {obj.get('status', 'unknown')}."
    return f"{kind} on {oid}."


class WebhookInbox:
    """Stores verified events once and runs their handlers."""

    def __init__(self, engine: Engine, settings: WebhookSettings, hooks: WebhookHooks) -> None:
        self.engine = engine
        self.settings = settings
        self.hooks = hooks

    def store(self, event: dict[str, Any]) -> bool:
        """True if the event is new; False for a redelivery (nothing is stored or run again)."""
        event_id, kind = str(event["id"]), str(event.get("type") or "")
        created = event.get("created")
        row = WebhookEventRow(
            id=event_id,
            type=kind,
            account=event.get("account"),
            livemode=bool(event.get("livemode")),
            created=created if isinstance(created, int) else None,
            payload=event,
        )
        try:
            with Session(self.engine) as s:
                s.add(row)
                s.commit()
        except IntegrityError:
            log.info("stripe event redelivered", extra={"event_id": event_id, "type": kind})
            return False
        log.info("stripe event stored", extra={"event_id": event_id, "type": kind})
        return True

    def dispatch(self, event: dict[str, Any]) -> None:
        """Record what the event means and notify the hooks (after Stripe has its 200)."""
        kind = str(event.get("type") or "")
        if not is_handled(kind):
            self._finish(event["id"], "ignored", None, None)
            return
        notice = notice_for(event)
        errors = []
        for hook in self.hooks.matching(kind):
            try:
                hook(notice)
            except Exception as err:
                errors.append(f"{getattr(hook, '__name__', 'hook')}: {type(err).__name__}")
                # the type only: a notify URL can itself be a secret (chat webhooks)
                log.warning(
                    "webhook hook failed",
                    extra={"event_id": notice.event_id, "error": type(err).__name__},
                )
        status = "hook_failed" if errors else "handled"
        self._finish(event["id"], status, notice.summary, "; ".join(errors) or None)

    def _finish(self, event_id: str, status: str, summary: str | None, errors: str | None) -> None:
        with Session(self.engine) as s:
            row = s.get(WebhookEventRow, event_id)
            if row is None:
                return
            row.status, row.summary, row.hook_errors = status, summary, errors
            row.handled_at = utcnow()
            s.add(row)
            s.commit()

    def get(self, event_id: str) -> WebhookEventRow | None:
        with Session(self.engine) as s:
            return s.get(WebhookEventRow, event_id)
