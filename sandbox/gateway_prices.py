"""Prices, which localstripe lacks, and subscriptions that name them.

A Price lives in the gateway's table; a recurring one is also created upstream as a localstripe
Plan with the same id, so a subscription item `price=price_x` can be forwarded as
`plan=price_x` and localstripe bills it. Subscription answers then show `items.data[].price`
in Price shape (see gateway_shapes). Lookup keys are unique, as in Stripe, unless
`transfer_lookup_key=true` moves the key.
"""

from __future__ import annotations

import re
import secrets
import string
import time
from typing import Any

from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import (
    StripeHTTPError,
    no_such,
    stripe_error,
    unknown_parameter,
    unsupported,
)
from sandbox.gateway_forms import as_bool, words
from sandbox.gateway_params import SUBSCRIPTION_CREATE, echoed, split
from sandbox.gateway_state import Call, Reply

CREATE = words(
    "active billing_scheme currency currency_options custom_unit_amount expand lookup_key "
    "metadata nickname product product_data recurring tax_behavior tiers tiers_mode "
    "transfer_lookup_key transform_quantity unit_amount unit_amount_decimal"
)
UPDATE = words(
    "active currency_options expand lookup_key metadata nickname tax_behavior transfer_lookup_key"
)
REFUSED = words("currency_options custom_unit_amount tiers tiers_mode transform_quantity")
INTERVALS = ("day", "week", "month", "year")
ITEM_KEYS = words("price plan quantity metadata tax_rates")
NO_PAYMENT_METHOD = (
    "This customer has no attached payment source or default payment method. Please consider "
    "adding a default payment method. For more information, visit "
    "https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority."
)


def _check(params: dict[str, Any], allowed: frozenset[str]) -> None:
    for key in params:
        if key not in allowed:
            raise unknown_parameter(key)
        if key in REFUSED:
            raise unsupported(f"the `{key}` parameter", param=key)


async def create_price(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    p = call.params
    _check(p, CREATE)
    currency = str(p.get("currency") or "").lower()
    if not re.fullmatch(r"[a-z]{3}", currency):
        raise stripe_error(400, "Missing required param: currency.", param="currency")
    if p.get("billing_scheme", "per_unit") != "per_unit":
        raise unsupported("tiered prices", param="billing_scheme")
    amount = _unit_amount(p)
    recurring = _recurring(p.get("recurring"))
    product = await _product(gw, p)
    price_id = "price_" + "".join(
        secrets.choice(string.ascii_letters + string.digits) for _ in range(24)
    )
    lookup_key = _claim_lookup_key(gw, p.get("lookup_key"), price_id, p)
    active = as_bool(p.get("active", True)) is not False
    record: dict[str, Any] = {
        "id": price_id,
        "object": "price",
        "active": active,
        "billing_scheme": "per_unit",
        "created": int(time.time()),
        "currency": currency,
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": lookup_key,
        "metadata": dict(p.get("metadata") or {}),
        "nickname": p.get("nickname") or None,
        "product": product,
        "recurring": recurring,
        "tax_behavior": p.get("tax_behavior") or "unspecified",
        "tiers_mode": None,
        "transform_quantity": None,
        "type": "recurring" if recurring else "one_time",
        "unit_amount": amount,
        "unit_amount_decimal": str(amount),
    }
    if recurring:
        await gw.upstream("POST", "/v1/plans", _plan(record))
    gw.state.prices[price_id] = record
    gw.state.saw_created(record)
    gw.state.changed()
    return Reply(200, await gw.show(await gw.fetch(price_id), call.expand))


def _unit_amount(p: dict[str, Any]) -> int:
    raw = p.get("unit_amount", p.get("unit_amount_decimal"))
    if raw is None:
        raise stripe_error(400, "Missing required param: unit_amount.", param="unit_amount")
    try:
        amount = int(str(raw))
    except ValueError:
        raise stripe_error(400, f"Invalid integer: {raw}", param="unit_amount") from None
    if amount < 0:
        raise stripe_error(400, "Invalid non-negative integer", param="unit_amount")
    return amount


def _recurring(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("interval") not in INTERVALS:
        raise stripe_error(
            400,
            "Invalid recurring[interval]: must be one of day, week, month, or year",
            param="recurring[interval]",
        )
    if raw.get("usage_type", "licensed") != "licensed" or raw.get("aggregate_usage"):
        raise unsupported("metered prices", param="recurring[usage_type]")
    count = int(str(raw.get("interval_count") or 1))
    days = raw.get("trial_period_days")
    return {
        "aggregate_usage": None,
        "interval": raw["interval"],
        "interval_count": count,
        "trial_period_days": int(days) if days not in (None, "") else None,
        "usage_type": "licensed",
    }


async def _product(gw: Gateway, p: dict[str, Any]) -> str:
    if isinstance(p.get("product"), str):
        await gw.fetch(p["product"], "product")
        return str(p["product"])
    data = p.get("product_data")
    if isinstance(data, dict) and data.get("name"):
        created = await gw.upstream("POST", "/v1/products", {"name": data["name"]})
        return str(created["id"])
    raise stripe_error(400, "Missing required param: product.", param="product")


def _claim_lookup_key(gw: Gateway, key: Any, price_id: str, p: dict[str, Any]) -> str | None:
    if key in (None, ""):
        return None
    for other in gw.state.prices.values():
        if other["lookup_key"] == key and other["id"] != price_id:
            if not as_bool(p.get("transfer_lookup_key")):
                raise stripe_error(
                    400,
                    f"A price (`{other['id']}`) already uses that lookup key.",
                    param="lookup_key",
                )
            other["lookup_key"] = None
    return str(key)


def _plan(price: dict[str, Any]) -> dict[str, Any]:
    recurring = price["recurring"]
    plan = {
        "id": price["id"],
        "product": price["product"],
        "amount": price["unit_amount"],
        "currency": price["currency"],
        "interval": recurring["interval"],
        "interval_count": recurring["interval_count"],
        "active": price["active"],
    }
    if price["nickname"]:
        plan["nickname"] = price["nickname"]
    return plan


async def get_price(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    return Reply(200, await gw.show(await gw.fetch(match.group(1)), call.expand))


async def update_price(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    price_id = match.group(1)
    record = gw.state.prices.get(price_id)
    if record is None:
        raise no_such("price", price_id)
    p = call.params
    _check(p, UPDATE)
    if "active" in p:
        record["active"] = as_bool(p["active"]) is not False
        if record["recurring"]:
            await gw.upstream("POST", f"/v1/plans/{price_id}", {"active": record["active"]})
    if "nickname" in p:
        record["nickname"] = p["nickname"] or None
    if "tax_behavior" in p:
        record["tax_behavior"] = p["tax_behavior"]
    if "lookup_key" in p:
        record["lookup_key"] = _claim_lookup_key(gw, p["lookup_key"], price_id, p)
    for key, value in (p.get("metadata") or {}).items():
        if value == "":
            record["metadata"].pop(key, None)
        else:
            record["metadata"][key] = value
    gw.state.changed()
    return Reply(200, await gw.show(await gw.fetch(price_id), call.expand))


async def create_subscription(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    forward, aside = split(SUBSCRIPTION_CREATE, call.params)
    if not isinstance(forward.get("customer"), str):
        raise stripe_error(400, "Missing required param: customer.", param="customer")
    await gw.fetch(forward["customer"], "customer")
    forward["items"] = _items(gw, forward.get("items"))
    try:
        created = await gw.upstream("POST", "/v1/subscriptions", forward)
    except StripeHTTPError as err:
        if "no payment method" in str(err):
            raise stripe_error(400, NO_PAYMENT_METHOD, code="resource_missing") from None
        raise
    gw.state.keep_aside(created["id"], echoed(aside))
    return Reply(200, await gw.show(await gw.fetch(created["id"]), call.expand))


def _items(gw: Gateway, items: Any) -> list[dict[str, Any]]:
    """`items[i][price]` as localstripe's `items[i][plan]`, after Stripe's checks."""
    if not isinstance(items, list) or not items:
        raise stripe_error(400, "Missing required param: items.", param="items")
    if len(items) > 1:
        raise unsupported("subscriptions with more than one item", param="items")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise stripe_error(400, "Invalid items", param=f"items[{i}]")
        if "price_data" in item:
            raise unsupported("`price_data` on subscription items", param=f"items[{i}][price_data]")
        for key in item:
            if key not in ITEM_KEYS:
                raise unknown_parameter(f"items[{i}][{key}]")
        price_id = str(item.get("price") or item.get("plan") or "")
        _check_price(gw, price_id, f"items[{i}][price]")
        rest = {k: v for k, v in item.items() if k not in ("price", "plan")}
        out.append({"plan": price_id, **rest})
    return out


def _check_price(gw: Gateway, price_id: str, param: str) -> None:
    price = gw.state.prices.get(price_id)
    if price is None:
        if price_id.startswith("plan_"):
            return
        raise no_such("price", price_id, param)
    if price["type"] != "recurring":
        raise stripe_error(
            400,
            "The price specified is set to `type=one_time` but this field only accepts prices "
            "with `type=recurring`.",
            param=param,
        )
    if not price["active"]:
        raise stripe_error(
            400,
            "The price specified is inactive. This field only accepts active prices.",
            param=param,
        )
