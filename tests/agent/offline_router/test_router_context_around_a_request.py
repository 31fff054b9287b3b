# ruff: noqa: E501  (messages are kept verbatim, as users typed them)
"""Context around a request is not the request: an invoice, a promo, a payout or a discount
mentioned in another clause leaves the clause that asks for a skill to decide, while a clause
that asks for something no skill does stays out of scope."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router import RouterContext, ToolCall

CASES = [
    (
        "Aoife (cus_P4wX7nQz) rang up, she'd like to settle by card now rather than wait for the invoice. Charge her 120 euros please.",
        tool("create_payment", customer="cus_P4wX7nQz", amount=12000, currency="eur"),
    ),
    (
        "how much is available vs pending right now, need to know before the payout on fri",
        tool("get_balance"),
    ),
    (
        "how'd sales go yesterday? we had that big promo running",
        tool("get_analytics", created_gte="2026-06-14", created_lte="2026-06-14"),
    ),
    (
        "the code the customer used didnt apply the discount so refund twenty dollars on pi_3XcV5bN6mQ",
        tool("refund_payment", payment="pi_3XcV5bN6mQ", amount=2000),
    ),
    (
        "€ 30,50 on cus_M4nB7vC2 for extra shipping",
        tool(
            "create_payment",
            customer="cus_M4nB7vC2",
            amount=3050,
            currency="eur",
            description="extra shipping",
        ),
    ),
    ("send an invoice to cus_M4nB7vC2 for $50", kind("out_of_scope")),
    ("cancel her subscription and refund pi_3XcV5bN6mQ", kind("out_of_scope")),
    ("what's the eur to usd exchange rate today", kind("out_of_scope")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_the_clause_that_asks_decides(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


OUT_OF_SCOPE = [
    "Could you check whether the refund I issued on ch_3YzA5bCd7Ef last week has reached the customer's bank yet?",
    "can you move the money people sent me over to my checking account?",
    "could you email all my customers that we're closed Monday for the holiday?",
    "how do I give my bookkeeper admin access to the stripe dashboard?",
    "set up a coupon for twenty percent off for returning customers",
]


@pytest.mark.parametrize("message", OUT_OF_SCOPE)
def test_neighbours_of_the_skills_are_out_of_scope(message: str) -> None:
    check(message, kind("out_of_scope"))


def test_a_clearly_other_request_is_no_follow_up_of_the_last_call() -> None:
    after_create = RouterContext(
        last_call=ToolCall(
            skill="create_customer", args={"name": "Daniel Cho", "email": "d@f.app"}
        ),
        last_customer="d@f.app",
    )
    check(
        "Thanks! Could you also send him an invoice for his first month, $50?",
        kind("out_of_scope"),
        after_create,
    )
    after_report = RouterContext(last_call=ToolCall(skill="get_analytics", args={}))
    check(
        "Great, thanks. Can you email that report to my accountant?",
        kind("out_of_scope"),
        after_report,
    )
    after_list = RouterContext(
        last_call=ToolCall(
            skill="list_payments", args={"min_amount": 5000, "max_amount": 10000, "currency": "eur"}
        )
    )
    check(
        "remove the upper limit", tool("list_payments", min_amount=5000, currency="eur"), after_list
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (  # a remark after a dash: its own subject and verb, no description, no other skill
            "1.250,00 € to cus_Ve9Lr2pT please — it's the invoice Marie sent, she writes numbers "
            "the European way",
            tool("create_payment", amount=125000, currency="eur", customer="cus_Ve9Lr2pT"),
        ),
        (
            "₩50,000 for cus_Kr7mB2Xa — it's the korean reseller, they pay in won",
            tool("create_payment", amount=50000, currency="krw", customer="cus_Kr7mB2Xa"),
        ),
        (
            "charge Hartley & Sons two hundred and fifty pounds (they said card is fine)",
            tool("create_payment", amount=25000, currency="gbp", customer="Hartley & Sons"),
        ),
        (
            "bill cus_JpN4sK7 ¥12,000 for the workshop seats. no description needed",
            tool("create_payment", amount=12000, currency="jpy", customer="cus_JpN4sK7"),
        ),
    ],
)
def test_remarks_around_a_charge_are_no_description(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "what's the balance, and pull up the last 5 payments of $1,000 or more while you're "
            "at it",
            tool("get_balance"),
        ),
        (
            "show me the refunded payments from last week and then export them into a google "
            "sheet for Marta",
            tool("list_payments", status="refunded", created_gte="2026-06-08",
                 created_lte="2026-06-14"),
        ),
        (
            "look up kim@hollowdev.io and then delete them if there's nothing on the account",
            tool("find_customers", email="kim@hollowdev.io"),
        ),
        (  # a second clause that narrows the first is no second request
            "show me failed payments, and only those over $50",
            tool("list_payments", status="failed", min_amount=5000),
        ),
    ],
)  # fmt: skip
def test_of_two_requests_in_one_message_the_first_is_answered(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_a_request_after_something_no_skill_does_is_not_done_alone() -> None:
    check("cancel cus_Wm3Lp9Xa's old plan and then refund pi_3Abc123", kind("out_of_scope"))
