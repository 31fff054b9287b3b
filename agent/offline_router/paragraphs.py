"""A message's paragraphs: a pasted text above, the user's own request in the last one.

One place for where a paragraph ends, for the readers that take a pasted value into the request
(header_pointers, pasted_lines, pasted_paragraphs) and those that read the request first
(clauses, slots).
"""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paste_and_request(message: str) -> tuple[str, str] | None:
    """(what stands above the last paragraph, the last paragraph), or None for one paragraph."""
    parts = PARAGRAPH_BREAK.split(message.strip())
    if len(parts) < 2:
        return None
    return "\n\n".join(parts[:-1]), parts[-1]


def with_request(message: str, request: str, typed: str) -> str:
    """The message with its last paragraph, `request`, written as `typed`."""
    return message[: message.rstrip().rfind(request)] + typed


def last_paragraph_start(text: str) -> int | None:
    """Where the last paragraph of `text` starts, or None when there is only one."""
    breaks = list(PARAGRAPH_BREAK.finditer(text))
    return breaks[-1].end() if breaks else None
