"""Configuration of the Stripe layer, read from the environment once."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StripeSettings(BaseSettings):
    """How to reach Stripe. Without an API key the service runs on the local sandbox."""

    model_config = SettingsConfigDict(env_prefix="STRIPE_", env_ignore_empty=True, extra="ignore")

    api_key: SecretStr | None = None
    """A secret (`sk_...`) or restricted (`rk_...`) key. None means: use the sandbox."""
    api_base: str | None = None
    """Override of https://api.stripe.com, e.g. the sandbox URL."""
    api_version: str | None = None
    """Pin a Stripe API version; None uses the SDK's own pinned version."""
    request_timeout: float = Field(default=20.0, gt=0, le=120)
    """Seconds before one HTTP request to Stripe gives up."""
    max_retries: int = Field(default=2, ge=0, le=5)
    """Network retries; set explicitly because StripeClient retries 0 times when unset."""
    account: str | None = None
    """A Connect account (`acct_...`) to act on by default."""
    connect_base: str = "https://connect.stripe.com"
    """Where Connect OAuth lives (`/oauth/authorize`, `/oauth/token`, `/oauth/deauthorize`);
    overridable so tests and staging can point the OAuth flow at a local stand-in."""


class SkillSettings(BaseSettings):
    """Limits the skills enforce before anything reaches Stripe."""

    model_config = SettingsConfigDict(env_prefix="SKILLS_", env_ignore_empty=True, extra="ignore")

    default_currency: str = "usd"
    """Currency assumed when the user names none (`$` included)."""
    max_amount: int = Field(default=99_999_999, gt=0)
    """Largest amount, in minor units, any money skill accepts (Stripe's own cap is 8 digits)."""
    timezone: str = "UTC"
    """The account's time zone: calendar days in date filters are days there."""
    list_cap: int = Field(default=10_000, gt=0)
    """Hard cap on objects read when streaming a list (analytics, name searches)."""
