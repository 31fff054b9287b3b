"""The `stripe-agent` command: help everywhere, one-shot `ask`, the interactive `chat`, and
`serve` answering over HTTP. Each starts its own sandbox, as a user's would."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    return tmp_path


@pytest.mark.parametrize("command", [[], ["serve"], ["sandbox"], ["chat"], ["ask"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_ask_prints_the_api_json(workdir: Path) -> None:
    result = runner.invoke(app, ["ask", "what's my balance?", "--json", "--today", "2026-06-15"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["kind"] == "answer"
    assert body["reply"].startswith("Available:")
    assert body["mode"] == "sandbox"


def test_ask_rejects_a_bad_date(workdir: Path) -> None:
    result = runner.invoke(app, ["ask", "balance", "--today", "someday"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_chat_confirmation_prompt_then_yes(workdir: Path) -> None:
    lines = "refund $1 of the first one\n"
    result = runner.invoke(
        app, ["chat"], input=f"show me the last 3 succeeded payments\n{lines}yes\nquit\n"
    )
    assert result.exit_code == 0, result.output
    assert "Confirm money action" in result.output
    assert "Refunded $1.00" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_the_balance_question(workdir: Path) -> None:
    port = _free_port()
    env = {**os.environ, "AGENT_API_KEYS": "tester=key-serve-0123456789", "PYTHONUNBUFFERED": "1"}
    env.pop("STRIPE_API_KEY", None)
    log = (workdir / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        reply = httpx.post(
            f"http://127.0.0.1:{port}/api/agent/chat",
            json={"message": "what's my balance?"},
            headers={"Authorization": "Bearer key-serve-0123456789"},
            timeout=30,
        )
        assert reply.status_code == 200
        assert reply.json()["kind"] == "answer"
        assert reply.json()["reply"].startswith("Available:")
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
