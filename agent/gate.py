"""ConfirmationGate: the state of money actions waiting for a yes.

An action is claimed by one atomic UPDATE (pending → running, only if unexpired and owned by
the caller), so two concurrent accepts, on one worker or several, run it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from agent.reply import PendingActionView
from agent.tables import PendingActionRow, utcnow


class ConfirmationGate:
    def __init__(
        self, engine: Engine, ttl_seconds: int, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.engine = engine
        self.ttl = timedelta(seconds=ttl_seconds)
        self.clock = clock

    def open(self, *, session_id: str, caller: str, payload: dict[str, Any]) -> PendingActionRow:
        now = self.clock()
        row = PendingActionRow(
            id=payload["action_id"],
            session_id=session_id,
            caller=caller,
            skill=payload["skill"],
            args=payload["args"],
            summary=payload["summary"],
            created_at=now,
            expires_at=now + self.ttl,
        )
        with Session(self.engine) as s:
            s.merge(row)
            s.commit()
        return row

    def pending(self, session_id: str) -> PendingActionRow | None:
        with Session(self.engine) as s:
            query = (
                select(PendingActionRow)
                .where(PendingActionRow.session_id == session_id)
                .where(PendingActionRow.status == "pending")
                .order_by(col(PendingActionRow.created_at).desc())
            )
            return s.exec(query).first()

    def get(self, action_id: str) -> PendingActionRow | None:
        with Session(self.engine) as s:
            return s.get(PendingActionRow, action_id)

    def is_expired(self, row: PendingActionRow) -> bool:
        expires = row.expires_at
        if expires.tzinfo is None:  # SQLite returns naive datetimes
            expires = expires.replace(tzinfo=self.clock().tzinfo)
        return expires <= self.clock()

    def transition(
        self, action_id: str, *, caller: str, to: str, only_unexpired: bool = False
    ) -> bool:
        """pending → `to`, atomically; False when someone else already moved it."""
        stmt = (
            update(PendingActionRow)
            .where(col(PendingActionRow.id) == action_id)
            .where(col(PendingActionRow.caller) == caller)
            .where(col(PendingActionRow.status) == "pending")
            .values(status=to, decided_at=self.clock())
        )
        if only_unexpired:
            stmt = stmt.where(col(PendingActionRow.expires_at) > self.clock())
        with Session(self.engine) as s:
            result = s.exec(stmt)  # type: ignore[call-overload]
            s.commit()
            return bool(result.rowcount == 1)

    def finish(self, action_id: str, *, status: str, result: str) -> None:
        with Session(self.engine) as s:
            row = s.get(PendingActionRow, action_id)
            if row is not None:
                row.status, row.result = status, result
                s.add(row)
                s.commit()

    @staticmethod
    def view(row: PendingActionRow) -> PendingActionView:
        return PendingActionView(
            id=row.id,
            skill=row.skill,
            args=row.args,
            summary=row.summary,
            expires_at=row.expires_at,
        )
