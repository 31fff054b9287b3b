"""Liveness and readiness, and the request id every response carries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from agent.settings import AgentSettings
from api.app import create_app
from api.platform import Platform
from api.settings import ApiSettings
from sandbox.process import free_port
from skills.settings import StripeSettings


def test_healthz_says_the_process_is_up(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_readyz_reports_mode_and_latencies_when_ready(client: TestClient) -> None:
    r = client.get("/readyz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ready"
    assert body["mode"] == "sandbox"
    for part in ("database", "stripe"):
        assert body[part]["ok"] is True
        assert isinstance(body[part]["latency_ms"], float | int)
        assert body[part]["latency_ms"] >= 0


@pytest.fixture
def unreachable_stripe(database_url: str) -> Iterator[Platform]:
    """A platform whose Stripe is a closed loopback port."""
    closed = f"http://127.0.0.1:{free_port()}"
    built = Platform.start(
        agent_settings=AgentSettings(DATABASE_URL=database_url),  # type: ignore[call-arg]
        api_settings=ApiSettings(AGENT_API_KEYS="ops=key-ops-0123456789"),  # type: ignore[call-arg]
        stripe_settings=StripeSettings(
            api_key=SecretStr("sk_test_unreachable000000"),
            api_base=closed,
            max_retries=0,
            request_timeout=5,
        ),
    )
    yield built
    built.close()


def test_readyz_is_503_with_a_clear_body_when_stripe_is_unreachable(
    unreachable_stripe: Platform,
) -> None:
    with TestClient(create_app(unreachable_stripe)) as client:
        r = client.get("/readyz")
    assert r.status_code == 503
    body = r.json()
    assert body["status"] == "not_ready"
    assert body["mode"] == "test"
    assert body["database"]["ok"] is True
    assert body["stripe"]["ok"] is False
    assert body["stripe"]["error"] == "stripe_unavailable"
    assert body["stripe"]["latency_ms"] >= 0


def test_healthz_stays_up_when_stripe_is_unreachable(unreachable_stripe: Platform) -> None:
    with TestClient(create_app(unreachable_stripe)) as client:
        assert client.get("/healthz").status_code == 200


def test_a_given_request_id_is_echoed(client: TestClient) -> None:
    r = client.get("/healthz", headers={"X-Request-ID": "req-from-caller-42"})
    assert r.headers["X-Request-ID"] == "req-from-caller-42"


def test_a_request_without_an_id_gets_a_new_one(client: TestClient) -> None:
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert len(first) == 32
    assert first != second


def test_an_unsafe_request_id_is_replaced(client: TestClient) -> None:
    r = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert r.headers["X-Request-ID"] != "bad id\twith spaces"
    assert len(r.headers["X-Request-ID"]) == 32
