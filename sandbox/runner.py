"""A seeded sandbox in one call, for tests, evals and the `stripe-agent sandbox` command."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any

import httpx

from sandbox.manifest import SeedManifest
from sandbox.process import Sandbox
from sandbox.seed import seed as seed_sandbox

SHOWN_REFS = (
    "customer.jane.id",
    "customer.dana.id",
    "customer.alex_kim_1.id",
    "customer.alex_kim_2.id",
    "payment.usd_succeeded",
    "payment.partly_refunded",
    "payment.failed",
    "price.pro_monthly",
)


@dataclass
class RunningSandbox:
    """A started sandbox and, when seeded, what it holds."""

    sandbox: Sandbox
    manifest: SeedManifest | None = None

    @property
    def url(self) -> str:
        return self.sandbox.url

    @property
    def api_key(self) -> str:
        return self.sandbox.api_key

    @property
    def refs(self) -> dict[str, str]:
        return dict(self.manifest.refs) if self.manifest else {}

    def reset(
        self, *, seed: bool = False, now: datetime | None = None, rng_seed: int = 7
    ) -> RunningSandbox:
        """Empty the sandbox in place (much faster than a new one), optionally seeding anew."""
        self.sandbox.reset()
        self.manifest = (
            seed_sandbox(self.url, self.api_key, now=now, rng_seed=rng_seed) if seed else None
        )
        return self

    def control(self, method: str, path: str, **options: Any) -> httpx.Response:
        """A request to the gateway's control paths, e.g. `control("POST", "/_sandbox/faults",
        json={...})`."""
        return self.sandbox.control(method, path, **options)

    def journal(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.control("GET", "/_sandbox/journal").json()
        return entries

    def clear_journal(self) -> None:
        self.control("DELETE", "/_sandbox/journal").raise_for_status()

    def stop(self) -> None:
        self.sandbox.stop()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_seeded_sandbox(
    *,
    seed: bool = True,
    port: int | None = None,
    now: datetime | None = None,
    rng_seed: int = 7,
) -> RunningSandbox:
    sandbox = Sandbox(port=port).start()
    try:
        manifest = (
            seed_sandbox(sandbox.url, sandbox.api_key, now=now, rng_seed=rng_seed) if seed else None
        )
    except BaseException:
        sandbox.stop()
        raise
    return RunningSandbox(sandbox, manifest)


def describe(running: RunningSandbox) -> str:
    """What a person needs to use the sandbox: where it is, which key, what is in it."""
    lines = [
        "Stripe sandbox (localstripe behind a Stripe-compatible gateway) is running.",
        "",
        f"  URL      {running.url}",
        f"  API key  {running.api_key}",
        "",
        "Point the service at it:",
        f"  STRIPE_API_BASE={running.url} STRIPE_API_KEY={running.api_key} stripe-agent serve",
    ]
    if running.manifest:
        lines += ["", "It holds:"]
        lines += [f"  {name:<16} {count}" for name, count in running.manifest.counts.items()]
        lines += ["", "Some named objects (all refs: GET /_sandbox/manifest):"]
        lines += [f"  {name:<26} {running.refs.get(name, '-')}" for name in SHOWN_REFS]
    lines += ["", "Press Ctrl-C to stop."]
    return "\n".join(lines)


def serve_sandbox_forever(port: int | None = None) -> None:
    """Start and seed, print how to use it, then block until Ctrl-C and stop cleanly."""
    running = start_seeded_sandbox(port=port)
    try:
        print(describe(running), flush=True)
        while running.sandbox.running:
            time.sleep(0.5)
        print("The sandbox stopped unexpectedly:\n" + running.sandbox.log_tail(), flush=True)
        raise SystemExit(1)
    except KeyboardInterrupt:
        print("\nStopping the sandbox.", flush=True)
    finally:
        running.stop()
