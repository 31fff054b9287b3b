"""What every /api/stripe route shares: the caller's Stripe account and the risks its
connection allows, running a skill from a REST body, and the idempotent write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from agent.runner import CallerAccess
from api.deps import AccessDep, CallerDep, PlatformDep
from api.idempotency import KEY_PATTERN, action_id, fingerprint, store_for
from api.platform import Platform
from skills.base import Risk, Skill, SkillContext
from skills.errors import InvalidArguments, NotAllowed
from skills.stripe_service import StripeService

ALL_RISKS = frozenset({"read", "write", "money"})

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=KEY_PATTERN,
        description="A unique string per request; resend it only to retry that same request.",
    ),
]


@dataclass
class StripeCall:
    """One REST request: who calls, and the Stripe access their connection gives them."""

    platform: Platform
    caller: str
    access: CallerAccess | None

    def service(self, risk: Risk, what: str) -> StripeService:
        """The caller's Stripe service, once its connection is known to allow `risk`.

        Checked before anything else, so a refused request never reaches Stripe.
        """
        allowed = self.access.allowed_risks if self.access else ALL_RISKS
        if risk not in allowed:
            raise NotAllowed(_refusal(risk, what, allowed))
        service = self.access.stripe if self.access else self.platform.stripe
        if service is None:
            raise NotAllowed("This caller has no Stripe connection yet; connect an account first.")
        return service

    def context(self, service: StripeService, action: str | None = None) -> SkillContext:
        return SkillContext(
            stripe=service,
            today=date.today(),
            settings=self.platform.skill_settings,
            action_id=action,
            sandbox=self.platform.mode == "sandbox",
        )


def _refusal(risk: Risk, what: str, allowed: frozenset[str]) -> str:
    if allowed <= {"read"}:
        return f"This caller's Stripe connection is read-only: it may not {what}."
    kinds = ", ".join(sorted(allowed)) or "nothing"
    return f"This caller's Stripe connection allows {kinds} only: it may not {what} ({risk})."


def get_call(platform: PlatformDep, caller: CallerDep, access: AccessDep) -> StripeCall:
    return StripeCall(platform=platform, caller=caller, access=access)


CallDep = Annotated[StripeCall, Depends(get_call)]


def run_skill(call: StripeCall, skill: Skill[Any, Any], body: BaseModel, action: str | None) -> Any:
    """A skill from a REST body, exactly as the agent runs it: plan (validate, resolve), run."""
    ctx = call.context(call.service(skill.risk, skill.name), action)
    plan = skill.plan(ctx, body.model_dump(mode="json", exclude_none=True))
    return skill.run(ctx, plan.args)


def write(
    call: StripeCall,
    *,
    route: str,
    risk: Risk,
    what: str,
    body: BaseModel,
    key: str | None,
    work: Callable[[str | None], BaseModel],
) -> JSONResponse:
    """A create (201). Money needs an Idempotency-Key; with a key, a retry replays the answer.

    `work` gets the action id (derived from the key) that its Stripe idempotency keys come from.
    """
    call.service(risk, what)
    if key is None:
        if risk == "money":
            raise InvalidArguments(
                f"To {what} send an Idempotency-Key header (a unique string per request, "
                "resent only to retry the same request), so a retry cannot move money twice."
            )
        return JSONResponse(work(None).model_dump(mode="json"), 201)
    store = store_for(call.platform.extras, call.platform.db.engine)
    print_ = fingerprint(route, body.model_dump(mode="json"))

    def once() -> tuple[int, dict[str, Any]]:
        return 201, work(action_id(call.caller, key)).model_dump(mode="json")

    return store.respond(call.caller, key, print_, once)
