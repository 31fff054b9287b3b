"""Verified events are dispatched: payment_intent.succeeded / payment_failed, charge.refunded and
customer.subscription.* become a notice for the hooks registered on their type (the default one
logs; WEBHOOK_NOTIFY_URL gets a POST); other types are stored and ignored; a redelivery or a
failing hook never runs anything twice or fails the delivery."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.app import create_app
from api.platform import Platform
from api.webhook_handlers import WebhookInbox, WebhookNotice
from api.webhook_settings import WebhookSettings
from tests.api.connect_support import WEBHOOK_SECRET, ServerThread, stripe_signature, wait_for


def settings(**extra: object) -> WebhookSettings:
    secret = SecretStr(WEBHOOK_SECRET)
    return WebhookSettings(STRIPE_WEBHOOK_SECRET=secret, **extra)  # type: ignore[arg-type]


@pytest.fixture
def client(platform: Platform) -> Iterator[TestClient]:
    platform.extras["webhook_settings"] = settings()
    with TestClient(create_app(platform)) as test_client:
        yield test_client


def inbox(platform: Platform) -> WebhookInbox:
    found: WebhookInbox = platform.extras["webhooks"]
    return found


def deliver(client: TestClient, event: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps(event).encode()
    header = stripe_signature(body, WEBHOOK_SECRET, int(time.time()))
    r = client.post("/api/webhooks/stripe", content=body, headers={"Stripe-Signature": header})
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


def event(event_id: str, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": obj},
    }


PI_OK = {
    "id": "pi_ok",
    "object": "payment_intent",
    "amount": 1250,
    "currency": "usd",
    "status": "succeeded",
    "customer": "cus_jane",
}


def test_a_succeeded_payment_notifies_the_hooks_for_its_type(
    client: TestClient, platform: Platform
) -> None:
    seen: list[WebhookNotice] = []
    inbox(platform).hooks.register_hook("payment_intent.*", seen.append)
    deliver(client, event("evt_pi_ok_0001", "payment_intent.succeeded", PI_OK))
    assert len(seen) == 1
    notice = seen[0]
    assert (notice.event_id, notice.type, notice.object_id) == (
        "evt_pi_ok_0001",
        "payment_intent.succeeded",
        "pi_ok",
    )
    assert (notice.amount, notice.currency, notice.customer) == (1250, "usd", "cus_jane")
    assert notice.summary == "Payment pi_ok of $12.50 succeeded."
    row = inbox(platform).get("evt_pi_ok_0001")
    assert row is not None
    assert (row.status, row.summary) == ("handled", notice.summary)


@pytest.mark.parametrize(
    ("kind", "obj", "summary"),
    [
        (
            "payment_intent.payment_failed",
            {
                "id": "pi_no",
                "amount": 500,
                "currency": "eur",
                "last_payment_error": {"message": "Your card was declined"},
            },
            "Payment pi_no of €5.00 failed: Your card was declined.",
        ),
        (
            "charge.refunded",
            {"id": "ch_1", "amount": 2000, "amount_refunded": 500, "currency": "usd"},
            "Charge ch_1: $5.00 of $20.00 refunded.",
        ),
        (
            "customer.subscription.deleted",
            {"id": "sub_1", "status": "canceled"},
            "Subscription sub_1 deleted; status canceled.",
        ),
    ],
)
def test_each_handled_type_is_summarised(
    client: TestClient, platform: Platform, kind: str, obj: dict[str, Any], summary: str
) -> None:
    seen: list[WebhookNotice] = []
    inbox(platform).hooks.register_hook("*", seen.append)
    deliver(client, event(f"evt_{kind}", kind, obj))
    assert [n.summary for n in seen] == [summary]


def test_a_hook_sees_only_the_types_its_pattern_matches(
    client: TestClient, platform: Platform
) -> None:
    subs: list[str] = []
    inbox(platform).hooks.register_hook("customer.subscription.*", lambda n: subs.append(n.type))
    deliver(client, event("evt_sub_upd_1", "customer.subscription.updated", {"id": "sub_2"}))
    deliver(client, event("evt_pi_ok_0002", "payment_intent.succeeded", PI_OK))
    assert subs == ["customer.subscription.updated"]


def test_an_unhandled_type_is_stored_and_ignored(client: TestClient, platform: Platform) -> None:
    seen: list[WebhookNotice] = []
    inbox(platform).hooks.register_hook("*", seen.append)
    deliver(client, event("evt_cus_created1", "customer.created", {"id": "cus_1"}))
    row = inbox(platform).get("evt_cus_created1")
    assert row is not None
    assert row.status == "ignored"
    assert seen == []


def test_a_redelivery_does_not_notify_again(client: TestClient, platform: Platform) -> None:
    seen: list[WebhookNotice] = []
    inbox(platform).hooks.register_hook("*", seen.append)
    first = deliver(client, event("evt_pi_ok_0003", "payment_intent.succeeded", PI_OK))
    again = deliver(client, event("evt_pi_ok_0003", "payment_intent.succeeded", PI_OK))
    assert (first["duplicate"], again["duplicate"]) == (False, True)
    assert len(seen) == 1


def test_a_failing_hook_neither_fails_the_delivery_nor_stops_the_others(
    client: TestClient, platform: Platform
) -> None:
    def broken(_: WebhookNotice) -> None:
        raise RuntimeError("the chat service is down")

    seen: list[WebhookNotice] = []
    inbox(platform).hooks.register_hook("*", broken)
    inbox(platform).hooks.register_hook("*", seen.append)
    deliver(client, event("evt_pi_ok_0004", "payment_intent.succeeded", PI_OK))
    assert len(seen) == 1
    row = inbox(platform).get("evt_pi_ok_0004")
    assert row is not None
    assert row.status == "hook_failed"
    assert row.hook_errors == "broken: RuntimeError"


class Receiver:
    """A local endpoint standing in for WEBHOOK_NOTIFY_URL."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []

    def app(self) -> Starlette:
        async def notify(request: Request) -> JSONResponse:
            self.received.append(await request.json())
            return JSONResponse({"ok": True})

        return Starlette(routes=[Route("/notify", notify, methods=["POST"])])


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[Receiver, str]]:
    found = Receiver()
    with ServerThread(found.app()) as server:
        yield found, f"{server.url}/notify"


def test_payment_succeeded_is_posted_to_the_notify_url(
    platform: Platform, receiver: tuple[Receiver, str]
) -> None:
    sink, url = receiver
    sink.received.clear()  # the receiver outlives one database parametrisation
    platform.extras["webhook_settings"] = settings(WEBHOOK_NOTIFY_URL=url)
    with TestClient(create_app(platform)) as client:
        deliver(client, event("evt_pi_ok_0005", "payment_intent.succeeded", PI_OK))
    posted = [n for n in sink.received if n["event_id"] == "evt_pi_ok_0005"]
    assert len(posted) == 1
    assert posted[0]["summary"] == "Payment pi_ok of $12.50 succeeded."
    assert set(posted[0]) == set(WebhookNotice.model_fields)


def test_an_unreachable_notify_url_is_recorded_not_raised(platform: Platform) -> None:
    from sandbox.process import free_port

    closed = f"http://127.0.0.1:{free_port()}/notify"
    platform.extras["webhook_settings"] = settings(WEBHOOK_NOTIFY_URL=closed)
    with TestClient(create_app(platform)) as client:
        deliver(client, event("evt_pi_ok_0006", "payment_intent.succeeded", PI_OK))
        row = wait_for(lambda: inbox(platform).get("evt_pi_ok_0006"), what="the event row")
    assert row.status == "hook_failed"
    assert "ConnectError" in (row.hook_errors or "")
