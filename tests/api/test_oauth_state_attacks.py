"""The OAuth `state` is the flow's CSRF guard: missing, reused, expired, foreign or tampered states
are refused with a 400 that says which, before any code reaches Stripe; and outside sandbox mode
the flow will not start towards a non-HTTPS redirect."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.platform import Platform
from tests.api import connect_support
from tests.api.conftest import ALICE, BOB
from tests.api.connect_support import (
    Clock,
    FakeConnect,
    install_connect,
    oauth_settings,
)

# fixtures
clock = connect_support.clock
connect_client = connect_support.connect_client
fake_connect = connect_support.fake_connect

CALLBACK = "/api/auth/stripe/callback"


def start(client: TestClient, headers: dict[str, str]) -> str:
    r = client.get("/api/auth/stripe/authorize", params={"scope": "read_write"}, headers=headers)
    assert r.status_code == 200, r.text
    state: str = r.json()["state"]
    return state


def callback(
    client: TestClient, headers: dict[str, str], fake: FakeConnect, state: str | None
) -> tuple[int, str, str]:
    params = {"code": fake.issue_code()}
    if state is not None:
        params["state"] = state
    r = client.get(CALLBACK, params=params, headers=headers)
    error = r.json().get("error", {})
    return r.status_code, error.get("type", ""), error.get("message", "")


def test_a_missing_state_is_refused(connect_client: TestClient, fake_connect: FakeConnect) -> None:
    before = len(fake_connect.requests)
    status, kind, message = callback(connect_client, ALICE, fake_connect, None)
    assert (status, kind) == (400, "missing_state")
    assert "no state" in message
    assert fake_connect.requests[before:] == []


def test_a_state_works_once(connect_client: TestClient, fake_connect: FakeConnect) -> None:
    state = start(connect_client, ALICE)
    assert callback(connect_client, ALICE, fake_connect, state)[0] == 200
    before = len(fake_connect.requests)
    status, kind, message = callback(connect_client, ALICE, fake_connect, state)
    assert (status, kind) == (400, "state_used")
    assert "already used" in message
    assert fake_connect.requests[before:] == []


def test_an_expired_state_is_refused(
    connect_client: TestClient, fake_connect: FakeConnect, clock: Clock
) -> None:
    state = start(connect_client, ALICE)
    clock.advance(10 * 60 + 1)
    before = len(fake_connect.requests)
    status, kind, message = callback(connect_client, ALICE, fake_connect, state)
    assert (status, kind) == (400, "state_expired")
    assert "expired" in message
    assert fake_connect.requests[before:] == []


def test_a_state_is_still_good_just_before_it_expires(
    connect_client: TestClient, fake_connect: FakeConnect, clock: Clock
) -> None:
    state = start(connect_client, ALICE)
    clock.advance(10 * 60 - 1)
    assert callback(connect_client, ALICE, fake_connect, state)[0] == 200


def test_another_callers_state_is_refused_and_not_used_up(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    state = start(connect_client, ALICE)
    before = len(fake_connect.requests)
    status, kind, message = callback(connect_client, BOB, fake_connect, state)
    assert (status, kind) == (400, "foreign_state")
    assert "another caller" in message
    assert fake_connect.requests[before:] == []
    assert connect_client.get("/api/auth/stripe/status", headers=BOB).json()["connected"] is False
    assert callback(connect_client, ALICE, fake_connect, state)[0] == 200


def test_a_tampered_state_is_refused(connect_client: TestClient, fake_connect: FakeConnect) -> None:
    state = start(connect_client, ALICE)
    tampered = state[:-1] + ("A" if state[-1] != "A" else "B")
    before = len(fake_connect.requests)
    status, kind, message = callback(connect_client, ALICE, fake_connect, tampered)
    assert (status, kind) == (400, "unknown_state")
    assert "unknown or was altered" in message
    assert fake_connect.requests[before:] == []
    assert callback(connect_client, ALICE, fake_connect, state)[0] == 200


def test_a_declined_authorization_uses_up_the_state(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    state = start(connect_client, ALICE)
    r = connect_client.get(
        CALLBACK, params={"error": "access_denied", "state": state}, headers=ALICE
    )
    assert r.status_code == 400
    assert r.json()["error"]["type"] == "authorization_denied"
    assert callback(connect_client, ALICE, fake_connect, state)[1] == "state_used"


def test_outside_sandbox_an_http_redirect_uri_is_refused(
    platform: Platform, fake_connect: FakeConnect
) -> None:
    settings = oauth_settings(STRIPE_REDIRECT_URI="http://agent.example.com/stripe/callback")
    install_connect(platform, fake_connect.url, settings=settings, sandbox=False)
    with TestClient(create_app(platform)) as client:
        r = client.get("/api/auth/stripe/authorize", headers=ALICE)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["type"] == "insecure_redirect_uri"
    assert "https" in error["message"]


def test_outside_sandbox_an_https_redirect_uri_is_accepted(
    platform: Platform, fake_connect: FakeConnect
) -> None:
    install_connect(platform, fake_connect.url, sandbox=False)
    with TestClient(create_app(platform)) as client:
        assert client.get("/api/auth/stripe/authorize", headers=ALICE).status_code == 200


def test_in_sandbox_mode_a_local_http_redirect_is_allowed(
    platform: Platform, fake_connect: FakeConnect
) -> None:
    settings = oauth_settings(STRIPE_REDIRECT_URI="http://127.0.0.1:8000/callback")
    install_connect(platform, fake_connect.url, settings=settings, sandbox=True)
    with TestClient(create_app(platform)) as client:
        assert client.get("/api/auth/stripe/authorize", headers=ALICE).status_code == 200
