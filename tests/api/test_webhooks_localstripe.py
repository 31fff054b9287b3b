"""Real deliveries: the app runs under uvicorn on loopback, the sandbox's localstripe is told to
send its events there (signed with our secret), and what happens on the sandbox arrives, verified
and stored: a new customer, and a confirmed charge that notifies WEBHOOK_NOTIFY_URL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlmodel import Session, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.app import create_app
from api.platform import Platform
from api.webhook_handlers import WebhookInbox
from api.webhook_settings import WebhookSettings
from api.webhook_tables import WebhookEventRow
from tests.api.conftest import ALICE
from tests.api.connect_support import WEBHOOK_SECRET, ServerThread, wait_for

EVENTS = ["customer.created", "payment_intent.succeeded"]


class Sink:
    """WEBHOOK_NOTIFY_URL's stand-in: keeps what it is sent."""

    def __init__(self) -> None:
        self.notices: list[dict[str, Any]] = []

    def app(self) -> Starlette:
        async def notify(request: Request) -> JSONResponse:
            self.notices.append(await request.json())
            return JSONResponse({"ok": True})

        return Starlette(routes=[Route("/notify", notify, methods=["POST"])])


def register(sandbox: Any, hook_id: str, url: str, events: list[str]) -> None:
    """localstripe's `POST /_config/webhooks/{id}` (url, secret, optional event filter)."""
    body = {"url": url, "secret": WEBHOOK_SECRET, "events": events}
    r = httpx.post(f"{sandbox.url}/_config/webhooks/{hook_id}", json=body, timeout=10)
    r.raise_for_status()


@pytest.fixture
def live_app(platform: Platform, sandbox: Any) -> Iterator[tuple[str, WebhookInbox, Sink]]:
    """The app served on loopback, registered with the sandbox; unregistered afterwards."""
    sink = Sink()
    with ServerThread(sink.app()) as notify_server:
        platform.extras["webhook_settings"] = WebhookSettings(
            STRIPE_WEBHOOK_SECRET=SecretStr(WEBHOOK_SECRET),  # type: ignore[call-arg]
            WEBHOOK_NOTIFY_URL=f"{notify_server.url}/notify",  # type: ignore[call-arg]
        )
        with ServerThread(create_app(platform)) as app_server:
            hook_id = f"atom_test_{uuid.uuid4().hex[:8]}"
            register(sandbox, hook_id, f"{app_server.url}/api/webhooks/stripe", EVENTS)
            try:
                yield app_server.url, platform.extras["webhooks"], sink
            finally:
                # localstripe cannot forget a webhook: narrow it to an event that never happens
                register(sandbox, hook_id, app_server.url, ["atom.test.never"])


def stored_event(inbox: WebhookInbox, kind: str, object_id: str) -> Any:
    with Session(inbox.engine) as s:
        rows = s.exec(select(WebhookEventRow).where(WebhookEventRow.type == kind)).all()
    return next((r for r in rows if r.payload["data"]["object"]["id"] == object_id), None)


def handled(inbox: WebhookInbox, kind: str, object_id: str) -> Any:
    """The stored event once its handlers have finished (they run after the 200)."""
    row = stored_event(inbox, kind, object_id)
    return row if row is not None and row.handled_at is not None else None


def test_a_customer_created_on_the_sandbox_arrives_verified_and_stored(
    live_app: tuple[str, WebhookInbox, Sink], stripe_service: Any
) -> None:
    _, inbox, _ = live_app
    customer = stripe_service.create_customer({"email": f"{uuid.uuid4().hex[:8]}@hooks.example"})
    row = wait_for(
        lambda: handled(inbox, "customer.created", customer.id),
        what=f"localstripe's customer.created for {customer.id}",
    )
    assert row.id.startswith("evt_")
    assert row.status == "ignored"  # stored, but no handler is registered for customer.created


def test_a_confirmed_charge_notifies_through_the_webhook(
    live_app: tuple[str, WebhookInbox, Sink], refs: dict[str, str]
) -> None:
    url, inbox, sink = live_app
    chat = f"{url}/api/agent/chat"
    asked = httpx.post(chat, json={"message": "charge jane@example.com $12"}, headers=ALICE)
    assert asked.json()["kind"] == "confirm", asked.text
    done = httpx.post(
        chat, json={"message": "yes", "session_id": asked.json()["session_id"]}, headers=ALICE
    )
    assert done.json()["kind"] == "answer", done.text
    payment_id = done.json()["result"]["payment"]["id"]
    notices = wait_for(
        lambda: [n for n in sink.notices if n["object_id"] == payment_id],
        what=f"the payment_intent.succeeded notice for {payment_id}",
    )
    assert len(notices) == 1
    assert notices[0]["type"] == "payment_intent.succeeded"
    assert notices[0]["customer"] == refs["customer.jane.id"]
    row = wait_for(
        lambda: handled(inbox, "payment_intent.succeeded", payment_id),
        what="the event's handling to be recorded",
    )
    assert row.status == "handled"
    assert row.summary == f"Payment {payment_id} of $12.00 succeeded."
