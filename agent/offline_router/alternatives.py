"""A money request that offers a choice ("refund pi_A or pi_B", "starter_monthly or
growth_monthly", "fifty... or was it sixty?", "Canadian or Australian dollars"): the user has
not decided, so the router asks which, rather than picking one or refusing it as bulk."""

from __future__ import annotations

from itertools import pairwise

from agent.offline_router.lexicon import DATA
from agent.offline_router.tokens import Parsed, Token

_S = DATA.slots
_SKIP = frozenset(str(w) for w in _S["either_or_fillers"])
_CURRENCY_WORDS = frozenset(
    str(w) for words in _S["currency_words"].values() for w in words
) | frozenset(str(w) for w in _S["either_or_currencies"])
_KINDS = frozenset({"<pi>", "<cus>", "<key>", "<price>", "<money>", "<email>", "<plan>"})


_SLASHES = {"<key>": ("|", "/"), "<price>": ("|", "/"), "<plan>": ("|", "/")}
"""Marks typed between two values as "or": a pipe between any two of a kind, a slash only
between two plans (two payment ids with a slash may well mean both)."""
_OR = frozenset(str(w) for w in _S["either_or_words"])
"""'pi_A or pi_B' in the languages merchants mix in ("pi_A ya ch_B", "pi_A oder pi_B"): only
ever between two values of one kind, so "ya" the yeah and "o" the particle are never read so."""


def either_or(msg: Parsed) -> tuple[str, str, str] | None:
    """The two alternatives around an "or", when both are values of one kind, and that kind
    ("<currency>", "<amount>", "<pi>"...)."""
    toks = msg.tokens
    if (typed := _typed_choice(msg)) is not None:
        return typed
    for i, tok in enumerate(toks):
        if tok.norm not in _OR:
            continue
        left, right = _neighbour(toks, i, -1), _neighbour(toks, i, +1)
        if left is None or right is None:
            continue
        kind = _kind(left)
        if kind is not None and kind == _kind(right):
            return left.orig, right.orig, kind
        if left.canon == "<money>" and _kind(right) == "<currency>" and _priced_in_words(left):
            return left.orig, right.orig, "<currency>"  # "25 euro or sterling"
    return None


def _typed_choice(msg: Parsed) -> tuple[str, str, str] | None:
    """ "price=pro_monthly|pro_annual": two values of one kind with a mark between them."""
    for left, right in pairwise(msg.tokens):
        kind = _kind(left)
        if kind not in _KINDS or kind != _kind(right):
            continue
        if msg.text[left.end : right.start].strip() in _SLASHES.get(left.canon, ("|",)):
            return left.orig, right.orig, left.canon
    return None


def _priced_in_words(tok: Token) -> bool:
    words = tok.orig.lower().split()
    return len(words) > 1 and words[-1] in _CURRENCY_WORDS


def _neighbour(toks: list[Token], i: int, step: int) -> Token | None:
    j = i + step
    while 0 <= j < len(toks) and (toks[j].norm in _SKIP or toks[j].is_punct):
        j += step
    return toks[j] if 0 <= j < len(toks) else None


def _kind(tok: Token) -> str | None:
    if tok.canon == "<num>" or tok.canon == "<money>" or tok.norm in _NUMBER_WORDS:
        return "<amount>"  # "either 50 or 60 dollars": a number and an amount are one kind
    if tok.canon in _KINDS:
        return tok.canon
    if tok.norm in _CURRENCY_WORDS:
        return "<currency>"
    return None


_NUMBER_WORDS = frozenset(str(w) for w in _S["number_words"]) - {"a", "an", "one", "single"}
