"""Messages dictated to a phone: a value taken back in the same breath ("Jon no sorry John
Miller"), amounts and dates in words, "and Sons" inside one business's name, a speech engine's
"sense the third of March", and a payout said as "send my balance to my bank"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router.self_corrections import without_corrected_values

CASES = [
    (
        "create a customer named Jon no sorry John Miller with john.miller@fastmail.com",
        tool("create_customer", name="John Miller", email="john.miller@fastmail.com"),
    ),
    (
        "find the customer mark@brightline.co no sorry mark@brightlane.co",
        tool("find_customers", email="mark@brightlane.co"),
    ),
    (
        "show me ten no make that twenty five payments from dana@studio.io",
        tool("list_payments", limit=25, customer="dana@studio.io"),
    ),
    (
        "charge fifty no sorry sixty dollars to cus_Ab12Cd34",
        tool("create_payment", amount=6000, currency="usd", customer="cus_Ab12Cd34"),
    ),
    (
        "charge twelve pounds fifty to Hoffmann and Sons Bakery",
        tool("create_payment", amount=1250, currency="gbp", customer="Hoffmann and Sons Bakery"),
    ),
    (
        "put Hoffmann and Sons Bakery on pro_monthly with three seats and a seven day trial",
        tool(
            "create_subscription",
            customer="Hoffmann and Sons Bakery",
            price="pro_monthly",
            quantity=3,
            trial_days=7,
        ),
    ),
    (
        "okay so I need to find Hoffmann and Sons Bakery in the customers",
        tool("find_customers", name="Hoffmann and Sons Bakery"),
    ),
    ("charge Dana and Bob $5", kind("clarify")),
    ("um create a twenty dollar payment", tool("create_payment", amount=2000, currency="usd")),
    (
        "uh show me the euro payments between twenty and fifty euros",
        tool("list_payments", currency="eur", min_amount=2000, max_amount=5000),
    ),
    ("send my available balance out to my bank account", kind("out_of_scope")),
    ("what's my balance", tool("get_balance")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_dictated_requests(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


def test_a_speech_engines_sense_before_a_date_is_since() -> None:
    check(
        "list the refunded payments sense the third of March",
        tool("list_payments", status="refunded", created_gte="2025-03-03"),
        today=date(2025, 4, 20),
    )


@pytest.mark.parametrize(
    "text",
    [
        "put Jon on pro_monthly, no trial",
        "customer Jon no email",
        "No, cancel",
        "Yes No Maybe",
        "PUT a@b.co ON pro_monthly, 2 SEATS, NO TRIAL",
    ],
)
def test_no_between_values_of_different_kinds_takes_nothing_back(text: str) -> None:
    assert without_corrected_values(text) == text
