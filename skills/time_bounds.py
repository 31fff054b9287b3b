"""Inclusive calendar-day bounds in the account's time zone, as the unix seconds Stripe takes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def day_start(day: date, tz: str = "UTC") -> int:
    return int(datetime.combine(day, time.min, tzinfo=ZoneInfo(tz)).timestamp())


def day_end(day: date, tz: str = "UTC") -> int:
    """The last second of `day` (bounds are inclusive)."""
    return day_start(day + timedelta(days=1), tz) - 1


def unix_range(
    gte: date | None, lte: date | None, tz: str = "UTC"
) -> tuple[int | None, int | None]:
    return (
        day_start(gte, tz) if gte else None,
        day_end(lte, tz) if lte else None,
    )


def local_day(ts: datetime, tz: str = "UTC") -> date:
    return ts.astimezone(ZoneInfo(tz)).date()
