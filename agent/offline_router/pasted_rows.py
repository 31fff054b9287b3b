"""Rows of a pasted bank statement or sheet ("2026-04-03  WAYNE ENT  1,200.00"): their cells are
data, neither the user's filters nor a note's request beyond the row."""

from __future__ import annotations

import re

_ROW = re.compile(
    r"^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b|\S(?: {2,}|\t|\s\|\s)\S"
)
"""A statement or sheet row: it opens on a date, or its cells are set apart by wide gaps."""


def line_around(text: str, at: int) -> tuple[int, int]:
    """The [start, end) offsets of the line holding offset `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, end if end >= 0 else len(text)


def pasted_row(text: str, at: int, *, up_to_at: bool = False) -> bool:
    """Whether offset `at` sits on a row pasted after the message's first line (judged on the
    line's text up to `at` only, with `up_to_at`: a note opening mid-row)."""
    start, end = line_around(text, at)
    return start > 0 and _ROW.search(text[start : at if up_to_at else end]) is not None
