"""LLM recordings: `--record` writes a cassette through vcrpy (secrets filtered), replay needs no
endpoint, and a replayed reply names the live ids, not the recorded ones.

The "endpoint" is a loopback stand-in speaking OpenAI's chat-completions shape; it answers
every request with a refund of the payment id in the last user message.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from evals.cases import Case
from evals.runner import RunOptions, run_eval

KEY = "sk-test-recording-secret-123"


class _Endpoint(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        last = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
        payment = re.search(r"pi_\w+", str(last))
        args = json.dumps({"payment": payment.group(0) if payment else "pi_none"})
        call = {
            "id": "call_abc123def",
            "type": "function",
            "function": {"name": "refund_payment", "arguments": args},
        }
        reply = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "tool_calls",
                    "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                }
            ],
            "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15},
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def _case(payment: str) -> Case:
    expect = {"tool": "refund_payment", "args": {"payment": payment}, "confirm": True}
    return Case.model_validate(
        {
            "id": "rec-01",
            "category": "refund_payment",
            "backend": "dry",
            "turns": [{"user": f"refund {payment}", "expect": expect}],
        }
    )


def test_a_recorded_case_replays_without_an_endpoint_and_with_the_live_ids(
    endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cassettes = tmp_path / "cassettes"
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", endpoint)
    recorded = run_eval(
        [_case("pi_AAAAAAAA01")], RunOptions(router="openai", record=True, cassettes=cassettes)
    )
    assert recorded.cases[0].passed
    (cassette,) = cassettes.rglob("*.yaml")
    assert KEY not in cassette.read_text()

    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    replayed = run_eval([_case("pi_BBBBBBBB02")], RunOptions(router="openai", cassettes=cassettes))
    (turn,) = replayed.cases[0].runs[0].turns
    assert turn.passed, turn.why
    assert turn.actual["args"] == {"payment": "pi_BBBBBBBB02"}
    assert turn.record is not None and turn.record.llm_calls == 1
