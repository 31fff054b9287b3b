"""Money endpoints: PaymentIntents, Refunds and the Balance, made to behave as Stripe's do.

localstripe refunds any amount, even past what was paid, answers a decline as an
`invalid_request_error` without the PaymentIntent, forgets `description` (it refuses it), and
returns a fixed fake balance. Here refunds are checked against what remains (under one lock, so
two concurrent refunds cannot both pass), a decline is a `card_error` carrying the
PaymentIntent, kept-aside fields reach the charge as Stripe copies them, and the balance is
computed from the charges themselves.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import StripeHTTPError, stripe_error, unknown_parameter
from sandbox.gateway_forms import as_bool, words
from sandbox.gateway_params import (
    PAYMENT_INTENT_CREATE,
    PAYMENT_INTENT_UPDATE,
    REFUND_CREATE,
    echoed,
    split,
)
from sandbox.gateway_state import Call, Reply

COPIED_TO_CHARGE = ("description", "receipt_email", "statement_descriptor", "shipping")
REASONS = ("duplicate", "fraudulent", "requested_by_customer")
ZERO_DECIMAL = words("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf")
SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"}


def money(amount: int, currency: str) -> str:
    """An amount as Stripe's messages write it: `$25.00`, `¥500`."""
    cur = currency.lower()
    number = f"{amount:,}" if cur in ZERO_DECIMAL else f"{amount / 100:,.2f}"
    symbol = SYMBOLS.get(cur)
    return f"{symbol}{number}" if symbol else f"{number} {cur.upper()}"


async def create_payment_intent(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    forward, aside = split(PAYMENT_INTENT_CREATE, call.params)
    if as_bool(forward.get("confirm")) and not forward.get("payment_method"):
        raise stripe_error(
            400,
            "You cannot confirm this PaymentIntent because it's missing a payment method. "
            "Specify a payment method attached to the customer along with the customer ID.",
            code="payment_intent_unexpected_state",
        )
    try:
        created = await gw.upstream("POST", "/v1/payment_intents", forward)
    except StripeHTTPError as err:
        if err.status == 402:
            raise await _declined(gw, err, aside) from None
        raise
    _keep(gw, created["id"], created.get("latest_charge"), aside)
    pi = await gw.fetch(created["id"])
    return Reply(200, await gw.show(pi, call.expand))


async def _declined(gw: Gateway, err: StripeHTTPError, aside: dict[str, Any]) -> StripeHTTPError:
    """Stripe's decline: a card_error that carries the (now failed) PaymentIntent."""
    error = err.body["error"]
    charge = await gw.resolve(str(error.get("charge") or ""))
    pi_id = charge.get("payment_intent") if charge else None
    if isinstance(pi_id, str):
        gw.state.saw_created([{"id": pi_id, "object": "payment_intent"}, charge])
        _keep(gw, pi_id, error.get("charge"), aside)
        error["payment_intent"] = await gw.show(await gw.fetch(pi_id), [])
        error["payment_method"] = {"id": charge.get("payment_method") if charge else None}
    return err


def _keep(gw: Gateway, pi_id: str, charge_id: Any, aside: dict[str, Any]) -> None:
    fields = echoed(aside)
    gw.state.keep_aside(pi_id, fields)
    if isinstance(charge_id, str):
        gw.state.keep_aside(charge_id, {k: v for k, v in fields.items() if k in COPIED_TO_CHARGE})


async def update_payment_intent(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    pi_id = match.group(1)
    forward, aside = split(PAYMENT_INTENT_UPDATE, call.params)
    current = await gw.fetch(pi_id)
    if forward:
        await gw.upstream("POST", call.path, forward)
    _keep(gw, pi_id, current.get("latest_charge"), aside)
    return Reply(200, await gw.show(await gw.fetch(pi_id), call.expand))


async def create_refund(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    forward, aside = split(REFUND_CREATE, call.params)
    reason = aside.get("reason")
    if reason is not None and reason not in REASONS:
        raise stripe_error(
            400,
            "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
            param="reason",
        )
    async with gw.state.money_lock:
        charge = await _refundable_charge(gw, forward)
        amount = _refund_amount(forward.get("amount"), charge)
        created = await gw.upstream("POST", "/v1/refunds", {**forward, "amount": amount})
    fields = echoed(aside)
    if not created.get("payment_intent") and charge.get("payment_intent"):
        fields["payment_intent"] = charge["payment_intent"]
    gw.state.keep_aside(created["id"], fields)
    refund = await gw.fetch(created["id"])
    return Reply(200, await gw.show(refund, call.expand))


async def _refundable_charge(gw: Gateway, params: dict[str, Any]) -> dict[str, Any]:
    pi_id, charge_id = params.get("payment_intent"), params.get("charge")
    if pi_id and charge_id:
        raise stripe_error(
            400, "You can only specify one of these parameters: charge, payment_intent."
        )
    if not pi_id and not charge_id:
        raise stripe_error(
            400,
            "One of the following params should be provided for this request: "
            "payment_intent or charge.",
        )
    if pi_id:
        pi = await gw.fetch(str(pi_id), "payment_intent")
        charge_id = pi.get("latest_charge")
        if pi.get("status") != "succeeded" or not isinstance(charge_id, str):
            raise stripe_error(
                400,
                f"This PaymentIntent ({pi_id}) does not have a successful charge to refund.",
                param="payment_intent",
            )
    charge = await gw.fetch(str(charge_id), "charge")
    if charge.get("status") != "succeeded":
        raise stripe_error(
            400, f"Charge {charge_id} has not succeeded, so it cannot be refunded.", param="charge"
        )
    if charge["amount"] - charge.get("amount_refunded", 0) <= 0:
        raise stripe_error(
            400, f"Charge {charge_id} has already been refunded.", code="charge_already_refunded"
        )
    return charge


def _refund_amount(raw: Any, charge: dict[str, Any]) -> int:
    remaining = int(charge["amount"]) - int(charge.get("amount_refunded") or 0)
    if raw is None:
        return remaining
    try:
        amount = int(str(raw))
    except ValueError:
        amount = 0
    if amount < 1:
        raise stripe_error(400, "Invalid positive integer", param="amount")
    if amount > remaining:
        currency = str(charge.get("currency"))
        raise stripe_error(
            400,
            f"Refund amount ({money(amount, currency)}) is greater than unrefunded amount on "
            f"charge ({money(remaining, currency)})",
            param="amount",
        )
    return amount


async def balance(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    """Per currency: captured, succeeded charges minus their refunds; nothing pending."""
    for key in call.params:
        if key != "expand":
            raise unknown_parameter(key)
    totals: dict[str, int] = defaultdict(int)
    for charge in await gw.collection("charges"):
        if charge.get("status") == "succeeded" and charge.get("captured"):
            net = int(charge["amount"]) - int(charge.get("amount_refunded") or 0)
            totals[str(charge["currency"])] += net
    currencies = ["usd", *sorted(c for c in totals if c != "usd")]
    body = {
        "object": "balance",
        "available": [_funds(totals.get(c, 0), c) for c in currencies],
        "pending": [_funds(0, c) for c in currencies],
        "connect_reserved": [],
        "livemode": False,
    }
    return Reply(200, body)


def _funds(amount: int, currency: str) -> dict[str, Any]:
    return {"amount": amount, "currency": currency, "source_types": {"card": amount}}
