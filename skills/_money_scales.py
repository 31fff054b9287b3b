"""Scales said once for two numbers or with a half: "between two and five grand" (both in
thousands), "a grand and a half", "two and a half grand" (1,500 and 2,500). Spoken this way
the scale word comes last, so the number before it would read as a few dollars."""

from __future__ import annotations

import re
from decimal import Decimal

from skills._money_parts import MoneyMatch
from skills._number_words import parse_number_words

_SCALES = {"grand": 1000, "k": 1000, "thousand": 1000, "million": 10**6, "m": 10**6}
_SCALED = re.compile(r"(?:\s*|\s+)(grand|k|thousand|million|m)$", re.I)
_JOIN = re.compile(r"\s*(?:and|to|or|-|–)\s*$", re.I)
_SMALL = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_HALF = re.compile(
    rf"\b(?P<n>{_SMALL})\s+and\s+a\s+half\s+(?P<s>grand|thousand|k)\b"
    r"|\b(?P<n2>a|one)\s+(?P<s2>grand|thousand)\s+and\s+a\s+half\b",
    re.I,
)


def shared_scale(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """A bare number joined to a scaled one takes its scale ("two and five grand")."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        scale = _SCALED.search(second.text)
        joined = _JOIN.fullmatch(text[first.end : second.start]) is not None
        bare = first.text.strip().isdigit() or parse_number_words(first.text) is not None
        if scale and joined and bare and first.currency in (None, second.currency):
            times = _SCALES[scale.group(1).lower()]
            out[i] = MoneyMatch(
                first.start, first.end, first.amount * times, second.currency, first.text
            )
    return out


def and_a_half(text: str) -> list[tuple[int, int, Decimal]]:
    """ "a grand and a half", "two and a half grand": (start, end, value) of the number and a
    half, in thousands."""
    out = []
    for m in _HALF.finditer(text):
        word = (m["n"] or m["n2"]).lower()
        n = Decimal(1) if word in ("a", "an") else parse_number_words(word) or Decimal(word)
        out.append(
            (m.start(), m.end(), (n + Decimal("0.5")) * _SCALES[(m["s"] or m["s2"]).lower()])
        )
    return out
