"""Reading the payment a phrase points at ("her last payment", the total behind "half of"),
against the sandbox: the newest payment of the customer, never a guess."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from skills import SkillContext
from skills.errors import InvalidArguments, NotFound
from skills.payment_lookup import latest_payment_of, payment_by_id
from skills.settings import SkillSettings
from skills.stripe_service import StripeService
from tests.conftest import service_settings


@pytest.fixture
def seeded(fresh_sandbox: Any) -> tuple[SkillContext, dict[str, str]]:
    """A freshly seeded sandbox: the shared one gains payments for Jane as other tests run."""
    service = StripeService(service_settings(fresh_sandbox.url, fresh_sandbox.api_key))
    ctx = SkillContext(stripe=service, today=date.today(), settings=SkillSettings())
    return ctx, dict(fresh_sandbox.manifest.refs)


def test_latest_payment_of_a_customer_is_her_newest(seeded: Any) -> None:
    ctx, refs = seeded
    found = latest_payment_of(ctx, "jane@example.com")
    assert found.id == refs["payment.jane_last"]
    assert found.amount == 12_900
    assert latest_payment_of(ctx, refs["customer.jane.id"]).id == refs["payment.jane_last"]


def test_a_customer_without_payments_is_a_clear_not_found(ctx: SkillContext) -> None:
    with pytest.raises(NotFound, match="has no payments"):
        latest_payment_of(ctx, "priya@example.net")


def test_an_unknown_customer_is_not_found(ctx: SkillContext) -> None:
    with pytest.raises(NotFound):
        latest_payment_of(ctx, "nobody-here@example.org")


def test_payment_by_id_reads_amount_and_refunds(ctx: SkillContext, refs: dict[str, str]) -> None:
    found = payment_by_id(ctx, refs["payment.partly_refunded"])
    assert 0 < found.amount_refunded < found.amount


def test_payment_by_id_refuses_what_is_no_payment_id(ctx: SkillContext) -> None:
    with pytest.raises(InvalidArguments, match="not a payment id"):
        payment_by_id(ctx, "cus_123abc")
