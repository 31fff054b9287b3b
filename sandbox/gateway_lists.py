"""List endpoints computed in the gateway, with Stripe's filters, order and cursor pagination.

localstripe's lists reject or ignore most filters and cannot see backdated times, so the gateway
reads the whole collection and does the work itself: newest first (`created` desc, ties by id
desc), `limit` 1-100 (default 10), `starting_after` / `ending_before` cursors, and the filters
Stripe documents for each list. A filter Stripe has but the sandbox does not implement is
refused with a clear message rather than ignored, so a client never gets silently wrong data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import stripe_error, unknown_parameter, unsupported
from sandbox.gateway_forms import as_bool, as_list, words
from sandbox.gateway_state import Call, Reply

Obj = dict[str, Any]
Test = Callable[[Obj], bool]
OrderKey = Callable[[Obj], tuple[int, int, str]]
COMMON = frozenset({"created", "limit", "starting_after", "ending_before", "expand"})
SUBSCRIPTION_STATUSES = words(
    "all incomplete incomplete_expired trialing active past_due unpaid canceled paused"
)


def _eq(field_name: str) -> Callable[[Any, str], Test]:
    def build(value: Any, param: str) -> Test:
        return lambda obj: obj.get(field_name) == value

    return build


def _active(value: Any, param: str) -> Test:
    flag = _boolean(value, param)
    return lambda obj: bool(obj.get("active")) == flag


def _shippable(value: Any, param: str) -> Test:
    flag = _boolean(value, param)
    return lambda obj: bool(obj.get("shippable")) == flag


def _in(field_name: str) -> Callable[[Any, str], Test]:
    def build(value: Any, param: str) -> Test:
        wanted = {str(v) for v in as_list(value)}
        return lambda obj: obj.get(field_name) in wanted

    return build


def _subscription_status(value: Any, param: str) -> Test:
    if value not in SUBSCRIPTION_STATUSES:
        raise stripe_error(400, f"Invalid status: must be one of {_choices()}", param=param)
    return (lambda obj: True) if value == "all" else (lambda obj: obj.get("status") == value)


def _choices() -> str:
    return ", ".join(sorted(SUBSCRIPTION_STATUSES))


def _subscription_price(value: Any, param: str) -> Test:
    def test(obj: Obj) -> bool:
        items = (obj.get("items") or {}).get("data") or []
        return any((item.get("price") or {}).get("id") == value for item in items)

    return test


def _price_type(value: Any, param: str) -> Test:
    if value not in ("one_time", "recurring"):
        raise stripe_error(400, "Invalid type: must be one of one_time or recurring", param=param)
    return lambda obj: obj.get("type") == value


def _price_recurring(value: Any, param: str) -> Test:
    if not isinstance(value, dict) or set(value) - {"interval", "usage_type"}:
        raise unsupported("this `recurring` filter", param=param)

    def test(obj: Obj) -> bool:
        recurring = obj.get("recurring") or {}
        return all(recurring.get(k) == v for k, v in value.items())

    return test


@dataclass(frozen=True)
class ListSpec:
    filters: dict[str, Callable[[Any, str], Test]]
    refused: frozenset[str] = frozenset()
    default: Callable[[Obj], bool] | None = None


SPECS: dict[str, ListSpec] = {
    "payment_intents": ListSpec({"customer": _eq("customer")}),
    "charges": ListSpec(
        {"customer": _eq("customer"), "payment_intent": _eq("payment_intent")},
        refused=frozenset({"transfer_group"}),
    ),
    "customers": ListSpec({"email": _eq("email")}, refused=frozenset({"test_clock"})),
    "refunds": ListSpec({"charge": _eq("charge"), "payment_intent": _eq("payment_intent")}),
    "subscriptions": ListSpec(
        {
            "customer": _eq("customer"),
            "status": _subscription_status,
            "price": _subscription_price,
        },
        refused=words(
            "automatic_tax collection_method current_period_end current_period_start test_clock"
        ),
        default=lambda obj: obj.get("status") not in ("canceled", "incomplete_expired"),
    ),
    "products": ListSpec(
        {"active": _active, "ids": _in("id"), "shippable": _shippable},
        refused=frozenset({"url"}),
    ),
    "prices": ListSpec(
        {
            "active": _active,
            "currency": _eq("currency"),
            "product": _eq("product"),
            "lookup_keys": _in("lookup_key"),
            "type": _price_type,
            "recurring": _price_recurring,
        },
        refused=frozenset({"currency_options"}),
    ),
}


async def list_objects(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    name = match.group(1)
    objects = await _source(gw, name)
    page, has_more = select(objects, SPECS[name], call.params, gw.state.order_key)
    body = {"object": "list", "data": page, "has_more": has_more, "url": call.path}
    return Reply(200, await gw.show(body, call.expand))


async def _source(gw: Gateway, name: str) -> list[Obj]:
    if name == "prices":
        found = [await gw.resolve(price_id) for price_id in gw.state.prices]
        return [price for price in found if price is not None]
    return await gw.collection(name)


def select(
    objects: list[Obj], spec: ListSpec, params: dict[str, Any], order_key: OrderKey
) -> tuple[list[Obj], bool]:
    """Filter, order (newest first, by `order_key`) and cut one page out of `objects`."""
    tests = _tests(spec, params)
    if spec.default is not None and "status" not in params:
        tests.append(spec.default)
    chosen = sorted((o for o in objects if all(t(o) for t in tests)), key=order_key, reverse=True)
    limit = parse_limit(params.get("limit"))
    after, before = params.get("starting_after"), params.get("ending_before")
    if after and before:
        raise stripe_error(
            400, "You may only specify one of these parameters: ending_before, starting_after."
        )
    if after:
        cursor = order_key(_cursor(objects, str(after), "starting_after"))
        rest = [o for o in chosen if order_key(o) < cursor]
        return rest[:limit], len(rest) > limit
    if before:
        cursor = order_key(_cursor(objects, str(before), "ending_before"))
        newer = [o for o in chosen if order_key(o) > cursor]
        return newer[-limit:], len(newer) > limit
    return chosen[:limit], len(chosen) > limit


def _tests(spec: ListSpec, params: dict[str, Any]) -> list[Test]:
    tests: list[Test] = []
    for key, value in params.items():
        if key in spec.refused:
            raise unsupported(f"the `{key}` filter on this list", param=key)
        if key == "created":
            tests.append(created_test(value))
        elif key in spec.filters:
            tests.append(spec.filters[key](value, key))
        elif key not in COMMON:
            raise unknown_parameter(key)
    return tests


def _cursor(objects: list[Obj], obj_id: str, param: str) -> Obj:
    for obj in objects:
        if obj.get("id") == obj_id:
            return obj
    raise stripe_error(400, f"No such object: '{obj_id}'", code="resource_missing", param=param)


def parse_limit(value: Any) -> int:
    if value is None:
        return 10
    limit = _integer(value, "limit")
    if limit < 1:
        raise stripe_error(400, "This value must be greater than or equal to 1.", param="limit")
    if limit > 100:
        raise stripe_error(400, "This value must be less than or equal to 100.", param="limit")
    return limit


def created_test(value: Any) -> Test:
    """`created=ts` or `created[gt|gte|lt|lte]=ts`, on the backdated times."""
    if not isinstance(value, dict):
        exact = _integer(value, "created")
        return lambda obj: int(obj.get("created") or 0) == exact
    bounds: list[tuple[str, int]] = []
    for op, raw in value.items():
        if op not in ("gt", "gte", "lt", "lte"):
            raise unknown_parameter(f"created[{op}]")
        bounds.append((op, _integer(raw, f"created[{op}]")))

    def test(obj: Obj) -> bool:
        t = int(obj.get("created") or 0)
        return all(_holds(t, op, bound) for op, bound in bounds)

    return test


def _holds(t: int, op: str, bound: int) -> bool:
    return {"gt": t > bound, "gte": t >= bound, "lt": t < bound, "lte": t <= bound}[op]


def _integer(value: Any, param: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise stripe_error(400, f"Invalid integer: {value}", param=param) from None


def _boolean(value: Any, param: str) -> bool:
    flag = as_bool(value)
    if flag is None:
        raise stripe_error(400, f"Invalid boolean: {value}", param=param)
    return flag
