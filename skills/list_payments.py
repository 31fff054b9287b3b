"""list_payments: recent payments, filtered the way merchants ask ("failed eur over €100").

Stripe's list API filters by customer and creation date only; status, amount and currency are
filtered here while streaming, so the scan stops as soon as `limit` matches are found (or the
service's list cap is reached).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from skills.base import Skill, SkillArgs, SkillContext
from skills.fields import Currency, CustomerRef, Limit
from skills.money import format_amount
from skills.resolve import resolve_customer
from skills.stripe_models import Payment
from skills.time_bounds import unix_range

Status = Literal["succeeded", "failed", "refunded", "pending"]


class ListPaymentsArgs(SkillArgs):
    limit: Limit = 10
    customer: CustomerRef | None = None
    status: Status | None = None
    created_gte: date | None = None
    created_lte: date | None = None
    min_amount: int | None = Field(default=None, ge=0, description="minor units")
    max_amount: int | None = Field(default=None, ge=0, description="minor units")
    currency: Currency | None = None

    @model_validator(mode="after")
    def _ranges_are_ordered(self) -> ListPaymentsArgs:
        if self.created_gte and self.created_lte and self.created_gte > self.created_lte:
            raise ValueError(
                f"created_gte {self.created_gte} is after created_lte {self.created_lte}"
            )
        if (
            self.min_amount is not None
            and self.max_amount is not None
            and self.min_amount > self.max_amount
        ):
            raise ValueError("min_amount is above max_amount")
        return self


class ListPaymentsResult(BaseModel):
    payments: list[Payment]
    has_more: bool
    scan_capped: bool = False
    """The search stopped at `list_cap` payments scanned: older ones were not looked at, so
    more may match (`has_more` is then true: it cannot be ruled out)."""


def matches(p: Payment, args: ListPaymentsArgs) -> bool:
    if args.status and p.status != args.status:
        return False
    if args.currency and p.currency != args.currency:
        return False
    if args.min_amount is not None and p.amount < args.min_amount:
        return False
    return args.max_amount is None or p.amount <= args.max_amount


def prepare(ctx: SkillContext, args: ListPaymentsArgs) -> tuple[ListPaymentsArgs, str]:
    if args.customer:  # a cus_ id too: an unknown one is "not found", not an empty list
        customer = resolve_customer(ctx.service, args.customer)
        args = args.model_copy(update={"customer": customer.id})
    return args, describe(args)


def execute(ctx: SkillContext, args: ListPaymentsArgs) -> ListPaymentsResult:
    return collect(ctx, args)


def collect(
    ctx: SkillContext, args: ListPaymentsArgs, starting_after: str | None = None
) -> ListPaymentsResult:
    """Up to `limit` matches, newest first (after a cursor, for REST pages). Without local
    filters a page of `limit` + 1 answers; with them, full pages are scanned."""
    gte, lte = unix_range(args.created_gte, args.created_lte, ctx.settings.timezone)
    local = (
        args.status or args.currency or args.min_amount is not None or args.max_amount is not None
    )
    found: list[Payment] = []
    stream = ctx.service.stream_payments(
        customer=args.customer,
        created_gte=gte,
        created_lte=lte,
        starting_after=starting_after,
        cap=ctx.settings.list_cap,
        page_size=100 if local else args.limit + 1,
    )
    scanned = 0
    for payment in stream:
        scanned += 1
        if not matches(payment, args):
            continue
        if len(found) == args.limit:
            return ListPaymentsResult(payments=found, has_more=True)
        found.append(payment)
    capped = scanned >= ctx.settings.list_cap
    return ListPaymentsResult(payments=found, has_more=capped, scan_capped=capped)


def render(result: ListPaymentsResult) -> str:
    if not result.payments:
        return "No payments match." + (
            " I searched only the newest payments; narrow the dates to look further back."
            if result.scan_capped
            else ""
        )
    lines = [f"{len(result.payments)} payment(s):"]
    for p in result.payments:
        refunded = (
            f" (refunded {format_amount(p.amount_refunded, p.currency)})"
            if p.amount_refunded
            else ""
        )
        desc = f" · {p.description}" if p.description else ""
        lines.append(
            f"- {p.id} · {format_amount(p.amount, p.currency)} · {p.status}{refunded} · "
            f"{_day(p.created)} · {p.customer or 'no customer'}{desc}"
        )
    if result.scan_capped:
        lines.append("I searched only the newest payments; narrow the dates to look further back.")
    elif result.has_more:
        lines.append("More payments match; ask for a higher limit or narrow the filters.")
    return "\n".join(lines)


def _day(ts: datetime) -> str:
    return ts.date().isoformat()


def describe(args: ListPaymentsArgs) -> str:
    filters = args.model_dump(exclude_none=True, exclude={"limit"}, mode="json")
    shown = ", ".join(f"{k}={v}" for k, v in filters.items())
    return f"List up to {args.limit} payments" + (f" where {shown}." if shown else ".")


SKILL = Skill(
    name="list_payments",
    description="List payments, newest first, with optional filters.",
    risk="read",
    args_model=ListPaymentsArgs,
    result_model=ListPaymentsResult,
    execute=execute,
    render_result=render,
    describe=describe,
    prepare=prepare,
)
