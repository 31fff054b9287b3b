"""The arithmetic of get_analytics, kept apart from I/O so it is tested on its own.

Figures accumulate one payment at a time: memory grows with days and distinct customers in the
period, never with the number of payments.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel

from skills.stripe_models import Payment

TOP_CUSTOMERS = 5


class TopCustomer(BaseModel):
    customer: str
    gross: int


class CurrencyFigures(BaseModel):
    currency: str
    gross_volume: int
    refunded: int
    net: int
    succeeded_count: int
    failed_count: int
    success_rate: float | None
    average_payment: int | None
    top_customers: list[TopCustomer]
    daily: dict[date, int]


class FigureAccumulator:
    """Running totals for one currency."""

    def __init__(self, currency: str) -> None:
        self.currency = currency
        self.gross = self.refunded = self.succeeded = self.failed = 0
        self.by_customer: Counter[str] = Counter()
        self.daily: Counter[date] = Counter()

    def add(self, payment: Payment, day: date) -> None:
        if payment.status in {"succeeded", "refunded"}:
            self.gross += payment.amount
            self.refunded += payment.amount_refunded
            self.succeeded += 1
            self.daily[day] += payment.amount
            if payment.customer:
                self.by_customer[payment.customer] += payment.amount
        elif payment.status == "failed":
            self.failed += 1

    def figures(self, start: date, end: date) -> CurrencyFigures:
        attempts = self.succeeded + self.failed
        days = (end - start).days + 1
        daily = {date.fromordinal(start.toordinal() + i): 0 for i in range(max(days, 0))}
        daily.update(self.daily)
        return CurrencyFigures(
            currency=self.currency,
            gross_volume=self.gross,
            refunded=self.refunded,
            net=self.gross - self.refunded,
            succeeded_count=self.succeeded,
            failed_count=self.failed,
            success_rate=round(self.succeeded / attempts, 4) if attempts else None,
            average_payment=round(self.gross / self.succeeded) if self.succeeded else None,
            top_customers=[
                TopCustomer(customer=c, gross=g)
                for c, g in self.by_customer.most_common(TOP_CUSTOMERS)
            ],
            daily=dict(sorted(daily.items())),
        )
