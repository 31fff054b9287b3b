"""Test support for Connect OAuth and webhooks: a local stand-in for connect.stripe.com, a
uvicorn server in a thread, Stripe's signature recipe, a settable clock and an app factory."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import uvicorn
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.app import create_app
from api.oauth_service import OAuthService
from api.oauth_settings import OAuthSettings
from api.platform import Platform
from api.webhook_settings import WebhookSettings
from sandbox.process import free_port

CLIENT_ID = "ca_TestPlatform0000000000"
CLIENT_SECRET = "sk_test_PlatformSecret" + "9" * 24
WEBHOOK_SECRET = "whsec_" + "Ab3" * 10
REDIRECT_URI = "https://agent.example.com/stripe/callback"
ALNUM = string.ascii_letters + string.digits


def _token(prefix: str, n: int = 24) -> str:
    return prefix + "".join(secrets.choice(ALNUM) for _ in range(n))


def stripe_signature(payload: bytes, secret: str, timestamp: int, scheme: str = "v1") -> str:
    """`Stripe-Signature` as Stripe computes it: HMAC-SHA256(secret, "<t>.<body>")."""
    signed = str(timestamp).encode() + b"." + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},{scheme}={digest}"


class ServerThread:
    """An ASGI app served by uvicorn on a free loopback port, in a daemon thread."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        wait_for(lambda: self.server.started, what="the server to start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def wait_for(check: Callable[[], Any], *, what: str, timeout: float = 10.0) -> Any:
    """Poll `check` until it returns something truthy (bounded); fail saying what never came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@dataclass
class Grant:
    account: str
    scope: str
    access_token: str
    refresh_token: str


@dataclass
class FakeConnect:
    """Answers `/oauth/token` and `/oauth/deauthorize` as connect.stripe.com does."""

    codes: dict[str, Grant] = field(default_factory=dict)
    by_refresh: dict[str, Grant] = field(default_factory=dict)
    connected: set[str] = field(default_factory=set)
    requests: list[dict[str, Any]] = field(default_factory=list)
    issued: list[Grant] = field(default_factory=list)
    url: str = ""

    def issue_code(self, scope: str = "read_write", account: str | None = None) -> str:
        """What Stripe puts in the redirect once the owner clicks Connect."""
        code = _token("ac_")
        grant = Grant(account or _token("acct_", 16), scope, _token("sk_test_"), _token("rt_"))
        self.codes[code] = grant
        return code

    def tokens_issued(self, account: str | None = None) -> list[str]:
        """Every access and refresh token handed out (for one account, if given)."""
        grants = [g for g in self.issued if account in (None, g.account)]
        return [t for g in grants for t in (g.access_token, g.refresh_token)]

    def app(self) -> Starlette:
        async def token(request: Request) -> JSONResponse:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            self.requests.append(
                {
                    "path": "/oauth/token",
                    "form": form,
                    "authorization": request.headers.get("authorization"),
                }
            )
            if request.headers.get("authorization") != f"Bearer {CLIENT_SECRET}":
                return _oauth_error(401, "invalid_client", "No such client secret.")
            if form.get("grant_type") == "authorization_code":
                grant = self.codes.pop(form.get("code", ""), None)
                if grant is None:
                    return _oauth_error(
                        400,
                        "invalid_grant",
                        f"Authorization code does not exist: {form.get('code')}",
                    )
            elif form.get("grant_type") == "refresh_token":
                old = self.by_refresh.get(form.get("refresh_token", ""))
                if old is None or old.account not in self.connected:
                    return _oauth_error(400, "invalid_grant", "Refresh token does not exist.")
                grant = Grant(old.account, old.scope, _token("sk_test_"), old.refresh_token)
            else:
                return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type.")
            self.by_refresh[grant.refresh_token] = grant
            self.issued.append(grant)
            self.connected.add(grant.account)
            return JSONResponse(_token_body(grant))

        async def deauthorize(request: Request) -> JSONResponse:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            self.requests.append(
                {
                    "path": "/oauth/deauthorize",
                    "form": form,
                    "authorization": request.headers.get("authorization"),
                }
            )
            account = form.get("stripe_user_id", "")
            if form.get("client_id") != CLIENT_ID or account not in self.connected:
                return _oauth_error(
                    401, "invalid_client", f"No such application connection: {account}"
                )
            self.connected.discard(account)
            return JSONResponse({"stripe_user_id": account})

        return Starlette(
            routes=[
                Route("/oauth/token", token, methods=["POST"]),
                Route("/oauth/deauthorize", deauthorize, methods=["POST"]),
            ]
        )


def _token_body(grant: Grant) -> dict[str, Any]:
    return {
        "access_token": grant.access_token,
        "refresh_token": grant.refresh_token,
        "stripe_user_id": grant.account,
        "scope": grant.scope,
        "livemode": False,
        "token_type": "bearer",
        "stripe_publishable_key": _token("pk_test_"),
    }


def _oauth_error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def oauth_settings(**overrides: Any) -> OAuthSettings:
    values: dict[str, Any] = {
        "STRIPE_CLIENT_ID": CLIENT_ID,
        "STRIPE_CLIENT_SECRET": CLIENT_SECRET,
        "STRIPE_REDIRECT_URI": REDIRECT_URI,
        "ATOM_OAUTH_ENCRYPTION_KEY": Fernet.generate_key().decode(),
    }
    values.update(overrides)
    return OAuthSettings(**{k: v for k, v in values.items() if v is not None})


def install_connect(
    platform: Platform,
    connect_url: str,
    *,
    clock: Callable[[], datetime] | None = None,
    settings: OAuthSettings | None = None,
    sandbox: bool = True,
) -> OAuthService:
    """Put an OAuth service talking to the fake Connect (and a webhook secret) on `platform`."""
    stripe_settings = platform.stripe_settings.model_copy(
        update={"connect_base": connect_url, "max_retries": 0}
    )
    service = OAuthService(
        engine=platform.db.engine,
        settings=settings or oauth_settings(),
        stripe_settings=stripe_settings,
        platform_stripe=platform.stripe,
        sandbox=sandbox,
        clock=clock or Clock(),
    )
    platform.extras["oauth"] = service
    platform.extras.setdefault(
        "webhook_settings",
        WebhookSettings(STRIPE_WEBHOOK_SECRET=SecretStr(WEBHOOK_SECRET)),  # type: ignore[call-arg]
    )
    return service


@contextmanager
def fake_connect_server() -> Iterator[FakeConnect]:
    fake = FakeConnect()
    with ServerThread(fake.app()) as server:
        fake.url = server.url
        yield fake


def connect(
    client: TestClient, headers: dict[str, str], fake: FakeConnect, scope: str = "read_write"
) -> dict[str, Any]:
    """The whole flow as a client runs it: authorize, (owner approves at Stripe), callback."""
    start = client.get("/api/auth/stripe/authorize", params={"scope": scope}, headers=headers)
    assert start.status_code == 200, start.text
    state = start.json()["state"]
    assert parse_qs(urlparse(start.json()["url"]).query)["state"] == [state]
    code = fake.issue_code(scope)
    done = client.get(
        "/api/auth/stripe/callback", params={"code": code, "state": state}, headers=headers
    )
    assert done.status_code == 200, done.text
    body: dict[str, Any] = done.json()
    return body


# -- fixtures (import them into a test module) -----------------------------------------------


@pytest.fixture(scope="session")
def fake_connect() -> Iterator[FakeConnect]:
    with fake_connect_server() as fake:
        yield fake


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def connect_client(
    platform: Platform, fake_connect: FakeConnect, clock: Clock
) -> Iterator[TestClient]:
    """The app on the sandbox, with Connect pointed at the fake and a webhook secret."""
    install_connect(platform, fake_connect.url, clock=clock)
    with TestClient(create_app(platform)) as test_client:
        yield test_client
