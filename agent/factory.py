"""Building an AgentRunner from settings: which router, which prompt, which middleware."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from langchain.agents.middleware import AgentMiddleware
from langchain_core.language_models import BaseChatModel

from agent.database import Database
from agent.llm_budget import PromptBudgetMiddleware
from agent.reply import Mode
from agent.routers.offline_model import OfflineRouterChatModel
from agent.runner import AgentRunner
from agent.settings import AgentSettings
from agent.tables import utcnow
from skills.settings import SkillSettings
from skills.stripe_service import StripeService


def build_model(settings: AgentSettings, skill_settings: SkillSettings) -> BaseChatModel:
    offline = OfflineRouterChatModel(default_currency=skill_settings.default_currency)
    if settings.router == "offline":
        return offline
    from agent.routers.llm_model import build_llm

    llm = build_llm(settings)
    if settings.router == "openai":
        return llm
    from agent.routers.hybrid_model import HybridChatModel

    return HybridChatModel(offline=offline, llm=llm, threshold=settings.hybrid_threshold)


def build_runner(
    *,
    settings: AgentSettings,
    skill_settings: SkillSettings,
    db: Database,
    stripe: StripeService | None,
    mode: Mode,
    model: BaseChatModel | None = None,
    clock: Callable[[], datetime] | None = None,
) -> AgentRunner:
    chosen = model or build_model(settings, skill_settings)
    middleware: list[AgentMiddleware[Any, Any, Any]] = []
    if not isinstance(chosen, OfflineRouterChatModel):
        middleware.append(PromptBudgetMiddleware(settings.history_token_budget))
    return AgentRunner(
        db=db,
        model=chosen,
        stripe=stripe,
        skill_settings=skill_settings,
        confirm_ttl_seconds=settings.confirm_ttl_seconds,
        mode=mode,
        middleware=middleware,
        clock=clock or utcnow,
    )
