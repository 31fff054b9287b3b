"""The agent's tables: conversations, pending actions (the confirmation state) and the audit log.

The LangGraph checkpointer keeps the message history beside these; the pending-action row is
what makes a confirmation run once: claiming it is one atomic UPDATE, whichever worker wins.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Conversation(SQLModel, table=True):
    __tablename__ = "agent_conversation"

    id: str = Field(primary_key=True)
    caller: str = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    turns: int = 0
    account: str | None = None


class PendingActionRow(SQLModel, table=True):
    """A money action waiting for (or past) its confirmation."""

    __tablename__ = "agent_pending_action"

    id: str = Field(primary_key=True)
    session_id: str = Field(index=True)
    caller: str = Field(index=True)
    skill: str
    args: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    summary: str
    status: str = Field(default="pending", index=True)
    """pending → running → done | failed; or rejected | expired | superseded."""
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    decided_at: datetime | None = None
    result: str | None = None


class AuditEntry(SQLModel, table=True):
    """One skill run (or refusal to run): who, what, with which key, and how it ended."""

    __tablename__ = "agent_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    caller: str = Field(index=True)
    session_id: str | None = Field(default=None, index=True)
    skill: str
    args: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    outcome: str
    """ok | error | dry_run"""
    error_code: str | None = None
    action_id: str | None = None
    idempotency_key: str | None = None
    stripe_object_id: str | None = None
    duration_ms: float = 0.0
