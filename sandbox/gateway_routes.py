"""Which handler answers which `/v1` request; anything unlisted passes through to localstripe."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from sandbox.gateway_admin import account
from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import unsupported
from sandbox.gateway_lists import list_objects
from sandbox.gateway_params import (
    CUSTOMER_CREATE,
    CUSTOMER_UPDATE,
    PRODUCT_CREATE,
    PRODUCT_UPDATE,
    ParamRule,
    echoed,
    split,
)
from sandbox.gateway_payments import (
    balance,
    create_payment_intent,
    create_refund,
    update_payment_intent,
)
from sandbox.gateway_prices import create_price, create_subscription, get_price, update_price
from sandbox.gateway_search import search
from sandbox.gateway_state import Call, Reply

Handler = Callable[[Gateway, Call, re.Match[str]], Awaitable[Reply]]
ID = r"([A-Za-z0-9_]+)"


def create_with(rule: ParamRule) -> Handler:
    """Create upstream with what localstripe takes; keep the rest aside for the answers."""

    async def handler(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
        forward, aside = split(rule, call.params)
        created = await gw.upstream("POST", call.path, forward)
        gw.state.keep_aside(created["id"], echoed(aside))
        return Reply(200, await gw.show(await gw.fetch(created["id"]), call.expand))

    return handler


def update_with(rule: ParamRule) -> Handler:
    async def handler(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
        obj_id = match.group(1)
        forward, aside = split(rule, call.params)
        await gw.fetch(obj_id)
        if forward:
            await gw.upstream("POST", call.path, forward)
        gw.state.keep_aside(obj_id, echoed(aside))
        return Reply(200, await gw.show(await gw.fetch(obj_id), call.expand))

    return handler


async def search_elsewhere(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    raise unsupported(f"search on {match.group(1)} (only customers and payment_intents)")


async def pass_through(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    return await gw.forward(call)


LISTED = "payment_intents|charges|customers|refunds|subscriptions|products|prices"
ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    (m, re.compile(p), h)
    for m, p, h in (
        ("GET", r"^/v1/account$", account),
        ("GET", r"^/v1/balance$", balance),
        ("GET", r"^/v1/(customers|payment_intents)/search$", search),
        ("GET", r"^/v1/(charges|invoices|prices|products|subscriptions)/search$", search_elsewhere),
        ("GET", rf"^/v1/({LISTED})$", list_objects),
        ("POST", r"^/v1/prices$", create_price),
        ("GET", rf"^/v1/prices/{ID}$", get_price),
        ("POST", rf"^/v1/prices/{ID}$", update_price),
        ("POST", r"^/v1/subscriptions$", create_subscription),
        ("POST", r"^/v1/payment_intents$", create_payment_intent),
        ("POST", rf"^/v1/payment_intents/{ID}$", update_payment_intent),
        ("POST", r"^/v1/refunds$", create_refund),
        ("POST", r"^/v1/customers$", create_with(CUSTOMER_CREATE)),
        ("POST", rf"^/v1/customers/{ID}$", update_with(CUSTOMER_UPDATE)),
        ("POST", r"^/v1/products$", create_with(PRODUCT_CREATE)),
        ("POST", rf"^/v1/products/{ID}$", update_with(PRODUCT_UPDATE)),
    )
]


def route(method: str, path: str) -> tuple[Handler, re.Match[str]]:
    for m, pattern, handler in ROUTES:
        found = pattern.match(path)
        if m == method and found:
            return handler, found
    return pass_through, re.match(r".*", path)  # type: ignore[return-value]
