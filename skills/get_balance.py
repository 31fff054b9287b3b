"""get_balance: what the account holds, available and pending, per currency."""

from __future__ import annotations

from pydantic import BaseModel

from skills.base import Skill, SkillArgs, SkillContext
from skills.money import format_amount
from skills.stripe_models import Amount


class GetBalanceArgs(SkillArgs):
    """No arguments."""


class BalanceResult(BaseModel):
    available: list[Amount]
    pending: list[Amount]


def execute(ctx: SkillContext, args: GetBalanceArgs) -> BalanceResult:
    balance = ctx.service.get_balance()
    return BalanceResult(available=balance.available, pending=balance.pending)


def render(result: BalanceResult) -> str:
    def line(rows: list[Amount]) -> str:
        return ", ".join(format_amount(r.amount, r.currency) for r in rows) or "nothing"

    return f"Available: {line(result.available)}. Pending: {line(result.pending)}."


SKILL = Skill(
    name="get_balance",
    description="Show the account balance: available and pending amounts per currency.",
    risk="read",
    args_model=GetBalanceArgs,
    result_model=BalanceResult,
    execute=execute,
    render_result=render,
    describe=lambda _args: "Read the account balance.",
)
