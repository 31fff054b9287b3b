"""Connect OAuth end to end on the sandbox alone, with nothing configured: the authorize URL
points at the sandbox's Connect, which redirects back with a code; the callback exchanges it
there; the connected account then bounds what the agent may do. No stand-in server."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from agent.settings import AgentSettings
from api.oauth_settings import SANDBOX_CLIENT_ID, OAuthSettings
from api.platform import Platform
from api.settings import ApiSettings
from sandbox.process import loopback_client
from sandbox.runner import RunningSandbox
from skills.settings import StripeSettings
from tests.api.conftest import ALICE

UNSET = ("STRIPE_CONNECT_BASE", "STRIPE_CLIENT_ID", "STRIPE_REDIRECT_URI", "STRIPE_CLIENT_SECRET")


@pytest.fixture(autouse=True)
def _nothing_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)


def callback_uri(platform: Platform) -> str:
    return f"http://127.0.0.1:{platform.api_settings.port}/api/auth/stripe/callback"


def owner_visits(url: str) -> dict[str, str]:
    """The account owner opens the authorize URL; where the sandbox sends them back, parsed."""
    with loopback_client(timeout=30.0) as browser:
        back = browser.get(url)  # not following the redirect: the service is not listening
    assert back.status_code == 302, back.text
    location = urlparse(back.headers["location"])
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    query["_to"] = f"{location.scheme}://{location.netloc}{location.path}"
    return query


def start(client: TestClient, scope: str) -> dict[str, Any]:
    r = client.get("/api/auth/stripe/authorize", params={"scope": scope}, headers=ALICE)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def connect(client: TestClient, scope: str) -> dict[str, Any]:
    back = owner_visits(start(client, scope)["url"])
    done = client.get(
        "/api/auth/stripe/callback",
        params={"code": back["code"], "state": back["state"]},
        headers=ALICE,
    )
    assert done.status_code == 200, done.text
    body: dict[str, Any] = done.json()
    return body


def test_unconfigured_on_the_sandbox_the_flow_points_at_the_sandbox(
    client: TestClient, platform: Platform, sandbox: RunningSandbox
) -> None:
    begun = start(client, "read_only")
    url = urlparse(begun["url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{sandbox.url}/oauth/authorize"
    query = parse_qs(url.query)
    assert query["client_id"] == [SANDBOX_CLIENT_ID]
    assert query["redirect_uri"] == [callback_uri(platform)]
    assert query["state"] == [begun["state"]]


def test_connect_read_only_then_the_agent_refuses_a_refund_then_disconnect(
    client: TestClient,
    platform: Platform,
    journal: Any,
    refs: dict[str, str],
) -> None:
    begun = start(client, "read_only")
    back = owner_visits(begun["url"])
    assert back["_to"] == callback_uri(platform)
    assert back["state"] == begun["state"]
    done = client.get(
        "/api/auth/stripe/callback",
        params={"code": back["code"], "state": back["state"]},
        headers=ALICE,
    )
    assert done.status_code == 200, done.text
    account = done.json()["account"]
    assert account.startswith("acct_")

    status = client.get("/api/auth/stripe/status", headers=ALICE).json()
    assert status["connected"] is True
    assert (status["account"], status["scope"], status["mode"]) == (account, "read_only", "test")

    mark = len(journal.all())
    chat = client.post(
        "/api/agent/chat",
        json={"message": f"refund $5 of {refs['payment.usd_succeeded']}"},
        headers=ALICE,
    )
    assert chat.status_code == 200, chat.text
    assert chat.json()["kind"] == "refuse"
    assert "read-only" in chat.json()["reply"]
    assert [e for e in journal.all()[mark:] if e["method"] == "POST"] == []

    gone = client.post("/api/auth/stripe/disconnect", headers=ALICE)
    assert gone.json() == {"disconnected": True, "account": account, "revoked_at_stripe": True}
    assert client.get("/api/auth/stripe/status", headers=ALICE).json()["connected"] is False


def test_a_read_write_connection_acts_on_the_connected_account(
    client: TestClient, journal: Any
) -> None:
    account = connect(client, "read_write")["account"]
    mark = len(journal.all())
    r = client.get("/api/stripe/account", headers=ALICE)
    assert r.status_code == 200, r.text
    assert r.json()["id"] == account
    assert {e["stripe_account"] for e in journal.all()[mark:]} == {account}


def test_refresh_on_the_sandbox_keeps_the_account(client: TestClient) -> None:
    account = connect(client, "read_write")["account"]
    r = client.post("/api/auth/stripe/refresh", headers=ALICE)
    assert r.status_code == 200, r.text
    assert r.json()["account"] == account
    assert r.json()["refreshed_at"]


def test_an_owner_who_declines_leaves_the_caller_unconnected(client: TestClient) -> None:
    back = owner_visits(start(client, "read_write")["url"] + "&deny=1")
    assert back["error"] == "access_denied"
    r = client.get(
        "/api/auth/stripe/callback",
        params={"error": back["error"], "state": back["state"]},
        headers=ALICE,
    )
    assert r.status_code == 400
    assert r.json()["error"]["type"] == "authorization_denied"
    assert client.get("/api/auth/stripe/status", headers=ALICE).json()["connected"] is False


def test_a_client_id_and_redirect_uri_that_are_set_win_over_the_sandbox_defaults() -> None:
    settings = OAuthSettings(
        STRIPE_CLIENT_ID="ca_Mine",  # type: ignore[call-arg]
        STRIPE_REDIRECT_URI="http://127.0.0.1:9/mine",
    ).with_sandbox_defaults(8000)
    assert (settings.client_id, settings.redirect_uri) == ("ca_Mine", "http://127.0.0.1:9/mine")


def test_a_connect_base_that_is_set_wins_over_the_sandbox(
    sandbox: RunningSandbox, database_url: str
) -> None:
    built = Platform.start(
        agent_settings=AgentSettings(DATABASE_URL=database_url),  # type: ignore[call-arg]
        stripe_settings=StripeSettings(connect_base="http://127.0.0.1:9"),
        api_settings=ApiSettings(AGENT_API_KEYS="alice=key-alice-0123456789"),  # type: ignore[call-arg]
        sandbox=sandbox,
    )
    try:
        assert built.stripe_settings.connect_base == "http://127.0.0.1:9"
        assert built.stripe_settings.api_base == sandbox.url
    finally:
        built.db.close()
