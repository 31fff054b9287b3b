"""The audit log: every skill run, with caller, arguments, outcome and idempotency key."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, insert
from sqlmodel import Session, col, select

from agent.tables import AuditEntry

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, **fields: Any) -> None:
        entry = AuditEntry(**fields)
        # A Core insert: one statement per skill run, without the ORM's unit of work.
        with self.engine.begin() as conn:
            conn.execute(insert(AuditEntry), [entry.model_dump(exclude={"id"})])
        log.info(
            "skill run",
            extra={k: fields.get(k) for k in ("skill", "outcome", "session_id", "action_id")},
        )

    def entries(self, *, session_id: str | None = None, limit: int = 100) -> list[AuditEntry]:
        with Session(self.engine) as session:
            query = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
            if session_id:
                query = query.where(AuditEntry.session_id == session_id)
            return list(session.exec(query))
