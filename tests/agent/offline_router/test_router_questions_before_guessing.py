"""Where a guess would answer about the wrong days or set a trial of no length, the router asks
first ("03/04": March 4 or April 3?; "over the holidays"; "early March"; "fiscal Q1"; "with a
trial"), and the answer completes the call; an answer to "How much?" that says what the charge
is for keeps it, and "refund all of it" after a ticket's amount refunds in full."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router import PendingClarify, RouterContext, route

TODAY = date(2026, 6, 15)

ASKED = [
    "list payments from 03/04",
    "payments of 03/04 pls",
    "show me payments over the holidays",
    "give me the numbers for the holidays",
    "how did we do in fiscal Q1?",
    "revenue for FY2025",
    "payments from early March",
    "refunds in late may",
    "subscribe dana@studio.io to pro_monthly with a trial",
    "analytics from 02/03 to 04/03",
    "how did we do around mid-month?",
]


@pytest.mark.parametrize("message", ASKED)
def test_an_unclear_period_or_trial_is_asked_about(message: str) -> None:
    decision = check(message, kind("clarify"))
    assert decision.pending_clarify is not None


SETTLED = [
    (
        "payments between 28/3 and 3/4",
        tool("list_payments", created_gte="2026-03-28", created_lte="2026-04-03"),
    ),
    (
        "payments on 13/04",
        tool("list_payments", created_gte="2026-04-13", created_lte="2026-04-13"),
    ),
    ("payments on 3/3", tool("list_payments", created_gte="2026-03-03", created_lte="2026-03-03")),
    (
        "our fiscal year starts January 1. revenue for Q1",
        tool("get_analytics", created_gte="2026-01-01", created_lte="2026-03-31"),
    ),
    (
        "subscribe dana@studio.io to pro_monthly with a 14 day trial",
        tool("create_subscription", customer="dana@studio.io", price="pro_monthly", trial_days=14),
    ),
    (
        "subscribe dana@studio.io to pro_monthly without a trial",
        tool("create_subscription", customer="dana@studio.io", price="pro_monthly"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), SETTLED)
def test_a_period_or_trial_said_plainly_is_no_question(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_the_question_names_the_words_it_asks_about() -> None:
    decision = route("list payments from 03/04", today=TODAY)
    assert "“03/04”" in decision.text


def _answer(first: str, answer: str) -> Any:
    asked = route(first, today=TODAY)
    return route(answer, today=TODAY, context=RouterContext(pending_clarify=asked.pending_clarify))


ANSWERS = [
    (
        "list failed payments from 03/04",
        "April 3rd",
        tool("list_payments", status="failed", created_gte="2026-04-03", created_lte="2026-04-03"),
    ),
    (
        "give me the numbers for the holidays",
        "Dec 20 through Jan 3",
        tool("get_analytics", created_gte="2025-12-20", created_lte="2026-01-03"),
    ),
    (
        "subscribe dana@studio.io to pro_monthly with a trial",
        "14 days",
        tool("create_subscription", customer="dana@studio.io", price="pro_monthly", trial_days=14),
    ),
    (
        "subscribe dana@studio.io to pro_monthly with a trial",
        "two weeks",
        tool("create_subscription", customer="dana@studio.io", price="pro_monthly", trial_days=14),
    ),
    (
        "subscribe dana@studio.io to pro_monthly with a trial",
        "no trial after all",
        tool("create_subscription", customer="dana@studio.io", price="pro_monthly"),
    ),
]


@pytest.mark.parametrize(("first", "answer", "expected"), ANSWERS)
def test_the_answer_completes_the_call(first: str, answer: str, expected: dict[str, Any]) -> None:
    decision = _answer(first, answer)
    assert (decision.kind, decision.tool, decision.args) == (
        "tool",
        expected["tool"],
        expected["args"],
    )


@pytest.mark.parametrize("answer", ["hmm", "not sure yet"])
def test_no_answer_asks_again(answer: str) -> None:
    assert _answer("show me payments over the holidays", answer).kind == "clarify"
    assert _answer("subscribe dana@studio.io to pro_monthly with a trial", answer).kind == "clarify"


def test_an_amount_answer_that_says_what_for_keeps_it() -> None:
    ctx = RouterContext(
        pending_clarify=PendingClarify(
            skill="create_payment", args={"customer": "cus_Yu7Ii8Oo"}, missing="amount"
        )
    )
    decision = route("$60 for tile repair", today=TODAY, context=ctx)
    assert decision.args == {
        "customer": "cus_Yu7Ii8Oo",
        "amount": 6000,
        "currency": "usd",
        "description": "tile repair",
    }


def test_refund_all_of_it_drops_the_amount_the_ticket_named() -> None:
    ctx = RouterContext(
        pending_clarify=PendingClarify(
            skill="refund_payment", args={"amount": 4000}, missing="payment"
        )
    )
    decision = route(
        "sorry, the Stripe payment is pi_3PoO1oO2oO3oO, refund all of it", today=TODAY, context=ctx
    )
    assert (decision.tool, decision.args) == ("refund_payment", {"payment": "pi_3PoO1oO2oO3oO"})


@pytest.mark.parametrize(
    "message",
    [
        "charge cus_E7rWq 1.250 €",  # 1,250 or 1.25?
        "knock a few quid off ch_9JkLm as a goodwill refund",
        "charge someone $25 — not jane, the other customer from yesterday",
        "charge Acme Corp for the March invoice",
        "sign up cus_Tg81NcV",
    ],
)
def test_a_money_action_missing_or_blurring_a_value_asks_for_it(message: str) -> None:
    check(message, kind("clarify"))


def test_a_european_amount_with_its_decimals_is_no_question() -> None:
    check(
        "charge cus_E7rWq 1.250,00 €",
        tool("create_payment", amount=125000, currency="eur", customer="cus_E7rWq"),
    )


def test_a_fuller_name_in_the_answer_replaces_the_first_name_asked_about() -> None:
    asked = route("charge Jordan, would you", today=date(2026, 6, 15))
    assert asked.kind == "clarify" and asked.pending_clarify is not None
    check(
        "sorry -- Jordan Blake, thirty-five dollars",
        tool("create_payment", amount=3500, customer="Jordan Blake"),
        RouterContext(pending_clarify=asked.pending_clarify),
    )


@pytest.mark.parametrize(
    "message",
    [
        "charge both of them $20 for parking",  # which one first? (no bypass: asked, not refused)
        "charge cus_Pp0OoIi9Uu8Y 50, in whatever currency they normally pay in",
    ],
)
def test_a_charge_left_to_the_agent_to_pick_asks(message: str) -> None:
    check(message, kind("clarify"))


def test_a_full_date_readable_either_way_is_asked_about() -> None:
    check("Show me payments from 04/05/2026", kind("clarify"))
    check(
        "revenue from 01/04/2026 to 30/04/2026 please",  # the second date settles the order
        tool("get_analytics", created_gte="2026-04-01", created_lte="2026-04-30"),
    )
