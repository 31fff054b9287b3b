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
    """`text` with each id read out letter by letter written as the id."""
    return _SPOKEN_ID.sub(_written, text)


def _written(m: re.Match[str]) -> str:
    prefix = _PREFIXES[" ".join(m["p"].lower().split())]
    said = _CAPITAL.sub(lambda c: c[1].upper(), m["body"])
    body = "".join(_DIGITS.get(part.lower(), part) for part in said.split())
    return f"{prefix}_{body}"
