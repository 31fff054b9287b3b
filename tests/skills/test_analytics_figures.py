"""The arithmetic of get_analytics, on hand-made payments (no Stripe involved)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from skills.analytics_figures import TOP_CUSTOMERS, FigureAccumulator
from skills.stripe_models import Payment, PaymentStatus

START, END = date(2026, 5, 1), date(2026, 5, 7)


def payment(
    amount: int,
    status: PaymentStatus = "succeeded",
    *,
    customer: str | None = "cus_a",
    refunded: int = 0,
    n: int = 0,
) -> Payment:
    return Payment(
        id=f"pi_{n}",
        amount=amount,
        currency="usd",
        status=status,
        customer=customer,
        created=datetime(2026, 5, 1, tzinfo=UTC),
        amount_refunded=refunded,
    )


def accumulate(*rows: tuple[Payment, date]) -> FigureAccumulator:
    acc = FigureAccumulator("usd")
    for p, day in rows:
        acc.add(p, day)
    return acc


def test_gross_counts_succeeded_and_refunded_payments_and_net_subtracts_refunds() -> None:
    figures = accumulate(
        (payment(5000), START),
        (payment(10_000, refunded=2500), START),
        (payment(3900, "refunded", refunded=3900), START),
        (payment(8800, "failed"), START),
    ).figures(START, END)
    assert (figures.gross_volume, figures.refunded, figures.net) == (18_900, 6400, 12_500)
    assert (figures.succeeded_count, figures.failed_count) == (3, 1)


def test_pending_and_canceled_payments_count_for_nothing() -> None:
    figures = accumulate(
        (payment(700, "pending"), START), (payment(900, "canceled"), START)
    ).figures(START, END)
    assert (figures.gross_volume, figures.succeeded_count, figures.failed_count) == (0, 0, 0)
    assert figures.top_customers == []


def test_success_rate_is_succeeded_over_attempts_rounded_to_four_places() -> None:
    figures = accumulate(
        (payment(100, n=1), START), (payment(100, n=2), START), (payment(100, "failed"), START)
    ).figures(START, END)
    assert figures.success_rate == 0.6667


def test_the_average_is_gross_over_succeeded_rounded_to_a_minor_unit() -> None:
    figures = accumulate((payment(100), START), (payment(200), START), (payment(200), START))
    assert figures.figures(START, END).average_payment == 167  # 500 / 3


def test_without_attempts_rate_and_average_are_unknown_not_zero() -> None:
    figures = FigureAccumulator("usd").figures(START, END)
    assert (figures.success_rate, figures.average_payment) == (None, None)
    assert figures.net == 0


def test_only_failures_give_a_zero_rate_and_no_average() -> None:
    figures = accumulate((payment(100, "failed"), START)).figures(START, END)
    assert (figures.success_rate, figures.average_payment) == (0.0, None)


def test_the_daily_series_has_every_day_of_the_period_zeros_included() -> None:
    figures = accumulate((payment(500), START), (payment(700), START), (payment(900), END)).figures(
        START, END
    )
    assert list(figures.daily) == [START + timedelta(days=i) for i in range(7)]
    assert figures.daily[START] == 1200
    assert figures.daily[END] == 900
    assert sum(figures.daily.values()) == figures.gross_volume


def test_a_one_day_period_has_one_point() -> None:
    assert len(FigureAccumulator("usd").figures(START, START).daily) == 1


def test_top_customers_are_the_biggest_payers_by_gross_at_most_five() -> None:
    rows = [(payment(100 * (i + 1), customer=f"cus_{i}"), START) for i in range(7)]
    rows.append((payment(50, customer="cus_0"), START))
    rows.append((payment(9999, customer=None), START))  # no customer: not ranked
    figures = accumulate(*rows).figures(START, END)
    ranked = [(t.customer, t.gross) for t in figures.top_customers]
    assert len(ranked) == TOP_CUSTOMERS
    assert ranked == [
        ("cus_6", 700),
        ("cus_5", 600),
        ("cus_4", 500),
        ("cus_3", 400),
        ("cus_2", 300),
    ]


def test_failed_payments_do_not_rank_a_customer() -> None:
    figures = accumulate((payment(5000, "failed", customer="cus_x"), START)).figures(START, END)
    assert figures.top_customers == []


amounts = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=10**6),
        st.sampled_from(["succeeded", "failed", "pending", "refunded"]),
        st.integers(min_value=0, max_value=6),
    ),
    max_size=40,
)


@given(amounts)
def test_net_is_gross_minus_refunded_and_the_series_sums_to_gross(
    rows: list[tuple[int, PaymentStatus, int]],
) -> None:
    acc = FigureAccumulator("usd")
    for i, (amount, status, offset) in enumerate(rows):
        refunded = amount if status == "refunded" else amount // 3
        acc.add(payment(amount, status, refunded=refunded, n=i), START + timedelta(days=offset))
    f = acc.figures(START, END)
    assert f.net == f.gross_volume - f.refunded
    assert sum(f.daily.values()) == f.gross_volume
    paid = [(a, s) for a, s, _ in rows if s in ("succeeded", "refunded")]
    assert f.gross_volume == sum(a for a, _ in paid)
    assert f.succeeded_count == len(paid)
    assert f.failed_count == sum(1 for _, s, _ in rows if s == "failed")
