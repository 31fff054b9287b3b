"""The eight skills as LangChain tools, with the confirmation pause built into the call.

A money skill plans first (validates, resolves the customer, checks what remains refundable),
then pauses the graph with a LangGraph `interrupt` carrying the pending action. Only a resume
value that approves this very action id runs it; anything else cancels. The pause sits inside
the tool rather than in HumanInTheLoopMiddleware because the middleware pauses on the raw
model call: it could not show a summary resolved from live data, and it would ask to confirm a
call that cannot run (an over-refund, an ambiguous customer) instead of clarifying at once.

Tools are `return_direct`: the reply is the skill's rendered template, so a turn costs at most
one LLM call.
"""

from __future__ import annotations

import hashlib
import inspect
import time
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool
from langgraph.prebuilt import ToolRuntime
from langgraph.types import interrupt
from pydantic import BaseModel, create_model

from agent.outcomes import Outcome, outcome_for_error
from agent.turn import ToolCallRecord, TurnContext
from skills import SKILLS, Preview, Skill
from skills.errors import NotAllowed, SkillError
from skills.stripe_service import idempotency_key


def _loose_args(skill: Skill[Any, Any]) -> type[BaseModel]:
    """Every argument optional and untyped: the skill validates them itself, with clear
    messages (a clarify reply), instead of the tool layer failing with a pydantic dump."""
    fields: dict[str, Any] = {name: (Any, None) for name in skill.args_model.model_fields}
    # langchain-core calls a tool whose schema has no field without its injected arguments;
    # one ignored optional field keeps `runtime` injected for argument-less skills.
    fields = fields or {"ignored": (Any, None)}
    return create_model(f"{skill.name}_loose_args", **fields)


def _signature(skill: Skill[Any, Any]) -> inspect.Signature:
    """Named parameters, so LangGraph can inject `runtime` beside the model's arguments."""
    runtime = inspect.Parameter(
        "runtime", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=ToolRuntime
    )
    named = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Any)
        for name in (list(skill.args_model.model_fields) or ["ignored"])
    ]
    return inspect.Signature([runtime, *named])


EXPIRED_TEXT = "That confirmation expired, so nothing was done. Ask again if you still want it."


def action_id_for(session_id: str, tool_call_id: str) -> str:
    """Stable across a graph resume, unique per call: the root of every idempotency key."""
    return "act_" + hashlib.sha256(f"{session_id}:{tool_call_id}".encode()).hexdigest()[:24]


def build_tools() -> list[BaseTool]:
    return [_tool(skill) for skill in SKILLS.values()]


def _tool(skill: Skill[Any, Any]) -> BaseTool:
    def call(runtime: ToolRuntime[TurnContext], **kwargs: Any) -> tuple[str, dict[str, Any]]:
        given = {k: v for k, v in kwargs.items() if v is not None and k != "ignored"}
        outcome = run_skill_call(skill, runtime.context, given, runtime.tool_call_id or "")
        return outcome.text, outcome.model_dump(mode="json")

    call.__signature__ = _signature(skill)  # type: ignore[attr-defined]
    return StructuredTool.from_function(
        func=call,
        name=skill.name,
        description=skill.description,
        args_schema=_loose_args(skill),
        return_direct=True,
        response_format="content_and_artifact",
    )


def run_skill_call(
    skill: Skill[Any, Any], turn: TurnContext, raw: dict[str, Any], tool_call_id: str
) -> Outcome:
    action_id = action_id_for(turn.session_id, tool_call_id)
    record = ToolCallRecord(
        name=skill.name, args=raw, status="planned", action_id=action_id, requested_args=dict(raw)
    )
    turn.calls.append(record)
    ctx = turn.skill_context(action_id)
    try:
        if skill.risk not in turn.allowed_risks:
            raise NotAllowed(
                f"This connection is read-only; {skill.name} ({skill.risk}) is not allowed."
            )
        plan = skill.plan(ctx, raw)
    except SkillError as err:
        record.status = "clarify" if err.code in {"ambiguous", "invalid_arguments"} else "failed"
        return outcome_for_error(err, skill.name)
    final_args = plan.args.model_dump(mode="json", exclude_none=True)
    record.args = final_args
    if skill.risk == "money":
        decision = interrupt(
            {
                "action_id": action_id,
                "skill": skill.name,
                "args": final_args,
                "summary": plan.summary,
            }
        )
        if not _approves(decision, action_id, final_args):
            record.status = "cancelled"
            why = _cancel_reason(decision)
            return Outcome(
                kind="answer",
                text=_cancel_text(why),
                skill=skill.name,
                status="cancelled",
                error_code=why,
            )
    return _execute(skill, turn, ctx, plan.args, record)


def _approves(decision: Any, action_id: str, final_args: dict[str, Any]) -> bool:
    """Fail closed: only an explicit approval of this action, with unchanged arguments."""
    return (
        isinstance(decision, dict)
        and decision.get("decision") == "approve"
        and decision.get("action_id") == action_id
        and decision.get("args") == final_args
    )


def _cancel_reason(decision: Any) -> str:
    if not isinstance(decision, dict):
        return "cancelled"
    if decision.get("decision") == "approve":
        return "changed"
    return str(decision.get("reason") or "cancelled")


def _cancel_text(reason: str) -> str:
    return {
        "expired": EXPIRED_TEXT,
        "superseded": "I dropped the pending action because you asked for something else.",
        "changed": "It changed since you confirmed, so nothing was done. Please ask again.",
    }.get(reason, "Cancelled. Nothing was changed.")


def _execute(
    skill: Skill[Any, Any], turn: TurnContext, ctx: Any, args: Any, record: ToolCallRecord
) -> Outcome:
    started = time.perf_counter()
    try:
        result = skill.run(ctx, args)
    except SkillError as err:
        record.status = "failed"
        _audit(turn, skill, record, "error", started, error_code=err.code)
        return outcome_for_error(err, skill.name)
    record.status = "ran"
    dry = isinstance(result, Preview)
    _audit(turn, skill, record, "dry_run" if dry else "ok", started, obj=_object_id(result))
    full = result.model_dump(mode="json")
    turn.last_result = full
    return Outcome(
        kind="answer",
        text=skill.render(result),
        skill=skill.name,
        status="ran",
        result=refs_of(full),
    )


def refs_of(result: dict[str, Any]) -> dict[str, Any]:
    """What later turns may refer to ("refund the first one", "her payments"): ids only.

    The history (checkpointed every turn, reloaded every turn) keeps these instead of whole
    results, so a long conversation stays cheap; the full result goes into this turn's reply.
    """
    keep = ("id", "customer", "payment")
    out: dict[str, Any] = {}
    for key, value in result.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out[key] = [{k: v[k] for k in keep if k in v} for v in value]
        elif isinstance(value, dict):
            out[key] = {k: value[k] for k in keep if k in value}
    return out


def _object_id(result: BaseModel) -> str | None:
    for value in result.__dict__.values():
        if isinstance(value, BaseModel) and isinstance(getattr(value, "id", None), str):
            return str(value.id)  # type: ignore[attr-defined]
    return None


def _audit(
    turn: TurnContext,
    skill: Skill[Any, Any],
    record: ToolCallRecord,
    outcome: str,
    started: float,
    *,
    error_code: str | None = None,
    obj: str | None = None,
) -> None:
    if turn.audit is None:
        return
    turn.audit.record(
        caller=turn.caller,
        session_id=turn.session_id,
        skill=skill.name,
        args=record.args,
        outcome=outcome,
        error_code=error_code,
        action_id=record.action_id,
        idempotency_key=idempotency_key(record.action_id, skill.writes) if skill.writes else None,
        stripe_object_id=obj,
        duration_ms=(time.perf_counter() - started) * 1000,
    )
