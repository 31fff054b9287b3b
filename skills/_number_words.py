"""Written-out English numbers, as merchants type them: "fifty", "a hundred",
"one thousand two hundred and fifty", "two point five", "half a million", "twelve fifty".

"twelve fifty" is read the way a price is spoken: 12.50 (two whole numbers below a hundred,
the second at least ten, read as units and hundredths; "nineteen ninety-nine" is 19.99).
Plain compounds keep their usual meaning ("twenty five" is 25, "twelve hundred" is 1200).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


_UNITS = {w: i for i, w in enumerate(_words("zero one two three four five six seven eight nine"))}
_TEENS = {
    w: i + 10
    for i, w in enumerate(
        _words("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
    )
}
_TENS = {
    w: (i + 2) * 10
    for i, w in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "grand": 10**3}
_SCALES |= {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}  # "one lakh rupees"
GRAND_AFTER = (
    r"(?![\s-]+(?:total|totals|opening|openings|prize|prix|piano|slam|finale|tour|hotel|canyon"
    r"|jury|theft|entrance|ballroom|master|scheme|scale|design|old|central|union|marshal"
    r"|parents?|child|children|kids?|son|daughter|mother|father|mum|mom|dad|idea|plan)\b)"
)
"""'a grand', 'two grand or more': a thousand; 'a grand total of', 'a grand opening' are not."""
_DIGITS_AFTER_POINT = {**_UNITS, "oh": 0, "o": 0}

NUMBER_WORDS: frozenset[str] = frozenset(
    [*_UNITS, *_TEENS, *_TENS, *_SCALES, "hundred", "a", "an", "half"]
)

_words_alt = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)).replace(
    "grand", f"grand{GRAND_AFTER}"
)
# A run of number words ("one hundred and fifty", "twenty-five", "two point five").
WORD_RUN_PATTERN = rf"\b(?:{_words_alt})\b(?:[\s-]+(?:{_words_alt}|and|point|oh)\b)*"

_SPLIT = re.compile(r"[\s\-,]+")


@lru_cache(maxsize=1024)
def parse_number_words(text: str) -> Decimal | None:
    """The value of a written-out number, or None when `text` is not one.

    "a"/"an" alone is not a number ("a payment"); digits are not accepted here.
    """
    tokens = [t for t in _SPLIT.split(text.strip().lower()) if t]
    if not tokens:
        return None
    if "point" in tokens:
        return _with_point(tokens)
    if len(tokens) == 3 and tokens[0] == "half" and tokens[1] in ("a", "an"):
        scale = _SCALES.get(tokens[2]) or (100 if tokens[2] == "hundred" else None)
        return Decimal(scale) / 2 if scale else None
    whole = _integer(tokens)
    if whole is not None:
        return Decimal(whole)
    return _price_form(tokens)


def _with_point(tokens: list[str]) -> Decimal | None:
    """ "two point five" -> 2.5, "point five" -> 0.5."""
    i = tokens.index("point")
    whole = _integer(tokens[:i]) if i else 0
    digits = [_DIGITS_AFTER_POINT.get(t) for t in tokens[i + 1 :]]
    if whole is None or not digits or any(d is None for d in digits):
        return None
    return Decimal(f"{whole}.{''.join(str(d) for d in digits)}")


def _integer(tokens: list[str]) -> int | None:
    """A whole number in the usual grammar, or None when the words don't form one."""
    total, current, last, last_scale = 0, 0, "", 10**12
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("a", "an"):
            if i != 0 or (nxt != "hundred" and nxt not in _SCALES):
                return None
            current, last = 1, "unit"
        elif tok == "and":
            if last not in ("hundred", "scale") or not nxt:
                return None
            last = "and"
        elif tok in _UNITS:
            if last not in ("", "hundred", "scale", "and", "tens") or (
                tok == "zero" and len(tokens) > 1
            ):
                return None
            current, last = current + _UNITS[tok], "unit"
        elif tok in _TEENS or tok in _TENS:
            if last not in ("", "hundred", "scale", "and"):
                return None
            current += _TEENS.get(tok) or _TENS[tok]
            last = "teen" if tok in _TEENS else "tens"
        elif tok == "hundred":
            if last not in ("unit", "teen", "tens") or not 0 < current < 100:
                return None
            current, last = current * 100, "hundred"
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if last not in ("unit", "teen", "tens", "hundred") or scale >= last_scale:
                return None
            total, current, last, last_scale = total + current * scale, 0, "scale", scale
        else:
            return None
    return None if last in ("", "and") else total + current


def _below_hundred(tokens: list[str]) -> int | None:
    """1..99 written as one or two words ("seven", "twelve", "forty", "forty two")."""
    if len(tokens) == 1:
        tok = tokens[0]
        value = _TEENS.get(tok) or _TENS.get(tok) or _UNITS.get(tok)
        return value or None
    if len(tokens) == 2 and tokens[0] in _TENS and tokens[1] in _UNITS:
        return _TENS[tokens[0]] + _UNITS[tokens[1]] if tokens[1] != "zero" else None
    return None


def _price_form(tokens: list[str]) -> Decimal | None:
    """ "twelve fifty" -> 12.50, "nineteen ninety nine" -> 19.99, "one fifty" -> 1.50."""
    for split in range(1, len(tokens)):
        units = _below_hundred(tokens[:split])
        cents = _below_hundred(tokens[split:])
        if units is not None and cents is not None and cents >= 10:
            return Decimal(units) + Decimal(cents) / 100
    return None
