# ruff: noqa: E501  (messages are kept verbatim, as users typed them)
"""Context around a request is not the request: an invoice, a promo, a payout or a discount
mentioned in another clause leaves the clause that asks for a skill to decide, while a clause
that asks for something no skill does stays out of scope."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

CASES = [
    (
        "Aoife (cus_P4wX7nQz) rang up, she'd like to settle by card now rather than wait for the invoice. Charge her 120 euros please.",
        tool("create_payment", customer="cus_P4wX7nQz", amount=12000, currency="eur"),
    ),
    (
        "how much is available vs pending right now, need to know before the payout on fri",
        tool("get_balance"),
    ),
    (
        "how'd sales go yesterday? we had that big promo running",
        tool("get_analytics", created_gte="2026-06-14", created_lte="2026-06-14"),
    ),
    (
        "the code the customer used didnt apply the discount so refund twenty dollars on pi_3XcV5bN6mQ",
        tool("refund_payment", payment="pi_3XcV5bN6mQ", amount=2000),
    ),
    (
        "€ 30,50 on cus_M4nB7vC2 for extra shipping",
        tool(
            "create_payment",
            customer="cus_M4nB7vC2",
            amount=3050,
            currency="eur",
            description="extra shipping",
        ),
    ),
    ("send an invoice to cus_M4nB7vC2 for $50", kind("out_of_scope")),
    ("cancel her subscription and refund pi_3XcV5bN6mQ", kind("out_of_scope")),
    ("what's the eur to usd exchange rate today", kind("out_of_scope")),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_the_clause_that_asks_decides(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)
