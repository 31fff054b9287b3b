"""Prompts as versioned text files, measured in tokens (see evals/bench.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def load(name: str) -> str:
    """The text of `prompts/<name>.md`, without trailing whitespace."""
    return (HERE / f"{name}.md").read_text(encoding="utf-8").strip()
