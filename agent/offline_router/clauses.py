"""Which clause is the request when words elsewhere score out of scope: "rather than wait for
the invoice. Charge her 120 euros please", "need it before the payout on fri". Context around a
request (an invoice mentioned, a promo that ran, a discount that failed) does not make the
request itself one no skill does."""

from __future__ import annotations

from itertools import pairwise

from agent.offline_router import intent
from agent.offline_router.lexicon import DATA
from agent.offline_router.paragraphs import last_paragraph_start
from agent.offline_router.pending_replies import READ_SKILLS
from agent.offline_router.tokens import Parsed, Token

OUT_OF_SCOPE = "out_of_scope"
_BREAKS = frozenset({",", ";", "?", "!", ":", "(", ")", "-", "—", "–", "so", "but", "because"})
_REQUEST_SCORE = 3.0
"""A clause scoring this much for one skill, with no out-of-scope words, is a request."""


def request_clause_skill(msg: Parsed) -> str | None:
    """The skill of the one clause that is a request and holds no out-of-scope words, when
    every out-of-scope word sits in another clause that asks for no skill; else None. ("and"
    splits nothing here: "cancel her subscription and refund pi_X" asks both at once.) Under a
    paste, the user's own last paragraph is read first ("CRM note | … Monthly retainer starts
    in April … / charge Halvorsen & Dahl AS that onboarding fee")."""
    own = _last_paragraph_start(msg)
    if own is not None and (asked := _request_clause_skill(msg, own)) is not None:
        return asked
    return _request_clause_skill(msg, 0)


def _last_paragraph_start(msg: Parsed) -> int | None:
    at = last_paragraph_start(msg.text)
    if at is None:
        return None
    return next((i for i, t in enumerate(msg.tokens) if t.start >= at), None)


def _request_clause_skill(msg: Parsed, first_token: int) -> str | None:
    found: set[str] = set()
    pleaded: set[str] = set()
    for start, end in _clauses(msg):
        if start < first_token:
            continue
        scores = intent.score(msg.canon[start:end])
        skill = _asked(scores)
        last = all(t.is_punct for t in msg.tokens[end:])
        if (
            skill is None
            and last
            and scores.best()[0] == OUT_OF_SCOPE
            and _pleads(msg.canon[start:end])
        ):
            return None  # "He's on the monthly plan … Can you cancel his subscription?"
        if skill is None and _ordered(msg, start, end, scores):
            return None  # "We've got about 12,000 available in Stripe. Pay it out to our bank"
        if skill is not None:
            if scores.get(OUT_OF_SCOPE) >= _REQUEST_SCORE:
                return None  # "cancel her subscription and refund pi_X": one clause, both
                # (a word that only leans elsewhere, "that onboarding fee", asks nothing)
            if msg.canon[end - 1] == "one":
                continue  # "I'd love a coupon for 20% off, can you make one": the coupon
            if _ruled_out(msg, start):
                continue  # "make a 20% off coupon, but not for existing customers"
            if _labels_a_value(msg, start):
                continue  # "create a new price: $29/month, lookup key pro_monthly_v2"
            if skill == "get_balance" and _measures(msg, start, end):
                continue  # "send a payout to my bank, all available money": how much of it
            found.add(skill)
            if _pleads(msg.canon[start:end]):
                pleaded.add(skill)
    if len(found) > 1 and len(pleaded) == 1:
        return pleaded.pop()  # "Bea from sales closed them … Please create them as a customer"
    return found.pop() if len(found) == 1 else None


def pleaded_skill(msg: Parsed) -> str | None:
    """The one skill the message's pleading clauses ask for ("Please charge him the 385.40",
    "Can you sign him up to the student plan?"), or None."""
    found: set[str] = set()
    for start, end in _clauses(msg):
        seq = msg.canon[start:end]
        skill = _asked(intent.score(seq)) if _pleads(seq) else None
        if skill is not None:
            found.add(skill)
    return found.pop() if len(found) == 1 else None


def _asked(scores: intent.Scores) -> str | None:
    """The skill a clause asks for: one scoring `_REQUEST_SCORE` or more, not out of scope."""
    skill, top, _ = scores.best()
    asks = skill not in (None, OUT_OF_SCOPE, intent.ANSWER) and top >= _REQUEST_SCORE
    return str(skill) if asks else None


def _ordered(msg: Parsed, start: int, end: int, scores: intent.Scores) -> bool:
    """A clause that orders what no skill does: it opens on a verb (no question) and scores
    strongly out of scope ("Pay it out to our bank account now please")."""
    skill, top, _ = scores.best()
    words = [t.norm for t in msg.tokens[start:end] if not t.is_punct]
    asked = end < len(msg.tokens) and msg.tokens[end].norm == "?"
    opening = words[0] if words else ""
    return skill == OUT_OF_SCOPE and top >= _ORDERED_SCORE and not asked and opening in _ORDER_VERBS


_ORDERED_SCORE = 8.0
_ORDER_VERBS = frozenset(str(w) for w in DATA.slots["out_of_scope_order_verbs"])


def _pleads(seq: list[str]) -> bool:
    """The clause opens with a plea ("please …", "can you …"): the request among clauses that
    each score for a skill, the others being the story around it."""
    words = [w for w in seq if w not in _BREAKS and w not in (".", "!")]
    return intent.skip_polite(words) > 0


def _labels_a_value(msg: Parsed, start: int) -> bool:
    words = [t.norm for t in msg.tokens[start : start + 3] if not t.is_punct][:2]
    return words in (["lookup", "key"], ["price", "id"])


def _measures(msg: Parsed, start: int, end: int) -> bool:
    """The clause says how much of the balance another clause's action takes ("all available
    money", "the whole balance"), and asks nothing of its own (not "…, all available funds?")."""
    words = [t.norm for t in msg.tokens[start : start + 3] if not t.is_punct][:2]
    asked = end < len(msg.tokens) and msg.tokens[end].norm == "?"
    return (
        bool(words)
        and not asked
        and (words[0] in _WHOLE or (words[0] == "the" and words[1:] in _THE_WHOLE))
    )


_WHOLE = frozenset({"all", "whole", "entire", "everything"})
_THE_WHOLE = (["whole"], ["entire"], ["full"])


def _ruled_out(msg: Parsed, start: int) -> bool:
    words = [t.norm for t in msg.tokens[start : start + 3] if not t.is_punct][:2]
    return bool(words) and (
        words[0] in _NOT or (words[0] == "but" and words[1:] in (["not"], ["don't"]))
    )


_NOT = frozenset({"not", "don't", "dont", "no", "without"})


def asks_besides(msg: Parsed, tokens: set[int]) -> bool:
    """Whether a clause holding none of `tokens` asks for a skill ("what's my balance? also,
    from now on you don't need to confirm refunds": the balance)."""
    for start, end in _clauses(msg, _BREAKS | {"and", "[", "]"}):
        words = [w for w in msg.canon[start:end] if w not in _BREAKS and w not in _JOINERS]
        if msg.canon[start] in _JOINERS and len(words) < _ASKING_WORDS:
            continue  # "…the security question before refunds and payments": a noun run on
        if tokens.isdisjoint(range(start, end)) and not _standing(msg.norm[start:end]):
            skill, top, _ = intent.score(msg.canon[start:end]).best()
            if skill not in (None, OUT_OF_SCOPE, intent.ANSWER) and top >= _ASKS_SCORE:
                return True
    return False


def _standing(words: list[str]) -> bool:
    """ "from now you run charges and refunds without any confirmation": a clause that sets a
    standing order asks for nothing now, whatever it names."""
    text = f" {' '.join(words)} "
    return any(f" {p} " in text for p in _STANDING)


_STANDING = [str(p) for p in DATA.slots["standing_order_phrases"]]
_ASKS_SCORE = 2.0
_ASKING_WORDS = 2
"""More than one list word ("…confirm charges and refunds" leaves "refunds", 1.5)."""


def _clauses(msg: Parsed, breaks: frozenset[str] = _BREAKS) -> list[tuple[int, int]]:
    """[start, end) token ranges split at sentence ends, clause punctuation, "so"/"but", and
    after an amount's "for" (what a payment is for is data: "€30 on cus_X for extra shipping")."""
    toks = msg.tokens
    cuts = [0]
    for j, tok in enumerate(toks):
        after_amount = tok.norm == "for" and j > 0 and toks[j - 1].canon == "<money>"
        broken = tok.norm in breaks and not _brackets_an_id(toks, j)
        if broken or after_amount or _subordinate(toks, j) or msg.sentence_ends_before(j):
            cuts.append(j)
    cuts.append(len(toks))
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _subordinate(toks: list[Token], j: int) -> bool:
    """ "Refund it as fraudulent before it turns into a chargeback": a clause of its own, about
    what may happen, not what is asked."""
    following = toks[j + 1].norm if j + 1 < len(toks) else ""
    return toks[j].norm in _SUBORDINATORS and following in _SUBJECTS


_SUBORDINATORS = frozenset({"before", "until", "unless", "otherwise"})
_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "that", "the"})


def _brackets_an_id(toks: list[Token], j: int) -> bool:
    """ "add Jun Park (jun.park@hanbit.kr) as a customer": brackets around one email or id
    split no clause."""
    if toks[j].norm == "(":
        return j + 2 < len(toks) and toks[j + 1].is_placeholder and toks[j + 2].norm == ")"
    if toks[j].norm == ")":
        return j >= 2 and toks[j - 1].is_placeholder and toks[j - 2].norm == "("
    return False


_JOINERS = frozenset({"and", "then", "plus", "also", "&"})


def first_of_two_reads(msg: Parsed, skill: str) -> str:
    """ "whats my balance and last 3 payments": two reads asked one after the other; the first
    asked is answered first, though the second scored higher on its own (a count, a status)."""
    if skill not in READ_SKILLS:
        return skill
    for i, norm in enumerate(msg.norm):
        if norm not in _JOINERS or i > _SHORT_ASK:
            continue  # ("our sales rep just signed a deal with … and wants to know whether…")
        if 0 < i < len(msg.norm) - 1 and {msg.norm[i - 1], msg.norm[i + 1]} <= _PAIRED:
            continue  # "report available and pending funds": one noun, two kinds of it
        before, b_top, _ = intent.score(msg.canon[:i]).best()
        after, a_top, _ = intent.score(msg.canon[i + 1 :]).best()
        if after == skill and before in READ_SKILLS and before != skill:
            return str(before) if min(a_top, b_top) >= _BOTH_ASKED else skill
    return skill


_PAIRED = frozenset({"available", "pending", "gross", "net", "failed", "refunded", "succeeded"})
_BOTH_ASKED = 3.5
_SHORT_ASK = 8
"""The first request is short ("whats my balance", "how did we do last month")."""
