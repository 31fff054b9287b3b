"""What one turn carries into the graph: who asks, which account, which day, and a recorder
that collects the skill calls made, for the reply and the audit log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from agent.audit import AuditLog
from skills import SkillContext
from skills.settings import SkillSettings
from skills.stripe_service import StripeService


class ToolCallRecord(BaseModel):
    """One skill call as the caller sees it in the reply."""

    name: str
    args: dict[str, Any]
    status: str
    """planned | pending_confirmation | ran | failed | cancelled | clarify"""
    action_id: str | None = None
    requested_args: dict[str, Any] | None = None
    """The arguments as the router asked for them, before the skill resolved them (evals)."""


@dataclass
class TurnContext:
    caller: str
    session_id: str
    today: date
    stripe: StripeService | None
    settings: SkillSettings = field(default_factory=SkillSettings)
    dry_run: bool = False
    sandbox: bool = False
    allowed_risks: frozenset[str] = frozenset({"read", "write", "money"})
    """A read_only Connect connection narrows this to {"read"}."""
    audit: AuditLog | None = None
    calls: list[ToolCallRecord] = field(default_factory=list)
    last_result: dict[str, Any] | None = None
    """The full result of the skill that ran this turn (the history keeps only its ids)."""
    notice: str | None = None
    """Said before this turn's reply: what a "no, …" set aside before its request ran."""
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def skill_context(self, action_id: str | None) -> SkillContext:
        return SkillContext(
            stripe=self.stripe,
            today=self.today,
            settings=self.settings,
            dry_run=self.dry_run,
            action_id=action_id,
            sandbox=self.sandbox,
        )
