"""The composition root: settings → Stripe (real, or the sandbox started here) → database →
agent runner. The API app, the CLI and the tests build one Platform and share its parts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from agent.database import Database, open_database
from agent.factory import build_runner
from agent.reply import Mode
from agent.runner import AgentRunner
from agent.settings import AgentSettings
from api.callers import CallerKeys
from api.settings import ApiSettings
from skills.settings import SkillSettings, StripeSettings
from skills.stripe_service import StripeService

log = logging.getLogger(__name__)


@dataclass
class Platform:
    agent_settings: AgentSettings
    stripe_settings: StripeSettings
    skill_settings: SkillSettings
    api_settings: ApiSettings
    db: Database
    stripe: StripeService
    runner: AgentRunner
    mode: Mode
    callers: CallerKeys
    dev_key: str | None = None
    sandbox: Any = None
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        *,
        agent_settings: AgentSettings | None = None,
        stripe_settings: StripeSettings | None = None,
        skill_settings: SkillSettings | None = None,
        api_settings: ApiSettings | None = None,
        sandbox: Any = None,
        model: Any = None,
    ) -> Platform:
        agent_settings = agent_settings or AgentSettings()
        stripe_settings = stripe_settings or StripeSettings()
        skill_settings = skill_settings or SkillSettings()
        api_settings = api_settings or ApiSettings()
        if stripe_settings.api_key is None and sandbox is None:
            from sandbox.runner import start_seeded_sandbox

            sandbox = start_seeded_sandbox()
            log.warning("STRIPE_API_KEY is unset: running on the local sandbox at %s", sandbox.url)
        if sandbox is not None:
            update = {"api_key": _secret(sandbox.api_key), "api_base": sandbox.url}
            if "connect_base" not in stripe_settings.model_fields_set:
                update["connect_base"] = sandbox.url  # the gateway answers /oauth/... too
            stripe_settings = stripe_settings.model_copy(update=update)
        mode = _mode(stripe_settings, sandbox is not None)
        callers, dev_key = _callers(api_settings, mode)
        stripe = StripeService(stripe_settings)
        db = open_database(agent_settings.database_url)
        runner = build_runner(
            settings=agent_settings,
            skill_settings=skill_settings,
            db=db,
            stripe=stripe,
            mode=mode,
            model=model,
        )
        return cls(
            agent_settings,
            stripe_settings,
            skill_settings,
            api_settings,
            db,
            stripe,
            runner,
            mode,
            callers,
            dev_key,
            sandbox,
        )

    def close(self) -> None:
        self.db.close()
        if self.sandbox is not None and hasattr(self.sandbox, "stop"):
            self.sandbox.stop()


def _secret(value: str) -> Any:
    from pydantic import SecretStr

    return SecretStr(value)


def _mode(settings: StripeSettings, sandbox: bool) -> Mode:
    if sandbox:
        return "sandbox"
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    return "live" if key.startswith(("sk_live", "rk_live")) else "test"


def _callers(settings: ApiSettings, mode: Mode) -> tuple[CallerKeys, str | None]:
    keys = CallerKeys.parse(settings.api_keys)
    if keys:
        return keys, None
    if mode != "sandbox":
        raise ValueError("AGENT_API_KEYS must be set outside sandbox mode.")
    dev, key = CallerKeys.dev()
    return dev, key
