"""The router's public boundary: what it may know from earlier turns, and what it decides.

The agent loop builds a `RouterContext` from the conversation and acts on the `RouterDecision`;
nothing else of the router leaks out, so a different router (an LLM) can stand in for it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

DecisionKind = Literal["tool", "clarify", "out_of_scope", "refuse", "answer"]

LOOKUP = "lookup_payment"
"""The agent's one read that is not a skill: a payment's facts, or a customer's latest payment,
for "half of pi_…" / "her last payment". The router asks for it, then decides again."""


class PendingClarify(BaseModel):
    """A call the router could not finish: the next message may supply `missing`."""

    skill: str
    args: dict[str, Any] = Field(default_factory=dict)
    missing: str
    hint: str | None = None
    """Part of `missing` the user already gave: "pro" (no interval), so "monthly" completes it."""


class ToolCall(BaseModel):
    """A skill call the router made earlier (the arguments as it routed them)."""

    skill: str
    args: dict[str, Any] = Field(default_factory=dict)


class RouterContext(BaseModel):
    """What earlier turns of this conversation tell the router."""

    last_customer: str | None = None
    """A customer reference (id or email) from the previous turns, for "her payments"."""
    last_payment: str | None = None
    """A payment id shown or used recently, for "refund it" / "that one"."""
    last_payments: list[str] = Field(default_factory=list)
    """Ids of the payments listed last, newest first, for "refund the second one"."""
    pending_clarify: PendingClarify | None = None
    """What the router asked last time, so a bare answer ("pi_123") completes the call."""
    pending_action: ToolCall | None = None
    """A money action awaiting confirmation: "make it $30" re-routes it with a new amount."""
    last_call: ToolCall | None = None
    """The previous turn's skill call: "only the failed ones" / "same for eur" refine it, and
    its customer argument stands for "her" when `last_customer` is unknown."""
    declined_call: bool = False
    """`last_call` was a money action the user turned down: "no, too much" … "ok then only
    $10" proposes it again with the change (a new action, which pauses for its own yes)."""
    last_sheet: str | None = None
    """The sheet (header and rows) the user pasted last, for "now the second row, same way"."""
    lookup_done: bool = False
    """This message already had its `LOOKUP`: never ask for a second one."""
    looked_up: dict[str, Any] | None = None
    """What that lookup found: id, amount, currency, status, customer, amount_refunded."""
    lookup_why: str | None = None
    """Why the lookup found nothing (a dry run, no such payment...)."""


class RouterDecision(BaseModel):
    """One routing outcome; `args` holds only what the user actually said (defaults left out)."""

    kind: DecisionKind
    tool: str | None = None
    args: dict[str, Any] = Field(default_factory=dict)
    text: str = ""
    confidence: float = Field(ge=0.0, le=1.0)
    """Below a threshold a hybrid router asks an LLM instead."""
    pending_clarify: PendingClarify | None = None
