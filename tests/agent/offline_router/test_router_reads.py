"""get_balance and get_analytics: the read-only questions, with their date ranges."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, expand, tool

MAY = {"created_gte": "2026-05-01", "created_lte": "2026-05-31"}
LW = {"created_gte": "2026-06-08", "created_lte": "2026-06-14"}
TODAY = {"created_gte": "2026-06-15", "created_lte": "2026-06-15"}
YDAY = {"created_gte": "2026-06-14", "created_lte": "2026-06-14"}
THIS_MONTH = {"created_gte": "2026-06-01", "created_lte": "2026-06-15"}
THIS_YEAR = {"created_gte": "2026-01-01", "created_lte": "2026-06-15"}
BAL = tool("get_balance")


def an(**args: Any) -> dict[str, Any]:
    return tool("get_analytics", **args)


BALANCE = [
    ("what's my balance?", BAL),
    ("balance", BAL),
    ("check balance", BAL),
    ("show me my balance", BAL),
    ("how much money do I have", BAL),
    ("how much money do we have in stripe", BAL),
    ("what is my current balance", BAL),
    ("available balance?", BAL),
    ("how much is available", BAL),
    ("whats in my account", BAL),
    ("account balance", BAL),
    ("balnce", BAL),
    ("how much cash do we have on hand", BAL),
    ("what are my available funds", BAL),
    ("do I have any pending balance", BAL),
    ("how much do we have right now", BAL),
    ("stripe balance pls", BAL),
    ("what's the balance looking like", BAL),
    ("how much is in the account", BAL),
    ("current balance?", BAL),
    ("what funds are available", BAL),
    ("whats my blance", BAL),
]

ANALYTICS = [
    ("and how's this month been overall?", an(**THIS_MONTH)),
    ("how did we do in May?", an(**MAY)),
    ("how are we doing this month", an(**THIS_MONTH)),
    ("revenue last week", an(**LW)),
    ("what's our revenue?", an()),
    ("show me stats for the last 30 days", an(created_gte="2026-05-16", created_lte="2026-06-15")),
    ("give me a summary of last month", an(**MAY)),
    ("sales report for this year", an(**THIS_YEAR)),
    ("what's our success rate this week", an(**TODAY)),
    ("how much did we make yesterday", an(**YDAY)),
    ("gross volume in May", an(**MAY)),
    ("net revenue this month in euros", an(currency="eur", **THIS_MONTH)),
    ("who are our top customers?", an()),
    ("average payment size last month", an(**MAY)),
    ("how's business?", an()),
    ("analytics", an()),
    ("how many payments failed last week?", an(**LW)),
    ("total sales today", an(**TODAY)),
    ("how much have we made this year", an(**THIS_YEAR)),
    ("what were our earnings last month", an(**MAY)),
    ("show me the numbers for Q1", an(created_gte="2026-01-01", created_lte="2026-03-31")),
    ("how much did we refund last month", an(**MAY)),
    ("revnue this month", an(**THIS_MONTH)),
    ("stats pls", an()),
    ("how much money came in this week", an(**TODAY)),
    ("what's the refund rate in May", an(**MAY)),
    ("who paid us the most last month", an(**MAY)),
    ("give me an overview of last week", an(**LW)),
    ("how were sales yesterday", an(**YDAY)),
    ("dashboard for this month", an(**THIS_MONTH)),
    ("what's our gross volume in gbp", an(currency="gbp")),
    ("how many refunds did we do this month", an(**THIS_MONTH)),
    ("total revenue since May 1", an(created_gte="2026-05-01")),
    ("what's the average transaction value", an()),
    ("kpis for last week", an(**LW)),
]


@pytest.mark.parametrize(("message", "expected"), expand(BALANCE))
def test_balance_questions_route_to_get_balance(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), expand(ANALYTICS))
def test_performance_questions_route_to_get_analytics(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Before I order stock I need to know how much cash is sitting in the account. Can you "
            "check?",
            tool("get_balance"),
        ),
        (
            "did we refund anything last week? list them",
            tool(
                "list_payments",
                status="refunded",
                created_gte="2026-06-08",
                created_lte="2026-06-14",
            ),
        ),
        (
            "Everything from the last 30 days, please, I'd like to eyeball the list.",
            tool("list_payments", created_gte="2026-05-16", created_lte="2026-06-15"),
        ),
    ],
)
def test_reads_asked_around_a_plan_or_a_question(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)
