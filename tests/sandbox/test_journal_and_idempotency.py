"""The journal records every Stripe request; idempotency keys replay the first answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from sandbox.runner import RunningSandbox

from .conftest import Shop, client_for


def test_journal_records_each_v1_request_with_its_raw_params(
    empty_sandbox: RunningSandbox, api: httpx.Client
) -> None:
    api.post(
        "/v1/customers",
        data={"name": "Ann", "metadata[tier]": "gold"},
        headers={"Idempotency-Key": "key-1", "Stripe-Account": "acct_123"},
    )
    api.get("/v1/customers", params={"limit": 3})
    api.get("/v1/customers/cus_missing")
    empty_sandbox.control("GET", "/_sandbox/manifest")  # control paths are not journaled

    entries = empty_sandbox.journal()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("POST", "/v1/customers", 200),
        ("GET", "/v1/customers", 200),
        ("GET", "/v1/customers/cus_missing", 404),
    ]
    first = entries[0]
    assert first["raw_params"] == "name=Ann&metadata%5Btier%5D=gold"
    assert first["idempotency_key"] == "key-1"
    assert first["stripe_account"] == "acct_123"
    assert entries[1]["raw_params"] == "limit=3"


def test_deleting_the_journal_empties_it(empty_sandbox: RunningSandbox, api: httpx.Client) -> None:
    api.get("/v1/customers")
    empty_sandbox.clear_journal()
    assert empty_sandbox.journal() == []


def test_a_repeated_key_replays_the_first_answer_without_a_second_object(
    empty_sandbox: RunningSandbox, shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    pi = shop.paid(customer, 5000)
    first = api.post(
        "/v1/refunds",
        data={"payment_intent": pi["id"], "amount": 1000},
        headers={"Idempotency-Key": "refund-1"},
    )
    again = api.post(
        "/v1/refunds",
        data={"payment_intent": pi["id"], "amount": 1000},
        headers={"Idempotency-Key": "refund-1"},
    )
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    refunds = api.get("/v1/refunds", params={"payment_intent": pi["id"]}).json()["data"]
    assert [r["id"] for r in refunds] == [first.json()["id"]]
    replays = [e["replayed"] for e in empty_sandbox.journal() if e["idempotency_key"] == "refund-1"]
    assert replays == [False, True]


def test_a_reused_key_with_other_params_is_an_idempotency_error(api: httpx.Client) -> None:
    api.post("/v1/customers", data={"name": "A"}, headers={"Idempotency-Key": "k"})
    clash = api.post("/v1/customers", data={"name": "B"}, headers={"Idempotency-Key": "k"})
    assert clash.status_code == 400
    assert clash.json()["error"]["type"] == "idempotency_error"
    assert "'k'" in clash.json()["error"]["message"]


def test_keys_are_scoped_per_connected_account(api: httpx.Client) -> None:
    one = api.post("/v1/customers", data={"name": "A"}, headers={"Idempotency-Key": "k"})
    other = api.post(
        "/v1/customers",
        data={"name": "A"},
        headers={"Idempotency-Key": "k", "Stripe-Account": "acct_other"},
    )
    assert one.json()["id"] != other.json()["id"]


def test_concurrent_requests_with_one_key_create_exactly_one_object(
    empty_sandbox: RunningSandbox, api: httpx.Client
) -> None:
    def create(_: int) -> str:
        with client_for(empty_sandbox) as client:
            answer = client.post(
                "/v1/customers", data={"name": "Racer"}, headers={"Idempotency-Key": "race"}
            )
            assert answer.status_code == 200
            return str(answer.json()["id"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(create, range(8)))
    assert len(ids) == 1
    listed = api.get("/v1/customers", params={"limit": 100}).json()["data"]
    assert [c["id"] for c in listed] == list(ids)
    raced = [e["replayed"] for e in empty_sandbox.journal() if e["idempotency_key"] == "race"]
    assert sorted(raced) == [False] + [True] * 7


def test_a_refused_request_is_not_remembered_so_its_key_can_be_reused(
    shop: Shop, api: httpx.Client
) -> None:
    pi = shop.paid(shop.customer(), 1000)
    key = {"Idempotency-Key": "r"}
    refused = api.post(
        "/v1/refunds", data={"payment_intent": pi["id"], "reason": "bored"}, headers=key
    )
    assert refused.status_code == 400
    accepted = api.post(
        "/v1/refunds", data={"payment_intent": pi["id"], "reason": "duplicate"}, headers=key
    )
    assert accepted.status_code == 200
    assert accepted.json()["reason"] == "duplicate"
