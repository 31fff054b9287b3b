"""refund_payment: give money back (money: never runs before an explicit confirmation).

The refundable remainder is checked before anything reaches Stripe, and the confirmed amount is
always explicit, so "refund the rest" runs exactly the amount the person saw.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from skills.base import Skill, SkillArgs, SkillContext
from skills.errors import InvalidArguments
from skills.fields import Amount, PaymentId
from skills.money import format_amount
from skills.stripe_models import Payment, Refund
from skills.stripe_service import WriteOp

Reason = Literal["duplicate", "fraudulent", "requested_by_customer"]


class RefundPaymentArgs(SkillArgs):
    payment: PaymentId
    amount: Amount | None = None
    reason: Reason | None = None


class RefundPaymentResult(BaseModel):
    refund: Refund
    remaining_refundable: int


def check_refundable(payment: Payment, amount: int | None) -> int:
    """The amount to refund, or InvalidArguments explaining why it cannot be."""
    if payment.status in {"failed", "pending", "canceled"}:
        raise InvalidArguments(
            f"Payment {payment.id} is {payment.status}; there is nothing to refund."
        )
    remaining = payment.refundable
    if remaining <= 0:
        raise InvalidArguments(f"Payment {payment.id} is already fully refunded.")
    if amount is not None and amount > remaining:
        raise InvalidArguments(
            f"Only {format_amount(remaining, payment.currency)} of {payment.id} remains "
            f"refundable; {format_amount(amount, payment.currency)} is too much."
        )
    return amount if amount is not None else remaining


def prepare(ctx: SkillContext, args: RefundPaymentArgs) -> tuple[RefundPaymentArgs, str]:
    payment = ctx.service.get_payment(args.payment)
    amount = check_refundable(payment, args.amount)
    who = ctx.service.get_customer(payment.customer).label if payment.customer else "no customer"
    left = payment.refundable - amount
    summary = (
        f"Refund {format_amount(amount, payment.currency)} of {payment.id} "
        f"({format_amount(payment.amount, payment.currency)}, {who})"
        + (f", reason: {args.reason}" if args.reason else "")
        + f"; {format_amount(left, payment.currency)} will remain refundable."
    )
    return args.model_copy(update={"amount": amount}), summary


def execute(ctx: SkillContext, args: RefundPaymentArgs) -> RefundPaymentResult:
    key = "charge" if args.payment.startswith("ch_") else "payment_intent"
    params: dict[str, Any] = {key: args.payment}
    if args.amount is not None:
        params["amount"] = args.amount
    if args.reason:
        params["reason"] = args.reason
    refund = ctx.service.create_refund(params, action_id=ctx.action_id)
    after = ctx.service.get_payment(args.payment)
    return RefundPaymentResult(refund=refund, remaining_refundable=after.refundable)


def render(result: RefundPaymentResult) -> str:
    r = result.refund
    return (
        f"Refunded {format_amount(r.amount, r.currency)} ({r.id}, {r.status}); "
        f"{format_amount(result.remaining_refundable, r.currency)} remains refundable."
    )


def describe(args: RefundPaymentArgs) -> str:
    # Dry runs read no payment, so its currency is unknown: say the unit, never guess a symbol
    # ("Refund 2500 (minor units)" read as $2,500 by a hurried reader).
    how_much = (
        f"{args.amount:,} minor units (cents, for a USD payment)"
        if args.amount
        else "the whole remaining amount"
    )
    return f"Refund {how_much} of {args.payment}" + (
        f", reason: {args.reason}." if args.reason else "."
    )


SKILL = Skill(
    name="refund_payment",
    description="Refund a payment fully (no amount) or partly. Needs confirmation.",
    risk="money",
    args_model=RefundPaymentArgs,
    result_model=RefundPaymentResult,
    execute=execute,
    render_result=render,
    describe=describe,
    prepare=prepare,
    writes=WriteOp.REFUND_PAYMENT,
)
