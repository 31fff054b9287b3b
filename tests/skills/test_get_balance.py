"""get_balance: what the account holds, available and pending, per currency."""

from __future__ import annotations

import pytest

from skills import SKILLS
from skills.base import SkillContext
from skills.errors import InvalidArguments, StripeUnavailable
from skills.get_balance import BalanceResult
from skills.stripe_models import Amount
from tests.skills.conftest import Inject, Shop, run_skill

SKILL = SKILLS["get_balance"]


def balance(ctx: SkillContext) -> BalanceResult:
    result = run_skill(ctx, "get_balance", {})
    assert isinstance(result, BalanceResult)
    return result


def test_the_balance_is_what_was_paid_minus_what_was_refunded_per_currency(shop: Shop) -> None:
    customer = shop.customer("Balance Payer", "payer@example.com")
    usd = run_skill(shop.ctx, "create_payment", {"amount": 5000, "customer": customer})
    run_skill(shop.ctx, "create_payment", {"amount": 500, "currency": "jpy", "customer": customer})
    run_skill(shop.ctx, "create_payment", {"amount": 900})  # awaits a card: not money yet
    run_skill(shop.ctx, "refund_payment", {"payment": usd.payment.id, "amount": 1000})
    result = balance(shop.ctx)
    assert result.available == [
        Amount(amount=4000, currency="usd"),
        Amount(amount=500, currency="jpy"),
    ]
    assert {a.amount for a in result.pending} == {0}
    assert SKILL.render(result) == "Available: $40.00, ¥500. Pending: $0.00, ¥0."


def test_the_seeded_account_holds_every_currency_it_was_paid_in(ctx: SkillContext) -> None:
    result = balance(ctx)
    available = {a.currency: a.amount for a in result.available}
    assert set(available) >= {"usd", "eur", "jpy"}
    assert all(amount > 0 for amount in available.values())


def test_get_balance_takes_no_arguments(ctx: SkillContext) -> None:
    with pytest.raises(InvalidArguments, match="currency: Extra inputs are not permitted"):
        SKILL.plan(ctx, {"currency": "usd"})


def test_a_failing_stripe_is_reported_as_unavailable_with_nothing_changed(
    ctx: SkillContext, faults: Inject
) -> None:
    faults("/v1/balance", 503)
    with pytest.raises(StripeUnavailable) as caught:
        balance(ctx)
    assert caught.value.user_message.endswith("Nothing was changed.")
