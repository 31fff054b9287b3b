"""Follow-ups that move the previous call's period: "and the month before?", "same for the
week before", "and the year before?" (one unit back from the period asked last)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from agent.offline_router.lexicon import DATA
from skills._date_math import add_months

_S = DATA.slots
_UNITS: dict[str, str] = {str(k): str(v) for k, v in _S["previous_period_units"].items()}
_BACK = "|".join(map(re.escape, _S["previous_period_words"]))
_UNIT_ALT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_AHEAD = "|".join(map(re.escape, _S["next_period_words"]))
_CUE = re.compile(
    rf"\b(?:the\s+|a\s+|one\s+)?(?P<u>{_UNIT_ALT})\s+(?:(?P<back>{_BACK})|(?P<ahead>{_AHEAD}))\b"
    r"(?!\s+(?:yesterday|last|this|\d))",
    re.I,
)
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}


def previous_period(text: str, args: dict[str, Any]) -> dict[str, str] | None:
    """created_gte/created_lte one unit before those in `args`, when `text` asks for that."""
    m = _CUE.search(text)
    gte, lte = args.get("created_gte"), args.get("created_lte")
    if m is None or not (gte or lte):
        return None
    start = date.fromisoformat(gte) if gte else None
    end = date.fromisoformat(lte) if lte else None
    unit = _UNITS[m["u"].lower()]
    if unit == "same":
        unit = _unit_of(start, end)
    steps = 1 if m["ahead"] else -1  # "the week after" moves forward
    whole = _whole_before(start, unit) if steps < 0 else None
    if whole is not None:  # "this month so far", then "the month before": all of February
        return {"created_gte": whole[0].isoformat(), "created_lte": whole[1].isoformat()}
    out: dict[str, str] = {}
    if start is not None:
        out["created_gte"] = _back(start, unit, steps).isoformat()
    if end is not None:
        out["created_lte"] = _back(end, unit, steps).isoformat()
    return out


def _whole_before(start: date | None, unit: str) -> tuple[date, date] | None:
    """The whole unit before a period that starts where its unit starts (a month from the 1st,
    a week from Monday), however far it ran: the period before "so far" is a complete one."""
    if start is None:
        return None
    if unit == "week" and start.weekday() == 0:
        return start - timedelta(days=7), start - timedelta(days=1)
    months = _MONTHS_PER.get(unit)
    if months is None or start.day != 1 or (start.month - 1) % months:
        return None
    first = add_months(start, -months)
    last = add_months(first, months - 1)
    return first, last.replace(day=calendar.monthrange(last.year, last.month)[1])


def _unit_of(start: date | None, end: date | None) -> str:
    """The unit a range spans: one day, one week, a whole month/quarter/year (else its days)."""
    if start is None or end is None or start == end:
        return "day"
    if (end - start).days == 6:
        return "week"
    if start.day == 1 and _month_end(end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return {1: "month", 3: "quarter", 12: "year"}.get(months, f"days:{(end - start).days + 1}")
    return f"days:{(end - start).days + 1}"


def _back(day: date, unit: str, steps: int = -1) -> date:
    """`day` moved one `unit` back (steps -1) or forward (+1)."""
    if unit.startswith("days:"):
        return day + timedelta(days=steps * int(unit[5:]))
    if unit in ("day", "week"):
        return day + timedelta(days=steps * (1 if unit == "day" else 7))
    moved = add_months(day, steps * _MONTHS_PER[unit])
    if _month_end(day):  # a whole month stays a whole month (May 31 -> April 30)
        return moved.replace(day=calendar.monthrange(moved.year, moved.month)[1])
    return moved


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]
