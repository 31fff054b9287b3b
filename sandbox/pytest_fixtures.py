"""Pytest fixtures for the sandbox; import them into a conftest:

    from sandbox.pytest_fixtures import empty_sandbox, fresh_sandbox, sandbox  # noqa: F401

`sandbox`: one seeded sandbox per test session (per xdist worker); tests may add objects to it
but should not rely on what other tests did. `fresh_sandbox`: private to one test, emptied and
seeded anew (the same dataset, new ids; costs a seeding, ~3 s). `empty_sandbox`: private to one
test and empty (cheap). The last two share one spare sandbox process per worker, reset before
each test that asks for either.
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


_SPARE: list[RunningSandbox] = []


def spare_sandbox() -> RunningSandbox:
    """One more sandbox per process, started on first use and stopped at exit (atexit). A
    module-level singleton, so that importing the fixtures alone is enough to use them."""
    if not _SPARE or not _SPARE[0].sandbox.running:
        _SPARE[:] = [start_seeded_sandbox(seed=False)]
    return _SPARE[0]


@pytest.fixture
def fresh_sandbox() -> RunningSandbox:
    return spare_sandbox().reset(seed=True)


@pytest.fixture
def empty_sandbox() -> RunningSandbox:
    return spare_sandbox().reset(seed=False)
