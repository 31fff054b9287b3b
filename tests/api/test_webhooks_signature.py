"""POST /api/webhooks/stripe checks `Stripe-Signature` as Stripe signs it (the stripe-python test
vectors, secret `whsec_test_secret`): a bad, stale or malformed signature, or a bad body, is a 400
that says why (never a 500), and an event is stored once however often it is delivered."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session, func, select

from api.app import create_app
from api.platform import Platform
from api.webhook_settings import WebhookSettings
from api.webhook_tables import WebhookEventRow
from tests.api.connect_support import stripe_signature

SECRET = "whsec_test_secret"
URL = "/api/webhooks/stripe"
# stripe-python's DUMMY_WEBHOOK_PAYLOAD, byte for byte (webhook-vectors.md)
VECTOR_PAYLOAD = (
    b'{\n  "id": "evt_test_webhook",\n  "object": "event",\n'
    b'  "data": { "object": { "id": "rdr_123", "object": "terminal.reader" } }\n}'
)
VECTOR_SIG = "07b1ede164afb7b5de91267ffa656f568c65d6e0783ce0ac55ee094643578eda"


def settings(**extra: object) -> WebhookSettings:
    return WebhookSettings(STRIPE_WEBHOOK_SECRET=SecretStr(SECRET), **extra)  # type: ignore[arg-type]


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    platform.extras["webhook_settings"] = settings()
    with TestClient(create_app(platform)) as test_client:
        yield test_client


def event_body(event_id: str, kind: str = "customer.created") -> bytes:
    event = {
        "id": event_id,
        "object": "event",
        "type": kind,
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": {"id": "cus_" + event_id[-8:], "object": "customer"}},
    }
    return json.dumps(event, indent=2).encode()


def post(client: TestClient, body: bytes, header: str | None) -> tuple[int, dict[str, object]]:
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers["Stripe-Signature"] = header
    r = client.post(URL, content=body, headers=headers)
    return r.status_code, r.json()


def message(body: dict[str, object]) -> str:
    error = body["error"]
    assert isinstance(error, dict)
    return str(error["message"])


def stored(platform: Platform, event_id: str) -> int:
    with Session(platform.db.engine) as s:
        query = select(func.count()).select_from(WebhookEventRow)
        return int(s.exec(query.where(WebhookEventRow.id == event_id)).one())


def test_our_signer_reproduces_the_published_vectors() -> None:
    assert stripe_signature(VECTOR_PAYLOAD, SECRET, 12345) == f"t=12345,v1={VECTOR_SIG}"
    expected = "3bfab77baf5f7b6991a46c9b53b6547d7afc56148b10468fcad9f35c1992ffbd"
    assert stripe_signature(VECTOR_PAYLOAD, SECRET, 1700000000) == f"t=1700000000,v1={expected}"
    not_json = "3fa12e00c43599d0fb01131fe7ea14cf2b14a671c09b15a72db83cbbc5fb1ff8"
    assert stripe_signature(b"this is not valid JSON", SECRET, 1700000000).endswith(not_json)


def test_a_fresh_signature_is_accepted_and_stored(client: TestClient, platform: Platform) -> None:
    body = event_body("evt_fresh00000001")
    status, answer = post(client, body, stripe_signature(body, SECRET, int(time.time())))
    assert status == 200
    assert answer == {"received": True, "duplicate": False, "id": "evt_fresh00000001"}
    assert stored(platform, "evt_fresh00000001") == 1


def test_the_published_vector_is_stale_under_the_five_minute_tolerance(client: TestClient) -> None:
    status, answer = post(client, VECTOR_PAYLOAD, f"t=12345,v1={VECTOR_SIG}")
    assert status == 400
    assert "Timestamp outside the tolerance zone (12345)" in message(answer)


def test_the_published_vector_verifies_when_its_timestamp_is_in_the_window(
    platform: Platform,
) -> None:
    platform.extras["webhook_settings"] = settings(STRIPE_WEBHOOK_TOLERANCE=2_000_000_000)
    with TestClient(create_app(platform)) as wide:
        status, answer = post(wide, VECTOR_PAYLOAD, f"t=12345,v1={VECTOR_SIG}")
    assert (status, answer["id"]) == (200, "evt_test_webhook")


def test_a_signature_made_with_another_secret_is_refused(
    client: TestClient, platform: Platform
) -> None:
    body = event_body("evt_wrongsecret01")
    header = stripe_signature(body, "whsec_someone_else", int(time.time()))
    status, answer = post(client, body, header)
    assert status == 400
    assert "No signatures found matching the expected signature" in message(answer)
    assert stored(platform, "evt_wrongsecret01") == 0


def test_a_signature_older_than_five_minutes_is_refused(client: TestClient) -> None:
    body = event_body("evt_stale00000001")
    status, answer = post(client, body, stripe_signature(body, SECRET, int(time.time()) - 301))
    assert status == 400
    assert "Timestamp outside the tolerance zone" in message(answer)


def test_any_valid_v1_among_several_is_enough(client: TestClient) -> None:
    body = event_body("evt_severalsigs01")
    good = stripe_signature(body, SECRET, int(time.time()))
    t, v1 = good.split(",")
    header = f"{t},v1=bad_signature,{v1},v0=whatever"
    assert post(client, body, header)[0] == 200


def test_a_v0_signature_alone_is_refused(client: TestClient) -> None:
    body = event_body("evt_v0only0000001")
    header = stripe_signature(body, SECRET, int(time.time()), scheme="v0")
    status, answer = post(client, body, header)
    assert status == 400
    assert "No signatures found with expected scheme v1" in message(answer)


@pytest.mark.parametrize("header", ["bad_header", "t=abc,v1=00", ""])
def test_a_malformed_header_is_refused(client: TestClient, header: str) -> None:
    status, answer = post(client, event_body("evt_malformed0001"), header)
    assert status == 400
    assert "ignature" in message(answer)


def test_a_missing_header_is_refused(client: TestClient) -> None:
    status, answer = post(client, event_body("evt_noheader00001"), None)
    assert status == 400
    assert "no Stripe-Signature header" in message(answer)


def test_a_signed_body_that_is_not_json_is_a_400(client: TestClient) -> None:
    body = b"this is not valid JSON"
    status, answer = post(client, body, stripe_signature(body, SECRET, int(time.time())))
    assert status == 400
    assert "not valid JSON" in message(answer)


@pytest.mark.parametrize("body", [b"[1, 2]", b'"evt"', b'{"object": "event"}'])
def test_a_signed_json_body_that_is_not_an_event_is_a_400(client: TestClient, body: bytes) -> None:
    status, answer = post(client, body, stripe_signature(body, SECRET, int(time.time())))
    assert status == 400
    assert "not a Stripe event" in message(answer)


def test_a_redelivered_event_is_acknowledged_once_and_stored_once(
    client: TestClient, platform: Platform
) -> None:
    body = event_body("evt_replay0000001")
    first = post(client, body, stripe_signature(body, SECRET, int(time.time())))
    again = post(client, body, stripe_signature(body, SECRET, int(time.time())))
    assert first == (200, {"received": True, "duplicate": False, "id": "evt_replay0000001"})
    assert again == (200, {"received": True, "duplicate": True, "id": "evt_replay0000001"})
    assert stored(platform, "evt_replay0000001") == 1


def test_without_a_signing_secret_every_delivery_is_refused(platform: Platform) -> None:
    platform.extras["webhook_settings"] = WebhookSettings()
    with TestClient(create_app(platform)) as bare:
        body = event_body("evt_nosecret00001")
        status, answer = post(bare, body, stripe_signature(body, SECRET, int(time.time())))
    assert status == 400
    assert "STRIPE_WEBHOOK_SECRET" in message(answer)
