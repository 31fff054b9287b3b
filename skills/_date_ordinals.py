"""Days written as ordinal words next to a month ("march third", "the twenty-second of
December", "from the first to the fifteenth of May"), rewritten as "3rd", "22nd", "1st".

The rewrite keeps every position (the digits are padded with spaces to the word's length), so
a match found in the rewritten text is the same span of the user's text. Only ordinals beside
a month change: "the second one" or "first quarter" stay words.
"""

from __future__ import annotations

import re

from skills._date_words import MONTH_ABBREVIATIONS, MONTHS_FULL, alternation

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
_TEENS += ["seventeenth", "eighteenth", "nineteenth"]
ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
ORDINALS.update({w: i + 10 for i, w in enumerate(_TEENS)})
ORDINALS.update({"twentieth": 20, "thirtieth": 30, "thirty first": 31})
ORDINALS.update({f"twenty {w}": 20 + i + 1 for i, w in enumerate(_UNITS)})

_ORD = alternation(ORDINALS).replace(r"\s+", r"[\s\-]+")
_MON = alternation([*MONTHS_FULL, *MONTH_ABBREVIATIONS])
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD_RE = re.compile(rf"\b(?:{_ORD})\b", re.IGNORECASE)
_AFTER_MONTH = re.compile(rf"\b(?:{_MON})\.?\s+(?:the\s+)?$", re.IGNORECASE)
_A_MONTH = rf"(?:{_MON}|(?:the\s+)?(?:this|current|last|previous|past)\s+month)"
_BEFORE_MONTH = re.compile(
    rf"(?:\s+of|(?:\s*(?:-|–|to|thru|through|until|till|and)\s+(?:the\s+)?(?:{_ORD}|{_DAY}))"
    rf"(?:\s+of)?)\s+{_A_MONTH}\b",
    re.IGNORECASE,
)
_PAIR_START = re.compile(r"(?:from|between)\s+the\s+$", re.IGNORECASE)
_PAIR_AFTER = re.compile(
    rf"\s*(?:-|–|to|thru|through|until|till|and)\s+the\s+(?:{_ORD})(?=\s*(?:$|[,.;:!?)]))",
    re.IGNORECASE,
)
_PAIR_BEFORE = re.compile(
    rf"(?:from|between)\s+the\s+(?:{_ORD})\s*(?:-|–|to|thru|through|until|till|and)\s+the\s+$",
    re.IGNORECASE,
)
"""A pair of day ordinals that ends the sentence ("from the third to the ninth"): days of a
month left unsaid. Not "between the first and the second one"."""
_LOOK = 48


def _suffix(n: int) -> str:
    if n in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal_days(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with ordinal-word days beside a month written in digits, positions unchanged,
    and the spans rewritten (a match ending inside one extends to its end)."""
    spans: list[tuple[int, int]] = []

    def digits(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - _LOOK) : m.start()]
        beside_month = _AFTER_MONTH.search(before) or _BEFORE_MONTH.match(text, m.end())
        first_of_pair = _PAIR_START.search(before) and _PAIR_AFTER.match(text, m.end())
        if not (beside_month or first_of_pair or _PAIR_BEFORE.search(before)):
            return m.group()
        n = ORDINALS[" ".join(re.split(r"[\s\-]+", m.group().lower()))]
        spans.append(m.span())
        return f"{n}{_suffix(n)}".ljust(len(m.group()))

    return (_ORD_RE.sub(digits, text), spans) if _ORD_RE.search(text) else (text, spans)


def end_of_rewrite(end: int, spans: list[tuple[int, int]]) -> int:
    """A match end inside a rewritten ordinal moves to the ordinal's end."""
    return next((b for a, b in spans if a < end < b), end)
