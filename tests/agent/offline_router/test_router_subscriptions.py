"""create_subscription: customer, price id or lookup key, trial days and seats."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, expand, kind, tool

from agent.offline_router import RouterContext, ToolCall


def cs(**args: Any) -> dict[str, Any]:
    return tool("create_subscription", **args)


CASES = [
    (
        "Sub for ops@tallgrass.farm, price lookup key growth_quarterly",
        cs(customer="ops@tallgrass.farm", price="growth_quarterly"),
    ),
    (  # a lookup key typed with hyphens and a year is kept as typed
        "subscribe billing@acme.test to enterprise-yearly-2025",
        cs(customer="billing@acme.test", price="enterprise-yearly-2025"),
    ),
    (
        "i want Ben Ortiz on premium_monthly starting with a 10 day trial",
        cs(customer="Ben Ortiz", price="premium_monthly", trial_days=10),
    ),
    (
        "add 5 seats of team_pro_monthly for studio@moonlitgames.dev",
        cs(customer="studio@moonlitgames.dev", price="team_pro_monthly", quantity=5),
    ),
    (
        "put dana@studio.io on pro_monthly with a 14 day trial",
        cs(customer="dana@studio.io", price="pro_monthly", trial_days=14),
    ),
    ("subscribe jane@x.io to price_1AbC2dE", cs(customer="jane@x.io", price="price_1AbC2dE")),
    ("sign Acme Corp up for pro_annual", cs(customer="Acme Corp", price="pro_annual")),
    (
        "start a subscription for cus_Q8rT2mX on basic_yearly",
        cs(customer="cus_Q8rT2mX", price="basic_yearly"),
    ),
    (
        "create a subscription for bob@acme.io, price pro_monthly, 3 seats",
        cs(customer="bob@acme.io", price="pro_monthly", quantity=3),
    ),
    (
        "add jane@x.io to the premium_monthly plan",
        cs(customer="jane@x.io", price="premium_monthly"),
    ),
    (
        "subscribe cus_ABC123 to pro_monthly with a two week trial",
        cs(customer="cus_ABC123", price="pro_monthly", trial_days=14),
    ),
    ("enroll maria@shop.co in gold_monthly", cs(customer="maria@shop.co", price="gold_monthly")),
    ("put Jane Doe on the pro monthly plan", cs(customer="Jane Doe", price="pro_monthly")),
    (
        "subscribe bob@x.com to team_yearly for 5 seats",
        cs(customer="bob@x.com", price="team_yearly", quantity=5),
    ),
    (
        "sign up cus_XyZ789 for pro_monthly with a 30 day free trial",
        cs(customer="cus_XyZ789", price="pro_monthly", trial_days=30),
    ),
    (
        "new subscription: cus_N3w001, price_9Zz8Yy7",
        cs(customer="cus_N3w001", price="price_9Zz8Yy7"),
    ),
    (
        "subscribe jane@x.io to pro_monthly, 1 month free trial",
        cs(customer="jane@x.io", price="pro_monthly", trial_days=30),
    ),
    ("subscribe Jane Doe to basic_monthly", cs(customer="Jane Doe", price="basic_monthly")),
    (
        "put cus_T1rial on starter_monthly with a 7-day trial",
        cs(customer="cus_T1rial", price="starter_monthly", trial_days=7),
    ),
    ("sign bob@x.com up to the Pro plan, yearly", cs(customer="bob@x.com", price="pro_yearly")),
    ("start jane@x.io on the basic annual plan", cs(customer="jane@x.io", price="basic_yearly")),
    ("jane@x.io wants pro monthly", cs(customer="jane@x.io", price="pro_monthly")),
    (
        "team monthly for dana@studio.io, 20 licenses, trial 14 days",
        cs(customer="dana@studio.io", price="team_monthly", quantity=20, trial_days=14),
    ),
    ("start a basic yearly sub for cus_B4sic01", cs(customer="cus_B4sic01", price="basic_yearly")),
    ("subscrbe jane@x.io to pro_monthly", cs(customer="jane@x.io", price="pro_monthly")),
    (
        "start jane@x.io on price_1Pq2Rs with 10 seats",
        cs(customer="jane@x.io", price="price_1Pq2Rs", quantity=10),
    ),
    (
        "can you set up a subscription to pro_monthly for Globex Inc",
        cs(customer="Globex Inc", price="pro_monthly"),
    ),
    # a bare "trial 14" counts days; "two weeks' trial"; "trail" typed for trial
    (
        "sub cus_Hx9Pw -> price_1Nz8Lk qty 2 trial 14",
        cs(customer="cus_Hx9Pw", price="price_1Nz8Lk", quantity=2, trial_days=14),
    ),
    (
        "subscribe Nordlicht AB to price_1Se0Kr2Mo3 for 2 users with two weeks' trial",
        cs(customer="Nordlicht AB", price="price_1Se0Kr2Mo3", quantity=2, trial_days=14),
    ),
    (
        "subscribe anna.k@web.de to price_1PqRsT with a 7 day trail",
        cs(customer="anna.k@web.de", price="price_1PqRsT", trial_days=7),
    ),
]


@pytest.mark.parametrize(("message", "expected"), expand(CASES))
def test_subscription_requests_route_to_create_subscription(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_them_names_the_customer_of_the_previous_turns() -> None:
    check(
        "subscribe them to pro_monthly",
        cs(customer="cus_JANE01", price="pro_monthly"),
        context=RouterContext(last_customer="cus_JANE01"),
    )


@pytest.mark.parametrize(
    ("message", "missing"),
    [
        ("subscribe jane@x.io", "price"),
        ("sign bob@x.com up to the Pro plan", "price"),
        ("subscribe jane@x.io to basic", "price"),
        ("start a subscription on pro_monthly", "customer"),
        ("Trying to pro_monthly", "customer"),
        ("subscribe", "customer"),
        ("create a subscription", "customer"),
    ],
)
def test_a_subscription_missing_customer_or_price_asks_for_it(message: str, missing: str) -> None:
    decision = check(message, kind("clarify"))
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == missing


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Orchard Lane Dental -> payroll_monthly, 12 seats",
            cs(customer="Orchard Lane Dental", price="payroll_monthly", quantity=12),
        ),
        ("Dana Smith to pro_monthly", cs(customer="Dana Smith", price="pro_monthly")),
    ],
)
def test_a_capitalised_name_then_to_or_an_arrow_and_a_price_subscribes_it(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)  # typed as written: in lowercase "X to Y" names no one for sure


def test_an_interval_left_to_the_agent_is_asked_about() -> None:
    check(
        "subscription for cus_P0o9I8 on the Pro plan, monthly or yearly I don't know, you choose",
        kind("clarify"),
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "can u add Lena Fischer to the starter_yearly price",
            tool("create_subscription", customer="Lena Fischer", price="starter_yearly"),
        ),
        (
            "add dana@studio.io to the price with lookup key growth_annual, 2 users",
            tool(
                "create_subscription", customer="dana@studio.io", price="growth_annual", quantity=2
            ),
        ),
        (
            "Could you set up the basic_monthly price for jules@atelier.fr, quantity ten please?",
            tool(
                "create_subscription",
                customer="jules@atelier.fr",
                price="basic_monthly",
                quantity=10,
            ),
        ),
    ],
)
def test_a_customer_added_to_a_price_is_a_subscription(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_that_one_after_a_customer_search_is_the_customer_found() -> None:
    ctx = RouterContext(
        last_call=ToolCall(skill="find_customers", args={"email": "sam@peak.io"}),
        last_customer="sam@peak.io",
    )
    check(
        "sign that one up for team_monthly, 4 seats",
        tool("create_subscription", customer="sam@peak.io", price="team_monthly", quantity=4),
        ctx,
    )
