"""An app on the sandbox with two known callers, through FastAPI's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from agent.settings import AgentSettings
from api.app import create_app
from api.platform import Platform
from api.settings import ApiSettings

ALICE = {"Authorization": "Bearer key-alice-0123456789"}
BOB = {"X-API-Key": "key-bob-0123456789"}


@pytest.fixture
def platform(sandbox: Any, database_url: str) -> Iterator[Platform]:
    built = Platform.start(
        agent_settings=AgentSettings(DATABASE_URL=database_url),  # type: ignore[call-arg]
        api_settings=ApiSettings(
            AGENT_API_KEYS="alice=key-alice-0123456789,bob=key-bob-0123456789"
        ),  # type: ignore[call-arg]
        sandbox=sandbox,
    )
    yield built
    built.db.close()


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    with TestClient(create_app(platform)) as test_client:
        yield test_client
