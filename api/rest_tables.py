"""The REST API's table: responses kept per (caller, Idempotency-Key), so a retried write
replays its first answer instead of acting twice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Engine
from sqlmodel import Field, SQLModel

TABLE = "rest_idempotency"


def utcnow() -> datetime:
    return datetime.now(UTC)


class RestIdempotencyRow(SQLModel, table=True):
    """One Idempotency-Key of one caller: `running` while its request runs, then `done`."""

    __tablename__ = TABLE

    caller: str = Field(primary_key=True, max_length=200)
    key: str = Field(primary_key=True, max_length=255)
    fingerprint: str = Field(max_length=64)
    """sha256 of the route and the validated body: the same key must mean the same request."""
    status: str = Field(default="running", max_length=16)
    response_status: int | None = None
    response_body: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


def create_rest_tables(engine: Engine) -> None:
    """Create only this module's tables (idempotent); the agent's tables are not ours."""
    SQLModel.metadata.create_all(engine, tables=[SQLModel.metadata.tables[TABLE]])
