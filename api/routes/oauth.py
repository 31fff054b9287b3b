"""Stripe Connect OAuth endpoints: connect a caller's Stripe account, see it, refresh, disconnect.

The callback is called by the caller's own client (which received Stripe's redirect) with its API
key, so the state can be checked against the caller it was issued to.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from api.deps import CallerDep, PlatformDep
from api.oauth_service import AuthorizeStart, ConnectionStatus, OAuthService

router = APIRouter(prefix="/api/auth/stripe", tags=["stripe connect"])


def get_oauth(platform: PlatformDep) -> OAuthService:
    service: OAuthService = platform.extras["oauth"]
    return service


OAuthDep = Annotated[OAuthService, Depends(get_oauth)]
Param = Annotated[str | None, Query(max_length=512)]


@router.get("/authorize", response_model=AuthorizeStart)
def authorize(
    caller: CallerDep, oauth: OAuthDep, scope: Literal["read_only", "read_write"] = "read_only"
) -> AuthorizeStart:
    """The URL to send the account owner to, and its single-use state (10 minutes)."""
    return oauth.authorize(caller, scope)


@router.get("/callback", response_model=ConnectionStatus)
def callback(
    caller: CallerDep,
    oauth: OAuthDep,
    code: Param = None,
    state: Param = None,
    error: Param = None,
) -> ConnectionStatus:
    """Finish the flow with Stripe's `code` and `state`; the account is then the caller's."""
    return oauth.complete(caller, code=code, state=state, error=error)


@router.get("/status", response_model=ConnectionStatus)
def status(caller: CallerDep, oauth: OAuthDep) -> ConnectionStatus:
    """The connected account, its scope and mode; never a token."""
    return oauth.status(caller)


@router.post("/refresh", response_model=ConnectionStatus)
def refresh(caller: CallerDep, oauth: OAuthDep) -> ConnectionStatus:
    return oauth.refresh(caller)


@router.post("/disconnect")
def disconnect(caller: CallerDep, oauth: OAuthDep) -> dict[str, object]:
    """Revoke the platform's access at Stripe and forget the account."""
    return oauth.disconnect(caller)
