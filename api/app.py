"""The FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import connect, errors
from api.platform import Platform
from api.request_id import RequestIdMiddleware
from api.routes import agent, health
from api.routes.stripe_rest import router as stripe_rest_router


def create_app(platform: Platform | None = None) -> FastAPI:
    """An app on `platform`, or on one built from the environment at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = platform is None
        app.state.platform = platform or Platform.start()
        try:
            yield
        finally:
            if owned:
                app.state.platform.close()

    app = FastAPI(
        title="Stripe agent",
        description="A natural-language agent over Stripe, its REST API, OAuth and webhooks.",
        version="0.1.0",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    if platform is not None:
        app.state.platform = platform
    errors.install(app)
    app.include_router(health.router)
    app.include_router(agent.router)
    app.include_router(connect.router)
    connect.install(app, platform)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(stripe_rest_router)
    return app
