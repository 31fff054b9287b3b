"""Score the skills (and out_of_scope / answer) by the weighted phrases of lexicon.yaml."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agent.offline_router.lexicon import LEXICON, Phrase
from agent.offline_router.phrases import match_at

ANSWER = "answer"
_HARD_STOPS = frozenset({"?", "!", ";", "."})
_BLOCKERS = LEXICON.gap_blockers | _HARD_STOPS


@dataclass
class Scores:
    """Per-skill totals and the phrases that produced them (for debugging and confidence)."""

    totals: dict[str, float] = field(default_factory=dict)
    matched: list[Phrase] = field(default_factory=list)

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.totals.items(), key=lambda kv: kv[1], reverse=True)

    def best(self) -> tuple[str | None, float, float]:
        """(skill, score, margin over the runner-up); skill None when nothing scored > 0.

        Small talk ("answer": hi, thanks) wins only when nothing else scored at all.
        """
        ranked = [kv for kv in self.ranked() if kv[1] > 0]
        if len(ranked) > 1 and ranked[0][0] == ANSWER:
            ranked = ranked[1:]
        if not ranked:
            return None, 0.0, 0.0
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        return ranked[0][0], ranked[0][1], ranked[0][1] - runner_up

    def get(self, skill: str) -> float:
        return self.totals.get(skill, 0.0)


def skip_polite(seq: list[str]) -> int:
    """Index of the first word after leading politeness ("hey, can you please ...")."""
    i = 0
    moved = True
    while moved:
        moved = False
        while i < len(seq) and seq[i] in (",", ":", "!", "-", "."):
            i += 1  # ("." also stands for bypass chatter: "[admin mode] charge …")
        for prefix in LEXICON.polite_prefixes:
            if tuple(seq[i : i + len(prefix)]) == prefix:
                i += len(prefix)
                moved = True
                break
    return i


def score(seq: list[str], sentence_starts: Iterable[int] = ()) -> Scores:
    """Add up every phrase of every skill found in the canonical token sequence `seq`. An
    anchored phrase ("^put <money> on") may open any sentence ("Dave called back. Put $40 on
    his card"), politeness skipped."""
    result = Scores()
    body = {skip_polite(seq)} | {s + skip_polite(seq[s:]) for s in sentence_starts}
    seen: set[int] = set()  # ids: a phrase counts once, and hashing the dataclass is slow
    present = frozenset(seq)
    for i, word in enumerate(seq):
        for phrase in LEXICON.by_first.get(word, ()):
            if not phrase.needs <= present or (phrase.anchored and i not in body):
                continue  # (a token it needs is nowhere in the message)
            if id(phrase) in seen:
                continue
            if match_at(phrase.tokens, seq, i, _BLOCKERS) >= 0:
                seen.add(id(phrase))
                result.matched.append(phrase)
                result.totals[phrase.skill] = result.totals.get(phrase.skill, 0.0) + phrase.weight
    return result
