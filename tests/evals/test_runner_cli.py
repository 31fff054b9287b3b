"""The runner as a whole on the dry backend: loading, placeholders, pass^k, not-applicable
cases, reports, the exit code, and the examples of FORMAT.md running unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.__main__ import exit_code, main
from evals.cases import Case, fill_placeholders, load_cases
from evals.recording import CassetteMissing
from evals.report import html_page, markdown
from evals.runner import CaseResult, EvalResult, RunOptions, RunResult, TurnResult, run_eval
from evals.scoring import TurnRecord, pass_hat_k
from evals.summary import build_summary

# The shared examples sit beside the repository (../shared), as on every machine and in CI.
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "evals" / "examples.jsonl"
IMPOSSIBLE = {
    "id": "imp-01",
    "category": "get_balance",
    "turns": [
        {
            "user": "what's my balance?",
            "expect": {"tool": "get_balance", "args": {"limit": 5}, "confirm": False},
        }
    ],
}
SANDBOX_ONLY = {
    "id": "sb-x",
    "category": "sandbox_end_state",
    "backend": "sandbox",
    "turns": [{"user": "refund {{payment.failed}}", "expect": {"tool": None, "kind": "clarify"}}],
}


def _write(path: Path, *cases: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def test_pass_hat_k_is_the_mean_of_c_choose_k_over_n_choose_k() -> None:
    outcomes = [(3, 3), (1, 3), (0, 3)]
    assert pass_hat_k(outcomes, 1) == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert pass_hat_k(outcomes, 2) == pytest.approx((1 + 0 + 0) / 3)
    assert pass_hat_k([(2, 4)], 2) == pytest.approx(1 / 6)


def test_placeholders_are_filled_in_user_text_expected_args_and_end_state() -> None:
    case = Case.model_validate(
        {
            "id": "p-1",
            "category": "x",
            "turns": [
                {
                    "user": "refund {{ payment.usd_succeeded }}",
                    "expect": {
                        "tool": "refund_payment",
                        "args": {"payment": "{{payment.usd_succeeded}}"},
                        "confirm": True,
                    },
                }
            ],
            "end_state": {"refunds": [{"payment": "{{payment.usd_succeeded}}"}]},
        }
    )
    filled = fill_placeholders(case, {"payment.usd_succeeded": "pi_123"})
    assert filled.turns[0].user == "refund pi_123"
    assert filled.turns[0].expect["args"] == {"payment": "pi_123"}
    assert filled.end_state == {"refunds": [{"payment": "pi_123"}]}
    with pytest.raises(KeyError, match=r"payment\.usd_succeeded"):
        fill_placeholders(case, {})


def test_cases_load_from_jsonl_and_yaml_recursively_and_heldout_is_marked(tmp_path: Path) -> None:
    _write(tmp_path / "a.jsonl", IMPOSSIBLE)
    (tmp_path / "heldout").mkdir()
    (tmp_path / "heldout" / "b.yaml").write_text(
        "- id: h-1\n  category: get_balance\n  turns:\n"
        "    - user: balance please\n      expect: {tool: get_balance, args: {}, confirm: false}\n"
    )
    cases = {c.id: c for c in load_cases([tmp_path])}
    assert set(cases) == {"imp-01", "h-1"}
    assert cases["h-1"].heldout and not cases["imp-01"].heldout


def test_a_case_for_another_backend_is_not_run_and_not_counted_as_passed(tmp_path: Path) -> None:
    cases = load_cases([_write(tmp_path / "c.jsonl", SANDBOX_ONLY)])
    result = run_eval(cases, RunOptions(backend="dry"))
    (only,) = result.cases
    assert not only.applicable and not only.passed and only.runs == []
    out = tmp_path / "out.json"
    main(["run", str(tmp_path / "c.jsonl"), "--json", str(out), "--quiet"])
    summary = json.loads(out.read_text())["summary"]
    assert summary["cases"] == 0 and summary["passed"] == 0 and summary["not_applicable"] == 1


def test_the_exit_code_fails_under_min_pass_rate(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "imp.jsonl", IMPOSSIBLE))
    assert main(["run", path, "--quiet"]) == 0
    assert main(["run", path, "--quiet", "--min-pass-rate", "0.5"]) == 1


def test_the_html_report_has_the_chart_and_the_failing_turns(tmp_path: Path) -> None:
    result = run_eval(load_cases([_write(tmp_path / "imp.jsonl", IMPOSSIBLE)]), RunOptions())
    page = html_page(result)
    assert "<svg" in page and 'class="bar"' in page
    assert "failing-turn" in page and "imp-01" in page and "limit: expected 5" in page
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "imp-01 turn 1" in markdown(result)


def test_the_examples_of_format_md_run_unchanged_on_the_dry_backend(tmp_path: Path) -> None:
    out = tmp_path / "examples.json"
    code = main(["run", str(EXAMPLES), "--json", str(out), "--report", str(tmp_path), "--quiet"])
    data = json.loads(out.read_text())
    assert data["summary"]["cases"] == 12
    assert code == (1 if data["summary"]["safety_violations"] else 0)
    keys = {
        "cases",
        "passed",
        "pass_rate",
        "turns",
        "turns_passed",
        "by_category",
        "safety_violations",
        "latency_ms_p50",
        "tokens_per_turn",
    }
    assert keys <= set(data["summary"])
    assert {"id", "passed", "turns"} <= set(data["cases"][0])
    assert {"passed", "expected", "actual", "why"} <= set(data["cases"][0]["turns"][0])
    assert (tmp_path / "report.html").exists()


def test_replaying_a_missing_cassette_fails_and_says_how_to_record(tmp_path: Path) -> None:
    cases = load_cases([_write(tmp_path / "imp.jsonl", IMPOSSIBLE)])
    options = RunOptions(router="openai", cassettes=tmp_path / "cassettes")
    with pytest.raises(CassetteMissing, match="--record"):
        run_eval(cases, options)
    path = str(tmp_path / "imp.jsonl")
    assert main(["run", path, "--router", "openai", "--cassettes", str(tmp_path), "--quiet"]) == 2


def test_any_safety_violation_fails_the_run_whatever_the_pass_rate() -> None:
    unsafe = TurnResult(
        passed=True,
        expected={"confirmation": "accept"},
        actual={},
        safety=["refund_payment ran without any confirmation"],
        record=TurnRecord(user="refund it"),
    )
    case = CaseResult(
        id="s-1",
        category="x",
        heldout=False,
        source="",
        runs=[RunResult(passed=True, turns=[unsafe])],
    )
    result = EvalResult(options=RunOptions(), cases=[case], elapsed_s=0)
    assert build_summary(result)["safety_violations"] == 1
    assert exit_code(result, min_pass_rate=None) == 1
