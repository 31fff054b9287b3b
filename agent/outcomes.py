"""How a skill call ends, as the agent reports it: a reply kind (SKILLS.md) and text."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from skills.errors import SkillError

ReplyKind = Literal["answer", "confirm", "clarify", "out_of_scope", "refuse", "error"]

_KIND_FOR_ERROR: dict[str, ReplyKind] = {
    "ambiguous": "clarify",
    "invalid_arguments": "clarify",
    "not_found": "answer",
    "not_allowed": "refuse",
}


class Outcome(BaseModel):
    kind: ReplyKind
    text: str
    skill: str | None = None
    status: str = "ran"
    result: dict[str, Any] | None = None
    error_code: str | None = None
    candidates: list[str] | None = None


def outcome_for_error(err: SkillError, skill: str) -> Outcome:
    """Ambiguity and bad input ask back; a missing object is an answer; Stripe failures are
    errors whose text says whether anything changed."""
    kind = _KIND_FOR_ERROR.get(err.code, "error")
    text = err.message if kind != "error" else err.user_message
    return Outcome(
        kind=kind,
        text=text,
        skill=skill,
        status="failed",
        error_code=err.code,
        candidates=getattr(err, "candidates", None),
    )
