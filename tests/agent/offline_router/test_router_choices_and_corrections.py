"""A request that offers a choice is asked about; a correction changes the pending action; a
"same for X" repeats the last money call for a new target. Each is a new call that pauses."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import TODAY, check, kind, tool, waiting

from agent.offline_router import RouterContext, ToolCall, route


@pytest.mark.parametrize(
    "message",
    [
        "refund pi_3Ea1Bc2DeF or pi_3Ea1Bc2DeG, whichever one was the duplicate",
        "sign cus_Lk8Mn9Pq up — starter_monthly or growth_monthly, haven't decided yet",
        "charge cus_Po9Iu8Yt fifty... or was it sixty?",
        "charge 100 dollars to cus_Rf4Tg5Yh — Canadian or Australian, whatever she's billed in",
        "refund $5 or $10 of pi_3abc",
    ],
)
def test_a_money_request_offering_a_choice_asks_which(message: str) -> None:
    decision = check(message, kind("clarify"))
    assert "Which one" in decision.text


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("charge jane $20 for the blue or red shirt",
         tool("create_payment", amount=2000, customer="jane", description="blue or red shirt")),
        ("show payments over $5 or under $1", tool("list_payments", min_amount=500,
                                                    max_amount=100)),
    ],
)  # fmt: skip
def test_an_or_that_offers_no_choice_of_values_changes_nothing(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("message", "ctx", "expected"),
    [
        ("wait sorry wrong one, it's pi_3RbK2dLm9P", waiting("refund_payment", payment="pi_3Old"),
         tool("refund_payment", payment="pi_3RbK2dLm9P")),
        ("sorry, it's Ruth O'Donnell, not O'Connell",
         waiting("create_payment", customer="Ruth O'Connell", amount=7500, currency="eur"),
         tool("create_payment", customer="Ruth O'Donnell", amount=7500, currency="eur")),
        ("oops I meant cus_New22 instead",
         waiting("create_subscription", customer="cus_Old11", price="pro_monthly"),
         tool("create_subscription", customer="cus_New22", price="pro_monthly")),
    ],
)  # fmt: skip
def test_a_correction_changes_the_pending_action(
    message: str, ctx: RouterContext, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


def test_unsure_words_are_no_correction() -> None:
    ctx = waiting("create_subscription", customer="ana@x.io", price="growth_yearly")
    decision = route("not sure tbh", today=TODAY, context=ctx)
    assert decision.kind != "tool"


def _done(skill: str, **args: Any) -> RouterContext:
    return RouterContext(last_call=ToolCall(skill=skill, args=args))


@pytest.mark.parametrize(
    ("message", "ctx", "expected"),
    [
        ("do the same for pi_3Ka1Sd2FgJ", _done("refund_payment", payment="pi_3Ka1Sd2FgH"),
         tool("refund_payment", payment="pi_3Ka1Sd2FgJ")),
        ("same for cus_Mc3Xd4ZeB",
         _done("create_payment", customer="cus_A1", amount=2500, currency="eur",
               description="March retainer"),
         tool("create_payment", customer="cus_Mc3Xd4ZeB", amount=2500, currency="eur",
              description="March retainer")),
        ("also cus_Oe5Zf6Bg, same plan, 3 seats",
         _done("create_subscription", customer="cus_Nd4", price="pro_monthly"),
         tool("create_subscription", customer="cus_Oe5Zf6Bg", price="pro_monthly", quantity=3)),
        ("sorry, wrong customer. do it for cus_Pf6Ag7Cj instead",
         _done("create_payment", customer="cus_Pf6Ag7Ch", amount=4500, currency="usd",
               description="consult"),
         tool("create_payment", customer="cus_Pf6Ag7Cj", amount=4500, description="consult")),
    ],
)  # fmt: skip
def test_same_for_another_target_repeats_the_last_money_call(
    message: str, ctx: RouterContext, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


def test_a_complete_request_of_its_own_is_not_a_repeat() -> None:
    ctx = _done("refund_payment", payment="pi_3Old", amount=500)
    check("also refund pi_3Other in full", tool("refund_payment", payment="pi_3Other"), context=ctx)


@pytest.mark.parametrize(
    "message",
    [
        "charge cus_Fd4Sa5Gh either 50 or 60 dollars, whatever the invoice said",
        "charge cus_K9jH3gF1 like forty or fifty bucks i forget which one we agreed on",
    ],
)
def test_a_number_or_an_amount_is_a_choice_to_ask_about(message: str) -> None:
    check(message, kind("clarify"))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "refund $30 from pi_3PbN7wKd, no wait, 35 — the shipping was 5 on top",
            tool("refund_payment", payment="pi_3PbN7wKd", amount=3500),
        ),
        (
            "can you charge leo@parcel.fm 40 bucks, sorry 45, he added a second proofing round",
            tool("create_payment", amount=4500, customer="leo@parcel.fm"),
        ),
        (
            "add Tomás Reyes, tomas@reyes.mx — wait no, his email is treyes@reyes.mx",
            tool("create_customer", name="Tomás Reyes", email="treyes@reyes.mx"),
        ),
        (
            "subscribe Bluebird Cafe to starter_monthly — no sorry, starter_annual",
            tool("create_subscription", customer="Bluebird Cafe", price="starter_annual"),
        ),
        (
            "Northwind Traders payments from March 4 to March 10 — wait, make that March 4 "
            "through the 14th",
            tool(
                "list_payments",
                customer="Northwind Traders",
                created_gte="2026-03-04",
                created_lte="2026-03-14",
            ),
        ),
    ],
)
def test_a_value_taken_back_later_in_the_sentence_is_replaced(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_sorry_before_words_takes_nothing_back() -> None:
    decision = route("charge cus_Q8rT2mX $40, sorry for the delay", today=TODAY)
    assert decision.args["amount"] == 4000
