"""get_analytics: how the business did over a period, computed in code from the payments.

Payments stream from Stripe 100 per request (requests = ceil(N/100)) into per-currency
accumulators; no list of payments is ever held.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel

from skills.analytics_figures import CurrencyFigures, FigureAccumulator
from skills.base import Skill, SkillArgs, SkillContext
from skills.errors import InvalidArguments
from skills.fields import Currency
from skills.money import format_amount
from skills.time_bounds import local_day, unix_range

DEFAULT_DAYS = 30


class GetAnalyticsArgs(SkillArgs):
    created_gte: date | None = None
    created_lte: date | None = None
    currency: Currency | None = None


class AnalyticsResult(BaseModel):
    start: date
    end: date
    payments_scanned: int
    currencies: list[CurrencyFigures]


def period(args: GetAnalyticsArgs, today: date) -> tuple[date, date]:
    end = args.created_lte or today
    start = args.created_gte or min(end, today) - timedelta(days=DEFAULT_DAYS)
    if start > end:
        raise InvalidArguments(f"The period starts ({start}) after it ends ({end}).")
    return start, end


def execute(ctx: SkillContext, args: GetAnalyticsArgs) -> AnalyticsResult:
    start, end = period(args, ctx.today)
    tz = ctx.settings.timezone
    gte, lte = unix_range(start, end, tz)
    acc: dict[str, FigureAccumulator] = {}
    scanned = 0
    for p in ctx.service.stream_payments(
        created_gte=gte, created_lte=lte, cap=ctx.settings.list_cap
    ):
        scanned += 1
        if args.currency and p.currency != args.currency:
            continue
        acc.setdefault(p.currency, FigureAccumulator(p.currency)).add(p, local_day(p.created, tz))
    main = args.currency or ctx.settings.default_currency
    order = sorted(acc, key=lambda c: (c != main, c))
    return AnalyticsResult(
        start=start,
        end=end,
        payments_scanned=scanned,
        currencies=[acc[c].figures(start, end) for c in order],
    )


def render(result: AnalyticsResult) -> str:
    head = f"{result.start} to {result.end}"
    if not result.currencies:
        return f"No payments from {head}."
    lines = [f"From {head}:"]
    for f in result.currencies:
        m = f.currency
        rate = f"{f.success_rate:.1%}" if f.success_rate is not None else "n/a"
        avg = format_amount(f.average_payment, m) if f.average_payment is not None else "n/a"
        lines.append(
            f"- {m.upper()}: gross {format_amount(f.gross_volume, m)}, refunded "
            f"{format_amount(f.refunded, m)}, net {format_amount(f.net, m)}; "
            f"{f.succeeded_count} succeeded, {f.failed_count} failed (success rate {rate}); "
            f"average {avg}"
        )
        if f.top_customers:
            top = ", ".join(
                f"{t.customer} {format_amount(t.gross, m)}" for t in f.top_customers[:3]
            )
            lines.append(f"  top customers: {top}")
    return "\n".join(lines)


def describe(args: GetAnalyticsArgs) -> str:
    span = f"{args.created_gte or 'the last 30 days'} to {args.created_lte or 'today'}"
    return f"Compute payment analytics from {span}" + (
        f" in {args.currency}." if args.currency else "."
    )


SKILL = Skill(
    name="get_analytics",
    description="Payment analytics for a period (default: last 30 days).",
    risk="read",
    args_model=GetAnalyticsArgs,
    result_model=AnalyticsResult,
    execute=execute,
    render_result=render,
    describe=describe,
)
