"""refund_payment: give money back (a money skill: planned, confirmed, then run once).

The plan reads the payment and checks what remains refundable before anything reaches Stripe;
its amount is always explicit ("the rest" becomes the exact remainder), and its summary names
the amount, the payment, the customer and what will remain. The seeded payments are only
planned against; refunds run in a private sandbox.
"""

from __future__ import annotations

from typing import Any

import pytest

from skills import SKILLS
from skills.base import SkillContext
from skills.errors import InvalidArguments, NotFound
from skills.refund_payment import RefundPaymentResult
from skills.stripe_service import idempotency_key
from tests.skills.conftest import Sent, Shop, run_skill

SKILL = SKILLS["refund_payment"]


def refunded(ctx: SkillContext, **raw: Any) -> RefundPaymentResult:
    result = run_skill(ctx, "refund_payment", raw)
    assert isinstance(result, RefundPaymentResult)
    return result


def paid(shop: Shop, amount: int, currency: str = "usd") -> str:
    """A succeeded PaymentIntent of a new customer's in the private sandbox."""
    customer = shop.customer("Rita Refund", f"rita.{amount}.{currency}@example.com")
    raw = {"amount": amount, "currency": currency, "customer": customer}
    return str(run_skill(shop.ctx, "create_payment", raw).payment.id)


# --- plan: what will happen, checked before anything is sent -------------------------------


def test_no_amount_plans_the_whole_remainder_explicitly(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    plan = SKILL.plan(ctx, {"payment": refs["payment.partly_refunded"]})
    assert plan.args.amount == 7500  # 10000 paid, 2500 already refunded
    alex = refs["customer.alex_kim_1.id"]
    assert plan.summary == (
        f"Refund $75.00 of {refs['payment.partly_refunded']} "
        f"($100.00, Alex Kim <alex.kim@example.com> ({alex})); $0.00 will remain refundable."
    )
    assert sent.entries("POST") == []


def test_a_partial_refund_says_what_will_remain(ctx: SkillContext, refs: dict[str, str]) -> None:
    raw = {"payment": refs["payment.usd_succeeded"], "amount": 1250, "reason": "duplicate"}
    plan = SKILL.plan(ctx, raw)
    assert (plan.args.amount, plan.args.reason) == (1250, "duplicate")
    assert plan.summary.startswith(f"Refund $12.50 of {refs['payment.usd_succeeded']} ($50.00,")
    assert "Jane Cooper" in plan.summary
    assert plan.summary.endswith("reason: duplicate; $37.50 will remain refundable.")
    assert "\n" not in plan.summary


def test_a_charge_id_is_planned_like_its_payment(ctx: SkillContext, refs: dict[str, str]) -> None:
    plan = SKILL.plan(ctx, {"payment": refs["charge.usd_succeeded"]})
    assert plan.args.payment == refs["charge.usd_succeeded"]
    assert plan.args.amount == 5000
    assert "Jane Cooper <jane@example.com>" in plan.summary


def test_a_yen_refund_is_summarised_in_whole_yen(ctx: SkillContext, refs: dict[str, str]) -> None:
    plan = SKILL.plan(ctx, {"payment": refs["payment.jpy_succeeded"], "amount": 500})
    assert plan.summary.startswith(f"Refund ¥500 of {refs['payment.jpy_succeeded']} (¥3,500,")
    assert plan.summary.endswith("¥3,000 will remain refundable.")


def test_more_than_remains_is_refused_before_stripe_is_asked(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    with pytest.raises(InvalidArguments) as caught:
        SKILL.plan(ctx, {"payment": refs["payment.partly_refunded"], "amount": 7501})
    assert "Only $75.00 of" in caught.value.message
    assert "$75.01 is too much" in caught.value.message
    assert sent.entries("POST", "/v1/refunds") == []


def test_a_fully_refunded_payment_cannot_be_refunded_again(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    with pytest.raises(InvalidArguments, match="already fully refunded"):
        SKILL.plan(ctx, {"payment": refs["payment.fully_refunded"]})
    assert sent.entries("POST") == []


def test_a_failed_payment_has_nothing_to_refund(
    ctx: SkillContext, refs: dict[str, str], sent: Sent
) -> None:
    with pytest.raises(InvalidArguments, match="is failed; there is nothing to refund"):
        SKILL.plan(ctx, {"payment": refs["payment.failed"], "amount": 100})
    assert sent.entries("POST") == []


@pytest.mark.parametrize("payment", ["pi_doesnotexist00", "ch_doesnotexist00"])
def test_an_unknown_payment_is_not_found(ctx: SkillContext, payment: str) -> None:
    with pytest.raises(NotFound, match=payment):
        SKILL.plan(ctx, {"payment": payment})


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"payment": "py_123456"}, "'py_123456' is not a payment id"),
        ({"payment": "cus_123456"}, "is not a payment id"),
        ({"payment": "pi_"}, "is not a payment id"),
        ({}, "payment: Field required"),
        ({"payment": "pi_123456", "amount": 0}, "amount: Input should be greater than 0"),
        ({"payment": "pi_123456", "amount": -100}, "amount: Input should be greater than 0"),
        ({"payment": "pi_123456", "reason": "changed_mind"}, "reason:"),
        ({"payment": "pi_123456", "everything": True}, "everything: Extra inputs"),
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


def test_a_full_refund_refunds_everything_and_leaves_nothing(shop: Shop) -> None:
    payment = paid(shop, 5000)
    result = refunded(shop.ctx, payment=payment)
    assert (result.refund.amount, result.refund.status) == (5000, "succeeded")
    assert result.refund.payment == payment
    assert result.remaining_refundable == 0
    assert shop.service.get_payment(payment).status == "refunded"
    assert SKILL.render(result).endswith("$0.00 remains refundable.")
    [post] = shop.sent.entries("POST", "/v1/refunds")
    assert "amount=5000" in post["raw_params"]  # the planned amount is sent, never implied


def test_a_partial_refund_then_the_rest(shop: Shop) -> None:
    payment = paid(shop, 5000)
    first = refunded(shop.ctx, payment=payment, amount=2000, reason="requested_by_customer")
    assert (first.refund.amount, first.remaining_refundable) == (2000, 3000)
    assert first.refund.reason == "requested_by_customer"
    assert SKILL.render(first) == (
        f"Refunded $20.00 ({first.refund.id}, succeeded); $30.00 remains refundable."
    )
    assert SKILL.plan(shop.ctx, {"payment": payment}).args.amount == 3000
    rest = refunded(shop.ctx, payment=payment)
    assert (rest.refund.amount, rest.remaining_refundable) == (3000, 0)


def test_a_refund_by_charge_id_refunds_that_charge(shop: Shop) -> None:
    payment = paid(shop, 8000)
    charge = shop.service.get_payment(payment).charge
    assert charge is not None
    result = refunded(shop.ctx, payment=charge, amount=3000)
    assert (result.refund.charge, result.refund.payment) == (charge, payment)
    assert result.remaining_refundable == 5000
    assert shop.service.get_payment(payment).amount_refunded == 3000


def test_a_yen_refund_runs_in_whole_yen(shop: Shop) -> None:
    payment = paid(shop, 3500, "jpy")
    result = refunded(shop.ctx, payment=payment, amount=500)
    assert (result.refund.amount, result.refund.currency) == (500, "jpy")
    assert SKILL.render(result).endswith("¥3,000 remains refundable.")


def test_one_action_id_run_twice_refunds_once(shop: Shop) -> None:
    payment = paid(shop, 6000)
    shop.ctx.action_id = "act_refund_once"
    first = refunded(shop.ctx, payment=payment, amount=1000)
    plan = SKILL.plan(shop.ctx, {"payment": payment, "amount": 1000})
    again = SKILL.run(shop.ctx, plan.args)
    assert isinstance(again, RefundPaymentResult)
    assert again.refund.id == first.refund.id
    posts = shop.sent.entries("POST", "/v1/refunds")
    key = idempotency_key("act_refund_once", "refund_payment")
    assert [(p["idempotency_key"], p["replayed"]) for p in posts] == [(key, False), (key, True)]
    assert shop.service.get_payment(payment).amount_refunded == 1000
