"""Messages that lean on the previous turn: a change to the action awaiting confirmation
("yes but make it $30") and a refinement of the last read ("only the failed ones")."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from agent.offline_router import decisions as make
from agent.offline_router.amounts import amount_bounds, first_amount
from agent.offline_router.intent import Scores
from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext, RouterDecision, ToolCall
from agent.offline_router.names import name_after
from agent.offline_router.periods import previous_period
from agent.offline_router.references import changed_price
from agent.offline_router.slot_values import MAX_LIMIT, currency_filter, has_phrase
from agent.offline_router.slots import FILLERS
from agent.offline_router.tokens import Parsed
from skills.create_subscription import MAX_TRIAL_DAYS

_S = DATA.slots
_MODIFY = [str(p) for p in _S["modify_cues"]]
_REFINE = [str(p) for p in _S["refine_cues"]]
_CHANGE_ASKED = [str(p) for p in _S["change_asked_cues"]]
"""In a question, only these ask for a change ("can you make it $30?", "what about $25?")."""
_REFINABLE = frozenset(str(s) for s in _S["refinable_skills"])
_MODIFIABLE: dict[str, list[str]] = {k: list(v) for k, v in _S["modifiable_args"].items()}
_COUNT_LEADS = frozenset(str(w) for w in _S["bare_count_leads"])
_REPEAT = [str(p) for p in _S["repeat_cues"]]
_CORRECTION = [tuple(str(p).split()) for p in _S["correction_introducers"]]
_MONEY = frozenset(DATA.replies["money_skills"])
_DROP = [str(p) for p in _S["drop_cues"]]
_DROP_TARGETS: dict[str, list[str]] = {str(k): list(v) for k, v in _S["drop_targets"].items()}
_WHOLE_MONTH = [str(p) for p in _S["whole_month_cues"]]
_FULL = [str(p) for p in _S["full_refund_cues"]]
_CANCELS = [str(w) for w in DATA.confirmation["cancel_words"]]
_RERUN = [str(p) for p in _S["rerun_cues"]]
_RERUN_IT = [p for p in _RERUN if " it " in f" {p} " or " that " in f" {p} "]
"""A rerun said of "it" names the last read, whatever else the message mentions."""
_READS = _REFINABLE | {"get_balance"}
_PERIOD_READS = frozenset({"list_payments", "get_analytics"})
_THAT_PERIOD = [
    "that range",
    "that window",
    "same window",
    "the same window",
    "same range",
    "same dates",
    "that month",
    "the month",
    "that week",
    "the week",
    "that period",
    "same period",
    "those dates",
    "that day",
    "that quarter",
    "the quarter",
    "that year",
    "that same week",
    "the same week",
    "that same month",
    "the same month",
    "that same period",
    "that same day",
    "same quarter",
    "the same quarter",
    "that same quarter",
    "same month",
    "same week",
    "same year",
    "the same year",
    "from then",
    "back then",
    "that time",
    "during that time",
]
_SAME_AS_BEFORE = ["do the same", "same for", "same again", "the same thing", "same as before"]
_CLAUSE_ENDS = frozenset({",", ".", ";", "!", "?", "-", "—"})
_THOSE = ["ones", "those", "them", "of those", "of them", "these"]
_NO_TRIAL = [
    "no trial",
    "without a trial",
    "without trial",
    "skip the trial",
    "no free trial",
    "drop the trial",
    "remove the trial",
    "lose the trial",
]
_UNSURE = re.compile(
    r"\b(?:let\s+me\s+(?:check|think|see|look|ask)|i\s+dunno|dunno|i\s+don'?t\s+know|not\s+sure"
    r"|no\s+idea)\b",
    re.I,
)
"""The user still finding out ("… let me check the job sheet"): a number said is no change yet."""
_IDENTITY = frozenset({"email", "name", "query"})
_BOUNDS = frozenset({"min_amount", "max_amount"})
"""A customer search looks for one thing: a new one replaces the old, filters stay."""
_LIMITED = {"list_payments": ("limit",), "find_customers": ("limit",)}
NEW_REQUEST_SCORE = 3.0
"""A message scoring this much for a skill on its own words is a request of its own."""


def context_customer(ctx: RouterContext) -> RouterContext:
    """`last_customer` from the previous call's arguments when the history gave none."""
    if ctx.last_customer or ctx.last_call is None:
        return ctx
    ref = typed_customer(ctx.last_call.args)
    return ctx.model_copy(update={"last_customer": ref}) if ref else ctx


def typed_customer(args: dict[str, Any]) -> str | None:
    """The customer a call's arguments name as the user typed them: a customer reference, an
    email, a name, or a `cus_` id looked up as a query (free text names nobody)."""
    for key in ("customer", "email", "name", "query"):
        value = args.get(key)
        if isinstance(value, str) and value and (key != "query" or value.startswith("cus_")):
            return value
    return None


_FIRM_CHANGE = [str(p) for p in _S["firm_change_cues"]]


_AFTER_ALL = [str(p) for p in _S["wanted_after_all_phrases"]]


def wanted_after_all(msg: Parsed, ctx: RouterContext) -> RouterDecision | None:
    """The last money call proposed again, when the user takes back the no they gave it; a new
    action, which pauses for its own yes."""
    last = ctx.last_call
    if last is None or last.skill not in _MONEY:
        return None
    redone = ctx.declined_call and has_phrase(msg, _REDO_DECLINED)  # "ugh fine, then just do it"
    if not redone and not has_phrase(msg, _AFTER_ALL):
        return None
    return make.tool(last.skill, dict(last.args), 0.75)


_REDO_DECLINED = [str(p) for p in _S["declined_redo_phrases"]]


def declined_changed(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str = "usd"
) -> RouterDecision | None:
    """The money call the user just turned down, with what this message changes ("ok then only
    10 zł"): proposed anew, so it pauses for its own yes like any new action."""
    if not ctx.declined_call or ctx.last_call is None:
        return None
    again = ctx.model_copy(update={"pending_action": ctx.last_call})
    return modify_pending(msg, scores, again, default_currency)


def cues_a_change(msg: Parsed) -> bool:
    return has_phrase(msg, _FIRM_CHANGE)


def modify_pending(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The pending money action with the arguments this message changes, or None."""
    pending = ctx.pending_action
    if pending is None or pending.skill not in _MODIFIABLE:
        return None
    skill, top, _ = scores.best()
    cue = has_phrase(msg, _MODIFY)
    if "?" in msg.text and not has_phrase(msg, _CHANGE_ASKED):
        return None  # "hmm hang on, is that the Okafor family's account?": a question, no change
    if _UNSURE.search(msg.text):
        return None  # "uh hold on, was the labour 1.5 or 2 hours.. let me check the job sheet"
    own = FILLERS[pending.skill](msg, ctx, default_currency)
    if own.missing == "currency" and "amount" in own.args:
        return None  # "¥500 in usd": which currency is asked, never taken from the last call
    if _refund_made_whole(msg, pending.skill, pending.args, own.args):
        return make.tool(pending.skill, _without(pending.args, "amount"), 0.8)  # "the whole thing"
    complete = not own.missing and _names_target(pending.skill, own.args)
    same_payment = own.args.get("payment", "") == pending.args.get("payment")
    if skill == pending.skill and complete and top >= NEW_REQUEST_SCORE and not same_payment:
        return None  # a complete new request of the same kind replaces the pending one
    # ("actually only refund 20 of it": the same refund, its reason kept, at the new amount)
    only_changes = bool(own.args) and set(own.args) <= set(_MODIFIABLE[pending.skill])
    if skill in FILLERS and skill != pending.skill and top >= NEW_REQUEST_SCORE:
        made = has_phrase(msg, _MADE_INTO)  # ("make that €350 - two extra guests turned up")
        if not (made and only_changes):
            return None  # "just list payments over $100": another skill's request, not a change
    # another skill's words; out-of-scope ones ("mark it as fraudulent too") don't count when
    # the message holds nothing but changes to the pending action
    elsewhere = skill not in (None, pending.skill) and not (
        only_changes and skill in ("out_of_scope", "answer")
    )
    retarget = bool(own.args) and set(own.args) <= {"customer", "payment"}
    if skill == "out_of_scope" and top >= NEW_REQUEST_SCORE and not cue and retarget:
        return None  # "send me the invoice line items for cus_B": its own (undoable) request
    if not cue and (elsewhere or (top < NEW_REQUEST_SCORE and not only_changes)):
        return None  # (same skill, nothing but changes: "with a 7 day trial" changes it)
    changes = {
        k: v
        for k, v in own.args.items()
        if k in _MODIFIABLE[pending.skill] and v != pending.args.get(k)
    }
    if "customer" in _MODIFIABLE[pending.skill] and "customer" not in changes:
        _put_new(changes, "customer", _corrected_name(msg))  # "sorry, it's Ruth O'Donnell"
    if "trial_days" in pending.args and has_phrase(msg, _NO_TRIAL):
        return make.tool(pending.skill, _without(pending.args, "trial_days"), 0.8)  # "no trial"
    if "trial_days" in pending.args and "trial_days" not in changes:
        _put_new(changes, "trial_days", _days_said(msg, pending.args))  # "make that 14 days"
    if "quantity" in _MODIFIABLE[pending.skill] and "quantity" not in changes:
        _put_new(changes, "quantity", _corrected_count(msg, pending.args))  # "only 10, not 12"
    price = pending.args.get("price")
    if "price" in _MODIFIABLE[pending.skill] and "price" not in changes and isinstance(price, str):
        _put_new(changes, "price", changed_price(msg, price))  # "the yearly one instead"
    money = first_amount(msg)
    if "currency" in changes and money and money.currency is None and "$" not in money.text:
        changes.pop("currency")  # "make it 30" keeps the currency it had; "$30" is the default
    described = not _DESCRIBED.isdisjoint(msg.norm) or msg.ents.of("quote") or msg.ents.of("desc")
    if "description" in changes and not described:
        changes.pop("description")  # "make that €350 - two extra guests turned up": why, not what
    if not changes:
        return None
    return make.tool(pending.skill, {**pending.args, **changes}, 0.8)


_MADE_INTO = [str(p) for p in _S["made_into_cues"]]
_DESCRIBED = frozenset(str(w) for w in _S["describing_words"])
"""Words that give a pending charge a new description; without one, words after a correction
say why it changed."""


_DAYS = re.compile(r"\b(?P<n>\d{1,3})[\s-]*days?\b", re.I)


def _days_said(msg: Parsed, pending: dict[str, Any]) -> int | None:
    """ "make that 14 days" while a trial waits: the trial's new length."""
    m = _DAYS.search(msg.ents.masked)
    n = int(m["n"]) if m else 0
    return n if 0 < n <= MAX_TRIAL_DAYS and n != pending.get("trial_days") else None


def refine_last(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The previous read with this message's filters added, or None."""
    last = ctx.last_call
    best, strength, _ = scores.best()
    own_request = best not in (None, "out_of_scope", "answer") and strength >= NEW_REQUEST_SCORE
    rerun = last is not None and last.skill in _READS and has_phrase(msg, _RERUN)
    pointed = rerun and has_phrase(msg, _RERUN_IT)  # "check it once more, a payment just landed"
    if rerun and last is not None and (not own_request or best == last.skill or pointed):
        return make.tool(last.skill, dict(last.args), 0.75)  # "refresh it", not "…brand refresh"
    if last is not None and last.skill == "get_balance" and _only_a_currency(msg):
        return make.tool("get_balance", {}, 0.7)  # "and in euros?": it shows every currency
    if last is None or last.skill not in _REFINABLE:
        return None
    bound = _changed_bound(msg, last.args)
    if bound is not None:
        return make.tool(last.skill, bound, 0.75)  # "make that 500"
    narrowed = (
        _dropped(msg, last.args) or _rest_of_month(msg, last.args) or _whole_month(msg, last.args)
    )
    if narrowed is not None:  # names an argument of the last read: about that read
        new = _new_filters(msg, ctx, last, narrowed, default_currency)
        return make.tool(last.skill, {**narrowed, **new}, 0.75)
    skill, top, _ = scores.best()
    if last.skill == "find_customers" and skill == "list_payments" and "payments" in msg.canon:
        return None  # "what about his payments?": the customer found, now their payments
    moved = previous_period(msg.text, last.args)
    if moved and skill in _PERIOD_READS - {last.skill}:  # failed payments of last week, then
        found = FILLERS[str(skill)](msg, ctx, default_currency)  # "how does the week before
        kept = {k: v for k, v in found.args.items() if not k.startswith("created_")}  # compare?"
        return None if found.missing else make.tool(str(skill), {**kept, **moved}, 0.75)
    period = {k: v for k, v in last.args.items() if k in ("created_gte", "created_lte")}
    # "show me that same week again but euros only": the same report, with the change
    shown_again = "again" in msg.norm and "payments" not in msg.canon and not moved
    switched = skill in _PERIOD_READS - {last.skill}
    if period and shown_again and switched and has_phrase(msg, _THAT_PERIOD):
        found = FILLERS[last.skill](msg, ctx, default_currency)
        return None if found.missing else make.tool(last.skill, {**period, **found.args}, 0.75)
    if period and skill in _PERIOD_READS - {last.skill} and has_phrase(msg, _THAT_PERIOD):
        found = FILLERS[str(skill)](msg, ctx, default_currency)  # "what did the month look like"
        return None if found.missing else make.tool(str(skill), {**period, **found.args}, 0.75)
    if last.skill == "get_analytics" and skill == "list_payments" and has_phrase(msg, _THOSE):
        return _payments_behind(msg, ctx, last.args, default_currency)  # "show me the failed ones"
    if top >= NEW_REQUEST_SCORE and (skill != last.skill or not has_phrase(msg, _REFINE)):
        return None
    if moved:
        return make.tool(last.skill, {**last.args, **moved}, 0.75)
    found = FILLERS[last.skill](msg, ctx, default_currency)
    count = _bare_count(msg) if not found.args and "limit" in _LIMITED.get(last.skill, ()) else None
    if count is not None:  # "now 10", "make it 20"
        return make.tool(last.skill, {**last.args, "limit": count}, 0.7)
    if not found.args or found.missing:
        return None
    base, new = dict(last.args), dict(found.args)
    if _BOUNDS & set(new):  # "what about the ones under 50 bucks?": new bounds, not both
        base = {k: v for k, v in base.items() if k not in _BOUNDS}
    if last.skill == "find_customers":
        known = {str(v).casefold() for v in base.values()} | {str(ctx.last_customer).casefold()}
        new = {k: v for k, v in new.items() if k not in _IDENTITY or str(v).casefold() not in known}
        if _IDENTITY & set(new):  # "what about x@y.io?": a new search target replaces the old
            base = {k: v for k, v in base.items() if k not in _IDENTITY}
    return make.tool(last.skill, {**base, **new}, 0.75)


def repeat_last(
    msg: Parsed, scores: Scores, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """The last money call again with this message's changes ("same for cus_B", "also pi_X",
    "do it for cus_C instead"): a new call, which pauses for its own yes."""
    last = ctx.last_call
    if last is None or ctx.pending_action is not None or not _repeats(msg):
        return None
    skill, top, _ = scores.best()
    if last.skill == "create_customer":  # ("search for her email to make sure it's there")
        elsewhere = skill in FILLERS and skill != last.skill and top >= NEW_REQUEST_SCORE
        return None if elsewhere else _another_customer(msg, ctx, default_currency)
    if last.skill not in _MONEY:
        return None
    own = FILLERS[last.skill](msg, ctx, default_currency)
    instead = skill == last.skill and "instead" in msg.norm  # "charge him 35 instead": for the same
    if top >= NEW_REQUEST_SCORE and (skill != last.skill or not own.missing) and not instead:
        return None  # a request of its own, complete as it stands
    if not own.args and not own.error and not own.lookup and _again(msg):
        return make.tool(last.skill, dict(last.args), 0.75)  # "charge the same again please"
    if own.error or own.lookup or not own.args:
        return None
    money = first_amount(msg)
    changes = dict(own.args)
    if changes.get("description") is not None and changes.get("description") == changes.get(
        "customer"
    ):
        changes.pop("description")  # "do the same for Brightwater Dental": who, not what for
    if "currency" in changes and money and money.currency is None and "$" not in money.text:
        changes.pop("currency")
    same_target = changes.get("payment", last.args.get("payment")) == last.args.get("payment")
    kept = _dropped(msg, last.args) or last.args  # "charge her €1.050 instead, no description"
    remade = instead or has_phrase(msg, _MADE_INTO)  # "nope" … "Make it £60 instead": the same
    carried = {k: v for k, v in kept.items() if not (k == "reason" and same_target and not remade)}
    return make.tool(last.skill, {**carried, **changes}, 0.75)  # "another $20 on it": new reason


def _repeats(msg: Parsed) -> bool:
    """A cue to do the last call again, not the "again" of "don't ask me again"."""
    text = f" {' '.join(msg.norm)} "
    for asked in _ASKED_AGAIN:
        text = text.replace(f" {asked} ", " ")
    return any(f" {p} " in text for p in _REPEAT)


def _again(msg: Parsed) -> bool:
    """ "the same again", "do it again": the very call once more, nothing changed."""
    return _repeats(msg) and "again" in msg.norm


_ASKED_AGAIN = ["ask me again", "ask again", "asking me again", "asking again", "ask me that again"]


def _another_customer(
    msg: Parsed, ctx: RouterContext, default_currency: str
) -> RouterDecision | None:
    """ "and another one: kenji@x.jp, name Kenji Tanaka": a new customer of its own (nothing
    of the last one is carried over: two customers share no details)."""
    own = FILLERS["create_customer"](msg, ctx, default_currency)
    return make.tool("create_customer", own.args, 0.75) if not own.missing else None


def _refund_made_whole(
    msg: Parsed, skill: str, pending: dict[str, Any], own: dict[str, Any]
) -> bool:
    """ "actually refund the whole thing": the same payment, all of it, the reason kept."""
    if skill != "refund_payment" or "amount" not in pending:
        return False
    same = own.get("payment", pending.get("payment")) == pending.get("payment")
    return same and has_phrase(msg, _FULL) and not has_phrase(msg, _CANCELS)


_ONLY_A_CURRENCY_WORDS = 4


def _only_a_currency(msg: Parsed) -> bool:
    """ "and in euros?", "what about GBP": a currency and a few words around it, nothing else."""
    words = [t for t in msg.tokens if not t.is_punct]
    short = len(words) <= _ONLY_A_CURRENCY_WORDS and not msg.ents.spans  # no amount, no id
    return short and currency_filter(msg, "") is not None


def _corrected_count(msg: Parsed, args: dict[str, Any]) -> int | None:
    """A bare number correcting the seat count of a pending subscription ("only 10, not 12"),
    or giving one ("make it 3")."""
    said: list[int] = []
    denied: list[int] = []
    for i, tok in enumerate(msg.tokens):
        if tok.canon == "<num>" and tok.norm.isdigit():
            negated = i > 0 and msg.tokens[i - 1].norm in ("not", "instead of")
            (denied if negated else said).append(int(tok.norm))
    if "quantity" in args:
        return said[0] if said else None
    if denied == [1] and len(said) == 1:
        return said[0]  # "it needs to be 2 not 1": the default single seat, corrected
    return _bare_count(msg) if has_phrase(msg, _MODIFY) else None


def _without(args: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in args.items() if k != key}


def _corrected_name(msg: Parsed) -> str | None:
    norm = msg.norm
    for phrase in _CORRECTION:
        for i in range(len(norm) - len(phrase)):
            if tuple(norm[i : i + len(phrase)]) == phrase:
                found = name_after(msg, i + len(phrase))
                if found:
                    return found.text
    return None


def _changed_bound(msg: Parsed, args: dict[str, Any]) -> dict[str, Any] | None:
    """ "make that 500" after "txns over 1k": the one amount bound, moved. (With no bound, or
    two, a bare number is a count: "now 10".)"""
    bounds = [k for k in ("min_amount", "max_amount") if k in args]
    if len(bounds) != 1 or not has_phrase(msg, _MODIFY) or amount_bounds(msg):
        return None  # "but under $50" names its own bound
    money = first_amount(msg)
    return {**args, bounds[0]: money.amount} if money is not None else None


def leans_on_nothing(msg: Parsed, scores: Scores) -> bool:
    """ "do the same for Bob", "same again" with no earlier call: nothing to repeat."""
    _, top, _ = scores.best()
    return top < NEW_REQUEST_SCORE and has_phrase(msg, _SAME_AS_BEFORE)


_NEW_FILTERS = ("status", "currency")


def _new_filters(
    msg: Parsed, ctx: RouterContext, last: ToolCall, kept: dict[str, Any], default_currency: str
) -> dict[str, Any]:
    """ "and the succeeded ones for the same week, any amount": beside a filter dropped, the
    status (or currency) the message names anew."""
    found = FILLERS[last.skill](msg, ctx, default_currency)
    return {k: v for k, v in found.args.items() if k in _NEW_FILTERS and v != kept.get(k)}


def _payments_behind(
    msg: Parsed, ctx: RouterContext, figures: dict[str, Any], default_currency: str
) -> RouterDecision | None:
    """The payments behind the figures just shown: their period and currency, plus filters."""
    found = FILLERS["list_payments"](msg, ctx, default_currency)
    if found.missing:
        return None
    kept = {k: v for k, v in figures.items() if k in ("created_gte", "created_lte", "currency")}
    return make.tool("list_payments", {**kept, **found.args}, 0.75)


def _dropped(msg: Parsed, args: dict[str, Any]) -> dict[str, Any] | None:
    """ "remove the upper limit": the arguments without the ones named, if it had them."""
    if not has_phrase(msg, _DROP):
        return None
    gone = {
        key for phrase, keys in _DROP_TARGETS.items() if has_phrase(msg, [phrase]) for key in keys
    }
    if not gone & set(args):
        return None
    return {k: v for k, v in args.items() if k not in gone}


_MONTH_NAMES = "|".join(m.lower() for m in calendar.month_name if m)
_REST_OF = re.compile(
    rf"\b(?:the\s+)?rest\s+of\s+(?:the\s+month|that\s+month|it|{_MONTH_NAMES})\b", re.I
)


def _rest_of_month(msg: Parsed, args: dict[str, Any]) -> dict[str, Any] | None:
    """ "and the rest of march" after the first half of it: from the day after to its end."""
    end = args.get("created_lte")
    if not end or _REST_OF.search(msg.text) is None:
        return None
    after = date.fromisoformat(str(end)) + timedelta(days=1)
    last = after.replace(day=calendar.monthrange(after.year, after.month)[1])
    today = msg.ents.today
    if after.day == 1 or (today is not None and after > today):
        return None  # the month was whole already, or its rest is still to come
    last = min(last, today) if today is not None else last
    return {**args, "created_gte": after.isoformat(), "created_lte": last.isoformat()}


def _whole_month(msg: Parsed, args: dict[str, Any]) -> dict[str, Any] | None:
    start = args.get("created_gte") or args.get("created_lte")
    if not start or not has_phrase(msg, _WHOLE_MONTH):
        return None
    first = date.fromisoformat(str(start)).replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return {**args, "created_gte": first.isoformat(), "created_lte": last.isoformat()}


def _bare_count(msg: Parsed) -> int | None:
    """The one number of a message, or of its last clause, that says nothing else ("now 10",
    "that doesn't go back far enough, make it 25")."""
    cut = max((i for i, t in enumerate(msg.tokens[:-1]) if t.norm in _CLAUSE_ENDS), default=-1)
    for tokens in (msg.tokens, msg.tokens[cut + 1 :]):
        rest = [t for t in tokens if t.norm not in _COUNT_LEADS]
        if len(rest) == 1 and rest[0].canon == "<num>" and rest[0].norm.isdigit():
            return max(1, min(MAX_LIMIT, int(rest[0].norm)))
    return None


def _put_new(changes: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        changes[key] = value


def _names_target(skill: str, args: dict[str, Any]) -> bool:
    target = {"refund_payment": "payment", "create_payment": "customer"}.get(skill, "customer")
    return target in args
