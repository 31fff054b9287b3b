"""create_customer: add a customer (a write, not a money move: it runs without a pause)."""

from __future__ import annotations

from typing import Any

import pytest

from skills import SKILLS
from skills.base import SkillContext
from skills.create_customer import CreateCustomerResult
from skills.errors import InvalidArguments
from skills.resolve import resolve_customer
from skills.stripe_service import idempotency_key
from tests.skills.conftest import Sent, Shop, run_skill

SKILL = SKILLS["create_customer"]


def created(ctx: SkillContext, **raw: Any) -> CreateCustomerResult:
    result = run_skill(ctx, "create_customer", raw)
    assert isinstance(result, CreateCustomerResult)
    return result


def test_a_customer_is_created_with_every_field_given(shop: Shop) -> None:
    result = created(
        shop.ctx,
        email="Mia.Wong@Example.com",
        name="Mia Wong",
        phone="+15555550199",
        description="Met at the trade fair",
    )
    c = result.customer
    assert c.id.startswith("cus_")
    assert (c.email, c.name, c.phone) == ("mia.wong@example.com", "Mia Wong", "+15555550199")
    assert c.description == "Met at the trade fair"
    assert SKILL.render(result) == f"Created customer Mia Wong <mia.wong@example.com> ({c.id})."


def test_the_new_customer_can_be_named_by_its_email_or_name(shop: Shop) -> None:
    c = created(shop.ctx, email="leo@example.com", name="Leo Park").customer
    assert resolve_customer(shop.service, "LEO@example.com").id == c.id
    assert resolve_customer(shop.service, "Leo Park").id == c.id


@pytest.mark.parametrize("raw", [{"email": "only@example.com"}, {"name": "Only A Name"}])
def test_an_email_or_a_name_alone_is_enough(shop: Shop, raw: dict[str, str]) -> None:
    c = created(shop.ctx, **raw).customer
    assert (c.email, c.name) == (raw.get("email"), raw.get("name"))


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({}, "give at least an email or a name"),
        ({"phone": "+15555550100"}, "give at least an email or a name"),
        ({"email": "", "name": ""}, "name:"),
        ({"email": "not-an-email"}, "'not-an-email' is not an email address"),
        ({"name": "x" * 201}, "name:"),
        ({"name": "Ann", "vip": True}, "vip: Extra inputs are not permitted"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    ctx: SkillContext, sent: Sent, raw: dict[str, Any], says: str
) -> None:
    with pytest.raises(InvalidArguments) as caught:
        SKILL.plan(ctx, raw)
    assert says in caught.value.message
    assert sent.entries() == []


def test_the_plan_summary_names_who_is_created(ctx: SkillContext) -> None:
    plan = SKILL.plan(ctx, {"name": "Ann Lee", "email": "ann@example.com"})
    assert plan.summary == "Create customer Ann Lee <ann@example.com>."


def test_one_action_id_run_twice_creates_one_customer(shop: Shop) -> None:
    shop.ctx.action_id = "act_new_customer"
    first = created(shop.ctx, email="once@example.com")
    again = created(shop.ctx, email="once@example.com")
    assert again.customer.id == first.customer.id
    posts = shop.sent.entries("POST", "/v1/customers")
    key = idempotency_key("act_new_customer", "create_customer")
    assert [(p["idempotency_key"], p["replayed"]) for p in posts] == [(key, False), (key, True)]
    assert len(shop.service.customers_by_email("once@example.com")) == 1
