"""Check requests our Stripe service sends against Stripe's official OpenAPI spec.

The local sandbox (localstripe) accepts things real Stripe rejects, and lacks
things Stripe has. If tests only ever talk to the sandbox, they can teach us a
fake API. Every request the service sends is therefore checked against the
official spec (a subset of Stripe's spec3, API version 2023-08-16, MIT, copied
beside this module with its licence and provenance): endpoint, parameter
names at every nesting level, types as spelled on the wire, enums, required
parameters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from .stripe_form import FormDecodeError, decode_form
from .stripe_schema import Schema, SchemaChecker

DEFAULT_SPEC = Path(__file__).with_name("stripe-openapi-subset.json")
_FORM = "application/x-www-form-urlencoded"
_METHODS = ("get", "post", "delete")
_PARAM = re.compile(r"\{([^/{}]+)\}")


class ContractViolation(BaseModel):
    method: str
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}: {self.problem}"


class _Route(NamedTuple):
    template: str
    pattern: re.Pattern[str]
    literal_segments: int


_CACHE: dict[Path, StripeContract] = {}


class StripeContract:
    """The spec, indexed for fast checks: routes compiled once, request schemas built once."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._paths: dict[str, dict[str, Any]] = spec["paths"]
        self._checker = SchemaChecker(spec.get("components", {}).get("schemas", {}))
        self._routes = sorted(
            (_route(template) for template in self._paths),
            key=lambda r: -r.literal_segments,
        )
        self._schemas: dict[tuple[str, str], Schema] = {}
        self.version: str = str(spec.get("info", {}).get("version", "unknown"))

    @classmethod
    def load(cls, spec_path: Path | None = None) -> StripeContract:
        """Parse the spec once per process and path; later loads return the same contract."""
        path = (spec_path or DEFAULT_SPEC).resolve()
        if path not in _CACHE:
            _CACHE[path] = cls(json.loads(path.read_text(encoding="utf-8")))
        return _CACHE[path]

    def operation_id(self, method: str, path: str) -> str | None:
        """("GET", "/v1/customers/cus_123") -> "GetCustomersCustomer"; None if not in the spec."""
        found = self._match(path.partition("?")[0])
        if found is None or not all(found[1].values()):
            return None
        operation = self._paths[found[0]].get(method.lower())
        return None if operation is None else str(operation["operationId"])

    def check(self, method: str, path: str, raw_params: str) -> list[ContractViolation]:
        """Every way this request (as sent on the wire) departs from the spec; [] if none."""
        method = method.upper()
        path, _, query = path.partition("?")
        raw_params = "&".join(part for part in (query, raw_params) if part)
        problems = self._problems(method, path, raw_params)
        return [ContractViolation(method=method, path=path, problem=p) for p in problems]

    def request_schema(self, method: str, path: str) -> Schema | None:
        """The closed object schema `check` validates this endpoint's parameters against."""
        found = self._match(path)
        operation = None if found is None else self._paths[found[0]].get(method.lower())
        if found is None or operation is None:
            return None
        return self._request_schema(method.upper(), found[0], operation)

    def _problems(self, method: str, path: str, raw_params: str) -> list[str]:
        found = self._match(path)
        if found is None:
            return [f"unknown endpoint {method} {path} (not in Stripe API {self.version})"]
        template, path_params = found
        operation = self._paths[template].get(method.lower())
        if operation is None:
            allowed = ", ".join(m.upper() for m in _METHODS if m in self._paths[template])
            return [f"unknown endpoint {method} {path} ({template} allows {allowed})"]
        problems = [
            f"missing path parameter '{name}' of {template}"
            for name, value in path_params.items()
            if not value
        ]
        try:
            params = decode_form(raw_params)
        except FormDecodeError as error:
            return [*problems, str(error)]
        schema = self._request_schema(method, template, operation)
        return problems + self._checker.problems(params, schema, "")

    def _match(self, path: str) -> tuple[str, dict[str, str]] | None:
        """The most literal template matching the path (`/v1/customers/search` beats
        `/v1/customers/{customer}`), with its path parameters (possibly empty)."""
        for route in self._routes:
            hit = route.pattern.fullmatch(path)
            if hit:
                return route.template, hit.groupdict()
        return None

    def _request_schema(self, method: str, template: str, operation: dict[str, Any]) -> Schema:
        """One closed object schema for all a request may carry: the form body's properties
        plus the `in: query` parameters (the SDK sends GET/DELETE params in the query)."""
        key = (method, template)
        if key not in self._schemas:
            self._schemas[key] = self._build_request_schema(operation)
        return self._schemas[key]

    def _build_request_schema(self, operation: dict[str, Any]) -> Schema:
        content = operation.get("requestBody", {}).get("content", {})
        body = self._checker.resolve(content.get(_FORM, {}).get("schema", {}))
        properties: dict[str, Schema] = dict(body.get("properties", {}))
        required: list[str] = list(body.get("required", []))
        for parameter in operation.get("parameters", []):
            if parameter.get("in") != "query":
                continue
            properties[parameter["name"]] = parameter.get("schema", {})
            if parameter.get("required"):
                required.append(parameter["name"])
        return {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _route(template: str) -> _Route:
    pieces = _PARAM.split(template)
    regex = "".join(
        f"(?P<{piece}>[^/]*)" if index % 2 else re.escape(piece)
        for index, piece in enumerate(pieces)
    )
    literal = sum(1 for seg in template.split("/") if seg and not _PARAM.fullmatch(seg))
    return _Route(template=template, pattern=re.compile(regex), literal_segments=literal)
