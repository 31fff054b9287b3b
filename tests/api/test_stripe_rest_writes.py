"""Non-money writes through /api/stripe (customers, products), and the caller's connection
scope: a read-only connection is refused before anything reaches Stripe."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from agent.runner import CallerAccess
from api.platform import Platform
from tests.api.conftest import ALICE, BOB

API = "/api/stripe"


def unique_email() -> str:
    return f"rest-{uuid.uuid4().hex[:10]}@example.com"


def test_a_customer_is_created_read_and_updated(client: TestClient) -> None:
    email = unique_email()
    created = client.post(
        f"{API}/customers", json={"email": email.upper(), "name": "Rita Rest"}, headers=ALICE
    )
    assert created.status_code == 201, created.text
    customer = created.json()["customer"]
    assert customer["email"] == email and customer["name"] == "Rita Rest"
    read = client.get(f"{API}/customers/{customer['id']}", headers=ALICE).json()
    assert read == customer
    updated = client.put(
        f"{API}/customers/{customer['id']}",
        json={"name": "Rita Renamed", "phone": "+15555550199"},
        headers=ALICE,
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "Rita Renamed"
    assert updated.json()["phone"] == "+15555550199"
    assert updated.json()["email"] == email


def test_a_customer_create_with_a_key_replays(client: TestClient, journal: Any) -> None:
    headers = {**ALICE, "Idempotency-Key": f"test-{uuid.uuid4().hex}"}
    body = {"email": unique_email()}
    since = len(journal.all())
    first = client.post(f"{API}/customers", json=body, headers=headers)
    again = client.post(f"{API}/customers", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    posts = [e for e in journal.all()[since:] if e["method"] == "POST"]
    assert len(posts) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "email or a name"),
        ({"email": "not-an-email"}, "email"),
        ({"name": "x" * 201}, "name"),
        ({"name": "Ann", "vip": True}, "vip"),
    ],
)
def test_bad_customers_are_422(client: TestClient, body: dict[str, Any], field: str) -> None:
    r = client.post(f"{API}/customers", json=body, headers=ALICE)
    assert r.status_code == 422
    assert field in r.json()["error"]["message"]


def test_customer_updates_need_a_field_and_a_known_customer(
    client: TestClient, refs: dict[str, str]
) -> None:
    jane = refs["customer.jane.id"]
    empty = client.put(f"{API}/customers/{jane}", json={}, headers=ALICE)
    assert empty.status_code == 422
    assert "at least one" in empty.json()["error"]["message"]
    bad_email = client.put(f"{API}/customers/{jane}", json={"email": "jane"}, headers=ALICE)
    assert bad_email.status_code == 422
    unknown = client.put(f"{API}/customers/cus_doesnotexist", json={"name": "X"}, headers=ALICE)
    assert unknown.status_code == 404
    assert client.put(f"{API}/customers/jane", json={"name": "X"}, headers=ALICE).status_code == 422


def test_a_product_is_created_and_read(client: TestClient) -> None:
    created = client.post(
        f"{API}/products",
        json={"name": "REST Widget", "description": "made by a test"},
        headers=BOB,
    )
    assert created.status_code == 201, created.text
    product = created.json()
    assert product["name"] == "REST Widget" and product["active"] is True
    read = client.get(f"{API}/products/{product['id']}", headers=BOB)
    assert read.json()["id"] == product["id"]
    assert client.post(f"{API}/products", json={"name": ""}, headers=BOB).status_code == 422


def scope(platform: Platform, risks: set[str]) -> Callable[[str], CallerAccess]:
    def resolver(caller: str) -> CallerAccess:
        return CallerAccess(stripe=platform.stripe, allowed_risks=frozenset(risks))

    return resolver


WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/payments", {"amount": 500, "customer": "jane@example.com"}),
    ("POST", "/refunds", {"payment": "pi_123"}),
    ("POST", "/subscriptions", {"customer": "jane@example.com", "price": "pro_monthly"}),
    ("POST", "/customers", {"email": "ro@example.com"}),
    ("POST", "/products", {"name": "Read-only widget"}),
    ("PUT", "/customers/cus_123", {"name": "X"}),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_read_only_connection_is_refused_writes_and_nothing_is_sent(
    client: TestClient,
    platform: Platform,
    journal: Any,
    method: str,
    path: str,
    body: dict[str, Any],
) -> None:
    platform.extras["access_resolver"] = scope(platform, {"read"})
    since = len(journal.all())
    headers = {**ALICE, "Idempotency-Key": f"test-{uuid.uuid4().hex}"}
    r = client.request(method, API + path, json=body, headers=headers)
    assert r.status_code == 403
    assert r.json()["error"]["type"] == "not_allowed"
    assert "read-only" in r.json()["error"]["message"]
    assert journal.all()[since:] == []
    assert client.get(f"{API}/balance", headers=ALICE).status_code == 200


def test_a_write_connection_creates_customers_but_moves_no_money(
    client: TestClient, platform: Platform, journal: Any
) -> None:
    platform.extras["access_resolver"] = scope(platform, {"read", "write"})
    customer = client.post(f"{API}/customers", json={"email": unique_email()}, headers=ALICE)
    assert customer.status_code == 201
    since = len(journal.all())
    payment = client.post(
        f"{API}/payments",
        json={"amount": 500, "customer": customer.json()["customer"]["id"]},
        headers={**ALICE, "Idempotency-Key": f"test-{uuid.uuid4().hex}"},
    )
    assert payment.status_code == 403
    assert "create payments" in payment.json()["error"]["message"]
    assert journal.all()[since:] == []


def test_the_callers_own_stripe_connection_is_used(
    client: TestClient, platform: Platform, journal: Any
) -> None:
    connected = platform.stripe.for_account("acct_connected123")
    platform.extras["access_resolver"] = lambda caller: CallerAccess(stripe=connected)
    since = len(journal.all())
    client.get(f"{API}/balance", headers=ALICE)
    sent = [e for e in journal.all()[since:] if e["path"] == "/v1/balance"]
    assert [e["stripe_account"] for e in sent] == ["acct_connected123"]


def test_a_caller_without_a_connection_is_refused(client: TestClient, platform: Platform) -> None:
    platform.extras["access_resolver"] = lambda caller: CallerAccess(stripe=None)
    r = client.get(f"{API}/balance", headers=ALICE)
    assert r.status_code == 403
    assert "connect" in r.json()["error"]["message"]
