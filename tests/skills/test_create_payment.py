"""create_payment: charge an amount (a money skill: planned, confirmed, then run once).

The plan resolves the customer and fixes the currency, sending nothing that changes data; the
run charges the customer's saved card off-session, or, without one, leaves the PaymentIntent
waiting for a payment method. One action id means one PaymentIntent, however often it runs.
"""

from __future__ import annotations

from typing import Any

import pytest

from skills import SKILLS
from skills.base import SkillContext
from skills.create_payment import CreatePaymentResult
from skills.errors import AmbiguousReference, InvalidArguments, NotFound
from skills.settings import SkillSettings
from skills.stripe_service import idempotency_key
from tests.skills.conftest import Sent, Shop, run_skill

SKILL = SKILLS["create_payment"]


def charged(ctx: SkillContext, **raw: Any) -> CreatePaymentResult:
    result = run_skill(ctx, "create_payment", raw)
    assert isinstance(result, CreatePaymentResult)
    return result


# --- plan ----------------------------------------------------------------------------------


def test_the_plan_resolves_the_customer_and_names_everything_in_one_line(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    plan = SKILL.plan(ctx, {"amount": 5000, "customer": "jane@example.com"})
    jane = refs["customer.jane.id"]
    assert (plan.args.amount, plan.args.currency, plan.args.customer) == (5000, "usd", jane)
    assert plan.summary == f"Charge $50.00 USD to Jane Cooper <jane@example.com> ({jane})."
    assert sent.entries("POST") == []


def test_without_a_currency_the_accounts_default_is_used(ctx: SkillContext) -> None:
    euro_ctx = SkillContext(ctx.stripe, ctx.today, SkillSettings(default_currency="eur"))
    plan = SKILL.plan(euro_ctx, {"amount": 125_000})
    assert plan.args.currency == "eur"
    assert plan.summary.startswith("Charge €1,250.00 EUR (no customer")


def test_a_zero_decimal_amount_is_summarised_in_whole_units(ctx: SkillContext) -> None:
    plan = SKILL.plan(ctx, {"amount": 500, "currency": "JPY", "description": "Tea"})
    assert plan.args.currency == "jpy"
    assert plan.summary.startswith("Charge ¥500 JPY")
    assert "“Tea”" in plan.summary


def test_a_currency_without_a_symbol_is_named_once(ctx: SkillContext) -> None:
    plan = SKILL.plan(ctx, {"amount": 1200, "currency": "chf"})
    assert plan.summary.startswith("Charge CHF 12.00 (no customer")


def test_an_ambiguous_customer_is_a_question_listing_both(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    with pytest.raises(AmbiguousReference) as caught:
        SKILL.plan(ctx, {"amount": 1000, "customer": "Alex Kim"})
    expected = [refs["customer.alex_kim_1.id"], refs["customer.alex_kim_2.id"]]
    assert sorted(caught.value.candidates) == sorted(expected)
    assert "Which one do you mean?" in caught.value.message


@pytest.mark.parametrize("customer", ["cus_doesnotexist00", "nobody@example.invalid"])
def test_an_unknown_customer_is_not_found(ctx: SkillContext, customer: str) -> None:
    with pytest.raises(NotFound):
        SKILL.plan(ctx, {"amount": 1000, "customer": customer})


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"amount": 0}, "amount: Input should be greater than 0"),
        ({"amount": -500}, "amount: Input should be greater than 0"),
        ({"amount": 12.5}, "amount:"),
        ({}, "amount: Field required"),
        ({"amount": 100, "currency": "xyz"}, "unknown currency 'xyz'"),
        ({"amount": 100, "currency": "dollars"}, "unknown currency 'dollars'"),
        ({"amount": 100, "confirm": True}, "confirm: Extra inputs are not permitted"),
        ({"amount": 100, "customer": ""}, "customer:"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    ctx: SkillContext, sent: Sent, raw: dict[str, Any], says: str
) -> None:
    with pytest.raises(InvalidArguments) as caught:
        SKILL.plan(ctx, raw)
    assert says in caught.value.message
    assert caught.value.user_message.endswith("Nothing was changed.")
    assert sent.entries() == []


def test_an_amount_over_the_services_cap_is_refused(ctx: SkillContext) -> None:
    capped = SkillContext(ctx.stripe, ctx.today, SkillSettings(max_amount=10_000))
    assert SKILL.plan(capped, {"amount": 10_000}).args.amount == 10_000
    with pytest.raises(InvalidArguments, match="above this service's limit of 10000"):
        SKILL.plan(capped, {"amount": 10_001})


# --- run -----------------------------------------------------------------------------------


def test_a_customer_with_a_saved_card_is_charged_off_session(shop: Shop) -> None:
    customer = shop.customer("Card Holder", "holder@example.com")
    result = charged(shop.ctx, amount=2500, customer="holder@example.com", description="Tea")
    p = result.payment
    assert (p.amount, p.currency, p.status, p.customer) == (2500, "usd", "succeeded", customer)
    assert p.id.startswith("pi_")
    assert p.description == "Tea"
    assert SKILL.render(result) == f"Charged $25.00 ({p.id}): succeeded."
    assert shop.service.get_payment(p.id).status == "succeeded"


def test_without_a_customer_the_payment_awaits_a_payment_method(shop: Shop) -> None:
    result = charged(shop.ctx, amount=990, currency="eur")
    assert (result.payment.status, result.payment.currency) == ("pending", "eur")
    assert "awaits a payment method" in SKILL.render(result)


def test_a_yen_payment_is_created_in_whole_yen(shop: Shop) -> None:
    shop.customer("Yui Tanaka", "yui@example.jp")
    result = charged(shop.ctx, amount=500, currency="jpy", customer="yui@example.jp")
    assert (result.payment.amount, result.payment.currency) == (500, "jpy")
    assert SKILL.render(result).startswith("Charged ¥500 ")


def test_one_action_id_run_twice_creates_one_payment_intent(shop: Shop) -> None:
    customer = shop.customer("Twice Charged", "twice@example.com")
    shop.ctx.action_id = "act_charge_once"
    first = charged(shop.ctx, amount=4200, customer=customer)
    again = charged(shop.ctx, amount=4200, customer=customer)
    assert again.payment.id == first.payment.id
    posts = shop.sent.entries("POST", "/v1/payment_intents")
    assert [p["idempotency_key"] for p in posts] == [
        idempotency_key("act_charge_once", "create_payment")
    ] * 2
    assert [p["replayed"] for p in posts] == [False, True]
    assert [p.id for p in shop.service.stream_payments(customer=customer)] == [first.payment.id]


def test_two_action_ids_create_two_payment_intents(shop: Shop) -> None:
    customer = shop.customer("Two Actions", "two@example.com")
    for action in ("act_a", "act_b"):
        shop.ctx.action_id = action
        charged(shop.ctx, amount=1000, customer=customer)
    assert len(list(shop.service.stream_payments(customer=customer))) == 2


def test_every_write_carries_an_idempotency_key(shop: Shop) -> None:
    shop.customer("Keyed", "keyed@example.com")
    charged(shop.ctx, amount=700, customer="keyed@example.com")
    charged(shop.ctx, amount=700)
    posts = shop.sent.entries("POST", "/v1/payment_intents")
    assert len(posts) == 2
    assert all(str(p["idempotency_key"]).startswith("atom-") for p in posts)
    assert posts[0]["idempotency_key"] != posts[1]["idempotency_key"]
