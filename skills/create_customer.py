"""create_customer: add a customer (a write, not a money move: it runs without a pause)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, model_validator

from skills.base import Skill, SkillArgs, SkillContext
from skills.fields import Email
from skills.stripe_models import Customer
from skills.stripe_service import WriteOp


class CreateCustomerArgs(SkillArgs):
    email: Email | None = None
    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    description: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _needs_email_or_name(self) -> CreateCustomerArgs:
        if not self.email and not self.name:
            raise ValueError("give at least an email or a name")
        return self


class CreateCustomerResult(BaseModel):
    customer: Customer


def execute(ctx: SkillContext, args: CreateCustomerArgs) -> CreateCustomerResult:
    params: dict[str, Any] = args.model_dump(exclude_none=True)
    return CreateCustomerResult(
        customer=ctx.service.create_customer(params, action_id=ctx.action_id)
    )


def render(result: CreateCustomerResult) -> str:
    c = result.customer
    return f"Created customer {c.name or ''} <{c.email or 'no email'}> ({c.id})."


def describe(args: CreateCustomerArgs) -> str:
    who = " ".join(p for p in (args.name, f"<{args.email}>" if args.email else None) if p)
    return f"Create customer {who}."


SKILL = Skill(
    name="create_customer",
    description="Create a customer (email and/or name; phone, description optional).",
    risk="write",
    args_model=CreateCustomerArgs,
    result_model=CreateCustomerResult,
    execute=execute,
    render_result=render,
    describe=describe,
    writes=WriteOp.CREATE_CUSTOMER,
)
