"""A clarifying question's answer completes the pending call; a new request starts over."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router import PendingClarify, RouterContext, ToolCall


def pending(skill: str, missing: str, **args: Any) -> RouterContext:
    return RouterContext(pending_clarify=PendingClarify(skill=skill, args=args, missing=missing))


CASES = [
    (
        pending("refund_payment", "payment"),
        "pi_3NkQ2aLm",
        tool("refund_payment", payment="pi_3NkQ2aLm"),
    ),
    (
        pending("refund_payment", "payment"),
        "it's ch_1AbCdEf",
        tool("refund_payment", payment="ch_1AbCdEf"),
    ),
    (
        pending("refund_payment", "payment", reason="duplicate"),
        "pi_Dup12345",
        tool("refund_payment", payment="pi_Dup12345", reason="duplicate"),
    ),
    (
        pending("refund_payment", "amount", payment="pi_Half01"),
        "$40",
        tool("refund_payment", payment="pi_Half01", amount=4000),
    ),
    (
        pending("create_payment", "amount", customer="jane@x.io"),
        "$40",
        tool("create_payment", customer="jane@x.io", amount=4000, currency="usd"),
    ),
    (
        pending("create_payment", "amount", customer="jane@x.io"),
        "40 euros",
        tool("create_payment", customer="jane@x.io", amount=4000, currency="eur"),
    ),
    (
        pending("create_payment", "amount", customer="jane@x.io"),
        "make it 25",
        tool("create_payment", customer="jane@x.io", amount=2500, currency="usd"),
    ),
    (
        pending("create_payment", "customer", amount=2000, currency="usd"),
        "Jane Doe",
        tool("create_payment", customer="Jane Doe", amount=2000, currency="usd"),
    ),
    (
        pending("create_subscription", "customer", price="pro_monthly"),
        "it's jane@x.com",
        tool("create_subscription", customer="jane@x.com", price="pro_monthly"),
    ),
    (
        pending("create_subscription", "price", customer="jane@x.com"),
        "pro_monthly",
        tool("create_subscription", customer="jane@x.com", price="pro_monthly"),
    ),
    (
        pending("create_subscription", "price", customer="jane@x.com"),
        "the pro monthly plan",
        tool("create_subscription", customer="jane@x.com", price="pro_monthly"),
    ),
    (
        pending("create_subscription", "price", customer="jane@x.com"),
        "price_1AbC2dE",
        tool("create_subscription", customer="jane@x.com", price="price_1AbC2dE"),
    ),
    (pending("create_customer", "name"), "Jane Doe", tool("create_customer", name="Jane Doe")),
    (
        pending("create_customer", "name"),
        "jane@doe.com",
        tool("create_customer", email="jane@doe.com"),
    ),
    (
        pending("create_customer", "name"),
        "Jane Doe, jane@doe.com",
        tool("create_customer", name="Jane Doe", email="jane@doe.com"),
    ),
    (
        pending("list_payments", "customer", status="failed"),
        "jane@x.io",
        tool("list_payments", customer="jane@x.io", status="failed"),
    ),
    (pending("find_customers", "query"), "Acme Corp", tool("find_customers", name="Acme Corp")),
    (pending("refund_payment", "payment"), "what's my balance?", tool("get_balance")),
    (
        pending("create_payment", "amount", customer="jane@x.io"),
        "show me failed payments",
        tool("list_payments", status="failed"),
    ),
]


@pytest.mark.parametrize(("ctx", "message", "expected"), CASES)
def test_an_answer_completes_the_pending_call_and_a_new_request_replaces_it(
    ctx: RouterContext, message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


@pytest.mark.parametrize("message", ["never mind", "cancel", "no, forget it"])
def test_cancelling_a_question_drops_the_request(message: str) -> None:
    check(message, kind("answer"), context=pending("refund_payment", "payment"))


def test_an_answer_that_still_lacks_a_required_argument_asks_again() -> None:
    ctx = pending("create_subscription", "customer")
    decision = check("jane@x.io", kind("clarify"), context=ctx)
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == "price"
    assert decision.pending_clarify.args == {"customer": "jane@x.io"}


def test_clarify_then_answer_round_trip() -> None:
    first = check("refund that payment", kind("clarify"))
    ctx = RouterContext(pending_clarify=first.pending_clarify)
    check("pi_9Zz8Yy7x", tool("refund_payment", payment="pi_9Zz8Yy7x"), context=ctx)


def pending_action(skill: str, **args: Any) -> RouterContext:
    return RouterContext(pending_action=ToolCall(skill=skill, args=args))


def after(skill: str, **args: Any) -> RouterContext:
    return RouterContext(last_call=ToolCall(skill=skill, args=args))


FOLLOW_UPS = [
    (
        pending_action("refund_payment", payment="pi_3CfC0003", amount=4000),
        "yes but make it $30",
        tool("refund_payment", payment="pi_3CfC0003", amount=3000),
    ),
    (
        pending_action("refund_payment", payment="pi_3CfC0004", amount=2500),
        "no, refund $20 instead",
        tool("refund_payment", payment="pi_3CfC0004", amount=2000),
    ),
    (
        pending_action("create_payment", customer="dana@studio.io", amount=6000, currency="usd"),
        "sorry, make that €60",
        tool("create_payment", customer="dana@studio.io", amount=6000, currency="eur"),
    ),
    (
        pending_action("create_payment", customer="dana@studio.io", amount=6000, currency="eur"),
        "make it 50",
        tool("create_payment", customer="dana@studio.io", amount=5000, currency="eur"),
    ),
    (
        pending_action("refund_payment", payment="pi_3CfC0001"),
        "actually refund pi_3CfC0002 instead",
        tool("refund_payment", payment="pi_3CfC0002"),
    ),
    (
        pending_action("refund_payment", payment="pi_3CfC0001"),
        "wait, what's my balance first?",
        tool("get_balance"),
    ),
    (
        after("list_payments", created_gte="2026-06-08", created_lte="2026-06-14"),
        "only the failed ones",
        tool("list_payments", status="failed", created_gte="2026-06-08", created_lte="2026-06-14"),
    ),
    (
        after("list_payments", status="failed"),
        "just eur",
        tool("list_payments", status="failed", currency="eur"),
    ),
    (
        after("get_analytics", created_gte="2026-05-01", created_lte="2026-05-31"),
        "same for eur",
        tool("get_analytics", currency="eur", created_gte="2026-05-01", created_lte="2026-05-31"),
    ),
    (
        after("list_payments", status="failed"),
        "what about last month?",
        tool("list_payments", status="failed", created_gte="2026-05-01", created_lte="2026-05-31"),
    ),
    (
        after("find_customers", email="dana@studio.io"),
        "charge her $30",
        tool("create_payment", amount=3000, currency="usd", customer="dana@studio.io"),
    ),
    (
        after("create_customer", email="rita@flowers.test", name="Rita Flores"),
        "now charge her 80 euros for the wedding bouquets",
        tool(
            "create_payment",
            amount=8000,
            currency="eur",
            customer="rita@flowers.test",
            description="wedding bouquets",
        ),
    ),
    (
        after("find_customers", email="jane@example.com"),
        "show her payments",
        tool("list_payments", customer="jane@example.com"),
    ),
    (
        after("find_customers", email="dana@studio.io"),
        "put her on pro yearly",
        tool("create_subscription", customer="dana@studio.io", price="pro_yearly"),
    ),
    (
        after("list_payments", customer="jane@example.com"),
        "show me failed payments in May",
        tool("list_payments", status="failed", created_gte="2026-05-01", created_lte="2026-05-31"),
    ),
    (
        after("get_balance"),
        "and how did we do this month?",
        tool("get_analytics", created_gte="2026-06-01", created_lte="2026-06-15"),
    ),
]


@pytest.mark.parametrize(("ctx", "message", "expected"), FOLLOW_UPS)
def test_follow_ups_change_the_pending_action_or_refine_the_last_read(
    ctx: RouterContext, message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


def test_a_bulk_request_is_refused_even_as_a_follow_up() -> None:
    ctx = pending_action("refund_payment", payment="pi_3CfC0001")
    check("actually refund all of them instead", kind("refuse"), context=ctx)
