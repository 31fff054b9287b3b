"""The REST idempotency store on its own: run once, replay, refuse, release, take over."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, create_engine

from api.idempotency import STALE_AFTER, IdempotencyStore, fingerprint
from api.rest_tables import RestIdempotencyRow, utcnow


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    url = database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    built = create_engine(url)
    yield built
    built.dispose()


class Counter:
    def __init__(self, status: int = 201) -> None:
        self.calls = 0
        self.status = status

    def __call__(self) -> tuple[int, dict[str, Any]]:
        self.calls += 1
        return self.status, {"n": self.calls}


def body(response: Any) -> Any:
    return json.loads(bytes(response.body))


def test_the_first_request_runs_and_a_retry_replays_it(engine: Engine) -> None:
    store, work = IdempotencyStore(engine), Counter()
    first = store.respond("alice", "k1", fingerprint("POST /x", {"a": 1}), work)
    again = store.respond("alice", "k1", fingerprint("POST /x", {"a": 1}), work)
    assert work.calls == 1
    assert (again.status_code, body(again)) == (first.status_code, body(first)) == (201, {"n": 1})
    assert again.headers["Idempotent-Replayed"] == "true"


def test_another_body_under_the_same_key_is_refused(engine: Engine) -> None:
    store, work = IdempotencyStore(engine), Counter()
    store.respond("alice", "k1", fingerprint("POST /x", {"a": 1}), work)
    other = store.respond("alice", "k1", fingerprint("POST /x", {"a": 2}), work)
    assert other.status_code == 409
    assert body(other)["error"]["type"] == "idempotency_key_reused"
    assert work.calls == 1


def test_the_same_key_of_another_caller_is_another_request(engine: Engine) -> None:
    store, work = IdempotencyStore(engine), Counter()
    print_ = fingerprint("POST /x", {})
    store.respond("alice", "k1", print_, work)
    store.respond("bob", "k1", print_, work)
    assert work.calls == 2


def test_a_request_still_running_is_not_run_twice(engine: Engine) -> None:
    store, print_ = IdempotencyStore(engine), fingerprint("POST /x", {})
    with Session(engine) as s:
        s.add(RestIdempotencyRow(caller="alice", key="k1", fingerprint=print_))
        s.commit()
    work = Counter()
    busy = store.respond("alice", "k1", print_, work)
    assert busy.status_code == 409
    assert body(busy)["error"]["type"] == "idempotency_key_in_use"
    assert work.calls == 0


def test_a_failure_releases_the_key(engine: Engine) -> None:
    store, print_ = IdempotencyStore(engine), fingerprint("POST /x", {})

    def fail() -> tuple[int, dict[str, Any]]:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        store.respond("alice", "k1", print_, fail)
    work = Counter()
    assert store.respond("alice", "k1", print_, work).status_code == 201
    assert work.calls == 1


def test_a_key_abandoned_mid_request_is_taken_over_by_its_retry(engine: Engine) -> None:
    later = utcnow() + STALE_AFTER + timedelta(seconds=1)

    def clock() -> datetime:
        return later

    store, print_ = IdempotencyStore(engine, clock=clock), fingerprint("POST /x", {})
    with Session(engine) as s:
        s.add(RestIdempotencyRow(caller="alice", key="k1", fingerprint=print_))
        s.commit()
    work = Counter()
    assert store.respond("alice", "k1", print_, work).status_code == 201
    assert work.calls == 1
