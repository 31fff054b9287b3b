"""Stripe Connect OAuth and webhooks, wired into the app: their routes, their tables, the
per-caller access resolver and their error handler. `api.app` calls `install` once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlmodel import SQLModel

from api import oauth_tables, webhook_tables  # noqa: F401  (register the tables)
from api.errors import error_body
from api.oauth_service import ConnectError, OAuthService
from api.oauth_settings import OAuthSettings
from api.platform import Platform
from api.routes import oauth, webhooks
from api.webhook_handlers import WebhookInbox, default_hooks
from api.webhook_settings import WebhookSettings

router = APIRouter()
router.include_router(oauth.router)
router.include_router(webhooks.router)


def install(app: FastAPI, platform: Platform | None) -> None:
    """Set up now if the platform exists, else as soon as the app's lifespan has built it."""

    @app.exception_handler(ConnectError)
    async def connect_error(_: Request, err: ConnectError) -> JSONResponse:
        return JSONResponse(error_body(err.code, err.message), err.status)

    if platform is not None:
        setup(platform)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        async with inner(a) as state:
            setup(a.state.platform)
            yield state

    app.router.lifespan_context = lifespan


def setup(platform: Platform) -> None:
    """Idempotent: tables, the OAuth service, the access resolver and the webhook inbox.

    Tests (or an embedding service) may put their own `oauth` or `webhooks` in `extras` first.
    """
    SQLModel.metadata.create_all(platform.db.engine)
    extras = platform.extras
    if "oauth" not in extras:
        extras["oauth"] = OAuthService(
            engine=platform.db.engine,
            settings=extras.get("oauth_settings") or _oauth_settings(platform),
            stripe_settings=platform.stripe_settings,
            platform_stripe=platform.stripe,
            sandbox=platform.mode == "sandbox",
        )
    extras.setdefault("access_resolver", extras["oauth"].access_for)
    if "webhooks" not in extras:
        settings = extras.get("webhook_settings") or WebhookSettings()
        extras["webhooks"] = WebhookInbox(platform.db.engine, settings, default_hooks(settings))


def _oauth_settings(platform: Platform) -> OAuthSettings:
    """From the environment; on the sandbox, what is unset points at the sandbox's Connect."""
    settings = OAuthSettings()
    if platform.sandbox is None:
        return settings
    return settings.with_sandbox_defaults(platform.api_settings.port)
