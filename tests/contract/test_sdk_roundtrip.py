"""The validator must never reject a request that is valid by the spec, as the SDK encodes it.

A contract check that raises false alarms gets switched off, so this builds, for
every operation in the spec, a request that sets every parameter the spec lists
(choosing the first, then the last, alternative of each `anyOf`), encodes it
with the official SDK's form encoder and expects no violation. The encoder is
private to `stripe` (`stripe._encode._api_encode`); if an SDK upgrade moves it,
this file is the only one to change.
"""

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from stripe._encode import _api_encode

from .stripe_contract import DEFAULT_SPEC, StripeContract
from .stripe_schema import Schema, SchemaChecker

SPEC = json.loads(DEFAULT_SPEC.read_text(encoding="utf-8"))
OPERATIONS = [
    (method.upper(), template)
    for template, item in SPEC["paths"].items()
    for method in ("get", "post", "delete")
    if method in item
]
RESOLVER = SchemaChecker(SPEC["components"]["schemas"])


@pytest.fixture(scope="module")
def contract() -> StripeContract:
    return StripeContract.load()


def sdk_wire(params: dict[str, Any]) -> str:
    """Exactly what `stripe.StripeClient` puts in the query string or form body."""
    encoded = urlencode(list(_api_encode(params)))
    return encoded.replace("%5B", "[").replace("%5D", "]")


def example(schema: Schema, pick: int) -> Any:
    """A Python value the schema accepts, as a caller of the SDK would pass it."""
    schema = RESOLVER.resolve(schema)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        return example(alternatives[pick], pick)
    if "enum" in schema:
        return schema["enum"][pick]
    kind = schema.get("type", "object" if "properties" in schema else None)
    if kind == "object":
        extra = schema.get("additionalProperties")
        fields = schema.get("properties") or {"key": extra if isinstance(extra, dict) else {}}
        return {key: example(sub, pick) for key, sub in fields.items()}
    if kind == "array":
        return [example(schema.get("items", {}), pick)]
    scalars: dict[str | None, Any] = {"integer": 7, "number": 1.5, "boolean": True}
    return scalars.get(kind, "1.25" if schema.get("format") == "decimal" else "x")


@pytest.mark.parametrize("pick", [0, -1], ids=["first-alternatives", "last-alternatives"])
@pytest.mark.parametrize(("method", "template"), OPERATIONS, ids=[" ".join(o) for o in OPERATIONS])
def test_every_parameter_of_every_operation_passes_when_sdk_encoded(
    contract: StripeContract, method: str, template: str, pick: int
) -> None:
    path = template.replace("{", "").replace("}", "")
    schema = contract.request_schema(method, path)
    assert schema is not None
    params = {name: example(sub, pick) for name, sub in schema["properties"].items()}
    assert contract.check(method, path, sdk_wire(params)) == []


def test_sdk_encoding_of_a_nested_request_passes(contract: StripeContract) -> None:
    params = {
        "customer": "cus_1",
        "items": [{"price": "price_1", "quantity": 2}, {"price": "price_2"}],
        "trial_period_days": 14,
        "metadata": {"source": "agent"},
        "expand": ["latest_invoice", "pending_setup_intent"],
        "off_session": False,
    }
    assert contract.check("POST", "/v1/subscriptions", sdk_wire(params)) == []


def test_sdk_encoding_of_a_nested_mistake_is_named_by_its_wire_key(
    contract: StripeContract,
) -> None:
    params = {"customer": "cus_1", "items": [{"price": "p"}, {"plan": "plan_1"}]}
    assert [v.problem for v in contract.check("POST", "/v1/subscriptions", sdk_wire(params))] == [
        "unknown parameter 'items[1][plan]'"
    ]
