"""The eval corpus is well formed: FORMAT.md, SKILLS.md and evals/transcripts/README.md hold.

A malformed case would score as a router failure (or worse, a pass), so every case is checked
before any runner sees it; the last test proves each rule of the checker can actually fail.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from .corpus_checks import (
    NON_SKILL_CATEGORIES,
    SKILL_ARGS,
    case_problems,
    is_held_out,
    load_corpus,
)

CASES = load_corpus()


def test_corpus_exists_and_has_at_least_300_cases() -> None:
    assert len(CASES) >= 300


def test_case_ids_are_unique_across_the_corpus() -> None:
    counts = Counter(case.get("id") for _, case in CASES)
    assert [case_id for case_id, n in counts.items() if n > 1] == []


def test_every_case_follows_format_skills_and_our_extensions() -> None:
    problems = [f"{case.get('id')}: {p}" for _, case in CASES for p in case_problems(case)]
    assert problems == []


def test_each_file_holds_only_the_category_it_is_named_after() -> None:
    misplaced = [c["id"] for path, c in CASES if c.get("category") != path.stem]
    assert misplaced == []


def test_every_category_has_enough_cases_and_every_skill_at_least_20() -> None:
    counts = Counter(case["category"] for _, case in CASES)
    assert set(counts) == set(SKILL_ARGS) | NON_SKILL_CATEGORIES
    assert {cat: n for cat, n in counts.items() if n < 10} == {}
    assert {skill: counts[skill] for skill in SKILL_ARGS if counts[skill] < 20} == {}


def test_held_out_is_20_to_30_percent_and_spread_over_every_category() -> None:
    held = [case for path, case in CASES if is_held_out(path)]
    assert 0.20 <= len(held) / len(CASES) <= 0.30
    assert {c["category"] for c in held} == {c["category"] for _, c in CASES}


def _one(expect: dict[str, Any], **case: Any) -> dict[str, Any]:
    return {"turns": [{"user": "x", "expect": expect}], **case}


def _call(tool: str, args: dict[str, Any], confirm: bool = False) -> dict[str, Any]:
    return {"tool": tool, "args": args, "confirm": confirm}


CLARIFY = {"tool": None, "kind": "clarify"}
BROKEN = [
    ({"id": None, **_one(_call("get_balance", {}))}, "'id' is a required property"),
    ({"expect_tool": "refund_payment"}, "'turns' is a required property"),
    (_one({"tool": None, "kind": "answer"}), "is not valid"),
    (_one(_call("delete_customer", {})), "is not valid"),
    (_one(_call("refund_payment", {"payment_id": "x"}, True)), "has no argument 'payment_id'"),
    (_one(_call("refund_payment", {"amount": 500}, True)), "needs 'payment'"),
    (_one(_call("create_payment", {"amount": 12.5}, True)), "positive int"),
    (_one(_call("get_analytics", {"currency": "EUR"})), "lowercase 3-letter"),
    (_one(_call("get_analytics", {"created_gte": "2026-06-01"})), "must pin today"),
    (_one(_call("list_payments", {"created_gte": "2026-6-1"}), today="2026-06-15"), "YYYY-MM-DD"),
    (_one(_call("get_balance", {}, True)), "confirm must be true exactly"),
    (
        {
            "turns": [
                {"user": "x", "expect": _call("get_balance", {})},
                {"user": "yes", "expect": {"confirmation": "accept"}},
            ]
        },
        "no action pending",
    ),
    (
        {"backend": "sandbox", "turns": [{"user": "refund {{payment.nope}}", "expect": CLARIFY}]},
        "unknown placeholder",
    ),
    ({"turns": [{"user": "refund {{payment.failed}}", "expect": CLARIFY}]}, "sandbox cases only"),
    (_one(_call("refund_payment", {"payment": "pi_1X"}, True)), "backend dry"),
    (_one(CLARIFY, end_state={"refunds": []}), "need backend sandbox"),
]


@pytest.mark.parametrize(("broken", "message"), BROKEN)
def test_the_checker_rejects_a_case_that_breaks_a_rule(
    broken: dict[str, Any], message: str
) -> None:
    merged = {"id": "broken-01", "category": "clarify", **broken}
    case = {key: value for key, value in merged.items() if value is not None}
    assert any(message in problem for problem in case_problems(case)), case_problems(case)
