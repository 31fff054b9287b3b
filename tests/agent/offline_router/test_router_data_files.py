"""The router's vocabulary files load as the words they spell: YAML 1.1 reads a bare `on`,
`off`, `yes` or `no` as a boolean, which silently dropped "on" from the payment introducers
and "no"/"yes"/"off" from the name stop words until they were quoted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[3] / "agent" / "offline_router" / "data"


def _booleans(node: Any, path: str) -> list[str]:
    if isinstance(node, bool):
        return [path]
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _booleans(v, f"{path}.{k}")] + [
            f"{path} (key {k})" for k in node if isinstance(k, bool)
        ]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _booleans(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_no_word_of_the_vocabulary_loads_as_a_boolean(path: Path) -> None:
    assert _booleans(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []


@pytest.mark.parametrize(
    "word",
    [
        *("booked", "cooked", "exit", "conform", "noted", "abort", "till", "whole", "legend"),
        *("hunter", "door", "honor", "increased", "copy", "sing", "suing", "overage", "invoiced"),
        "attended",
        "batching",
    ],
)
def test_the_spelling_pass_leaves_real_words_alone(word: str) -> None:
    """New vocabulary (other languages, "still", "looked") sits one edit from real English;
    `known_words` keeps the spelling pass from 'correcting' it ("booked" is not "looked")."""
    from agent.offline_router.fuzzy import respell

    assert respell(f"we {word} it")[0] == f"we {word} it"


def _phrases(path: Path) -> list[str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.name == "lexicon.yaml":
        return [str(p) for table in raw["skills"].values() for p in table]
    return [str(p) for key in ("bulk", "bypass") for p in raw[key]]


@pytest.mark.parametrize("name", ["lexicon.yaml", "safety.yaml"])
def test_no_phrase_waits_for_a_full_stop(name: str) -> None:
    """A full stop never becomes a token (sentences are told apart another way), so a phrase
    such as "^<money> . <cus>" could never match: it sat dead in the lexicon for a session."""
    dead = [
        p
        for p in _phrases(DATA / name)
        for alternative in p.split(";")
        if "." in alternative.split()
    ]
    assert dead == []
