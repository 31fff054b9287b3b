"""A plain yes to the pending action with another request after it.

"yes please, and can you also cancel his old one", "yes. and what's my balance after that?":
the caller said yes to what waits, outright, and then asked for something else. People who
write that mean both, in that order, so the action runs and the rest is routed as a request
of its own (a money request pauses for its own yes, as always). Only a firm yes counts ("ok,
and…" is no yes), and a tail that sets a condition ("yes, but only after Friday", "yes and
wait for my go") or says no leaves the reply to the usual reading.
"""

from __future__ import annotations

import re

from agent.offline_router.confirmation import (
    classify_confirmation_reply,
    has_doubt,
    has_firm_accept,
)
from agent.offline_router.lexicon import DATA, alternatives

_SPLIT = re.compile(
    rf"\s*(?:[,;:.!]+|\s[—–-]\s|—|–)\s*|\s+(?=(?:{alternatives(DATA.confirmation['yes_and_leads'])})\b)",
    re.I,
)
_LEADS = re.compile(rf"^(?:(?:{alternatives(DATA.confirmation['yes_and_leads'])})\b[\s,]*)+", re.I)
_CONDITIONS = re.compile(rf"\b(?:{alternatives(DATA.confirmation['yes_and_conditions'])})\b", re.I)
_MIN_TAIL_WORDS = 2


def after_yes(message: str) -> str | None:
    """The request after a firm yes that opens the reply, or None when there is none."""
    text = message.strip()
    tail: str | None = None
    for cut in _SPLIT.finditer(text):
        head = text[: cut.start()]
        if not head.strip():
            continue
        if classify_confirmation_reply(head) != "accept":
            break
        if has_firm_accept(head) and not has_doubt(head):
            tail = text[cut.end() :]
    if tail is None:
        return None
    rest = _LEADS.sub("", tail.strip()).strip()
    if len(rest.split()) < _MIN_TAIL_WORDS or _CONDITIONS.search(rest.replace("’", "'")):
        return None
    return rest
