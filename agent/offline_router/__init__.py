"""The offline rule router: deterministic, no network, sub-millisecond natural-language routing.

Vocabulary lives in data/*.yaml; see README.md for how decisions are made.
"""

from agent.offline_router.confirmation import classify_confirmation_reply
from agent.offline_router.followups import typed_customer
from agent.offline_router.models import (
    LOOKUP,
    PendingClarify,
    RouterContext,
    RouterDecision,
    ToolCall,
)
from agent.offline_router.pending_questions import asks_about_pending
from agent.offline_router.reply_reading import read_reply
from agent.offline_router.router import route

__all__ = [
    "LOOKUP",
    "PendingClarify",
    "RouterContext",
    "RouterDecision",
    "ToolCall",
    "asks_about_pending",
    "classify_confirmation_reply",
    "read_reply",
    "route",
    "typed_customer",
]
