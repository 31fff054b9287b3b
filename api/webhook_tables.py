"""The webhook inbox: every verified Stripe event, stored once (its id is the primary key, so a
redelivery cannot be stored or handled twice, whichever worker receives it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class WebhookEventRow(SQLModel, table=True):
    __tablename__ = "stripe_webhook_event"

    id: str = Field(primary_key=True)
    """Stripe's event id (`evt_...`)."""
    type: str = Field(default="", index=True)
    account: str | None = Field(default=None, index=True)
    """The connected account the event happened on; None for the platform's own."""
    livemode: bool = False
    created: int | None = None
    """When Stripe created the event (unix seconds)."""
    received_at: datetime = Field(default_factory=utcnow)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    status: str = Field(default="received", index=True)
    """received → handled | ignored (no handler for its type) | hook_failed."""
    summary: str | None = None
    handled_at: datetime | None = None
    hook_errors: str | None = None
