"""Settings of Stripe Connect OAuth, read from the environment once.

The connect base (where `/oauth/...` lives) is a Stripe setting (`STRIPE_CONNECT_BASE`, in
skills.settings; on the sandbox it defaults to the sandbox, which answers `/oauth/...`); these
are the platform's side of the flow.
"""

from __future__ import annotations

from urllib.parse import urlparse

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

SANDBOX_CLIENT_ID = "ca_sandbox"


class OAuthSettings(BaseSettings):
    """Connect OAuth is off until STRIPE_CLIENT_ID and STRIPE_REDIRECT_URI are set (on the
    sandbox, both have defaults: see `with_sandbox_defaults`)."""

    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    client_id: str | None = Field(default=None, validation_alias="STRIPE_CLIENT_ID")
    """The platform's Connect client id (`ca_...`), from the Connect settings page."""
    client_secret: SecretStr | None = Field(default=None, validation_alias="STRIPE_CLIENT_SECRET")
    """The platform's secret key, which authenticates the code exchange. When unset, the
    platform's own STRIPE_API_KEY is used: in Stripe that is the same key."""
    redirect_uri: str | None = Field(default=None, validation_alias="STRIPE_REDIRECT_URI")
    """Where Stripe sends the user back with `code` and `state`; must be HTTPS outside sandbox
    mode, because the code travels in it."""
    encryption_keys: SecretStr | None = Field(
        default=None, validation_alias="ATOM_OAUTH_ENCRYPTION_KEY"
    )
    """Comma-separated Fernet keys, newest first; older keys still decrypt (rotation). Required
    outside sandbox mode when Connect is configured."""
    state_ttl_seconds: int = Field(default=600, gt=0, le=3600)
    """How long an authorize `state` stays usable: long enough to log in at Stripe, no more."""

    @property
    def configured(self) -> bool:
        return bool(self.client_id and self.redirect_uri)

    def missing(self) -> list[str]:
        """The environment variables still needed before the flow can start."""
        names = {"STRIPE_CLIENT_ID": self.client_id, "STRIPE_REDIRECT_URI": self.redirect_uri}
        return [name for name, value in names.items() if not value]

    def redirect_is_https(self) -> bool:
        return urlparse(self.redirect_uri or "").scheme == "https"

    def with_sandbox_defaults(self, agent_port: int) -> OAuthSettings:
        """On the sandbox the flow works unconfigured: the sandbox's Connect takes any `ca_`
        client id, and sends the owner back to this service's own callback on loopback."""
        defaults = {
            "client_id": SANDBOX_CLIENT_ID,
            "redirect_uri": f"http://127.0.0.1:{agent_port}/api/auth/stripe/callback",
        }
        unset = {name: value for name, value in defaults.items() if getattr(self, name) is None}
        return self.model_copy(update=unset)
