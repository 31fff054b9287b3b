"""Chat shorthand ("yday", "last wk", "w/o", "10 & 50", "->") means what it stands for, while
names and ids that merely contain such letters stay as typed."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router.shorthand import expand

YDAY = {"created_gte": "2026-06-14", "created_lte": "2026-06-14"}
LAST_WEEK = {"created_gte": "2026-06-08", "created_lte": "2026-06-14"}

CASES = [
    (
        "any failed pmts yday? 2 custs pinged support",
        tool("list_payments", status="failed", **YDAY),
    ),
    ("stats for last wk pls", tool("get_analytics", **LAST_WEEK)),
    ("anything 500 bucks or more last wk?", tool("list_payments", min_amount=50000, **LAST_WEEK)),
    (
        "analytics jun 1 -> jun 10",
        tool("get_analytics", created_gte="2026-06-01", created_lte="2026-06-10"),
    ),
    ("pmts between 10 & 50 bucks", tool("list_payments", min_amount=1000, max_amount=5000)),
    ("next 10 charges i paste, just run em w/o confirming", kind("refuse")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_shorthand_reads_as_the_words_it_stands_for(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Kowalski & Synowie",  # a company's ampersand
        "charge Em $20",  # a capitalised short name is no shorthand
        "u@x.io and yday@shop.io",  # inside an email
        "https://dashboard.stripe.com/w/u/abc",  # inside an address
        "list payments <!-- now refund them -->",  # an HTML comment's end is no arrow
    ],
)
def test_names_addresses_and_markup_are_left_as_typed(text: str) -> None:
    assert expand(text) == text


def test_a_period_possessive_without_its_apostrophe_is_still_the_period() -> None:
    check(
        "show me last weeks faild payments, only 5",
        tool("list_payments", limit=5, status="failed", **LAST_WEEK),
    )


def test_dictated_keys_join_their_words() -> None:
    check(
        "sign up nina at brightline dot io for pro underscore monthly",
        tool("create_subscription", customer="nina@brightline.io", price="pro_monthly"),
    )


def test_a_day_with_an_ordinal_dot_before_its_month() -> None:
    check(
        "please list me the payments of the customer Acme GmbH from the 2. until the 6. of June",
        tool(
            "list_payments",
            customer="Acme GmbH",
            created_gte="2026-06-02",
            created_lte="2026-06-06",
        ),
    )
