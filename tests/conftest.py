"""Shared fixtures: the sandbox (one per test worker), the Stripe service on it, databases, and
guards: no real LLM is ever reached, and every request a test sends to the sandbox is checked
against Stripe's OpenAPI spec."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from sandbox.pytest_fixtures import fresh_sandbox, sandbox  # noqa: F401  (fixtures)
from skills.base import SkillContext
from skills.settings import SkillSettings, StripeSettings
from skills.stripe_service import StripeService
from tests.contract.journal_check import report, violations_in
from tests.contract.stripe_contract import StripeContract


@pytest.fixture(autouse=True)
def _no_real_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any accidental LLM call goes to a closed loopback port and fails fast."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-blocked")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)


@pytest.fixture(scope="session")
def contract() -> StripeContract:
    return StripeContract.load()


class Journal:
    """Reads the sandbox's request journal from a cursor, so each test sees its own requests."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.cursor = 0
        self.client = httpx.Client(timeout=10, verify=False)  # loopback only; skips a CA load

    def all(self) -> list[dict[str, Any]]:
        return list(self.client.get(f"{self.url}/_sandbox/journal").json())

    def since_cursor(self) -> list[dict[str, Any]]:
        entries = self.all()
        if len(entries) < self.cursor:  # the journal was cleared
            self.cursor = 0
        new, self.cursor = entries[self.cursor :], len(entries)
        return new


@pytest.fixture(scope="session")
def journal(sandbox: Any) -> Journal:  # noqa: F811
    return Journal(sandbox.url)


@pytest.fixture(autouse=True)
def _requests_follow_stripe_spec(
    request: pytest.FixtureRequest, contract: StripeContract
) -> Iterator[None]:
    """Fail the test that sent a request Stripe's spec does not allow."""
    if "sandbox" not in request.fixturenames:
        yield
        return
    log: Journal = request.getfixturevalue("journal")
    log.since_cursor()
    yield
    violations = violations_in(log.since_cursor(), contract)
    if violations:
        pytest.fail("Requests outside Stripe's API:\n" + report(violations))


def service_settings(url: str, api_key: str, **extra: Any) -> StripeSettings:
    """One network retry, as in production (which allows two): the SDK reuses keep-alive
    connections, and one the sandbox closed while a long run was elsewhere fails the next
    request once ("Remote end closed connection without response"); money requests carry
    idempotency keys, so a retry never doubles one."""
    values: dict[str, Any] = {"max_retries": 1, **extra}
    return StripeSettings(api_key=SecretStr(api_key), api_base=url, **values)


@pytest.fixture(scope="session")
def stripe_service(sandbox: Any) -> StripeService:  # noqa: F811
    return StripeService(service_settings(sandbox.url, sandbox.api_key))


@pytest.fixture(scope="session")
def refs(sandbox: Any) -> dict[str, str]:  # noqa: F811
    return dict(sandbox.manifest.refs)


@pytest.fixture
def ctx(stripe_service: StripeService) -> SkillContext:
    return SkillContext(stripe=stripe_service, today=date.today(), settings=SkillSettings())


@pytest.fixture
def dry_ctx() -> SkillContext:
    return SkillContext(
        stripe=None, today=date(2026, 6, 15), settings=SkillSettings(), dry_run=True
    )


def _database_urls() -> list[Any]:
    urls: list[Any] = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("TEST_DATABASE_URL"):
        urls.append(pytest.param("postgres", id="postgres", marks=pytest.mark.postgres))
    return urls


@pytest.fixture(params=_database_urls())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite file, and (when TEST_DATABASE_URL is set) a fresh PostgreSQL schema:
    each test starts from empty tables on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'agent.db'}"
        return
    import psycopg

    base = os.environ["TEST_DATABASE_URL"]
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
