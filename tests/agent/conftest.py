"""Fixtures for the agent: runners on a real database (SQLite file, and PostgreSQL when
TEST_DATABASE_URL is set) and on the sandbox, with a controllable clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agent.database import open_database
from agent.factory import build_runner
from agent.runner import AgentRunner
from agent.settings import AgentSettings
from skills.settings import SkillSettings
from skills.stripe_service import StripeService


class Clock:
    """A clock the test moves forward, to expire pending actions without waiting."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


MakeRunner = Callable[..., AgentRunner]


@pytest.fixture
def make_runner(
    database_url: str, stripe_service: StripeService, clock: Clock
) -> Iterator[MakeRunner]:
    """Build runners on one database; several runners model several workers or a restart."""
    opened: list[Any] = []

    def make(
        model: Any = None,
        mode: str = "sandbox",
        ttl: int = 900,
        stripe: StripeService | None = stripe_service,
    ) -> AgentRunner:
        db = open_database(database_url)
        opened.append(db)
        return build_runner(
            settings=AgentSettings(confirm_ttl_seconds=ttl),
            skill_settings=SkillSettings(),
            db=db,
            stripe=None if mode == "dry" else stripe,
            mode=mode,  # type: ignore[arg-type]
            model=model,
            clock=clock,
        )

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def runner(make_runner: MakeRunner) -> AgentRunner:
    return make_runner()
