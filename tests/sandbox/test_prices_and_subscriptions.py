"""Prices (which localstripe lacks): shape, lookup keys, lists, and subscriptions that use them."""

from __future__ import annotations

import httpx

from .conftest import Shop


def test_a_recurring_price_has_stripes_shape(shop: Shop, api: httpx.Client) -> None:
    product = shop.product("Pro")
    price = shop.price(
        product,
        2900,
        "month",
        lookup_key="pro_monthly",
        nickname="Pro monthly",
        **{"metadata[tier]": "pro", "recurring[interval_count]": "1"},
    )
    assert price["id"].startswith("price_")
    assert price["object"] == "price" and price["type"] == "recurring"
    assert price["recurring"]["interval"] == "month" and price["recurring"]["interval_count"] == 1
    assert (price["unit_amount"], price["currency"], price["product"]) == (2900, "usd", product)
    assert (price["lookup_key"], price["nickname"], price["active"]) == (
        "pro_monthly",
        "Pro monthly",
        True,
    )
    assert price["metadata"] == {"tier": "pro"}
    assert api.get(f"/v1/prices/{price['id']}").json() == price
    expanded = api.get(f"/v1/prices/{price['id']}", params={"expand[]": "product"}).json()
    assert expanded["product"]["name"] == "Pro"


def test_a_price_without_recurring_is_one_time(shop: Shop) -> None:
    price = shop.price(shop.product(), 500, interval=None)
    assert price["type"] == "one_time" and price["recurring"] is None


def test_lookup_keys_are_unique_unless_transferred(shop: Shop, api: httpx.Client) -> None:
    product = shop.product()
    first = shop.price(product, 900, lookup_key="basic_monthly")
    clash = api.post(
        "/v1/prices",
        data={
            "product": product,
            "currency": "usd",
            "unit_amount": 1000,
            "lookup_key": "basic_monthly",
        },
    )
    assert clash.status_code == 400 and clash.json()["error"]["param"] == "lookup_key"
    second = shop.price(product, 1000, lookup_key="basic_monthly", transfer_lookup_key="true")
    assert api.get(f"/v1/prices/{first['id']}").json()["lookup_key"] is None
    found = api.get("/v1/prices", params={"lookup_keys[]": "basic_monthly"}).json()["data"]
    assert [p["id"] for p in found] == [second["id"]]


def test_price_list_filters(shop: Shop, api: httpx.Client) -> None:
    basic, pro = shop.product("Basic"), shop.product("Pro")
    monthly = shop.price(basic, 900, "month", lookup_key="basic_monthly")
    yearly = shop.price(basic, 9000, "year", lookup_key="basic_yearly")
    pro_monthly = shop.price(pro, 2900, "month", lookup_key="pro_monthly")
    shop.ok(api.post(f"/v1/prices/{yearly['id']}", data={"active": "false"}))

    def ids(params: list[tuple[str, str]]) -> set[str]:
        return {p["id"] for p in api.get("/v1/prices", params=params).json()["data"]}

    assert ids([("product", basic)]) == {monthly["id"], yearly["id"]}
    assert ids([("active", "true")]) == {monthly["id"], pro_monthly["id"]}
    assert ids([("lookup_keys[0]", "basic_monthly"), ("lookup_keys[1]", "pro_monthly")]) == {
        monthly["id"],
        pro_monthly["id"],
    }
    assert ids([("recurring[interval]", "year")]) == {yearly["id"]}


def test_a_subscription_by_price_shows_the_price_and_its_period(
    shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    price = shop.price(shop.product(), 2900, "month", lookup_key="pro_monthly")
    sub = shop.ok(
        api.post(
            "/v1/subscriptions",
            data={
                "customer": customer["id"],
                "items[0][price]": price["id"],
                "items[0][quantity]": "2",
                "expand[]": "latest_invoice",
            },
        )
    )
    assert sub["status"] == "active" and sub["customer"] == customer["id"]
    item = sub["items"]["data"][0]
    assert item["price"]["id"] == price["id"] and item["price"]["lookup_key"] == "pro_monthly"
    assert item["quantity"] == 2
    assert sub["current_period_end"] > sub["current_period_start"] > 0
    assert sub["latest_invoice"]["amount_due"] == 5800
    listed = api.get("/v1/subscriptions", params={"price": price["id"]}).json()["data"]
    assert [s["id"] for s in listed] == [sub["id"]]


def test_a_trial_subscription_is_trialing_until_its_trial_ends(
    shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    price = shop.price(shop.product())
    sub = shop.ok(
        api.post(
            "/v1/subscriptions",
            data={
                "customer": customer["id"],
                "items[0][price]": price["id"],
                "trial_period_days": "14",
            },
        )
    )
    assert sub["status"] == "trialing"
    assert sub["trial_end"] - sub["trial_start"] == 14 * 86_400
    assert sub["current_period_end"] == sub["trial_end"]


def test_subscribing_to_an_unknown_or_one_time_price_is_refused(
    shop: Shop, api: httpx.Client
) -> None:
    customer = shop.customer()
    missing = api.post(
        "/v1/subscriptions", data={"customer": customer["id"], "items[0][price]": "price_nope"}
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "resource_missing"
    assert missing.json()["error"]["param"] == "items[0][price]"
    one_time = shop.price(shop.product(), 500, interval=None)
    refused = api.post(
        "/v1/subscriptions", data={"customer": customer["id"], "items[0][price]": one_time["id"]}
    )
    assert refused.status_code == 400 and "one_time" in refused.json()["error"]["message"]


def test_subscribing_a_customer_without_a_payment_method_says_so(
    shop: Shop, api: httpx.Client
) -> None:
    bare = shop.ok(api.post("/v1/customers", data={"name": "No Card"}))
    price = shop.price(shop.product())
    answer = api.post(
        "/v1/subscriptions", data={"customer": bare["id"], "items[0][price]": price["id"]}
    )
    assert answer.status_code == 400
    assert (
        "no attached payment source or default payment method" in answer.json()["error"]["message"]
    )
