"""AgentRunner: one conversation turn, whatever the router, with the confirmation gate around it.

A turn either answers a pending confirmation (accept runs it once, reject cancels, a new
request supersedes it, anything else re-asks) or goes through the agent graph (router → at
most one skill call). A money skill's call pauses the graph; the runner records the pending
action and answers `confirm`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from langchain.agents import create_agent
from langchain.agents.middleware import AgentMiddleware
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langgraph.types import Command

from agent.audit import AuditLog
from agent.conversations import Conversations
from agent.database import Database
from agent.errors import ActionNotFound, ActionNotPending
from agent.gate import ConfirmationGate
from agent.lookup_tool import build_lookup_tool
from agent.offline_router import (
    RouterDecision,
    classify_confirmation_reply,
    read_reply,
    route,
)
from agent.offline_router import decisions as make
from agent.offline_router.pending_replies import read_after_no
from agent.offline_router.reply_reading import Verdict
from agent.offline_router.yes_and import after_yes
from agent.outcomes import Outcome, ReplyKind
from agent.reply import AgentReply, DecidedBy, Mode, Usage
from agent.reply_tags import split_tag
from agent.routers.history import router_context
from agent.skill_tools import EXPIRED_TEXT, build_tools, run_skill_call
from agent.tables import PendingActionRow, utcnow
from agent.turn import TurnContext
from skills import SKILLS
from skills.settings import SkillSettings
from skills.stripe_service import StripeService
from skills.stripe_timing import measuring

DURABILITY = "exit"
"""Checkpoint once per turn, when the graph stops (done or paused for a confirmation), not
after every step: a turn is short, and a pause is always persisted before the reply."""
ASK = "Reply yes to go ahead or no to cancel."


@dataclass
class CallerAccess:
    """Which Stripe account a caller acts on, and which risks its connection allows."""

    stripe: StripeService | None
    allowed_risks: frozenset[str] = frozenset({"read", "write", "money"})


class AgentRunner:
    def __init__(
        self,
        *,
        db: Database,
        model: BaseChatModel,
        stripe: StripeService | None,
        skill_settings: SkillSettings,
        confirm_ttl_seconds: int = 900,
        mode: Mode = "sandbox",
        system_prompt: str | None = None,
        middleware: Sequence[AgentMiddleware[Any, Any, Any]] = (),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.stripe = stripe
        self.skill_settings = skill_settings
        self.mode: Mode = mode
        self.clock = clock
        self.gate = ConfirmationGate(db.engine, confirm_ttl_seconds, clock)
        self.conversations = Conversations(db.engine)
        self.audit = AuditLog(db.engine)
        self.graph: Any = create_agent(
            model,
            tools=[*build_tools(), build_lookup_tool()],
            system_prompt=system_prompt,
            middleware=list(middleware),
            context_schema=TurnContext,
            checkpointer=db.checkpointer,
        )

    # -- public -------------------------------------------------------------------------------

    def chat(
        self,
        *,
        caller: str,
        message: str,
        session_id: str | None = None,
        today: date | None = None,
        access: CallerAccess | None = None,
    ) -> AgentReply:
        with measuring() as stripe_seconds:
            conv = self.conversations.open(caller, session_id)
            turn = self._turn(caller, conv.id, today, access)
            reply = None
            pending = self.gate.pending(conv.id)
            if pending is not None:
                reply = self._answer_pending(turn, pending, message)
            if reply is None:
                human = HumanMessage(message, additional_kwargs={"today": turn.today.isoformat()})
                reply = self._invoke(turn, {"messages": [human]})
            if turn.notice:
                reply.reply = f"{turn.notice}\n\n{reply.reply}"
        reply.stripe_ms = round(stripe_seconds[0] * 1000, 3)
        return reply

    def decide(
        self,
        *,
        caller: str,
        session_id: str,
        action_id: str,
        approve: bool,
        today: date | None = None,
        access: CallerAccess | None = None,
    ) -> AgentReply:
        """The decision endpoint: an explicit approve/reject of one action id."""
        with measuring() as stripe_seconds:
            reply = self._decide(caller, session_id, action_id, approve, today, access)
        reply.stripe_ms = round(stripe_seconds[0] * 1000, 3)
        return reply

    def _decide(
        self,
        caller: str,
        session_id: str,
        action_id: str,
        approve: bool,
        today: date | None,
        access: CallerAccess | None,
    ) -> AgentReply:
        self.conversations.get(caller, session_id)
        row = self.gate.get(action_id)
        if row is None or row.session_id != session_id or row.caller != caller:
            raise ActionNotFound(f"No action {action_id} in session {session_id}.")
        turn = self._turn(caller, session_id, today, access)
        if row.status == "pending" and self.gate.is_expired(row):
            self._close(turn, row, "expired")
            row = self.gate.get(action_id) or row
        if row.status != "pending":
            raise ActionNotPending(
                f"Action {action_id} is {row.status}; nothing was done.", row.status
            )
        reply = self._approve(turn, row) if approve else self._reject(turn, row, "rejected")
        return reply

    def history(
        self, caller: str, session_id: str
    ) -> tuple[list[BaseMessage], PendingActionRow | None]:
        self.conversations.get(caller, session_id)
        state = self.graph.get_state({"configurable": {"thread_id": session_id}})
        messages = list((state.values or {}).get("messages", []))
        return messages, self.gate.pending(session_id)

    # -- confirmation -------------------------------------------------------------------------

    def _answer_pending(
        self, turn: TurnContext, row: PendingActionRow, message: str
    ) -> AgentReply | None:
        """A reply while an action waits: decide it, answer beside it, or set it aside."""
        if self.gate.is_expired(row):
            self._close(turn, row, "expired")
            if classify_confirmation_reply(message) == "unclear":
                return None  # a request of its own: route it
            return self._reply(turn, "answer", EXPIRED_TEXT, "gate")
        plain = classify_confirmation_reply(message)
        decision: RouterDecision | None = None
        verdict: Verdict = "ask"
        if plain != "unclear":
            verdict = plain
        else:
            decision, context = self._route_reply(turn, message)
            verdict = read_reply(message, decision, context)
        if verdict == "accept":
            return self._approve(turn, row)
        if verdict == "accept_then":
            return self._approve_then(turn, row, after_yes(message) or "")
        if verdict == "reject" and decision is not None and read_after_no(message, decision):
            self._close(turn, row, "rejected")  # "forget it, what's my balance?": both
            turn.notice = f"Cancelled: {row.summary}"
            return None
        if verdict == "reject":
            return self._reject(turn, row, "rejected")
        if verdict == "read" and decision is not None:
            return self._read_while_pending(turn, row, decision)
        if verdict == "new":
            self._close(turn, row, "superseded")
            return None
        if verdict == "aside" and decision is not None:  # out of scope or refused: say so, wait
            kind: ReplyKind = "refuse" if decision.kind == "refuse" else "out_of_scope"
            return self._still_waiting(turn, row, kind, decision.text, "offline")
        if verdict == "refused":  # "approve it yourself, and do the same for any refund from
            # now on": the bypass is refused, and this action still waits for a plain yes or no
            refused = make.refuse_bypass().text or ""
            return self._still_waiting(turn, row, "refuse", refused, "offline")
        text = f"I need a clear yes or no. Pending: {row.summary} {ASK}"
        return self._reply(turn, "clarify", text, "gate", pending=row)

    def _still_waiting(
        self, turn: TurnContext, row: PendingActionRow, kind: ReplyKind, text: str, by: DecidedBy
    ) -> AgentReply:
        waiting = f"{text}\n\nStill waiting for your answer: {row.summary} {ASK}"
        return self._reply(turn, kind, waiting, by, pending=row)

    def _read_while_pending(
        self, turn: TurnContext, row: PendingActionRow, decision: RouterDecision
    ) -> AgentReply:
        """ "wait, what's my balance first?": the read runs and the action keeps waiting, asked
        again below the answer (DESIGN.md: a new request cancels *or re-asks*; a read changes
        nothing, so nothing is lost by keeping the question open). It runs beside the paused
        graph, which cannot take a new message until the pause is resolved, so the read is in
        the reply and the audit log but not in the conversation history."""
        assert decision.tool is not None
        call_id = f"read_{uuid.uuid4().hex[:16]}"
        outcome = run_skill_call(SKILLS[decision.tool], turn, decision.args, call_id)
        reply = self._still_waiting(turn, row, outcome.kind, outcome.text, "offline")
        reply.result = turn.last_result
        return reply

    def _route_reply(self, turn: TurnContext, message: str) -> tuple[RouterDecision, Any]:
        """The reply routed as if it were a request, in the conversation's context."""
        state = self.graph.get_state(self._config(turn))
        history = [*(state.values or {}).get("messages", []), HumanMessage(message)]
        context = router_context(history)
        decision = route(
            message,
            today=turn.today,
            default_currency=self.skill_settings.default_currency,
            context=context,
        )
        return decision, context

    def _approve(self, turn: TurnContext, row: PendingActionRow) -> AgentReply:
        if not self.gate.transition(row.id, caller=turn.caller, to="running", only_unexpired=True):
            current = self.gate.get(row.id)
            status = current.status if current else "gone"
            text = f"That action is already {status}; it was not run again."
            return self._reply(turn, "answer", text, "gate")
        resume = {"decision": "approve", "action_id": row.id, "args": row.args}
        reply = self._invoke(turn, Command(resume=resume), decided_by="gate")
        statuses = {c.status for c in turn.calls if c.action_id == row.id}
        final = (
            "done" if "ran" in statuses else "cancelled" if "cancelled" in statuses else "failed"
        )
        self.gate.finish(row.id, status=final, result=reply.reply)
        return reply

    def _approve_then(self, turn: TurnContext, row: PendingActionRow, rest: str) -> AgentReply:
        """ "yes please, and what's my balance after that?": the action runs, then the rest is
        a request of its own, in the same reply (a money request pauses for its own yes)."""
        done = self._approve(turn, row)
        if not rest or self.gate.pending(turn.session_id) is not None:
            return done
        human = HumanMessage(rest, additional_kwargs={"today": turn.today.isoformat()})
        then = self._invoke(turn, {"messages": [human]})
        then.reply = f"{done.reply}\n\n{then.reply}"
        if then.kind != "confirm":
            then.kind = done.kind  # the action's outcome leads; the rest is said below it
        return then

    def _reject(self, turn: TurnContext, row: PendingActionRow, why: str) -> AgentReply:
        if not self.gate.transition(row.id, caller=turn.caller, to=why):
            current = self.gate.get(row.id)
            text = f"That action is already {current.status if current else 'gone'}."
            return self._reply(turn, "answer", text, "gate")
        resume = {"decision": "reject", "action_id": row.id, "reason": why}
        return self._invoke(turn, Command(resume=resume), decided_by="gate")

    def _close(self, turn: TurnContext, row: PendingActionRow, why: str) -> None:
        """Cancel without a user-facing reply (expired, superseded); the graph call is closed."""
        if self.gate.transition(row.id, caller=turn.caller, to=why):
            resume = {"decision": "reject", "action_id": row.id, "reason": why}
            scratch = self._turn(turn.caller, turn.session_id, turn.today, None)
            self.graph.invoke(
                Command(resume=resume), self._config(turn), context=scratch, durability=DURABILITY
            )

    # -- the graph ----------------------------------------------------------------------------

    def _invoke(
        self, turn: TurnContext, graph_input: Any, decided_by: DecidedBy | None = None
    ) -> AgentReply:
        result = self.graph.invoke(
            graph_input, self._config(turn), context=turn, durability=DURABILITY
        )
        interrupts = result.get("__interrupt__") or []
        if interrupts:
            payload = interrupts[0].value
            row = self.gate.open(session_id=turn.session_id, caller=turn.caller, payload=payload)
            for call in turn.calls:
                if call.action_id == row.id:
                    call.status = "pending_confirmation"
            text = f"Please confirm: {row.summary} {ASK}"
            return self._reply(turn, "confirm", text, decided_by or _decider(result), pending=row)
        kind, text = _final(result["messages"])
        reply = self._reply(turn, kind, text, decided_by or _decider(result))
        reply.result = turn.last_result
        return reply

    def _reply(
        self,
        turn: TurnContext,
        kind: ReplyKind,
        text: str,
        decided_by: DecidedBy,
        pending: PendingActionRow | None = None,
    ) -> AgentReply:
        return AgentReply(
            session_id=turn.session_id,
            kind=kind,
            reply=text,
            tool_calls=list(turn.calls),
            pending_action=ConfirmationGate.view(pending) if pending else None,
            decided_by=decided_by,
            usage=Usage(
                llm_calls=turn.llm_calls,
                prompt_tokens=turn.prompt_tokens,
                completion_tokens=turn.completion_tokens,
            ),
            mode=self.mode,
        )

    def _turn(
        self, caller: str, session_id: str, today: date | None, access: CallerAccess | None
    ) -> TurnContext:
        return TurnContext(
            caller=caller,
            session_id=session_id,
            today=today or self.clock().date(),
            stripe=access.stripe if access else self.stripe,
            settings=self.skill_settings,
            dry_run=self.mode == "dry",
            sandbox=self.mode == "sandbox",
            allowed_risks=access.allowed_risks if access else frozenset({"read", "write", "money"}),
            audit=self.audit,
        )

    @staticmethod
    def _config(turn: TurnContext) -> dict[str, Any]:
        return {"configurable": {"thread_id": turn.session_id}}


def _final(messages: list[BaseMessage]) -> tuple[ReplyKind, str]:
    last = messages[-1]
    if isinstance(last, ToolMessage) and isinstance(last.artifact, dict):
        outcome = Outcome.model_validate(last.artifact)
        return outcome.kind, outcome.text
    if isinstance(last, AIMessage):
        kind = last.additional_kwargs.get("kind")
        if kind:
            return kind, str(last.content)
        return split_tag(str(last.content))
    return "answer", str(last.content)


def _decider(result: dict[str, Any]) -> DecidedBy:
    for msg in reversed(result.get("messages", [])):
        if isinstance(msg, AIMessage):
            decided = msg.additional_kwargs.get("decided_by")
            return "offline" if decided == "offline" else "llm"
    return "offline"
