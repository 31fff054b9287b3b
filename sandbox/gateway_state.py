"""What the gateway remembers beside localstripe: all of it in memory, gone with the process.

Each table exists because localstripe cannot hold that fact itself: replies kept per
idempotency key, backdated `created` times, parameters localstripe would refuse, Prices (which
localstripe lacks: each recurring one lives upstream as a Plan with the same id), injected
faults, the seed manifest, and the request journal that the contract checks read.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sandbox.gateway_forms import as_list


@dataclass
class Call:
    """One `/v1` request as the handlers see it."""

    method: str
    path: str
    raw: str
    params: dict[str, Any]
    idempotency_key: str | None = None
    account: str | None = None

    @property
    def expand(self) -> list[str]:
        return [str(p) for p in as_list(self.params.get("expand"))]

    def without(self, *keys: str) -> dict[str, Any]:
        return {k: v for k, v in self.params.items() if k not in keys}


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Remembered:
    """The first answer given for an idempotency key, and what it was an answer to."""

    method: str
    path: str
    params: dict[str, Any]
    reply: Reply


@dataclass
class Fault:
    path_prefix: str
    status: int
    count: int = 1
    method: str | None = None
    should_retry: bool = False

    def matches(self, method: str, path: str) -> bool:
        return path.startswith(self.path_prefix) and self.method in (None, method)


@dataclass
class State:
    journal: list[dict[str, Any]] = field(default_factory=list)
    remembered: dict[tuple[str | None, str], Remembered] = field(default_factory=dict)
    key_locks: dict[tuple[str | None, str], asyncio.Lock] = field(default_factory=dict)
    backdates: dict[str, int] = field(default_factory=dict)
    aside: dict[str, dict[str, Any]] = field(default_factory=dict)
    prices: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    generation: int = 0
    collections: dict[str, tuple[int, list[dict[str, Any]]]] = field(default_factory=dict)
    index: dict[str, dict[str, Any]] = field(default_factory=dict)
    index_generation: int = 0
    money_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    sequence: dict[str, int] = field(default_factory=dict)

    def changed(self) -> None:
        """Something upstream or in a side table changed: cached shapes are stale."""
        self.generation += 1

    def keep_aside(self, obj_id: str, fields: dict[str, Any]) -> None:
        """Remember fields for an object; the copy already seen is updated in place (saves
        re-reading it upstream), cached collections are dropped."""
        if not fields:
            return
        self.aside.setdefault(obj_id, {}).update(fields)
        seen = self.indexed().get(obj_id)
        if seen is not None:
            seen.update(fields)
        self.collections.clear()

    def saw_created(self, obj: Any) -> None:
        """Number objects in the order they were created: Stripe lists objects created in the
        same second newest first too, which `created` alone cannot tell."""
        if isinstance(obj, list):
            for item in obj:
                self.saw_created(item)
        elif isinstance(obj, dict):
            obj_id = obj.get("id")
            if isinstance(obj_id, str) and obj.get("object") not in ("list", None):
                self.sequence.setdefault(obj_id, len(self.sequence))
            for value in obj.values():
                if isinstance(value, dict | list):
                    self.saw_created(value)

    def order_key(self, obj: dict[str, Any]) -> tuple[int, int, str]:
        """Newest-first sort key: created time, then creation order, then id."""
        obj_id = str(obj.get("id"))
        return int(obj.get("created") or 0), self.sequence.get(obj_id, -1), obj_id

    def key_lock(self, key: tuple[str | None, str]) -> asyncio.Lock:
        return self.key_locks.setdefault(key, asyncio.Lock())

    def take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.count > 0 and fault.matches(method, path):
                fault.count -= 1
                if fault.count == 0:
                    self.faults.remove(fault)
                return fault
        return None

    def indexed(self) -> dict[str, dict[str, Any]]:
        """Objects seen since the last change, by id: expansion looks here before upstream."""
        if self.index_generation != self.generation:
            self.index = {}
            self.index_generation = self.generation
        return self.index

    def reset(self) -> None:
        fresh = State()
        names = ("journal", "remembered", "key_locks", "backdates", "aside", "prices", "sequence")
        for name in names:
            setattr(self, name, getattr(fresh, name))
        self.faults, self.manifest, self.collections = [], None, {}
        self.changed()
