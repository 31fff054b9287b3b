"""Build RouterDecisions: reply texts come from replies.yaml, confidence from the scores."""

from __future__ import annotations

from typing import Any

from agent.offline_router.lexicon import DATA
from agent.offline_router.models import PendingClarify, RouterDecision
from agent.offline_router.tokens import Parsed
from skills.money import minor_exponent

_R = DATA.replies
_FULL_STRENGTH = 4.0
_FULL_MARGIN = 2.5
_FUZZY_COST = 0.07


def confidence(top: float, margin: float, msg: Parsed) -> float:
    """High when one skill clearly wins on exact words; each typo guess costs a little."""
    strength = min(max(top, 0.0) / _FULL_STRENGTH, 1.0)
    separation = min(max(margin, 0.0) / _FULL_MARGIN, 1.0)
    fuzzy = msg.respelled + sum(1 for t in msg.tokens if t.fuzzy)
    value = 0.3 + 0.4 * strength + 0.3 * separation - _FUZZY_COST * fuzzy
    return round(min(max(value, 0.05), 1.0), 3)


def tool(skill: str, args: dict[str, Any], conf: float) -> RouterDecision:
    blank = [k for k in _WORDED if k in args and not any(c.isalnum() for c in str(args[k]))]
    args = {k: v for k, v in args.items() if k not in blank}  # "Name: —": an empty form field
    return RouterDecision(kind="tool", tool=skill, args=args, confidence=conf)


_WORDED = ("name", "description", "query")


def clarify(
    skill: str,
    args: dict[str, Any],
    missing: str,
    conf: float,
    hint: str | None = None,
    note: str | None = None,
) -> RouterDecision:
    text = question(skill, missing, args)
    if note:
        text = f"I couldn't read that payment ({note.rstrip('.')}). {text}"
    pending = PendingClarify(skill=skill, args=args, missing=missing, hint=hint)
    return RouterDecision(kind="clarify", text=text, confidence=conf, pending_clarify=pending)


def question(skill: str, missing: str, args: dict[str, Any], about: str = "") -> str:
    """`about`: the words asked about ("by “03/04”"), when the question names them."""
    template = _R["clarify"].get(f"{skill}.{missing}") or _R["clarify"]["unknown"]
    customer = args.get("customer")
    return str(template).format(
        payment=args.get("payment", "that payment"),
        customer_part=f" {customer}" if customer else "",
        about_part=f" by “{about}”" if about else "",
    )


def unclear_period(skill: str, args: dict[str, Any], words: str, conf: float) -> RouterDecision:
    """ "payments from 03/04": which days, asked in the user's words; the answer completes the
    call with everything else it said."""
    pending = PendingClarify(skill=skill, args=args, missing="period")
    text = question(skill, "period", args, about=words)
    return RouterDecision(kind="clarify", text=text, confidence=conf, pending_clarify=pending)


def one_at_a_time(skill: str, conf: float) -> RouterDecision:
    text = question(skill, "one_target", {})
    return RouterDecision(kind="clarify", text=text, confidence=max(conf, 0.8))


def which_one(
    skill: str,
    choice: tuple[str, str],
    conf: float,
    args: dict[str, Any] | None = None,
    about: str = "",
) -> RouterDecision:
    """ "pi_A or pi_B?": the answer ("just pi_B") completes the call, like any question's; a
    choice of currencies ("euro? or sterling") asks the currency and keeps whom and how much."""
    text = str(_R["clarify"]["which_one"]).format(first=choice[0], second=choice[1])
    target = {"refund_payment": "payment"}.get(skill, "customer")
    if about == "<amount>":
        target = "amount"  # "charge dana@… 50 or 60 bucks": whom stays, how much is asked
    known = {k: v for k, v in (args or {}).items() if k != target}
    if about == "<currency>":
        target, known = "currency", _before_the_currency(args or {}, choice)
    pending = PendingClarify(skill=skill, args=known, missing=target)
    return RouterDecision(
        kind="clarify", text=text, confidence=max(conf, 0.8), pending_clarify=pending
    )


def _before_the_currency(args: dict[str, Any], choice: tuple[str, str]) -> dict[str, Any]:
    """Whom and how much, waiting for the currency: the amount kept in hundredths (read
    again in the chosen currency's minor units), the choice itself no description."""
    known = {k: v for k, v in args.items() if k != "currency"}
    amount, code = args.get("amount"), str(args.get("currency") or "usd")
    if isinstance(amount, int):
        known["amount"] = amount * 100 // 10 ** minor_exponent(code)
    said = str(known.get("description", "")).lower()
    if any(c.lower() in said for c in choice):
        known.pop("description")  # "— Canadian or Australian, whatever she's billed in"
    return known


def money_error(skill: str, args: dict[str, Any], error: str) -> RouterDecision:
    text = str(_R["clarify"]["money_error"]).format(error=error)
    pending = PendingClarify(skill=skill, args=args, missing="amount")
    return RouterDecision(kind="clarify", text=text, confidence=0.9, pending_clarify=pending)


def currency_unclear(skill: str, args: dict[str, Any], error: str) -> RouterDecision:
    """ "200 kr": which kroner is asked; the amount waits in hundredths (read again in the
    chosen currency's minor units), like a choice of currencies."""
    text = str(_R["clarify"]["money_error"]).format(error=error)
    pending = PendingClarify(skill=skill, args=args, missing="currency")
    return RouterDecision(kind="clarify", text=text, confidence=0.9, pending_clarify=pending)


def out_of_scope(conf: float) -> RouterDecision:
    text = f"{_R['out_of_scope']} {_R['capabilities']}"
    return RouterDecision(kind="out_of_scope", text=text, confidence=conf)


def refuse_bulk() -> RouterDecision:
    return RouterDecision(kind="refuse", text=str(_R["refuse_bulk"]), confidence=0.95)


def refuse_secrets() -> RouterDecision:
    return RouterDecision(kind="refuse", text=str(_R["refuse_secrets"]), confidence=0.95)


def refuse_evasion() -> RouterDecision:
    return RouterDecision(kind="refuse", text=str(_R["refuse_evasion"]), confidence=0.95)


def refuse_bypass() -> RouterDecision:
    return RouterDecision(kind="refuse", text=str(_R["refuse_bypass"]), confidence=0.9)


def answer(msg: Parsed, conf: float) -> RouterDecision:
    canon = set(msg.canon)
    if "thanks" in canon:
        text = str(_R["answer_thanks"])
    elif "hello" in canon and len(canon) <= 3:
        text = f"{_R['answer_greeting']} {_R['capabilities']}"
    else:
        text = f"{_R['answer_help']} {_R['capabilities']}"
    return RouterDecision(kind="answer", text=text, confidence=conf)


def thanks() -> RouterDecision:
    return RouterDecision(kind="answer", text=str(_R["answer_thanks"]), confidence=0.8)


def cancelled() -> RouterDecision:
    return RouterDecision(kind="answer", text=str(_R["answer_cancelled"]), confidence=0.9)


def nothing_to_repeat() -> RouterDecision:
    text = str(_R["nothing_to_repeat"])
    return RouterDecision(kind="clarify", text=text, confidence=0.8)


def nothing_pending() -> RouterDecision:
    """A yes or no with no action waiting for it: nothing runs, the user is asked."""
    text = f"{_R['nothing_pending']} {_R['capabilities']}"
    return RouterDecision(kind="clarify", text=text, confidence=0.9)


def period_without_subject() -> RouterDecision:
    """ "what about last month?" as a first message: a follow-up to nothing said yet."""
    text = str(_R["clarify"]["period_without_subject"])
    return RouterDecision(kind="clarify", text=text, confidence=0.6)


def unclear(msg: Parsed) -> RouterDecision:
    text = f"{_R['clarify']['unknown']} {_R['capabilities']}"
    return RouterDecision(kind="clarify", text=text, confidence=0.3)


def missing_of(skill: str, args: dict[str, Any]) -> str | None:
    """The first required argument of `skill` not in `args` (replies.yaml `required`)."""
    for need in _R["required"].get(skill, []):
        options = need if isinstance(need, list) else [need]
        if not any(o in args for o in options):
            return str(options[0])
    return None
