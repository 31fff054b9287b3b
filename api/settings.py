"""Settings of the HTTP layer."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore", populate_by_name=True)

    api_keys: str | None = Field(default=None, validation_alias="AGENT_API_KEYS")
    """Comma-separated caller keys, each `name=key` or a bare key. Required outside sandbox."""
    host: str = Field(default="127.0.0.1", validation_alias="AGENT_HOST")
    port: int = Field(default=8000, validation_alias="AGENT_PORT")
    log_level: str = Field(default="INFO", validation_alias="LOG_LEVEL")
