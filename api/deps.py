"""Dependencies of the routes: the platform, the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from agent.runner import AgentRunner, CallerAccess
from api.platform import Platform


async def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


async def get_runner(platform: PlatformDep) -> AgentRunner:
    return platform.runner


RunnerDep = Annotated[AgentRunner, Depends(get_runner)]


async def get_caller(
    platform: PlatformDep,
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> str:
    """The caller named by the API key (`Authorization: Bearer <key>` or `X-API-Key`)."""
    presented = x_api_key
    if authorization and authorization.lower().startswith("bearer "):
        presented = authorization[7:].strip()
    caller = platform.callers.caller_for(presented)
    if caller is None:
        raise HTTPException(401, "Missing or invalid API key.", {"WWW-Authenticate": "Bearer"})
    return caller


CallerDep = Annotated[str, Depends(get_caller)]


def get_access(platform: PlatformDep, caller: CallerDep) -> CallerAccess | None:
    """The Stripe account and risks this caller acts with (a Connect account once connected)."""
    resolver = platform.extras.get("access_resolver")
    return resolver(caller) if resolver else None


AccessDep = Annotated[CallerAccess | None, Depends(get_access)]
