"""Finish a call the router asked about last turn ("Which payment?" -> "pi_123")."""

from __future__ import annotations

import re
from typing import Any

from agent.offline_router import decisions as make
from agent.offline_router import slot_values as sv
from agent.offline_router.confirmation import classify_confirmation_reply
from agent.offline_router.intent import Scores
from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext, RouterDecision
from agent.offline_router.names import capitalised_run, is_name_word
from agent.offline_router.references import complete_price
from agent.offline_router.slots import FILLERS, LABELLED_DESCRIPTION
from agent.offline_router.tokens import Parsed
from skills.money import minor_exponent

NEW_REQUEST_SCORE = 3.0
"""A message scoring this much for another skill is a new request, not an answer."""
_LEADS = [tuple(str(p).split()) for p in DATA.slots["answer_leads"]]
_PLAN_KEEP = frozenset(str(w) for w in DATA.slots["plan_keep"])
_PERIOD = frozenset({"created_gte", "created_lte"})
_NAME_SLOTS = frozenset({"customer", "name", "query"})
_BARE_SLOT = {"query": "name"}
_CHARGES = frozenset({"create_payment", "create_subscription"})
_CONCRETE = frozenset(
    {"customer", "payment", "amount", "currency", "price", "quantity", "trial_days", "email",
     "name", "phone"}
)  # fmt: skip
"""Values an answer states outright; a guessed reason or description is not kept."""
"""A bare name answering find_customers' question is a name, not free text."""


def resume(
    message: str, msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The completed call (or the same question again); None when this is a new request."""
    pending = ctx.pending_clarify
    if pending is None:
        return None
    if classify_confirmation_reply(message) == "reject":
        return make.cancelled()
    skill, top, _ = scores.best()
    if skill is not None and skill != pending.skill and top >= NEW_REQUEST_SCORE:
        return None
    found = FILLERS[pending.skill](msg, ctx, default_currency)
    args: dict[str, Any] = dict(pending.args)
    for key, value in found.args.items():
        if key not in args or key == pending.missing or _names_them_better(key, value, args[key]):
            args[key] = value
        elif key == "description" and LABELLED_DESCRIPTION.search(message):
            args[key] = value  # '$60, description "Call-out fee"': said outright, it replaces
    had = args.get("customer")
    run = capitalised_run(msg) if isinstance(had, str) and "customer" not in found.args else None
    if run is not None and _names_them_better("customer", run.text, had):
        args["customer"] = run.text  # "charge Jordan" — "sorry -- Jordan Blake, $35"
    _put(args, "description", _what_it_is_for(msg, found.args, pending.args))
    if pending.skill == "refund_payment" and "amount" not in found.args and sv.in_full(msg):
        args.pop("amount", None)  # "sorry, the Stripe payment is pi_X, refund all of it"
    if pending.missing == "currency" and (code := _currency_chosen(msg)) is not None:
        args = {**args, **_in_currency(pending.args, code)}  # "euro? or sterling" — "sterling"
    if pending.missing == "currency" and "currency" not in args:
        return make.clarify(pending.skill, pending.args, "currency", 0.8)  # no choice made yet
    if pending.missing == "price" and "price" not in args and pending.hint:
        _put(args, "price", complete_price(msg, pending.hint))  # "pro" + "monthly"
    if pending.missing not in args:
        bare = _bare_answer(msg, pending.missing)
        if bare is not None:
            args[_BARE_SLOT.get(pending.missing, pending.missing)] = bare
    if pending.missing not in args and "customer" not in args and pending.skill in _CHARGES:
        _put(args, "customer", _bare_answer(msg, "customer"))  # "Fernando Ruiz": whom, not how much
    if pending.missing not in args and skill is not None and top >= NEW_REQUEST_SCORE:
        return None
    missing = make.missing_of(pending.skill, args)
    if pending.missing == "period" and _PERIOD.isdisjoint(args):
        missing = "period"  # "Which dates do you mean?" — still none given
    if pending.missing == "trial_days" and "trial_days" not in args:
        days = _trial_length(message)
        if days is None:
            missing = missing or "trial_days"  # "How many days of trial?" — no length yet
        elif days:
            args["trial_days"] = days  # (0: "no trial after all": none)
    if missing == pending.missing:  # no answer to the question: ask it again, keeping only
        kept = {k: v for k, v in args.items() if k in pending.args or k in _CONCRETE}
        return make.clarify(pending.skill, kept, pending.missing, 0.8, pending.hint)
    if missing:
        return make.clarify(pending.skill, args, missing, 0.8, pending.hint)
    return make.tool(pending.skill, args, 0.9)


_NATIONAL = {str(k): str(v) for k, v in DATA.slots["either_or_currencies"].items()}


def _currency_chosen(msg: Parsed) -> str | None:
    named = sv.currency_filter(msg, "")
    return named or next((_NATIONAL[w] for w in msg.norm if w in _NATIONAL), None)


def _in_currency(asked: dict[str, Any], code: str) -> dict[str, Any]:
    """The chosen currency, and the amount the question kept in hundredths read again in its
    minor units (2500 hundredths are 2500 cents but 25 yen)."""
    amount = asked.get("amount")
    if not isinstance(amount, int):
        return {"currency": code}
    return {"currency": code, "amount": amount * 10 ** minor_exponent(code) // 100}


_DAYS = re.compile(r"\b(\d{1,3})\s*(?:-\s*)?(days?|d|weeks?|wks?|w|months?)?\b", re.I)
_NO_TRIAL = re.compile(r"\b(?:no|none|without|skip|forget)\b", re.I)
_UNIT_DAYS = {"w": 7, "m": 30}
_SPELT = {"a week": 7, "one week": 7, "two weeks": 14, "a fortnight": 14, "fortnight": 14,
          "three weeks": 21, "a month": 30, "one month": 30}  # fmt: skip
_SPELT_LENGTH = re.compile(r"\b(?:" + "|".join(_SPELT) + r")\b", re.I)


def _trial_length(message: str) -> int | None:
    """ "14 days", "two weeks" (as 14), "30": the trial's days; 0 for "no trial after all";
    None when the answer gives no length."""
    m = _DAYS.search(message)
    if m is None and (said := _SPELT_LENGTH.search(message)) is not None:
        return _SPELT[" ".join(said.group().lower().split())]
    if m is None:
        return 0 if _NO_TRIAL.search(message) else None
    unit = (m[2] or "d")[0].lower()
    return int(m[1]) * _UNIT_DAYS.get(unit, 1)


def _what_it_is_for(msg: Parsed, found: dict[str, Any], asked: dict[str, Any]) -> str | None:
    """ "How much should I charge cus_X?" — "$60 for tile repair": whom is known, so the "for"
    names what the charge is for, not a second customer."""
    said = found.get("customer")
    if "customer" not in asked or "description" in found or not isinstance(said, str):
        return None
    if said.startswith("cus_") or "@" in said:
        return None
    return said if re.search(rf"\bfor\s+(?:the\s+)?{re.escape(said)}\b", msg.text, re.I) else None


def _names_them_better(key: str, given: Any, had: Any) -> bool:
    """ "charge the Harrogate client for her deposit" — "cus_X, £75, deposit": the id answered
    names exactly whom the words before only described; "charge Jordan" — "sorry -- Jordan
    Blake, thirty-five dollars": the full name completes the first one."""
    if key != "customer" or not isinstance(given, str):
        return False
    exact = given.startswith("cus_") or "@" in given
    if exact:
        return not (str(had).startswith("cus_") or "@" in str(had))
    return given.lower().startswith(f"{str(had).lower()} ")


def _put(args: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        args[key] = value


def _bare_answer(msg: Parsed, missing: str) -> str | None:
    """The whole message as the missing value: "Jane Doe", "it's the pro monthly one"."""
    toks = [t for t in msg.tokens if not t.is_punct]
    i = _skip_leads([t.norm for t in toks])
    toks = toks[i:]
    if missing in _NAME_SLOTS:  # "Jane Doe, jane@doe.com": the name before the email
        end = next((k for k, t in enumerate(toks) if t.is_placeholder), len(toks))
        if all(t.is_placeholder for t in toks[end:]):
            toks = toks[:end]
    if not toks or len(toks) > 5:
        return None
    if missing in _NAME_SLOTS and all(is_name_word(t) or t.norm == "&" for t in toks):
        return msg.text[toks[0].start : toks[-1].end].strip(" .,!")
    if missing == "price" and all(t.norm in _PLAN_KEEP or is_name_word(t) for t in toks):
        return "_".join(t.norm for t in toks if t.norm not in ("plan", "one", "the"))
    return None


def _skip_leads(words: list[str]) -> int:
    i, moved = 0, True
    while moved:
        moved = False
        for lead in _LEADS:
            if tuple(words[i : i + len(lead)]) == lead:
                i, moved = i + len(lead), True
                break
    return i
