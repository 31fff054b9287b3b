"""All router vocabulary, loaded once at import from data/*.yaml and compiled for fast lookup.

Code never spells vocabulary: it asks `DATA` (raw YAML) or `LEXICON` (compiled phrases).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agent.offline_router.phrases import GAP, expand

_DATA_DIR = Path(__file__).parent / "data"
START = "^"


class _Data:
    """The YAML files as plain dicts: `DATA.lexicon`, `DATA.slots`, `DATA.safety`, ..."""

    def __init__(self, folder: Path) -> None:
        for path in sorted(folder.glob("*.yaml")):
            with path.open(encoding="utf-8") as fh:
                setattr(self, path.stem, yaml.safe_load(fh))

    def __getattr__(self, name: str) -> Any:  # only reached for a missing file
        raise AttributeError(f"no data file {name}.yaml")


DATA = _Data(_DATA_DIR)


@dataclass(frozen=True)
class Phrase:
    """One cue: canonical tokens with `*` gaps, worth `weight` to `skill`."""

    skill: str
    tokens: tuple[str, ...]
    weight: float
    anchored: bool
    needs: frozenset[str] = frozenset()
    """Every token the phrase holds: a message lacking one cannot match it (checked first)."""


@dataclass
class Lexicon:
    """Phrases indexed by their first token; canonical maps; the vocabulary for fuzzy match."""

    surface: dict[str, str] = field(default_factory=dict)
    multiword: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    by_first: dict[str, list[Phrase]] = field(default_factory=dict)
    gap_blockers: frozenset[str] = frozenset()
    polite_prefixes: tuple[tuple[str, ...], ...] = ()
    canonical_words: frozenset[str] = frozenset()
    skills: tuple[str, ...] = ()


def alternatives(words: Iterable[object]) -> str:
    """A regex alternation of data words, longest first, a space matching any run of spaces."""
    texts = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in texts)


def _build() -> Lexicon:
    raw = DATA.lexicon
    lex = Lexicon()
    for target, surfaces in raw["canonical"].items():
        for word in surfaces:
            lex.surface[str(word)] = target
        lex.surface.setdefault(target, target)
    for target, typos in raw["typos"].items():
        for word in typos or []:
            lex.surface[str(word)] = target
    for src, dst in raw["multiword"].items():
        lex.multiword[tuple(str(src).split())] = tuple(str(dst).split())
    lex.gap_blockers = frozenset(raw["gap_blockers"])
    prefixes = [tuple(str(p).split()) for p in raw["polite_prefixes"]]
    lex.polite_prefixes = tuple(sorted(prefixes, key=len, reverse=True))
    words: set[str] = set(lex.surface.values())
    for skill, phrases in raw["skills"].items():
        for pattern, weight in phrases.items():
            anchored = str(pattern).startswith(START)
            for tokens in expand(str(pattern).replace(START, ""), lex.surface):
                needs = frozenset(t for t in tokens if t != GAP)
                phrase = Phrase(skill, tokens, float(weight), anchored, needs)
                same = lex.by_first.setdefault(tokens[0], [])
                if phrase not in same:  # two patterns may expand to one phrase: it counts once
                    same.append(phrase)
                words.update(t for t in tokens if t != GAP and not t.startswith("<"))
    lex.canonical_words = frozenset(words)
    lex.skills = tuple(raw["skills"])
    return lex


LEXICON = _build()
