"""Backdated `created` times, and lists with Stripe's filters, order and cursor pagination."""

from __future__ import annotations

import time

import httpx
import pytest

from sandbox.runner import RunningSandbox

from .conftest import DECLINING_CARD, Shop

DAY = 86_400


def test_backdating_rewrites_created_everywhere_the_object_appears(
    empty_sandbox: RunningSandbox, shop: Shop, api: httpx.Client
) -> None:
    pi = shop.paid(shop.customer(), 2500)
    charge = pi["latest_charge"]
    then = int(time.time()) - 30 * DAY
    shop.backdate({pi["id"]: then, charge: then + 5})

    fetched = api.get(f"/v1/payment_intents/{pi['id']}", params={"expand[]": "latest_charge"})
    assert fetched.json()["created"] == then
    assert fetched.json()["latest_charge"]["created"] == then + 5
    assert api.get(f"/v1/charges/{charge}").json()["created"] == then + 5
    listed = api.get("/v1/payment_intents").json()["data"]
    assert [p["created"] for p in listed] == [then]


def test_created_filters_apply_to_backdated_times(
    empty_sandbox: RunningSandbox, shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    now = int(time.time())
    ages = {shop.paid(customer, 1000 + i)["id"]: now - i * DAY for i in range(1, 6)}
    shop.backdate(ages)

    def ids(**created: int) -> set[str]:
        params = {f"created[{op}]": ts for op, ts in created.items()}
        return {p["id"] for p in api.get("/v1/payment_intents", params=params).json()["data"]}

    by_age = sorted(ages, key=lambda pid: -ages[pid])  # newest first
    assert ids(gte=now - 2 * DAY) == set(by_age[:2])
    assert ids(gt=now - 2 * DAY) == set(by_age[:1])
    assert ids(lt=now - 4 * DAY) == set(by_age[4:])
    assert ids(gte=now - 4 * DAY, lte=now - 2 * DAY) == set(by_age[1:4])
    exact = api.get("/v1/payment_intents", params={"created": now - 3 * DAY}).json()["data"]
    assert [p["id"] for p in exact] == [by_age[2]]


def test_lists_filter_by_customer_email_payment_and_charge(shop: Shop, api: httpx.Client) -> None:
    ann, bob = shop.customer("Ann Lee"), shop.customer("Bob Ray")
    ann_pays = [shop.paid(ann, 1000)["id"], shop.paid(ann, 2000)["id"]]
    bob_pay = shop.paid(bob, 3000)
    refund = shop.ok(shop.refund(bob_pay["id"], 500))

    def ids(path: str, **params: str) -> list[str]:
        return [o["id"] for o in api.get(path, params=params).json()["data"]]

    assert sorted(ids("/v1/payment_intents", customer=ann["id"])) == sorted(ann_pays)
    assert ids("/v1/customers", email="bob.ray@example.com") == [bob["id"]]
    assert ids("/v1/customers", email="BOB.RAY@example.com") == []  # Stripe's filter is exact
    assert ids("/v1/charges", payment_intent=bob_pay["id"]) == [bob_pay["latest_charge"]]
    assert ids("/v1/charges", customer=ann["id"]) != []
    assert ids("/v1/refunds", payment_intent=bob_pay["id"]) == [refund["id"]]
    assert ids("/v1/refunds", charge=bob_pay["latest_charge"]) == [refund["id"]]
    assert ids("/v1/refunds", payment_intent=ann_pays[0]) == []


def test_objects_created_in_the_same_second_list_newest_first(
    shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    made = [shop.paid(customer, amount)["id"] for amount in (100, 200, 300, 400)]
    declined = shop.pay(customer, 500, payment_method=shop.card(DECLINING_CARD, customer["id"]))
    made.append(declined.json()["error"]["payment_intent"]["id"])
    listed = api.get("/v1/payment_intents").json()["data"]
    assert [p["id"] for p in listed] == made[::-1]


def test_pagination_walks_past_100_without_gaps_or_repeats(seeded_api: httpx.Client) -> None:
    seen: list[dict[str, int | str]] = []
    params: dict[str, str | int] = {"limit": 100}
    while True:
        page = seeded_api.get("/v1/payment_intents", params=params).json()
        seen += page["data"]
        if not page["has_more"]:
            break
        params["starting_after"] = page["data"][-1]["id"]
    assert len(seen) > 200
    assert len({p["id"] for p in seen}) == len(seen)
    keys = [(p["created"], p["id"]) for p in seen]
    assert keys == sorted(keys, reverse=True)


def test_ending_before_returns_the_page_just_newer_than_the_cursor(
    seeded_api: httpx.Client,
) -> None:
    newest = seeded_api.get("/v1/payment_intents", params={"limit": 30}).json()["data"]
    page = seeded_api.get(
        "/v1/payment_intents", params={"limit": 10, "ending_before": newest[25]["id"]}
    ).json()
    assert [p["id"] for p in page["data"]] == [p["id"] for p in newest[15:25]]
    assert page["has_more"] is True


def test_default_limit_is_ten_and_has_more_says_whether_more_exist(
    seeded_api: httpx.Client,
) -> None:
    page = seeded_api.get("/v1/customers").json()
    assert page["object"] == "list" and page["url"] == "/v1/customers"
    assert len(page["data"]) == 10 and page["has_more"] is True


@pytest.mark.parametrize(
    ("params", "param", "code"),
    [
        ({"limit": 101}, "limit", None),
        ({"limit": 0}, "limit", None),
        ({"colour": "red"}, "colour", "parameter_unknown"),
        ({"created[after]": 5}, "created[after]", "parameter_unknown"),
        ({"transfer_group": "g"}, "transfer_group", None),
    ],
)
def test_bad_list_params_are_refused_as_stripe_refuses_them(
    api: httpx.Client, params: dict[str, object], param: str, code: str | None
) -> None:
    answer = api.get("/v1/charges", params=params)  # type: ignore[arg-type]
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert error.get("code") == code


def test_subscription_list_hides_canceled_unless_asked(shop: Shop, api: httpx.Client) -> None:
    customer = shop.customer()
    price = shop.price(shop.product())
    sub = shop.ok(
        api.post(
            "/v1/subscriptions", data={"customer": customer["id"], "items[0][price]": price["id"]}
        )
    )
    assert api.delete(f"/v1/subscriptions/{sub['id']}").json()["status"] == "canceled"
    assert api.get("/v1/subscriptions").json()["data"] == []
    everything = api.get("/v1/subscriptions", params={"status": "all"}).json()["data"]
    assert [s["id"] for s in everything] == [sub["id"]]
    canceled = api.get("/v1/subscriptions", params={"status": "canceled"}).json()["data"]
    assert [s["status"] for s in canceled] == ["canceled"]
