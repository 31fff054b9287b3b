"""The hybrid router: the offline rules answer when confident, the LLM otherwise.

The point is cost: most turns are plain requests the rules understand, so most turns make no
LLM call; each reply says which decided (`decided_by`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable

from agent.routers.offline_model import OfflineRouterChatModel, decision_message


class HybridChatModel(BaseChatModel):
    offline: OfflineRouterChatModel
    llm: Any
    """The LLM chat model (tools bound by bind_tools)."""
    threshold: float = 0.8

    @property
    def _llm_type(self) -> str:
        return "hybrid-router"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        decision = self.offline.decide(messages)
        if decision.confidence >= self.threshold:
            return ChatResult(generations=[ChatGeneration(message=decision_message(decision))])
        answer = self.llm.invoke(messages)
        message = AIMessage(
            content=answer.content,
            tool_calls=list(answer.tool_calls)[:1],
            additional_kwargs={"decided_by": "llm"},
            usage_metadata=answer.usage_metadata,
            response_metadata=answer.response_metadata,
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def bind_tools(  # type: ignore[override]
        self, tools: Sequence[Any], **kwargs: Any
    ) -> Runnable[Any, BaseMessage]:
        return self.model_copy(update={"llm": self.llm.bind_tools(tools, **kwargs)})
