"""Tables of Stripe Connect OAuth: pending authorize states and the callers' connections.

A state is stored only as its SHA-256 (a database reader cannot replay a live one); tokens only
as Fernet ciphertext (api.token_crypto). One connection per caller: connecting again replaces it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; every one stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class OAuthStateRow(SQLModel, table=True):
    """One authorize request, usable once, by the caller it was issued to, before it expires."""

    __tablename__ = "stripe_oauth_state"

    state_hash: str = Field(primary_key=True)
    caller: str = Field(index=True)
    scope: str
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)
    used_at: datetime | None = None


class StripeConnectionRow(SQLModel, table=True):
    """The Connect account a caller acts on, with its scope and encrypted tokens."""

    __tablename__ = "stripe_connection"

    caller: str = Field(primary_key=True)
    account_id: str = Field(index=True)
    scope: str
    """read_only | read_write, as Stripe granted it."""
    livemode: bool = False
    access_token_enc: str
    refresh_token_enc: str | None = None
    publishable_key: str | None = None
    connected_at: datetime = Field(default_factory=utcnow)
    refreshed_at: datetime | None = None
