"""create_subscription: put a customer on a recurring price (money: needs confirmation).

The price may be named by id or by lookup key (`pro_monthly`); both resolve to one price
before the summary is shown, so the person confirms the exact amount and interval.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from skills.base import Skill, SkillArgs, SkillContext
from skills.errors import NotFound
from skills.fields import CustomerRef, PriceRef
from skills.money import format_amount
from skills.resolve import resolve_customer
from skills.stripe_models import Price, Subscription
from skills.stripe_service import WriteOp

MAX_TRIAL_DAYS = 730
"""The longest trial Stripe accepts (two years)."""


class CreateSubscriptionArgs(SkillArgs):
    customer: CustomerRef
    price: PriceRef
    quantity: int = Field(default=1, ge=1, le=10_000)
    trial_days: int | None = Field(default=None, ge=1, le=MAX_TRIAL_DAYS)


class CreateSubscriptionResult(BaseModel):
    subscription: Subscription


def find_price(ctx: SkillContext, ref: str) -> Price:
    if ref.startswith("price_"):
        return ctx.service.get_price(ref)
    price = ctx.service.price_by_lookup_key(ref)
    if price is None:
        raise NotFound(f"No price has the lookup key '{ref}'.")
    return price


def price_label(price: Price, quantity: int) -> str:
    each = format_amount(price.unit_amount or 0, price.currency)
    per = f"/{price.interval}" if price.interval else ""
    name = price.lookup_key or price.nickname or price.id
    return f"{name} ({each}{per})" + (f" × {quantity}" if quantity != 1 else "")


def prepare(ctx: SkillContext, args: CreateSubscriptionArgs) -> tuple[CreateSubscriptionArgs, str]:
    customer = resolve_customer(ctx.service, args.customer)
    price = find_price(ctx, args.price)
    first = 0 if args.trial_days else (price.unit_amount or 0) * args.quantity
    trial = f" with a {args.trial_days}-day free trial" if args.trial_days else ""
    summary = (
        f"Subscribe {customer.label} to {price_label(price, args.quantity)}{trial}; "
        f"first invoice {format_amount(first, price.currency)}."
    )
    return args.model_copy(update={"customer": customer.id, "price": price.id}), summary


def execute(ctx: SkillContext, args: CreateSubscriptionArgs) -> CreateSubscriptionResult:
    params: dict[str, Any] = {
        "customer": args.customer,
        "items": [{"price": args.price, "quantity": args.quantity}],
    }
    if args.trial_days:
        params["trial_period_days"] = args.trial_days
    sub = ctx.service.create_subscription(params, action_id=ctx.action_id)
    return CreateSubscriptionResult(subscription=sub)


def render(result: CreateSubscriptionResult) -> str:
    s = result.subscription
    period = ""
    if s.current_period_end:
        period = f", current period ends {s.current_period_end.date().isoformat()}"
    first = ""
    if s.first_invoice_amount is not None and s.currency:
        first = f", first invoice {format_amount(s.first_invoice_amount, s.currency)}"
    return f"Subscription {s.id} is {s.status}{period}{first}."


def describe(args: CreateSubscriptionArgs) -> str:
    trial = f" with a {args.trial_days}-day trial" if args.trial_days else ""
    qty = f" × {args.quantity}" if args.quantity != 1 else ""
    return f"Subscribe {args.customer} to {args.price}{qty}{trial}."


SKILL = Skill(
    name="create_subscription",
    description="Subscribe a customer to a price (id or lookup key). Needs confirmation.",
    risk="money",
    args_model=CreateSubscriptionArgs,
    result_model=CreateSubscriptionResult,
    execute=execute,
    render_result=render,
    describe=describe,
    prepare=prepare,
    writes=WriteOp.CREATE_SUBSCRIPTION,
)
