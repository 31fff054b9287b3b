"""The agent endpoints: chat, decide on a pending action, read a session."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from agent.reply import AgentReply, PendingActionView
from api.deps import AccessDep, CallerDep, RunnerDep

router = APIRouter(prefix="/api/agent", tags=["agent"])


class ChatRequest(BaseModel):
    session_id: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")
    message: str = Field(min_length=1, max_length=4000)
    today: date | None = None
    """Pin the date that relative dates ("last week") resolve against."""


class DecisionRequest(BaseModel):
    decision: Literal["approve", "reject"]


class MessageView(BaseModel):
    role: str
    content: str


class SessionView(BaseModel):
    session_id: str
    messages: list[MessageView]
    pending_action: PendingActionView | None


@router.post("/chat", response_model=AgentReply)
def chat(body: ChatRequest, caller: CallerDep, runner: RunnerDep, access: AccessDep) -> AgentReply:
    """Send one message; the reply says what the agent did (`kind`) and what is pending."""
    return runner.chat(
        caller=caller,
        message=body.message,
        session_id=body.session_id,
        today=body.today,
        access=access,
    )


@router.post("/sessions/{session_id}/actions/{action_id}", response_model=AgentReply)
def decide(
    session_id: str,
    action_id: str,
    body: DecisionRequest,
    caller: CallerDep,
    runner: RunnerDep,
    access: AccessDep,
) -> AgentReply:
    """Approve or reject a pending money action. Only the caller who owns the session may."""
    return runner.decide(
        caller=caller,
        session_id=session_id,
        action_id=action_id,
        approve=body.decision == "approve",
        access=access,
    )


@router.get("/sessions/{session_id}", response_model=SessionView)
def session(session_id: str, caller: CallerDep, runner: RunnerDep) -> SessionView:
    messages, pending = runner.history(caller, session_id)
    from agent.gate import ConfirmationGate

    return SessionView(
        session_id=session_id,
        messages=[MessageView(role=m.type, content=str(m.content)) for m in messages],
        pending_action=ConfirmationGate.view(pending) if pending else None,
    )
