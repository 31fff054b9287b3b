"""Stripe's form encoding: `a[b]=1`, `items[0][price]=x`, `expand[]=y` <-> nested Python values.

Stripe's SDKs send every parameter, for GET and POST alike, in this one encoding; lists come
either indexed (`expand[0]=x`, as stripe-python sends them) or bare (`expand[]=x`, as curl
users write them). The gateway reads both and always writes the indexed form upstream.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_PART = re.compile(r"\[([^\[\]]*)\]")


def parse_pairs(raw: str) -> list[tuple[str, str]]:
    """The (key, value) pairs of an urlencoded string, blanks kept (`x=` unsets in Stripe)."""
    return parse_qsl(raw, keep_blank_values=True)


def unflatten(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Nest bracketed keys; dicts whose keys are all digits become lists in index order."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        match = _KEY.match(key)
        if not match:
            root[key] = value
            continue
        parts = [match.group(1), *_PART.findall(match.group(2))]
        _insert(root, parts, value)
    return _listify(root)


def _insert(node: dict[str, Any], parts: list[str], value: str) -> None:
    for i, part in enumerate(parts[:-1]):
        nxt = parts[i + 1]
        if nxt == "":
            node.setdefault(part, {})
            bucket = node[part]
            if isinstance(bucket, dict):
                bucket[str(len(bucket))] = value
            return
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def _listify(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    converted = {k: _listify(v) for k, v in value.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


def flatten(params: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """The inverse of `unflatten`, lists indexed; booleans as `true`/`false`, None as blank."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        pairs.extend(_flatten_value(name, value))
    return pairs


def _flatten_value(name: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return flatten(value, name)
    if isinstance(value, list):
        out: list[tuple[str, str]] = []
        for i, item in enumerate(value):
            out.extend(_flatten_value(f"{name}[{i}]", item))
        return out
    if isinstance(value, bool):
        return [(name, "true" if value else "false")]
    return [(name, "" if value is None else str(value))]


def encode(params: dict[str, Any]) -> str:
    return urlencode(flatten(params))


def as_list(value: Any) -> list[Any]:
    """A parameter that may arrive as one value or as a list (`expand`, `lookup_keys`)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def words(text: str) -> frozenset[str]:
    """A set of names written as one space-separated string (long tables stay readable)."""
    return frozenset(text.split())


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).lower()
    if text in ("true", "false"):
        return text == "true"
    return None
