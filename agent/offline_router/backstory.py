"""Story first, request after: "A customer phoned saying her card was declined a couple of
times last week. Could you show me the failed payments from last week?" The story's words
("a couple of times", "half the order", "the sales team", "Brightwater Analytics") are no
arguments and no skill; the one sentence that asks is the request.

Only a sentence that stands on its own is read alone: one that points back into the story
("could you refund it?", "search for them") needs the story, and the whole message is read.
"""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA

_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z\"'“(]|(?:can|could|would|will)\s+(?:you|u)\b|please\b|pls\b)"
    r"|(?<=,)\s+(?=(?:please|pls|kindly|so\s+please|can\s+you|could\s+you)\s+[a-z]+\s+\S)",
)
"""A sentence ends at its mark, or at a comma before a plea ("we just moved our client onto a
monthly retainer, please set up agency_retainer_monthly for cus_X")."""
_ABBREVIATION = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in DATA.slots["backstory"]["abbreviations"]) + r")\.$",
    re.I,
)
_ASKS = re.compile(
    r"\b(?:" + "|".join(DATA.slots["backstory"]["asking"]) + r")\b",
    re.I,
)
_POINTS_BACK = re.compile(
    r"\b(?:" + "|".join(DATA.slots["backstory"]["pointing_back"]) + r")\b",
    re.I,
)
_PURPOSE = re.compile(r"\bso\s+(?:that\s+)?(?:i|we)\s+(?:can|could)\b.*$", re.I | re.S)
"""'…so I can go through them one by one': its pronouns point at the request's own objects."""
_QUOTES = re.compile(r"[\"“”]|(?<!\w)'|'(?!\w)")


def request_sentence(message: str) -> str | None:
    """The one asking sentence of a message that tells a story before it, with the sentences
    after it (details: "Email is yuki@x.jp", "The customer asked for it."), when it names
    everything it asks about itself; else None (read the whole message)."""
    if _QUOTES.search(message):
        return None  # a relayed or quoted request: read by the quote rules
    sentences = _sentences(message.strip())
    if len(sentences) < 2:
        return None
    asking = [i for i, s in enumerate(sentences) if _ASKS.search(s)]
    if len(asking) != 1 or asking[0] == 0:
        return None
    if _POINTS_BACK.search(_PURPOSE.sub("", sentences[asking[0]])):
        return None
    return " ".join(sentences[asking[0] :])


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for part in _SENTENCE_END.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"  # "Mr. Patel", "Sato Trading Co. has agreed"
        else:
            out.append(part)
    return [s.strip() for s in out if s.strip()]


_REMARK_AFTER = re.compile(
    r"\s+[—–-]+\s+(?=(?:it|they|she|he|we|i|this|that)(?:'s|'re|'ll|'d|'ve|\s+(?:is|was|are|"
    r"were|said|says|will|would|have|has|pay|pays|paid|writes|wrote|wants|needs|asked)\b))",
    re.I,
)
"""'1.250,00 € to cus_X please — it's the invoice Marie sent, she writes…': after a dash, a
clause with its own subject and verb remarks on the request before it."""


def request_before_remark(message: str) -> str | None:
    """The request of a message that remarks on it after a dash, without the remark; None
    when there is no such remark."""
    parts = _REMARK_AFTER.split(message, maxsplit=1)
    return parts[0] if len(parts) == 2 and parts[0].strip() else None


_THEN = re.compile(r",?\s+and\s+then\s+|,\s+and\s+(?:also\s+)?|,\s+then\s+", re.I)
"""Where a second request may begin: "what's the balance, and pull up the last 5 payments" (not
at a semicolon: "name Robert'); DELETE FROM payments;--" is data)."""


def two_requests(message: str) -> tuple[str, str] | None:
    """The message cut where a second request may begin, or None."""
    parts = _THEN.split(message, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 and parts[0].strip() else None
