"""Replies to "Shall I do this?" that say more than yes or no.

- An *echo* ("yes, refund pi_X", "confirm pi_X", "yes charge her", "yes refund $5"): an accept
  word plus words that, routed, ask for nothing the pending action does not already say. It
  accepts that action; a reply naming anything else is a new request instead.
- A *reasoned no* ("no — don't, I'll check with finance first", "nope, wait for their PO"): a
  reply whose first clause is a clear no. It rejects, whatever reason follows; a no is never
  a risk, so it needs no more certainty than that.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from agent.offline_router.confirmation import (
    asks_a_question,
    classify_confirmation_reply,
    has_accept_phrase,
    has_doubt,
    has_firm_accept,
)
from agent.offline_router.entities import extract
from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext, RouterDecision
from skills import SKILLS
from skills._number_words import WORD_RUN_PATTERN, parse_number_words

_WORDS = re.compile(r"[a-z']+")
_NEGATION = frozenset(
    {"no", "not", "don't", "dont", "never", "cancel", "stop", "wait", "hold", "nah", "nope"}
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d{1,2})?(?![\w.])")
_FULL_WORDS = frozenset({"full", "whole", "entire", "everything", "all"})
_REFERENCE_WORDS = frozenset(
    w
    for key in ("accept", "soft_accept", "filler")
    for phrase in DATA.confirmation[key]
    for w in _WORDS.findall(str(phrase).lower())
) | frozenset(
    w
    for key in ("payment_pronouns", "customer_pronouns")
    for phrase in DATA.slots[key]
    for w in _WORDS.findall(str(phrase).lower())
) - {"all", "every", "each", "both", "everyone", "everybody", "everything", "too", "also"}
"""Words an echo may hold; never a word that widens it ("yes, refund them all")."""
READ_SKILLS = frozenset(name for name, skill in SKILLS.items() if skill.risk == "read")
_CANCEL = frozenset(str(w) for w in DATA.confirmation["cancel_words"])
_CANCEL_PHRASES = tuple(str(p) for p in DATA.confirmation["cancel_phrases"])
_NOT_A_CANCEL = re.compile(
    r"\b(?:" + "|".join(re.escape(str(p)) for p in DATA.confirmation["not_a_cancel"]) + r")\b"
)
_SENTENCE = re.compile(r"(?<=[.!;?])\s+|\n+")
_CLAUSE = re.compile(r"\s*(?:[,;:.!]|\s[—–-]\s|—|–)\s*")


def _words(message: str) -> set[str]:
    return set(_WORDS.findall(message.lower().replace("’", "'")))


def _says_no(message: str) -> bool:
    """Any negation at all: such a reply is never read as a yes beyond its plain words."""
    return bool(_NEGATION & _words(message))


def echoes_pending(message: str, decision: RouterDecision, ctx: RouterContext) -> bool:
    pending = ctx.pending_action
    if pending is None or asks_a_question(message) or not has_accept_phrase(message):
        return False
    if _says_no(message):
        return False  # "yes... no, don't refund pi_X": never read as a yes
    if classify_confirmation_reply(first_clause(message)) == "reject":
        return False
    if decision.kind == "tool":
        said = without_unsaid_currency(message, decision.args)
        return decision.tool == pending.skill and _within(said, pending.args, ctx)
    asked = decision.pending_clarify
    if asked is not None and asked.skill == pending.skill:
        return _within(asked.args, pending.args, ctx)
    if decision.kind == "refuse":
        return False
    return _values_within(message, pending.args, ctx) or _only_references(message, pending.args)


def _only_references(message: str, pending: dict[str, Any]) -> bool:
    """ "yes, the full amount", "yes, that one, for her": accept words and words that point
    back at the pending action, nothing else. ("the full amount" changes a partial refund.)"""
    words = _words(message)
    if "amount" in pending and words & _FULL_WORDS:
        return False
    return words <= _REFERENCE_WORDS


_LOOKUPS = frozenset({"find_customers", "list_payments"})


def unnamed_lookup(decision: RouterDecision) -> bool:
    """A lookup of nothing in particular ("I've checked with accounts", "check with the
    customer"): words about looking, no request to."""
    return decision.tool in _LOOKUPS and not decision.args


def ends_with_accept(message: str, decision: RouterDecision) -> bool:
    """ "sorry, got pulled into a call. yes, still want that done": the last sentence (or, in
    one sentence, the last clause) is a clear yes, nothing before it asks for anything or says
    no, and there is no question."""
    sentences = [s for s in _SENTENCE.split(message) if s.strip()]
    if len(sentences) < 2:  # "ugh fine, yes", "ok she confirmed on the phone, please go ahead"
        sentences = [s for s in _CLAUSE.split(message.strip()) if s.strip()]
    asks = decision.kind == "refuse" or (
        decision.kind == "tool" and bool(decision.args) and not unnamed_lookup(decision)
    )  # (a read of nothing in particular is a misreading of the words before the yes)
    if len(sentences) < 2 or asks_a_question(sentences[-1]) or asks:
        return False  # a question before the yes is answered by it: "why ask again?? ok, yes."
    if _says_no(message):
        return False
    last = sentences[-1]
    if classify_confirmation_reply(last) == "unclear":  # "back to the charge - go ahead"
        last = [c for c in _CLAUSE.split(last.strip()) if c.strip()][-1]
    if any(has_doubt(s) for s in sentences[:-1]) and not _doubt_resolved(last):
        return False  # "hmm, maybe, ok": the doubt before it stands
    return classify_confirmation_reply(last) == "accept"


_NOTHING_FOUND = re.compile(
    r"^\s*(?:no+|nope|nah)\b[,.!]?\s*(?:there(?:'s|\s+is|\s+was)\s+)?"
    r"(?:nothing|none|no\s+(?:payment|payments|charge|charges|sign|match|record)s?|not\s+there)"
    r"(?:\s+(?:there|found|showing|came\s+up|in\s+there|at\s+all|yet))?\s*[.!]?\s*$",
    re.I,
)
"""'no, nothing there' after a look asked for while the action waits: what the look found."""


def yes_after_nothing_found(message: str) -> bool:
    """ "no, nothing there. go ahead with the charge": the no answers the check the user made
    ("he may already have paid"); the yes after it, a sentence of its own, is the answer."""
    sentences = [x for x in _SENTENCE.split(message.strip()) if x.strip()]
    if len(sentences) != 2 or not _NOTHING_FOUND.match(sentences[0]):
        return False
    last = sentences[1]
    return classify_confirmation_reply(last) == "accept" and has_firm_accept(last)


def _doubt_resolved(last: str) -> bool:
    """ "oh. hmm. yes I suppose, yes go ahead", "I think so? yes. yes that's it": the doubt
    talked through to a firm yes that closes the reply; an "ok" after a "maybe" is no more
    than the maybe."""
    return has_firm_accept(last) and not has_doubt(last)


_TRAILS_OFF = re.compile(r"^[^.…]*?\w(?:\.{2,}|…)\s*\w")
"""A first word or two, an ellipsis, then more words: "ok... actually", "fine… I guess"."""

_SUBORDINATE = re.compile(r"\s+(?:before|because|cause|cuz|since|while)\s+", re.I)
"""'yes yes yes do it before I change my mind': the yes ends where its reason begins."""


def leads_with_accept(message: str, decision: RouterDecision, ctx: RouterContext) -> bool:
    """ "confirmed, thanks for catching that": a clear yes first, then only words that ask for
    nothing else and say no nothing."""
    if asks_a_question(message) or _says_no(message) or has_doubt(message):
        return False  # "Ja, just now" (South African: in a while): the doubt after it stands
    head = _SUBORDINATE.split(first_clause(message), maxsplit=1)[0]
    if classify_confirmation_reply(head) != "accept":
        return False
    if _TRAILS_OFF.match(message) and not has_firm_accept(head):
        return False  # "ok... a właściwie to sam nie wiem": an "ok" that trails off into words
        # the reader does not know is no yes (the words may well be the doubt)
    pending = ctx.pending_action
    if decision.kind == "tool":
        return (
            pending is not None
            and decision.tool == pending.skill
            and _within(decision.args, pending.args, ctx)
        )
    return decision.kind != "refuse"


def leads_with_reject(message: str) -> bool:
    return classify_confirmation_reply(first_clause(message)) == "reject"


def cancels_pending(message: str, decision: RouterDecision, ctx: RouterContext) -> bool:
    """ "actually, cancel the whole thing": a cancel word, and no other action or target asked
    for instead ("cancel that and refund pi_B" is a new request, which cancels it anyway)."""
    pending = ctx.pending_action
    text = _NOT_A_CANCEL.sub(" ", message.lower().replace("’", "'"))
    said = _words(text) & _CANCEL or any(p in text for p in _CANCEL_PHRASES)
    if pending is None or not said:
        return False
    if _yes_then_cancel_of_another(message):
        return False  # "yes please, and can you also cancel his old subscription sub_X"
    if decision.kind != "tool" or decision.tool in READ_SKILLS:
        return True  # "never mind, I already refunded it from the dashboard"
    if decision.tool != pending.skill:
        return False  # another action instead: it supersedes (and so cancels) this one
    target = {"refund_payment": "payment"}.get(pending.skill, "customer")
    return decision.args.get(target) in (None, pending.args.get(target))


def _yes_then_cancel_of_another(message: str) -> bool:
    """A plain yes first, then a cancel aimed at another, older thing ("his old subscription",
    "sub_X"): a second request beside the yes (which nothing here can do), not a no."""
    first = first_clause(message)
    rest = message.strip()[len(first) :]
    if classify_confirmation_reply(first) != "accept" or not has_firm_accept(first):
        return False
    return _CANCEL_OF_ANOTHER.search(rest) is not None


_DETERMINERS = r"(?:the|that|this|my|her|his|their|your)"
_CANCEL_OF_ANOTHER = re.compile(
    r"\b(?:cancel|end|stop|terminate)\s+(?:(?:his|her|their|the|that)\s+)?(?:"
    rf"(?:{'|'.join(re.escape(str(w)) for w in DATA.confirmation['other_thing_marks'])})\s+"
    rf"(?:(?:{'|'.join(re.escape(str(w)) for w in DATA.confirmation['other_thing_nouns'])})\b)?"
    r"|(?:\w+\s+){0,3}?sub_\w+)",
    re.I,
)
_BARE_NEVER_MIND = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|oh|ah|right|sorry)[\s,.!]+)?(?:never\s*mind|nvm)[\s,.;:!—–-]+(?P<rest>.+)$",
    re.I | re.S,
)
_SET_ASIDE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(str(p)) for p in DATA.confirmation["set_aside_leads"])
    + rf")\s+{_DETERMINERS}\s+(?P<what>[^,.;!?—–]+?)\s*(?=[,.;!—–]|$)",
    re.I,
)
_ACTION_NOUNS = frozenset(str(w) for w in DATA.confirmation["action_nouns"]) | frozenset(
    w for phrase in DATA.slots["payment_pronouns"] for w in _WORDS.findall(str(phrase).lower())
) - {"the", "that", "this", "same", "last", "latest", "most", "recent"}


def without_set_aside(message: str) -> str:
    """ "ok never mind the pdf, just charge it" -> "ok, just charge it": a side request set
    aside is no cancel; "never mind the charge" names the action, and stays. A bare "never
    mind" opening a plain yes ("ok never mind yes charge it", after an aside) sets the aside
    down, not the action."""
    bare = _BARE_NEVER_MIND.match(message)
    if bare is not None and classify_confirmation_reply(bare["rest"]) == "accept":
        return bare["rest"]
    m = _SET_ASIDE.search(message)
    if m is None or _words(m["what"]) & _ACTION_NOUNS:
        return message
    rest = (message[: m.start()].rstrip() + message[m.end() :]).strip(" ,;.")
    return rest if _WORDS.search(rest.lower()) else message


def clauses(message: str) -> list[str]:
    """The reply cut at sentence ends and at commas, semicolons, colons and dashes."""
    return [c for s in _SENTENCE.split(message) for c in _CLAUSE.split(s) if c.strip()]


def first_clause(message: str) -> str:
    """Up to the first comma, dash or full stop: "no" in "no — I'll check first"."""
    return _CLAUSE.split(message.strip(), maxsplit=1)[0]


def _within(args: dict[str, Any], pending: dict[str, Any], ctx: RouterContext) -> bool:
    known = _known(pending, ctx)
    return all(_norm(v) in known for v in args.values())


def _values_within(message: str, pending: dict[str, Any], ctx: RouterContext) -> bool:
    """Every id, email and amount the message holds is one of the pending action's."""
    spans = [s for s in extract(message, date.today()).spans if s.kind in _VALUE_KINDS]
    known = _known(pending, ctx) | {_norm(pending.get("currency") or "usd")}
    values = [s.value.amount if s.kind == "money" else s.value for s in spans]
    values += _currencies(message)  # "ok dollars is right, go"
    values += _bare_amounts(message, spans, pending)  # "ok, yes, 280"
    return bool(values) and all(_norm(v) in known for v in values)


def _bare_amounts(message: str, spans: list[Any], pending: dict[str, Any]) -> list[Any]:
    """Plain numbers outside the entities, as the pending amount when they name it (in major
    or minor units), else as themselves (which then match nothing)."""
    amount = pending.get("amount")
    out: list[Any] = []
    for m in _NUMBER.finditer(message):
        if any(s.start <= m.start() < s.end for s in spans):
            continue
        number = float(m.group().replace(",", "."))
        out.append(amount if amount in (number, round(number * 100)) else m.group())
    for m in _SPOKEN_NUMBER.finditer(message):  # "yep sixty that's right go"
        said = parse_number_words(m.group())
        if said is not None and not any(s.start <= m.start() < s.end for s in spans):
            out.append(amount if amount in (said, round(said * 100)) else m.group())
    return out


_SPOKEN_NUMBER = re.compile(WORD_RUN_PATTERN, re.I)


def without_unsaid_currency(message: str, args: dict[str, Any]) -> dict[str, Any]:
    """A reply's routed arguments without the currency the router filled in by default: "yes,
    charge the 45" names no currency, so it cannot change the pending €45's."""
    said = _currencies(message) or any(c in message for c in _SYMBOLS)
    return args if said else {k: v for k, v in args.items() if k != "currency"}


_SYMBOLS = "$€£¥₹₩₱₦"


def _currencies(message: str) -> list[str]:
    words = _WORDS.findall(message.lower())
    return [_CURRENCY_WORDS[w] for w in words if w in _CURRENCY_WORDS]


_CURRENCY_WORDS: dict[str, str] = {
    str(word): str(code)
    for code, words in DATA.slots["currency_words"].items()
    for word in words
    if " " not in str(word)
}
_VALUE_KINDS = frozenset({"pi", "cus", "price", "key", "email", "money", "plan"})


def _known(pending: dict[str, Any], ctx: RouterContext) -> set[str]:
    known = {_norm(v) for v in pending.values()}
    return known | ({_norm(ctx.last_customer)} if ctx.last_customer else set())


def _norm(value: Any) -> str:
    return " ".join(str(value).casefold().split())


_CHANGE_LEADS = frozenset(str(w) for w in DATA.confirmation["change_after_no_leads"])


def _worded_clauses(message: str) -> list[str]:
    """The message's clauses that hold a word (not a lone "—" or "!")."""
    return [c for c in _CLAUSE.split(message.strip()) if _WORDS.search(c.lower())]


def change_after_no(message: str) -> str | None:
    """ "no, don't - just refund $20 of it", "nope, only $20" -> the last clause: a request of its
    own after the no (no negation in it, a word of change leading it). "no, don't refund $20 of
    it" has none: it stays a plain no."""
    clauses = _worded_clauses(message)
    if len(clauses) < 2 or classify_confirmation_reply(clauses[0]) != "reject":
        return None
    last = clauses[-1]
    words = _WORDS.findall(last.lower())
    return last if words and words[0] in _CHANGE_LEADS and not _says_no(last) else None


_READ_LEADS = frozenset(str(w) for w in DATA.confirmation["read_after_no_leads"])


def read_after_no(message: str, decision: RouterDecision) -> bool:
    """ "forget it, what's my balance?", "no. show me failed payments instead": a no, then a
    read asked for in a clause of its own. "never mind, I already refunded it from the
    dashboard" tells, and asks nothing."""
    if decision.kind != "tool" or decision.tool not in READ_SKILLS:
        return False
    clauses = _worded_clauses(message)
    later = clauses[1:]
    return any(asks_a_question(c) or _WORDS.findall(c.lower())[0] in _READ_LEADS for c in later)


def changes_after_no(message: str, decision: RouterDecision, ctx: RouterContext) -> bool:
    """A no, then the pending action changed (see `change_after_no`): the gate cancels this
    one and the changed one pauses anew."""
    pending = ctx.pending_action
    if pending is None or decision.kind != "tool" or decision.tool != pending.skill:
        return False
    changed = {k: v for k, v in decision.args.items() if pending.args.get(k) != v}
    return bool(changed) and change_after_no(message) is not None
