"""POST /api/agent/chat, the decision endpoint and session reads, end to end on the sandbox."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import ALICE, BOB


def test_balance_question_is_answered_from_the_sandbox(client: TestClient) -> None:
    r = client.post("/api/agent/chat", json={"message": "what's my balance?"}, headers=ALICE)
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "answer"
    assert body["reply"].startswith("Available:")
    assert body["mode"] == "sandbox"
    assert body["decided_by"] == "offline"
    assert body["session_id"].startswith("ses_")
    assert set(body) >= {
        "session_id",
        "kind",
        "reply",
        "tool_calls",
        "pending_action",
        "decided_by",
        "usage",
    }


def test_a_refund_waits_for_the_decision_endpoint(
    client: TestClient, refs: dict[str, str], stripe_service: Any
) -> None:
    payment = refs["payment.usd_succeeded_2"]
    before = stripe_service.get_payment(payment).amount_refunded
    r = client.post("/api/agent/chat", json={"message": f"refund $5 of {payment}"}, headers=ALICE)
    body = r.json()
    assert body["kind"] == "confirm"
    action = body["pending_action"]["id"]
    sid = body["session_id"]
    assert stripe_service.get_payment(payment).amount_refunded == before
    foreign = client.post(
        f"/api/agent/sessions/{sid}/actions/{action}", json={"decision": "approve"}, headers=BOB
    )
    assert foreign.status_code == 404
    assert stripe_service.get_payment(payment).amount_refunded == before
    ok = client.post(
        f"/api/agent/sessions/{sid}/actions/{action}", json={"decision": "approve"}, headers=ALICE
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["kind"] == "answer"
    assert stripe_service.get_payment(payment).amount_refunded == before + 500
    again = client.post(
        f"/api/agent/sessions/{sid}/actions/{action}", json={"decision": "approve"}, headers=ALICE
    )
    assert again.status_code == 409
    assert again.json()["error"]["type"] == "action_not_pending"


def test_reject_through_the_decision_endpoint(client: TestClient, refs: dict[str, str]) -> None:
    body = client.post(
        "/api/agent/chat",
        json={"message": f"refund $1 of {refs['payment.usd_succeeded_2']}"},
        headers=ALICE,
    ).json()
    r = client.post(
        f"/api/agent/sessions/{body['session_id']}/actions/{body['pending_action']['id']}",
        json={"decision": "reject"},
        headers=ALICE,
    )
    assert r.status_code == 200
    assert "ancel" in r.json()["reply"]


def test_a_session_belongs_to_its_caller(client: TestClient) -> None:
    body = client.post("/api/agent/chat", json={"message": "balance"}, headers=ALICE).json()
    sid = body["session_id"]
    mine = client.get(f"/api/agent/sessions/{sid}", headers=ALICE)
    assert mine.status_code == 200
    assert mine.json()["messages"][0]["role"] == "human"
    assert client.get(f"/api/agent/sessions/{sid}", headers=BOB).status_code == 404
    hijack = client.post(
        "/api/agent/chat", json={"message": "balance", "session_id": sid}, headers=BOB
    )
    assert hijack.status_code == 404


def test_requests_without_a_valid_key_are_refused(client: TestClient) -> None:
    assert client.post("/api/agent/chat", json={"message": "hi"}).status_code == 401
    wrong = client.post("/api/agent/chat", json={"message": "hi"}, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["type"] == "unauthorized"


def test_bad_bodies_get_a_clear_4xx(client: TestClient) -> None:
    empty = client.post("/api/agent/chat", json={"message": ""}, headers=ALICE)
    assert empty.status_code == 422
    assert "message" in empty.json()["error"]["message"]
    bad_day = client.post(
        "/api/agent/chat", json={"message": "hi", "today": "yesterday"}, headers=ALICE
    )
    assert bad_day.status_code == 422
    bad_decision = client.post(
        "/api/agent/sessions/x/actions/y", json={"decision": "maybe"}, headers=ALICE
    )
    assert bad_decision.status_code == 422


def test_today_pins_relative_dates(client: TestClient) -> None:
    body = client.post(
        "/api/agent/chat",
        json={"message": "show failed payments from last week", "today": "2026-06-15"},
        headers=ALICE,
    ).json()
    assert body["tool_calls"][0]["args"]["created_gte"] == "2026-06-08"
    assert body["tool_calls"][0]["args"]["created_lte"] == "2026-06-14"


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/api/docs").status_code == 200
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/agent/chat" in paths
    assert "/api/agent/sessions/{session_id}/actions/{action_id}" in paths
