"""Classify the reply to "Shall I do this?": a false accept moves money, so doubt is unclear."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from agent.offline_router.lexicon import DATA

Reply = Literal["accept", "reject", "unclear"]

_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9'.,!;:()\-\"]")
_CATEGORIES = ("accept", "soft_accept", "reject", "hesitation", "filler")


def _phrase_table() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for category in _CATEGORIES:
        for phrase in DATA.confirmation[category]:
            table[tuple(_tokens(str(phrase)))] = category
    return table


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\ufe0f", "")
    return _TOKEN.findall(text)


_TABLE = _phrase_table()
_LONGEST = max(len(p) for p in _TABLE)
_MAX_TOKENS = 12


def classify_confirmation_reply(message: str) -> Reply:
    """accept only for a clear yes made of known words; reject for a clear no; else unclear."""
    if "?" in message:
        return "unclear"
    tokens = _tokens(message)
    if not tokens or len(tokens) > _MAX_TOKENS:
        return "unclear"
    found = _categories(tokens)
    if found is None:
        return "unclear"
    if "reject" in found:
        return "unclear" if "accept" in found else "reject"
    if "hesitation" in found:
        return "unclear"
    if "accept" in found or "soft_accept" in found:
        return "accept"
    return "unclear"


def _categories(tokens: list[str]) -> set[str] | None:
    """The categories of the phrases covering `tokens`, or None when a word is unknown."""
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            category = _TABLE.get(tuple(tokens[i : i + size]))
            if category:
                found.add(category)
                i += size
                break
        else:
            return None
    return found
