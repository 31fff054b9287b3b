"""Story first, request after: "A customer phoned saying her card was declined a couple of
times last week. Could you show me the failed payments from last week?" The story's words
("a couple of times", "half the order", "the sales team", "Brightwater Analytics") are no
arguments and no skill; the one sentence that asks is the request.

Only a sentence that stands on its own is read alone: one that points back into the story
("could you refund it?", "search for them") needs the story, and the whole message is read.
"""

from __future__ import annotations

import re

from agent.offline_router.id_patterns import EMAIL, stripe_id
from agent.offline_router.lexicon import DATA

_SENTENCE_END = re.compile(
    r"(?<=[.!?])[ \t]*\n\s*"  # a mark closing its line ends the sentence, whatever comes next
    r"|(?<=[.!?])\s+(?=[A-Z\"'“(]|(?:can|could|would|will)\s+(?:you|u)\b|please\b|pls\b"
    r"|(?:refund|charge|show|list|find|look|pull|create|add|subscribe|check)\s)"
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
_REFUND = re.compile(r"\brefund", re.I)
_PAYMENT_ID = re.compile(stripe_id("pi", "ch", "py"))
_THAT_EMAIL = re.compile(r"\b(?:that|this|the\s+same)\s+(?:e-?mail|address)\b", re.I)
_PURPOSE = re.compile(r"\bso\s+(?:that\s+)?(?:i|we)\s+(?:can|could)\b.*$", re.I | re.S)
"""'…so I can go through them one by one': its pronouns point at the request's own objects."""
_QUOTES = re.compile(r"[\"“”]|(?<!\w)'|'(?!\w)")


def request_sentence(message: str) -> str | None:
    """The one asking sentence of a message that tells a story before it, with the sentences
    after it (details: "Email is yuki@x.jp", "The customer asked for it."), when it names
    everything it asks about itself; else None (read the whole message)."""
    sentences = _sentences(message.strip())
    if len(sentences) < 2:
        return None
    asking = [i for i, s in enumerate(sentences) if _ASKS.search(s)] or _ordered(sentences)
    if not asking:
        asking = [
            i
            for i, s in enumerate(sentences)
            if i and (_picks_one(sentences[i - 1], s) or _reads_what_it_names(s))
        ]
    if len(asking) != 1 or asking[0] == 0:
        return None
    if _QUOTES.search(" ".join(sentences[asking[0] :])) or (
        _QUOTES.search(sentences[0]) and (_POINTS_BACK.search(sentences[asking[0]]))
    ):
        return None  # a relayed or quoted request: read by the quote rules
    request = sentences[asking[0]]
    picks = asking[0] > 0 and _picks_one(sentences[asking[0] - 1], request)
    if _POINTS_BACK.search(_PURPOSE.sub("", request)) and not (picks or _named_here(request)):
        return None
    story = " ".join(sentences[: asking[0]])
    if _REFUND.search(request) and not _PAYMENT_ID.search(request) and _PAYMENT_ID.search(story):
        return None  # "Her deposit was pi_X. Refund €120 of Lena's": the story's payment
    if _THAT_EMAIL.search(request) and not re.search(EMAIL, request):
        return None  # "…typed their email as M.D@x.org … could you check for a customer w/
        # that email address": the email is in the story
    return " ".join(sentences[asking[0] :])


def _ordered(sentences: list[str]) -> list[int]:
    """The one sentence opening on an order after a story told in statements, long enough to
    be one (no question before it: "what has this customer paid us? show the payments")."""
    orders = [i for i, s in enumerate(sentences) if i and _ORDERS.search(s.strip())]
    if len(orders) != 1:
        return []
    story = sentences[: orders[0]]
    told = sum(len(s.split()) for s in story) >= _MIN_STORY_WORDS
    return orders if told and not any("?" in s for s in story) else []


def _named_here(request: str) -> bool:
    """ "Find her first, her email is june@…", "Pull up her last three payments, she's
    jordan@…": the person pointed at is named where the request asks (for a look-up, a list
    or a charge; a new customer's name is still the story's)."""
    backs = {m.group().lower() for m in _POINTS_BACK.finditer(_PURPOSE.sub("", request))}
    persons = backs <= _PERSON_PRONOUNS
    return persons and bool(_NAMING.search(request)) and not _CREATES.search(request)


_ORDERS = re.compile(
    r"(?:" + "|".join(DATA.slots["backstory"]["ordering"]) + r")\b",
    re.I,
)
_MIN_STORY_WORDS = int(DATA.slots["backstory"]["min_story_words"])
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "his", "hers", "their", "them"})
_NAMING = re.compile(
    r"(?:\b(?:her|his|their)\s+(?:\w+\s+)?(?:e-?mail|address|id)\s+(?:is|:)"
    rf"|\b(?:she|he|they)(?:['’]s|\s+is|['’]re|\s+are))\s+(?:{EMAIL}|{stripe_id('cus')})",
    re.I,
)
_CREATES = re.compile(
    r"\b(?:add(?:ing)?|creat(?:e|ing)|set(?:ting)?\s+up|sign(?:ing)?\s+up|register(?:ing)?"
    r"|onboard(?:ing)?|put(?:ting)?\s+(?:them|him|her)\s+in)\b",
    re.I,
)


def request_before_story(message: str) -> str | None:
    """ "Can you pull up everything Marco Bellini paid us in March? He thinks he got charged
    twice for the same framing job.": the asking sentence first, then why; the why names no
    id, email or amount and asks nothing. None otherwise."""
    if _QUOTES.search(message):
        return None
    sentences = _sentences(message.strip())
    if len(sentences) < 2 or not _ASKS.search(sentences[0]):
        return None
    story = " ".join(sentences[1:])
    if _ASKS.search(story) or _VALUES.search(story):
        return None
    return sentences[0]


def _picks_one(before: str, sentence: str) -> bool:
    """ "…hit twice, ch_A and ch_B. refund the second one, ch_B, as a duplicate": a request
    verb opening the sentence after two payments, naming one of them, picks it."""
    named = _PAYMENT_IDS.findall(sentence)
    earlier = set(_PAYMENT_IDS.findall(before))
    return (
        bool(_OPENS_WITH_VERB.match(sentence))
        and len(named) == 1
        and len(earlier) > 1
        and (named[0] in earlier)
    )


def _reads_what_it_names(sentence: str) -> bool:
    """ "…but no email. find the customer by the company name Atelier Lebeau": a read verb
    opening a sentence that names what it reads (an id, an email, a Capitalised name)."""
    opens = _OPENS_WITH_READ.match(sentence)
    return opens is not None and bool(
        _IDS.search(sentence) or _CAPITALISED.search(sentence, opens.end())
    )


_OPENS_WITH_READ = re.compile(r"\s*(?:show|list|find|look\s+up|pull\s+up)\s", re.I)
_CAPITALISED = re.compile(r"(?<![.!?]\s)\b(?-i:[A-Z][a-z]+)\b")
_OPENS_WITH_VERB = re.compile(r"\s*(?:refund|charge|show|list|find|look\s+up|pull\s+up)\s", re.I)
_PAYMENT_IDS = re.compile(stripe_id("pi", "ch", "py"))
_IDS = re.compile(rf"{stripe_id('pi', 'ch', 'py', 'cus')}|{EMAIL}")
_VALUES = re.compile(r"\d|@|\b[a-z]{2,5}_\w", re.I)


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


_THEN = re.compile(
    r",?\s+and\s+then\s+|,\s+and\s+(?:also\s+)?|,\s+then\s+|(?<=[?.!])\s+(?:and\s+)?also[,:]?\s+",
    re.I,
)
"""Where a second request may begin: "what's the balance, and pull up the last 5 payments" (not
at a semicolon: "name Robert'); DELETE FROM payments;--" is data)."""


def two_requests(message: str) -> tuple[str, str] | None:
    """The message cut where a second request may begin, or None."""
    parts = _THEN.split(message, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 and parts[0].strip() else None
