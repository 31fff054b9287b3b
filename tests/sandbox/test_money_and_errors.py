"""Balance, account, kept-aside parameters, refunds, declines and error shapes."""

from __future__ import annotations

import httpx
import pytest

from sandbox.runner import RunningSandbox

from .conftest import DECLINING_CARD, Shop


def test_balance_is_succeeded_charges_minus_refunds_per_currency(
    shop: Shop, api: httpx.Client
) -> None:
    ann = shop.customer("Ann Lee")
    paid = shop.paid(ann, 10_000)
    shop.paid(ann, 2_500)
    shop.paid(ann, 3_000, "eur")
    shop.paid(ann, 700, "jpy")
    shop.ok(shop.refund(paid["id"], 4_000))
    declined = shop.card(DECLINING_CARD, ann["id"])
    assert shop.pay(ann, 50_000, payment_method=declined).status_code == 402

    balance = api.get("/v1/balance").json()
    assert balance["object"] == "balance" and balance["livemode"] is False
    available = {row["currency"]: row for row in balance["available"]}
    assert {c: r["amount"] for c, r in available.items()} == {
        "usd": 8_500,
        "eur": 3_000,
        "jpy": 700,
    }
    assert available["usd"]["source_types"] == {"card": 8_500}
    assert balance["available"][0]["currency"] == "usd"
    assert all(row["amount"] == 0 for row in balance["pending"])


def test_an_empty_account_has_a_zero_usd_balance(api: httpx.Client) -> None:
    balance = api.get("/v1/balance").json()
    assert balance["available"] == [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}]


def test_account_describes_the_sandbox(api: httpx.Client) -> None:
    account = api.get("/v1/account").json()
    assert account["id"].startswith("acct_sandbox") and account["object"] == "account"
    assert (account["default_currency"], account["country"], account["type"]) == (
        "usd",
        "US",
        "standard",
    )
    assert account["business_profile"]["name"] == "ATOM Sandbox"
    assert account["settings"]["dashboard"]["display_name"] == "ATOM Sandbox"
    assert account["charges_enabled"] is True and account["payouts_enabled"] is True
    connected = api.get("/v1/account", headers={"Stripe-Account": "acct_connected1"}).json()
    assert connected["id"] == "acct_connected1"


def test_params_localstripe_refuses_are_kept_and_merged_back(shop: Shop, api: httpx.Client) -> None:
    ann = shop.customer("Ann Lee")
    pi = shop.paid(
        ann,
        4_200,
        description="Order #42",
        receipt_email="ann@example.com",
        statement_descriptor="ATOM ORDER 42",
        **{"payment_method_types[0]": "card", "off_session": "true"},
    )
    assert (pi["description"], pi["receipt_email"]) == ("Order #42", "ann@example.com")
    assert pi["statement_descriptor"] == "ATOM ORDER 42" and pi["payment_method_types"] == ["card"]
    assert "off_session" not in pi
    charge = api.get(f"/v1/charges/{pi['latest_charge']}").json()
    assert charge["description"] == "Order #42"
    listed = api.get("/v1/payment_intents", params={"customer": ann["id"]}).json()["data"]
    assert listed[0]["description"] == "Order #42"
    updated = shop.ok(
        api.post(f"/v1/payment_intents/{pi['id']}", data={"description": "Order #43"})
    )
    assert updated["description"] == "Order #43"
    refund = shop.ok(shop.refund(pi["id"], 200, reason="requested_by_customer"))
    assert refund["reason"] == "requested_by_customer"
    assert api.get(f"/v1/refunds/{refund['id']}").json()["reason"] == "requested_by_customer"


def test_latest_charge_is_an_id_unless_expanded(shop: Shop, api: httpx.Client) -> None:
    pi = shop.paid(shop.customer(), 1_000)
    assert isinstance(pi["latest_charge"], str) and "charges" not in pi
    expanded = api.get(
        f"/v1/payment_intents/{pi['id']}", params={"expand[0]": "latest_charge"}
    ).json()
    assert expanded["latest_charge"]["id"] == pi["latest_charge"]
    listed = api.get("/v1/payment_intents", params={"expand[]": "data.latest_charge"}).json()
    assert listed["data"][0]["latest_charge"]["amount"] == 1_000


def test_refund_defaults_to_what_remains(shop: Shop) -> None:
    pi = shop.paid(shop.customer(), 10_000)
    shop.ok(shop.refund(pi["id"], 2_500))
    rest = shop.ok(shop.refund(pi["id"]))
    assert rest["amount"] == 7_500 and rest["payment_intent"] == pi["id"]


def test_over_refund_and_repeat_refund_are_refused_as_stripe_does(shop: Shop) -> None:
    pi = shop.paid(shop.customer(), 10_000)
    shop.ok(shop.refund(pi["id"], 2_500))
    too_much = shop.refund(pi["id"], 8_000)
    assert too_much.status_code == 400
    error = too_much.json()["error"]
    assert error["type"] == "invalid_request_error" and error["param"] == "amount"
    assert error["message"] == (
        "Refund amount ($80.00) is greater than unrefunded amount on charge ($75.00)"
    )
    shop.ok(shop.refund(pi["id"]))
    again = shop.refund(pi["id"], 100)
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "charge_already_refunded"


def test_refund_by_charge_also_names_the_payment_intent(shop: Shop, api: httpx.Client) -> None:
    pi = shop.paid(shop.customer(), 3_000)
    refund = shop.ok(api.post("/v1/refunds", data={"charge": pi["latest_charge"], "amount": 1_000}))
    assert refund["charge"] == pi["latest_charge"] and refund["payment_intent"] == pi["id"]


def test_a_decline_is_a_card_error_carrying_the_failed_payment_intent(
    shop: Shop, api: httpx.Client
) -> None:
    ann = shop.customer()
    declining = shop.card(DECLINING_CARD, ann["id"])
    answer = shop.pay(ann, 5_000, payment_method=declining, description="Doomed")
    assert answer.status_code == 402
    error = answer.json()["error"]
    assert (error["type"], error["code"], error["decline_code"]) == (
        "card_error",
        "card_declined",
        "generic_decline",
    )
    pi = error["payment_intent"]
    assert pi["status"] == "requires_payment_method" and pi["description"] == "Doomed"
    assert pi["last_payment_error"]["code"] == "card_declined"
    assert api.get(f"/v1/payment_intents/{pi['id']}").json()["status"] == "requires_payment_method"
    refund = shop.refund(pi["id"])
    assert (
        refund.status_code == 400
        and "does not have a successful charge" in refund.json()["error"]["message"]
    )


@pytest.mark.parametrize(
    ("method", "path", "data", "message", "param"),
    [
        ("GET", "/v1/customers/cus_x", None, "No such customer: 'cus_x'", "id"),
        ("GET", "/v1/payment_intents/pi_x", None, "No such payment_intent: 'pi_x'", "id"),
        ("GET", "/v1/prices/price_x", None, "No such price: 'price_x'", "id"),
        ("POST", "/v1/refunds", {"payment_intent": "pi_x"},
         "No such payment_intent: 'pi_x'", "payment_intent"),
        ("POST", "/v1/payment_intents", {"amount": 5, "currency": "usd", "customer": "cus_x"},
         "No such customer: 'cus_x'", "customer"),
    ],
)  # fmt: skip
def test_missing_objects_are_resource_missing_404s(
    api: httpx.Client,
    method: str,
    path: str,
    data: dict[str, object] | None,
    message: str,
    param: str,
) -> None:
    answer = api.request(method, path, data=data)
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error == {**error, "type": "invalid_request_error", "code": "resource_missing"}
    assert (error["message"], error["param"]) == (message, param)


def test_unknown_parameters_and_urls_and_keys_are_refused(
    empty_sandbox: RunningSandbox, api: httpx.Client
) -> None:
    unknown = api.post(
        "/v1/payment_intents", data={"amount": 5, "currency": "usd", "colour": "red"}
    )
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "parameter_unknown"
    assert api.get("/v1/no_such_things").status_code == 404
    bad_key = empty_sandbox.control("GET", "/v1/customers", auth=("sk_test_wrong", ""))
    assert bad_key.status_code == 401 and bad_key.json()["error"]["type"] == "invalid_request_error"
    no_key = empty_sandbox.control("GET", "/v1/customers")
    assert no_key.status_code == 401
