"""A pasted invoice or quote line picked by its label: "refund just the express shipping line",
"charge oliver@… the deposit" under "Express shipping   $14.95" or "Deposit (25%):   £900.00".

The line's amount is put where the request named the line, so the request reads as if the
user had typed the amount ("refund just $14.95 on that charge"); the paste stays what it was.
Only a label that names exactly one line holding one amount is read; the total has its own
reader (header_pointers), and a label the request does not name picks nothing.
"""

from __future__ import annotations

import re

from agent.offline_router.paragraphs import paste_and_request, with_request

_LINE = re.compile(
    r"^[ \t>|-]*(?P<label>[A-Za-z][A-Za-z &/'’-]{1,40}?)[ \t]*(?:\([^)\n]{0,30}\))?"
    r"[ \t]*[:.]*[ \t]+"
    r"(?P<amount>[$€£¥][ \t]?\d[\d,.]*|\d[\d,.]*[ \t]?(?:[$€£¥]|[A-Z]{3}\b))[ \t]*$",
    re.M,
)
_NAMED = re.compile(r"\b(?:the|that)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_MAX_LABEL_WORDS = 4
_NOT_LABELS = frozenset({"total", "subtotal", "sub total", "tax", "vat", "amount", "balance"})


def with_line_amount(message: str) -> str:
    """The message with "the <label>" in its last paragraph replaced by that line's amount."""
    split = paste_and_request(message)
    if split is None:
        return message
    pasted, request = split
    lines: dict[str, list[str]] = {}
    for m in _LINE.finditer(pasted):
        lines.setdefault(_key(m["label"]), []).append(m["amount"].strip())
    for the in _NAMED.finditer(request):
        span = _label_named(request, the.end(), lines)
        if span is not None:
            end, amount = span
            return with_request(
                message, request, f"{request[: the.start()]}{amount}{request[end:]}"
            )
    return message


def _label_named(request: str, at: int, lines: dict[str, list[str]]) -> tuple[int, str] | None:
    """Where the words from `at` that name a line's label end (with a "line" after them), and
    that line's amount; the longest label named wins."""
    words = list(_WORD.finditer(request, at))[:_MAX_LABEL_WORDS]
    found = None
    for n in range(1, len(words) + 1):
        if request[words[0].start() : words[n - 1].end()].count("\n"):
            break
        key = _key(" ".join(w.group() for w in words[:n]))
        amounts = lines.get(key)
        if key not in _NOT_LABELS and amounts is not None and len(amounts) == 1:
            end = words[n - 1].end()
            after = _LINE_WORD.match(request, end)
            found = (after.end() if after else end, amounts[0])
    return found


_LINE_WORD = re.compile(r"\s+line\b", re.I)


def _key(label: str) -> str:
    return " ".join(label.lower().replace("’", "'").split())
