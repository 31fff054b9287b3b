"""Misspelt requests route like well-spelt ones (one slip per message, as people type)."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

LW = {"created_gte": "2026-06-08", "created_lte": "2026-06-14"}
TW = {"created_gte": "2026-06-15", "created_lte": "2026-06-15"}
TM = {"created_gte": "2026-06-01", "created_lte": "2026-06-15"}
YD = {"created_gte": "2026-06-14", "created_lte": "2026-06-14"}
MAY = {"created_gte": "2026-05-01", "created_lte": "2026-05-31"}

CASES = [
    ("got any moey in there?", tool("get_balance")),
    ("show me payments under $20 from yeserday", tool("list_payments", max_amount=2000, **YD)),
    ("look up the customer anmed Sarah Connor", tool("find_customers", name="Sarah Connor")),
    ("list all my csutomers", tool("find_customers")),
    (
        "please refund pi_ABC123XYZ, it was a dupliicate",
        tool("refund_payment", payment="pi_ABC123XYZ", reason="duplicate"),
    ),
    (
        "the customer aksed for a refund on pi_Req12345",
        tool("refund_payment", payment="pi_Req12345", reason="requested_by_customer"),
    ),
    (
        "can you refund twenyt five dollars on pi_Tw3nty5",
        tool("refund_payment", payment="pi_Tw3nty5", amount=2500),
    ),
    ("what was our success rate yesteray", tool("get_analytics", **YD)),
    ("revenue in uros for last month", tool("get_analytics", currency="eur", **MAY)),
    (
        "create subscription for cus_ABC on team_monthly with 4 seeats",
        tool("create_subscription", customer="cus_ABC", price="team_monthly", quantity=4),
    ),
    (
        "pmts from jane@example.com last monht",
        tool("list_payments", customer="jane@example.com", **MAY),
    ),
    ("ltaest 5", tool("list_payments", limit=5)),
    ("whats our goss for may", tool("get_analytics", **MAY)),
    ("What perentage of payments succeeded last month?", tool("get_analytics", **MAY)),
    ("show paymenst", tool("list_payments")),
    ("give a full refunnd for ch_Full5678", tool("refund_payment", payment="ch_Full5678")),
    ("chargse between $10 and $20", tool("list_payments", min_amount=1000, max_amount=2000)),
    ("how are we doig this month", tool("get_analytics", **TM)),
    ("show me tats for last week", tool("get_analytics", **LW)),
    (
        "subscirbe jane@x.io to pro_monthly",
        tool("create_subscription", customer="jane@x.io", price="pro_monthly"),
    ),
    ("refudn pi_3NkQ2aLm", tool("refund_payment", payment="pi_3NkQ2aLm")),
    ("wats my balanse", tool("get_balance")),
    ("refnd evry payment from yesterday", kind("refuse")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_one_typo_does_not_change_the_route(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("how much money is sitting in stripe", tool("get_balance")),
        ("charge Chase Miller $20", tool("create_payment", amount=2000, customer="Chase Miller")),
        ("payments from dales@x.io", tool("list_payments", customer="dales@x.io")),
        ("find customer hannah brooks", tool("find_customers", name="hannah brooks")),
        (
            "how this week looks so far",
            tool("get_analytics", created_gte="2026-06-15", created_lte="2026-06-15"),
        ),
    ],
)
def test_real_words_and_names_are_not_corrected(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("word", "stays"),
    [
        ("looks", True),  # common English one edit from "books"
        ("brooks", True),  # a surname typed in lowercase, not "books"
        ("lowe", True),
        ("coming", True),  # not "coding"
        ("yesterdy", False),  # rare strings are typos
        ("refnud", False),  # rare strings are typos
        ("febuary", False),
    ],
)
def test_common_words_are_not_typos(word: str, stays: bool) -> None:
    """Only rare strings are misspellings: wordfreq's English frequencies decide."""
    from agent.offline_router.fuzzy import respell

    assert (respell(f"we {word} it")[0] == f"we {word} it") is stays


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("serach customers for gmbh", tool("find_customers", query="gmbh")),
        ("show 5 customers macthing bakery", tool("find_customers", query="bakery", limit=5)),
        (
            "put cus_PmK4vN8qR2 on team undersocre annual with three seats",
            tool("create_subscription", customer="cus_PmK4vN8qR2", price="team_annual", quantity=3),
        ),
        ("any chargs over 1k this week", tool("list_payments", min_amount=100000, **TW)),
        (
            "A customer emaield saying her card got declined. Show me failed payments",
            tool("list_payments", status="failed"),
        ),
        (
            "who's the customer bheind billing@northwind.io?",
            tool("find_customers", email="billing@northwind.io"),
        ),
    ],
)
def test_a_slip_is_read_as_the_word_meant_and_never_as_a_name(
    message: str, expected: dict[str, Any]
) -> None:
    """A listed typo is written out as the word it stands for ("serach" -> "search", so
    "search customers for" still searches text); a word never seen in English that a swap of
    two letters turns into a common one ("bheind") is a slip, not a customer's name."""
    check(message, expected)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Quick one. Refnud pi_X pls", "Quick one. refund pi_X pls"),  # opens a sentence
        ("Hi!\nPaymnet list", "Hi!\npayment list"),
        ("payments for Dr. Refnud", "payments for Dr. Refnud"),  # a capital after "Dr." is a name
        ("charge Brooks 5", "charge Brooks 5"),
    ],
)
def test_a_capital_opening_a_sentence_is_no_name_to_protect(text: str, fixed: str) -> None:
    from agent.offline_router.fuzzy import respell

    assert respell(text)[0] == fixed
