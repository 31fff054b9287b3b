"""The agent's answer to one turn: the same JSON for the HTTP API, `ask --json` and evals."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from agent.outcomes import ReplyKind
from agent.turn import ToolCallRecord

DecidedBy = Literal["offline", "llm", "gate"]
Mode = Literal["sandbox", "test", "live", "dry"]


class PendingActionView(BaseModel):
    id: str
    skill: str
    args: dict[str, Any]
    summary: str
    expires_at: datetime


class Usage(BaseModel):
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class AgentReply(BaseModel):
    session_id: str
    kind: ReplyKind
    reply: str
    tool_calls: list[ToolCallRecord] = Field(default_factory=list)
    pending_action: PendingActionView | None = None
    decided_by: DecidedBy = "offline"
    usage: Usage = Field(default_factory=Usage)
    mode: Mode = "sandbox"
    result: dict[str, Any] | None = None
    """The skill's typed result as JSON, when a skill ran (for tables and machines)."""
    stripe_ms: float = 0.0
    """Time spent waiting on Stripe this turn (for the overhead benchmark)."""
