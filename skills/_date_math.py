"""Calendar arithmetic for `skills.dates`: month and quarter bounds, stepping back N
units, and the year guess for a month or day typed without one."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from skills._date_words import MONTH_WORDS, SMALL_NUMBERS


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_range(year, first_month + 2)[1]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def back(today: date, n: int, unit: str) -> date:
    """`today` minus n units; unit is the first letter: d(ays), w(eeks), m(onths), y(ears)."""
    if unit == "d":
        return today - timedelta(days=n)
    if unit == "w":
        return today - timedelta(weeks=n)
    return add_months(today, -n * (12 if unit == "y" else 1))


def year_of_month(month: int, today: date) -> int:
    """The year of the most recent such month not after today's month."""
    return today.year if month <= today.month else today.year - 1


def recent_day(month: int, day: int, today: date) -> date | None:
    """The most recent valid `month`/`day` not after today (Feb 29 looks back to a leap
    year); None when no year has that day."""
    for year in range(today.year, today.year - 9, -1):
        found = valid_day(year, month, day)
        if found and found <= today:
            return found
    return None


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def us_order(first: int, second: int) -> tuple[int, int]:
    """(month, day) from a US-style pair, swapped when the first can't be a month."""
    return (second, first) if first > 12 >= second else (first, second)


def year_number(text: str | None) -> int | None:
    """ "2025" -> 2025, "'25" or "25" -> 2025, None -> None."""
    if not text:
        return None
    digits = text.lstrip("'’")
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def month_number(word: str) -> int:
    return MONTH_WORDS[word.lower().rstrip(".")]


def day_number(text: str) -> int:
    """ "3rd" -> 3."""
    return int(text.rstrip("stndrhSTNDRH."))


def count(text: str) -> int:
    """ "30" -> 30, "two" -> 2, "a couple of" -> 2."""
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else SMALL_NUMBERS[key]


def shift_day(day: date, unit: str, steps: int) -> date:
    """`day` moved by whole years or weeks; a month's last day stays its month's last day
    (so a whole month moved a year is still the whole month)."""
    if unit == "week":
        return day + timedelta(weeks=steps)
    was_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    year = day.year + steps
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, last if was_month_end else min(day.day, last))
