"""Drop an opening greeting ("hi!", "Good morning team,", "hey there -"): it is no part of the
request, and left in, "hi! … thanks" reads as small talk rather than the request between."""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA

_LEX = DATA.lexicon
_GREETING = "|".join(
    re.escape(str(g)).replace(r"\ ", r"\s+")
    for g in sorted(_LEX["greetings"], key=lambda g: len(str(g)), reverse=True)
)
_ADDRESSEE = "|".join(re.escape(str(w)) for w in _LEX["greeting_addressees"])
_NAME = r"(?-i:[A-Z][\w'\-]*)(?=\s*[,!:—–\-])"
"""Whom a greeting names ("Hi Sam, …"): one capitalised word, then punctuation."""
_OPENING = re.compile(
    rf"^\s*(?:{_GREETING})(?:\s+(?:{_ADDRESSEE}|{_NAME}))?\b\s*[,.!:;—–\-]*\s+(?=\S)", re.I
)


def strip_greeting(text: str) -> str:
    """`text` without its opening greeting; unchanged when nothing but the greeting is there."""
    m = _OPENING.match(text)
    if m is None or not re.search(r"\w", text[m.end() :]):
        return text
    return text[m.end() :]
