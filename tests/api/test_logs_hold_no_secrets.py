"""With logging configured as in production (JSON, DEBUG, the masking filter), a connect, a
refresh, a webhook, agent chats and a chat-confirmed payment leave no secret in the logs: no
caller key, Stripe key, OAuth token or code, client secret, webhook secret or encryption key."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.logging_setup import configure_logging
from api.oauth_service import OAuthService
from api.platform import Platform
from tests.api import connect_support
from tests.api.conftest import ALICE, BOB
from tests.api.connect_support import (
    CLIENT_SECRET,
    WEBHOOK_SECRET,
    FakeConnect,
    connect,
    install_connect,
    stripe_signature,
)

# fixtures
fake_connect = connect_support.fake_connect


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """configure_logging() as the service runs it, its handler writing to a buffer."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    # The test's own HTTP client (TestClient, on httpx2) logs the URLs it requests; that is the
    # harness talking, not the service, so its records are left out.
    harness = logging.getLogger("httpx2")
    harness_level = harness.level
    harness.setLevel(logging.WARNING)
    configure_logging("DEBUG")
    buffer = io.StringIO()
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    yield buffer
    root.handlers[:], level = saved
    root.setLevel(level)
    harness.setLevel(harness_level)


def payment_succeeded(event_id: str) -> bytes:
    obj = {"id": "pi_logs", "amount": 900, "currency": "usd", "status": "succeeded"}
    event = {
        "id": event_id,
        "object": "event",
        "type": "payment_intent.succeeded",
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": obj},
    }
    return json.dumps(event).encode()


def test_no_secret_reaches_the_logs(
    platform: Platform,
    sandbox: Any,
    fake_connect: FakeConnect,
    captured_logs: io.StringIO,
) -> None:
    oauth: OAuthService = install_connect(platform, fake_connect.url)
    with TestClient(create_app(platform)) as client:
        before = len(fake_connect.issued)
        account = connect(client, ALICE, fake_connect)["account"]
        assert client.post("/api/auth/stripe/refresh", headers=ALICE).status_code == 200
        body = payment_succeeded("evt_logs_0001")
        signed = {"Stripe-Signature": stripe_signature(body, WEBHOOK_SECRET, int(time.time()))}
        assert client.post("/api/webhooks/stripe", content=body, headers=signed).status_code == 200
        tagged = {**ALICE, "X-Request-ID": "logs-test-request-1"}
        chat = client.post("/api/agent/chat", json={"message": "balance"}, headers=tagged)
        assert chat.status_code == 200
        # a flow with no REST write: a payment asked for and confirmed in the chat
        asked = client.post(
            "/api/agent/chat", json={"message": "charge jane@example.com $9"}, headers=BOB
        ).json()
        assert asked["kind"] == "confirm"
        done = client.post(
            "/api/agent/chat",
            json={"message": "yes", "session_id": asked["session_id"]},
            headers=BOB,
        )
        assert done.json()["kind"] == "answer"
        assert client.post("/api/auth/stripe/disconnect", headers=ALICE).status_code == 200

    logs = captured_logs.getvalue()
    # the flows did log (so the absence below means something)
    assert "stripe account connected" in logs
    assert "evt_logs_0001" in logs
    assert "logs-test-request-1" in logs
    assert account in logs
    assert "[REDACTED]" in logs  # Stripe's debug log of the token exchange held tokens: masked
    secrets = {
        "caller key alice": ALICE["Authorization"].removeprefix("Bearer "),
        "caller key bob": BOB["X-API-Key"],
        "sandbox secret key": sandbox.api_key,
        "platform client secret": CLIENT_SECRET,
        "webhook secret": WEBHOOK_SECRET,
        "encryption key": oauth.settings.encryption_keys.get_secret_value(),  # type: ignore[union-attr]
    }
    for n, grant in enumerate(fake_connect.issued[before:]):
        secrets[f"access token {n}"] = grant.access_token
        secrets[f"refresh token {n}"] = grant.refresh_token
    for request in fake_connect.requests:
        if "code" in request["form"]:
            secrets["authorization code"] = request["form"]["code"]
    assert len(secrets) > 8
    leaked = [name for name, value in secrets.items() if value in logs]
    assert leaked == []
