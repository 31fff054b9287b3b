"""Once a caller connects a Stripe account, its agent sessions and REST calls act on that account
(`Stripe-Account`), within the scope it granted: read_only may read, never write or move money."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api import connect_support
from tests.api.conftest import ALICE, BOB
from tests.api.connect_support import FakeConnect, connect

# fixtures
clock = connect_support.clock
connect_client = connect_support.connect_client
fake_connect = connect_support.fake_connect


class Traffic:
    """The sandbox requests sent from now on (its journal, read from a mark)."""

    def __init__(self, journal: Any) -> None:
        self.journal = journal
        self.mark = len(journal.all())

    def since(self) -> list[dict[str, Any]]:
        return list(self.journal.all()[self.mark :])


def chat(client: TestClient, headers: dict[str, str], message: str) -> dict[str, Any]:
    r = client.post("/api/agent/chat", json={"message": message}, headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_a_read_only_connection_refuses_a_refund_and_sends_nothing(
    connect_client: TestClient,
    fake_connect: FakeConnect,
    journal: Any,
    refs: dict[str, str],
    stripe_service: Any,
) -> None:
    payment = refs["payment.usd_succeeded"]
    refunded_before = stripe_service.get_payment(payment).amount_refunded
    connect(connect_client, ALICE, fake_connect, scope="read_only")
    traffic = Traffic(journal)
    body = chat(connect_client, ALICE, f"refund $5 of {payment}")
    assert body["kind"] == "refuse"
    assert "read-only" in body["reply"]
    assert body["pending_action"] is None
    assert [e for e in traffic.since() if e["method"] == "POST"] == []
    assert stripe_service.get_payment(payment).amount_refunded == refunded_before


def test_a_read_only_connection_still_reads_from_the_connected_account(
    connect_client: TestClient, fake_connect: FakeConnect, journal: Any
) -> None:
    account = connect(connect_client, ALICE, fake_connect, scope="read_only")["account"]
    traffic = Traffic(journal)
    body = chat(connect_client, ALICE, "what's my balance?")
    assert body["kind"] == "answer"
    calls = traffic.since()
    assert calls
    assert {(e["path"], e["stripe_account"]) for e in calls} == {("/v1/balance", account)}


def test_each_caller_acts_on_its_own_account(
    connect_client: TestClient, fake_connect: FakeConnect, journal: Any
) -> None:
    account = connect(connect_client, ALICE, fake_connect, scope="read_write")["account"]
    traffic = Traffic(journal)
    chat(connect_client, ALICE, "what's my balance?")
    alice = {e["stripe_account"] for e in traffic.since()}
    traffic = Traffic(journal)
    chat(connect_client, BOB, "what's my balance?")
    bob = {e["stripe_account"] for e in traffic.since()}
    assert alice == {account}
    assert bob == {None}


def test_a_read_write_connection_may_start_a_money_action(
    connect_client: TestClient, fake_connect: FakeConnect, refs: dict[str, str]
) -> None:
    connect(connect_client, ALICE, fake_connect, scope="read_write")
    body = chat(connect_client, ALICE, f"refund $5 of {refs['payment.usd_succeeded']}")
    assert body["kind"] == "confirm"


def test_rest_calls_act_on_the_connected_account(
    connect_client: TestClient, fake_connect: FakeConnect
) -> None:
    account = connect(connect_client, ALICE, fake_connect, scope="read_only")["account"]
    r = connect_client.get("/api/stripe/account", headers=ALICE)
    assert r.status_code == 200, r.text
    assert r.json()["id"] == account


def test_a_read_only_connection_refuses_a_rest_write_before_stripe(
    connect_client: TestClient, fake_connect: FakeConnect, journal: Any
) -> None:
    connect(connect_client, ALICE, fake_connect, scope="read_only")
    traffic = Traffic(journal)
    r = connect_client.post(
        "/api/stripe/customers",
        json={"email": "ro@example.com", "name": "Read Only"},
        headers={**ALICE, "Idempotency-Key": "ro-create-1"},
    )
    assert r.status_code == 403
    assert traffic.since() == []


def test_after_disconnecting_the_caller_is_back_on_the_platform_account(
    connect_client: TestClient, fake_connect: FakeConnect, journal: Any
) -> None:
    connect(connect_client, ALICE, fake_connect, scope="read_only")
    assert connect_client.post("/api/auth/stripe/disconnect", headers=ALICE).status_code == 200
    traffic = Traffic(journal)
    chat(connect_client, ALICE, "what's my balance?")
    assert {e["stripe_account"] for e in traffic.since()} == {None}
