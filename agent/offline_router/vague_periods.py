"""A period a careful person asks about before reading: "over the holidays" (which days?),
"early March" (the 1st to the 10th? the 15th?), "fiscal Q1" (when does your year start?),
"03/04" (March 4 or April 3?). Guessing gives a confident answer about the wrong days."""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA
from skills._date_words import MONTH_ABBREVIATIONS, MONTHS_FULL, alternation

_S = DATA.slots
_PHRASES = re.compile(
    r"\b(?:" + "|".join(re.escape(str(p)) for p in _S["vague_period_phrases"]) + r")\b", re.I
)
_MONTH = alternation([*MONTHS_FULL, *MONTH_ABBREVIATIONS])
_PART_OF_A_MONTH = re.compile(
    rf"\b(?:early|mid|late|end\s+of|beginning\s+of)[\s-]+(?:{_MONTH})\b(?![\s-]*\d)", re.I
)
_FISCAL_PERIOD = re.compile(
    r"\b(?:fiscal|financial|fy)\s*(?:(?:year|yr)\s*)?(?:q[1-4]|h[12]|quarter|half|year|yr|\d{2,4})\b"
    r"|\bq[1-4]\s+of\s+(?:the|this|last|our)\s+(?:fiscal|financial)\s+year\b",
    re.I,
)
_FISCAL_START = re.compile(r"\b(?:starts?|begins?|starting|beginning|runs?\s+from)\b", re.I)
_SLASH = re.compile(r"(?<![\w/.,-])(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\w/]|[.,]\d)")


def vague_period(text: str, days_given: bool = False) -> str | None:
    """The words of the message's period when they could mean clearly different days; with
    `days_given` ("Spring break camp ran March 23rd through March 27th"), a named period is
    settled by those days, and only a day written either way ("03/04") is still asked."""
    for rx in () if days_given else (_PHRASES, _PART_OF_A_MONTH):
        if (m := rx.search(text)) is not None:
            return m.group()
    if (m := _FISCAL_PERIOD.search(text)) is not None and not _FISCAL_START.search(text):
        return m.group()  # "fiscal Q1" without saying when the fiscal year starts
    return _either_order(text)


def _either_order(text: str) -> str | None:
    """Days written "03/04" (or "04/05/2026"), each readable either way: both numbers could be the
    month. A slash date that can only be day-first (or month-first) settles the order, as in
    "28/3 to 3/4"; one day written twice the same ("3/3") needs no order."""
    found = list(_SLASH.finditer(text))
    pairs = [(int(m[1]), int(m[2])) for m in found]
    if not pairs or len(pairs) > 2 or any(not (1 <= n <= 12) for pair in pairs for n in pair):
        return None
    if all(a == b for a, b in pairs):
        return None
    return " to ".join(m.group() for m in found) if len(found) > 1 else found[0].group()
