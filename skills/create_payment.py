"""create_payment: charge a customer (money: never runs before an explicit confirmation).

With a customer, the PaymentIntent is confirmed off-session on the customer's default payment
method; without one (or without a saved method) it is created unconfirmed and waits for a
payment method, and the reply says so.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from skills.base import Skill, SkillArgs, SkillContext
from skills.fields import Amount, Currency, CustomerRef
from skills.money import format_amount
from skills.resolve import resolve_customer
from skills.stripe_models import Payment
from skills.stripe_service import WriteOp


class CreatePaymentArgs(SkillArgs):
    amount: Amount
    currency: Currency | None = None
    customer: CustomerRef | None = None
    description: str | None = Field(default=None, max_length=500)


class CreatePaymentResult(BaseModel):
    payment: Payment


def _currency(ctx: SkillContext | None, args: CreatePaymentArgs) -> str:
    return args.currency or (ctx.settings.default_currency if ctx else "usd")


def prepare(ctx: SkillContext, args: CreatePaymentArgs) -> tuple[CreatePaymentArgs, str]:
    args = args.model_copy(update={"currency": _currency(ctx, args)})
    who = None
    if args.customer:
        customer = resolve_customer(ctx.service, args.customer)
        args = args.model_copy(update={"customer": customer.id})
        who = customer.label
    return args, _summary(args, who)


def _summary(args: CreatePaymentArgs, who: str | None) -> str:
    money = format_amount(args.amount, args.currency or "usd")
    code = (args.currency or "usd").upper()
    shown = money if money.startswith(code) else f"{money} {code}"  # "CHF 12.00", "$12.00 USD"
    target = f" to {who}" if who else " (no customer: awaits a payment method)"
    what = f" for “{args.description}”" if args.description else ""
    return f"Charge {shown}{target}{what}."


def execute(ctx: SkillContext, args: CreatePaymentArgs) -> CreatePaymentResult:
    params: dict[str, Any] = {"amount": args.amount, "currency": _currency(ctx, args)}
    if args.description:
        params["description"] = args.description
    if args.customer:
        params["customer"] = args.customer
        method = ctx.service.default_payment_method(args.customer)
        if method:
            params |= {
                "payment_method": method,
                "payment_method_types": ["card"],
                "confirm": True,
                "off_session": True,
            }
    payment = ctx.service.create_payment_intent(params, action_id=ctx.action_id)
    return CreatePaymentResult(payment=payment)


def render(result: CreatePaymentResult) -> str:
    p = result.payment
    money = format_amount(p.amount, p.currency)
    if p.status == "succeeded":
        return f"Charged {money} ({p.id}): succeeded."
    if p.status == "pending":
        return f"Created payment {p.id} for {money}; it awaits a payment method or confirmation."
    return f"Payment {p.id} for {money} is {p.status}."


SKILL = Skill(
    name="create_payment",
    description="Charge an amount, optionally to a customer's saved card. Needs confirmation.",
    risk="money",
    args_model=CreatePaymentArgs,
    result_model=CreatePaymentResult,
    execute=execute,
    render_result=render,
    describe=lambda args: _summary(args, args.customer),
    prepare=prepare,
    writes=WriteOp.CREATE_PAYMENT,
)
