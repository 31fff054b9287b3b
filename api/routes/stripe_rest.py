"""The seed's REST API under /api/stripe, for ATOM services and UIs that don't chat.

Same API-key auth as the agent endpoint; each caller acts on its own Stripe account (a Connect
account once connected) within the risks its connection allows. Lists page with cursors
(`{"data", "has_more", "next_cursor"}`); errors are `{"error": {"type", "message"}}`.
"""

from __future__ import annotations

import time

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.rest_models import StripeHealth
from api.routes import stripe_catalog, stripe_customers, stripe_payments
from api.routes.stripe_common import CallDep
from skills.errors import SkillError
from skills.stripe_models import Account, Balance

router = APIRouter(prefix="/api/stripe")
router.include_router(stripe_payments.router)
router.include_router(stripe_customers.router)
router.include_router(stripe_catalog.router)


@router.get("/balance", response_model=Balance, tags=["stripe: account"])
def get_balance(call: CallDep) -> Balance:
    """Available and pending amounts per currency."""
    return call.service("read", "read the balance").get_balance()


@router.get("/account", response_model=Account, tags=["stripe: account"])
def get_account(call: CallDep) -> Account:
    """The Stripe account this caller acts on."""
    return call.service("read", "read the account").get_account()


@router.get(
    "/health",
    response_model=StripeHealth,
    tags=["stripe: account"],
    responses={503: {"model": StripeHealth, "description": "Stripe is not reachable."}},
)
def get_health(call: CallDep) -> JSONResponse:
    """Whether this caller's Stripe account answers, how fast, and in which mode."""
    service = call.service("read", "read Stripe")
    started = time.perf_counter()
    error = None
    try:
        service.get_balance()
    except SkillError as err:
        error = err.code
    latency = round((time.perf_counter() - started) * 1000, 2)
    health = StripeHealth(
        ok=error is None, mode=call.platform.mode, latency_ms=latency, error=error
    )
    return JSONResponse(health.model_dump(), 200 if health.ok else 503)
