"""A bound is read as a bound: "not after", "on or before", "up to but not including" close a
period where they say; a day of no month after a bound is this month's (or last month's when
still ahead); halves of a month are its 1st-15th and 16th-end; amounts come as "a grand",
"5k-and-up", "¥5,000 minimum"; a ceiling or a range on a charge is no amount to charge."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, kind, tool

CASES = [
    ("payments not after June 5th", tool("list_payments", created_lte="2026-06-05")),
    (
        "show payments up to but not including Feb 1",
        tool("list_payments", created_lte="2026-01-31"),
    ),
    ("revenue on or before may 3", tool("get_analytics", created_lte="2026-05-03")),
    ("payments until the 3rd", tool("list_payments", created_lte="2026-06-03")),
    ("payments nothing after the 3rd", tool("list_payments", created_lte="2026-06-03")),
    ("charges after the 20th", tool("list_payments", created_gte="2026-05-21")),
    (
        "which payments got refunded in the first half of May?",
        tool(
            "list_payments", status="refunded", created_gte="2026-05-01", created_lte="2026-05-15"
        ),
    ),
    (
        "euro analytics for the second half of April",
        tool("get_analytics", currency="eur", created_gte="2026-04-16", created_lte="2026-04-30"),
    ),
    (
        "pull up the payments from the 2nd of last month",
        tool("list_payments", created_gte="2026-05-02", created_lte="2026-05-02"),
    ),
    # how many
    ("payments, don't show me more than 3", tool("list_payments", limit=3)),
    ("failed charges, do not list more than 10", tool("list_payments", status="failed", limit=10)),
    ("look up half a dozen customers called Smith", tool("find_customers", name="Smith", limit=6)),
    # how much
    (
        "charge acme@corp.test a grand",
        tool("create_payment", amount=100000, customer="acme@corp.test"),
    ),
    (
        "charge acme@corp.test 2 grand for the kitchen",
        tool("create_payment", amount=200000, customer="acme@corp.test", description="kitchen"),
    ),
    (
        "give me a dozen of cus_N4vB7qL's payments, a grand or more",
        tool("list_payments", limit=12, customer="cus_N4vB7qL", min_amount=100000),
    ),
    (
        "list the 5k-and-up payments this month",
        tool(
            "list_payments", min_amount=500000, created_gte="2026-06-01", created_lte="2026-06-15"
        ),
    ),
    (
        "JPY payments from May, ¥5,000 minimum",
        tool(
            "list_payments",
            currency="jpy",
            min_amount=5000,
            created_gte="2026-05-01",
            created_lte="2026-05-31",
        ),
    ),
    ("payments $200 max", tool("list_payments", max_amount=20000)),
    ("payments, 25 max", tool("list_payments", limit=25)),
    (
        'charge cus_Pp02Lk a grand and a half, description "Q2 retainer"',
        tool("create_payment", amount=150000, customer="cus_Pp02Lk", description="Q2 retainer"),
    ),
    (
        "charge cus_Pp02Lk two and a half grand",
        tool("create_payment", amount=250000, customer="cus_Pp02Lk"),
    ),
    (
        "payments from jane.roe@example.com between two and five grand, last 90 days",
        tool(
            "list_payments",
            customer="jane.roe@example.com",
            min_amount=200000,
            max_amount=500000,
            created_gte="2026-03-17",
            created_lte="2026-06-15",
        ),
    ),
    # weeks, edges of a month, two days
    (
        "pull up the payments from the week of the 8th",
        tool("list_payments", created_gte="2026-06-08", created_lte="2026-06-14"),
    ),
    (
        "payments the week of May 4",
        tool("list_payments", created_gte="2026-05-04", created_lte="2026-05-10"),
    ),
    (
        "analytics for yesterday and the day before",
        tool("get_analytics", created_gte="2026-06-13", created_lte="2026-06-14"),
    ),
    (
        "how did we do from the start of the month until 3 days ago?",
        tool("get_analytics", created_gte="2026-06-01", created_lte="2026-06-12"),
    ),
    (
        "succeeded payments from 15 May to the end of last month",
        tool(
            "list_payments", status="succeeded", created_gte="2026-05-15", created_lte="2026-05-31"
        ),
    ),
    # a ceiling or a range is not the amount of a charge
    ("charge cus_X9ab, no more than $200", kind("clarify")),
    ("charge cus_X9ab up to $200", kind("clarify")),
    ("charge Lena Fischer somewhere between 1k and 1.5k", kind("clarify")),
    ("charge cus_Ld9Rq2 50-60 dollars", kind("clarify")),
    ("refund roughly 40 bucks on ch_3Rg40x", kind("clarify")),
    ("refund pi_3Ab9Cd2Ef, either half or all of it, whatever you think is right", kind("clarify")),
    (
        "charge cus_X9ab $50 for the 10-12 class",
        tool("create_payment", amount=5000, customer="cus_X9ab", description="10-12 class"),
    ),
    ("charge cus_X9ab $200", tool("create_payment", amount=20000, customer="cus_X9ab")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_bounds_and_limits_are_read_as_said(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


def test_the_grand_of_a_grand_total_is_no_amount() -> None:
    from skills.money import find_money

    assert [m.amount for m in find_money("a grand total of $500", "usd")] == [50000]
    assert find_money("a grand opening", "usd") == []


def test_paymnts_min_500_names_no_customer() -> None:
    check(
        "paymnts min 500 eur this month?",
        tool(
            "list_payments",
            min_amount=50000,
            currency="eur",
            created_gte="2026-09-01",
            created_lte="2026-09-04",
        ),
        today=date(2026, 9, 4),
    )


def test_a_changed_charge_in_grand_is_thousands() -> None:
    from agent.offline_router import RouterContext, ToolCall

    pending = ToolCall(
        skill="create_payment", args={"amount": 100000, "currency": "usd", "customer": "cus_Cf07gg"}
    )
    check(
        'make it 2 grand instead, with description "deposit"',
        tool("create_payment", amount=200000, customer="cus_Cf07gg", description="deposit"),
        context=RouterContext(pending_action=pending, last_customer="cus_Cf07gg"),
    )
