"""Classify the reply to "Shall I do this?": a false accept moves money, so doubt is unclear."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from agent.offline_router import shorthand
from agent.offline_router.fuzzy import MIN_LEN, index_within_one, within_one
from agent.offline_router.fuzzy import deletes as _deletes
from agent.offline_router.greeting import strip_greeting
from agent.offline_router.lexicon import DATA, alternatives
from agent.offline_router.relayed_verdicts import relayed_verdict
from agent.offline_router.signoff import strip_signoff

Reply = Literal["accept", "reject", "unclear"]

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s'.,!;:()\-\"—–¿¡…]")
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


def _reply_tokens(message: str) -> list[str]:
    """The reply's words without a greeting, sign-off or closing "thanks"/emoji around them."""
    return [_slip(t) for t in _tokens(shorthand.expand(strip_signoff(strip_greeting(message))))]


@lru_cache(maxsize=4096)
def _slip(token: str) -> str:
    """ "Yes, plaese go ahead": a slip of a filler word is that word. Only filler words are
    read through a typo; an accept or a reject must be typed as it is."""
    if len(token) < MIN_LEN or token in _VOCABULARY:
        return token
    near = {w for probe in _deletes(token) | {token} for w in _FILLER_INDEX.get(probe, ())}
    return next((w for w in sorted(near) if within_one(token, w)), token)


_TABLE = _phrase_table()
_VOCABULARY = frozenset(w for phrase in _TABLE for w in phrase)
_LONG_FILLERS = [
    p[0] for p, c in _TABLE.items() if c == "filler" and len(p) == 1 and len(p[0]) >= MIN_LEN
]
_FILLER_INDEX = index_within_one(_LONG_FILLERS)
_QUESTION_STARTS = frozenset(str(w) for w in DATA.confirmation["question_starts"])
_FIRM = frozenset(str(w) for w in DATA.confirmation["firm_words"])
_LONGEST = max(len(p) for p in _TABLE)
_MAX_TOKENS = 12
_MAX_WORDS = 2 * _MAX_TOKENS
"""Words before any sign-off is cut: a signed "yes" ("Yes, go ahead. Kind regards, …")."""


def classify_confirmation_reply(message: str) -> Reply:
    """accept only for a clear yes made of known words; reject for a clear no; else unclear."""
    message = _CITED.sub("", message) or message  # "Approved per ticket FIN-2291."
    if (asked := _POLITE_ASK.match(message)) is not None:  # "would you mind going ahead?"
        inner = _GERUND.sub(lambda m: _GERUNDS[m.group().lower()], asked["rest"])
        if (verdict := classify_confirmation_reply(inner)) != "unclear":
            return verdict
    if "?" in message or len(message.split()) > _MAX_WORDS:
        return "unclear"  # (a long message is no plain yes or no: spare the reading)
    if (relayed := relayed_verdict(message)) is not None:
        return relayed  # "approved=true", "user approved the pending action"
    if _TAKEN_BACK.search(message):
        return "reject"  # "sure... wait no": the last word is the answer
    if (meant := _MEANT.match(message)) is not None:
        return classify_confirmation_reply(meant["answer"])  # "no, sorry, I mean yes — proceed"
    tokens = _reply_tokens(message)
    if not tokens or len(tokens) > _MAX_TOKENS or _starts_a_question(tokens):
        return "unclear"  # "is that the right one": a question, with or without its mark
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


_CITED = re.compile(
    r"[,;]?\s*\(?(?:as\s+)?(?:per|ref(?:erence)?|see|under|re)\s+(?:the\s+)?"
    r"(?:ticket|case|request|req|change|cr|jira|issue|po|approval|rfc)\s*(?:no\.?\s*|#\s*)?"
    r"[A-Za-z]{0,8}-?\d{2,}\)?(?=\s*[.!]*\s*$)",
    re.I,
)
"""A ticket the answer cites ("Approved per ticket FIN-2291", "yes (ref CR-118)"): whose paper
trail, no condition on the answer."""

_POLITE_ASK = re.compile(
    r"^\s*(?:(?:would|could|can|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?(?:mind\s+)?)"
    r"(?P<rest>[^?]+?)\s*(?:,?\s*(?:please|pls|thanks))?\s*\?+\s*$",
    re.I,
)
"""A yes or no asked as a favour: "would you mind going ahead with that?", "can you cancel it?"."""
_GERUNDS = {
    "going": "go",
    "proceeding": "proceed",
    "doing": "do",
    "running": "run",
    "putting": "put",
    "sending": "send",
    "processing": "process",
    "cancelling": "cancel",
    "canceling": "cancel",
    "dropping": "drop",
}
_GERUND = re.compile(r"\b(?:" + "|".join(_GERUNDS) + r")\b", re.I)
_PAUSE = r"(?:hold\s+on|hang\s+on|wait|hmm+|h+m+|actually|um+|uh+|oh|ah|sorry)"
_NO_FIRST = re.compile(
    rf"^\s*(?:{_PAUSE}[\s,.!…-]*)*(?:no|nope|nah)(?:\s+{_PAUSE})?\s*(?:[,.!;:…]|-|—|–)\s*\w",
    re.I,
)
"""A no said first, then why or what instead ("No, leave it. We'll send a replacement", "no
wait, she's paying cash")."""
_TO_CONFIRM = re.compile(r"\bto\s+(?:confirm|check|verify)\b", re.I)
"""'…I need to confirm the trial length first': a plan, no yes."""
_TAKEN_BACK = re.compile(
    r"\b(?:wait|actually|hold\s+on|on\s+second\s+thought)[\s,.!…-]*(?:no|nope|nah|cancel)"
    r"[\s.!…]*$",
    re.I,
)
"""A yes taken back before it ends ("sure... wait no"): the last word is the answer."""

_MEANT = re.compile(
    r"^\s*(?:no|nope|yes|yeah|yep)[\s,.!—–-]*(?:sorry[\s,.!—–-]*)?i\s+mean[t]?[\s,:—–-]+"
    r"(?P<answer>(?:yes|yeah|yep|no|nope)\b[^?]*)$",
    re.I,
)
"""A slip corrected at once ("no, sorry, I mean yes — proceed"): the meant answer counts."""

_RELAYED = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|right|well)[,\s]+)?"
    rf"(?:{alternatives(DATA.confirmation['relay_subjects'])})\s+(?:{alternatives(DATA.confirmation['relay_says'])})\s*[,:]?\s*",
    re.I,
)


def without_relay(message: str) -> str:
    """ "okay she says no", "Customer says yes, go ahead": the answer the user passes on is
    read as the user's own (they typed it, and they chose to pass it on)."""
    return _RELAYED.sub("", message, count=1)


def asks_a_question(message: str) -> bool:
    """A question, with or without its mark: "is that the right one" is no yes, whatever
    accept words ("right") it holds."""
    return "?" in message or _starts_a_question(_reply_tokens(message))


def _starts_a_question(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[0] in _QUESTION_STARTS


def no_said_first(message: str) -> bool:
    """ "No, leave it. We'll send a replacement instead.", "Hold on, no - I need to confirm the
    trial length with her first": a no, then why; no yes anywhere after it."""
    later = _TO_CONFIRM.sub(" ", message)  # a soft word after it ("I just checked") is no yes
    later = _NEGATED_YES.sub(" ", later)  # nor is "… Don't do it yet."
    return bool(_NO_FIRST.match(message)) and not _has_phrase_of(later, ("accept",))


_NEGATED_YES = re.compile(
    r"\b(?:don['’]?t|do\s+not|never)\s+(?:do\s+it|go\s+ahead|proceed|run\s+it|charge\s+it"
    r"|refund\s+it|put\s+it\s+through)\b",
    re.I,
)


def firm_reply(message: str) -> bool:
    """A yes or no said outright ("yes go ahead, thanks"), not just "ok, thanks" or "great"."""
    if classify_confirmation_reply(message) == "unclear":
        return False
    return not _FIRM.isdisjoint(_reply_tokens(message))


def only_hesitation(message: str) -> bool:
    """ "hold on", "hmm, let me think": a pause, no answer."""
    tokens = _reply_tokens(message)
    found = _categories(tokens) if tokens else None
    return found is not None and "hesitation" in found and found <= {"hesitation", "filler"}


_LEAD = 4


def leads_with_hesitation(message: str) -> bool:
    """ "uh hold on let me check with my partner": the first words are a pause, whatever
    follows them."""
    tokens = _reply_tokens(message)
    for size in range(min(_LEAD, len(tokens)), 0, -1):
        found = _categories(tokens[:size])
        if found is not None and "hesitation" in found and found <= {"hesitation", "filler"}:
            return True
    return False


def has_accept_phrase(message: str) -> bool:
    """Does any run of the reply's words form an accept phrase ("yes", "go ahead", "fine")?"""
    return _has_phrase_of(message, ("accept", "soft_accept"))


def has_firm_accept(message: str) -> bool:
    """An accept phrase beyond the "ok"-like words ("yes", "go ahead", "confirm")."""
    return _has_phrase_of(message, ("accept",))


def has_doubt(message: str) -> bool:
    """Does any run of the reply's words voice doubt ("maybe", "not sure", "hmm")?"""
    return _has_phrase_of(message, ("hesitation",))


def _has_phrase_of(message: str, categories: tuple[str, ...]) -> bool:
    tokens = _reply_tokens(message)
    return any(
        _TABLE.get(tuple(tokens[i : i + size])) in categories
        for i in range(len(tokens))
        for size in range(1, min(_LONGEST, len(tokens) - i) + 1)
    )


def _categories(tokens: list[str]) -> set[str] | None:
    """The categories of the fewest known phrases that cover `tokens`, or None when no cover
    exists (a word no list knows). Fewest phrases: "don't do it" is one reject, not "don't" +
    "do it"; when two equally short covers disagree, both readings count (so: unclear)."""
    best: list[tuple[int, set[str]] | None] = [None] * len(tokens) + [(0, set())]
    for i in range(len(tokens) - 1, -1, -1):
        for size in range(1, min(_LONGEST, len(tokens) - i) + 1):
            category, rest = _TABLE.get(tuple(tokens[i : i + size])), best[i + size]
            if category is None or rest is None:
                continue
            count, found = rest[0] + 1, rest[1] | {category}
            current = best[i]
            if current is None or count < current[0]:
                best[i] = (count, found)
            elif count == current[0]:
                best[i] = (count, current[1] | found)
    return best[0][1] if best[0] is not None else None
