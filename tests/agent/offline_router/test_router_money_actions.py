"""create_payment and refund_payment: amounts in minor units, customers and payments as given."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, expand, kind, tool

from agent.offline_router import RouterContext


def cp(**args: Any) -> dict[str, Any]:
    return tool("create_payment", **args)


def rf(**args: Any) -> dict[str, Any]:
    return tool("refund_payment", **args)


CREATE = [
    (
        "charge cus_Q8rT2mX 49.99 for the annual tune-up",
        cp(amount=4999, customer="cus_Q8rT2mX", description="annual tune-up"),
    ),
    ("charge jane@example.com $25", cp(amount=2500, customer="jane@example.com")),
    ("charge Jane Doe $20", cp(amount=2000, customer="Jane Doe")),
    (
        "bill Acme Corp 200 euros for consulting",
        cp(amount=20000, currency="eur", customer="Acme Corp", description="consulting"),
    ),
    ("take a payment of $30 from bob@x.com", cp(amount=3000, customer="bob@x.com")),
    ("create a payment for $12", cp(amount=1200)),
    ("create a payment of 15 gbp", cp(amount=1500, currency="gbp")),
    ("make a $20 charge to cus_AbC123", cp(amount=2000, customer="cus_AbC123")),
    (
        "new payment: €75 from maria@shop.co",
        cp(amount=7500, currency="eur", customer="maria@shop.co"),
    ),
    ("charge 9.99 to dana@studio.io", cp(amount=999, customer="dana@studio.io")),
    ("charge cus_X1y2Z3 fifty dollars", cp(amount=5000, customer="cus_X1y2Z3")),
    ("charge ¥500 to cus_JP1234", cp(amount=500, currency="jpy", customer="cus_JP1234")),
    ("collect $100 from cus_ABCdef", cp(amount=10000, customer="cus_ABCdef")),
    (
        "charge bob@acme.io 1,250.00 euros for the website redesign",
        cp(amount=125000, currency="eur", customer="bob@acme.io", description="website redesign"),
    ),
    ("run a charge of $45 on jane@example.com", cp(amount=4500, customer="jane@example.com")),
    ("charge jane 50", cp(amount=5000, customer="jane")),
    (
        "Charge Tom Baker £12.50 for a haircut",
        cp(amount=1250, currency="gbp", customer="Tom Baker", description="haircut"),
    ),
    (
        "I need to charge cus_77AbcD $300 for the March retainer",
        cp(amount=30000, customer="cus_77AbcD", description="March retainer"),
    ),
    ("charge $15.75 to Jane Doe", cp(amount=1575, customer="Jane Doe")),
    (
        "bill maria@shop.co 80 dollars, description: monthly flowers",
        cp(amount=8000, customer="maria@shop.co", description="monthly flowers"),
    ),
    (
        "create a payment of $99 for cus_T3st12 with description 'Gold package'",
        cp(amount=9900, customer="cus_T3st12", description="Gold package"),
    ),
    ("chrage jane@x.io $10", cp(amount=1000, customer="jane@x.io")),
    ("charge $5", cp(amount=500)),
    ("make a payment of 20 dollars", cp(amount=2000)),
    ("process a payment of $60 for bob@x.com", cp(amount=6000, customer="bob@x.com")),
    ("charge acme@corp.com 2k", cp(amount=200000, customer="acme@corp.com")),
    ("charge 12,50 € to cus_EU1234", cp(amount=1250, currency="eur", customer="cus_EU1234")),
    ("debit jane@x.io $7", cp(amount=700, customer="jane@x.io")),
    (
        "can u charge bob@bob.com 35 bucks for lunch",
        cp(amount=3500, customer="bob@bob.com", description="lunch"),
    ),
    (
        "charge Globex Inc $1200 for Q2 hosting",
        cp(amount=120000, customer="Globex Inc", description="Q2 hosting"),
    ),
    ("charge cus_9Lm2Nx 75", cp(amount=7500, customer="cus_9Lm2Nx")),
    ("charge jane@x.io twenty five dollars", cp(amount=2500, customer="jane@x.io")),
    ("put a $25 charge on cus_PUT123", cp(amount=2500, customer="cus_PUT123")),
]

REFUND = [
    ("refund 12,50 € of ch_1AbCdEf", rf(payment="ch_1AbCdEf", amount=1250)),
    ("refund pi_3NkQ2aLm", rf(payment="pi_3NkQ2aLm")),
    ("refund pi_3NkQ2aLm in full", rf(payment="pi_3NkQ2aLm")),
    ("refund $20 of pi_123abc", rf(payment="pi_123abc", amount=2000)),
    ("refund ch_3Mm9Xy as a duplicate", rf(payment="ch_3Mm9Xy", reason="duplicate")),
    ("refund pi_ABC123 because it was fraudulent", rf(payment="pi_ABC123", reason="fraudulent")),
    (
        "refund pi_ABC123, customer asked for it",
        rf(payment="pi_ABC123", reason="requested_by_customer"),
    ),
    ("issue a refund for pi_Zz9Yy8", rf(payment="pi_Zz9Yy8")),
    ("give jane her money back for pi_Q1w2E3", rf(payment="pi_Q1w2E3")),
    ("reverse the charge ch_9Kk8Jj", rf(payment="ch_9Kk8Jj")),
    ("refund 5 dollars on pi_555aaa", rf(payment="pi_555aaa", amount=500)),
    ("partial refund of $15 for ch_1a2b3c", rf(payment="ch_1a2b3c", amount=1500)),
    ("full refund for pi_999xyz, double charge", rf(payment="pi_999xyz", reason="duplicate")),
    ("refnd pi_Typo12", rf(payment="pi_Typo12")),
    ("refund pi_Frd123 - stolen card", rf(payment="pi_Frd123", reason="fraudulent")),
    (
        "refund pi_abc123, the customer requested it",
        rf(payment="pi_abc123", reason="requested_by_customer"),
    ),
    ("refund ch_1AbCdEf 30", rf(payment="ch_1AbCdEf", amount=3000)),
    ("refund twenty dollars from pi_Tw3nty1", rf(payment="pi_Tw3nty1", amount=2000)),
    (
        "I want to refund pi_Cust001 at the customer's request",
        rf(payment="pi_Cust001", reason="requested_by_customer"),
    ),
    ("Refund the duplicate payment pi_Dup001", rf(payment="pi_Dup001", reason="duplicate")),
    ("refund ¥500 of pi_Yen001", rf(payment="pi_Yen001", amount=500)),
    ("customer was charged twice, refund pi_Twice01", rf(payment="pi_Twice01", reason="duplicate")),
    ("refund $7.50 on ch_Small1 - fraud", rf(payment="ch_Small1", amount=750, reason="fraudulent")),
    ("reimburse pi_Reimb01", rf(payment="pi_Reimb01")),
    ("Refund all of pi_AllOf1", rf(payment="pi_AllOf1")),
]


@pytest.mark.parametrize(("message", "expected"), expand(CREATE))
def test_charge_requests_route_to_create_payment(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), expand(REFUND))
def test_refund_requests_route_to_refund_payment(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


CTX = RouterContext(
    last_customer="cus_JANE01",
    last_payment="pi_NEWEST1",
    last_payments=["pi_NEWEST1", "pi_SECOND2", "pi_THIRD33"],
)
CONTEXT_CASES = [
    ("refund it", rf(payment="pi_NEWEST1")),
    ("refund that one", rf(payment="pi_NEWEST1")),
    ("refund the last one", rf(payment="pi_NEWEST1")),
    ("refund that payment", rf(payment="pi_NEWEST1")),
    ("refund the second one", rf(payment="pi_SECOND2")),
    ("refund the 3rd one, it was a duplicate", rf(payment="pi_THIRD33", reason="duplicate")),
    ("refund $5 of it", rf(payment="pi_NEWEST1", amount=500)),
    ("charge her $20", cp(amount=2000, customer="cus_JANE01")),
    ("charge them again for $15", cp(amount=1500, customer="cus_JANE01")),
]


@pytest.mark.parametrize(("message", "expected"), CONTEXT_CASES)
def test_references_to_earlier_turns_use_the_context(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=CTX)


CLARIFY = [
    ("refund that payment", "payment"),
    ("refund", "payment"),
    ("refund it", "payment"),
    ("I need a refund", "payment"),
    ("charge jane@x.io", "amount"),
    ("charge Jane Doe", "amount"),
    ("charge", "amount"),
    ("create a payment", "amount"),
    ("charge him $20", "customer"),
]


@pytest.mark.parametrize(("message", "missing"), CLARIFY)
def test_a_money_action_missing_an_argument_asks_for_it(message: str, missing: str) -> None:
    decision = check(message, kind("clarify"))
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == missing
    assert decision.text.endswith("?") or "?" in decision.text


LOOKUPS = [
    ("refund half of pi_Half01", {"payment": "pi_Half01"}),
    ("refund 25% of ch_3Quarter1", {"payment": "ch_3Quarter1"}),
    ("please refund two thirds of pi_3Thirds", {"payment": "pi_3Thirds"}),
    ("refund Jane's last payment", {"customer": "Jane"}),
    ("refund the latest charge from dana@studio.io", {"customer": "dana@studio.io"}),
    ("refund her most recent payment", {"customer": "jane@example.com"}),
    ("refund half of her last payment", {"customer": "jane@example.com"}),
]


@pytest.mark.parametrize(("message", "args"), LOOKUPS)
def test_a_share_or_a_latest_payment_is_read_before_the_refund(
    message: str, args: dict[str, str]
) -> None:
    check(
        message,
        tool("lookup_payment", **args),
        context=RouterContext(last_customer="jane@example.com"),
    )


FOUND = {
    "id": "pi_3Found",
    "amount": 5001,
    "currency": "usd",
    "status": "succeeded",
    "amount_refunded": 1001,
}
AFTER_LOOKUP = [
    ("refund half of what's left on pi_3Found", rf(payment="pi_3Found", amount=2000)),
    ("refund half of pi_3Found", rf(payment="pi_3Found", amount=2501)),
    ("refund 10% of pi_3Found", rf(payment="pi_3Found", amount=500)),
    ("refund three quarters of pi_3Found", rf(payment="pi_3Found", amount=3751)),
    ("refund her last payment", rf(payment="pi_3Found")),
    (
        "refund half of her last payment, duplicate",
        rf(payment="pi_3Found", amount=2501, reason="duplicate"),
    ),
    ("refund $12 of her latest payment", rf(payment="pi_3Found", amount=1200)),
]


@pytest.mark.parametrize(("message", "expected"), AFTER_LOOKUP)
def test_the_refund_is_stated_exactly_from_what_the_lookup_read(
    message: str, expected: dict[str, Any]
) -> None:
    ctx = RouterContext(last_customer="jane@example.com", lookup_done=True, looked_up=FOUND)
    check(message, expected, context=ctx)


@pytest.mark.parametrize(
    ("message", "missing"),
    [("refund half of pi_Half01", "amount"), ("refund Jane's last payment", "payment")],
)
def test_a_failed_lookup_asks_and_says_why(message: str, missing: str) -> None:
    ctx = RouterContext(lookup_done=True, lookup_why="No such payment: 'pi_Half01'")
    decision = check(message, kind("clarify"), context=ctx)
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == missing
    assert "No such payment" in decision.text


@pytest.mark.parametrize(
    "message",
    ["revenue for the first half of 2026", "how did we do last quarter", "refund 3/4 of the way"],
)
def test_periods_are_no_shares(message: str) -> None:
    decision = route_first(message)
    assert decision.tool != "lookup_payment"


def route_first(message: str) -> Any:
    from router_expect import TODAY

    from agent.offline_router import route

    return route(message, today=TODAY)


def test_the_second_one_of_two_ids_typed_before_it_is_the_one_refunded() -> None:
    check(
        "she was charged twice - pi_3Tw1cE01 and pi_3Tw1cE02. refund the second one as a duplicate",
        rf(payment="pi_3Tw1cE02", reason="duplicate"),
    )


def test_two_ids_with_no_choice_between_them_are_still_refused() -> None:
    check("refund pi_3Tw1cE01 and pi_3Tw1cE02", kind("refuse"))


def test_an_amount_in_brackets_is_an_aside_beside_the_one_asked_for() -> None:
    check(
        "Refund pi_3Big0001 partially (it was $2,400.00) -- just $400 back",
        rf(payment="pi_3Big0001", amount=40000),
    )


def test_a_refund_said_to_be_partial_without_an_amount_asks_how_much() -> None:
    check("refund pi_3QwE45r partly, not everything", kind("clarify"))


def test_money_promised_back_is_a_refund_of_that_amount() -> None:
    check(
        "hi - so we had to move one of our pottery workshops to a smaller venue and we promised "
        "everyone €40 back from the €120 ticket. first one is pi_3Wx5Yz6Ab7Cd, can you do "
        "that one?",
        tool("refund_payment", payment="pi_3Wx5Yz6Ab7Cd", amount=4000),
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "two hundred euros from <greta@lindqvist.se>, please",
            tool("create_payment", amount=20000, currency="eur", customer="greta@lindqvist.se"),
        ),
        (
            "add a customer called Mike's Auto Repair, phone +15125550143",
            tool("create_customer", name="Mike's Auto Repair", phone="+15125550143"),
        ),
    ],
)
def test_terse_and_possessive_forms_keep_their_values(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)
