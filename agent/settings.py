"""Configuration of the agent, read from the environment once."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

RouterName = Literal["offline", "openai", "hybrid"]


class AgentSettings(BaseSettings):
    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore", populate_by_name=True)

    router: RouterName = Field(default="offline", validation_alias="AGENT_ROUTER")
    """offline (default: no key, no network), openai, or hybrid (offline when confident)."""
    model: str = Field(default="gpt-4o-mini", validation_alias="AGENT_MODEL")
    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    database_url: str = Field(
        default="sqlite:///var/stripe-agent.db", validation_alias="DATABASE_URL"
    )
    """SQLite file by default; postgresql://… for several workers."""
    confirm_ttl_seconds: int = Field(default=900, ge=10, validation_alias="AGENT_CONFIRM_TTL")
    """How long a pending money action waits for its confirmation (default 15 min)."""
    history_token_budget: int = Field(
        default=3000, ge=200, validation_alias="AGENT_HISTORY_TOKEN_BUDGET"
    )
    """Prompt tokens of conversation history kept for the LLM; older turns are trimmed."""
    hybrid_threshold: float = Field(
        default=0.8, ge=0, le=1, validation_alias=AliasChoices("AGENT_HYBRID_THRESHOLD")
    )
    """The offline router decides alone at or above this confidence."""
    llm_timeout: float = Field(default=30.0, gt=0, validation_alias="AGENT_LLM_TIMEOUT")
