"""Decode Stripe's bracketed form encoding into the nested tree Stripe's server sees.

Stripe parses query strings and form bodies with Rack-style nested keys
(`items[0][price]=p`, `expand[]=a`, `metadata[k]=v`). The contract check must
validate that tree, not the flat pairs on the wire, or it would miss nested
mistakes. Leaves stay strings: only the schema knows whether "10" is a number.

`name[]` appends to a list; `name[0]` is a key of an object whose keys are all
digits, which Stripe (and the contract check) reads as an array wherever the
schema expects one.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

FormValue = str | list["FormValue"] | dict[str, "FormValue"]
FormTree = dict[str, FormValue]


class FormDecodeError(ValueError):
    """The wire data cannot be a Stripe request (e.g. `a=1&a[b]=2`)."""


def decode_form(raw: str) -> FormTree:
    """Turn `a[b][0]=x&c[]=y` into `{"a": {"b": {"0": "x"}}, "c": ["y"]}`.

    Repeated plain keys keep the last value, as Rack does.
    """
    root: FormTree = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        _insert(root, split_key(key), value, key)
    return root


def split_key(key: str) -> list[str]:
    """'items[0][price]' -> ['items', '0', 'price']; 'expand[]' -> ['expand', '']."""
    head, bracket, rest = key.partition("[")
    if not bracket:
        return [key]
    if not head:
        raise FormDecodeError(f"malformed parameter name {key!r}")
    parts = [head]
    rest = bracket + rest
    while rest:
        end = rest.find("]")
        if not rest.startswith("[") or end < 0:
            raise FormDecodeError(f"malformed parameter name {key!r}")
        parts.append(rest[1:end])
        rest = rest[end + 1 :]
    return parts


def _insert(node: dict[str, FormValue], parts: list[str], value: str, key: str) -> None:
    name, rest = parts[0], parts[1:]
    current = node.get(name)
    if not rest:
        if isinstance(current, dict | list):
            raise _conflict(key)
        node[name] = value
    elif rest[0] == "":
        if current is None:
            current = node[name] = []
        if not isinstance(current, list):
            raise _conflict(key)
        _append(current, rest[1:], value, key)
    else:
        if current is None:
            current = node[name] = {}
        if not isinstance(current, dict):
            raise _conflict(key)
        _insert(current, rest, value, key)


def _append(items: list[FormValue], parts: list[str], value: str, key: str) -> None:
    """Rack's rule: `a[][x]=1&a[][y]=2` fills one object; a repeated `x` starts the next."""
    if not parts:
        items.append(value)
        return
    if parts[0] == "":
        raise FormDecodeError(f"nested lists are not supported in {key!r}")
    last = items[-1] if items else None
    if not isinstance(last, dict) or _has_path(last, parts):
        last = {}
        items.append(last)
    _insert(last, parts, value, key)


def _has_path(node: FormValue, parts: list[str]) -> bool:
    for part in (p for p in parts if p):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _conflict(key: str) -> FormDecodeError:
    return FormDecodeError(f"parameter {key!r} is sent both as a value and as nested parameters")
