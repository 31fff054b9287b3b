"""The tool schemas an LLM sees, generated from each skill's args model and compacted.

pydantic's JSON schema repeats titles and spells `X | None` as anyOf-with-null; those words are
paid for on every LLM turn and tell the model nothing, so they are dropped here. The content
(names, types, enums, bounds, descriptions) is exactly the args model's.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from agent.lookup_tool import DESCRIPTION as LOOKUP_DESCRIPTION
from agent.lookup_tool import LOOKUP_TOOL, LookupArgs
from skills import SKILLS


def compact(schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return walk(defs[node["$ref"].split("/")[-1]])
        options = node.get("anyOf")
        if options and any(o.get("type") == "null" for o in options):
            rest = [o for o in options if o.get("type") != "null"]
            merged = {
                **(rest[0] if len(rest) == 1 else {"anyOf": rest}),
                **{k: v for k, v in node.items() if k not in {"anyOf", "default"}},
            }
            return walk(merged)
        return {
            k: walk(v)
            for k, v in node.items()
            if k not in {"title", "$defs"} and not (k == "default" and v is None)
        }

    out = walk(schema)
    out.pop("additionalProperties", None)
    return out  # type: ignore[no-any-return]


def _function(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {"name": name, "description": description, "parameters": compact(schema)},
    }


@cache
def openai_tools() -> tuple[dict[str, Any], ...]:
    """The eight skills, then the payment lookup the agent may need before a refund."""
    skills = [_function(s.name, s.description, s.tool_schema()) for s in SKILLS.values()]
    lookup = _function(LOOKUP_TOOL, LOOKUP_DESCRIPTION, LookupArgs.model_json_schema())
    return (*skills, lookup)
