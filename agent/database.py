"""One database for the agent's tables and the LangGraph checkpointer: a SQLite file by
default, PostgreSQL when DATABASE_URL says so (several workers share it)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from sqlalchemy import Engine, event
from sqlmodel import SQLModel, create_engine

from agent import tables  # noqa: F401  (registers the tables on SQLModel.metadata)


@dataclass
class Database:
    url: str
    engine: Engine
    checkpointer: BaseCheckpointSaver[Any]

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def close(self) -> None:
        conn = getattr(self.checkpointer, "conn", None)
        if conn is not None:
            conn.close()
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Create the tables (idempotent) and the checkpointer for `url`."""
    if url.startswith("sqlite"):
        return _sqlite(url)
    if url.startswith(("postgresql", "postgres")):
        return _postgres(url)
    raise ValueError(f"Unsupported DATABASE_URL scheme: {url.split(':', 1)[0]}")


def _sqlite(url: str) -> Database:
    path = url.removeprefix("sqlite:///")
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    SQLModel.metadata.create_all(engine)
    from langgraph.checkpoint.sqlite import SqliteSaver

    conn = sqlite3.connect(path or ":memory:", check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    saver = SqliteSaver(conn)
    saver.setup()
    return Database(url=url, engine=engine, checkpointer=saver)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    # WAL + NORMAL: no fsync per commit; a power cut may lose the last turns, never corrupt.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _postgres(url: str) -> Database:
    import psycopg
    from langgraph.checkpoint.postgres import PostgresSaver
    from psycopg.rows import dict_row

    plain = url.replace("postgresql+psycopg://", "postgresql://").replace(
        "postgres://", "postgresql://"
    )
    engine = create_engine(
        plain.replace("postgresql://", "postgresql+psycopg://", 1), pool_pre_ping=True
    )
    SQLModel.metadata.create_all(engine)
    conn = psycopg.connect(plain, autocommit=True, prepare_threshold=0, row_factory=dict_row)
    saver = PostgresSaver(conn)  # type: ignore[arg-type]
    saver.setup()
    return Database(url=url, engine=engine, checkpointer=saver)
