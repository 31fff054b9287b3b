"""Liveness and readiness."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlmodel import Session

from api.deps import PlatformDep
from skills.errors import SkillError

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(platform: PlatformDep) -> JSONResponse:
    """The database and Stripe answer; with latency and mode (sandbox, test or live)."""
    checks: dict[str, Any] = {"mode": platform.mode}
    ok = True
    started = time.perf_counter()
    try:
        with Session(platform.db.engine) as s:
            s.exec(text("SELECT 1"))  # type: ignore[call-overload]
        checks["database"] = {"ok": True}
    except Exception as err:
        ok = False
        checks["database"] = {"ok": False, "error": type(err).__name__}
    checks["database"]["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
    started = time.perf_counter()
    try:
        platform.stripe.get_balance()
        checks["stripe"] = {"ok": True}
    except SkillError as err:
        ok = False
        checks["stripe"] = {"ok": False, "error": err.code}
    checks["stripe"]["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
    checks["status"] = "ready" if ok else "not_ready"
    return JSONResponse(checks, status_code=200 if ok else 503)
