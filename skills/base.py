"""What a skill is: one typed definition from which the LLM tool schema, the confirmation
summary, the REST shape and the reply all come.

A skill runs in two steps so that a money action can pause between them:
`plan` validates the arguments and resolves references against live data (which customer,
how much is still refundable) and returns the final arguments plus a one-line summary;
`run` executes exactly those final arguments. The confirmation gate stores the plan and runs
it only after an explicit accept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from skills.errors import InvalidArguments
from skills.settings import SkillSettings
from skills.stripe_service import StripeService, WriteOp

Risk = Literal["read", "write", "money"]
A = TypeVar("A", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


class SkillArgs(BaseModel):
    """Base of every args model: unknown arguments are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


@dataclass
class SkillContext:
    """Everything a skill may use; passed in, never global, so tests swap any of it."""

    stripe: StripeService | None
    today: date
    settings: SkillSettings = field(default_factory=SkillSettings)
    dry_run: bool = False
    action_id: str | None = None
    sandbox: bool = False

    @property
    def service(self) -> StripeService:
        if self.stripe is None:
            raise InvalidArguments("No Stripe connection is configured for this request.")
        return self.stripe


class Preview(BaseModel):
    """What a dry run returns instead of calling Stripe."""

    skill: str
    args: dict[str, Any]
    summary: str


class Plan(BaseModel, Generic[A]):
    """Validated, resolved arguments ready to run, and the sentence a person confirms."""

    skill: str
    args: A
    summary: str


@dataclass(frozen=True)
class Skill(Generic[A, R]):
    """One skill. Built once per module; `skills.SKILLS` collects them."""

    name: str
    description: str
    risk: Risk
    args_model: type[A]
    result_model: type[R]
    execute: Callable[[SkillContext, A], R]
    render_result: Callable[[R], str]
    describe: Callable[[A], str]
    """A one-line summary from the arguments alone (dry runs, logs)."""
    prepare: Callable[[SkillContext, A], tuple[A, str]] | None = None
    """Resolve references against live data; return the final arguments and their summary."""
    writes: WriteOp | None = None
    """The Stripe write it makes (and so the idempotency key the audit log records)."""

    def validate(self, ctx: SkillContext, raw: dict[str, Any]) -> A:
        """Arguments from an LLM, a rule router or a REST body, checked the same way."""
        try:
            args = self.args_model.model_validate(raw)
        except ValidationError as err:
            raise InvalidArguments(_explain(self.name, err)) from err
        amount = getattr(args, "amount", None)
        if isinstance(amount, int) and amount > ctx.settings.max_amount:
            raise InvalidArguments(
                f"The amount {amount} (minor units) is above this service's limit of "
                f"{ctx.settings.max_amount}."
            )
        return args

    def plan(self, ctx: SkillContext, raw: dict[str, Any]) -> Plan[A]:
        args = self.validate(ctx, raw)
        if ctx.dry_run or self.prepare is None:
            return Plan[A](skill=self.name, args=args, summary=self.describe(args))
        final, summary = self.prepare(ctx, args)
        return Plan[A](skill=self.name, args=final, summary=summary)

    def run(self, ctx: SkillContext, args: A) -> R | Preview:
        if ctx.dry_run:
            return Preview(
                skill=self.name,
                args=args.model_dump(mode="json", exclude_none=True),
                summary=self.describe(args),
            )
        return self.execute(ctx, args)

    def render(self, result: R | Preview) -> str:
        if isinstance(result, Preview):
            return f"Dry run (nothing sent to Stripe): {result.summary}"
        return self.render_result(result)

    def tool_schema(self) -> dict[str, Any]:
        """The JSON schema an LLM sees: generated from the args model, never written by hand."""
        return self.args_model.model_json_schema()


def _explain(skill: str, err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "arguments"
        parts.append(f"{where}: {e['msg']}")
    return f"Invalid arguments for {skill}: " + "; ".join(parts) + "."
