"""get_analytics: how the business did over a period, computed in code from the payments.

The figures are checked against a computation of this test's own, from the raw PaymentIntents
it fetches over plain HTTP; the requests against ceil(N/100) for the N payments of the period.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from sandbox.runner import RunningSandbox
from skills import SKILLS
from skills.analytics_figures import TOP_CUSTOMERS, CurrencyFigures
from skills.base import SkillContext
from skills.errors import InvalidArguments
from skills.get_analytics import AnalyticsResult
from tests.skills.conftest import Sent, raw_payment_intents, run_skill

SKILL = SKILLS["get_analytics"]


def analytics(ctx: SkillContext, **raw: Any) -> AnalyticsResult:
    result = run_skill(ctx, "get_analytics", raw)
    assert isinstance(result, AnalyticsResult)
    return result


def raw_period(running: RunningSandbox, start: date, end: date) -> list[dict[str, Any]]:
    gte = int(datetime.combine(start, time.min, tzinfo=UTC).timestamp())
    lte = int(datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC).timestamp()) - 1
    return raw_payment_intents(
        running.url, running.api_key, **{"created[gte]": gte, "created[lte]": lte}
    )


class Expected:
    """One currency's figures, computed straight from Stripe's PaymentIntent objects."""

    def __init__(self, intents: list[dict[str, Any]], currency: str) -> None:
        mine = [pi for pi in intents if pi["currency"] == currency]
        paid = [pi for pi in mine if pi["status"] == "succeeded"]
        self.gross = sum(pi["amount"] for pi in paid)
        self.refunded = sum(pi["latest_charge"]["amount_refunded"] for pi in paid)
        self.succeeded = len(paid)
        self.failed = sum(
            1
            for pi in mine
            if pi["status"] == "requires_payment_method" and pi["last_payment_error"]
        )
        self.by_customer: Counter[str] = Counter()
        self.daily: Counter[date] = Counter()
        for pi in paid:
            self.daily[datetime.fromtimestamp(pi["created"], UTC).date()] += pi["amount"]
            if pi["customer"]:
                self.by_customer[pi["customer"]] += pi["amount"]

    def check(self, f: CurrencyFigures, start: date, end: date) -> None:
        assert (f.gross_volume, f.refunded, f.net) == (
            self.gross,
            self.refunded,
            self.gross - self.refunded,
        )
        assert (f.succeeded_count, f.failed_count) == (self.succeeded, self.failed)
        attempts = self.succeeded + self.failed
        assert f.success_rate == pytest.approx(self.succeeded / attempts, abs=1e-4)
        assert f.average_payment == round(self.gross / self.succeeded)
        self._check_top(f)
        days = (end - start).days + 1
        assert list(f.daily) == [start + timedelta(days=i) for i in range(days)]
        assert {d: a for d, a in f.daily.items() if a} == dict(self.daily)

    def _check_top(self, f: CurrencyFigures) -> None:
        top = [(t.customer, t.gross) for t in f.top_customers]
        assert len(top) == min(TOP_CUSTOMERS, len(self.by_customer))
        assert all(self.by_customer[c] == gross for c, gross in top)
        grosses = [gross for _, gross in top]
        assert grosses == sorted(grosses, reverse=True)
        left_out = [g for c, g in self.by_customer.items() if c not in dict(top)]
        assert all(g <= grosses[-1] for g in left_out)


@pytest.mark.parametrize("days", [None, 91], ids=["default-30-days", "91-days"])
def test_figures_equal_a_computation_from_the_raw_payments(
    ctx: SkillContext, sandbox: RunningSandbox, sent: Sent, days: int | None
) -> None:
    raw = {} if days is None else {"created_gte": (ctx.today - timedelta(days=days)).isoformat()}
    start, end = ctx.today - timedelta(days=days or 30), ctx.today
    intents = raw_period(sandbox, start, end)
    sent.mark()
    result = analytics(ctx, **raw)
    assert (result.start, result.end) == (start, end)
    assert result.payments_scanned == len(intents)
    assert result.currencies[0].currency == "usd"  # the default currency first
    assert {f.currency for f in result.currencies} == {pi["currency"] for pi in intents}
    for figures in result.currencies:
        Expected(intents, figures.currency).check(figures, start, end)


@pytest.mark.parametrize("days", [30, 91])
def test_it_reads_one_page_per_hundred_payments_of_the_period(
    ctx: SkillContext, sandbox: RunningSandbox, sent: Sent, days: int
) -> None:
    start = ctx.today - timedelta(days=days)
    n = len(raw_period(sandbox, start, ctx.today))
    sent.mark()
    analytics(ctx, created_gte=start.isoformat())
    pages = sent.entries("GET", "/v1/payment_intents")
    assert len(pages) == math.ceil(n / 100)
    assert all(e["path"] == "/v1/payment_intents" for e in sent.entries())


def test_the_default_period_is_the_last_30_days_with_a_daily_series(ctx: SkillContext) -> None:
    result = analytics(ctx, currency="usd")
    assert (result.start, result.end) == (ctx.today - timedelta(days=30), ctx.today)
    [usd] = result.currencies
    assert len(usd.daily) == 31


def test_a_currency_filter_reports_that_currency_only(
    ctx: SkillContext, sandbox: RunningSandbox
) -> None:
    start = ctx.today - timedelta(days=91)
    intents = raw_period(sandbox, start, ctx.today)
    result = analytics(ctx, created_gte=start.isoformat(), currency="EUR")
    [eur] = result.currencies
    assert eur.currency == "eur"
    Expected(intents, "eur").check(eur, start, ctx.today)
    assert result.payments_scanned == len(intents)  # every payment was read, eur counted


def test_yen_figures_are_whole_yen_in_the_reply(ctx: SkillContext) -> None:
    result = analytics(ctx, created_gte=(ctx.today - timedelta(days=91)).isoformat())
    jpy = next(f for f in result.currencies if f.currency == "jpy")
    text = SKILL.render(result)
    assert f"gross ¥{jpy.gross_volume:,}," in text


def test_the_reply_names_gross_refunded_net_and_rate(ctx: SkillContext) -> None:
    result = analytics(ctx, currency="usd")
    [usd] = result.currencies
    text = SKILL.render(result)
    assert f"{usd.succeeded_count} succeeded, {usd.failed_count} failed" in text
    assert f"success rate {usd.success_rate:.1%}" in text
    assert "top customers:" in text


def test_a_period_without_payments_has_no_figures(ctx: SkillContext) -> None:
    result = analytics(ctx, created_gte="2020-01-01", created_lte="2020-01-31")
    assert (result.payments_scanned, result.currencies) == (0, [])
    assert SKILL.render(result) == "No payments from 2020-01-01 to 2020-01-31."


def test_a_period_that_ends_before_it_starts_is_refused(ctx: SkillContext) -> None:
    with pytest.raises(InvalidArguments, match=r"starts .* after it ends"):
        analytics(ctx, created_gte="2026-03-10", created_lte="2026-03-01")


@pytest.mark.parametrize(
    "raw", [{"currency": "xyz"}, {"created_gte": "soon"}, {"period": "last_week"}]
)
def test_bad_arguments_are_refused(ctx: SkillContext, raw: dict[str, Any]) -> None:
    with pytest.raises(InvalidArguments, match="Invalid arguments for get_analytics"):
        SKILL.plan(ctx, raw)
