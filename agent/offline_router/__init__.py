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
from agent.offline_router.pending_replies import (
    cancels_pending,
    echoes_pending,
    leads_with_reject,
)
from agent.offline_router.router import route

__all__ = [
    "LOOKUP",
    "PendingClarify",
    "RouterContext",
    "RouterDecision",
    "ToolCall",
    "asks_about_pending",
    "cancels_pending",
    "classify_confirmation_reply",
    "echoes_pending",
    "leads_with_reject",
    "route",
    "typed_customer",
]
