"""create_subscription: put a customer on a recurring price (a money skill: needs confirmation).

The plan resolves both the customer and the price (by id or lookup key) so the person confirms
the exact amount, interval and first invoice.
"""

from __future__ import annotations

from typing import Any

import pytest

from skills import SKILLS
from skills.base import SkillContext
from skills.create_subscription import CreateSubscriptionResult
from skills.errors import AmbiguousReference, InvalidArguments, NotFound
from skills.stripe_service import idempotency_key
from tests.skills.conftest import Sent, Shop, run_skill

SKILL = SKILLS["create_subscription"]


def subscribed(ctx: SkillContext, **raw: Any) -> CreateSubscriptionResult:
    result = run_skill(ctx, "create_subscription", raw)
    assert isinstance(result, CreateSubscriptionResult)
    return result


# --- plan ----------------------------------------------------------------------------------


def test_a_lookup_key_and_an_email_resolve_to_ids_and_a_priced_summary(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    plan = SKILL.plan(ctx, {"customer": "jane@example.com", "price": "pro_monthly"})
    jane = refs["customer.jane.id"]
    assert (plan.args.customer, plan.args.price) == (jane, refs["price.pro_monthly"])
    assert plan.summary == (
        f"Subscribe Jane Cooper <jane@example.com> ({jane}) to pro_monthly ($29.00/month); "
        "first invoice $29.00."
    )
    assert sent.entries("POST") == []


def test_a_price_id_and_a_quantity_multiply_the_first_invoice(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    raw = {"customer": "Dana Whitfield", "price": refs["price.basic_yearly"], "quantity": 3}
    plan = SKILL.plan(ctx, raw)
    assert plan.args.customer == refs["customer.dana.id"]
    assert "basic_yearly ($90.00/year) × 3" in plan.summary
    assert plan.summary.endswith("first invoice $270.00.")


def test_a_trial_makes_the_first_invoice_zero(ctx: SkillContext, refs: dict[str, str]) -> None:
    plan = SKILL.plan(
        ctx, {"customer": refs["customer.jane.id"], "price": "team_monthly", "trial_days": 14}
    )
    assert "with a 14-day free trial" in plan.summary
    assert plan.summary.endswith("first invoice $0.00.")


def test_an_unknown_lookup_key_is_not_found(ctx: SkillContext) -> None:
    with pytest.raises(NotFound, match="No price has the lookup key 'enterprise_monthly'"):
        SKILL.plan(ctx, {"customer": "jane@example.com", "price": "enterprise_monthly"})


def test_an_unknown_price_id_is_not_found(ctx: SkillContext) -> None:
    with pytest.raises(NotFound, match="price_doesnotexist00"):
        SKILL.plan(ctx, {"customer": "jane@example.com", "price": "price_doesnotexist00"})


@pytest.mark.parametrize("customer", ["cus_doesnotexist00", "nobody@example.invalid"])
def test_an_unknown_customer_is_not_found(ctx: SkillContext, customer: str) -> None:
    with pytest.raises(NotFound):
        SKILL.plan(ctx, {"customer": customer, "price": "pro_monthly"})


def test_an_ambiguous_customer_lists_both(ctx: SkillContext, refs: dict[str, str]) -> None:
    with pytest.raises(AmbiguousReference) as caught:
        SKILL.plan(ctx, {"customer": refs["customer.alex_kim.name"], "price": "pro_monthly"})
    assert set(caught.value.candidates) == {
        refs["customer.alex_kim_1.id"],
        refs["customer.alex_kim_2.id"],
    }


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"price": "pro_monthly"}, "customer: Field required"),
        ({"customer": "jane@example.com"}, "price: Field required"),
        ({"customer": "jane@example.com", "price": "Pro Monthly!"}, "is not a price id"),
        ({"customer": "jane@example.com", "price": "pro_monthly", "quantity": 0}, "quantity:"),
        ({"customer": "jane@example.com", "price": "pro_monthly", "trial_days": 0}, "trial_days:"),
        ({"customer": "jane@example.com", "price": "pro_monthly", "coupon": "X"}, "coupon:"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    ctx: SkillContext, sent: Sent, raw: dict[str, Any], says: str
) -> None:
    with pytest.raises(InvalidArguments) as caught:
        SKILL.plan(ctx, raw)
    assert says in caught.value.message
    assert sent.entries() == []


# --- run -----------------------------------------------------------------------------------


def test_a_subscription_starts_active_with_its_first_invoice(shop: Shop) -> None:
    price = shop.price("pro_monthly", 2900)
    customer = shop.customer("Sub Scriber", "sub@example.com")
    result = subscribed(shop.ctx, customer="sub@example.com", price="pro_monthly", quantity=2)
    s = result.subscription
    assert (s.status, s.customer, s.price, s.quantity) == ("active", customer, price, 2)
    assert (s.first_invoice_amount, s.currency) == (5800, "usd")
    assert s.current_period_start is not None and s.current_period_end is not None
    assert 28 <= (s.current_period_end - s.current_period_start).days <= 31
    assert SKILL.render(result).endswith("first invoice $58.00.")


def test_a_trial_subscription_is_trialing_until_the_trial_ends(shop: Shop) -> None:
    shop.price("basic_monthly", 900)
    shop.customer("Trial User", "trial@example.com")
    s = subscribed(
        shop.ctx, customer="trial@example.com", price="basic_monthly", trial_days=7
    ).subscription
    assert s.status == "trialing"
    assert s.trial_end is not None and s.current_period_start is not None
    assert (s.trial_end - s.current_period_start).days == 7


def test_one_action_id_run_twice_subscribes_once(shop: Shop) -> None:
    shop.price("pro_monthly", 2900)
    customer = shop.customer("Once Only", "once@example.com")
    shop.ctx.action_id = "act_subscribe_once"
    first = subscribed(shop.ctx, customer=customer, price="pro_monthly")
    again = subscribed(shop.ctx, customer=customer, price="pro_monthly")
    assert again.subscription.id == first.subscription.id
    posts = shop.sent.entries("POST", "/v1/subscriptions")
    key = idempotency_key("act_subscribe_once", "create_subscription")
    assert [(p["idempotency_key"], p["replayed"]) for p in posts] == [(key, False), (key, True)]
    subscriptions, _ = shop.service.list_subscriptions(customer=customer)
    assert [s.id for s in subscriptions] == [first.subscription.id]
