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
