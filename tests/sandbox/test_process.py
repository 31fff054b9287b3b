"""Starting and stopping the sandbox: it answers when started and leaves no process behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sandbox.process import (
    PACKAGE_ROOT,
    Sandbox,
    SandboxError,
    _private_tmp_namespace,
    free_port,
    localstripe_command,
)


def gone(pid: int) -> bool:
    """True when no live process has this pid (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def wait_until(condition: object, limit: float = 15.0) -> bool:
    """Poll a condition (bounded wait; the test asserts the outcome, never the duration)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_started_sandbox_answers_on_loopback_and_stop_leaves_no_process() -> None:
    with Sandbox() as sb:
        assert sb.url.startswith("http://127.0.0.1:")
        assert sb.api_key.startswith("sk_test_")
        answer = sb.control("GET", "/v1/customers", auth=(sb.api_key, ""))
        assert answer.status_code == 200
        assert answer.json()["object"] == "list"
        pids = list(sb.pids.values())
        assert len(pids) == 2 and not any(gone(p) for p in pids)
    assert all(gone(p) for p in pids)
    assert sb.pids == {} and not sb.running
    sb.stop()  # stopping again is harmless


def test_a_start_failure_raises_with_both_logs() -> None:
    with Sandbox() as first:
        taken = int(first.url.rsplit(":", 1)[1])
        clash = Sandbox(port=taken)
        with pytest.raises(SandboxError) as failure:
            clash.start()
    message = str(failure.value)
    assert "gateway" in message and "localstripe log" in message
    assert clash.pids == {}


def test_killing_the_owner_outright_takes_both_processes_down() -> None:
    script = (
        "import json, time\n"
        "from sandbox.process import Sandbox\n"
        "sb = Sandbox().start()\n"
        "print(json.dumps(sb.pids), flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
    owner = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, text=True
    )
    assert owner.stdout is not None
    pids = json.loads(owner.stdout.readline())
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    assert wait_until(lambda: all(gone(p) for p in pids.values()))


def test_free_port_is_bindable() -> None:
    import socket

    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_localstripe_runs_plainly_where_a_private_tmp_is_not_wanted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SANDBOX_PRIVATE_TMP", "0")
    _private_tmp_namespace.cache_clear()
    try:
        command = localstripe_command(4242)
    finally:
        _private_tmp_namespace.cache_clear()
    assert command == [sys.executable, "-m", "localstripe", "--port", "4242", "--from-scratch"]
