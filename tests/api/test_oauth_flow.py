"""Stripe Connect OAuth end to end: authorize URL, code exchange through the SDK against a local
stand-in for connect.stripe.com, status (never a token), refresh and disconnect."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.oauth_service import OAuthService
from api.oauth_tables import OAuthStateRow, StripeConnectionRow
from api.platform import Platform
from tests.api import connect_support
from tests.api.conftest import ALICE, BOB
from tests.api.connect_support import (
    CLIENT_ID,
    CLIENT_SECRET,
    REDIRECT_URI,
    FakeConnect,
    connect,
    install_connect,
    oauth_settings,
)

# fixtures
clock = connect_support.clock
connect_client = connect_support.connect_client
fake_connect = connect_support.fake_connect


def test_authorize_returns_the_connect_url_with_every_parameter(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    r = connect_client.get(
        "/api/auth/stripe/authorize", params={"scope": "read_only"}, headers=ALICE
    )
    assert r.status_code == 200
    body = r.json()
    url = urlparse(body["url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{fake_connect.url}/oauth/authorize"
    assert parse_qs(url.query) == {
        "response_type": ["code"],
        "client_id": [CLIENT_ID],
        "scope": ["read_only"],
        "state": [body["state"]],
        "redirect_uri": [REDIRECT_URI],
    }
    assert len(body["state"]) >= 32


def test_the_state_is_stored_only_as_a_hash(connect_client: TestClient, platform: Platform) -> None:
    state = connect_client.get("/api/auth/stripe/authorize", headers=ALICE).json()["state"]
    with Session(platform.db.engine) as s:
        rows = s.exec(select(OAuthStateRow)).all()
    assert rows
    assert all(state not in row.state_hash for row in rows)
    assert [row.caller for row in rows if row.caller == "alice"]


def test_connecting_exchanges_the_code_with_the_platform_secret(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    before = len(fake_connect.requests)
    body = connect(connect_client, ALICE, fake_connect, scope="read_write")
    exchange = fake_connect.requests[before:]
    assert [e["path"] for e in exchange] == ["/oauth/token"]
    assert exchange[0]["authorization"] == f"Bearer {CLIENT_SECRET}"
    assert exchange[0]["form"]["grant_type"] == "authorization_code"
    assert body["connected"] is True
    assert body["account"].startswith("acct_")
    assert body["scope"] == "read_write"
    assert body["mode"] == "test"


def test_status_shows_the_account_and_never_a_token(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    connected = connect(connect_client, ALICE, fake_connect, scope="read_only")
    r = connect_client.get("/api/auth/stripe/status", headers=ALICE)
    assert r.status_code == 200
    body = r.json()
    assert body["account"] == connected["account"]
    assert body["scope"] == "read_only"
    assert body["mode"] == "test"
    assert body["connected_at"]
    for token in fake_connect.tokens_issued():
        assert token not in r.text
    assert "token" not in " ".join(body)


def test_status_of_a_caller_who_never_connected(connect_client: TestClient) -> None:
    r = connect_client.get("/api/auth/stripe/status", headers=BOB)
    assert r.status_code == 200
    assert r.json()["connected"] is False


def test_refresh_stores_the_new_access_token(
    connect_client: TestClient, fake_connect: FakeConnect, platform: Platform
) -> None:
    account = connect(connect_client, ALICE, fake_connect)["account"]
    oauth: OAuthService = platform.extras["oauth"]
    with Session(platform.db.engine) as s:
        old = s.get(StripeConnectionRow, "alice")
        assert old is not None
        old_access = oauth.cipher.decrypt(old.access_token_enc)
    r = connect_client.post("/api/auth/stripe/refresh", headers=ALICE)
    assert r.status_code == 200, r.text
    assert r.json()["account"] == account
    assert r.json()["refreshed_at"]
    assert fake_connect.requests[-1]["form"]["grant_type"] == "refresh_token"
    with Session(platform.db.engine) as s:
        new = s.get(StripeConnectionRow, "alice")
        assert new is not None
        new_access = oauth.cipher.decrypt(new.access_token_enc)
    assert new_access != old_access
    assert new_access in fake_connect.tokens_issued()


def test_disconnect_deauthorizes_at_stripe_and_forgets_the_account(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    account = connect(connect_client, ALICE, fake_connect)["account"]
    r = connect_client.post("/api/auth/stripe/disconnect", headers=ALICE)
    assert r.status_code == 200
    assert r.json() == {"disconnected": True, "account": account, "revoked_at_stripe": True}
    last = fake_connect.requests[-1]
    assert last["path"] == "/oauth/deauthorize"
    assert last["form"] == {"client_id": CLIENT_ID, "stripe_user_id": account}
    assert account not in fake_connect.connected
    assert connect_client.get("/api/auth/stripe/status", headers=ALICE).json()["connected"] is False
    again = connect_client.post("/api/auth/stripe/disconnect", headers=ALICE)
    assert again.status_code == 404
    assert again.json()["error"]["type"] == "not_connected"


def test_an_account_already_revoked_at_stripe_is_still_forgotten(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    account = connect(connect_client, ALICE, fake_connect)["account"]
    fake_connect.connected.discard(account)  # the owner revoked it from their dashboard
    r = connect_client.post("/api/auth/stripe/disconnect", headers=ALICE)
    assert r.status_code == 200
    assert r.json()["revoked_at_stripe"] is False
    assert connect_client.get("/api/auth/stripe/status", headers=ALICE).json()["connected"] is False


def test_a_code_stripe_does_not_know_is_a_clear_400(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    state = connect_client.get("/api/auth/stripe/authorize", headers=ALICE).json()["state"]
    r = connect_client.get(
        "/api/auth/stripe/callback",
        params={"code": "ac_NotIssuedByStripe000000", "state": state},
        headers=ALICE,
    )
    assert r.status_code == 400
    assert "invalid_grant" in r.json()["error"]["message"]
    assert connect_client.get("/api/auth/stripe/status", headers=ALICE).json()["connected"] is False


def test_oauth_endpoints_need_an_api_key(connect_client: TestClient) -> None:
    assert connect_client.get("/api/auth/stripe/authorize").status_code == 401
    assert connect_client.get("/api/auth/stripe/status").status_code == 401
    assert connect_client.get("/api/auth/stripe/callback?code=x&state=y").status_code == 401


def test_unconfigured_oauth_is_a_clear_4xx(platform: Platform, fake_connect: FakeConnect) -> None:
    settings = oauth_settings(STRIPE_CLIENT_ID=None, STRIPE_REDIRECT_URI=None)
    install_connect(platform, fake_connect.url, settings=settings)
    from api.app import create_app

    with TestClient(create_app(platform)) as client:
        r = client.get("/api/auth/stripe/authorize", headers=ALICE)
        assert r.status_code == 400
        error = r.json()["error"]
        assert error["type"] == "oauth_not_configured"
        assert "STRIPE_CLIENT_ID" in error["message"]
        assert "STRIPE_REDIRECT_URI" in error["message"]
        assert (
            client.get("/api/auth/stripe/callback?code=a&state=b", headers=ALICE).status_code == 400
        )
