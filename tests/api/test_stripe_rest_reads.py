"""GET routes of /api/stripe on the sandbox: auth, reads, filters, cursors, 4xx for bad input."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ALICE, BOB

API = "/api/stripe"


def stripe_requests(journal: Any, since: int) -> list[dict[str, Any]]:
    return [e for e in journal.all()[since:] if str(e["path"]).startswith("/v1/")]


ROUTES = [
    ("GET", "/balance"),
    ("GET", "/account"),
    ("GET", "/health"),
    ("GET", "/payments"),
    ("POST", "/payments"),
    ("GET", "/payments/pi_123"),
    ("GET", "/customers"),
    ("POST", "/customers"),
    ("GET", "/customers/cus_123"),
    ("PUT", "/customers/cus_123"),
    ("GET", "/products"),
    ("POST", "/products"),
    ("GET", "/products/prod_123"),
    ("GET", "/subscriptions"),
    ("POST", "/subscriptions"),
    ("POST", "/refunds"),
]


def test_every_route_refuses_a_missing_or_wrong_api_key(client: TestClient, journal: Any) -> None:
    since = len(journal.all())
    for method, path in ROUTES:
        missing = client.request(method, API + path, json={"amount": 100})
        assert missing.status_code == 401, (method, path)
        assert missing.json()["error"]["type"] == "unauthorized"
        wrong = client.request(method, API + path, json={}, headers={"X-API-Key": "nope"})
        assert wrong.status_code == 401, (method, path)
    assert stripe_requests(journal, since) == []


def test_balance_lists_available_and_pending_amounts_per_currency(client: TestClient) -> None:
    r = client.get(f"{API}/balance", headers=ALICE)
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"available", "pending"}
    assert {a["currency"] for a in body["available"]} >= {"usd"}
    assert all(isinstance(a["amount"], int) for a in body["available"] + body["pending"])


def test_account_describes_the_account_the_caller_acts_on(client: TestClient) -> None:
    r = client.get(f"{API}/account", headers=BOB)
    assert r.status_code == 200
    assert r.json()["id"].startswith("acct_")


def test_health_says_stripe_answers_how_fast_and_in_which_mode(client: TestClient) -> None:
    r = client.get(f"{API}/health", headers=ALICE)
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True
    assert body["mode"] == "sandbox"
    assert body["latency_ms"] >= 0
    assert body["error"] is None


def test_payments_page_through_with_the_cursor(client: TestClient) -> None:
    first = client.get(f"{API}/payments", params={"limit": 5}, headers=ALICE).json()
    assert len(first["data"]) == 5
    assert first["has_more"] is True
    assert first["next_cursor"] == first["data"][-1]["id"]
    second = client.get(
        f"{API}/payments",
        params={"limit": 5, "starting_after": first["next_cursor"]},
        headers=ALICE,
    ).json()
    assert len(second["data"]) == 5
    assert not {p["id"] for p in first["data"]} & {p["id"] for p in second["data"]}
    assert second["data"][0]["created"] <= first["data"][-1]["created"]


def test_payments_filter_like_the_list_payments_skill(
    client: TestClient, refs: dict[str, str]
) -> None:
    params: dict[str, Any] = {"status": "failed", "currency": "usd", "min_amount": 1000}
    params["limit"] = 100
    failed = client.get(f"{API}/payments", params=params, headers=ALICE).json()["data"]
    assert failed
    assert all(
        p["status"] == "failed" and p["currency"] == "usd" and p["amount"] >= 1000 for p in failed
    )
    janes = client.get(
        f"{API}/payments", params={"customer": "jane@example.com", "limit": 100}, headers=ALICE
    ).json()
    assert janes["data"] and janes["has_more"] is False and janes["next_cursor"] is None
    assert {p["customer"] for p in janes["data"]} == {refs["customer.jane.id"]}
    assert refs["payment.usd_succeeded"] in {p["id"] for p in janes["data"]}


def test_payments_filtered_by_dates_stay_within_them(client: TestClient) -> None:
    first = client.get(f"{API}/payments", params={"limit": 1}, headers=ALICE).json()["data"][0]
    day = first["created"][:10]
    same_day = client.get(
        f"{API}/payments",
        params={"created_gte": day, "created_lte": day, "limit": 100},
        headers=ALICE,
    ).json()["data"]
    assert first["id"] in {p["id"] for p in same_day}
    assert all(p["created"][:10] == day for p in same_day)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"created_gte": "yesterday"}, "created_gte"),
        ({"currency": "xyz"}, "currency"),
        ({"status": "lost"}, "status"),
        ({"min_amount": -1}, "min_amount"),
        ({"starting_after": "pi_1/../x"}, "starting_after"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_payment_filters_are_422_and_reach_no_stripe(
    client: TestClient, journal: Any, params: dict[str, Any], field: str
) -> None:
    since = len(journal.all())
    r = client.get(f"{API}/payments", params=params, headers=ALICE)
    assert r.status_code == 422
    assert r.json()["error"]["type"] == "invalid_request"
    assert field in r.json()["error"]["message"]
    assert stripe_requests(journal, since) == []


def test_an_unknown_customer_filter_is_404(client: TestClient) -> None:
    r = client.get(f"{API}/payments", params={"customer": "nobody@nowhere.test"}, headers=ALICE)
    assert r.status_code == 404
    assert "nobody@nowhere.test" in r.json()["error"]["message"]


def test_a_payment_reads_by_payment_intent_or_charge_id(
    client: TestClient, refs: dict[str, str]
) -> None:
    by_pi = client.get(f"{API}/payments/{refs['payment.usd_succeeded']}", headers=ALICE)
    assert by_pi.status_code == 200
    assert by_pi.json()["amount"] == 5000
    assert by_pi.json()["customer"] == refs["customer.jane.id"]
    by_charge = client.get(f"{API}/payments/{refs['charge.usd_succeeded']}", headers=ALICE)
    assert by_charge.status_code == 200
    assert by_charge.json()["amount"] == 5000


def test_payment_ids_are_checked_and_unknown_ones_are_404(client: TestClient) -> None:
    bad = client.get(f"{API}/payments/cus_123", headers=ALICE)
    assert bad.status_code == 422
    assert "payment id" in bad.json()["error"]["message"]
    missing = client.get(f"{API}/payments/pi_doesnotexist", headers=ALICE)
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "not_found"


def test_customers_list_pages_and_filters_by_email(
    client: TestClient, refs: dict[str, str]
) -> None:
    page = client.get(f"{API}/customers", params={"limit": 2}, headers=ALICE).json()
    assert len(page["data"]) == 2 and page["has_more"] is True
    after = client.get(
        f"{API}/customers",
        params={"limit": 2, "starting_after": page["next_cursor"]},
        headers=ALICE,
    ).json()
    assert not {c["id"] for c in page["data"]} & {c["id"] for c in after["data"]}
    jane = client.get(f"{API}/customers", params={"email": "Jane@Example.com"}, headers=ALICE)
    assert [c["id"] for c in jane.json()["data"]] == [refs["customer.jane.id"]]
    assert (
        client.get(f"{API}/customers", params={"email": "jane"}, headers=ALICE).status_code == 422
    )


def test_a_customer_reads_by_id_and_bad_or_unknown_ids_are_4xx(
    client: TestClient, refs: dict[str, str]
) -> None:
    jane = client.get(f"{API}/customers/{refs['customer.jane.id']}", headers=ALICE)
    assert jane.status_code == 200
    assert jane.json()["email"] == "jane@example.com"
    assert client.get(f"{API}/customers/jane", headers=ALICE).status_code == 422
    assert client.get(f"{API}/customers/cus_doesnotexist", headers=ALICE).status_code == 404


def test_products_list_and_read(client: TestClient, refs: dict[str, str]) -> None:
    page = client.get(f"{API}/products", params={"limit": 100}, headers=ALICE).json()
    assert refs["product.pro"] in {p["id"] for p in page["data"]}
    pro = client.get(f"{API}/products/{refs['product.pro']}", headers=ALICE)
    assert pro.status_code == 200
    assert pro.json()["name"] == "Pro"
    assert client.get(f"{API}/products/prod_doesnotexist", headers=ALICE).status_code == 404
    assert client.get(f"{API}/products", params={"limit": 0}, headers=ALICE).status_code == 422


def test_subscriptions_list_by_customer_reference(client: TestClient, refs: dict[str, str]) -> None:
    dana = client.get(
        f"{API}/subscriptions", params={"customer": "dana@studio.io"}, headers=ALICE
    ).json()
    assert dana["data"]
    assert {s["customer"] for s in dana["data"]} == {refs["customer.dana.id"]}
    page = client.get(f"{API}/subscriptions", params={"limit": 1}, headers=ALICE).json()
    assert len(page["data"]) == 1 and page["has_more"] is True
    assert page["next_cursor"] == page["data"][0]["id"]
    ambiguous = client.get(f"{API}/subscriptions", params={"customer": "Alex Kim"}, headers=ALICE)
    assert ambiguous.status_code == 409
    assert len(ambiguous.json()["error"]["candidates"]) == 2


def test_the_openapi_document_takes_request_shapes_from_the_skills(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    templates = {"pi_123": "{payment_id}", "cus_123": "{customer_id}", "prod_123": "{product_id}"}
    for method, path in ROUTES:
        tail = path.rsplit("/", 1)[-1]
        template = path.replace(tail, templates.get(tail, tail))
        assert method.lower() in paths[API + template], (method, path)
    for path, model in (("/payments", "CreatePaymentArgs"), ("/refunds", "RefundPaymentArgs")):
        body = paths[API + path]["post"]["requestBody"]["content"]["application/json"]
        assert body["schema"]["$ref"].endswith(f"/{model}")
