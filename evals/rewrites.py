"""Meaning-preserving rewrites of a user message, the way hurried people type the same thing.

Each rewrite keeps every value the case expects back (ids, emails, names, descriptions are
never touched), so a case that passes should still pass after it; a flip is brittleness.
Rewrites are deterministic (a typo's position comes from a checksum of the text, not from
Python's salted hash), so two runs over the same cases give the same figures.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel

Where = Literal["first", "all"]


class Rewrite(BaseModel):
    """A rewrite and which turns it applies to: the opening request, or every message."""

    name: str
    where: Where
    about: str


_ID_OR_EMAIL = re.compile(r"[_@\d]")
_TRAILING = re.compile(r"[.!?]+$")
_CONTRACTION = re.compile(r"(?<=[a-z])'(?=(?:s|t|re|ve|ll|d|m)\b)", re.I)


def _kept(word: str, protected: str) -> bool:
    """A word that carries an expected value (or an id or email) is never rewritten."""
    bare = word.strip(".,!?;:()\"'").lower()
    return bool(_ID_OR_EMAIL.search(word)) or (bool(bare) and bare in protected)


def lowercase(text: str, protected: str) -> str:
    """All in lowercase, as typed on a phone with autocapitalisation off."""
    return " ".join(w if _ID_OR_EMAIL.search(w) else w.lower() for w in text.split(" "))


_SHORT_REPLY = 3


def no_apostrophes(text: str, protected: str) -> str:
    """Contractions and possessives without their apostrophe, no closing punctuation (but the
    question mark of a reply of a few words: in "ok?" the mark is the meaning, "ok" a yes)."""
    words = [w if _kept(w, protected) else _CONTRACTION.sub("", w) for w in text.strip().split(" ")]
    joined = " ".join(words)
    if len(words) <= _SHORT_REPLY and joined.rstrip().endswith("?"):
        return joined
    return _TRAILING.sub("", joined)


def greeting_and_thanks(text: str, protected: str) -> str:
    """ "hi! … thanks": a greeting before the request, thanks after it."""
    return f"hi! {text} thanks"


def signature(text: str, protected: str) -> str:
    """A sign-off and the writer's name on lines of their own."""
    return f"{text}\n\nThanks,\nPriya"


def urgency(text: str, protected: str) -> str:
    """ "… asap" closing the request."""
    return text.rstrip(".! ") + " asap"


def emoji(text: str, protected: str) -> str:
    """An emoji closing the message."""
    return text + " 🙏"


def context_before(text: str, protected: str) -> str:
    """A sentence of context before the request."""
    return "Quick one from the front desk. " + text[:1].upper() + text[1:]


def one_typo(text: str, protected: str) -> str:
    """Two neighbouring letters swapped in one longer word that carries no expected value."""
    rng = random.Random(zlib.crc32(text.encode()))
    words = text.split(" ")
    candidates = [
        i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{6,}", w) and not _kept(w, protected)
    ]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word = words[i]
    j = rng.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


REWRITES: dict[str, tuple[Rewrite, Callable[[str, str], str]]] = {
    fn.__name__: (Rewrite(name=fn.__name__, where=where, about=str(fn.__doc__).strip()), fn)
    for fn, where in (
        (lowercase, "all"),
        (no_apostrophes, "all"),
        (greeting_and_thanks, "first"),
        (signature, "first"),
        (urgency, "first"),
        (emoji, "first"),
        (context_before, "first"),
        (one_typo, "first"),
    )
}
