"""Holidays whose day moves with the year: Thanksgiving (the fourth Thursday of November),
Black Friday and Cyber Monday after it. Each is rewritten as its day ("black friday" ->
"november 27 ") for the latest one not after today, padded so positions stay the same.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_AFTER_THANKSGIVING = {"thanksgiving": 0, "thanksgiving day": 0, "black friday": 1,
                       "cyber monday": 4}  # fmt: skip
_RX = re.compile(
    r"\b(?:" + "|".join(sorted(_AFTER_THANKSGIVING, key=len, reverse=True)) + r")\b", re.I
)
HOLIDAY_WORDS = frozenset(w for name in _AFTER_THANKSGIVING for w in name.split())
_THURSDAY = 3
_FOURTH = 3  # weeks after the first Thursday


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(_THURSDAY - first.weekday()) % 7 + 7 * _FOURTH)


def _latest(days_after: int, today: date) -> date:
    day = _thanksgiving(today.year) + timedelta(days=days_after)
    return day if day <= today else _thanksgiving(today.year - 1) + timedelta(days=days_after)


def moving_holidays(text: str, today: date) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each moving holiday written as its day, and the spans rewritten."""
    spans: list[tuple[int, int]] = []

    def day(m: re.Match[str]) -> str:
        found = _latest(_AFTER_THANKSGIVING[" ".join(m.group().lower().split())], today)
        spans.append(m.span())
        return f"{found:%B} {found.day}".lower().ljust(len(m.group()))

    return (_RX.sub(day, text), spans) if _RX.search(text) else (text, spans)
