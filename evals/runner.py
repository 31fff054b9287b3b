"""Replaying eval cases through the real agent (router, gate, skills) and scoring every turn.

Each case run gets its own session id, its pinned `today` (DEFAULT_TODAY when it pins none),
and a fresh start: one SQLite file per eval run, and on the sandbox a sandbox at the seed.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from agent.database import open_database
from agent.factory import build_model
from agent.runner import AgentRunner
from agent.settings import AgentSettings, RouterName
from evals.backends import Backend, CaseEnv, DryBackend, SandboxBackend
from evals.cases import BackendName, Case, fill_placeholders
from evals.end_state import end_state_problems
from evals.recording import Recorder, explain, no_recording
from evals.scoring import CallView, TurnRecord, safety_violations, score_turn
from skills.settings import SkillSettings

CALLER = "evals"


class RunOptions(BaseModel):
    backend: BackendName = "dry"
    router: RouterName = "offline"
    repeat: int = Field(default=1, ge=1)
    include_heldout: bool = True
    record: bool = False
    pool_size: int = Field(default=2, ge=1)
    cassettes: Path | None = None


class TurnResult(BaseModel):
    passed: bool
    expected: dict[str, Any]
    actual: dict[str, Any]
    why: str = ""
    safety: list[str] = Field(default_factory=list)
    record: TurnRecord | None = None


class RunResult(BaseModel):
    passed: bool
    turns: list[TurnResult] = Field(default_factory=list)
    end_state_ok: bool | None = None
    end_state_why: str = ""
    error: str | None = None


class CaseResult(BaseModel):
    id: str
    category: str
    heldout: bool
    source: str
    applicable: bool = True
    runs: list[RunResult] = Field(default_factory=list)

    @property
    def successes(self) -> int:
        return sum(r.passed for r in self.runs)

    @property
    def passed(self) -> bool:
        return self.applicable and bool(self.runs) and all(r.passed for r in self.runs)


class EvalResult(BaseModel):
    options: RunOptions
    cases: list[CaseResult]
    elapsed_s: float
    reseeds: int = 0


Progress = Callable[[CaseResult], None]


def run_eval(
    cases: list[Case], options: RunOptions, progress: Progress | None = None
) -> EvalResult:
    started = time.perf_counter()
    chosen = [c for c in cases if options.include_heldout or not c.heldout]
    with tempfile.TemporaryDirectory(prefix="evals-") as tmp:
        settings = _settings(options, Path(tmp) / "evals.db")
        db = open_database(settings.database_url)
        backend = _backend(options, settings, db)
        recorder = _recorder(options, settings)
        if recorder is not None:
            recorder.skip = set(backend.hosts)
        try:
            results = []
            for case in chosen:
                result = _run_case(case, options, backend, recorder)
                results.append(result)
                if progress:
                    progress(result)
        finally:
            backend.close()
            db.close()
    reseeds = getattr(backend, "reseeds", 0)
    return EvalResult(
        options=options,
        cases=results,
        elapsed_s=round(time.perf_counter() - started, 2),
        reseeds=reseeds,
    )


def _settings(options: RunOptions, db_path: Path) -> AgentSettings:
    values: dict[str, Any] = {
        "AGENT_ROUTER": options.router,
        "DATABASE_URL": f"sqlite:///{db_path}",
    }
    settings = AgentSettings(**values)
    if options.router != "offline" and not options.record and settings.openai_api_key is None:
        # Replay never reaches an endpoint; the client only needs a key to be built.
        settings = AgentSettings(**values, OPENAI_API_KEY="sk-replay-only")
    return settings


def _backend(options: RunOptions, settings: AgentSettings, db: Any) -> Backend:
    def model() -> Any:
        return build_model(settings, SkillSettings())

    if options.backend == "dry":
        return DryBackend(settings, db, model)
    return SandboxBackend(settings, db, model, pool_size=options.pool_size)


def _recorder(options: RunOptions, settings: AgentSettings) -> Recorder | None:
    if options.router == "offline":
        return None
    label = f"{options.router}-{settings.model}/{options.backend}".replace(":", "_")
    kwargs = {"root": options.cassettes} if options.cassettes else {}
    return Recorder(label, record=options.record, **kwargs)


def _run_case(
    case: Case, options: RunOptions, backend: Backend, recorder: Recorder | None
) -> CaseResult:
    result = CaseResult(
        id=case.id, category=case.category, heldout=case.heldout, source=case.source
    )
    if not case.runs_on(options.backend):
        result.applicable = False
        return result
    for run in range(options.repeat):
        cassette: AbstractContextManager[Path | None] = (
            recorder.case(case.id, run) if recorder else no_recording()
        )
        with backend.case_env() as env, cassette as path:
            result.runs.append(play_case(case, env, path))
    return result


def play_case(case: Case, env: CaseEnv, cassette: Path | None = None) -> RunResult:
    """One run of one case: every turn scored, then the end state (sandbox)."""
    try:
        filled = fill_placeholders(case, env.refs) if case.placeholders() else case
    except KeyError as err:
        return RunResult(passed=False, error=str(err))
    watch = env.stripe is not None and filled.end_state is not None
    before = env.stripe.ids() if watch and env.stripe else None
    session = f"eval-{case.id}-{uuid.uuid4().hex[:10]}"
    turns: list[TurnResult] = []
    crashed = False
    for turn in filled.turns:
        if crashed:
            turns.append(_skipped(turn.expect))
            continue
        if turn.expire_pending:
            env.clock.advance(env.ttl_seconds + 1)
        rec = play_turn(env.runner, session, turn.user, filled.day, cassette)
        verdict = score_turn(turn.expect, rec)
        unsafe = safety_violations(turn.expect, rec)
        crashed = rec.error is not None
        turns.append(
            TurnResult(
                passed=verdict.passed and not unsafe,
                expected=turn.expect,
                actual=actual_view(rec),
                why="; ".join([verdict.why, *unsafe]).strip("; "),
                safety=unsafe,
                record=rec,
            )
        )
    run = RunResult(passed=all(t.passed for t in turns), turns=turns)
    if before is not None and env.stripe is not None and filled.end_state is not None:
        problems = end_state_problems(
            filled.end_state, env.stripe.created_since(before), env.stripe.charge_payment_intent
        )
        run.end_state_ok, run.end_state_why = not problems, "; ".join(problems)
        run.passed = run.passed and not problems
    return run


def play_turn(
    runner: AgentRunner, session: str, message: str, today: date, cassette: Path | None = None
) -> TurnRecord:
    pending = runner.gate.pending(session)
    rec = TurnRecord(user=message, pending_before=pending.id if pending else None)
    started = time.perf_counter()
    try:
        reply = runner.chat(caller=CALLER, message=message, session_id=session, today=today)
    except Exception as err:
        rec.latency_ms = (time.perf_counter() - started) * 1000
        cause = explain(err, cassette)
        rec.error = f"{type(cause).__name__}: {cause}"
        return rec
    rec.latency_ms = (time.perf_counter() - started) * 1000
    rec.kind, rec.reply, rec.decided_by = reply.kind, reply.reply, reply.decided_by
    rec.calls = [
        CallView(
            name=c.name,
            requested_args=c.requested_args if c.requested_args is not None else c.args,
            args=c.args,
            status=c.status,
            action_id=c.action_id,
        )
        for c in reply.tool_calls
    ]
    rec.llm_calls = reply.usage.llm_calls
    rec.prompt_tokens = reply.usage.prompt_tokens
    rec.completion_tokens = reply.usage.completion_tokens
    rec.stripe_ms = reply.stripe_ms
    after = runner.gate.pending(session)
    rec.pending_after = after.id if after else None
    if pending is not None:
        row = runner.gate.get(pending.id)
        rec.pending_before_status = row.status if row else None
    return rec


def actual_view(rec: TurnRecord) -> dict[str, Any]:
    """What the agent did, in the terms of `expect`, for reports."""
    first = rec.calls[0] if rec.calls else None
    view: dict[str, Any] = {
        "kind": rec.kind,
        "tool": first.name if first else None,
        "args": first.requested_args if first else None,
        "status": first.status if first else None,
        "reply": rec.reply,
        "decided_by": rec.decided_by,
        "latency_ms": round(rec.latency_ms, 3),
    }
    if first and first.args != first.requested_args:
        view["resolved_args"] = first.args
    if len(rec.calls) > 1:
        view["other_calls"] = [f"{c.name}:{c.status}" for c in rec.calls[1:]]
    if rec.pending_before:
        view["pending_before"] = rec.pending_before_status
    if rec.pending_after:
        view["pending_after"] = rec.pending_after
    if rec.error:
        view["error"] = rec.error
    return view


def _skipped(expect: dict[str, Any]) -> TurnResult:
    return TurnResult(
        passed=False, expected=expect, actual={}, why="not run: an earlier turn raised"
    )
