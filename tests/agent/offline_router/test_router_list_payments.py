"""list_payments: how merchants ask to see payments, with every filter SKILLS.md defines."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, expand, tool

from agent.offline_router import RouterContext

LW = {"created_gte": "2026-06-08", "created_lte": "2026-06-14"}
MAY = {"created_gte": "2026-05-01", "created_lte": "2026-05-31"}
TODAY = {"created_gte": "2026-06-15", "created_lte": "2026-06-15"}
YDAY = {"created_gte": "2026-06-14", "created_lte": "2026-06-14"}
THIS_MONTH = {"created_gte": "2026-06-01", "created_lte": "2026-06-15"}
THIS_YEAR = {"created_gte": "2026-01-01", "created_lte": "2026-06-15"}


def lp(**args: Any) -> dict[str, Any]:
    return tool("list_payments", **args)


CASES = [
    (
        "show me december's payments, up to 50",
        lp(limit=50, created_gte="2025-12-01", created_lte="2025-12-31"),
    ),
    # how many, said as a cap or with the currency of the payments between
    (
        "Kindly list up to 50 INR payments of ₹500 or less",
        lp(limit=50, currency="inr", max_amount=50000),
    ),
    (
        "can you pull the failed payments from last week? up to 50 is fine",
        lp(limit=50, status="failed", **LW),
    ),
    (
        "succeeded payments, last 30 days, give me the max you can show (100 i think?)",
        lp(limit=100, status="succeeded", created_gte="2026-05-16", created_lte="2026-06-15"),
    ),
    (
        "Show me everything $1,000 and up from last week",
        tool(
            "list_payments", min_amount=100000, created_gte="2026-06-08", created_lte="2026-06-14"
        ),
    ),
    ("show me the last 5 failed payments from last week", lp(limit=5, status="failed", **LW)),
    ("list payments", lp()),
    ("show payments", lp()),
    ("payments", lp()),
    ("recent payments", lp()),
    ("show me recent transactions", lp()),
    ("any failed payments today?", lp(status="failed", **TODAY)),
    ("which payments failed yesterday", lp(status="failed", **YDAY)),
    ("payments over $100", lp(min_amount=10000)),
    ("show me payments above 50 dollars", lp(min_amount=5000)),
    ("charges between $10 and $20", lp(min_amount=1000, max_amount=2000)),
    ("payments less than €5", lp(max_amount=500, currency="eur")),
    ("show jane@example.com's payments", lp(customer="jane@example.com")),
    ("payments from cus_Q8rT2mX", lp(customer="cus_Q8rT2mX")),
    ("show me Jane Doe's payments", lp(customer="Jane Doe")),
    ("list all transactions in euros", lp(currency="eur")),
    ("eur payments this month", lp(currency="eur", **THIS_MONTH)),
    ("yen payments", lp(currency="jpy")),
    ("refunded payments last month", lp(status="refunded", **MAY)),
    ("show pending charges", lp(status="pending")),
    ("declined payments this week", lp(status="failed", **TODAY)),
    ("show me successful payments from Acme Corp", lp(status="succeeded", customer="Acme Corp")),
    ("top 20 payments this year", lp(limit=20, **THIS_YEAR)),
    ("last 3 charges", lp(limit=3)),
    ("show 10 most recent transactions", lp(limit=10)),
    ("what was the last payment?", lp(limit=1)),
    ("show me the latest charge", lp(limit=1)),
    ("payments from Jane last week", lp(customer="Jane", **LW)),
    (
        "show me all payments from bob@acme.io over $250",
        lp(customer="bob@acme.io", min_amount=25000),
    ),
    ("failed payments in May", lp(status="failed", **MAY)),
    ("did Acme Corp pay us this month?", lp(customer="Acme Corp", **THIS_MONTH)),
    ("pull up transactions for cus_9xY2abc", lp(customer="cus_9xY2abc")),
    (
        "show payments between 2026-05-01 and 2026-05-10",
        lp(created_gte="2026-05-01", created_lte="2026-05-10"),
    ),
    ("payments since May 1", lp(created_gte="2026-05-01")),
    ("show me payments in gbp over £30", lp(currency="gbp", min_amount=3000)),
    ("any declined payments for jane@x.io?", lp(status="failed", customer="jane@x.io")),
    ("lsit paymnets from last month", lp(**MAY)),
    ("show me charges that didn't go through", lp(status="failed")),
    ("all successful transactions today", lp(status="succeeded", **TODAY)),
    ("what payments came in yesterday", lp(**YDAY)),
    ("payments under 10 bucks", lp(max_amount=1000)),
    ("show me payments of exactly $42", lp(min_amount=4200, max_amount=4200)),
    ("get me the most recent 3 payments", lp(limit=3)),
    ("show payment history for jane@example.com", lp(customer="jane@example.com")),
    ("list charges for customer cus_123abc", lp(customer="cus_123abc")),
    (
        "show failed charges over 1000 eur last month",
        lp(status="failed", min_amount=100000, currency="eur", **MAY),
    ),
    ("payments > $500", lp(min_amount=50000)),
    ("payments between 10 and 20 euros", lp(min_amount=1000, max_amount=2000, currency="eur")),
    ("show me pending payments from this week", lp(status="pending", **TODAY)),
    ("show me refunds", lp(status="refunded")),
    ("list refunded charges from last week", lp(status="refunded", **LW)),
    ("what did bob@acme.io buy last month", lp(customer="bob@acme.io", **MAY)),
    ("5 latest payments", lp(limit=5)),
    ("first 10 transactions in May", lp(limit=10, **MAY)),
    ("show me twenty payments", lp(limit=20)),
    ("failed txns", lp(status="failed")),
    ("show me all the charges from yesterday", lp(**YDAY)),
    ("display payments over 1,000 dollars", lp(min_amount=100000)),
    ("payments from $10 to $50", lp(min_amount=1000, max_amount=5000)),
    ("show payments of $100 or more", lp(min_amount=10000)),
    ("show the $25 payments", lp(min_amount=2500, max_amount=2500)),
    ("who paid us yesterday", lp(**YDAY)),
    ("show me Globex Inc's failed payments", lp(customer="Globex Inc", status="failed")),
    (
        "payments by cus_ABC123 in the last 30 days",
        lp(customer="cus_ABC123", created_gte="2026-05-16", created_lte="2026-06-15"),
    ),
    ("list the 50 most recent charges", lp(limit=50)),
    ("any payments in pounds this week", lp(currency="gbp", **TODAY)),
    ("payments in CAD", lp(currency="cad")),
    ("show me payments that are still processing", lp(status="pending")),
    ("show me completed payments from last week", lp(status="succeeded", **LW)),
    ("show all bounced payments", lp(status="failed")),
    ("transactions from maria@shop.co", lp(customer="maria@shop.co")),
    ("shwo me the paymets from last week", lp(**LW)),
    ("show me 3 failed payments", lp(limit=3, status="failed")),
    # customers mentioned in passing are no count of payments
    (
        "any failed charges yesterday? a couple of customers said their cards got declined",
        lp(status="failed", **YDAY),
    ),
    # figures take no amount bounds: "sales between $10 and $50" are payments to list
    (
        "last week's sales, only the ones between $10 and $50",
        lp(min_amount=1000, max_amount=5000, **LW),
    ),
    ("let me think how to phrase this: payments from last week", lp(**LW)),
]


@pytest.mark.parametrize(("message", "expected"), expand(CASES))
def test_list_payments_requests_route_to_list_payments_with_their_filters(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


CONTEXT_CASES = [
    ("show her payments", lp(customer="cus_JANE01")),
    ("what about their failed payments?", lp(customer="cus_JANE01", status="failed")),
    ("show payments for that customer last week", lp(customer="cus_JANE01", **LW)),
]


@pytest.mark.parametrize(("message", "expected"), CONTEXT_CASES)
def test_a_pronoun_names_the_customer_of_the_previous_turns(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=RouterContext(last_customer="cus_JANE01"))


@pytest.mark.parametrize("message", ["show her payments", "pull up payments for a customer"])
def test_a_pronoun_without_a_known_customer_asks_whose_payments(message: str) -> None:
    decision = check(message, {"kind": "clarify"})
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == "customer"


def test_a_customer_in_the_story_around_a_dated_list_is_no_filter() -> None:
    check(
        "a customer called about last week's payments, can you list them",
        lp(**LW),
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Can you bring up Ngata Builders' payments for April?",
            lp(customer="Ngata Builders", created_gte="2026-04-01", created_lte="2026-04-30"),
        ),
        (
            "Northwind Traders payments from March 4 to March 10",
            lp(customer="Northwind Traders", created_gte="2026-03-04", created_lte="2026-03-10"),
        ),
    ],
)
def test_a_business_name_right_before_payments_owns_them(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)  # capitalised as typed: in lowercase it could be any two words
