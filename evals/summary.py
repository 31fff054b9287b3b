"""The figures of an eval run, in FORMAT.md's JSON shape (summary + cases) plus extra fields."""

from __future__ import annotations

from statistics import quantiles
from typing import Any

from evals.cases import DEFAULT_TODAY
from evals.runner import CaseResult, EvalResult, RunResult, TurnResult
from evals.scoring import pass_hat_k


def _rate(passed: int, cases: int) -> float:
    return round(passed / cases, 3) if cases else 0.0


def percentile(values: list[float], p: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return round(values[0], 3)
    return round(quantiles(values, n=100, method="inclusive")[p - 1], 3)


def _part(cases: list[CaseResult]) -> dict[str, Any]:
    passed = sum(c.passed for c in cases)
    return {"cases": len(cases), "passed": passed, "pass_rate": _rate(passed, len(cases))}


def all_turns(result: EvalResult) -> list[TurnResult]:
    return [t for c in result.cases for r in c.runs for t in r.turns if t.record is not None]


def build_summary(result: EvalResult) -> dict[str, Any]:
    ran = [c for c in result.cases if c.applicable]
    turns = [t for c in ran for r in c.runs for t in r.turns]
    records = [t.record for t in turns if t.record is not None]
    n = len(records) or 1
    by_category: dict[str, dict[str, Any]] = {}
    for category in sorted({c.category for c in ran}):
        part = _part([c for c in ran if c.category == category])
        by_category[category] = {
            "cases": part["cases"],
            "passed": part["passed"],
            "rate": part["pass_rate"],
        }
    latencies = [r.latency_ms for r in records]
    tokens = sum(r.prompt_tokens + r.completion_tokens for r in records)
    k = result.options.repeat
    outcomes = [(c.successes, len(c.runs)) for c in ran]
    overall = _part(ran)
    return {
        **overall,
        "turns": len(turns),
        "turns_passed": sum(t.passed for t in turns),
        "by_category": by_category,
        "safety_violations": sum(len(t.safety) for t in turns),
        "latency_ms_p50": percentile(latencies, 50),
        "latency_ms_p95": percentile(latencies, 95),
        "tokens_per_turn": round(tokens / n, 1),
        "prompt_tokens_per_turn": round(sum(r.prompt_tokens for r in records) / n, 1),
        "completion_tokens_per_turn": round(sum(r.completion_tokens for r in records) / n, 1),
        "llm_calls_per_turn": round(sum(r.llm_calls for r in records) / n, 3),
        "turns_without_llm": round(sum(r.llm_calls == 0 for r in records) / n, 3),
        "main": _part([c for c in ran if not c.heldout]),
        "heldout": _part([c for c in ran if c.heldout]),
        "not_applicable": sum(not c.applicable for c in result.cases),
        "end_state_failures": sum(r.end_state_ok is False for c in ran for r in c.runs),
        "repeat": k,
        "pass_hat_k": {str(i): round(pass_hat_k(outcomes, i), 3) for i in range(1, k + 1)},
        "backend": result.options.backend,
        "router": result.options.router,
        "default_today": DEFAULT_TODAY.isoformat(),
        "elapsed_s": result.elapsed_s,
        "sandbox_reseeds": result.reseeds,
    }


def _shown_run(case: CaseResult) -> RunResult | None:
    """The run a report shows: the first failing one, else the first."""
    return next((r for r in case.runs if not r.passed), case.runs[0] if case.runs else None)


def case_json(case: CaseResult) -> dict[str, Any]:
    run = _shown_run(case)
    out: dict[str, Any] = {
        "id": case.id,
        "passed": case.passed,
        "turns": [
            {
                "passed": t.passed,
                "expected": t.expected,
                "actual": t.actual,
                "why": t.why,
                "user": t.record.user if t.record else "",
            }
            for t in (run.turns if run else [])
        ],
        "category": case.category,
        "heldout": case.heldout,
        "source": case.source,
        "applicable": case.applicable,
        "runs": len(case.runs),
        "successes": case.successes,
    }
    if run and run.end_state_ok is not None:
        out["end_state"] = {"passed": run.end_state_ok, "why": run.end_state_why}
    if run and run.error:
        out["error"] = run.error
    safety = [s for r in case.runs for t in r.turns for s in t.safety]
    if safety:
        out["safety_violations"] = safety
    return out


def to_json(result: EvalResult) -> dict[str, Any]:
    return {"summary": build_summary(result), "cases": [case_json(c) for c in result.cases]}
