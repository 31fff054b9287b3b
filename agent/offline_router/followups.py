"""Messages that lean on the previous turn: a change to the action awaiting confirmation
("yes but make it $30") and a refinement of the last read ("only the failed ones")."""

from __future__ import annotations

from typing import Any

from agent.offline_router import decisions as make
from agent.offline_router.amounts import first_amount
from agent.offline_router.intent import Scores
from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext, RouterDecision
from agent.offline_router.slot_values import has_phrase
from agent.offline_router.slots import FILLERS
from agent.offline_router.tokens import Parsed

_S = DATA.slots
_MODIFY = [str(p) for p in _S["modify_cues"]]
_REFINE = [str(p) for p in _S["refine_cues"]]
_REFINABLE = frozenset(str(s) for s in _S["refinable_skills"])
_MODIFIABLE: dict[str, list[str]] = {k: list(v) for k, v in _S["modifiable_args"].items()}
NEW_REQUEST_SCORE = 3.0
"""A message scoring this much for a skill on its own words is a request of its own."""


def context_customer(ctx: RouterContext) -> RouterContext:
    """`last_customer` from the previous call's arguments when the history gave none."""
    if ctx.last_customer or ctx.last_call is None:
        return ctx
    args = ctx.last_call.args
    ref = args.get("customer") or args.get("email") or args.get("name")
    return ctx.model_copy(update={"last_customer": ref}) if ref else ctx


def modify_pending(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The pending money action with the arguments this message changes, or None."""
    pending = ctx.pending_action
    if pending is None or pending.skill not in _MODIFIABLE:
        return None
    skill, top, _ = scores.best()
    cue = has_phrase(msg, _MODIFY)
    own = FILLERS[pending.skill](msg, ctx, default_currency)
    if skill == pending.skill and not own.missing and _names_target(pending.skill, own.args):
        return None  # a complete new request of the same kind replaces the pending one
    if not cue and (skill != pending.skill or top < NEW_REQUEST_SCORE):
        return None
    changes = {k: v for k, v in own.args.items() if k in _MODIFIABLE[pending.skill]}
    if "currency" in changes and (money := first_amount(msg)) and money.currency is None:
        changes.pop("currency")  # "make it 30" keeps the currency it had
    if not changes:
        return None
    return make.tool(pending.skill, {**pending.args, **changes}, 0.8)


def refine_last(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The previous read with this message's filters added, or None."""
    last = ctx.last_call
    if last is None or last.skill not in _REFINABLE:
        return None
    skill, top, _ = scores.best()
    if top >= NEW_REQUEST_SCORE and (skill != last.skill or not has_phrase(msg, _REFINE)):
        return None
    found = FILLERS[last.skill](msg, ctx, default_currency)
    if not found.args or found.missing:
        return None
    return make.tool(last.skill, {**last.args, **found.args}, 0.75)


def _names_target(skill: str, args: dict[str, Any]) -> bool:
    target = {"refund_payment": "payment", "create_payment": "customer"}.get(skill, "customer")
    return target in args
