# ruff: noqa: E501  (messages are kept whole, as people type them)
"""Arguments in forms the first lexicon missed: signatures and sentence ends that must not leak
into names or descriptions, "for customer X" (a customer, not a description), names of three or
more words, "her name's X" / "name=X", a name the email spells, amounts said in two parts, won and
dot thousands, trial and seat forms, plans with the interval first or misspelt, find_customers
limits, free-text searches and domains, refund reasons and shares of a payment."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

SIGNATURES = [
    (
        "Could you show our pending payments, please?\nMany thanks,\nOlga Petrova\nAccounts Payable",
        tool("list_payments", status="pending"),
    ),
    (
        "Please look up the customer Harlow & Finch Ltd.\nWarm regards,\nBen",
        tool("find_customers", name="Harlow & Finch Ltd."),
    ),
    (
        "What's our balance? Cheers, Dmitri — Ops",
        tool("get_balance"),
    ),
    (
        "Kindly refund ch_3Sig0001Zz.\n— K. Adeyemi, Billing",
        tool("refund_payment", payment="ch_3Sig0001Zz"),
    ),
    (
        "Please charge £15.00 to cus_Sig0002, description: locker rental. Best wishes, Nora",
        tool(
            "create_payment",
            amount=1500,
            currency="gbp",
            customer="cus_Sig0002",
            description="locker rental",
        ),
    ),
]

NAMES_AND_DESCRIPTIONS = [
    (
        "please charge 120 euro for customer Ines Moreau",
        tool("create_payment", amount=12000, currency="eur", customer="Ines Moreau"),
    ),
    (
        "raise a €60 payment for client tomas@ferreira.pt",
        tool("create_payment", amount=6000, currency="eur", customer="tomas@ferreira.pt"),
    ),
    (
        "take a payment of $95 for Wendell Brooks, description: piano tuning",
        tool(
            "create_payment",
            amount=9500,
            currency="usd",
            customer="Wendell Brooks",
            description="piano tuning",
        ),
    ),
    (
        "new customer Ruth Adler description: wholesale, net 30 terms",
        tool("create_customer", name="Ruth Adler", description="wholesale, net 30 terms"),
    ),
    (
        "add customer Kofi Mensah, description: referred by Ama. Phone to follow",
        tool("create_customer", name="Kofi Mensah", description="referred by Ama"),
    ),
    (
        "register a customer, her name's Hanne Berg, hanne@bergdesign.no",
        tool("create_customer", name="Hanne Berg", email="hanne@bergdesign.no"),
    ),
    (
        "create customer name=Yusuf Demir email=yusuf@demir.com.tr",
        tool("create_customer", name="Yusuf Demir", email="yusuf@demir.com.tr"),
    ),
    (
        "add my neighbour priya, priya.n@gmail.com, as a customer",
        tool("create_customer", name="priya", email="priya.n@gmail.com"),
    ),
    (
        "subscribe customer Tran Thi Mai to the pro plan monthly",
        tool("create_subscription", customer="Tran Thi Mai", price="pro_monthly"),
    ),
    (
        "find customer Juan de la Vega",
        tool("find_customers", name="Juan de la Vega"),
    ),
    (
        "charge Nordkapp AS 4 000 NOK",
        tool("create_payment", amount=400000, currency="nok", customer="Nordkapp AS"),
    ),
    (
        "add customer Eamon Walsh, phone +353 87 123 4567.",
        tool("create_customer", name="Eamon Walsh", phone="+353 87 123 4567"),
    ),
]

AMOUNTS = [
    (
        "charge fourteen dollars and ninety cents to cus_Amt0001",
        tool("create_payment", amount=1490, currency="usd", customer="cus_Amt0001"),
    ),
    (
        "refund eight pounds forty on pi_3Amt0002Qq",
        tool("refund_payment", payment="pi_3Amt0002Qq", amount=840),
    ),
    (
        "charge 120,000 won to cus_Amt0003",
        tool("create_payment", amount=120000, currency="krw", customer="cus_Amt0003"),
    ),
    (
        "charge 7.800 ¥ to cus_Amt0004",
        tool("create_payment", amount=7800, currency="jpy", customer="cus_Amt0004"),
    ),
    (
        "refunds ch_3Amt0005Rr 35",
        tool("refund_payment", payment="ch_3Amt0005Rr", amount=3500),
    ),
]

SUBSCRIPTIONS = [
    (
        "sub cus_Sub0001 pro monthly x 12",
        tool("create_subscription", customer="cus_Sub0001", price="pro_monthly", quantity=12),
    ),
    (
        "new sub cus_Sub0002 / basic_yearly / trial 21d",
        tool("create_subscription", customer="cus_Sub0002", price="basic_yearly", trial_days=21),
    ),
    (
        "put cus_Sub0003 on team yearly, trial: 2 weeks",
        tool("create_subscription", customer="cus_Sub0003", price="team_yearly", trial_days=14),
    ),
    (
        "subscribe li@atelier.fr to basic monthly with two fortnights free trial",
        tool("create_subscription", customer="li@atelier.fr", price="basic_monthly", trial_days=28),
    ),
    (
        "the yearly pro plan for cus_Sub0005 please",
        tool("create_subscription", customer="cus_Sub0005", price="pro_yearly"),
    ),
    (
        "subscribe cus_Sub0006 to team montly",
        tool("create_subscription", customer="cus_Sub0006", price="team_monthly"),
    ),
    (
        "could we pop Hillside Pottery Club onto pro annual?",
        tool("create_subscription", customer="Hillside Pottery Club", price="pro_yearly"),
    ),
    ("subscribe cus_Sub0008 to annual", kind("clarify")),
]

FIND_CUSTOMERS = [
    ("show the first 4 customers named Okafor", tool("find_customers", name="Okafor", limit=4)),
    ("list 7 customers matching florist", tool("find_customers", query="florist", limit=7)),
    ("customers please, 15 of them", tool("find_customers", limit=15)),
    ("search for greenhouse", tool("find_customers", query="greenhouse")),
    ('customer search "vegan"', tool("find_customers", query="vegan")),
    ("please find customer with name Zhou Min", tool("find_customers", name="Zhou Min")),
    ("who has the mobile number 07911 123456?", tool("find_customers", query="07911 123456")),
    ("find the customer on 01 45 67 89 10", tool("find_customers", query="01 45 67 89 10")),
    (
        "is anyone registered from the domain bergfried.at?",
        tool("find_customers", query="bergfried.at"),
    ),
]

READ_WORDINGS = [
    (
        "Kindly share the refunded payments from last week.",
        tool(
            "list_payments", status="refunded", created_gte="2026-06-08", created_lte="2026-06-14"
        ),
    ),
    (
        "number of failed charges in March",
        tool("get_analytics", created_gte="2026-03-01", created_lte="2026-03-31"),
    ),
    (
        "what share of last month's payments were refunded?",
        tool("get_analytics", created_gte="2026-05-01", created_lte="2026-05-31"),
    ),
]

REFUNDS = [
    (
        "refund pi_3Rsn0001Aa, customer cancelled the booking",
        tool("refund_payment", payment="pi_3Rsn0001Aa", reason="requested_by_customer"),
    ),
    (
        "refund ch_3Rsn0002Bb - the buyer is not satisfied",
        tool("refund_payment", payment="ch_3Rsn0002Bb", reason="requested_by_customer"),
    ),
    (
        "please return the funds for pi_3Rsn0003Cc back to the client",
        tool("refund_payment", payment="pi_3Rsn0003Cc"),
    ),
    (
        "refund pi_3Rsn0004Dd, he asked for his money back",
        tool("refund_payment", payment="pi_3Rsn0004Dd", reason="requested_by_customer"),
    ),
    (
        "refund ch_3Rsn0007Gg, the card was compromised",
        tool("refund_payment", payment="ch_3Rsn0007Gg", reason="fraudulent"),
    ),
    ("refund 40% of pi_3Rsn0005Ee", tool("lookup_payment", payment="pi_3Rsn0005Ee")),
    ("refund a portion of ch_3Rsn0006Ff", kind("clarify")),
]


@pytest.mark.parametrize(("message", "expected"), SIGNATURES)
def test_sign_offs_and_signatures_are_no_part_of_the_request(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), NAMES_AND_DESCRIPTIONS)
def test_names_and_descriptions_are_copied_whole_and_apart(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), AMOUNTS)
def test_amounts_in_two_parts_won_and_dot_thousands(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), SUBSCRIPTIONS)
def test_subscription_quantities_trials_and_plans(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), FIND_CUSTOMERS)
def test_find_customers_limits_searches_and_domains(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), REFUNDS)
def test_refund_reasons_and_shares_of_a_payment(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), READ_WORDINGS)
def test_formal_verbs_and_counts_pick_the_read(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)
