"""Stripe's failures reach callers as the domain's errors, each saying whether anything changed.

A 4xx means Stripe refused, so nothing changed. A 5xx or an unreachable Stripe during a read
changed nothing either; during a write the outcome is unknown, and the message says that a
retry of the same action is safe (it carries the same idempotency key).
"""

from __future__ import annotations

import socket

import pytest

from sandbox.runner import RunningSandbox
from skills.base import SkillContext
from skills.errors import (
    NotFound,
    PaymentDeclined,
    RateLimited,
    StripeAuthError,
    StripeInvalidRequest,
    StripeUnavailable,
)
from skills.stripe_service import StripeService
from tests.conftest import service_settings
from tests.skills.conftest import DECLINING_CARD, Inject, Sent, Shop, run_skill

NOTHING_CHANGED = "Nothing was changed."
UNKNOWN = "not known whether the change went through"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def down_service() -> StripeService:
    """A service whose Stripe is down: a loopback port nothing listens on, no retries."""
    url = f"http://127.0.0.1:{_closed_port()}"
    return StripeService(service_settings(url, "sk_test_down", request_timeout=2))


# --- Stripe failing: 5xx, 429 --------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_on_a_read_is_unavailable_and_changed_nothing(
    stripe_service: StripeService, faults: Inject, status: int
) -> None:
    faults("/v1/balance", status)
    with pytest.raises(StripeUnavailable) as caught:
        stripe_service.get_balance()
    assert caught.value.changed == "no"
    assert caught.value.user_message.endswith(NOTHING_CHANGED)


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_on_a_write_leaves_the_outcome_unknown(shop: Shop, status: int) -> None:
    shop.inject("/v1/customers", status, method="POST")
    with pytest.raises(StripeUnavailable) as caught:
        run_skill(shop.ctx, "create_customer", {"email": "maybe@example.com"})
    assert caught.value.changed == "unknown"
    assert UNKNOWN in caught.value.user_message
    assert "retrying the same action is safe" in caught.value.user_message


def test_a_write_retried_after_a_server_error_with_its_action_id_happens_once(shop: Shop) -> None:
    shop.ctx.action_id = "act_retry_after_503"
    shop.inject("/v1/customers", 503, method="POST")
    with pytest.raises(StripeUnavailable):
        run_skill(shop.ctx, "create_customer", {"email": "retry@example.com"})
    run_skill(shop.ctx, "create_customer", {"email": "retry@example.com"})
    keys = {e["idempotency_key"] for e in shop.sent.entries("POST", "/v1/customers")}
    assert len(keys) == 1
    assert len(shop.service.customers_by_email("retry@example.com")) == 1


def test_a_rate_limit_is_rate_limited(
    stripe_service: StripeService, faults: Inject, sent: Sent
) -> None:
    faults("/v1/balance", 429)
    with pytest.raises(RateLimited) as caught:
        stripe_service.get_balance()
    assert caught.value.code == "rate_limited"
    assert caught.value.changed == "no"
    assert [e["status"] for e in sent.entries("GET", "/v1/balance")] == [429]


def test_a_skill_reading_during_a_fault_raises_the_mapped_error(
    ctx: SkillContext, faults: Inject
) -> None:
    faults("/v1/payment_intents", 503, method="GET")
    with pytest.raises(StripeUnavailable) as caught:
        run_skill(ctx, "list_payments", {"status": "failed"})
    assert caught.value.user_message.endswith(NOTHING_CHANGED)


# --- Stripe unreachable --------------------------------------------------------------------


def test_an_unreachable_stripe_on_a_read_says_nothing_changed(
    down_service: StripeService,
) -> None:
    with pytest.raises(StripeUnavailable) as caught:
        down_service.get_balance()
    assert "could not be reached" in caught.value.message
    assert caught.value.changed == "no"
    assert caught.value.user_message.endswith(NOTHING_CHANGED)


def test_an_unreachable_stripe_on_a_write_says_the_outcome_is_unknown(
    down_service: StripeService,
) -> None:
    with pytest.raises(StripeUnavailable) as caught:
        down_service.create_customer({"name": "Nobody"}, action_id="act_down")
    assert caught.value.changed == "unknown"
    assert UNKNOWN in caught.value.user_message


# --- Stripe refusing: 4xx ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "missing"),
    [
        ("get_customer", "cus_missing000000"),
        ("get_payment", "pi_missing000000"),
        ("get_payment", "ch_missing000000"),
        ("get_price", "price_missing000000"),
        ("get_product", "prod_missing000000"),
    ],
)
def test_a_missing_object_is_not_found(
    stripe_service: StripeService, read: str, missing: str
) -> None:
    with pytest.raises(NotFound) as caught:
        getattr(stripe_service, read)(missing)
    assert missing in caught.value.message
    assert caught.value.changed == "no"


def test_a_wrong_api_key_is_an_auth_error(sandbox: RunningSandbox) -> None:
    service = StripeService(service_settings(sandbox.url, "sk_test_not_the_sandbox_key"))
    with pytest.raises(StripeAuthError) as caught:
        service.get_balance()
    assert caught.value.changed == "no"


def test_a_refused_request_is_invalid_and_changed_nothing(shop: Shop) -> None:
    customer = shop.customer("Over Refund", "over@example.com")
    paid = shop.service.create_payment_intent(
        {
            "amount": 1000,
            "currency": "usd",
            "customer": customer,
            "payment_method": shop.service.default_payment_method(customer),
            "confirm": True,
        }
    )
    with pytest.raises(StripeInvalidRequest) as caught:
        shop.service.create_refund({"payment_intent": paid.id, "amount": 1001})
    assert "greater than unrefunded amount" in caught.value.message
    assert caught.value.changed == "no"  # Stripe refused: a 4xx even on a write


def test_one_action_id_reused_for_other_parameters_is_refused(shop: Shop) -> None:
    shop.service.create_customer({"name": "First"}, action_id="act_reused")
    with pytest.raises(StripeInvalidRequest, match="idempotency key"):
        shop.service.create_customer({"name": "Second"}, action_id="act_reused")


def test_a_declined_card_is_payment_declined(shop: Shop) -> None:
    """The seed has no customer whose *default* card declines (its decliners keep a good default
    card), so this test builds one."""
    shop.customer("Dee Cline", "dee@example.com", card=DECLINING_CARD)
    with pytest.raises(PaymentDeclined) as caught:
        run_skill(shop.ctx, "create_payment", {"amount": 1500, "customer": "dee@example.com"})
    assert "declined" in caught.value.message
    assert caught.value.code == "payment_declined"
    assert [e["status"] for e in shop.sent.entries("POST", "/v1/payment_intents")] == [402]
