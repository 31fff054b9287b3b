"""Money writes through /api/stripe: payments, refunds, subscriptions, each behind an
Idempotency-Key that replays instead of acting twice. Every check of "what reached Stripe"
reads the sandbox's request journal."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.idempotency import action_id
from skills.stripe_service import idempotency_key
from tests.api.conftest import ALICE, BOB

API = "/api/stripe"


def key() -> str:
    return f"test-{uuid.uuid4().hex}"


def with_key(headers: dict[str, str], value: str) -> dict[str, str]:
    return {**headers, "Idempotency-Key": value}


def posts_since(journal: Any, since: int, path: str | None = None) -> list[dict[str, Any]]:
    return [
        e
        for e in journal.all()[since:]
        if e["method"] == "POST" and str(e["path"]).startswith(path or "/v1/")
    ]


def charge(client: TestClient, customer: str, amount: int) -> dict[str, Any]:
    r = client.post(
        f"{API}/payments",
        json={"amount": amount, "customer": customer, "description": "REST test"},
        headers=with_key(ALICE, key()),
    )
    assert r.status_code == 201, r.text
    payment: dict[str, Any] = r.json()["payment"]
    return payment


def test_a_payment_charges_the_customers_saved_card(
    client: TestClient, refs: dict[str, str]
) -> None:
    r = client.post(
        f"{API}/payments",
        json={"amount": 1250, "currency": "usd", "customer": "jane@example.com"},
        headers=with_key(ALICE, key()),
    )
    assert r.status_code == 201, r.text
    payment = r.json()["payment"]
    assert payment["id"].startswith("pi_")
    assert payment["amount"] == 1250 and payment["currency"] == "usd"
    assert payment["status"] == "succeeded"
    assert payment["customer"] == refs["customer.jane.id"]


def test_a_reused_key_replays_the_first_answer_and_stripe_sees_one_post(
    client: TestClient, journal: Any, refs: dict[str, str]
) -> None:
    reused = key()
    body = {"amount": 777, "customer": refs["customer.jane.id"]}
    since = len(journal.all())
    first = client.post(f"{API}/payments", json=body, headers=with_key(ALICE, reused))
    again = client.post(f"{API}/payments", json=body, headers=with_key(ALICE, reused))
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    posts = posts_since(journal, since, "/v1/payment_intents")
    assert len(posts) == 1
    assert posts[0]["idempotency_key"] == idempotency_key(
        action_id("alice", reused), "create_payment"
    )


def test_a_reused_key_with_another_body_is_409_and_nothing_is_sent(
    client: TestClient, journal: Any, refs: dict[str, str]
) -> None:
    reused = key()
    body = {"amount": 300, "customer": refs["customer.jane.id"]}
    assert (
        client.post(f"{API}/payments", json=body, headers=with_key(ALICE, reused)).status_code
        == 201
    )
    since = len(journal.all())
    other = client.post(
        f"{API}/payments", json={**body, "amount": 301}, headers=with_key(ALICE, reused)
    )
    assert other.status_code == 409
    assert other.json()["error"]["type"] == "idempotency_key_reused"
    assert "different request" in other.json()["error"]["message"]
    elsewhere = client.post(
        f"{API}/refunds",
        json={"payment": refs["payment.usd_succeeded"]},
        headers=with_key(ALICE, reused),
    )
    assert elsewhere.status_code == 409
    assert journal.all()[since:] == []


def test_keys_are_scoped_by_caller(client: TestClient, refs: dict[str, str]) -> None:
    shared = key()
    body = {"amount": 410, "customer": refs["customer.jane.id"]}
    alice = client.post(f"{API}/payments", json=body, headers=with_key(ALICE, shared)).json()
    bob = client.post(f"{API}/payments", json=body, headers=with_key(BOB, shared)).json()
    assert alice["payment"]["id"] != bob["payment"]["id"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/payments", {"amount": 500}),
        ("/refunds", {"payment": "pi_123"}),
        ("/subscriptions", {"customer": "jane@example.com", "price": "pro_monthly"}),
    ],
)
def test_money_writes_without_an_idempotency_key_are_400_and_nothing_is_sent(
    client: TestClient, journal: Any, path: str, body: dict[str, Any]
) -> None:
    since = len(journal.all())
    r = client.post(API + path, json=body, headers=ALICE)
    assert r.status_code == 400
    assert "Idempotency-Key" in r.json()["error"]["message"]
    assert journal.all()[since:] == []


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"amount": 0}, 422, "amount"),
        ({"amount": -5}, 422, "amount"),
        ({"amount": "ten"}, 422, "amount"),
        ({"amount": 100_000_000}, 400, "limit"),
        ({"amount": 500, "currency": "xyz"}, 422, "currency"),
        ({"amount": 500, "tip": 5}, 422, "tip"),
        ({"currency": "usd"}, 422, "amount"),
    ],
)
def test_bad_payments_are_4xx_with_a_reason_and_nothing_is_sent(
    client: TestClient, journal: Any, body: dict[str, Any], status: int, words: str
) -> None:
    since = len(journal.all())
    r = client.post(f"{API}/payments", json=body, headers=with_key(ALICE, key()))
    assert r.status_code == status
    assert words in r.json()["error"]["message"]
    assert journal.all()[since:] == []


def test_a_bad_idempotency_key_is_422(client: TestClient) -> None:
    r = client.post(f"{API}/payments", json={"amount": 500}, headers=with_key(ALICE, "x" * 256))
    assert r.status_code == 422
    assert "Idempotency-Key" in r.json()["error"]["message"]


def test_a_payment_to_an_unknown_customer_is_404_and_not_charged(
    client: TestClient, journal: Any
) -> None:
    since = len(journal.all())
    r = client.post(
        f"{API}/payments",
        json={"amount": 500, "customer": "nobody@nowhere.test"},
        headers=with_key(ALICE, key()),
    )
    assert r.status_code == 404
    assert posts_since(journal, since) == []


def test_refunds_take_part_then_the_rest_and_refuse_too_much(
    client: TestClient, journal: Any, refs: dict[str, str]
) -> None:
    payment = charge(client, refs["customer.jane.id"], 2000)
    part = client.post(
        f"{API}/refunds",
        json={"payment": payment["id"], "amount": 500, "reason": "requested_by_customer"},
        headers=with_key(ALICE, key()),
    )
    assert part.status_code == 201, part.text
    assert part.json()["refund"]["amount"] == 500
    assert part.json()["remaining_refundable"] == 1500
    since = len(journal.all())
    too_much = client.post(
        f"{API}/refunds",
        json={"payment": payment["id"], "amount": 5000},
        headers=with_key(ALICE, key()),
    )
    assert too_much.status_code == 400
    assert "remains refundable" in too_much.json()["error"]["message"]
    assert posts_since(journal, since) == []
    rest = client.post(
        f"{API}/refunds", json={"payment": payment["id"]}, headers=with_key(ALICE, key())
    )
    assert rest.status_code == 201
    assert rest.json()["refund"]["amount"] == 1500
    assert rest.json()["remaining_refundable"] == 0


def test_a_replayed_refund_refunds_once(
    client: TestClient, journal: Any, refs: dict[str, str]
) -> None:
    payment = charge(client, refs["customer.jane.id"], 1000)
    reused, body = key(), {"payment": payment["id"], "amount": 100}
    since = len(journal.all())
    first = client.post(f"{API}/refunds", json=body, headers=with_key(ALICE, reused))
    again = client.post(f"{API}/refunds", json=body, headers=with_key(ALICE, reused))
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(posts_since(journal, since, "/v1/refunds")) == 1
    after = client.get(f"{API}/payments/{payment['id']}", headers=ALICE).json()
    assert after["amount_refunded"] == 100


def test_refunds_of_bad_or_unknown_payments_are_4xx(client: TestClient) -> None:
    bad = client.post(f"{API}/refunds", json={"payment": "cus_1"}, headers=with_key(ALICE, key()))
    assert bad.status_code == 422
    unknown = client.post(
        f"{API}/refunds", json={"payment": "pi_doesnotexist"}, headers=with_key(ALICE, key())
    )
    assert unknown.status_code == 404


def test_a_failed_request_releases_its_key_for_a_corrected_retry(
    client: TestClient, refs: dict[str, str]
) -> None:
    payment = charge(client, refs["customer.jane.id"], 1000)
    retried = key()
    body = {"payment": payment["id"], "amount": 5000}
    assert (
        client.post(f"{API}/refunds", json=body, headers=with_key(ALICE, retried)).status_code
        == 400
    )
    fixed = client.post(
        f"{API}/refunds", json={**body, "amount": 1000}, headers=with_key(ALICE, retried)
    )
    assert fixed.status_code == 201


def test_a_subscription_starts_on_a_price_named_by_lookup_key(
    client: TestClient, refs: dict[str, str]
) -> None:
    r = client.post(
        f"{API}/subscriptions",
        json={"customer": refs["customer.jane.id"], "price": "pro_monthly", "trial_days": 7},
        headers=with_key(ALICE, key()),
    )
    assert r.status_code == 201, r.text
    sub = r.json()["subscription"]
    assert sub["id"].startswith("sub_")
    assert sub["customer"] == refs["customer.jane.id"]
    assert sub["price"] == refs["price.pro_monthly"]


def test_subscriptions_to_unknown_prices_or_bad_quantities_are_4xx(
    client: TestClient, refs: dict[str, str], journal: Any
) -> None:
    since = len(journal.all())
    unknown = client.post(
        f"{API}/subscriptions",
        json={"customer": refs["customer.jane.id"], "price": "no_such_plan"},
        headers=with_key(ALICE, key()),
    )
    assert unknown.status_code == 404
    zero = client.post(
        f"{API}/subscriptions",
        json={"customer": refs["customer.jane.id"], "price": "pro_monthly", "quantity": 0},
        headers=with_key(ALICE, key()),
    )
    assert zero.status_code == 422
    assert posts_since(journal, since) == []
