"""Find the concrete things in a message (ids, emails, amounts, dates, counts) before any intent.

Each find blanks its span in `masked` (same length as the text, so offsets stay valid), so a
later pattern never reads a piece of an id as an amount or a date as a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from agent.offline_router.lexicon import DATA
from skills.dates import find_date_range
from skills.money import MoneyMatch, MoneyParseError, find_money

_S = DATA.slots
_NUMBER = "|".join(sorted((re.escape(str(w)) for w in _S["number_words"]), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}|{_NUMBER})"
_UNITS = "|".join(sorted(_S["trial_units"], key=len, reverse=True))
_SEATS = "|".join(sorted(_S["seat_units"], key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "quote",
        re.compile(
            r"\"([^\"]{1,200})\"|“([^”]{1,200})”|‘([^’]{1,200})’|(?<![\w])'([^']{2,200})'(?![\w])"
        ),
    ),
    (
        "note",
        re.compile(r"\b(?:note|notes|ps|p\.s\.|fyi|comment|comments)\s*[:\-]\s*(.+)$", re.I | re.S),
    ),
    ("pi", re.compile(r"\b(?:pi|ch|py)_[A-Za-z0-9]{3,}\b", re.I)),
    ("cus", re.compile(r"\bcus_[A-Za-z0-9]{3,}\b", re.I)),
    ("price", re.compile(r"\bprice_[A-Za-z0-9]{3,}\b", re.I)),
    (
        "otherid",
        re.compile(
            r"\b(?:sub|in|prod|re|po|tr|txn|seti|pm|src|card|acct|dp|cs|plink|evt|ii|si|promo|coupon|ba|btok|tok|ipi|cn|dispute|du)_[A-Za-z0-9]{3,}\b",
            re.I,
        ),
    ),
    ("email", re.compile(r"[A-Za-z0-9._%+\-']+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")),
    ("key", re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", re.I)),
    (
        "phone",
        re.compile(
            r"(?<![\w$€£¥])\+\d[\d\s().\-]{6,18}\d(?!\w)|(?<![\w$€£¥.,])\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}(?![\w.,])"
        ),
    ),
    (
        "trial",
        re.compile(
            rf"\b(?P<n>{_NUM})[\s\-]*(?P<u>{_UNITS})[\s\-]*(?:(?:free|long)[\s\-]*)?trial\b|\btrial\s+(?:period\s+)?(?:of|for)\s+(?P<n2>{_NUM})[\s\-]*(?P<u2>{_UNITS})\b|\b(?:free\s+for|first)\s+(?P<n3>{_NUM})\s+(?P<u3>{_UNITS})(?:\s+free)?\b|\b(?P<n4>{_NUM})\s+(?P<u4>{_UNITS})\s+free\b",
            re.I,
        ),
    ),
    (
        "seats",
        re.compile(
            rf"\b(?P<n>{_NUM})\s+(?:{_SEATS})\b|\b(?:quantity|qty)\s*(?:of|:|=)?\s*(?P<n2>{_NUM})\b|\bx\s?(?P<n3>\d{{1,3}})\b",
            re.I,
        ),
    ),
]
_EMPTY_QUOTE = "quote"


@dataclass(frozen=True)
class Span:
    """One entity: where it is in the message, what kind, its parsed value and surface text."""

    start: int
    end: int
    kind: str
    value: Any
    text: str


@dataclass
class Entities:
    """Everything concrete in the message; `masked` is the message with all spans blanked."""

    text: str
    masked: str
    spans: list[Span] = field(default_factory=list)
    date_range: tuple[date | None, date | None] | None = None
    money_error: str | None = None

    def of(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    def first(self, kind: str) -> Span | None:
        return next((s for s in self.spans if s.kind == kind), None)

    def add(self, start: int, end: int, kind: str, value: Any) -> None:
        self.spans.append(Span(start, end, kind, value, self.text[start:end]))
        self.masked = self.masked[:start] + " " * (end - start) + self.masked[end:]


def number_value(word: str) -> int | None:
    """'5' -> 5, 'five' -> 5, 'a' -> 1; None when it is no count."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    value = _S["number_words"].get(word)
    return int(value) if value is not None else None


def extract(text: str, today: date) -> Entities:
    """All entities of `text`; amounts are found without bare numbers (see `bare_amounts`)."""
    ents = Entities(text=text, masked=text)
    for kind, rx in _PATTERNS:
        for m in list(rx.finditer(ents.masked)):
            if ents.masked[m.start() : m.end()].strip():
                ents.add(m.start(), m.end(), kind, _value(kind, m))
    found = find_date_range(ents.masked, today)
    if found is not None:
        ents.add(found.start, found.end, "date", (found.range.start, found.range.end))
        ents.date_range = (found.range.start, found.range.end)
    for hit in _money(ents, bare=False):
        ents.add(hit.start, hit.end, "money", hit)
    ents.spans.sort(key=lambda s: s.start)
    return ents


def bare_amounts(ents: Entities) -> list[MoneyMatch]:
    """Plain numbers read as amounts ("charge jane 50"): only once the skill wants money."""
    return _money(ents, bare=True)


def _money(ents: Entities, bare: bool) -> list[MoneyMatch]:
    try:
        return find_money(ents.masked, default_currency=None, bare_numbers=bare)
    except MoneyParseError as err:
        ents.money_error = str(err)
        return []


def _value(kind: str, m: re.Match[str]) -> Any:
    if kind == _EMPTY_QUOTE:
        return next(g for g in m.groups() if g is not None).strip()
    if kind == "note":
        return m.group(1).strip()
    if kind in ("email", "key"):
        return m.group(0).lower()
    if kind == "trial":
        n, unit = _pair(m, "n", "u")
        return (number_value(n) or 0) * int(_S["trial_units"][unit.lower()])
    if kind == "seats":
        return number_value(next(g for g in (m["n"], m["n2"], m["n3"]) if g))
    return m.group(0).strip()


def _pair(m: re.Match[str], a: str, b: str) -> tuple[str, str]:
    for suffix in ("", "2", "3", "4"):
        if m.groupdict().get(a + suffix):
            return m[a + suffix], m[b + suffix]
    raise ValueError("unreachable: a trial match without a number")
