"""Idempotency-Key on the REST API's writes, the way Stripe does it.

A caller's key names one request. The first run stores its response; a retry with the same key
and the same body replays it (status and body) without calling Stripe again; the same key with
another body is refused (409). The key, scoped by caller, is also the action id from which the
Stripe idempotency key derives, so even a retry after a crash mid-request cannot act twice.

Only a success spends a key: a failed request releases it, so the caller may fix the cause and
retry with the same key (if the failed write did reach Stripe, Stripe dedupes the retry).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from api.errors import error_body
from api.rest_tables import RestIdempotencyRow, create_rest_tables, utcnow

KEY_PATTERN = r"^[!-~]{1,255}$"
"""Printable ASCII without spaces, at most 255 characters (Stripe's own limit)."""
STALE_AFTER = timedelta(minutes=5)
"""A key still `running` after this long belongs to a request that died; a retry takes it over."""
REPLAYED_HEADER = "Idempotent-Replayed"

Work = Callable[[], tuple[int, dict[str, Any]]]


def action_id(caller: str, key: str) -> str:
    """The action id of a REST write: its Stripe idempotency keys derive from it."""
    return f"rest:{caller}:{key}"


def fingerprint(route: str, body: dict[str, Any]) -> str:
    """What makes two requests "the same": the route and the validated body."""
    canonical = json.dumps([route, body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotencyStore:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        create_rest_tables(engine)

    def respond(self, caller: str, key: str, print_: str, work: Work) -> JSONResponse:
        """Run `work` once per (caller, key); replay or refuse when the key is already used."""
        existing = self._claim(caller, key, print_)
        if existing is not None:
            return _answer_existing(existing, print_)
        try:
            status, body = work()
        except BaseException:
            self._release(caller, key)
            raise
        self._finish(caller, key, status, body)
        return JSONResponse(body, status)

    def _claim(self, caller: str, key: str, print_: str) -> RestIdempotencyRow | None:
        """None when the key is now ours; else the row of whoever has it."""
        for _ in range(3):  # a concurrent release between insert and read: try again
            try:
                with Session(self.engine) as s:
                    s.add(RestIdempotencyRow(caller=caller, key=key, fingerprint=print_))
                    s.commit()
                return None
            except IntegrityError:
                with Session(self.engine) as s:
                    row = s.get(RestIdempotencyRow, (caller, key))
                if row is None:
                    continue
                if row.status == "running" and self._take_over_stale(caller, key, print_):
                    return None
                return row
        raise RuntimeError("could not claim the idempotency key")

    def _take_over_stale(self, caller: str, key: str, print_: str) -> bool:
        cutoff = self.clock() - STALE_AFTER
        stmt = (
            update(RestIdempotencyRow)
            .where(col(RestIdempotencyRow.caller) == caller)
            .where(col(RestIdempotencyRow.key) == key)
            .where(col(RestIdempotencyRow.status) == "running")
            .where(col(RestIdempotencyRow.fingerprint) == print_)
            .where(col(RestIdempotencyRow.created_at) < cutoff)
            .values(created_at=self.clock())
        )
        with Session(self.engine) as s:
            taken = s.exec(stmt).rowcount == 1  # type: ignore[call-overload]
            s.commit()
        return bool(taken)

    def _finish(self, caller: str, key: str, status: int, body: dict[str, Any]) -> None:
        with Session(self.engine) as s:
            row = s.get(RestIdempotencyRow, (caller, key))
            if row is not None:
                row.status, row.response_status, row.response_body = "done", status, body
                s.add(row)
                s.commit()

    def _release(self, caller: str, key: str) -> None:
        stmt = (
            delete(RestIdempotencyRow)
            .where(col(RestIdempotencyRow.caller) == caller)
            .where(col(RestIdempotencyRow.key) == key)
            .where(col(RestIdempotencyRow.status) == "running")
        )
        with Session(self.engine) as s:
            s.exec(stmt)  # type: ignore[call-overload]
            s.commit()


def _answer_existing(row: RestIdempotencyRow, print_: str) -> JSONResponse:
    if row.fingerprint != print_:
        message = (
            "This Idempotency-Key was already used for a different request (another route or "
            "body). Use a new key for a new request. Nothing was changed."
        )
        return JSONResponse(error_body("idempotency_key_reused", message), 409)
    if row.status != "done" or row.response_status is None:
        message = (
            "A request with this Idempotency-Key is still running; retry it in a moment to get "
            "its response. Nothing more was changed."
        )
        return JSONResponse(error_body("idempotency_key_in_use", message), 409)
    return JSONResponse(row.response_body, row.response_status, headers={REPLAYED_HEADER: "true"})


_LOCK = threading.Lock()


def store_for(extras: dict[str, Any], engine: Engine) -> IdempotencyStore:
    """One store per platform (kept in its `extras`), its table created on first use."""
    with _LOCK:
        store = extras.get("rest_idempotency")
        if not isinstance(store, IdempotencyStore):
            store = IdempotencyStore(engine)
            extras["rest_idempotency"] = store
        return store
