# ruff: noqa: E501  (messages are kept verbatim, as users typed them)
"""People named inside the message: a pronoun means the full name said before it, an anchored
request may open any sentence, and common nouns ("the bakery", "my student's mom", "two of
them") are nobody's name."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, tool

from agent.offline_router import RouterContext

CASES = [
    (
        "Quick one from the front desk. Bluebird Bakery wants 5 seats on team_annual",
        tool("create_subscription", customer="Bluebird Bakery", price="team_annual", quantity=5),
    ),
    (
        'Marcus Hale missed his appointment, so please charge him $75 with the description "Late cancellation fee".',
        tool(
            "create_payment",
            customer="Marcus Hale",
            amount=7500,
            description="Late cancellation fee",
        ),
    ),
    (
        "Priya Shah says she paid for her class pack but I can't tell. can you pull up her payments?",
        tool("list_payments", customer="Priya Shah"),
    ),
    (
        "ok so Dave Kowalski finally called back. put $385.50 on his card for the water heater install",
        tool(
            "create_payment",
            customer="Dave Kowalski",
            amount=38550,
            description="water heater install",
        ),
    ),
    (
        "hi, Rosa from the bakery here :) can you show me the payments since Monday?",
        tool("list_payments", created_gte="2026-06-08", created_lte="2026-06-15"),
    ),
    (
        "hi, can you add my new student's mom as a customer? Linda Okafor, linda.okafor@yahoo.com",
        tool("create_customer", name="Linda Okafor", email="linda.okafor@yahoo.com"),
    ),
    (
        "can you look up the customers named Emma? pretty sure there are two",
        tool("find_customers", name="Emma"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_people_are_read_from_the_message_itself(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


def test_a_name_in_the_message_is_nearer_than_the_last_turns_customer() -> None:
    ctx = RouterContext(last_customer="Dana Lee")
    check(
        "Omar Haddad just called, he wants his payments from yesterday",
        tool(
            "list_payments",
            customer="Omar Haddad",
            created_gte="2026-06-14",
            created_lte="2026-06-14",
        ),
        ctx,
    )
    check(
        "charge her $5 for the Big Apple tour",
        tool("create_payment", customer="Dana Lee", amount=500, description="Big Apple tour"),
        ctx,
    )
