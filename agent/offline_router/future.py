"""Money actions set in the future ("charge jane $50 next friday", "refund it tomorrow"): no
skill schedules anything, so such a request is out of scope, never a pending action now."""

from __future__ import annotations

from agent.offline_router.lexicon import DATA, LEXICON
from agent.offline_router.phrases import expand, find_all, index_by_first
from agent.offline_router.tokens import Parsed

_CUES = index_by_first(
    p for line in DATA.lexicon["future_cues"] for p in expand(str(line), LEXICON.surface)
)
_STOPS = frozenset({"?", "!", ";", "."})
_ABOUT = frozenset({"for", "of", "about"})
"""After these the time describes what is paid for ("for next week's lesson"), not when."""
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "your", "their", "this", "that"})


def in_future(msg: Parsed) -> bool:
    """A date after today, or words like "next week", "in 3 days", "tomorrow"."""
    found = msg.ents.date_range
    today = msg.ents.today
    if found is not None and found[0] is not None and today is not None and found[0] > today:
        return True
    canon = msg.canon
    return any(
        not _described(canon, start) and canon[end : end + 1] != ["'s"]
        for _, start, end in find_all(_CUES, canon, _STOPS)
    )


def _described(canon: list[str], start: int) -> bool:
    """The cue follows "for"/"of"/"about" (past any "the", "our"...): it says what is paid for."""
    i = start - 1
    while i >= 0 and canon[i] in _DETERMINERS:
        i -= 1
    return i >= 0 and canon[i] in _ABOUT
