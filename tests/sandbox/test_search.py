"""Search over customers and PaymentIntents with a subset of Stripe's query language."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import Shop


@pytest.fixture
def people(shop: Shop) -> dict[str, dict[str, Any]]:
    return {
        "jane": shop.customer("Jane Cooper", "jane@example.com", **{"metadata[plan]": "pro"}),
        "alex1": shop.customer("Alex Kim", "alex.kim@example.com"),
        "alex2": shop.customer("Alex Kim", "akim@northwind.dev", **{"metadata[plan]": "basic"}),
        "dana": shop.customer("Dana Whitfield", "dana@studio.io"),
    }


def search(
    api: httpx.Client, query: str, resource: str = "customers", **extra: Any
) -> httpx.Response:
    return api.get(f"/v1/{resource}/search", params={"query": query, **extra})


def found(api: httpx.Client, query: str, resource: str = "customers") -> set[str]:
    answer = search(api, query, resource)
    assert answer.status_code == 200, answer.text
    return {o["id"] for o in answer.json()["data"]}


def test_exact_email_is_case_insensitive(api: httpx.Client, people: dict[str, Any]) -> None:
    assert found(api, "email:'JANE@Example.com'") == {people["jane"]["id"]}


def test_name_exact_finds_namesakes(api: httpx.Client, people: dict[str, Any]) -> None:
    assert found(api, "name:'alex kim'") == {people["alex1"]["id"], people["alex2"]["id"]}


def test_substring_match(api: httpx.Client, people: dict[str, Any]) -> None:
    assert found(api, "email~'northwind'") == {people["alex2"]["id"]}
    assert found(api, "name~'whit'") == {people["dana"]["id"]}


def test_metadata_and_or_and_negation(api: httpx.Client, people: dict[str, Any]) -> None:
    assert found(api, "metadata['plan']:'pro'") == {people["jane"]["id"]}
    assert found(api, "name:'Alex Kim' AND metadata['plan']:'basic'") == {people["alex2"]["id"]}
    assert found(api, "email:'dana@studio.io' OR email:'jane@example.com'") == {
        people["dana"]["id"],
        people["jane"]["id"],
    }
    assert found(api, "name:'Alex Kim' AND -email:'akim@northwind.dev'") == {people["alex1"]["id"]}


def test_result_shape_and_paging(api: httpx.Client, people: dict[str, Any]) -> None:
    first = search(api, "email~'example'", limit=1).json()
    assert first["object"] == "search_result" and first["url"] == "/v1/customers/search"
    assert first["has_more"] is True and isinstance(first["next_page"], str)
    second = search(api, "email~'example'", limit=1, page=first["next_page"]).json()
    assert second["has_more"] is False and second["next_page"] is None
    ids = {first["data"][0]["id"], second["data"][0]["id"]}
    assert ids == {people["jane"]["id"], people["alex1"]["id"]}


@pytest.mark.parametrize(
    "query",
    [
        "name:'a' AND email:'b' OR email:'c'",  # Stripe refuses mixing AND and OR
        "favourite_colour:'blue'",
        "name~'ab'",  # substring needs 3 characters
        "name:",
    ],
)
def test_invalid_queries_are_refused(api: httpx.Client, query: str) -> None:
    answer = search(api, query)
    assert answer.status_code == 400
    assert answer.json()["error"]["param"] == "query"


def test_payment_intent_search(shop: Shop, api: httpx.Client) -> None:
    ann = shop.customer("Ann Lee")
    small = shop.paid(ann, 1500, **{"metadata[order]": "A1"})
    big = shop.paid(ann, 9000, "eur")
    assert found(api, "amount>5000", "payment_intents") == {big["id"]}
    assert found(api, "currency:'eur' AND status:'succeeded'", "payment_intents") == {big["id"]}
    assert found(api, f"customer:'{ann['id']}' AND amount<=1500", "payment_intents") == {
        small["id"]
    }
    assert found(api, "metadata['order']:'A1'", "payment_intents") == {small["id"]}
