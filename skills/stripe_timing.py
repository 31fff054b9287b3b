"""Time spent waiting on Stripe, accumulated per turn, so benchmarks can separate our overhead
from the network (the agent's turn overhead = turn latency minus this)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[list[float] | None] = ContextVar("stripe_time", default=None)


@contextmanager
def measuring() -> Iterator[list[float]]:
    """Collect Stripe time (seconds) of everything run inside; read `[0]` afterwards."""
    box = [0.0]
    token = _current.set(box)
    try:
        yield box
    finally:
        _current.reset(token)


@contextmanager
def stripe_call() -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        box = _current.get()
        if box is not None:
            box[0] += time.perf_counter() - started
