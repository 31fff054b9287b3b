"""Money actions set in the future ("charge jane $50 next friday", "refund it tomorrow"): no
skill schedules anything, so such a request is out of scope, never a pending action now."""

from __future__ import annotations

import re

from agent.offline_router.amounts import money_verb_sentences
from agent.offline_router.lexicon import DATA, LEXICON
from agent.offline_router.phrases import Pattern, expand, find_all, index_by_first
from agent.offline_router.tokens import Parsed


def _cues(key: str) -> dict[str, list[Pattern]]:
    return index_by_first(
        p for line in DATA.lexicon[key] for p in expand(str(line), LEXICON.surface)
    )


_CUES = _cues("future_cues")
_RECURRENCE = _cues("recurrence_cues")
_STOPS = frozenset({"?", "!", ";", "."})
_ABOUT = frozenset({"for", "of", "about"})
"""After these the time describes what is paid for ("for next week's lesson"), not when."""
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "your", "their", "this", "that"})


def in_future(msg: Parsed, *, recurring_ok: bool = False) -> bool:
    """A date after today, or words like "next week", "in 3 days", "tomorrow"; "every month"
    too unless recurring_ok (a subscription is meant to recur)."""
    found = msg.ents.date_range
    today = msg.ents.today
    if found is not None and found[0] is not None and today is not None and found[0] > today:
        at = next((i for i, c in enumerate(msg.canon) if c == "<date>"), None)
        starts = frozenset(msg.sentence_starts())
        told = at is not None and _someone_elses_later(msg.canon, at, starts)
        if not told and not (at is not None and _instead_of(msg.canon, at)):
            return True  # (not "They signed up at the market this weekend": told, not when;
            # nor "now instead of at the end of the month": ruled out)
    return _said(_CUES, msg) or (not recurring_ok and recurs(msg))


def recurs(msg: Parsed) -> bool:
    """ "charge her $29 every month", "£8 a month": a charge that repeats."""
    return _said(_RECURRENCE, msg)


def _said(cues: dict[str, list[Pattern]], msg: Parsed) -> bool:
    found = find_all(cues, msg.canon, _STOPS)
    if not found:
        return False  # (most messages: no cue, and no sentences to read)
    canon, starts = msg.canon, frozenset(msg.sentence_starts())
    asked = money_verb_sentences(msg)
    return any(
        not _in_the_story(msg, asked, start)
        and not _described(canon, start)
        and not _someone_elses_later(canon, start, starts)
        and canon[end : end + 1] != ["'s"]
        and canon[start:end] + canon[end : end + 1] != ["from", "now", "on"]
        and not _told_past(canon, start, end)
        and not _instead_of(canon, start)
        and canon[max(0, start - 1) : start] not in _LIKE  # "the usual amount like every month"
        and not _the_later_one(canon, start, end)
        for _, start, end in found
    )


def _in_the_story(msg: Parsed, asked: list[tuple[int, int]], token: int) -> bool:
    """ "…a bunch sent every week while she's in hospital … Charge him $35 for this week's":
    a time in a sentence before (or after) the one that asks for the money is the story's."""
    at = msg.tokens[token].start
    if not asked or any(a <= at <= b for a, b in asked):
        return False
    return not any(_THEN.search(msg.text, a, b) for a, b in asked)  # ("… Charge her then.")


_THEN = re.compile(
    r"\b(?:then|that\s+day|on\s+the\s+day|at\s+that\s+point|when\s+(?:she|he|they|it)\s+\w+)\b",
    re.I,
)


def _the_later_one(canon: list[str], start: int, end: int) -> bool:
    """ "refund the later of the two charges": which one, not when."""
    after = canon[end : end + 1]
    return canon[start:end] == ["later"] and (
        after in (["of"], ["one"]) or canon[start - 1 : start] == ["the"]
    )


_LIKE = (["like"], ["as"])
"""Before a time it compares to a habit ("like every month"): no time of this request."""


def _instead_of(canon: list[str], start: int) -> bool:
    """ "pay for his next block now instead of at the end of the month": the time ruled out."""
    before = canon[max(0, start - 4) : start]
    return ("instead" in before and "of" in before) or ("rather" in before and "than" in before)


_PAST_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "got", "been", "is", "are"})


def _told_past(canon: list[str], start: int, end: int) -> bool:
    """ "the dog had her surgery postponed": something else was put off; no charge is."""
    return (
        end - start == 1
        and canon[start].endswith("ed")
        and bool(_PAST_AUXILIARIES & set(canon[max(0, start - 4) : start]))
    )


def _described(canon: list[str], start: int) -> bool:
    """The cue follows "for"/"of"/"about" (past any "the", "our"...): it says what is paid for."""
    i = start - 1
    while i >= 0 and canon[i] in _DETERMINERS:
        i -= 1
    return i >= 0 and canon[i] in _ABOUT


_CLAUSE_MARKS = frozenset({",", ";", ".", "!", "?", "-", "—", "–"})
_OWN_SUBJECTS = frozenset(
    {"i'll", "i", "we'll", "we", "ill", "she'll", "he'll", "they'll", "she", "he", "they"}
)  # "she has her lesson with me every Thursday": her habit, told; not when to charge
_ACTIONS = frozenset({"refund", "charge", "create", "subscribe", "pay", "bill", "do", "run"})


def _someone_elses_later(canon: list[str], start: int, sentences: frozenset[int]) -> bool:
    """ "refund $15 of ch_X, I'll explain it to finance later", "(she buys one every year)":
    the time is a clause's of its own (no money verb in it), not the refund's or the charge's."""
    i = start - 1
    while i >= 0 and canon[i] not in _CLAUSE_MARKS and i + 1 not in sentences:
        i -= 1
    clause = canon[i + 1 : start]
    return bool(clause) and clause[0] in _OWN_SUBJECTS and _ACTIONS.isdisjoint(clause) and i > 0
