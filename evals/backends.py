"""Where eval cases run: `dry` (Stripe never called) or `sandbox` (a seeded local Stripe).

Sandbox cases change data (refunds, new customers), and README requires every sandbox case to
start from the seed. Re-seeding takes seconds, so a small pool of sandboxes is kept: a case
that wrote nothing to Stripe (its journal holds only GETs) leaves its sandbox exactly at the
seed and the next case reuses it; a case that wrote anything gets its sandbox reset and
re-seeded in the background while the next case runs on another.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx
from langchain_core.language_models import BaseChatModel
from pydantic import SecretStr

from agent.database import Database
from agent.factory import build_runner
from agent.runner import AgentRunner
from agent.settings import AgentSettings
from evals.cases import BackendName
from evals.end_state import KINDS
from skills.settings import SkillSettings, StripeSettings
from skills.stripe_service import StripeService


class Clock:
    """The gate's clock: real time, moved forward to age a pending action past its expiry."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


@dataclass
class CaseEnv:
    """What one case runs against."""

    runner: AgentRunner
    clock: Clock
    ttl_seconds: int
    refs: dict[str, str] = field(default_factory=dict)
    stripe: StripeObjects | None = None


class Backend(Protocol):
    name: BackendName
    hosts: set[tuple[str, int]]
    """(host, port) pairs of Stripe traffic, which LLM recordings must leave out."""

    def case_env(self) -> Any: ...

    def close(self) -> None: ...


ModelFactory = Callable[[], BaseChatModel]


def _runner(
    settings: AgentSettings, db: Database, model: BaseChatModel, stripe: StripeService | None
) -> tuple[AgentRunner, Clock]:
    clock = Clock()
    runner = build_runner(
        settings=settings,
        skill_settings=SkillSettings(),
        db=db,
        stripe=stripe,
        mode="dry" if stripe is None else "sandbox",
        model=model,
        clock=clock,
    )
    return runner, clock


class DryBackend:
    name: BackendName = "dry"

    def __init__(self, settings: AgentSettings, db: Database, model: ModelFactory) -> None:
        self.settings = settings
        self.runner, self.clock = _runner(settings, db, model(), None)
        self.hosts: set[tuple[str, int]] = set()

    @contextmanager
    def case_env(self) -> Iterator[CaseEnv]:
        yield CaseEnv(self.runner, self.clock, self.settings.confirm_ttl_seconds)

    def close(self) -> None:
        return None


class StripeObjects:
    """Reads a sandbox's objects over plain HTTP (Stripe's list shape), for end_state."""

    def __init__(self, url: str, api_key: str) -> None:
        self.client = httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {api_key}"}, timeout=30
        )

    def all(self, kind: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": 100}
        while True:
            page = self.client.get(f"/v1/{kind}", params=params)
            page.raise_for_status()
            body = page.json()
            out += body["data"]
            if not body.get("has_more") or not body["data"]:
                return out
            params["starting_after"] = body["data"][-1]["id"]

    def ids(self) -> dict[str, set[str]]:
        return {kind: {o["id"] for o in self.all(kind)} for kind in KINDS}

    def created_since(self, before: dict[str, set[str]]) -> dict[str, list[dict[str, Any]]]:
        return {kind: [o for o in self.all(kind) if o["id"] not in before[kind]] for kind in KINDS}

    def charge_payment_intent(self, charge_id: str) -> str | None:
        reply = self.client.get(f"/v1/charges/{charge_id}")
        return reply.json().get("payment_intent") if reply.status_code == 200 else None

    def close(self) -> None:
        self.client.close()


@dataclass
class _Slot:
    running: Any
    runner: AgentRunner
    clock: Clock
    objects: StripeObjects
    ready: cf.Future[None]
    reseeds: int = 0


class SandboxBackend:
    name: BackendName = "sandbox"

    def __init__(
        self, settings: AgentSettings, db: Database, model: ModelFactory, pool_size: int = 2
    ) -> None:
        from sandbox.runner import start_seeded_sandbox

        self.settings = settings
        self.pool = cf.ThreadPoolExecutor(max_workers=max(1, pool_size))
        starts = [self.pool.submit(start_seeded_sandbox) for _ in range(max(1, pool_size))]
        self.slots: list[_Slot] = []
        for started in starts:
            running = started.result()
            stripe = StripeService(
                StripeSettings(
                    api_key=SecretStr(running.api_key), api_base=running.url, max_retries=0
                )
            )
            runner, clock = _runner(settings, db, model(), stripe)
            done: cf.Future[None] = cf.Future()
            done.set_result(None)
            objects = StripeObjects(running.url, running.api_key)
            self.slots.append(_Slot(running, runner, clock, objects, done))
        self.hosts = {_host_port(s.running.url) for s in self.slots}

    @property
    def reseeds(self) -> int:
        return sum(s.reseeds for s in self.slots)

    @contextmanager
    def case_env(self) -> Iterator[CaseEnv]:
        slot = self._ready_slot()
        slot.running.clear_journal()
        try:
            yield CaseEnv(
                slot.runner,
                slot.clock,
                self.settings.confirm_ttl_seconds,
                refs=dict(slot.running.refs),
                stripe=slot.objects,
            )
        finally:
            self._release(slot)

    def _ready_slot(self) -> _Slot:
        done, _ = cf.wait([s.ready for s in self.slots], return_when=cf.FIRST_COMPLETED)
        slot = next(s for s in self.slots if s.ready in done)
        slot.ready.result()  # a failed re-seed fails loudly here
        return slot

    def _release(self, slot: _Slot) -> None:
        wrote = any(entry.get("method") != "GET" for entry in slot.running.journal())
        if wrote:
            slot.reseeds += 1
            slot.ready = self.pool.submit(self._reseed, slot)

    @staticmethod
    def _reseed(slot: _Slot) -> None:
        slot.running.reset(seed=True)

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot.ready.result()
            finally:
                slot.objects.close()
                slot.running.stop()
        self.pool.shutdown()


def _host_port(url: str) -> tuple[str, int]:
    parsed = httpx.URL(url)
    return parsed.host, parsed.port or 80
