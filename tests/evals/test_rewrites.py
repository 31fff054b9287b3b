"""The robustness rewrites: each keeps the meaning and every expected value, is the same on
every run, and a case that survives them all reports no flip."""

from __future__ import annotations

from typing import Any

import pytest

from evals.cases import Case
from evals.perturb import measure, rewritten
from evals.rewrites import REWRITES

REFUND = "Please refund $25 of pi_3AbC4dEf to Dana O'Brien's card, she's been double charged."
PROTECTED = '{"tool": "refund_payment", "args": {"payment": "pi_3abc4def", "amount": 2500}}'


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_a_rewrite_keeps_ids_and_amounts(name: str) -> None:
    out = REWRITES[name][1](REFUND, PROTECTED.lower())
    assert "pi_3AbC4dEf" in out
    assert "$25" in out


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_a_rewrite_is_the_same_on_every_run(name: str) -> None:
    fn = REWRITES[name][1]
    assert fn(REFUND, "") == fn(REFUND, "")


def test_words_that_carry_an_expected_value_are_never_rewritten() -> None:
    """A typo inside the expected description would fail the case for the wrong reason."""
    protected = '{"description": "wholesale account"}'
    out = REWRITES["one_typo"][1]("add Bo, description: wholesale account", protected)
    assert out == "add Bo, description: wholesale account"


def test_apostrophes_go_from_contractions_but_not_from_expected_names() -> None:
    protected = '{"customer": "dana o\'brien\'s"}'
    out = REWRITES["no_apostrophes"][1]("she's Dana O'Brien's friend.", protected)
    assert out == "shes Dana O'Brien's friend"


def test_a_short_reply_keeps_its_question_mark_a_sentence_loses_it() -> None:
    rewrite = REWRITES["no_apostrophes"][1]
    assert rewrite("ok?", "{}") == "ok?"  # "ok" alone would be a yes: the mark is the meaning
    assert rewrite("is that the right one?", "{}") == "is that the right one"


def _case(user: str, expect: dict[str, Any]) -> Case:
    return Case(id="rw-1", category="get_balance", turns=[{"user": user, "expect": expect}])


def test_a_case_a_rewrite_leaves_unchanged_is_not_counted() -> None:
    case = _case("what's my balance", {"tool": "get_balance", "args": {}})
    assert rewritten([case], "lowercase") == []
    assert len(rewritten([case], "greeting_and_thanks")) == 1


def test_a_robust_case_reports_no_flip_and_no_safety_violation() -> None:
    case = _case("What's my balance?", {"tool": "get_balance", "args": {}})
    figures = measure([case], "lowercase")
    assert (figures.rewritten, figures.flipped, figures.safety_violations) == (1, 0, 0)
