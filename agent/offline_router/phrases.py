"""The phrase matcher shared by intent scoring and safety: tokens, `a|b` options, `*` gaps."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import cache

GAP = "*"
MAX_GAP = 8

Pattern = tuple[str, ...]


def expand(pattern: str, canonical: dict[str, str] | None = None) -> list[Pattern]:
    """'show|list * payments' -> [('show','*','payments'), ('list','*','payments')];
    'payment link; checkout page' -> two phrases. Words are mapped through `canonical`."""
    table = canonical or {}
    out: list[Pattern] = []
    for alternative in pattern.split(";"):
        options = [[table.get(w, w) for w in part.split("|")] for part in alternative.split()]
        out.extend(tuple(combo) for combo in itertools.product(*options))
    return out


def match_at(pattern: Pattern, seq: list[str], start: int, blockers: frozenset[str]) -> int:
    """End index (exclusive) of `pattern` matched at seq[start], or -1.

    A `*` skips up to MAX_GAP tokens, none of them in `blockers` (the shortest skip wins).
    """
    return _match(pattern, 0, seq, start, blockers)


def _match(pattern: Pattern, k: int, seq: list[str], j: int, blockers: frozenset[str]) -> int:
    if k == len(pattern):
        return j
    if pattern[k] == GAP:
        for skip in range(MAX_GAP + 1):
            end = _match(pattern, k + 1, seq, j + skip, blockers)
            if end >= 0:
                return end
            if j + skip >= len(seq) or seq[j + skip] in blockers:
                return -1
        return -1
    if j < len(seq) and seq[j] == pattern[k]:
        return _match(pattern, k + 1, seq, j + 1, blockers)
    return -1


def index_by_first(patterns: Iterable[Pattern]) -> dict[str, list[Pattern]]:
    index: dict[str, list[Pattern]] = {}
    for p in patterns:
        index.setdefault(p[0], []).append(p)
    return index


def find_all(
    index: dict[str, list[Pattern]], seq: list[str], blockers: frozenset[str]
) -> list[tuple[Pattern, int, int]]:
    """Every (pattern, start, end) occurrence of the indexed patterns in `seq`."""
    found = []
    present = frozenset(seq)
    for i, word in enumerate(seq):
        for pattern in index.get(word, ()):
            if not present.issuperset(_needs(pattern)):
                continue  # a token it holds is nowhere in the message
            end = match_at(pattern, seq, i, blockers)
            if end >= 0:
                found.append((pattern, i, end))
    return found


@cache
def _needs(pattern: Pattern) -> frozenset[str]:
    return frozenset(t for t in pattern if t != GAP)
