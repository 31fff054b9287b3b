"""Sessions belong to the caller that opened them; anyone else is told they do not exist."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine
from sqlmodel import Session

from agent.errors import SessionNotFound
from agent.tables import Conversation, utcnow


class Conversations:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def open(self, caller: str, session_id: str | None) -> Conversation:
        """The caller's session, or a new one (with the requested id when it is free), with
        this turn counted."""
        with Session(self.engine, expire_on_commit=False) as s:
            found = s.get(Conversation, session_id) if session_id else None
            if found is not None and found.caller != caller:
                raise SessionNotFound(f"No session {session_id}.")
            conv = found or Conversation(
                id=session_id or f"ses_{uuid.uuid4().hex[:20]}", caller=caller
            )
            conv.turns += 1
            conv.updated_at = utcnow()
            s.add(conv)
            s.commit()  # expire_on_commit=False: conv stays readable without a second query
            return conv

    def get(self, caller: str, session_id: str) -> Conversation:
        with Session(self.engine) as s:
            found = s.get(Conversation, session_id)
            if found is None or found.caller != caller:
                raise SessionNotFound(f"No session {session_id}.")
            return found
