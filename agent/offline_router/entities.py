"""Find the concrete things in a message (ids, emails, amounts, dates, counts) before any intent.

Each find blanks its span in `masked` (same length as the text, so offsets stay valid), so a
later pattern never reads a piece of an id as an amount or a date as a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from agent.offline_router.lexicon import DATA, LEXICON
from skills.dates import DateMatch, DateRange, find_date_range
from skills.money import MoneyMatch, MoneyParseError, find_money

_S = DATA.slots
_NUMBER = "|".join(sorted((re.escape(str(w)) for w in _S["number_words"]), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}|{_NUMBER})"
_UNITS = "|".join(sorted(_S["trial_units"], key=len, reverse=True))
_TRIAL = "|".join(
    sorted(
        (re.escape(str(t)).replace(r"\ ", r"\s+") for t in _S["trial_nouns"]), key=len, reverse=True
    )
)
_TRIAL_IS = r"(?:is|will\s+be|should\s+be|must\s+be|to\s+be|lasts)\b"
"""'Free trial is 2 weeks.' (the verb between the trial and its length)."""
_SEATS = "|".join(sorted(_S["seat_units"], key=len, reverse=True))
_QUANTITY = "|".join(re.escape(w) for w in sorted(_S["quantity_labels"], key=len, reverse=True))

_NOT_ABBREVIATED = "".join(
    rf"(?<!\b{a})" for a in ("dr", "mr", "mrs", "ms", "st", "jr", "sr", "co", "inc", "ltd", "prof")
)
"""A full stop after these ends no sentence ("referred by Dr. Hale")."""
_PLANS = "|".join(sorted(map(re.escape, _S["plan_names"]), key=len, reverse=True))
_INTERVALS = "|".join(sorted(map(re.escape, _S["plan_intervals"]), key=len, reverse=True))
_LEADING_INTERVALS = "|".join(map(re.escape, _S["plan_intervals_before"]))
"""Intervals that may come first: "the monthly team plan" (never "month", "year": dates)."""
_PLAN_RUN = rf"(?:{_PLANS})(?:[\s\-]+(?:{_PLANS}))*"
_OTHER_IDS = "|".join(_S["other_id_prefixes"])
_FIELDS = "|".join(map(re.escape, _S["field_names"]))
_SPOKEN_TLDS = "|".join(str(t) for t in _S["spoken_email_tlds"])
_SPOKEN_PART = r"(?:(?:[a-z0-9]\s+){1,30}[a-z0-9]\b|[a-z0-9_]+)"
"""A dictated address's word, or its letters spelled one by one ("j p e r e z at outlook…")."""
"""'k dot weber at posteo dot de': a dictated address ends in a real top-level domain."""
_SPOKEN = {" dot ": ".", " underscore ": "_", " dash ": "-", " hyphen ": "-", " at ": "@"}
_SHARE_WORDS: dict[str, int] = {str(k): int(v) for k, v in _S["share_words"].items()}
_SHARE_COUNTS: dict[str, int] = {str(k): int(v) for k, v in _S["share_counts"].items()}
_SHARE = "|".join(sorted(_SHARE_WORDS, key=len, reverse=True))
_SHARE_COUNT = "|".join(sorted(_SHARE_COUNTS, key=len, reverse=True))
_MONTH_NAMES = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    "|july|august|september|october|november|december|this month|last month"
)
_NOT_A_SHARE = (
    r"(?!\s+(?:of\s+)?(?:the\s+|this\s+|last\s+|a\s+)?(?:year|fy|20\d\d|an?\s+hour)\b)"
    rf"(?!\s*of\s+(?:{_MONTH_NAMES})\b)"
)
"""'the first half of 2026', 'last quarter', 'half a year' are periods, not shares; 'the third
of March' is a day."""


def _rx(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# Order matters: each pattern runs on the text left after the earlier ones.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # an HTML tag or comment, not an address in brackets ("Jane Doe <jane@x.io>")
    ("markup", _rx(r"<!--.*?-->|</?(?![\w.+-]+@[\w.-]+>)[a-z][^<>]{0,200}>", re.I | re.S)),
    # an IP address ("IP: 185.220.101.x" in a pasted fraud review): no amount in it
    ("ip", _rx(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){2}\.(?:\d{1,3}|[x*])(?![\d.])")),
    ("pi", _rx(r"\b(?:pi|ch|py)_[A-Za-z0-9]{2,}\b")),
    ("cus", _rx(r"\bcus_[A-Za-z0-9]{2,}\b")),
    ("price", _rx(r"\bprice_[A-Za-z0-9]{2,}\b")),
    ("otherid", _rx(rf"\b(?:{_OTHER_IDS})_[A-Za-z0-9]{{2,}}\b")),
    ("email", _rx(r"[A-Za-z0-9._%+\-][A-Za-z0-9._%+\-']*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")),
    (
        "email",
        _rx(
            rf"\b{_SPOKEN_PART}(?:\s+(?:dot|underscore|dash|hyphen)\s+{_SPOKEN_PART})*\s+at\s+"
            rf"[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*\s+dot\s+(?:{_SPOKEN_TLDS}|[a-z]\s[a-z])\b"
        ),
    ),
    (
        "domain",
        _rx(
            r"(?<![\w@.\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[a-z]{2,6}\b(?![@\-]|\.\w)",
            0,
        ),
    ),
    ("trial", _rx(r"\btrial_days\s*[=:]\s*(?P<n2>\d{1,3})\b(?P<u2>)")),
    # lookup keys: "pro_monthly", or hyphenated with a year or version ("enterprise-yearly-2025")
    (
        "key",
        _rx(
            r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|(?-i:\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+-(?:\d{2,4}|v\d+)\b)"
        ),
    ),
    (
        "quote",
        _rx(
            r"\"([^\"]{1,200})\"|“([^”]{1,200})”|‘([^’]{1,200})’|«\s*([^»]{1,200}?)\s*»"
            r"|(?<!\w)'([^']{2,200})'(?!\w)|「([^」]{1,200})」|『([^』]{1,200})』",
            0,
        ),
    ),
    (
        "note",
        _rx(
            r"(?:\b(?:note|notes|ps|fyi|comment|comments)\s*[:\-]|(?<!\w)p\.\s?s\.?(?:\s*[:\-])?)"
            r"\s*(.+)$",
            re.I | re.S,
        ),
    ),
    (
        "desc",  # "put March consulting as the description", "with the note billing via PO only"
        _rx(
            r"\b(?:put|write|use|enter)\s+(?!(?:the|those|these|their|that|this|it)\s+(?:notes?|text|details|comments?"
            r"|message|info)\b|(?:it|that|this)\b)(?P<v>[^\s\"“”][^\n\"“”]{1,99}?)\s+(?:as|in|into|for)\s+"
            r"(?:the|its|their|a)\s+(?:description|desc|memo)\b"
            r"|\bwith\s+(?:the|a)\s+(?:note|memo)\s+(?!(?:that|saying|of)\b)"
            r"(?P<v2>[^\s;\"“”][^\n;\"“”]{1,99}?)(?=\s*(?:[.;\n]|$))"
            # "put a note on her that says: Sunday altar flowers"
            r"|\b(?:note|memo)\s+(?:on|to|for)\s+\w+\s+(?:that|which)\s+(?:says|reads)\s*:?\s*"
            r"(?P<v3>[^\s;\"“”][^\n;\"“”]{1,99}?)(?=\s*(?:[.;\n]|$))"
            # "Add a customer — referred by Helga, in the description."
            r"|(?:^|[.!?:—–]\s*|\s-\s)(?P<v4>[^\s,.;:\"“”—–][^\n,.;:\"“”—–]{1,60}?)\s*,\s*"
            r"(?:in|as|for|into)\s+(?:the|its|their)\s+(?:description|desc|memo)\b"
        ),
    ),
    (
        "desc",
        _rx(
            r"(?<!\bno\s)\b(?:description|desc|memo|beschreibung|descripci[oó]n|descri[cç][aã]o|descrizione"
            r"|omschrijving)(?:\s*(?:is|:|=|-|to|as|says?|reads?|should\s+(?:say|read|be)"
            r"|(?:write|put|say|type|enter)\s*:)"  # "in description write: wholesale partner…"
            r"(?:\s+(?:exactly|literally|verbatim))?\s+"
            r"|\s*[:=\-]\s*"
            r"|\s+(?!(?:of|for|on|and|or|but|then)\b))"
            r"(?P<v>[^;\n\s.,!?][^;\n]*?)"
            rf"(?=\s*(?:[;\n]|{_NOT_ABBREVIATED}\.(?:\s|$)|$|,\s*(?:{_FIELDS})\b))"
        ),
    ),
    (
        "phone",
        _rx(
            r"\b(?:phone|tel|telephone|mobile|cell|ph|number|landline|whatsapp)\s*(?:number|no\.?|#)?"
            r"\s*(?:is|:|=|-)?\s*"
            r"(?P<v>\+?\d[\d\s().\-]{4,18}\d)(?!\w|[.,]\d)"
        ),
    ),
    (
        "phone",
        _rx(
            r"(?<![\w$€£¥])\+\d[\d\s().\-]{6,18}\d(?!\w)"
            r"|(?<![\w$€£¥.,])\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}(?!\w|[.,]\d)"
            r"|(?P<nat>(?<![\w$€£¥.,])0(?:\d{1,4}(?:[\s\-]\d{2,4}){1,4}|[1-9]\d{8,9}))(?!\w|[.,]\d)"
        ),
    ),
    (
        "plan",
        _rx(
            rf"\b(?P<p>{_PLAN_RUN})[\s\-]+(?P<i>{_INTERVALS})\b(?![\-_]\w)"
            rf"|\b(?P<i2>{_LEADING_INTERVALS})[\s\-]+(?P<p2>{_PLAN_RUN})\b(?![\-_]\w)"
        ),
    ),
    (
        "trial",
        _rx(
            rf"\b(?P<n>{_NUM})(?:(?<=\d)|\b)[\s\-]*(?P<u>{_UNITS})(?![^\W\d_])(?:'s|')?[\s\-]*"
            r"(?:(?:of|de|di|du|ka|ki|ng)\s+)?"
            r"(?:(?:free|long)[\s\-]*)?"
            rf"(?:{_TRIAL})(?!\w)"
            rf"|(?<!\w)(?:{_TRIAL})(?:\s+period)?\s*(?:{_TRIAL_IS})?\s*"
            r"(?:of|for|:|=|-|de|di|von|van|du)?\s*"
            rf"(?P<n2>{_NUM})[\s\-]*(?P<u2>{_UNITS})\b"
            rf"|\b(?:free\s+for|first)\s+(?P<n3>{_NUM})\s+(?P<u3>{_UNITS})(?:\s+free)?\b"
            rf"|\b(?P<n4>{_NUM})\s+(?P<u4>{_UNITS})\s+free\b"
            r"|\btrial\s*[:=]?\s*(?P<n5>\d{1,3})(?P<u5>)(?![\w.,%])"  # "qty 2 trial 14": days
        ),
    ),
    (
        "share",
        _rx(
            r"(?<![\w.,])(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|percent\b|per\s*cent\b|pct\b)"
            rf"|\b(?P<npct>{_NUMBER})\s+(?:percent|per\s*cent)\b"
            rf"|(?<!\band )\b(?P<k>{_SHARE_COUNT})\s+(?P<w>{_SHARE})s?\b{_NOT_A_SHARE}"
            rf"|(?<!first )(?<!second )(?<!1st )(?<!2nd )(?<!this )(?<!last )(?<!next )"
            rf"\b(?P<w2>{_SHARE})\s+(?=of\b|the\b|her\b|his\b|their\b|it\b|that\b|back\b|instead\b)"
            rf"{_NOT_A_SHARE}"
            # "actually just half, it was $80": half said alone, after "just"/"only"
            r"|(?<=\bjust\s)(?P<w3>half)\b(?=\s*[,.;!?—–-]|\s*$)"
            r"|(?<=\bonly\s)(?P<w4>half)\b(?=\s*[,.;!?—–-]|\s*$)"
            r"|(?<![\w/])(?P<num>[1-9])\s*/\s*(?P<den>[2-9])(?=\s+of\b)"
        ),
    ),
    (
        "seats",
        _rx(
            rf"\b(?P<n>{_NUM})\s+(?:(?!(?:days?|weeks?|months?|years?)\b)[a-z]+\s+)?(?:{_SEATS})\b"
            rf"|\b(?:{_QUANTITY})\s*(?:of|:|=)?\s*(?P<n2>{_NUM})\b"
            r"|\bx\s?(?P<n3>\d{1,3})\b"
            rf"|\b(?:{_SEATS})\s*[:=]\s*(?P<n4>{_NUM})\b"
            r"|\b(?P<n5>\d{1,3})\s?x\s"
        ),
    ),
]
_QUOTE = "quote"
_NATIONAL_DIGITS = 9
"""A national number without "+" ("07700 900123") has at least this many digits."""
_TRAILER = re.compile(r"(?:[\s,]+(?:thanks|thank you|thx|please|pls|ty))*[\s?!.]*$", re.I)


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
    unclear_currency: str | None = None
    """The word of `money_error` that could be several currencies ("200 kr"), if that is it."""
    today: date | None = None

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
    ents = Entities(text=text, masked=text, today=today)
    for kind, rx in _PATTERNS:
        for m in list(rx.finditer(ents.masked)):
            if not ents.masked[m.start() : m.end()].strip() or _skip(kind, m):
                continue
            start, end = m.span("v") if "v" in rx.groupindex and kind == "phone" else m.span()
            ents.add(start, end, kind, _value(kind, m, text))
    found = _asked_period(ents.masked, today) or _first(
        _before_last(ents.masked, today), find_date_range(ents.masked, today)
    )
    found = _past_period_after(ents.masked, found, today) or found
    found = _period_after_a_not(ents.masked, found, today) or found
    found = _period_for_now(ents.masked, found, today) or found
    found = _period_after_a_fact(ents.masked, found, today) or found
    found = _dates_after_a_name(ents.masked, found, today) or found
    found = _with_an_end_left_out(ents.masked, found, today) or found
    found = _from_an_ordinal(ents.masked, found, today) or found
    found = _period_after_a_label(ents.masked, found, today) or found
    found = _up_to_a_day_left_out(ents.masked, found, today) or found
    found = _period_restated(ents.masked, found, today) or found
    found = _period_after_a_deadline(ents.masked, found, today) or found
    found = _period_after_a_named_thing(ents.masked, found, today) or found
    if found is not None:
        ents.add(found.start, found.end, "date", (found.range.start, found.range.end))
        ents.date_range = (found.range.start, found.range.end)
    else:
        _ordinal_day(ents, today)
    if ents.date_range is None and (quoted := _quoted_period(ents, today)) is not None:
        ents.date_range = quoted  # 'from the owner: "how did we do last week?" pull the analytics'
    for hit in _money(ents, bare=False):
        ents.add(hit.start, hit.end, "money", _api_amount(text, hit))
    ents.spans.sort(key=lambda s: s.start)
    return ents


_API_AMOUNT = re.compile(r"\bamount\s*=\s*$", re.I)
_API_PAIR = re.compile(r"\b(?:payment|customer|currency|price|quantity)\s*=\s*\S", re.I)


_ID_LABEL = re.compile(
    r"^(?:our|the|my|their|his|her)\s+(?:invoice|order|reference|ref|po|purchase\s+order)"
    r"\s*(?:number|no\.?|#)?\s+(?=\S*\d\S*$)",
    re.I,
)
"""'use our invoice number INV-2291 as the description': the number is the description."""


def _api_amount(text: str, hit: MoneyMatch) -> MoneyMatch:
    """ "refund_payment payment=pi_X amount=3000": written like an API call, among other
    `key=value` arguments, an amount is in minor units, as the API takes it."""
    whole = hit.text.strip().isdigit()
    if not whole or not _API_AMOUNT.search(text[: hit.start]) or not _API_PAIR.search(text):
        return hit
    return MoneyMatch(hit.start, hit.end, int(hit.text.strip()), hit.currency, hit.text)


_ORDINAL_DAY = re.compile(
    r"\b(?P<w>from|on)\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b",
    re.I,
)


def _quoted_period(ents: Entities, today: date) -> tuple[date | None, date | None] | None:
    """The period a quoted question names, when the message names none outside quotes."""
    for span in ents.of(_QUOTE):
        found = find_date_range(str(span.text), today)
        if found is not None:
            return (found.range.start, found.range.end)
    return None


def _recent_day(day: int, today: date) -> date | None:
    """That day of this month, or of last month when it is still ahead of today."""
    year, month = today.year, today.month
    if day > today.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_an_ordinal(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "from the 9th up to today": the open start the day before it names (the WORKAROUND
    below, for a range read only up to its end)."""
    if found is None or found.range.start is not None or found.range.end is None:
        return None
    m = _ORDINAL_DAY.search(text, 0, found.start)
    start = _recent_day(int(m["d"]), today) if m and m["w"].lower() == "from" else None
    if m is None or start is None or start > found.range.end:
        return None
    return DateMatch(
        m.start(), found.end, DateRange(start, found.range.end), text[m.start() : found.end]
    )


def _ordinal_day(ents: Entities, today: date) -> None:
    """WORKAROUND (skills.dates reads "since/until/after the 1st" but not "from the 1st" or
    "on the 12th"): a bare ordinal day is that day of this month, or of last month when it
    is still ahead of today."""
    m = _ORDINAL_DAY.search(ents.masked)
    start = _recent_day(int(m["d"]), today) if m else None
    if m is None or start is None:
        return
    end = start if m["w"].lower() == "on" else today
    ents.add(m.start(), m.end(), "date", (start, end))
    ents.date_range = (start, end)


_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_ASKING = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you|please|pls|show|list|pull|give|get|send|what|how|"
    r"which|export|find)\b",
    re.I,
)


def _asked_period(text: str, today: date) -> DateMatch | None:
    """ "We've had complaints this week (…). Could you list the charges … from this month?":
    the period of the sentence that asks, not of the one that tells why."""
    if not any(c in text for c in ".!?"):
        return None
    sentences = list(_SENTENCE.finditer(text))
    asking = [m for m in sentences if _ASKING.match(m.group())]
    if len(sentences) < 2 or not asking or asking[-1] is sentences[0]:
        return None
    ask = asking[-1]
    found = find_date_range(ask.group(), today)
    if found is None:
        return None
    start = ask.start()
    return DateMatch(found.start + start, found.end + start, found.range, found.text)


def _dates_after_a_name(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "how did the Black Friday launch do? Nov 27 through Dec 1": the dates spelled out after
    a day named only by its name (the launch's name, not its period)."""
    if found is None or any(c.isdigit() for c in found.text):
        return None
    if found.range.start is None or found.range.start != found.range.end:
        return None
    later = _period_from(text, found.end, today)
    if later is None or not any(c.isdigit() for c in later.text):
        return None
    if later.range.start is None or later.range.start == later.range.end:
        return None
    return later


_NOT_BEFORE = re.compile(r"\bnot\s+(?:for\s+|in\s+|from\s+)?$", re.I)


def _period_after_a_not(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "refunded payments — not this month, last month": the period named after one ruled
    out."""
    if found is None or _NOT_BEFORE.search(text, 0, found.start) is None:
        return None
    dash = _SPACED_DASH.search(found.text)  # "not last week — this month" read as one range
    after = found.start + dash.end() if dash else found.end
    back = _before_last(text, today, after)  # "not last week — the week before that"
    if back is not None:
        return back
    return _period_from(text, after, today)


_FOR_NOW = re.compile(r"\b(?:but\s+)?(?:for\s+now|right\s+now\s+though)\s*[:,\-–—]?\s*", re.I)


def _period_for_now(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "Dr Lin wants to compare with the week we were closed in February at some point, but
    for now: how did the clinic do last week?": the period asked for now, not the one later."""
    now = _FOR_NOW.search(text, found.end) if found is not None else None
    return _period_from(text, now.end(), today) if now is not None else None


_A_FACT_BEFORE = re.compile(
    r"\b(?:(?:starts|begins|started|began)\s+(?:on\s+)?"
    r"|(?:is|are|'s|'re|am|will\s+be)\s+(?:coming|popping|visiting|calling|dropping)"
    r"(?:\s+(?:round|around|over|in|by))?\s+on\s+)$",
    re.I,
)
"""Also the day of a visit to come ("my accountant is coming round on Thursday and she'll want
to know how the shop did last month"): when, not what, is asked."""


def _period_after_a_fact(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "our fiscal year starts January 1. revenue for Q1": the day a fact is told about is
    context; the period named after it is the one asked about."""
    if found is None or _A_FACT_BEFORE.search(text, 0, found.start) is None:
        return None
    return _period_from(text, found.end, today)


_SPACED_DASH = re.compile(r"\s[—–-]\s")

_BEFORE_LAST = re.compile(
    r"\b(?:the\s+)?(?P<unit>week|month|year)\s+before\s+(?P<of>last|that)\b", re.I
)


def _before_last(text: str, today: date, at: int = 0) -> DateMatch | None:
    """ "the week before last", "the month before last", "not last week — the week before
    that": the whole period two back (skills.dates reads "last week" but not this)."""
    m = _BEFORE_LAST.search(text, at)
    if m is None:
        return None
    unit = m["unit"].lower()
    if m["of"].lower() == "that" and not re.search(rf"\blast\s+{unit}\b", text[: m.start()], re.I):
        return None  # "not last week — the week before that"; "March, and the month before that"
    if unit == "week":
        start = today - timedelta(days=today.weekday() + 14)
        span = DateRange(start, start + timedelta(days=6))
    elif unit == "month":
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        start = (first - timedelta(days=1)).replace(day=1)
        span = DateRange(start, first - timedelta(days=1))
    else:
        span = DateRange(date(today.year - 2, 1, 1), date(today.year - 2, 12, 31))
    return DateMatch(m.start(), m.end(), span, m.group())


_NOT_INCLUDING = re.compile(
    r"\s*(?:,\s*)?(?:up\s+to|until|till|to|through)\s+(?:but\s+)?(?:not\s+including|excluding)\s+",
    re.I,
)


def _up_to_a_day_left_out(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "from Jan 1 up to but not including Feb 1": the range ends the day before."""
    if found is None or found.range.start is None:
        return None
    said = _NOT_INCLUDING.match(text, found.end)
    later = find_date_range(text[said.end() :], today) if said else None
    if said is None or later is None or later.start > 0 or later.range.start is None:
        return None
    end = later.range.start - timedelta(days=1)
    if end < found.range.start:
        return None
    stop = said.end() + later.end
    return DateMatch(found.start, stop, DateRange(found.range.start, end), text[found.start : stop])


_WEEKDAY_LABEL = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:shift|crew|team|staff|rota|market|service"
    r"|brunch|lunch|dinner|class|club)\b",
    re.I,
)


def _period_after_a_label(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "Sunday shift here - what were our gross volume and refund totals for last week?": a
    weekday naming a shift, not a day asked about; the period after it is."""
    if found is None or not _WEEKDAY_LABEL.match(text, found.start):
        return None
    return _period_from(text, found.end, today)


_DEADLINE = re.compile(r"\b(?:due|deadline)\s*(?:is\s+|on\s+|by\s+)?$", re.I)


def _period_after_a_deadline(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "For the QBR deck (due Thursday, ticket OPS-907) I need our euro numbers for this
    month": when a report is due is no period; the one named after it is."""
    if found is None or not _DEADLINE.search(text, 0, found.start):
        return None
    return _period_from(text, found.end, today)


def _period_after_a_named_thing(
    text: str, found: DateMatch | None, today: date
) -> DateMatch | None:
    """ "For the Q1 board pack I need gross volume … for 1 Jan to 15 March": a period naming a
    report ("the Q1 board pack", "the March deck") is no period asked; the one after it is."""
    if found is None or not _NAMES_A_THING.match(text, found.end):
        return None
    return _period_from(text, found.end, today)


_NAMES_A_THING = re.compile(
    r"\s+(?:board\s+pack|board\s+deck|deck|report|review|slides?|presentation|newsletter|"
    r"meeting|offsite|planning|budget|forecast)\b",
    re.I,
)
_RESTATED = re.compile(r"\s*,?\s*(?:so|i\.?e\.?|that\s+is|meaning|namely)\s*[,:]?\s+", re.I)


def _period_restated(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "the first half of February, so 1 Feb to 14 Feb": the period said again in dates is
    the one meant."""
    restated = _RESTATED.match(text, found.end) if found is not None else None
    if restated is None:
        return None
    later = _period_from(text, restated.end(), today)
    return later if later is not None and later.start == restated.end() else None


def _period_from(text: str, at: int, today: date) -> DateMatch | None:
    """The first period named after `at`, placed in the whole text."""
    later = find_date_range(text[at:], today)
    if later is None:
        return None
    return DateMatch(later.start + at, later.end + at, later.range, later.text)


def _first(*found: DateMatch | None) -> DateMatch | None:
    return min((f for f in found if f is not None), key=lambda f: f.start, default=None)


_LEFT_OUT = re.compile(
    r"\b(?:(?:leave|leaving)\s+out|except(?:\s+for)?|excluding|exclude|not\s+counting"
    r"|but\s+not|minus)\s+",
    re.I,
)
_EDGE_DAY = re.compile(r"(?:the\s+)?(?P<edge>first|last)\s+day\b", re.I)
"""(Today left out is slot_values.dates's: "except today", "not counting today".)"""


def _with_an_end_left_out(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "how did Q1 go — leave out March", "February's payments, except the last day of the
    month": a period with its first or last stretch left out is the rest of it."""
    if found is None or found.range.start is None or found.range.end is None:
        return None
    said = _LEFT_OUT.search(text, found.end)
    cut = _left_out(text[said.end() :], found.range, today) if said else None
    if cut is None or cut.start is None or cut.end is None:
        return None
    start, end = found.range.start, found.range.end
    if cut.end == end and start < cut.start <= end:
        kept = DateRange(start, cut.start - timedelta(days=1))
    elif cut.start == start and start <= cut.end < end:
        kept = DateRange(cut.end + timedelta(days=1), end)
    else:
        return None
    return DateMatch(found.start, found.end, kept, found.text)


def _left_out(rest: str, period: DateRange, today: date) -> DateRange | None:
    edge = _EDGE_DAY.match(rest)
    if edge is not None:
        day = period.end if edge["edge"].lower() == "last" else period.start
        return DateRange(day, day)
    named = find_date_range(rest, today)
    return named.range if named is not None and not rest[: named.start].strip() else None


def _past_period_after(text: str, found: DateMatch | None, today: date) -> DateMatch | None:
    """ "area meeting tomorrow, need net volume and average payment for last week": a period
    already begun, said after one still to come, is the one asked about."""
    if found is None or found.range.start is None or found.range.start <= today:
        return None
    later = _period_from(text, found.end, today)
    if later is None or later.range.start is None or later.range.start > today:
        return None
    return later


def bare_amounts(ents: Entities) -> list[MoneyMatch]:
    """Plain numbers read as amounts ("charge jane 50"): only once the skill wants money."""
    return [_api_amount(ents.text, hit) for hit in _money(ents, bare=True)]


def _money(ents: Entities, bare: bool) -> list[MoneyMatch]:
    text = ents.masked
    for _ in range(_MAX_REREADS):
        try:
            return find_money(text, default_currency=None, bare_numbers=bare)
        except MoneyParseError as err:
            if ents.money_error is None:  # a money action asks (slots)
                ents.money_error, ents.unclear_currency = str(err), err.unclear_currency
            dotted = _DOTTED_IN_ERROR.match(str(err))
            if dotted is None or dotted["n"] not in text:
                return []
            # "between 250 and 1.000 dollar": to filter a list, the dot groups thousands
            text = re.sub(rf"(?<![\d.,]){re.escape(dotted['n'])}(?![\d.,])", _comma, text)
    return []


_MAX_REREADS = 3
_DOTTED_IN_ERROR = re.compile(r"'(?P<n>[1-9]\d{0,2}\.\d{3})' could be")


def _comma(m: re.Match[str]) -> str:
    return m.group().replace(".", ",")  # same length: offsets hold


def _skip(kind: str, m: re.Match[str]) -> bool:
    """Matches that are no entity: a skill name as a "lookup key" ("refund_payment"), quotes
    around nothing left (an id inside), and the quotes of a JSON object (its keys and values
    are the request itself)."""
    if kind == "key":
        word = m.group(0).lower()
        return word in LEXICON.surface or word in LEXICON.canonical_words
    if kind == _QUOTE:
        inner = next(g for g in m.groups() if g is not None)
        return not inner.strip() or m.string.lstrip().startswith("{")
    if kind == "note" and _heads_message(m.string[: m.start()]):
        return True  # "Developer note: … refund $12 of ch_X": a label heading the request
    if kind == "phone" and m.groupdict().get("nat"):  # "07700 900123", "06 12 34 56 78"
        return sum(c.isdigit() for c in m["nat"]) < _NATIONAL_DIGITS
    # "the description says it's auto-confirmed": what a record says, no description given
    return kind == "desc" and _REPORTED_DESC.search(m.string, 0, m.start("v")) is not None


_REPORTED_DESC = re.compile(
    r"\b(?:the|its|their|her|his|that)\s+(?:description|desc|memo)\s+(?:says|said|reads)\s+$", re.I
)


_DESC_LABEL = re.compile(
    r"[^\W\d_]+\s*(?:(?:write|put|say|type|enter)\s*:|is\s+|:|=|-|to\s+|as\s+|says?\s+|reads?\s+"
    r"|should\s+(?:say|read|be)\s+)?\s*",
    re.I,
)
_LABEL_WORDS = 3


def _heads_message(before: str) -> bool:
    """Nothing but a few plain words ("Developer", "Quick") before a note label."""
    words, tail = before.split(), before.rstrip()[-1:]
    if tail and tail in ".!?;,\n":
        return False  # a sentence ends before it: the note follows the request
    return len(words) <= _LABEL_WORDS and not any(c.isdigit() or c in "_@$€£" for c in before)


def _value(kind: str, m: re.Match[str], text: str) -> Any:
    if kind == _QUOTE:
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        return text[m.start(group) : m.end(group)].strip()
    if kind == "note":
        return text[m.start(1) : m.end(1)].strip()
    if kind == "desc" and "v2" in m.re.groupindex:  # put X as the description
        put = next(g for g in ("v", "v2", "v3", "v4") if m[g] is not None)
        return _ID_LABEL.sub("", _TRAILER.sub("", text[m.start(put) : m.end(put)]).strip())
    if kind == "desc":  # from the original text: markup inside a description is data too
        label = _DESC_LABEL.match(text, m.start())
        start = label.end() if label else m.start("v")
        value = _TRAILER.sub("", text[start : m.end("v")]).strip()
        # "£19.99 (description: ebook bundle)": the bracket closes around the label
        opened = text.rfind("(", 0, m.start()) > text.rfind(")", 0, m.start())
        return value[:-1].rstrip() if opened and value.endswith(")") and "(" not in value else value
    if kind == "phone" and "v" in m.re.groupindex:
        return _TRAILER.sub("", text[m.start("v") : m.end("v")]).strip()
    if kind == "plan":
        words = re.split(r"[\s\-]+", (m["p"] or m["p2"]).lower())
        return "_".join([*words, str(_S["plan_intervals"][(m["i"] or m["i2"]).lower()])])
    if kind == "email" and "@" not in m.group(0):
        return _spoken_email(m.group(0))
    if kind == "email":
        return _POSSESSIVE_TLD.sub(r"\1", m.group(0).lower())
    if kind in ("key", "domain"):
        return m.group(0).lower()
    if kind == "trial":
        n, unit = _pair(m, "n", "u")
        days_per = int(_S["trial_units"][unit.lower()]) if unit else 1  # "trial_days=21"
        return (number_value(n) or 0) * days_per
    if kind == "share":
        return share_value(m)
    if kind == "seats":
        groups = (m["n"], m["n2"], m["n3"], m["n4"], m["n5"])
        return number_value(next(g for g in groups if g))
    if kind in _STRIPE_IDS:
        prefix, _, rest = m.group(0).strip().partition("_")
        return f"{prefix.lower()}_{rest}"  # a phone capitalises "Pi_3Ku…"; Stripe's ids are "pi_"
    return m.group(0).strip()


_POSSESSIVE_TLD = re.compile(r"(\.(?:com|org|net|edu|gov|io))s$")
"""'amy@gmail.coms card': the possessive "s" typed without its apostrophe (no such domain)."""
_STRIPE_IDS = frozenset({"pi", "cus", "price", "otherid"})


def _spoken_email(text: str) -> str:
    out = " ".join(text.lower().split())
    for word, sign in _SPOKEN.items():
        out = out.replace(word, sign)
    return out.replace(" ", "")  # (letters spelled one by one join up)


def share_value(m: re.Match[str]) -> Fraction:
    """ "25%" -> 1/4, "two thirds" -> 2/3, "half of" -> 1/2, "3/4" -> 3/4."""
    if m["pct"]:
        return Fraction(m["pct"].replace(",", ".")) / 100
    if m["npct"]:
        return Fraction(number_value(m["npct"]) or 0, 100)
    if m["num"]:
        return Fraction(int(m["num"]), int(m["den"]))
    count = _SHARE_COUNTS[m["k"].lower()] if m["k"] else 1
    return Fraction(count, _SHARE_WORDS[(m["w"] or m["w2"] or m["w3"] or m["w4"]).lower()])


def _pair(m: re.Match[str], a: str, b: str) -> tuple[str, str]:
    for suffix in ("", "2", "3", "4", "5"):
        if m.groupdict().get(a + suffix):
            return m[a + suffix], m[b + suffix]
    raise ValueError("unreachable: a trial match without a number")
