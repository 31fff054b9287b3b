"""Questions about what the assistant can do, not requests to do it: "can you even create
subscriptions?", "do you support refunds?", "what would happen if I refunded pi_X?". They get
a plain answer (how to ask, and that money waits for a yes); nothing runs and nothing pauses."""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA

_ASKS_WHETHER = re.compile(
    r"^\s*(?:(?:hmm+|so|wait|ok|okay|quick question)[,.!]?\s+)?"
    r"(?:(?:can|could)\s+(?:you|u)\s+(?:even|actually|really)"
    r"|are\s+you\s+(?:even\s+)?able\s+to"
    r"|do\s+you\s+(?:even\s+)?(?:support|handle|do)"
    r"|what\s+(?:would|will)\s+happen\s+if\s+(?:i|we))\s+(?P<rest>.+)$",
    re.I | re.S,
)
_CAN_DO: dict[str, str] = {str(k): str(v) for k, v in DATA.replies["can_do"].items()}


def capability_question(message: str) -> str | None:
    """The thing asked about ("create subscriptions"), when the message only asks whether."""
    m = _ASKS_WHETHER.match(message)
    return _BASE_VERB.sub(lambda v: v["verb"].lower(), m["rest"], count=1) if m else None


_BASE_VERB = re.compile(r"^\s*(?P<verb>refund|charge|subscribe)(?:ed|d|s|es|ing)?\b", re.I)
""""refunded pi_X", "refunds?": the action asked about, not a status or a list."""


def can_do(skill: str) -> str | None:
    """How the user asks for `skill`, for the answer."""
    return _CAN_DO.get(skill)
