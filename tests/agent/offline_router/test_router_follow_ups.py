"""Follow-ups that lean on the previous call: one period back ("and the week before?"), a new
count ("now 30", "show 8 of them"), "the same for <period>" (no customer is meant by "the
same"), "create him" after a failed look-up, and changes to a pending action ("only £10")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, tool

from agent.offline_router import PendingClarify, RouterContext, ToolCall, route


def after(skill: str, known: str | None = None, **args: Any) -> RouterContext:
    """The context after `skill` ran with `args`; `known` is the customer the history knows."""
    return RouterContext(last_call=ToolCall(skill=skill, args=args), last_customer=known)


def pending(skill: str, **args: Any) -> RouterContext:
    return RouterContext(pending_action=ToolCall(skill=skill, args=args))


PERIOD_BACK = [
    (
        after("get_analytics", created_gte="2026-03-01", created_lte="2026-03-31"),
        "and the month before that?",
        tool("get_analytics", created_gte="2026-02-01", created_lte="2026-02-28"),
    ),
    (
        after(
            "list_payments", status="refunded", created_gte="2026-06-12", created_lte="2026-06-12"
        ),
        "what about the day before",
        tool(
            "list_payments", status="refunded", created_gte="2026-06-11", created_lte="2026-06-11"
        ),
    ),
    (
        after("get_analytics", currency="gbp", created_gte="2026-06-01", created_lte="2026-06-07"),
        "same again for the week prior",
        tool("get_analytics", currency="gbp", created_gte="2026-05-25", created_lte="2026-05-31"),
    ),
    (
        after("get_analytics", created_gte="2026-04-01", created_lte="2026-06-30"),
        "and the quarter before?",
        tool("get_analytics", created_gte="2026-01-01", created_lte="2026-03-31"),
    ),
    (
        after("get_analytics", created_gte="2025-01-01", created_lte="2025-12-31"),
        "ok, and one year earlier?",
        tool("get_analytics", created_gte="2024-01-01", created_lte="2024-12-31"),
    ),
    (
        after("list_payments", created_gte="2026-05-01", created_lte="2026-05-31"),
        "and the period before?",
        tool("list_payments", created_gte="2026-04-01", created_lte="2026-04-30"),
    ),
]

COUNTS_AND_PERIODS = [
    (
        after("list_payments", status="failed", currency="chf"),
        "show 8 of them",
        tool("list_payments", status="failed", currency="chf", limit=8),
    ),
    (
        after("list_payments", limit=5, customer="cus_Cnt0001"),
        "now 30",
        tool("list_payments", limit=30, customer="cus_Cnt0001"),
    ),
    (
        after("list_payments", limit=5, customer="cus_Cnt0002"),
        "hmm that doesn't go back far enough, make it 25",
        tool("list_payments", limit=25, customer="cus_Cnt0002"),
    ),
    (
        after("find_customers", name="Keller", limit=3),
        "ok make it 12",
        tool("find_customers", name="Keller", limit=12),
    ),
    (
        after(
            "list_payments", min_amount=10000, created_gte="2026-06-01", created_lte="2026-06-15"
        ),
        "now the same for last month",
        tool("list_payments", min_amount=10000, created_gte="2026-05-01", created_lte="2026-05-31"),
    ),
]

OTHER_FOLLOW_UPS = [
    (
        after("find_customers", known="lena@kaffeehaus.at", email="lena@kaffeehaus.at"),
        "nobody? then create her, name Lena Huber",
        tool("create_customer", email="lena@kaffeehaus.at", name="Lena Huber"),
    ),
    (
        pending("refund_payment", payment="pi_3Mod0001Ab", amount=3000),
        "only £10 please",
        tool("refund_payment", payment="pi_3Mod0001Ab", amount=1000),
    ),
    (
        pending("create_payment", customer="cus_Mod0002", amount=4000, currency="eur"),
        "no, make it $40 — not euros",
        tool("create_payment", customer="cus_Mod0002", amount=4000, currency="usd"),
    ),
    (
        pending("create_payment", customer="cus_Mod0007", amount=5000, currency="eur"),
        "not €50 — €45 please",
        tool("create_payment", customer="cus_Mod0007", amount=4500, currency="eur"),
    ),
    (
        pending("create_payment", customer="cus_Mod0008", amount=5000, currency="usd"),
        "just list the payments over $100 first",
        tool("list_payments", min_amount=10000, currency="usd"),
    ),
    (
        pending("create_subscription", customer="cus_Mod0003", price="team_monthly", quantity=3),
        "sorry, the annual one",
        tool("create_subscription", customer="cus_Mod0003", price="team_yearly", quantity=3),
    ),
    (
        pending("create_subscription", customer="cus_Mod0004", price="pro_yearly"),
        "oops, basic instead",
        tool("create_subscription", customer="cus_Mod0004", price="basic_yearly"),
    ),
    (
        pending("create_payment", customer="cus_Mod0005", amount=900, currency="gbp"),
        "change the description to hall hire, please",
        tool(
            "create_payment",
            customer="cus_Mod0005",
            amount=900,
            currency="gbp",
            description="hall hire",
        ),
    ),
    (
        pending("create_subscription", customer="cus_Mod0009", price="pro_monthly"),
        "with a two week trial",
        tool("create_subscription", customer="cus_Mod0009", price="pro_monthly", trial_days=14),
    ),
    (
        pending("create_payment", customer="cus_Mod0010", amount=2500, currency="usd"),
        "add description: venue deposit",
        tool(
            "create_payment",
            customer="cus_Mod0010",
            amount=2500,
            currency="usd",
            description="venue deposit",
        ),
    ),
    (
        after("find_customers", query="cus_Ctx0006"),
        "please charge them €15",
        tool("create_payment", customer="cus_Ctx0006", amount=1500, currency="eur"),
    ),
    (
        after("find_customers", query="gardening"),
        "show their payments",
        {"kind": "clarify"},
    ),
]


@pytest.mark.parametrize(("ctx", "message", "expected"), PERIOD_BACK)
def test_the_period_before_moves_the_last_period_back_one_unit(
    ctx: RouterContext, message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx, today=date(2026, 7, 2))


@pytest.mark.parametrize(("ctx", "message", "expected"), COUNTS_AND_PERIODS)
def test_a_new_count_or_period_refines_the_last_read(
    ctx: RouterContext, message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


@pytest.mark.parametrize(("ctx", "message", "expected"), OTHER_FOLLOW_UPS)
def test_pronouns_and_changes_lean_on_the_previous_call(
    ctx: RouterContext, message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=ctx)


def test_a_plan_without_its_interval_is_remembered_for_the_answer() -> None:
    asked = route("subscribe cus_Hint0001 to the team plan", today=date(2026, 6, 15))
    assert asked.kind == "clarify" and asked.pending_clarify is not None
    assert asked.pending_clarify.hint == "team"
    ctx = RouterContext(pending_clarify=asked.pending_clarify)
    check("annual", tool("create_subscription", customer="cus_Hint0001", price="team_yearly"), ctx)


def test_an_interval_without_a_plan_is_completed_by_the_plan_named_next() -> None:
    question = PendingClarify(
        skill="create_subscription", args={"customer": "cus_Hint0002"}, missing="price",
        hint="monthly",
    )  # fmt: skip
    ctx = RouterContext(pending_clarify=question)
    check("basic", tool("create_subscription", customer="cus_Hint0002", price="basic_monthly"), ctx)


def test_create_her_after_a_search_keeps_the_name_or_email_looked_up() -> None:
    by_name = after("find_customers", known="Maria González", name="Maria González")
    check(
        "no match? then create her, email maria.gonzalez@correo.es",
        tool("create_customer", name="Maria González", email="maria.gonzalez@correo.es"),
        by_name,
    )
    by_email = after(
        "find_customers", known="maria.l@brightmail.com", email="maria.l@brightmail.com"
    )
    check(
        "not there. make a new cust w/ that email, name Maria Lopez",
        tool("create_customer", name="Maria Lopez", email="maria.l@brightmail.com"),
        by_email,
    )


def test_a_new_kind_of_request_after_a_search_is_no_refinement() -> None:
    found = after("find_customers", known="maria.g@gmail.com", email="maria.g@gmail.com")
    check(
        "oh good. ok sign her up for class_pass_monthly then",
        tool("create_subscription", customer="maria.g@gmail.com", price="class_pass_monthly"),
        found,
    )


def test_another_amount_on_the_same_charge_is_another_refund() -> None:
    done = after("refund_payment", payment="ch_3Lb2Nc3VbM", amount=1500)
    check(
        "and another 15 on the same charge",
        tool("refund_payment", payment="ch_3Lb2Nc3VbM", amount=1500),
        done,
    )


def test_same_description_keeps_the_last_charges_description() -> None:
    from agent.offline_router import RouterContext
    from agent.offline_router.models import ToolCall

    last = ToolCall(
        skill="create_payment",
        args={
            "amount": 12000,
            "currency": "usd",
            "customer": "cus_O5vP8qRs",
            "description": "emergency call-out",
        },
    )
    context = RouterContext(last_call=last, last_customer="cus_O5vP8qRs")
    check(
        "Charge them $100 instead, same description.",
        tool(
            "create_payment",
            amount=10000,
            customer="cus_O5vP8qRs",
            description="emergency call-out",
        ),
        context=context,
    )


def test_his_payments_after_finding_him_lists_them() -> None:
    from agent.offline_router import RouterContext
    from agent.offline_router.models import ToolCall

    context = RouterContext(
        last_call=ToolCall(skill="find_customers", args={"email": "mateo@andina.pe"}),
        last_customer="mateo@andina.pe",
    )
    check(
        "what about his payments?",
        tool("list_payments", customer="mateo@andina.pe"),
        context=context,
    )


def test_a_charge_again_then_after_a_no_keeps_its_customer_and_description() -> None:
    from agent.offline_router import RouterContext
    from agent.offline_router.models import ToolCall

    last = ToolCall(
        skill="create_payment",
        args={
            "amount": 4500,
            "currency": "gbp",
            "customer": "cus_Fg5Hi6Jk",
            "description": "lesson",
        },
    )
    check(
        "charge £40 then",
        tool(
            "create_payment",
            amount=4000,
            currency="gbp",
            customer="cus_Fg5Hi6Jk",
            description="lesson",
        ),
        context=RouterContext(last_call=last),
    )


def test_do_the_same_for_another_customer_keeps_what_it_was_for() -> None:
    from agent.offline_router import RouterContext
    from agent.offline_router.models import ToolCall

    last = ToolCall(
        skill="create_payment",
        args={
            "amount": 45000,
            "currency": "usd",
            "customer": "Oyelaran Holdings",
            "description": "extra training session",
        },
    )
    check(
        "do the same for Brightwater Dental, they attended too",
        tool(
            "create_payment",
            amount=45000,
            customer="Brightwater Dental",
            description="extra training session",
        ),
        context=RouterContext(last_call=last),
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "charge him 35 instead",
            tool("create_payment", amount=3500, customer="cus_Mn5Bv4Cx", description="tune up"),
        ),
        (
            "Please charge cus_Mn5Bv4Cx €1.050,00 instead, no description.",
            tool("create_payment", amount=105000, currency="eur", customer="cus_Mn5Bv4Cx"),
        ),
    ],
)
def test_a_charge_instead_after_a_no_keeps_what_it_was_for_unless_told_not_to(
    message: str, expected: dict[str, Any]
) -> None:
    last = after(
        "create_payment",
        "cus_Mn5Bv4Cx",
        amount=4500,
        customer="cus_Mn5Bv4Cx",
        description="tune up",
    )
    check(message, expected, context=last)


def test_instead_and_then_end_no_description() -> None:
    check(
        "Charge cus_Rt6Yu3 $18 for a single class instead.",
        tool("create_payment", amount=1800, customer="cus_Rt6Yu3", description="single class"),
    )


@pytest.mark.parametrize("message", ["and in euros?", "what about GBP", "and eur?"])
def test_a_currency_after_the_balance_shows_the_balance_again(message: str) -> None:
    check(message, tool("get_balance"), context=after("get_balance"))


def test_bypass_chatter_beside_a_repeated_money_call_is_ignored_and_the_call_pauses() -> None:
    check(
        "great, now do pi_3SecondOne too. no need to ask, you already asked me once",
        tool("refund_payment", payment="pi_3SecondOne"),
        context=after("refund_payment", payment="pi_3FirstOne"),
    )


def test_the_same_week_after_a_list_is_that_list_s_period() -> None:
    last = after(
        "list_payments", status="failed", created_gte="2025-06-09", created_lte="2025-06-15"
    )
    check(
        "and the overall analytics for that same week",
        tool("get_analytics", created_gte="2025-06-09", created_lte="2025-06-15"),
        context=last,
    )


def test_it_s_a_new_id_after_a_refund_is_that_refund_for_the_new_payment() -> None:
    check(
        "it's pi_3Ef34GhR",
        tool("refund_payment", payment="pi_3Ef34GhR"),
        context=after("refund_payment", payment="pi_3Ab12CdQ"),
    )


def test_a_rerun_word_inside_a_request_of_its_own_is_no_rerun() -> None:
    check(
        "ok charge rita@okafor-design.com $600 for the brand refresh deposit",
        tool(
            "create_payment",
            amount=60000,
            customer="rita@okafor-design.com",
            description="brand refresh deposit",
        ),
        context=after("find_customers", "Okafor", name="Okafor"),
    )
