"""`MoneyMatch`; amounts spoken in two parts; grouping that only a zero-decimal currency allows.

"twenty five dollars and fifty cents", "twelve pounds fifty" and "5 euros 99" say the whole
units and the hundredths apart; `minor_tail` reads the second part. "2.000 ¥" can't mean two
yen with three decimals (yen have none), so `zero_decimal_grouped` reads it as 2000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from skills._currency_data import (
    AFTER_NUMBER_WORDS,
    CENT_WORDS,
    MINOR_UNIT_WORDS,
    THREE_DECIMAL_CURRENCIES,
    ZERO_DECIMAL_CURRENCIES,
)
from skills._money_text import is_count, not_money_spans
from skills._number_words import WORD_RUN_PATTERN, parse_number_words

_UNIT = "|".join(sorted(MINOR_UNIT_WORDS, key=len, reverse=True))
_TAIL = re.compile(
    rf"(?P<sep>\s*,?\s*(?:and\s+)?)"
    rf"(?P<n>\d{{1,2}}(?![\d.,:/]\d|\d)|{WORD_RUN_PATTERN})"
    rf"(?:\s*(?P<unit>(?:{_UNIT})\b|¢))?",
    re.IGNORECASE,
)
_MAJOR_WORD_END = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in AFTER_NUMBER_WORDS) + r")$", re.IGNORECASE
)
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+")
MIN_BARE_HUNDREDTHS = 10
"""Without "cents", the second part must look like hundredths ("pounds fifty", not "five")."""


@dataclass(frozen=True)
class MoneyMatch:
    """One amount found in a sentence: where it is, what it is worth, in which currency."""

    start: int
    end: int
    amount: int
    currency: str | None
    text: str


def join_hundredths(text: str, found: list[MoneyMatch], default: str | None) -> list[MoneyMatch]:
    """Joins an amount and the hundredths said after it: "twenty dollars and fifty cents",
    "twelve pounds fifty", "thirty two euros ten cents" are one amount each."""
    out: list[MoneyMatch] = []
    for hit in found:
        if out and out[-1].end > hit.start:
            continue  # the hundredths part of the amount before
        out.append(_joined(text, hit, found, default) or hit)
    return out


def _joined(
    text: str, hit: MoneyMatch, found: list[MoneyMatch], default: str | None
) -> MoneyMatch | None:
    currency = hit.currency or default or "usd"
    two_decimals = currency not in ZERO_DECIMAL_CURRENCIES | THREE_DECIMAL_CURRENCIES
    if not two_decimals or hit.amount <= 0 or is_cents(hit.text):
        return None
    tail = minor_tail(text, hit.text, hit.end)
    if tail is None:
        return None
    end, hundredths, has_unit = tail
    for other in found:  # the tail may hold an amount of its own ("... and twenty quid")
        inside = other is not hit and hit.end <= other.start < end
        if inside and (not (has_unit and is_cents(other.text)) or other.end > end):
            return None
    return MoneyMatch(hit.start, end, hit.amount + hundredths, hit.currency, text[hit.start : end])


def zero_decimal_grouped(numeral: str) -> Decimal | None:
    """ "2.000" / "50,000" as whole units: the only reading for a currency without decimals."""
    return Decimal(re.sub(r"[.,]", "", numeral)) if _GROUPED.fullmatch(numeral) else None


def minor_tail(text: str, major_text: str, end: int) -> tuple[int, int, bool] | None:
    """(end of the hundredths part after an amount, its value 1-99, whether it carried a
    unit word), or None when the words after the amount are no hundredths of it.

    With a unit ("and fifty cents", "10 pence") any 1-99 counts; without one the amount must
    end in a currency word and the number be a bare 10-99 ("twelve pounds fifty"), not
    joined by "and" or a comma, and not a count ("20 euros 15 payments")."""
    m = _TAIL.match(text, end)
    if m is None:
        return None
    value = _whole(m["n"])
    if value is None or not 1 <= value <= 99 or _guarded(text, m.start("n")):
        return None
    if m["unit"]:
        return m.end(), value, True
    bare_ok = (
        value >= MIN_BARE_HUNDREDTHS
        and not m["sep"].strip()
        and _MAJOR_WORD_END.search(major_text) is not None
        and not is_count(text, m.start("n"), m.end("n"))
    )
    return (m.end("n"), value, False) if bare_ok else None


def is_cents(expression: str) -> bool:
    """ "fifty cents", "99¢": an amount that is itself hundredths."""
    words = expression.lower().split()
    return bool(words) and (words[-1] in CENT_WORDS or expression.endswith("¢"))


def _guarded(text: str, pos: int) -> bool:
    """The number is part of a date, time or the like ("20 euros 15 march")."""
    return any(s <= pos < e for s, e in not_money_spans(text))


def _whole(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    value = parse_number_words(token)
    return int(value) if value is not None and value == value.to_integral_value() else None
