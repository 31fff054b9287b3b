"""Names typed all in lowercase: "&" still joins a business name, and a trade word ends one
("greenleaf landscaping"), so the name is not cut at its first word."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, tool

CASES = [
    ("create customer kim & sons ltd", tool("create_customer", name="kim & sons ltd")),
    (
        "please charge hartley & sons £1,250 for the Q2 audit.",
        tool(
            "create_payment",
            customer="hartley & sons",
            amount=125000,
            currency="gbp",
            description="Q2 audit",
        ),
    ),
    (
        "charge two hundred fifty dollars to baxter plumbing.",
        tool("create_payment", customer="baxter plumbing", amount=25000),
    ),
    (
        "put kestrel analytics on enterprise_monthly with 25 seats",
        tool(
            "create_subscription",
            customer="kestrel analytics",
            price="enterprise_monthly",
            quantity=25,
        ),
    ),
    (
        "can you set up a customer for greenleaf landscaping? their email is office@greenleaf.land",
        tool("create_customer", name="greenleaf landscaping", email="office@greenleaf.land"),
    ),
    (
        "do we have hollis & grant llp as a customer?",
        tool("find_customers", name="hollis & grant llp"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_lowercase_business_names_are_kept_whole(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


def test_a_business_name_ends_where_the_request_goes_on() -> None:
    check(
        "charge kim & sons $40 for the repair",
        tool("create_payment", customer="kim & sons", amount=4000, description="repair"),
    )


ALL_LOWERCASE = [
    ("look up ahmed karimi", tool("find_customers", name="ahmed karimi")),
    (
        "find the customer rosa alvarez, email rosa@alvarezlaw.com",
        tool("find_customers", name="rosa alvarez", email="rosa@alvarezlaw.com"),
    ),
    (
        "bluebird bakery wants 5 seats on team_annual",
        tool("create_subscription", customer="bluebird bakery", price="team_annual", quantity=5),
    ),
    (
        "priya shah says she paid for her class pack. can you pull up her payments?",
        tool("list_payments", customer="priya shah"),
    ),
    (
        "charge $40 for window cleaning",  # common words are no name, but what it is for
        tool("create_payment", amount=4000, description="window cleaning"),
    ),
    (
        "a customer emailed saying their card got declined, show me failed payments",
        tool("list_payments", status="failed"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), ALL_LOWERCASE)
def test_in_an_all_lowercase_message_rare_words_are_read_as_names(
    message: str, expected: dict[str, Any]
) -> None:
    """Capitals tell nothing when nothing is capitalised: a word rarer than everyday English
    (and no word of the router's) is read as if it were."""
    check(message, expected)


def test_one_rare_lowercase_word_after_for_is_what_the_charge_is_for() -> None:
    check(
        "charge $40 for consultation",
        tool("create_payment", amount=4000, description="consultation"),
    )
