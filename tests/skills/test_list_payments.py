"""list_payments: recent payments, newest first, filtered the way merchants ask.

Stripe filters by customer and creation date; status, amount and currency are filtered while
streaming, so a narrow filter may read several pages of 100 to fill `limit`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from sandbox.runner import RunningSandbox
from skills import SKILLS
from skills.base import SkillContext
from skills.errors import AmbiguousReference, InvalidArguments, NotFound
from skills.list_payments import ListPaymentsResult
from skills.settings import SkillSettings
from tests.skills.conftest import Sent, Shop, raw_payment_intents, run_skill

SKILL = SKILLS["list_payments"]


def listed(ctx: SkillContext, **raw: Any) -> ListPaymentsResult:
    result = run_skill(ctx, "list_payments", raw)
    assert isinstance(result, ListPaymentsResult)
    return result


def test_by_default_it_lists_the_ten_newest_payments_and_says_more_exist(
    ctx: SkillContext,
) -> None:
    result = listed(ctx)
    assert len(result.payments) == 10
    assert result.has_more
    created = [p.created for p in result.payments]
    assert created == sorted(created, reverse=True)


def test_a_listed_payment_carries_what_a_merchant_needs(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    result = listed(ctx, customer=refs["customer.dana.id"], limit=100)
    refunded = next(p for p in result.payments if p.id == refs["payment.fully_refunded"])
    assert (refunded.amount, refunded.currency, refunded.status) == (3900, "usd", "refunded")
    assert refunded.amount_refunded == 3900
    assert refunded.customer == refs["customer.dana.id"]
    assert refunded.description == "Hosting renewal"


@pytest.mark.parametrize("status", ["succeeded", "failed", "refunded"])
def test_the_status_filter_keeps_only_that_status(ctx: SkillContext, status: str) -> None:
    result = listed(ctx, status=status, limit=20)
    assert result.payments
    assert {p.status for p in result.payments} == {status}


def test_failed_payments_include_the_seeded_decline(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    result = listed(ctx, status="failed", limit=100)
    assert refs["payment.failed"] in {p.id for p in result.payments}


@pytest.mark.parametrize("currency", ["eur", "jpy"])
def test_the_currency_filter_keeps_only_that_currency(ctx: SkillContext, currency: str) -> None:
    result = listed(ctx, currency=currency.upper(), limit=100)
    assert result.payments
    assert {p.currency for p in result.payments} == {currency}


def test_zero_decimal_amounts_are_whole_yen_and_render_as_such(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    result = listed(ctx, currency="jpy", min_amount=3500, max_amount=3500, limit=100)
    jpy = next(p for p in result.payments if p.id == refs["payment.jpy_succeeded"])
    assert jpy.amount == 3500
    assert "¥3,500" in SKILL.render(result)


def test_amount_bounds_are_inclusive(ctx: SkillContext, refs: dict[str, str]) -> None:
    result = listed(ctx, min_amount=10_000, max_amount=10_000, currency="usd", limit=100)
    assert refs["payment.partly_refunded"] in {p.id for p in result.payments}
    assert {p.amount for p in result.payments} == {10_000}


def test_amount_range_excludes_payments_outside_it(ctx: SkillContext) -> None:
    result = listed(ctx, min_amount=4_000, max_amount=9_000, limit=100)
    assert result.payments
    assert all(4_000 <= p.amount <= 9_000 for p in result.payments)


@pytest.mark.parametrize("ref", ["customer.jane.id", "customer.jane.email", "customer.jane.name"])
def test_a_customer_is_named_by_id_email_or_name(
    ctx: SkillContext, refs: dict[str, str], ref: str
) -> None:
    plan = SKILL.plan(ctx, {"customer": refs[ref], "limit": 100})
    assert plan.args.customer == refs["customer.jane.id"]
    result = SKILL.run(ctx, plan.args)
    assert isinstance(result, ListPaymentsResult)
    assert {p.customer for p in result.payments} == {refs["customer.jane.id"]}
    assert refs["payment.jane_last"] in {p.id for p in result.payments}


def test_a_customer_email_matches_case_insensitively(
    ctx: SkillContext, refs: dict[str, str]
) -> None:
    plan = SKILL.plan(ctx, {"customer": "JANE@Example.COM"})
    assert plan.args.customer == refs["customer.jane.id"]


def test_a_customer_without_payments_lists_nothing(ctx: SkillContext, refs: dict[str, str]) -> None:
    result = listed(ctx, customer=refs["customer.no_payments.id"])
    assert (result.payments, result.has_more) == ([], False)
    assert SKILL.render(result) == "No payments match."


def test_two_customers_with_one_name_are_ambiguous(ctx: SkillContext, refs: dict[str, str]) -> None:
    with pytest.raises(AmbiguousReference) as caught:
        SKILL.plan(ctx, {"customer": "Alex Kim"})
    expected = {refs["customer.alex_kim_1.id"], refs["customer.alex_kim_2.id"]}
    assert set(caught.value.candidates) == expected
    assert all(cid in caught.value.message for cid in expected)


@pytest.mark.parametrize("customer", ["nobody@example.invalid", "cus_doesnotexist00", "Zed Nobody"])
def test_an_unknown_customer_is_not_found(ctx: SkillContext, customer: str) -> None:
    with pytest.raises(NotFound):
        SKILL.plan(ctx, {"customer": customer})


def _day_bounds(start: date, end: date) -> tuple[int, int]:
    first = datetime.combine(start, time.min, tzinfo=UTC)
    last = datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)
    return int(first.timestamp()), int(last.timestamp()) - 1


def test_dates_are_inclusive_calendar_days_on_backdated_payments(
    ctx: SkillContext, sandbox: RunningSandbox
) -> None:
    start, end = ctx.today - timedelta(days=20), ctx.today - timedelta(days=10)
    gte, lte = _day_bounds(start, end)
    everything = raw_payment_intents(sandbox.url, sandbox.api_key)
    expected = [p["id"] for p in everything if gte <= p["created"] <= lte]
    result = listed(ctx, created_gte=start.isoformat(), created_lte=end.isoformat(), limit=100)
    assert 0 < len(expected) < len(everything)
    assert [p.id for p in result.payments] == expected
    assert all(start <= p.created.date() <= end for p in result.payments)


def test_calendar_days_are_days_in_the_accounts_time_zone(
    ctx: SkillContext, sandbox: RunningSandbox
) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    in_tokyo = SkillContext(ctx.stripe, ctx.today, SkillSettings(timezone="Asia/Tokyo"))
    day = ctx.today - timedelta(days=4)
    first = datetime.combine(day, time.min, tzinfo=tokyo)
    gte, lte = int(first.timestamp()), int((first + timedelta(days=1)).timestamp()) - 1
    everything = raw_payment_intents(sandbox.url, sandbox.api_key)
    expected = [p["id"] for p in everything if gte <= p["created"] <= lte]
    result = listed(in_tokyo, created_gte=day.isoformat(), created_lte=day.isoformat(), limit=100)
    assert expected
    assert [p.id for p in result.payments] == expected


def test_has_more_says_whether_further_payments_match(ctx: SkillContext) -> None:
    failed = listed(ctx, status="failed", limit=100)
    assert not failed.has_more
    first = listed(ctx, status="failed", limit=1)
    assert first.has_more
    assert first.payments == failed.payments[:1]
    assert "More payments match" in SKILL.render(first)


def test_a_narrow_filter_scans_past_the_first_hundred(ctx: SkillContext, sent: Sent) -> None:
    result = listed(ctx, status="succeeded", currency="usd", limit=100)
    assert len(result.payments) == 100
    assert result.has_more
    pages = sent.entries("GET", "/v1/payment_intents")
    assert len(pages) >= 2
    params = [httpx.QueryParams(p["raw_params"]) for p in pages]
    assert all(p["limit"] == "100" for p in params)
    assert "starting_after" not in params[0]
    assert all("starting_after" in p for p in params[1:])


def test_payments_created_by_the_skills_are_listed(shop: Shop) -> None:
    customer = shop.customer("Yui Tanaka", "yui@example.jp")
    made = run_skill(
        shop.ctx, "create_payment", {"amount": 500, "currency": "jpy", "customer": customer}
    )
    result = listed(shop.ctx, currency="jpy")
    assert [(p.id, p.amount, p.currency) for p in result.payments] == [
        (made.payment.id, 500, "jpy")
    ]
    assert "¥500" in SKILL.render(result)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"currency": "xyz"}, "currency"),
        ({"status": "lost"}, "status"),
        ({"min_amount": -1}, "min_amount"),
        ({"created_gte": "last tuesday"}, "created_gte"),
        ({"customer": "   "}, "customer"),
        ({"sort": "amount"}, "sort"),
    ],
)
def test_bad_arguments_are_refused_naming_the_argument(
    ctx: SkillContext, sent: Sent, raw: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidArguments) as caught:
        SKILL.plan(ctx, raw)
    assert caught.value.message.startswith("Invalid arguments for list_payments")
    assert f"{field}:" in caught.value.message
    assert sent.entries() == []


def test_the_plan_summary_names_the_filters(ctx: SkillContext, refs: dict[str, str]) -> None:
    plan = SKILL.plan(ctx, {"customer": "jane@example.com", "status": "failed", "limit": 5})
    assert plan.summary == (
        f"List up to 5 payments where customer={refs['customer.jane.id']}, status=failed."
    )


def test_a_search_stopped_by_the_scan_cap_says_older_payments_were_not_searched(
    stripe_service: Any,
) -> None:
    """With `list_cap` payments scanned and the limit not filled, more may match further back:
    `has_more` is not false, and the reply says what was not searched."""
    ctx = SkillContext(
        stripe=stripe_service, today=date.today(), settings=SkillSettings(list_cap=5)
    )
    result = listed(ctx, status="failed", limit=50)
    assert result.scan_capped
    assert result.has_more
    assert "searched only the newest payments" in SKILL.render(result)


def test_a_search_that_reads_everything_is_not_capped(ctx: SkillContext) -> None:
    result = listed(ctx, status="failed", limit=50)
    assert not result.scan_capped
    assert not result.has_more
