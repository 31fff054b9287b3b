"""Check a decoded Stripe form tree against an OpenAPI 3.0 request schema.

This is not a general JSON-Schema validator: on the wire every leaf is a
string, so types are judged by what the string spells ("10" is an integer,
"true" a boolean), and an object schema that lists `properties` without
`additionalProperties` is closed, because Stripe rejects unknown nested
parameters. Problems are named by the parameter as it appears on the wire
(`items[0][plan]`), so a failing test points at the exact key that was sent.
"""

from __future__ import annotations

import re
from typing import Any

from .stripe_form import FormValue

Schema = dict[str, Any]

_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_REF_PREFIX = "#/components/schemas/"
_SCALAR_TYPES = {"string", "integer", "number", "boolean"}


class SchemaChecker:
    """Stateless apart from the spec's `components.schemas`, which `$ref`s point into."""

    def __init__(self, components: dict[str, Schema]) -> None:
        self._components = components

    def resolve(self, schema: Schema) -> Schema:
        """Follow `$ref`s and fold `allOf` into one schema."""
        while "$ref" in schema:
            ref = str(schema["$ref"])
            if not ref.startswith(_REF_PREFIX):
                raise ValueError(f"unsupported $ref {ref!r}")
            schema = self._components[ref.removeprefix(_REF_PREFIX)]
        if "allOf" in schema:
            return self._merge_all_of(schema)
        return schema

    def problems(self, value: FormValue, schema: Schema, name: str) -> list[str]:
        schema = self.resolve(schema)
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if alternatives:
            return self._alternatives(value, [self.resolve(a) for a in alternatives], name)
        if value == "" and schema.get("nullable"):
            return []
        kind = _kind(schema)
        if kind == "object":
            return self._object(value, schema, name)
        if kind == "array":
            return self._array(value, schema, name)
        if kind is None:
            return []
        if not isinstance(value, str):
            return [_expected(name, schema, value)]
        return _scalar(value, schema, name)

    def _alternatives(self, value: FormValue, alternatives: list[Schema], name: str) -> list[str]:
        """Pass if any alternative passes; otherwise blame the one the value was shaped for."""
        fitting = [a for a in alternatives if _fits_shape(value, a)]
        found = [self.problems(value, a, name) for a in fitting]
        if any(not problems for problems in found):
            return []
        precise = len(found) == 1 and not _is_unset_marker(fitting[0])
        if precise or (found and not isinstance(value, str)):
            return min(found, key=len)
        wanted = " or ".join(describe(a) for a in alternatives)
        return [f"{_quote(name)} must be {wanted}, got {_shown(value)}"]

    def _object(self, value: FormValue, schema: Schema, name: str) -> list[str]:
        if not isinstance(value, dict):
            return [_expected(name, schema, value)]
        properties: dict[str, Schema] = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        open_ended = extra is True or (extra is None and not properties)
        found: list[str] = []
        for key, item in value.items():
            child = _child(name, key)
            if key in properties:
                found += self.problems(item, properties[key], child)
            elif isinstance(extra, dict):
                found += self.problems(item, extra, child)
            elif not open_ended:
                found.append(f"unknown parameter {_quote(child)}")
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"missing required parameter {_quote(_child(name, key))}")
        return found

    def _array(self, value: FormValue, schema: Schema, name: str) -> list[str]:
        if isinstance(value, dict) and all(key.isdigit() for key in value):
            indexed = sorted(value.items(), key=lambda pair: int(pair[0]))
        elif isinstance(value, list):
            indexed = [(str(i), item) for i, item in enumerate(value)]
        else:
            return [_expected(name, schema, value)]
        item_schema: Schema = schema.get("items", {})
        found: list[str] = []
        for index, item in indexed:
            found += self.problems(item, item_schema, _child(name, index))
        return found

    def _merge_all_of(self, schema: Schema) -> Schema:
        parts = [self.resolve(s) for s in schema["allOf"]]
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        merged: Schema = {"properties": {}, "required": []}
        for part in [*parts, rest]:
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
            for key, val in part.items():
                merged.setdefault(key, val)
        if any(p.get("additionalProperties") is not False for p in parts if "properties" in p):
            merged.pop("additionalProperties", None)
        return merged


def describe(schema: Schema) -> str:
    """What a value must be, in words: 'an integer', "one of 'a', 'b'"."""
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        return " or ".join(describe(a) for a in alternatives)
    if "enum" in schema:
        if _is_unset_marker(schema):
            return "'' (empty, to unset)"
        listed = ", ".join(f"'{v}'" for v in schema["enum"])
        return listed if len(schema["enum"]) == 1 else f"one of {listed}"
    kind = _kind(schema)
    if kind == "integer" and schema.get("format") == "unix-time":
        return "an integer (unix time)"
    if kind == "string" and schema.get("format") == "decimal":
        return "a decimal number"
    words = {
        "integer": "an integer",
        "number": "a number",
        "boolean": "a boolean ('true' or 'false')",
        "string": "a string",
        "object": "an object",
        "array": "an array",
    }
    return words.get(kind or "", "any value")


def _scalar(value: str, schema: Schema, name: str) -> list[str]:
    kind = _kind(schema)
    if schema.get("format") == "decimal" and not _NUMBER.fullmatch(value):
        return [_expected(name, schema, value)]
    if not _spells(kind, value):
        return [_expected(name, {"type": kind, "format": schema.get("format")}, value)]
    if "enum" in schema and value not in [str(v) for v in schema["enum"]]:
        return [_expected(name, schema, value)]
    limit = schema.get("maxLength")
    if limit is not None and len(value) > limit:
        return [f"{_quote(name)} is longer than {limit} characters ({len(value)})"]
    return []


def _spells(kind: str | None, value: str) -> bool:
    """Does the wire string spell a value of this type, as Stripe parses it?"""
    if kind == "integer":
        return bool(_INTEGER.fullmatch(value))
    if kind == "number":
        return bool(_NUMBER.fullmatch(value))
    if kind == "boolean":
        return value in ("true", "false")
    return True


def _is_unset_marker(schema: Schema) -> bool:
    """Stripe's `anyOf: [..., {enum: [""]}]`: posting an empty value clears the field."""
    return schema.get("enum") == [""]


def _kind(schema: Schema) -> str | None:
    kind = schema.get("type")
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        return "object"
    return str(kind) if kind is not None else None


def _fits_shape(value: FormValue, schema: Schema) -> bool:
    """Does the value have the schema's shape (leaf vs nested), before looking closer?"""
    if schema.get("anyOf") or schema.get("oneOf"):
        return True
    kind = _kind(schema)
    if kind in _SCALAR_TYPES:
        return isinstance(value, str)
    return kind is None or not isinstance(value, str)


def _expected(name: str, schema: Schema, value: FormValue) -> str:
    return f"{_quote(name)} must be {describe(schema)}, got {_shown(value)}"


def _shown(value: FormValue) -> str:
    if isinstance(value, dict):
        return "nested parameters"
    if isinstance(value, list):
        return "a list"
    return repr(value) if len(value) <= 60 else repr(value[:57] + "...")


def _quote(name: str) -> str:
    return f"'{name}'"


def _child(name: str, key: str) -> str:
    return f"{name}[{key}]" if name else key
