"""StripeService: typed reads and writes over the official SDK, against the sandbox over HTTP.

One client per connected account, reused; lists stream 100 per request up to a hard cap; every
write carries an idempotency key derived from the action, so a retried action replays.
"""

from __future__ import annotations

import math

import httpx
import pytest
import stripe
from pydantic import SecretStr

from sandbox.runner import RunningSandbox
from skills.errors import InvalidArguments, NotFound
from skills.settings import StripeSettings
from skills.stripe_service import PAGE_SIZE, StripeService, idempotency_key
from tests.skills.conftest import Sent, Shop, raw_payment_intents, run_skill

# --- idempotency keys ----------------------------------------------------------------------


def test_the_same_action_and_operation_always_give_the_same_key() -> None:
    assert idempotency_key("act_1", "refund_payment") == idempotency_key("act_1", "refund_payment")


def test_another_action_or_operation_gives_another_key() -> None:
    key = idempotency_key("act_1", "refund_payment")
    assert idempotency_key("act_2", "refund_payment") != key
    assert idempotency_key("act_1", "create_payment") != key


def test_without_an_action_id_every_key_is_new() -> None:
    assert idempotency_key(None, "create_customer") != idempotency_key(None, "create_customer")


def test_a_write_sends_the_key_derived_from_its_action_id(shop: Shop) -> None:
    shop.service.create_customer({"name": "Keyed Person"}, action_id="act_keyed")
    [post] = shop.sent.entries("POST", "/v1/customers")
    assert post["idempotency_key"] == idempotency_key("act_keyed", "create_customer")


def test_a_repeated_write_with_one_action_id_is_replayed_not_redone(shop: Shop) -> None:
    first = shop.service.create_customer({"email": "once@example.com"}, action_id="act_once")
    again = shop.service.create_customer({"email": "once@example.com"}, action_id="act_once")
    assert again.id == first.id
    assert [e["replayed"] for e in shop.sent.entries("POST", "/v1/customers")] == [False, True]
    assert len(shop.service.customers_by_email("once@example.com")) == 1


def test_every_write_the_skills_send_carries_an_idempotency_key(shop: Shop) -> None:
    shop.price("pro_monthly", 2900)
    customer = shop.customer("Every Write", "every@example.com")
    writes = Sent(shop.url)  # from here on, only what the skills send
    run_skill(shop.ctx, "create_customer", {"name": "Another One"})
    payment = run_skill(shop.ctx, "create_payment", {"amount": 1200, "customer": customer})
    run_skill(shop.ctx, "refund_payment", {"payment": payment.payment.id})
    run_skill(shop.ctx, "create_subscription", {"customer": customer, "price": "pro_monthly"})
    posts = writes.entries("POST")
    assert [p["path"] for p in posts] == [
        "/v1/customers",
        "/v1/payment_intents",
        "/v1/refunds",
        "/v1/subscriptions",
    ]
    assert all(str(p["idempotency_key"]).startswith("atom-") for p in posts)


# --- construction and connected accounts --------------------------------------------------


def test_a_service_without_an_api_key_refuses_to_start() -> None:
    with pytest.raises(InvalidArguments, match="STRIPE_API_KEY"):
        StripeService(StripeSettings(api_key=None))


def test_for_account_reuses_one_service_per_account(stripe_service: StripeService) -> None:
    acme = stripe_service.for_account("acct_acme000000001")
    assert stripe_service.for_account("acct_acme000000001") is acme
    assert stripe_service.for_account("acct_other00000002") is not acme
    assert acme.account == "acct_acme000000001"


def test_for_account_without_an_account_is_the_service_itself(
    stripe_service: StripeService,
) -> None:
    assert stripe_service.for_account(None) is stripe_service
    assert stripe_service.for_account(stripe_service.account) is stripe_service


def test_a_connected_account_service_sends_the_stripe_account_header(
    stripe_service: StripeService, sent: Sent
) -> None:
    stripe_service.for_account("acct_acme000000001").get_balance()
    stripe_service.get_balance()
    accounts = [e["stripe_account"] for e in sent.entries("GET", "/v1/balance")]
    assert accounts == ["acct_acme000000001", None]


def test_a_connected_account_is_read_as_itself(stripe_service: StripeService) -> None:
    assert stripe_service.for_account("acct_acme000000001").get_account().id == "acct_acme000000001"


# --- lists: streaming with a hard cap ------------------------------------------------------


def test_stream_payments_reads_every_payment_one_request_per_hundred(
    sandbox: RunningSandbox, stripe_service: StripeService, sent: Sent
) -> None:
    expected = [p["id"] for p in raw_payment_intents(sandbox.url, sandbox.api_key)]
    sent.mark()
    streamed = [p.id for p in stripe_service.stream_payments()]
    assert streamed == expected
    pages = sent.entries("GET", "/v1/payment_intents")
    assert len(pages) == math.ceil(len(expected) / PAGE_SIZE) > 1
    cursors = [httpx.QueryParams(e["raw_params"]).get("starting_after") for e in pages]
    assert cursors == [None] + [expected[PAGE_SIZE * i - 1] for i in range(1, len(pages))]


@pytest.mark.parametrize(("cap", "requests"), [(5, 1), (100, 1), (150, 2)])
def test_stream_payments_stops_at_the_cap(
    stripe_service: StripeService, sent: Sent, cap: int, requests: int
) -> None:
    assert len(list(stripe_service.stream_payments(cap=cap))) == cap
    pages = sent.entries("GET", "/v1/payment_intents")
    assert len(pages) == requests
    assert httpx.QueryParams(pages[0]["raw_params"])["limit"] == str(min(cap, PAGE_SIZE))


def test_stream_payments_filters_by_customer(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    janes = list(stripe_service.stream_payments(customer=refs["customer.jane.id"]))
    assert {p.customer for p in janes} == {refs["customer.jane.id"]}
    assert refs["payment.jane_last"] in {p.id for p in janes}


def test_customers_by_email_stops_at_its_cap(shop: Shop) -> None:
    for name in ("Twin One", "Twin Two", "Twin Three"):
        shop.service.create_customer({"name": name, "email": "twins@example.com"})
    assert len(shop.service.customers_by_email("twins@example.com")) == 3
    assert len(shop.service.customers_by_email("twins@example.com", cap=2)) == 2


# --- typed reads ---------------------------------------------------------------------------


def test_a_payment_reads_the_same_by_payment_intent_and_by_charge(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    by_pi = stripe_service.get_payment(refs["payment.usd_succeeded"])
    by_charge = stripe_service.get_payment(refs["charge.usd_succeeded"])
    assert (by_pi.amount, by_pi.currency, by_pi.status) == (5000, "usd", "succeeded")
    assert by_pi.customer == by_charge.customer == refs["customer.jane.id"]
    assert by_pi.charge == by_charge.id == refs["charge.usd_succeeded"]
    assert (by_charge.amount, by_charge.status) == (5000, "succeeded")


def test_a_payment_knows_what_was_refunded_and_what_remains(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    partly = stripe_service.get_payment(refs["payment.partly_refunded"])
    assert (partly.status, partly.amount_refunded, partly.refundable) == ("succeeded", 2500, 7500)
    fully = stripe_service.get_payment(refs["payment.fully_refunded"])
    assert (fully.status, fully.refundable) == ("refunded", 0)


def test_a_declined_payment_reads_as_failed_with_its_reason(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    failed = stripe_service.get_payment(refs["payment.failed"])
    assert (failed.status, failed.refundable) == ("failed", 0)
    assert failed.failure_message


def test_a_zero_decimal_payment_keeps_whole_units(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    jpy = stripe_service.get_payment(refs["payment.jpy_succeeded"])
    assert (jpy.amount, jpy.currency) == (3500, "jpy")


def test_a_price_is_found_by_its_lookup_key_or_not_at_all(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    price = stripe_service.price_by_lookup_key("pro_monthly")
    assert price is not None
    assert (price.id, price.unit_amount, price.interval) == (
        refs["price.pro_monthly"],
        2900,
        "month",
    )
    assert stripe_service.price_by_lookup_key("no_such_key") is None


def test_a_customer_is_read_with_its_fields(
    stripe_service: StripeService, refs: dict[str, str]
) -> None:
    jane = stripe_service.get_customer(refs["customer.jane.id"])
    assert (jane.name, jane.email) == ("Jane Cooper", "jane@example.com")
    assert jane.label == f"Jane Cooper <jane@example.com> ({jane.id})"


def test_a_deleted_customer_is_not_found(shop: Shop) -> None:
    gone = shop.service.create_customer({"name": "Soon Gone"})
    assert shop.api.delete(f"/v1/customers/{gone.id}").status_code == 200
    with pytest.raises(NotFound):
        shop.service.get_customer(gone.id)


def test_the_balance_is_typed_per_currency(stripe_service: StripeService) -> None:
    balance = stripe_service.get_balance()
    assert {a.currency for a in balance.available} >= {"usd", "eur", "jpy"}
    assert all(isinstance(a.amount, int) for a in balance.available + balance.pending)


def test_the_sandbox_key_is_never_the_global_stripe_key(sandbox: RunningSandbox) -> None:
    service = StripeService(
        StripeSettings(api_key=SecretStr(sandbox.api_key), api_base=sandbox.url)
    )
    service.get_balance()
    assert stripe.api_key != sandbox.api_key
