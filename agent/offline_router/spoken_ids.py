"""Stripe ids read out to a phone's dictation: "p i underscore three k x seven m two z nine"
is `pi_3kx7m2z9`, "c u s underscore q eight r t two m x" is `cus_q8rt2mx`. Only after an id's
prefix and the word "underscore": a plan key said the same way ("basic underscore monthly")
is shorthand's, and plain words are never spelled into an id.
"""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA

_D = DATA.slots["spoken_ids"]
_PREFIXES: dict[str, str] = {str(k): str(v) for k, v in _D["prefixes"].items()}
_DIGITS: dict[str, str] = {str(k): str(v) for k, v in _D["digits"].items()}
_PREFIX = "|".join(
    r"\s+".join(map(re.escape, p.split())) for p in sorted(_PREFIXES, key=len, reverse=True)
)
_AMOUNT_WORDS = r"(?:hundred|thousand|grand|million|dollars?|euros?|pounds?|yen|bucks)\b"
"""'… y two k one thousand yen': a digit word starting an amount ends the id before it."""
_CHAR = (
    rf"(?:(?:capital\s+|upper\s*case\s+)?[a-z](?![\w'])|\d+(?![\w'])"
    rf"|(?:{'|'.join(_DIGITS)})(?![\w'])(?!\s+{_AMOUNT_WORDS}))"
)
_CAPITAL = re.compile(r"(?:capital|upper\s*case)\s+([a-z])", re.IGNORECASE)
"""'n eight x q capital r two': a letter said to be upper case."""
_SPOKEN_ID = re.compile(
    rf"\b(?P<p>{_PREFIX})\s+underscore\s+(?P<body>{_CHAR}(?:\s+{_CHAR})*)", re.IGNORECASE
)


def with_spoken_ids(text: str) -> str:
    """`text` with each id read out letter by letter written as the id, and brackets said
    aloud ("open bracket … close bracket") written as brackets."""
    text = _CLOSE_BRACKET.sub(") ", _OPEN_BRACKET.sub(" (", text))
    out, last = [], 0
    for m in _SPOKEN_ID.finditer(text):
        tail = _GARBLED_TAIL.match(text, m.end())
        garbled = tail is not None and len(tail.group().split()) >= _GARBLED_WORDS
        out += [text[last : m.start()], _UNCLEAR if garbled else _written(m)]
        last = tail.end() if garbled and tail is not None else m.end()
    return "".join([*out, text[last:]])


_UNCLEAR = "an id (could not make it out)"
"""More spoken letters trailing after a break in an id ("pie underscore three and kay queue two
a l m"): the id is not made out, and the router asks for it."""


_LETTER_NAMES = "|".join(str(w) for w in _D["letter_names"])
_GARBLED_TAIL = re.compile(
    rf"(?:\s+(?:and|{_LETTER_NAMES}|[a-z]|{'|'.join(_DIGITS)})(?![\w']))+", re.IGNORECASE
)
_GARBLED_WORDS = 3


_OPEN_BRACKET = re.compile(r"\s*\b(?:open|left)\s+(?:bracket|paren(?:thesis)?)\s*", re.I)
_CLOSE_BRACKET = re.compile(
    r"\s*\b(?:close|closed|right|end)\s+(?:bracket|paren(?:thesis)?)\b\s*", re.I
)


def _written(m: re.Match[str]) -> str:
    prefix = _PREFIXES[" ".join(m["p"].lower().split())]
    said = _CAPITAL.sub(lambda c: c[1].upper(), m["body"])
    body = "".join(_DIGITS.get(part.lower(), part) for part in said.split())
    return f"{prefix}_{body}"
