"""`python -m evals.bench`: how fast the offline router decides, what the agent adds on top of
Stripe per turn, and how many prompt tokens the LLM path pays before any conversation.

Each figure is printed beside its target. Timings are wall-clock on this machine; they are
for spotting regressions, not for comparing machines.
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from evals.cases import DEFAULT_TODAY, PLACEHOLDER, load_cases
from evals.summary import percentile

TRANSCRIPTS = Path(__file__).resolve().parent / "transcripts"
ROUTER_P50_MS = 0.5
OVERHEAD_P50_MS = 10.0
PROMPT_TOKENS = 1200

_STAND_INS = {
    "payment": "pi_3BenchPay0001",
    "charge": "ch_3BenchChg0001",
    "price": "price_1BenchPrc01",
    "product": "prod_BenchProd01",
}


def _stand_in(name: str) -> str:
    """A realistic value for a placeholder, so the router reads text shaped like the real one."""
    kind, _, rest = name.partition(".")
    if kind == "customer":
        if rest.endswith(".email"):
            return "jane@example.com"
        if rest.endswith(".name"):
            return "Jane Cooper"
        return "cus_BenchCust001"
    return _STAND_INS.get(kind, "x")


def utterances(root: Path = TRANSCRIPTS) -> list[tuple[str, date]]:
    """Every user turn of the eval corpus, placeholders filled with stand-ins."""
    out = []
    for case in load_cases([root]):
        for turn in case.turns:
            text = PLACEHOLDER.sub(lambda m: _stand_in(m.group(1)), turn.user)
            out.append((text, case.today or DEFAULT_TODAY))
    return out


def bench_router(passes: int = 5) -> dict[str, float]:
    from agent.offline_router import route

    texts = utterances()
    for text, today in texts:  # warm-up: imports, caches
        route(text, today=today)
    samples = []
    started = time.perf_counter()
    for _ in range(passes):
        for text, today in texts:
            t0 = time.perf_counter_ns()
            route(text, today=today)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    total = time.perf_counter() - started
    return {
        "utterances": len(texts),
        "decisions_per_s": round(len(samples) / total, 1),
        "p50_ms": percentile(samples, 50),
        "p99_ms": percentile(samples, 99),
    }


def _bench_messages(refs: dict[str, str]) -> Iterator[str]:
    """A mix of turns: reads of every kind, and money requests answered no (nothing moves)."""
    payment = refs.get("payment.usd_succeeded", "pi_missing")
    script = [
        "what's my balance?",
        "show me the last 5 payments",
        "find customer jane@example.com",
        "how did we do last month?",
        "list failed payments from last week",
        f"refund $1 of {payment}",
        "no",
        "charge jane@example.com $5 for a test",
        "cancel",
        "search customers for studio",
    ]
    while True:
        yield from script


def bench_overhead(turns: int = 100, warmup: int = 10) -> dict[str, float]:
    """/api/agent/chat over real HTTP (uvicorn on loopback, a keep-alive client), minus the
    time the reply says was spent waiting on Stripe."""
    import httpx

    from agent.settings import AgentSettings
    from api.platform import Platform
    from api.settings import ApiSettings
    from sandbox.runner import start_seeded_sandbox

    key = "bench_" + secrets.token_hex(12)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        running = start_seeded_sandbox()
        agent: dict[str, Any] = {
            "AGENT_ROUTER": "offline",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
        }
        platform = Platform.start(
            sandbox=running,
            agent_settings=AgentSettings(**agent),
            api_settings=ApiSettings(AGENT_API_KEYS=f"bench={key}"),
        )
        try:
            with _served(platform) as url, httpx.Client(base_url=url, timeout=30) as client:
                samples = _drive(client, key, running.refs, turns, warmup)
        finally:
            platform.close()
            running.stop()
    overheads = [total - stripe for total, stripe in samples]
    return {
        "turns": len(samples),
        "p50_ms": percentile(overheads, 50),
        "p99_ms": percentile(overheads, 99),
        "latency_p50_ms": percentile([t for t, _ in samples], 50),
        "stripe_p50_ms": percentile([s for _, s in samples], 50),
    }


@contextmanager
def _served(platform: Any) -> Iterator[str]:
    """The app under uvicorn in a thread on a free loopback port; stopped on exit."""
    import socket
    import threading

    import uvicorn

    from api.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(platform), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _drive(
    client: Any, key: str, refs: dict[str, str], turns: int, warmup: int
) -> list[tuple[float, float]]:
    headers = {"Authorization": f"Bearer {key}"}
    messages = _bench_messages(refs)
    samples: list[tuple[float, float]] = []
    session = "bench-" + secrets.token_hex(6)
    for i in range(warmup + turns):
        if i % 10 == 0:
            session = "bench-" + secrets.token_hex(6)
        body = {"message": next(messages), "session_id": session, "today": "2026-06-15"}
        started = time.perf_counter()
        reply = client.post("/api/agent/chat", json=body, headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
        reply.raise_for_status()
        if i >= warmup:
            samples.append((elapsed, float(reply.json().get("stripe_ms", 0.0))))
    return samples


def bench_tokens() -> dict[str, int]:
    import prompts
    from agent.tokens import PER_MESSAGE, count_text, count_tools
    from agent.tool_schemas import openai_tools

    system = count_text(prompts.load("system")) + PER_MESSAGE
    tools = count_tools(openai_tools())
    return {"system_prompt": system, "tool_schemas": tools, "total": system + tools}


def _line(label: str, value: str, target: str, ok: bool) -> str:
    return f"{label:<34}{value:<34}target {target:<16}{'ok' if ok else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    args.add_argument("--turns", type=int, default=100, help="agent turns for the overhead")
    args.add_argument("--skip-sandbox", action="store_true", help="skip the overhead figure")
    opts = args.parse_args(argv)
    r = bench_router()
    print(
        f"offline router over {r['utterances']} eval utterances: "
        f"{r['decisions_per_s']:.0f} decisions/s"
    )
    print(
        _line(
            "  router latency",
            f"p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms",
            f"p50 <= {ROUTER_P50_MS} ms",
            r["p50_ms"] <= ROUTER_P50_MS,
        )
    )
    if not opts.skip_sandbox:
        o = bench_overhead(turns=opts.turns)
        print(
            f"agent turn overhead on the sandbox over {o['turns']} turns "
            f"(/api/agent/chat minus stripe_ms; latency p50 {o['latency_p50_ms']} ms, "
            f"stripe p50 {o['stripe_p50_ms']} ms)"
        )
        print(
            _line(
                "  overhead",
                f"p50 {o['p50_ms']} ms, p99 {o['p99_ms']} ms",
                f"p50 <= {OVERHEAD_P50_MS} ms",
                o["p50_ms"] <= OVERHEAD_P50_MS,
            )
        )
    t = bench_tokens()
    print(
        _line(
            "prompt tokens (LLM path)",
            f"{t['total']} (system {t['system_prompt']} + tools {t['tool_schemas']})",
            f"<= {PROMPT_TOKENS}",
            t["total"] <= PROMPT_TOKENS,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
