"""What each date atom of `skills._date_patterns.ATOMS` means, given today.

A reader returns the atom's inclusive bounds and how the atom may move if a range built
from it comes out backwards ("Dec 1 to Jan 15"): "year" when its year was guessed, "week"
for a weekday, None when it is fixed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from skills import _date_math as dm
from skills._date_patterns import ATOM_RES, DAY_RANGE_RES
from skills._date_words import WEEKDAY_ABBREVIATIONS, WEEKDAYS

Atom = tuple[date, date, str | None]
_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def read_atom(text: str, today: date) -> Atom | None:
    for name, rx in ATOM_RES.items():
        if m := rx.fullmatch(text):
            try:
                found = _READERS[name](m, today)
            except (ValueError, OverflowError):  # past year 1 or 9999 ("last 5000 years")
                found = None
            if found:
                return found
    return None


def _month_of(m: re.Match[str], today: date) -> tuple[int, int]:
    """The month a day range names: "of May" (the latest May), or "of this/last month"."""
    rel = m.groupdict().get("rel")
    if rel:
        back = 0 if rel.lower() in ("this", "current") else 1
        return (today.year, today.month - back) if today.month > back else (today.year - 1, 12)
    month = dm.month_number(m["mon"])
    return dm.year_number(m["year"]) or dm.year_of_month(month, today), month


def read_day_range(text: str, today: date) -> tuple[date, date] | None:
    """ "May 1-15", "1-15 May 2025": days of one month; without a year, the month is the
    most recent one not after today's. With no month ("from the 3rd to the 9th"), this month
    when its first day has come, else the last one."""
    for rx in DAY_RANGE_RES.values():
        if m := rx.fullmatch(text):
            named = not {"mon", "rel"}.isdisjoint(m.re.groupindex)
            year, month = _month_of(m, today) if named else _days_month(m, today)
            first = dm.valid_day(year, month, dm.day_number(m["day"]))
            last = dm.valid_day(year, month, dm.day_number(m["day2"]))
            return (first, last) if first and last and first <= last else None
    return None


def _days_month(m: re.Match[str], today: date) -> tuple[int, int]:
    return _month_of_day(dm.day_number(m["day"]), today)


def _month_of_day(day: int, today: date) -> tuple[int, int]:
    if day <= today.day:
        return today.year, today.month
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


def day_of_no_month(text: str, today: date) -> date | None:
    """ "the 3rd" with no month: this month's when it has come, else last month's."""
    day = dm.day_number(text)
    return dm.valid_day(*_month_of_day(day, today), day)


def _read_week_of(m: re.Match[str], today: date) -> Atom | None:
    """ "the week of the 9th": Monday to Sunday of the week that holds that day."""
    inner = m["inner"].strip()
    bare = inner.lower().removeprefix("the ").strip()
    day = day_of_no_month(bare, today) if _ORDINAL_ONLY.fullmatch(bare) else None
    if day is None:
        atom = read_atom(inner, today)
        day = atom[0] if atom is not None else None
    if day is None:
        return None
    monday = dm.monday(day)
    return (monday, monday + timedelta(days=6), None)


_ORDINAL_ONLY = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.I)


def _read_month_edge(m: re.Match[str], today: date) -> Atom | None:
    """ "the start of the month" = its 1st, "the end of last month" = that month's last day."""
    rel = (m["rel"] or "this").lower()
    first = today.replace(day=1)
    if rel in ("last", "previous"):
        first = (first - timedelta(days=1)).replace(day=1)
    start, end = dm.month_range(first.year, first.month)
    return _single(start if m["edge"].lower() in ("start", "beginning") else end, None)


def _read_two_days(m: re.Match[str], today: date) -> Atom | None:
    """ "yesterday and the day before": the two days before today."""
    return (today - timedelta(days=2), today - timedelta(days=1), None)


def _read_half_month(m: re.Match[str], today: date) -> Atom | None:
    """ "the first half of March" = the 1st-15th, "the second half" the 16th to its end."""
    first, last = dm.month_range(*_month_of(m, today))
    middle = first + timedelta(days=14)
    first_half = m["mh"].lower() in ("first", "1st")
    return (first, middle, None) if first_half else (middle + timedelta(days=1), last, None)


def _read_day_of_rel_month(m: re.Match[str], today: date) -> Atom | None:
    """ "the 2nd of last month": that one day."""
    return _single(dm.valid_day(*_month_of(m, today), dm.day_number(m["day"])), None)


def _read_week_of_month(m: re.Match[str], today: date) -> Atom | None:
    """ "the first week of May" = May 1-7, "the second" 8-14 …, "the last" its last seven days:
    weeks counted from the 1st, as people who add "(the 1st through the 7th)" count them."""
    year, month = _month_of(m, today)
    first, last = dm.month_range(year, month)
    word = m["wk"].lower()[:3]
    if word == "las":
        return (last - timedelta(days=6), last, None)
    n = {"fir": 1, "1st": 1, "sec": 2, "2nd": 2, "thi": 3, "3rd": 3, "fou": 4, "4th": 4}[word]
    start = first + timedelta(days=7 * (n - 1))
    return (start, start + timedelta(days=6), None)


def _single(day: date | None, shift: str | None) -> Atom | None:
    return (day, day, shift) if day else None


def _month_day(month: int, day: int, year: int | None, today: date) -> Atom | None:
    if year:
        return _single(dm.valid_day(year, month, day), None)
    return _single(dm.recent_day(month, day, today), "year")


def _read_iso(m: re.Match[str], today: date) -> Atom | None:
    return _single(dm.valid_day(int(m["year"]), int(m["mon"]), int(m["day"])), None)


def _read_numeric(m: re.Match[str], today: date) -> Atom | None:
    if m["sep"] != m["sep2"]:
        return None
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if m["sep"] == "." else dm.us_order(first, second)
    year = dm.year_number(m["year"]) or today.year
    return _single(dm.valid_day(year, month, day), None)


def _read_slash(m: re.Match[str], today: date) -> Atom | None:
    month, day = dm.us_order(int(m["a"]), int(m["b"]))
    return _month_day(month, day, None, today)


def _read_dotted(m: re.Match[str], today: date) -> Atom | None:
    return _month_day(int(m["b"]), int(m["a"]), None, today)


def _read_month_day(m: re.Match[str], today: date) -> Atom | None:
    month, day = dm.month_number(m["mon"]), dm.day_number(m["day"])
    return _month_day(month, day, dm.year_number(m["year"]), today)


def _read_month_year(m: re.Match[str], today: date) -> Atom | None:
    month = int(m["mon"]) if m["mon"].isdigit() else dm.month_number(m["mon"])
    year = dm.year_number(m["year"])
    return (*dm.month_range(year, month), None) if year and 1 <= month <= 12 else None


def _read_month_rel_year(m: re.Match[str], today: date) -> Atom | None:
    offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return (*dm.month_range(today.year + offset, dm.month_number(m["mon"])), None)


def _read_rel_month(m: re.Match[str], today: date) -> Atom | None:
    month, rel = dm.month_number(m["mon"]), m["rel"].lower()
    if rel == "this":
        year = today.year
    elif rel == "last":
        year = today.year if month < today.month else today.year - 1
    else:
        year = today.year if month > today.month else today.year + 1
    return (*dm.month_range(year, month), None)


def _read_quarter(m: re.Match[str], today: date) -> Atom | None:
    q = int(m["q"] or _ORDINAL_QUARTERS.get(m["qord"].lower()) or m["qord"][0])
    year = dm.year_number(m["year"])
    if year:
        return (*dm.quarter_range(year, q), None)
    year = today.year if q <= dm.quarter_of(today) else today.year - 1
    return (*dm.quarter_range(year, q), "year")


def _read_half(m: re.Match[str], today: date) -> Atom | None:
    """ "first half of 2025" = Jan 1-Jun 30; without a year, the latest one begun by today."""
    half = int(m["h"]) if m["h"] else 1 if m["hord"].lower() in ("first", "1st") else 2
    year = dm.year_number(m["year"])
    if year:
        return (*_half_range(year, half), None)
    year = today.year if half == 1 or today.month >= 7 else today.year - 1
    return (*_half_range(year, half), "year")


def _half_range(year: int, half: int) -> tuple[date, date]:
    first_month = 1 if half == 1 else 7
    return date(year, first_month, 1), dm.month_range(year, first_month + 5)[1]


def _read_rel_quarter(m: re.Match[str], today: date) -> Atom | None:
    start, _ = dm.quarter_range(today.year, dm.quarter_of(today))
    if m["qtd"] or m["rel"].lower() in ("this", "current"):
        return (start, today, None)
    previous = start - timedelta(days=1)
    return (*dm.quarter_range(previous.year, dm.quarter_of(previous)), None)


def _read_last_n(m: re.Match[str], today: date) -> Atom | None:
    n, unit = dm.count(m["n"]), m["unit"][0].lower()
    if unit == "h":
        return (today - timedelta(days=max(1, -(-n // 24))), today, None)
    return (dm.back(today, n, unit), today, None)


def _read_ago(m: re.Match[str], today: date) -> Atom | None:
    return _single(dm.back(today, dm.count(m["n"]), m["unit"][0].lower()), None)


def _read_named(m: re.Match[str], today: date) -> Atom | None:
    name = " ".join(m["name"].lower().split()).removeprefix("the ")
    days = {"today": 0, "yesterday": 1, "tomorrow": -1, "day before yesterday": 2}
    if name in days:
        return _single(today - timedelta(days=days[name]), None)
    if name.endswith("weekend"):  # "over the weekend": the one under way, else the last one
        saturday = dm.monday(today) + timedelta(days=5 if today.weekday() >= 5 else -2)
        return (saturday, min(saturday + timedelta(days=1), today), None)
    if "week" in name or name == "wtd":
        return (dm.monday(today), today, None)
    if "month" in name or name == "mtd":
        return (today.replace(day=1), today, None)
    return (date(today.year, 1, 1), today, None)  # ytd, year to date, so far...


def _read_rel_period(m: re.Match[str], today: date) -> Atom | None:
    rel, period = " ".join(m["rel"].lower().split()), m["per"].lower()
    monday = dm.monday(today)
    if period == "weekend":
        this_week = rel in ("this", "current")
        saturday = monday + timedelta(days=5 if this_week else -2)
        return (saturday, saturday + timedelta(days=1), None)
    if rel in ("past", "this past"):
        return (dm.back(today, 1, period[0]), today, None)
    starts = {"week": monday, "month": today.replace(day=1), "year": date(today.year, 1, 1)}
    if rel in ("this", "current"):
        return (starts[period], today, None)
    end = starts[period] - timedelta(days=1)
    previous = {"week": end - timedelta(days=6), "month": end.replace(day=1)}
    return (previous.get(period, date(end.year, 1, 1)), end, None)


def _read_weekday(m: re.Match[str], today: date) -> Atom | None:
    name, rel = (m["wd"], m["rel"]) if m["wd"] else (m["wd2"], m["rel2"])
    key = name.lower().rstrip(".")
    weekday = WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]
    if rel and rel.lower() == "this":
        return _single(dm.monday(today) + timedelta(days=weekday), None)
    back = (today.weekday() - weekday) % 7 or 7
    return _single(today - timedelta(days=back), "week")


def _read_year(m: re.Match[str], today: date) -> Atom | None:
    year = int(m["year"])
    return (date(year, 1, 1), date(year, 12, 31), None)


def _read_month(m: re.Match[str], today: date) -> Atom | None:
    month = dm.month_number(m["mon"])
    return (*dm.month_range(dm.year_of_month(month, today), month), "year")


_READERS = {
    "iso": _read_iso,
    "numeric": _read_numeric,
    "slash": _read_slash,
    "dotted": _read_dotted,
    "month_day": _read_month_day,
    "day_month": _read_month_day,
    "month_year": _read_month_year,
    "iso_month": _read_month_year,
    "month_rel_year": _read_month_rel_year,
    "rel_month": _read_rel_month,
    "quarter": _read_quarter,
    "week_of": _read_week_of,
    "month_edge": _read_month_edge,
    "two_days": _read_two_days,
    "half_month": _read_half_month,
    "day_of_rel_month": _read_day_of_rel_month,
    "half": _read_half,
    "rel_quarter": _read_rel_quarter,
    "last_n": _read_last_n,
    "ago": _read_ago,
    "named": _read_named,
    "rel_period": _read_rel_period,
    "week_of_month": _read_week_of_month,
    "weekday": _read_weekday,
    "year": _read_year,
    "month": _read_month,
}
