"""The offline rule router as a LangChain chat model: no key, no network, deterministic.

It reads the last human message (and context from the history), asks the rule router, and
answers with one tool call or with a reply whose kind travels in `additional_kwargs`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable

from agent.offline_router import RouterDecision, route
from agent.routers.history import router_context, today_of


def decision_message(decision: RouterDecision, decided_by: str = "offline") -> AIMessage:
    """The AIMessage form of a router decision (a tool call, or text with its kind)."""
    meta: dict[str, Any] = {"decided_by": decided_by, "confidence": decision.confidence}
    if decision.kind == "tool" and decision.tool:
        call = {"name": decision.tool, "args": decision.args, "id": f"call_{uuid.uuid4().hex[:16]}"}
        return AIMessage(content="", tool_calls=[call], additional_kwargs=meta)
    meta["kind"] = decision.kind
    if decision.pending_clarify is not None:
        meta["pending_clarify"] = decision.pending_clarify.model_dump(mode="json")
    return AIMessage(content=decision.text, additional_kwargs=meta)


class OfflineRouterChatModel(BaseChatModel):
    default_currency: str = "usd"

    @property
    def _llm_type(self) -> str:
        return "offline-rule-router"

    def decide(self, messages: Sequence[BaseMessage]) -> RouterDecision:
        text = next((str(m.content) for m in reversed(messages) if isinstance(m, HumanMessage)), "")
        return route(
            text,
            today=today_of(messages, date.today()),
            default_currency=self.default_currency,
            context=router_context(messages),
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        message = decision_message(self.decide(messages))
        return ChatResult(generations=[ChatGeneration(message=message)])

    def bind_tools(  # type: ignore[override]
        self, tools: Sequence[Any], **kwargs: Any
    ) -> Runnable[Any, BaseMessage]:
        """The rule router knows the skills by name; binding changes nothing."""
        return self
