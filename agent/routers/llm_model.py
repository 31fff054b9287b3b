"""An OpenAI-compatible chat model (OpenAI, vLLM, Ollama, llama.cpp) through langchain-openai,
bound to the compact tool schemas of agent.tool_schemas, one tool call per turn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable
from langchain_openai import ChatOpenAI

from agent.settings import AgentSettings
from agent.tool_schemas import openai_tools


class SkillChatOpenAI(ChatOpenAI):
    """ChatOpenAI that sends the skills' compact schemas instead of re-deriving verbose ones."""

    def bind_tools(  # type: ignore[override]
        self, tools: Sequence[Any], **kwargs: Any
    ) -> Runnable[LanguageModelInput, BaseMessage]:
        names = {getattr(t, "name", None) or t.get("function", {}).get("name") for t in tools}
        compact = [t for t in openai_tools() if t["function"]["name"] in names]
        kwargs.setdefault("parallel_tool_calls", False)
        return super().bind_tools(compact, **kwargs)


def build_llm(settings: AgentSettings) -> ChatOpenAI:
    if settings.openai_api_key is None:
        raise ValueError(
            "AGENT_ROUTER=openai/hybrid needs OPENAI_API_KEY (and OPENAI_BASE_URL "
            "for a non-OpenAI endpoint)."
        )
    return SkillChatOpenAI(
        model=settings.model,
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        temperature=0,
        timeout=settings.llm_timeout,
        max_retries=1,
    )
