"""Errors in Stripe's wire shape, and the translation of localstripe's terse ones into it.

The stripe SDK picks its exception class from the HTTP status and `error.type`/`error.code`
(404 or `resource_missing` -> InvalidRequestError, 402 -> CardError, 429 -> RateLimitError,
5xx -> APIError), so both must be right for a client to react as it would against Stripe.
"""

from __future__ import annotations

import json
from typing import Any

RESOURCE_BY_PREFIX = {
    "cus_": "customer",
    "pi_": "payment_intent",
    "ch_": "charge",
    "re_": "refund",
    "sub_": "subscription",
    "si_": "subscription_item",
    "prod_": "product",
    "price_": "price",
    "plan_": "plan",
    "pm_": "payment_method",
    "in_": "invoice",
    "ii_": "invoiceitem",
    "txn_": "balance_transaction",
    "evt_": "event",
    "po_": "payout",
    "seti_": "setup_intent",
}

RESOURCE_BY_COLLECTION = {
    "customers": "customer",
    "payment_intents": "payment_intent",
    "charges": "charge",
    "refunds": "refund",
    "subscriptions": "subscription",
    "subscription_items": "subscription_item",
    "products": "product",
    "prices": "price",
    "plans": "plan",
    "payment_methods": "payment_method",
    "invoices": "invoice",
    "invoiceitems": "invoiceitem",
    "events": "event",
    "payouts": "payout",
    "setup_intents": "setup_intent",
    "coupons": "coupon",
    "tax_rates": "tax_rate",
}


class StripeHTTPError(Exception):
    """An error answer in Stripe's shape, raised anywhere in the gateway and rendered once."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None):
        super().__init__(body.get("error", {}).get("message", ""))
        self.status = status
        self.body = body
        self.headers = headers or {}


def stripe_error(
    status: int,
    message: str,
    *,
    type: str = "invalid_request_error",
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> StripeHTTPError:
    error: dict[str, Any] = {"type": type, "message": message}
    if code:
        error["code"] = code
        error["doc_url"] = f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}"
    if param:
        error["param"] = param
    error.update(extra)
    return StripeHTTPError(status, {"error": error}, headers)


def resource_kind(obj_id: str) -> str:
    for prefix, kind in RESOURCE_BY_PREFIX.items():
        if obj_id.startswith(prefix):
            return kind
    return "object"


def no_such(kind: str, obj_id: str, param: str = "id") -> StripeHTTPError:
    """Stripe's answer for an id that names nothing (the SDK maps it to InvalidRequestError)."""
    return stripe_error(404, f"No such {kind}: '{obj_id}'", code="resource_missing", param=param)


def unknown_parameter(name: str) -> StripeHTTPError:
    return stripe_error(
        400, f"Received unknown parameter: {name}", code="parameter_unknown", param=name
    )


def unsupported(what: str, param: str | None = None) -> StripeHTTPError:
    """Something real Stripe does that the sandbox does not imitate: say so, never fake it."""
    return stripe_error(400, f"The local sandbox does not support {what}.", param=param)


def unrecognized_url(method: str, path: str) -> StripeHTTPError:
    return stripe_error(
        404,
        f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs "
        "or we can help at https://support.stripe.com/.",
    )


def from_upstream(status: int, raw: bytes, method: str, path: str) -> StripeHTTPError:
    """localstripe's error (terse, sometimes plain text) in Stripe's shape."""
    try:
        upstream = json.loads(raw).get("error") or {}
    except (ValueError, AttributeError):
        upstream = {}
    message = str(upstream.get("message") or raw.decode("utf-8", "replace").strip() or "Error")
    if status == 404:
        return _not_found(message, method, path)
    if status == 402:
        return stripe_error(
            402,
            message,
            type="card_error",
            code=upstream.get("code") or "card_declined",
            decline_code=upstream.get("decline_code") or "generic_decline",
            **({"charge": upstream["charge"]} if upstream.get("charge") else {}),
        )
    if status == 400 and message.startswith("Unexpected "):
        return unknown_parameter(message.removeprefix("Unexpected ").split(",")[0].strip())
    if status == 401:
        return stripe_error(401, "Invalid API Key provided.")
    if status >= 500:
        return stripe_error(
            500, f"The local sandbox could not handle this request: {message}", type="api_error"
        )
    code = upstream.get("code")
    return stripe_error(status, message, code=code, type=_t(status))


def _t(status: int) -> str:
    return "invalid_request_error" if status < 500 else "api_error"


def _not_found(message: str, method: str, path: str) -> StripeHTTPError:
    parts = path.strip("/").split("/")
    if len(parts) >= 3 and parts[0] == "v1" and parts[1] in RESOURCE_BY_COLLECTION:
        return no_such(RESOURCE_BY_COLLECTION[parts[1]], parts[2])
    if message == "Not Found" and len(parts) == 2:
        return stripe_error(404, message, code="resource_missing")
    if message.startswith("404"):
        return unrecognized_url(method, path)
    return stripe_error(404, message, code="resource_missing")
