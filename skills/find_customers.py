"""find_customers: look customers up by email, name or free text; list them, never guess."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from skills.base import Skill, SkillArgs, SkillContext
from skills.fields import Limit
from skills.money import format_amount
from skills.resolve import customers_matching

TOTALS_UP_TO = 3
"""Payment totals cost one list request per customer, so only for a handful of results."""


class FindCustomersArgs(SkillArgs):
    email: str | None = Field(default=None, max_length=200)
    name: str | None = Field(default=None, max_length=200)
    query: str | None = Field(default=None, max_length=200, description="free text")
    limit: Limit = 10


class CustomerRow(BaseModel):
    id: str
    name: str | None
    email: str | None
    created: datetime
    total_paid: dict[str, int] | None = None


class FindCustomersResult(BaseModel):
    customers: list[CustomerRow]
    has_more: bool = False


def execute(ctx: SkillContext, args: FindCustomersArgs) -> FindCustomersResult:
    service = ctx.service
    ref = args.email or args.name or args.query
    if ref:
        found = customers_matching(service, ref, limit=min(100, args.limit + 1))
        if args.email and args.name:
            found = [c for c in found if (c.name or "").casefold() == args.name.casefold()]
        has_more = len(found) > args.limit
        found = found[: args.limit]
    else:
        found, has_more = service.list_customers(limit=args.limit)
    rows = [CustomerRow(id=c.id, name=c.name, email=c.email, created=c.created) for c in found]
    if len(rows) <= TOTALS_UP_TO:
        rows = [r.model_copy(update={"total_paid": _totals(ctx, r.id)}) for r in rows]
    return FindCustomersResult(customers=rows, has_more=has_more)


def _totals(ctx: SkillContext, customer_id: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for p in ctx.service.stream_payments(customer=customer_id, cap=100):
        if p.status in {"succeeded", "refunded"}:
            totals[p.currency] = totals.get(p.currency, 0) + p.amount - p.amount_refunded
    return totals


def render(result: FindCustomersResult) -> str:
    if not result.customers:
        return "No customer matches that."
    lines = [f"Found {len(result.customers)} customer(s):"]
    for c in result.customers:
        paid = ""
        if c.total_paid:
            paid = " · paid " + ", ".join(format_amount(a, cur) for cur, a in c.total_paid.items())
        lines.append(f"- {c.name or '(no name)'} <{c.email or 'no email'}> {c.id}{paid}")
    if result.has_more:
        lines.append("More customers match; narrow the search to see them.")
    return "\n".join(lines)


def describe(args: FindCustomersArgs) -> str:
    what = args.email or args.name or args.query
    return f"Find customers matching '{what}'." if what else "List recent customers."


SKILL = Skill(
    name="find_customers",
    description="Find customers by email, name or free text.",
    risk="read",
    args_model=FindCustomersArgs,
    result_model=FindCustomersResult,
    execute=execute,
    render_result=render,
    describe=describe,
)
