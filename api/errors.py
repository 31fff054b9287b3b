"""One place maps domain and agent errors to HTTP: `{"error": {"type", "message"}}`.

HTTPException is raised only in this layer; skills and the agent raise their own errors.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.errors import ActionNotFound, ActionNotPending, AgentError, SessionNotFound
from skills.errors import (
    AmbiguousReference,
    InvalidArguments,
    NotAllowed,
    NotFound,
    PaymentDeclined,
    RateLimited,
    SkillError,
    StripeAuthError,
    StripeInvalidRequest,
    StripeUnavailable,
)

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[Exception], int]] = [
    (SessionNotFound, 404),
    (ActionNotFound, 404),
    (ActionNotPending, 409),
    (InvalidArguments, 400),
    (AmbiguousReference, 409),
    (NotFound, 404),
    (NotAllowed, 403),
    (PaymentDeclined, 402),
    (StripeInvalidRequest, 400),
    (RateLimited, 429),
    (StripeAuthError, 502),
    (StripeUnavailable, 503),
]


def error_body(kind: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"type": kind, "message": message, **extra}}


def status_for(err: Exception) -> int:
    for cls, status in _STATUS:
        if isinstance(err, cls):
            return status
    return 502 if isinstance(err, SkillError) else 500


def install(app: FastAPI) -> None:
    @app.exception_handler(SkillError)
    async def skill_error(_: Request, err: SkillError) -> JSONResponse:
        extra = {"changed": err.changed}
        if isinstance(err, AmbiguousReference):
            extra["candidates"] = err.candidates  # type: ignore[assignment]
        return JSONResponse(error_body(err.code, err.user_message, **extra), status_for(err))

    @app.exception_handler(AgentError)
    async def agent_error(_: Request, err: AgentError) -> JSONResponse:
        return JSONResponse(error_body(err.code, err.message), status_for(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, err: RequestValidationError) -> JSONResponse:
        parts = []
        for e in err.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
            parts.append(f"{where}: {e.get('msg')}")
        return JSONResponse(error_body("invalid_request", "; ".join(parts)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, err: StarletteHTTPException) -> JSONResponse:
        kind = {401: "unauthorized", 403: "forbidden", 404: "not_found"}.get(
            err.status_code, "http_error"
        )
        return JSONResponse(error_body(kind, str(err.detail)), err.status_code, headers=err.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, err: Exception) -> JSONResponse:
        log.exception("unhandled error", extra={"path": request.url.path})
        return JSONResponse(
            error_body(
                "internal_error", "An unexpected error occurred; the service log has the details."
            ),
            500,
        )
