"""Middleware on the LLM path: the dated system prompt, history trimmed to a token budget, and
prompt tokens counted per call (system prompt + tool schemas + history) into the turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain.agents.middleware import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage, BaseMessage, SystemMessage, trim_messages

from agent.tokens import count_message, count_prompt
from agent.tool_schemas import openai_tools
from agent.turn import TurnContext
from prompts import load


def system_prompt(today: str) -> str:
    return load("system").replace("{today}", today)


def trim_history(messages: list[BaseMessage], budget: int) -> list[BaseMessage]:
    """The latest messages that fit, starting on a human turn, never splitting a tool call."""
    kept = trim_messages(
        messages,
        max_tokens=budget,
        token_counter=lambda ms: sum(count_message(m) for m in ms),
        strategy="last",
        start_on="human",
        allow_partial=False,
    )
    return kept or messages[-1:]


class PromptBudgetMiddleware(AgentMiddleware[Any, TurnContext, Any]):
    def __init__(self, history_budget: int) -> None:
        super().__init__()
        self.history_budget = history_budget

    def wrap_model_call(
        self,
        request: ModelRequest[TurnContext],
        handler: Callable[[ModelRequest[TurnContext]], ModelResponse[Any]],
    ) -> ModelResponse[Any]:
        turn = request.runtime.context
        system = system_prompt(turn.today.isoformat())
        messages: list[Any] = trim_history(list(request.messages), self.history_budget)
        response = handler(
            request.override(messages=messages, system_message=SystemMessage(system))
        )
        answer = next((m for m in response.result if isinstance(m, AIMessage)), None)
        if answer is not None and answer.additional_kwargs.get("decided_by") != "offline":
            turn.llm_calls += 1
            turn.prompt_tokens += count_prompt(system, openai_tools(), messages)
            usage: dict[str, Any] = dict(answer.usage_metadata or {})
            turn.completion_tokens += int(usage.get("output_tokens", 0))
        return response
