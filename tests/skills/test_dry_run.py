"""Dry run: every skill validates and describes what it would do, and nothing reaches Stripe.

`dry_ctx` has no Stripe connection at all; the tests with a live service in dry-run mode show
that the mode alone, not the missing connection, keeps requests from being sent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from skills import SKILLS, Preview
from skills.base import SkillContext
from skills.errors import InvalidArguments
from tests.skills.conftest import Sent

SAMPLES: dict[str, dict[str, Any]] = {
    "list_payments": {"customer": "jane@example.com", "status": "failed", "limit": 5},
    "create_payment": {"amount": 5000, "customer": "jane@example.com"},
    "get_balance": {},
    "find_customers": {"name": "Alex Kim"},
    "create_customer": {"email": "new@example.com", "name": "New Person"},
    "refund_payment": {"payment": "pi_3Abc123", "amount": 2500, "reason": "duplicate"},
    "get_analytics": {"created_gte": "2026-05-01", "created_lte": "2026-05-31", "currency": "eur"},
    "create_subscription": {"customer": "Dana Whitfield", "price": "pro_monthly", "quantity": 2},
}
SUMMARIES = {
    "list_payments": "List up to 5 payments where customer=jane@example.com, status=failed.",
    "create_payment": "Charge $50.00 USD to jane@example.com.",
    "get_balance": "Read the account balance.",
    "find_customers": "Find customers matching 'Alex Kim'.",
    "create_customer": "Create customer New Person <new@example.com>.",
    "refund_payment": (
        "Refund 2,500 minor units (cents, for a USD payment) of pi_3Abc123, reason: duplicate."
    ),
    "get_analytics": "Compute payment analytics from 2026-05-01 to 2026-05-31 in eur.",
    "create_subscription": "Subscribe Dana Whitfield to pro_monthly × 2.",
}


@pytest.mark.parametrize("name", list(SKILLS))
def test_plan_and_run_return_a_preview_without_a_stripe_connection(
    dry_ctx: SkillContext, name: str
) -> None:
    skill = SKILLS[name]
    plan = skill.plan(dry_ctx, SAMPLES[name])
    assert plan.summary == SUMMARIES[name]
    preview = skill.run(dry_ctx, plan.args)
    assert isinstance(preview, Preview)
    assert (preview.skill, preview.summary) == (name, SUMMARIES[name])
    assert skill.render(preview) == f"Dry run (nothing sent to Stripe): {SUMMARIES[name]}"


def test_a_preview_carries_the_validated_arguments(dry_ctx: SkillContext) -> None:
    skill = SKILLS["create_subscription"]
    preview = skill.run(dry_ctx, skill.plan(dry_ctx, SAMPLES["create_subscription"]).args)
    assert isinstance(preview, Preview)
    assert preview.args == {"customer": "Dana Whitfield", "price": "pro_monthly", "quantity": 2}


@pytest.mark.parametrize("name", list(SKILLS))
def test_a_dry_run_with_a_live_service_sends_nothing(
    ctx: SkillContext, sent: Sent, name: str
) -> None:
    dry = replace(ctx, dry_run=True)
    skill = SKILLS[name]
    assert isinstance(skill.run(dry, skill.plan(dry, SAMPLES[name]).args), Preview)
    assert sent.entries() == []


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("create_payment", {"amount": 0}),
        ("create_payment", {"amount": 100_000_000}),
        ("create_payment", {"amount": 100, "currency": "xyz"}),
        ("refund_payment", {"payment": "py_123"}),
        ("list_payments", {"limit": 101}),
        ("create_customer", {"phone": "+15555550100"}),
        ("get_balance", {"verbose": True}),
    ],
)
def test_invalid_arguments_still_raise_in_a_dry_run(
    dry_ctx: SkillContext, name: str, raw: dict[str, Any]
) -> None:
    with pytest.raises(InvalidArguments):
        SKILLS[name].plan(dry_ctx, raw)


def test_without_a_connection_a_real_run_refuses_clearly(dry_ctx: SkillContext) -> None:
    live = replace(dry_ctx, dry_run=False)
    skill = SKILLS["get_balance"]
    with pytest.raises(InvalidArguments, match="No Stripe connection"):
        skill.run(live, skill.plan(live, {}).args)
