"""The Stripe webhook endpoint: verify, store once, acknowledge, then handle.

Anything wrong with a delivery (signature, age, body) is a 400 that says what, never a 500:
Stripe retries non-2xx answers, and a 400 tells whoever is debugging the endpoint the cause.
"""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.deps import PlatformDep
from api.errors import error_body
from api.webhook_handlers import WebhookInbox
from skills.errors import InvalidArguments
from skills.stripe_service import StripeService

router = APIRouter(prefix="/api/webhooks", tags=["webhooks"])


@router.post("/stripe")
async def stripe_webhook(
    request: Request, background: BackgroundTasks, platform: PlatformDep
) -> JSONResponse:
    """Receive one Stripe event; a redelivered event id is acknowledged and not handled again."""
    inbox: WebhookInbox = platform.extras["webhooks"]
    secret = inbox.settings.secret
    if secret is None:
        message = "Webhooks are not configured: set STRIPE_WEBHOOK_SECRET."
        return JSONResponse(error_body("webhooks_not_configured", message), 400)
    payload = await request.body()
    if len(payload) > inbox.settings.max_body_bytes:
        return JSONResponse(error_body("payload_too_large", "The body is too large."), 413)
    try:
        event = StripeService.construct_event(
            payload,
            request.headers.get("stripe-signature"),
            secret.get_secret_value(),
            tolerance=inbox.settings.tolerance_seconds,
        )
    except InvalidArguments as err:
        return JSONResponse(error_body("invalid_webhook", err.message), 400)
    if not await run_in_threadpool(inbox.store, event):
        return JSONResponse({"received": True, "duplicate": True, "id": event["id"]})
    background.add_task(inbox.dispatch, event)
    return JSONResponse({"received": True, "duplicate": False, "id": event["id"]})
