"""`lookup_payment`: the one tool that is not a skill. It turns "her last payment" or the total
behind "half of pi_…" into facts the router needs to state a refund exactly.

It only reads, lists nothing to the user and is not recorded as a skill call: the turn's
first skill call stays the refund the user asked for, which then plans and pauses for a yes
as always. It is not `return_direct`, so the router sees its result and decides again.
In a dry run nothing can be read; the result says so and the router asks the user instead.
"""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool
from langgraph.prebuilt import ToolRuntime
from pydantic import BaseModel, Field

from agent.offline_router import LOOKUP
from agent.turn import TurnContext
from skills.errors import SkillError
from skills.payment_lookup import latest_payment_of, payment_by_id
from skills.stripe_models import Payment

LOOKUP_TOOL = LOOKUP
DESCRIPTION = (
    "Read one payment before refunding part of it: by `payment` id (to learn its total for "
    "'half of pi_…'), or a `customer`'s most recent payment ('her last payment'). Changes nothing."
)
log = logging.getLogger(__name__)


class LookupArgs(BaseModel):
    payment: str | None = Field(default=None, description="pi_ or ch_ id")
    customer: str | None = Field(default=None, description="cus_ id, email or name")


class LookupResult(BaseModel):
    """The artifact the router reads back: the payment's facts, or why there are none."""

    payment: dict[str, Any] | None = None
    why: str | None = None


def build_lookup_tool() -> BaseTool:
    def call(
        runtime: ToolRuntime[TurnContext], payment: str | None = None, customer: str | None = None
    ) -> tuple[str, dict[str, Any]]:
        result = lookup(runtime.context, LookupArgs(payment=payment, customer=customer))
        return describe(result), result.model_dump(mode="json")

    return StructuredTool.from_function(
        func=call,
        name=LOOKUP_TOOL,
        description=DESCRIPTION,
        args_schema=LookupArgs,
        response_format="content_and_artifact",
    )


def lookup(turn: TurnContext, args: LookupArgs) -> LookupResult:
    if turn.dry_run:
        return LookupResult(why="a dry run reads nothing from Stripe")
    ctx = turn.skill_context(None)
    try:
        if args.payment:
            found = payment_by_id(ctx, args.payment)
        elif args.customer:
            found = latest_payment_of(ctx, args.customer)
        else:
            return LookupResult(why="name a payment id or a customer")
    except SkillError as err:
        return LookupResult(why=err.message)
    log.info("lookup_payment resolved %s", found.id)
    return LookupResult(payment=_facts(found))


def _facts(payment: Payment) -> dict[str, Any]:
    keep = ("id", "amount", "currency", "status", "customer", "amount_refunded")
    return payment.model_dump(mode="json", include=set(keep))


def describe(result: LookupResult) -> str:
    """The tool message an LLM router reads."""
    if result.payment is None:
        return f"Lookup failed: {result.why}."
    p = result.payment
    return (
        f"{p['id']}: {p['amount']} {p['currency']} (minor units), {p['status']}, "
        f"refunded {p['amount_refunded']}, customer {p['customer']}"
    )
