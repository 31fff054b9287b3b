"""Pytest fixtures for the sandbox; import them into a conftest:

    from sandbox.pytest_fixtures import fresh_sandbox, sandbox  # noqa: F401

`sandbox` is one seeded sandbox per test session (per xdist worker): tests may add objects to
it but should not rely on what other tests did. `fresh_sandbox` is empty and private to one
test: a second, unseeded sandbox per process, reset before each test that asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.runner import RunningSandbox, start_seeded_sandbox


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    running = start_seeded_sandbox(seed=True)
    try:
        yield running
    finally:
        running.stop()


_EMPTY: list[RunningSandbox] = []


def _empty_sandbox() -> RunningSandbox:
    """One unseeded sandbox per process, started on first use and stopped at exit (atexit):
    a module-level singleton so that importing `fresh_sandbox` alone is enough."""
    if not _EMPTY or not _EMPTY[0].sandbox.running:
        _EMPTY[:] = [start_seeded_sandbox(seed=False)]
    return _EMPTY[0]


@pytest.fixture
def fresh_sandbox() -> RunningSandbox:
    return _empty_sandbox().reset(seed=False)
