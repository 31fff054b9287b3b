"""Settings of the Stripe webhook endpoint."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebhookSettings(BaseSettings):
    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    secret: SecretStr | None = Field(default=None, validation_alias="STRIPE_WEBHOOK_SECRET")
    """The endpoint's signing secret (`whsec_...`); without it every delivery is refused."""
    tolerance_seconds: int = Field(default=300, ge=0, validation_alias="STRIPE_WEBHOOK_TOLERANCE")
    """Oldest accepted signature timestamp, in seconds: Stripe's default, against replays."""
    notify_url: str | None = Field(default=None, validation_alias="WEBHOOK_NOTIFY_URL")
    """If set, each handled event (payment succeeded, refund, ...) is POSTed here as JSON."""
    notify_timeout: float = Field(default=5.0, gt=0, le=60)
    """Seconds the notification POST may take; it runs after Stripe has its 200."""
    max_body_bytes: int = Field(default=1_000_000, gt=0)
    """Larger bodies are refused before any parsing."""
