"""find_customers and create_customer: emails, names as typed, phones, descriptions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, expand, kind, tool

from agent.offline_router import RouterContext


def fc(**args: Any) -> dict[str, Any]:
    return tool("find_customers", **args)


def cc(**args: Any) -> dict[str, Any]:
    return tool("create_customer", **args)


FIND = [
    ("find customer jane@example.com", fc(email="jane@example.com")),
    ("look up Jane Doe", fc(name="Jane Doe")),
    ("search customers for gmbh", fc(query="gmbh")),
    ("search for customers matching smith", fc(query="smith")),
    ("who is cus_Q8rT2mX", fc(query="cus_Q8rT2mX")),
    ("do we have a customer named Bob Smith?", fc(name="Bob Smith")),
    ("is jane@x.io a customer?", fc(email="jane@x.io")),
    ("list customers", fc()),
    ("show all customers", fc()),
    ("find Acme Corp", fc(name="Acme Corp")),
    ("customers named Smith", fc(name="Smith")),
    ("find the customer with email bob@acme.io", fc(email="bob@acme.io")),
    ("look up customer Maria Garcia", fc(name="Maria Garcia")),
    ("search for customers at acme.com", fc(query="acme.com")),
    ("who is jane@example.com", fc(email="jane@example.com")),
    ("find customer Jane", fc(name="Jane")),
    ("lookup bob@x.com", fc(email="bob@x.com")),
    ("show me customer details for jane@x.io", fc(email="jane@x.io")),
    ("show me 5 customers", fc(limit=5)),
    ("search customer Globex", fc(name="Globex")),
    ("any customers called Jane?", fc(name="Jane")),
    ("find costumer Jane Doe", fc(name="Jane Doe")),
    ("get customer info for Bob Smith", fc(name="Bob Smith")),
    ("do we have anyone named Priya Patel", fc(name="Priya Patel")),
    ("search for jane@example.com", fc(email="jane@example.com")),
    ("find customer JANE@EXAMPLE.COM", fc(email="jane@example.com")),
    ("who's Tom Baker?", fc(name="Tom Baker")),
    ("pull up the customer Initech", fc(name="Initech")),
    ("find clients named Lee", fc(name="Lee")),
]

CREATE = [
    (
        "acme corp isn't in stripe yet, can you put them in? ap@acme.co",
        tool("create_customer", name="acme corp", email="ap@acme.co"),
    ),
    (
        "add a new customer called Acme Corp, billing@acme.test",
        cc(name="Acme Corp", email="billing@acme.test"),
    ),
    ("create customer Jane Doe jane@doe.com", cc(name="Jane Doe", email="jane@doe.com")),
    ("new customer: Bob, bob@b.io", cc(name="Bob", email="bob@b.io")),
    ("add Bob Smith (bob@smith.io) as a customer", cc(name="Bob Smith", email="bob@smith.io")),
    ("register bob@x.com as a new customer", cc(email="bob@x.com")),
    (
        "create a customer named Maria Garcia with email maria@garcia.es",
        cc(name="Maria Garcia", email="maria@garcia.es"),
    ),
    ("add customer Jane Doe, phone +1 555 123 4567", cc(name="Jane Doe", phone="+1 555 123 4567")),
    ("create a new customer jane@x.io", cc(email="jane@x.io")),
    ("onboard Globex LLC, ap@globex.com", cc(name="Globex LLC", email="ap@globex.com")),
    ("new client Tom Baker tom@baker.co", cc(name="Tom Baker", email="tom@baker.co")),
    (
        "add a customer: name Sarah Lee, email sarah@lee.dev",
        cc(name="Sarah Lee", email="sarah@lee.dev"),
    ),
    ("create customer with email team@startup.io", cc(email="team@startup.io")),
    (
        "set up a new customer for Initech, email bill@initech.com",
        cc(name="Initech", email="bill@initech.com"),
    ),
    (
        "add customer Wayne Enterprises, description: VIP account",
        cc(name="Wayne Enterprises", description="VIP account"),
    ),
    ("creat a new custmer Jane Roe", cc(name="Jane Roe")),
    ("add a customer named Lucas", cc(name="Lucas")),
    (
        "create a customer for Umbrella Corp with phone 555-867-5309",
        cc(name="Umbrella Corp", phone="555-867-5309"),
    ),
    ("make a new customer: Kim Lee, kim@lee.kr", cc(name="Kim Lee", email="kim@lee.kr")),
    ("add jane@x.io as a customer", cc(email="jane@x.io")),
]


@pytest.mark.parametrize(("message", "expected"), expand(FIND))
def test_lookups_route_to_find_customers(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), expand(CREATE))
def test_new_customers_route_to_create_customer(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize("message", ["add a new customer", "create a customer", "new customer"])
def test_a_new_customer_without_name_or_email_asks_for_one(message: str) -> None:
    decision = check(message, kind("clarify"))
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.skill == "create_customer"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("look her up", tool("find_customers", email="rosa@fleur.fr")),
        ("add her", tool("create_customer", email="rosa@fleur.fr")),
    ],
)
def test_her_after_an_email_typed_alone_is_that_email(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, context=RouterContext(last_customer="rosa@fleur.fr"))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "ok add one then, kowalski plumbing office@kowalski.pl",
            tool("create_customer", name="kowalski plumbing", email="office@kowalski.pl"),
        ),
        (
            "new customer: greenleaf landscaping, info@greenleaf.com",
            tool("create_customer", name="greenleaf landscaping", email="info@greenleaf.com"),
        ),
    ],
)
def test_a_lowercase_business_name_spelled_by_its_email_domain_is_the_name(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_do_we_have_a_named_person_is_a_customer_search() -> None:
    check("do we have a Karen Liu?", tool("find_customers", name="Karen Liu"))


def test_the_name_a_story_gives_is_whose_payments_and_its_dates_are_kept() -> None:
    check(
        "A customer phoned saying she was charged twice by us somewhere between Feb 2 and Feb 5. "
        "Her name is Priya Raman. Can you pull up her payments for those days?",
        tool(
            "list_payments",
            customer="Priya Raman",
            created_gte="2026-02-02",
            created_lte="2026-02-05",
        ),
        today=date(2026, 2, 20),
    )
