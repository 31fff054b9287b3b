"""A question about the action awaiting confirmation ("what's the fee on that?", "remind me who
this customer is?") is no new request: the gate asks again and the action stays pending."""

from __future__ import annotations

import re
from typing import Any

from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext, RouterDecision

_S = DATA.slots
_WORD = re.compile(r"[a-z'\-]+|,")
_STARTS = frozenset(str(w) for w in _S["question_starts"])
_LEADS = frozenset(str(w) for w in _S["question_leads"])
_DEFER_LEADS = [tuple(str(p).split()) for p in _S["deferral_leads"]]
_DEFER_VERBS = frozenset(str(w) for w in _S["deferral_verbs"])
_ACTION_REFS = [tuple(str(p).split()) for p in _S["payment_pronouns"]]
_SEQUENCE = re.compile(
    r"\b(?:" + "|".join(re.escape(str(p)) for p in _S["sequence_phrases"]) + r")\b", re.I
)
"""'before that, can you email her an invoice?': "that" orders the asks, points at nothing."""
_BACK_REFS = [tuple(str(p).split()) for p in [*_S["customer_pronouns"], *_S["payment_pronouns"]]]


def asks_about_pending(message: str, decision: RouterDecision, ctx: RouterContext) -> bool:
    """True for a question that points back at the pending action ("that", "this customer")
    and, routed, asks for nothing the pending action does not already name."""
    if ctx.pending_action is None:
        return False
    words = _words(message)
    if _defers(words) and (decision.kind != "tool" or _bare_lookup(decision, ctx)):
        return True  # "let me double-check with the customer": a hold, not a request
    if not (_is_question(message, words) and _points_back(words)):
        return False
    if decision.kind in ("out_of_scope", "clarify", "answer"):
        return True
    if decision.kind == "tool" and _asks_which_one(words):
        return _PERIOD_ARGS.issuperset(decision.args)  # "is that the one from last week?"
    return decision.kind == "tool" and _only_pending_values(decision.args, ctx)


_WHICH_ONE = [tuple(str(p).split()) for p in _S["which_one_questions"]]
_PERIOD_ARGS = frozenset({"created_gte", "created_lte"})


def _asks_which_one(words: list[str]) -> bool:
    """ "is that the one from last week?": whether the pending action is one the user means
    (its period is no read of its own)."""
    rest = [w for w in words if w not in _LEADS]
    return any(tuple(rest[: len(p)]) == p for p in _WHICH_ONE)


def questions_the_action(message: str) -> bool:
    """ "is that the right one?": a question that points back at what waits."""
    words = _words(message)
    return _is_question(message, words) and _points_back(words)


def _bare_lookup(decision: RouterDecision, ctx: RouterContext) -> bool:
    """ "with the customer" reads as a look-up of nobody or of the pending action's customer:
    no request of its own."""
    args = decision.args
    return decision.tool == "find_customers" and (not args or _only_pending_values(args, ctx))


def _defers(words: list[str]) -> bool:
    rest = [w for w in words if w != ","]
    i = next((i for i, w in enumerate(rest) if w not in _LEADS), len(rest))
    for lead in _DEFER_LEADS:
        if tuple(rest[i : i + len(lead)]) == lead:
            return len(rest) > i + len(lead) and rest[i + len(lead)] in _DEFER_VERBS
    return False


def _is_question(message: str, words: list[str]) -> bool:
    if "?" in message:
        return True
    rest = [w for w in words if w not in _LEADS]
    return bool(rest) and rest[0] in _STARTS


def points_at_action(message: str) -> bool:
    """ "what's the fee on that?": the words point at the action itself (not at its customer)."""
    return _mentions(_words(message), _ACTION_REFS)


def _words(message: str) -> list[str]:
    return _WORD.findall(_SEQUENCE.sub(" ", message.lower().replace("’", "'")))


def _points_back(words: list[str]) -> bool:
    return _mentions(words, _BACK_REFS)


def _mentions(words: list[str], refs: list[tuple[str, ...]]) -> bool:
    return any(
        tuple(words[i : i + len(ref)]) == ref
        for ref in refs
        for i in range(len(words) - len(ref) + 1)
    )


def _only_pending_values(args: dict[str, Any], ctx: RouterContext) -> bool:
    assert ctx.pending_action is not None
    known = {str(v).lower() for v in ctx.pending_action.args.values()}
    known |= {ctx.last_customer.lower()} if ctx.last_customer else set()
    return bool(args) and all(str(v).lower() in known for v in args.values())
