"""The registry and the tool schemas: the contract of SKILLS.md, generated from the args models.

Names, argument names and risks are a contract other services and every eval transcript depend
on; the JSON schema an LLM sees comes from each skill's pydantic model, never written by hand.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from skills import SKILLS
from skills.base import SkillContext

ORDER = [
    "list_payments",
    "create_payment",
    "get_balance",
    "find_customers",
    "create_customer",
    "refund_payment",
    "get_analytics",
    "create_subscription",
]
RISKS = {
    "list_payments": "read",
    "create_payment": "money",
    "get_balance": "read",
    "find_customers": "read",
    "create_customer": "write",
    "refund_payment": "money",
    "get_analytics": "read",
    "create_subscription": "money",
}
ARGUMENTS: dict[str, tuple[set[str], set[str]]] = {  # (every argument, the required ones)
    "list_payments": (
        {
            "limit",
            "customer",
            "status",
            "created_gte",
            "created_lte",
            "min_amount",
            "max_amount",
            "currency",
        },
        set(),
    ),
    "create_payment": ({"amount", "currency", "customer", "description"}, {"amount"}),
    "get_balance": (set(), set()),
    "find_customers": ({"email", "name", "query", "limit"}, set()),
    "create_customer": ({"email", "name", "phone", "description"}, set()),
    "refund_payment": ({"payment", "amount", "reason"}, {"payment"}),
    "get_analytics": ({"created_gte", "created_lte", "currency"}, set()),
    "create_subscription": ({"customer", "price", "quantity", "trial_days"}, {"customer", "price"}),
}


def _enum(schema: dict[str, Any], name: str) -> list[str]:
    prop = schema["properties"][name]
    for option in [prop, *prop.get("anyOf", [])]:
        if "enum" in option:
            return list(option["enum"])
    raise AssertionError(f"{name} has no enum")


def test_the_registry_holds_the_eight_skills_in_the_contracts_order() -> None:
    assert list(SKILLS) == ORDER
    assert all(SKILLS[name].name == name for name in ORDER)


def test_each_skill_has_its_contracted_risk() -> None:
    assert {name: skill.risk for name, skill in SKILLS.items()} == RISKS


def test_each_skill_describes_itself_for_the_llm() -> None:
    for skill in SKILLS.values():
        assert skill.description.strip()
        assert "\n" not in skill.description


@pytest.mark.parametrize("name", ORDER)
def test_the_tool_schema_lists_the_contracted_arguments(name: str) -> None:
    schema = SKILLS[name].tool_schema()
    every, required = ARGUMENTS[name]
    assert schema["type"] == "object"
    assert set(schema.get("properties", {})) == every
    assert set(schema.get("required", [])) == required
    assert schema["additionalProperties"] is False  # unknown arguments are refused


@pytest.mark.parametrize("name", ORDER)
def test_the_tool_schema_is_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SKILLS[name].tool_schema())


def test_the_schemas_carry_the_contracted_enums_and_bounds() -> None:
    payments = SKILLS["list_payments"].tool_schema()
    assert _enum(payments, "status") == ["succeeded", "failed", "refunded", "pending"]
    assert (
        payments["properties"]["limit"]["minimum"],
        payments["properties"]["limit"]["maximum"],
    ) == (1, 100)
    assert payments["properties"]["limit"]["default"] == 10
    refund = SKILLS["refund_payment"].tool_schema()
    assert _enum(refund, "reason") == ["duplicate", "fraudulent", "requested_by_customer"]
    charge = SKILLS["create_payment"].tool_schema()
    assert charge["properties"]["amount"]["exclusiveMinimum"] == 0
    assert "minor units" in charge["properties"]["amount"]["description"]
    subscription = SKILLS["create_subscription"].tool_schema()
    assert subscription["properties"]["quantity"]["default"] == 1


def test_the_schema_agrees_with_the_model_on_what_is_valid() -> None:
    schema = SKILLS["list_payments"].tool_schema()
    jsonschema.validate({"limit": 5, "status": "failed", "currency": "eur"}, schema)
    for wrong in ({"limit": 0}, {"status": "lost"}, {"sort": "amount"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)


MONEY_PLANS: dict[str, dict[str, str | int]] = {
    "create_payment": {"amount": 5000, "customer": "jane@example.com", "description": "Tea"},
    "refund_payment": {"payment": "{{payment.partly_refunded}}", "reason": "duplicate"},
    "create_subscription": {"customer": "Dana Whitfield", "price": "pro_monthly", "trial_days": 7},
}


@pytest.mark.parametrize("name", [n for n in ORDER if RISKS[n] == "money"])
def test_every_money_skills_plan_is_one_line_a_person_can_confirm(
    ctx: SkillContext, refs: dict[str, str], name: str
) -> None:
    raw = {
        k: refs[v[2:-2]] if isinstance(v, str) and v.startswith("{{") else v
        for k, v in MONEY_PLANS[name].items()
    }
    plan = SKILLS[name].plan(ctx, raw)
    assert plan.skill == name
    assert plan.summary.strip() == plan.summary
    assert "\n" not in plan.summary
    assert plan.summary.endswith(".")
    assert "$" in plan.summary  # the amount, formatted
