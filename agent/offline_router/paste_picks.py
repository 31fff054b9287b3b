"""What a request under a paste picks out of it by saying which: "use the Stripe ID on the
card" (the one `cus_` id, not the card's account name), "search by her email" (the address
alone, not her name as well), "Refund the duplicate" (the row marked "<- duplicate").

Each reads the decision the router made for the whole message and narrows it; none makes a
decision of its own, so a money action still pauses for its yes.
"""

from __future__ import annotations

import re

from agent.offline_router.id_patterns import stripe_id
from agent.offline_router.models import RouterDecision
from agent.offline_router.paragraphs import paste_and_request

_STRIPE_ID_ASKED = re.compile(
    r"\b(?:the|their|its|his|her)\s+(?:stripe|customer|cus_?)\s*id\b(?!\s*:)", re.I
)
_CUSTOMER_ID = re.compile(stripe_id("cus"))


def stripe_id_asked(decision: RouterDecision, message: str) -> RouterDecision:
    """ "pull the last 5 failed payments for this clinic, use the Stripe ID on the card": the
    card's one customer id is the customer (not its "Account:" name)."""
    if decision.kind != "tool" or "customer" not in decision.args:
        return decision
    ids = set(_CUSTOMER_ID.findall(message))
    if len(ids) != 1 or _STRIPE_ID_ASKED.search(message) is None:
        return decision
    return decision.model_copy(update={"args": {**decision.args, "customer": ids.pop()}})


_SEARCH_BY = re.compile(
    r"\b(?:search|look\s+(?:him|her|them|it)?\s*up|find\s+(?:him|her|them)|check)\s+"
    r"(?:\w+\s+){0,3}?by\s+(?:(?:her|his|their|the|its)\s+)?(?:\w+['’]s\s+)?(?P<f>e-?mail|name)\b",
    re.I,
)
_CALLED = re.compile(r"\b(?i:called|named)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
_BY_FIELD = {"email": ("email",), "e-mail": ("email",), "name": ("name",)}


def searched_by(decision: RouterDecision, message: str) -> RouterDecision:
    """ "is she already in Stripe? search by her email" above a contact card: the look-up is by
    that field alone, whatever else the card says."""
    if decision.kind != "tool" or decision.tool != "find_customers":
        return decision
    m = _SEARCH_BY.search(message)
    if m is None:
        return decision
    kept = _BY_FIELD[m["f"].lower()]
    targets = ("email", "name", "query")
    called = _CALLED.search(message) if kept == ("name",) else None
    if "name" not in decision.args and called is not None:  # "a woman called Harriet
        rest = {k: v for k, v in decision.args.items() if k not in targets}  # Oyelaran … Search
        return decision.model_copy(update={"args": {**rest, "name": called["name"]}})  # by name"
    if not any(k in decision.args for k in kept):
        return decision
    args = {k: v for k, v in decision.args.items() if k not in targets or k in kept}
    return decision.model_copy(update={"args": args})


_REFUND_THE = re.compile(r"\brefund\s+the\s+(?P<w>[a-z]+)\b", re.I)
_PAYMENT_LINE = re.compile(rf"^.*?(?P<id>{stripe_id('pi', 'ch')}).*$", re.M)
_MARK = re.compile(r"(?:<-|←|<--|#|\(|—|-)\s*(?P<note>[^()\n]*)")


def marked_payment(decision: RouterDecision, message: str) -> str | None:
    """ "pi_A £64.00 <- original / pi_B £64.00 <- duplicate, no order attached" + "Refund the
    duplicate in full, reason duplicate.": the request paragraph with the one row whose note
    says the word it names in place of "the duplicate", to be read again; else None."""
    asked = decision.pending_clarify
    if decision.kind != "clarify" or (asked is not None and asked.skill != "refund_payment"):
        return None
    parts = paste_and_request(message)
    said = _REFUND_THE.search(parts[1]) if parts is not None else None
    if parts is None or said is None:
        return None
    word = said["w"].lower()
    rows = [m for m in _PAYMENT_LINE.finditer(parts[0]) if _noted(m.group(), m["id"], word)]
    ids = {m["id"] for m in rows}
    if len(ids) != 1:
        return None
    request = parts[1]
    return request[: said.start()] + f"refund {ids.pop()}" + request[said.end() :]


def _noted(line: str, payment: str, word: str) -> bool:
    after = line.split(payment, 1)[1]
    said = re.compile(rf"\b{re.escape(word)}\b", re.I)
    return any(said.search(m["note"]) for m in _MARK.finditer(after))


_KNOWN_AS = re.compile(
    r"\b(?i:in\s+stripe|on\s+file|in\s+the\s+system|saved|listed|registered|set\s+up)\s+"
    r"(?i:as|under)\s+(?i:the\s+name\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+(?:&\s+)?[A-Z][\w'’-]+){0,4})"
)


def known_as(decision: RouterDecision, message: str) -> RouterDecision:
    """ "old Mr Jenkins from the allotments — he's in Stripe as Arthur Jenkins": the customer is
    the name the account is under, not the story's way of naming him."""
    if decision.kind != "tool" or "customer" not in decision.args:
        return decision
    m = _KNOWN_AS.search(message)
    current = str(decision.args["customer"])
    if m is None or "@" in current or current.startswith("cus_"):
        return decision
    return decision.model_copy(update={"args": {**decision.args, "customer": m["name"]}})


_IN_ITS_NAME = re.compile(
    r"\b(?i:in|under)\s+the\s+(?i:shop|business|company|store|studio|practice|firm|restaurant)"
    r"['’]s\s+name\s*(?:[—–:-]+|,)?\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*){0,4})"
)


def account_name(decision: RouterDecision, message: str) -> RouterDecision:
    """ "The owner's called Sandeep but he wants the account in the shop's name — Pickle &
    Rye": the new customer is the shop."""
    if decision.kind != "tool" or decision.tool != "create_customer":
        return decision
    m = _IN_ITS_NAME.search(message)
    if m is None:
        return decision
    return decision.model_copy(update={"args": {**decision.args, "name": m["name"]}})


_THE_DIGITS = re.compile(r"\bthe\s+(?P<d>\d{2,})\s+(?:one|charge|payment)\b", re.I)
_PAYMENT_ID = re.compile(stripe_id("pi", "ch"))


def payment_by_its_digits(decision: RouterDecision, message: str) -> str | None:
    """ "ch_3QdupOtter551 is a duplicate of ch_3QdupOtter550. Refund the 551 one in full": the
    sentence that asks, with the one id ending in those digits in place of "the 551 one", to be
    read again; else None."""
    asked = decision.pending_clarify
    if decision.kind != "clarify" or (asked is not None and asked.skill != "refund_payment"):
        return None
    said = _THE_DIGITS.search(message)
    if said is None:
        return None
    ids = {i for i in _PAYMENT_ID.findall(message) if i.endswith(said["d"])}
    if len(ids) != 1:
        return None
    start = max(message.rfind(". ", 0, said.start()), message.rfind("\n", 0, said.start())) + 1
    end = min(i for i in (message.find(". ", said.end()), len(message)) if i >= 0)
    sentence = message[start:end]
    return sentence.replace(said.group(), ids.pop(), 1).strip()
