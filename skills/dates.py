"""Dates and periods as merchants type them, resolved against "today" to inclusive bounds.

Semantics (SKILLS.md, and the choices it leaves open):
- "last week" = the previous Monday-Sunday; "this week" = Monday to today; "past week" =
  today minus 7 days to today. Same pattern for month, year and quarter: "this" runs to
  today, "last"/"previous" is the whole previous one, "past" is a rolling window.
- "last N days/weeks" = today minus N days (7N) to today; "last N months/years" = the same
  calendar day N months/years back (clamped to the month's end) to today; "last 24 hours"
  = yesterday to today.
- A month without a year is the most recent one not after today's month, and is always
  the whole month, even the current one ("in June" on June 15 = June 1-30). "last May" =
  the most recent May before this month. Quarters and bare years likewise.
- A day without a year is the most recent such day not after today. A weekday ("monday",
  "last friday", "on wed") is the most recent such day before today; "this monday" is the
  one in the current week.
- "since X"/"starting X" = X to today; "after X" = the day after X, open-ended; "before X"
  = open start to the day before X; "until/through X" = open start to the end of X;
  "from X" alone = X itself ("payments from last week"); "from X on(wards)" = since X.
- Days with no month ("from the 3rd to the 9th", "between the third and the ninth") are this
  month's once its first day has come, else last month's. "The first week of May" is May 1-7
  (weeks counted from the 1st, as "(the 1st through the 7th)" spells it out); "the last week
  of May" its last seven days.
- "came through yesterday": "through" after a verb of arriving is no bound.
- "A to B" where a guessed year (or weekday) puts A after B moves one of them: "Dec 1 to
  Jan 15" in February spans the new year; "monday to wednesday" on a Wednesday is this week.
- 3/5 and 05/03/2026 are US (month first) unless the first number can't be a month;
  03.05.2026 is European (day first). In a range, a first date follows the second's order
  when only day-first fits the second ("05/03/2026 and 20/03/2026" = March 5-20).
What counts as a date inside a sentence (`find_date_range`): month names with a one-letter
typo ("febuary", "septmber") count; "may" is the month only with a day, a year or a
preposition around it ("in may", "May 3"), or as a capitalised "May" mid-sentence not
followed by a pronoun or verb ("May I see..." is not); a bare full month name followed by
a capitalised word is a person ("June Lee"); a bare abbreviation ("jan") or year ("2025")
needs a preposition ("in jan", "in 2025"); plain numbers ("refund 5", "$30") never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from skills._date_holidays import HOLIDAY_WORDS, moving_holidays
from skills._date_math import shift_day
from skills._date_ordinals import end_of_rewrite, ordinal_days
from skills._date_patterns import REWRITES, SCAN, WHOLE, fix_month_typos, original_position
from skills._date_readers import Atom, day_of_no_month, read_atom, read_day_range
from skills._date_words import START_WORDS, TRIGGER_WORDS

__all__ = ["DateMatch", "DateRange", "find_date_range", "parse_date", "resolve_range"]


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds; None = open on that side ("before May 3")."""

    start: date | None
    end: date | None


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in a sentence: where it is and what it means."""

    start: int
    end: int
    range: DateRange
    text: str


_WORD = re.compile(r"[a-z]+")
_DATE_DIGITS = re.compile(
    r"\d[-/]\d|\d\.\d\d?\.|\b(?:19|20)\d\d\b|\bq[1-4]\b|\bh[12]\b", re.IGNORECASE
)
OPEN_START_WORDS = tuple(
    sorted((w for w, english in REWRITES.items() if english.startswith("since")), key=len)[::-1]
)
"""Foreign words for "since" ("desde", "seit dem"): the range they open runs to today."""
REWRITE_WORDS = frozenset(w for key in REWRITES for w in _WORD.findall(key))
"""Words of month typos and foreign date words: seeing one, the text gets its English copy."""
_TOKEN = re.compile(r"[a-z]+|\d+", re.IGNORECASE)
_TAIL = re.compile(r"(?:['’]s|s['’])?[\s?.!,;:]*$")


def resolve_range(phrase: str, today: date) -> DateRange | None:
    """The period the whole phrase names ("last week", "in May", "since monday"), or None."""
    m = WHOLE.fullmatch(ordinal_days(fix_month_typos(_TAIL.sub("", phrase))[0])[0])
    return _composite(m, today) if m else None


def find_date_range(text: str, today: date) -> DateMatch | None:
    """The first date expression inside a sentence. Leading prepositions ("in", "for",
    "during") are not part of the match; connectives ("since", "between") are."""
    words = set(_WORD.findall(text.lower()))
    rewrite = not REWRITE_WORDS.isdisjoint(words)
    dated = not (TRIGGER_WORDS.isdisjoint(words) and HOLIDAY_WORDS.isdisjoint(words))
    if not dated and not rewrite and not _DATE_DIGITS.search(text):
        return None  # most messages: no word or digits that could start a date
    fixed, marks = fix_month_typos(text) if rewrite else (text, [])
    fixed, ordinals = ordinal_days(fixed)
    fixed = _WEEKDAY_BEFORE_DATE.sub(lambda w: " " * len(w.group()), fixed)  # "Fri 28 Nov"
    fixed, holidays = moving_holidays(fixed, today)
    ordinals += holidays
    for token in _TOKEN.finditer(fixed):
        word = token.group().lower()
        if not (word[0].isdigit() or word in START_WORDS):
            continue
        m = SCAN.match(fixed, token.start())
        if m and (found := _composite(m, today)) is not None:
            stop = end_of_rewrite(m.end(), ordinals)  # "ninth" became "9th  ": the whole word
            start, end = original_position(m.start(), marks), original_position(stop, marks)
            found, end = _so_far(text, end, found, today)
            return DateMatch(start, end, found, text[start:end])
    return None


_WEEKDAY_BEFORE_DATE = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?[ \t]+"
    r"(?=\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d)",
    re.I,
)
"""'Fri 28 Nov through Mon 1 Dec': the weekday names a day its date already names (blanked,
so the positions of the rest hold)."""
_SO_FAR = re.compile(
    r"[\s-]*(?:so\s+far|to[\s-]+date|until\s+now|till\s+now|up\s+to\s+now|thus\s+far)\b", re.I
)


_UP_TO_TODAY = re.compile(
    r"\s*(?:up\s+)?(?:to|till|until|through|thru)\s+(?:today|now|date)\b", re.I
)


def _so_far(text: str, end: int, found: DateRange, today: date) -> tuple[DateRange, int]:
    """ "Q2 so far": the period up to today, when today falls in it; "from Feb 9 up to
    today": from its start to today."""
    up_to = _UP_TO_TODAY.match(text, end)
    if up_to is not None and found.start is not None and found.start <= today:
        return DateRange(found.start, today), up_to.end()
    m = _SO_FAR.match(text, end)
    if m is None or found.start is None or found.end is None:
        return found, end
    if found.start <= today <= found.end:
        return DateRange(found.start, today), m.end()
    return found, end


def parse_date(text: str, today: date) -> date | None:
    """A single day ("2026-05-03", "May 3", "3 May", "yesterday", "last friday"), or None
    when the text names no day or a longer period."""
    found = resolve_range(text, today)
    if found is None or found.start is None or found.start != found.end:
        return None
    return found.start


def _composite(m: re.Match[str], today: date) -> DateRange | None:
    if m["between"] or m["b2"]:
        return _between(m["a1"] or m["a2"], m["b1"] or m["b2"], today)
    if m["dayrange"]:
        days = read_day_range(m["dayrange"], today)
        return DateRange(*days) if days else None
    if m["kw"]:
        atom = read_atom(m["a3"], today)
        return None if atom is None else _relative_to(m["kw"], atom[0], atom[1], today)
    if m["kwd"]:  # "until the 3rd": that day of this month, or of the last one if still ahead
        day = day_of_no_month(m["dom"], today)
        return None if day is None else _relative_to(m["kwd"], day, day, today)
    atom = read_atom(m["a2"], today)
    if atom is None:
        return None
    return DateRange(atom[0], today if m["onwards"] or m["on"] else atom[1])


def _between(first: str, second: str, today: date) -> DateRange | None:
    """From the start of one atom to the end of the other; when that runs backwards, an
    atom whose year (or week) was guessed moves: the end forward, else the start back."""
    first, second = _day_first_like(first, second), _day_first_like(second, first)
    a, b = read_atom(first, today), read_atom(second, today)
    if a is None or b is None:
        return None
    if a[0] > b[1] and (b[2] or a[2]):
        try:
            b, a = (_moved(b, +1), a) if b[2] else (b, _moved(a, -1))
        except (ValueError, OverflowError):  # moved past year 1 or 9999
            return None
    return DateRange(a[0], b[1]) if a[0] <= b[1] else None


_NUMERIC_DAY = re.compile(r"\s*(\d{1,2})([/-])(\d{1,2})(\2\d{2,4})?\s*")


def _day_first_like(first: str, second: str) -> str:
    """ "05/03/2026 and 20/03/2026": the second can only be day-first, so the first is read
    the same way (as "03/05/2026" in the US order the readers assume); likewise the second
    after a first that can only be day-first ("between 28/3 and 3/4" = March 28 to April 3)."""
    a, b = _NUMERIC_DAY.fullmatch(first), _NUMERIC_DAY.fullmatch(second)
    if a is None or b is None or int(b[1]) <= 12 or int(b[3]) > 12 or int(a[1]) > 12:
        return first
    return f"{a[3]}{a[2]}{a[1]}{a[4] or ''}"


def _moved(atom: Atom, steps: int) -> Atom:
    start, end, unit = atom
    assert unit is not None
    return shift_day(start, unit, steps), shift_day(end, unit, steps), unit


def _relative_to(keyword: str, start: date, end: date, today: date) -> DateRange:
    kw = " ".join(keyword.lower().split())
    if kw == "after":
        return DateRange(end + timedelta(days=1), None)
    if kw in ("before", "prior to", "more than", "longer than", "over"):
        return DateRange(None, start - timedelta(days=1))  # ("more than a week ago")
    if kw in ("until", "till", "through", "thru", "up to", "no later than"):
        return DateRange(None, end)
    return DateRange(start, today)  # since, starting (from/on), beginning
