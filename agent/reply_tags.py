"""An LLM's plain-text reply carries its kind as a leading tag ("[clarify] Which payment?"),
as the system prompt asks; untagged text is an answer."""

from __future__ import annotations

import re

from agent.outcomes import ReplyKind

_TAG = re.compile(r"^\s*\[(clarify|out_of_scope|refuse|answer)\]\s*", re.IGNORECASE)


def split_tag(text: str) -> tuple[ReplyKind, str]:
    match = _TAG.match(text)
    if not match:
        return "answer", text.strip()
    kind = match.group(1).lower()
    return kind, text[match.end() :].strip()  # type: ignore[return-value]
