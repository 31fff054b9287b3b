"""Shared expectations for the offline router tests, compared the way the eval runner compares.

A case is (message, expected) where expected is either a tool call `{"tool": T, "args": A}` or a
reply kind `{"kind": K}`. Arguments compare like the eval: currency/email lowercase, names and
descriptions case- and space-insensitive, a missing currency equal to "usd".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from agent.offline_router import RouterContext, RouterDecision, route
from agent.offline_router.models import ToolCall

TODAY = date(2026, 6, 15)  # a Monday: last week = 2026-06-08..14, last month = May
_TEXT_ARGS = {"name", "description", "customer", "query"}


def normalise(args: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in args.items():
        if key in ("currency", "email") and isinstance(value, str):
            value = value.lower()
        if key in _TEXT_ARGS and isinstance(value, str):
            value = " ".join(value.casefold().split())
        out[key] = value
    if out.get("currency") == "usd":
        out.pop("currency")
    return out


def tool(skill: str, /, **args: Any) -> dict[str, Any]:
    return {"tool": skill, "args": args}


def kind(name: str) -> dict[str, Any]:
    return {"kind": name}


def check(
    message: str,
    expected: dict[str, Any],
    context: RouterContext | None = None,
    today: date = TODAY,
) -> RouterDecision:
    decision = route(message, today=today, context=context)
    got = {"kind": decision.kind, "tool": decision.tool, "args": normalise(decision.args)}
    if "tool" in expected:
        want = {"kind": "tool", "tool": expected["tool"], "args": normalise(expected["args"])}
    else:
        want = {"kind": expected["kind"], "tool": None, "args": got["args"]}
    assert got == want, f"{message!r}: {decision.text!r} conf={decision.confidence}"
    return decision


def variants(message: str) -> list[str]:
    """The same request as different people type it: bare, lowercase without punctuation,
    polite, as a question, with a greeting."""
    bare = message.rstrip("?!.")
    words = [w if ("_" in w or "@" in w) else w.lower() for w in bare.split(" ")]
    plain = "".join(c for c in " ".join(words) if c not in "?!").replace(", ", " ")
    return [
        message,
        plain,
        f"please {bare[:1].lower()}{bare[1:]}",
        f"can you {bare[:1].lower()}{bare[1:]}?",
        f"hey, {bare[:1].lower()}{bare[1:]} thanks",
    ]


def expand(cases: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """Every case in all its `variants` (duplicates removed)."""
    out: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for message, expected in cases:
        for variant in variants(message):
            if variant not in seen:
                seen.add(variant)
                out.append((variant, expected))
    return out


def waiting(skill: str, **args: Any) -> RouterContext:
    """The context of a money action awaiting its yes (it is also the last call made)."""
    call = ToolCall(skill=skill, args=args)
    return RouterContext(pending_action=call, last_call=call)
