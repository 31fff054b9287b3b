"""The official `stripe` SDK accepts the gateway's answers as it accepts Stripe's."""

from __future__ import annotations

import time

import pytest
import stripe

from sandbox.runner import RunningSandbox


@pytest.fixture
def client(sandbox: RunningSandbox) -> stripe.StripeClient:
    return stripe.StripeClient(
        sandbox.api_key, base_addresses={"api": sandbox.url}, max_network_retries=0
    )


def test_sdk_retrieves_lists_and_refunds_idempotently(
    sandbox: RunningSandbox, client: stripe.StripeClient
) -> None:
    refs = sandbox.refs
    jane = client.v1.customers.retrieve(refs["customer.jane.id"])
    assert isinstance(jane, stripe.Customer) and jane.email == "jane@example.com"

    week_ago = int(time.time()) - 7 * 86_400
    recent = client.v1.payment_intents.list(
        params={"created": {"gte": week_ago}, "customer": jane.id, "limit": 100}
    )
    assert refs["payment.usd_succeeded"] in {pi.id for pi in recent.data}
    assert all(pi.created >= week_ago for pi in recent.data)

    pm = jane.invoice_settings.default_payment_method if jane.invoice_settings else None
    assert isinstance(pm, str)
    pi = client.v1.payment_intents.create(
        params={
            "amount": 3000,
            "currency": "usd",
            "customer": jane.id,
            "payment_method": pm,
            "confirm": True,
            "off_session": True,
            "description": "SDK test",
        },
        options={"idempotency_key": "sdk-test-pi"},
    )
    params: stripe.RefundService.CreateParams = {"payment_intent": pi.id, "amount": 1200}
    first = client.v1.refunds.create(params=params, options={"idempotency_key": "sdk-refund"})
    again = client.v1.refunds.create(params=params, options={"idempotency_key": "sdk-refund"})
    assert isinstance(first, stripe.Refund) and first.id == again.id and first.amount == 1200
    charge = client.v1.charges.retrieve(str(pi.latest_charge))
    assert charge.amount_refunded == 1200


def test_sdk_raises_the_right_exceptions(
    empty_sandbox: RunningSandbox,
) -> None:
    client = stripe.StripeClient(
        empty_sandbox.api_key, base_addresses={"api": empty_sandbox.url}, max_network_retries=2
    )
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.customers.retrieve("cus_nope")
    assert missing.value.code == "resource_missing" and missing.value.http_status == 404

    empty_sandbox.control(
        "POST",
        "/_sandbox/faults",
        json={"path_prefix": "/v1/balance", "status": 429, "count": 1},
    ).raise_for_status()
    with pytest.raises(stripe.RateLimitError):
        client.v1.balance.retrieve()  # Stripe-Should-Retry: false, so no retry despite 2 allowed
    balance = client.v1.balance.retrieve()
    assert balance.available[0].currency == "usd"
    account = client.v1.accounts.retrieve_current()
    assert account.business_profile is not None and account.business_profile.name == "ATOM Sandbox"
