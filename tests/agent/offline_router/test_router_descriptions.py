"""What a payment is for: an "and" between two things bought belongs to the description; an
"and" that starts a new clause (a verb, a pronoun, "also", "then") ends it. And names typed as
key=value, beside an abbreviated phone label, or with a two-part suffix ("Co., Ltd.")."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, tool

CASES = [
    (  # what it is for is labelled, so "for" + a business name is who pays
        "Please create a payment of 1.499,00 € for Schmidt & Partner KG, description: Jahreslizenz",
        tool(
            "create_payment",
            amount=149900,
            currency="eur",
            customer="Schmidt & Partner KG",
            description="Jahreslizenz",
        ),
    ),
    (  # Swiss whole francs: the ".-" is no dash before a note
        "Please charge CHF 240.- to cus_ChZr91 for the ski rental",
        tool(
            "create_payment",
            amount=24000,
            currency="chf",
            customer="cus_ChZr91",
            description="ski rental",
        ),
    ),
    (
        "charge ¥2,400 to cus_Jp83HsKa for 2 matcha lattes and a cake set",
        tool(
            "create_payment",
            amount=2400,
            currency="jpy",
            customer="cus_Jp83HsKa",
            description="2 matcha lattes and a cake set",
        ),
    ),
    (
        "its a walk in so just ring up eighty dollars for haircut and beard trim",
        tool("create_payment", amount=8000, description="haircut and beard trim"),
    ),
    (
        "bill Jane Cooper $40 for lunch and dinner please",
        tool("create_payment", amount=4000, customer="Jane Cooper", description="lunch and dinner"),
    ),
    (
        "charge bob@x.com $50 for the setup fee and send a receipt",
        tool("create_payment", amount=5000, customer="bob@x.com", description="setup fee"),
    ),
    (
        "charge bob@x.com $50 for consulting and then put him on pro_monthly",
        tool("create_payment", amount=5000, customer="bob@x.com", description="consulting"),
    ),
    (
        "charge bob@x.com $50 for consulting and I'll send the invoice",
        tool("create_payment", amount=5000, customer="bob@x.com", description="consulting"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_description_runs_on_over_and_only_between_things(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


KEYED_AND_ABBREVIATED = [
    (
        "customer create: email=dev+test@stackforge.dev name=QA Test Account",
        tool("create_customer", email="dev+test@stackforge.dev", name="QA Test Account"),
    ),
    (
        "new cust name=Acme Ltd email=a@acme.io",
        tool("create_customer", email="a@acme.io", name="Acme Ltd"),
    ),
    (
        "creat a customer Marco Bianchi ph +393471234567",
        tool("create_customer", name="Marco Bianchi", phone="+393471234567"),
    ),
    (
        "find Acme Co., Ltd. please",
        tool("find_customers", name="Acme Co., Ltd."),
    ),
]


@pytest.mark.parametrize(("message", "expected"), KEYED_AND_ABBREVIATED)
def test_keyed_names_abbreviated_phone_labels_and_two_part_suffixes(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)
