"""find_customers: look customers up by email, name or free text; list every match, never guess.

Unlike the skills that need one customer, a search with several matches lists them all; payment
totals are added when few customers match (each costs a list request).
"""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.runner import RunningSandbox
from skills import SKILLS
from skills.base import SkillContext
from skills.errors import InvalidArguments
from skills.find_customers import FindCustomersResult
from tests.skills.conftest import Sent, raw_payment_intents, run_skill

SKILL = SKILLS["find_customers"]


def found(ctx: SkillContext, **raw: Any) -> FindCustomersResult:
    result = run_skill(ctx, "find_customers", raw)
    assert isinstance(result, FindCustomersResult)
    return result


def ids(result: FindCustomersResult) -> list[str]:
    return [c.id for c in result.customers]


@pytest.mark.parametrize("email", ["jane@example.com", "JANE@EXAMPLE.COM", " Jane@Example.com "])
def test_an_email_finds_its_customer_whatever_the_case(
    ctx: SkillContext, refs: dict[str, str], email: str
) -> None:
    result = found(ctx, email=email)
    assert ids(result) == [refs["customer.jane.id"]]
    jane = result.customers[0]
    assert (jane.name, jane.email) == ("Jane Cooper", "jane@example.com")


def test_a_name_shared_by_two_customers_lists_both(ctx: SkillContext, refs: dict[str, str]) -> None:
    result = found(ctx, name="Alex Kim")
    assert sorted(ids(result)) == sorted(
        [refs["customer.alex_kim_1.id"], refs["customer.alex_kim_2.id"]]
    )
    text = SKILL.render(result)
    assert "alex.kim@example.com" in text
    assert "akim@northwind.dev" in text


def test_free_text_matches_part_of_a_name(ctx: SkillContext, refs: dict[str, str]) -> None:
    result = found(ctx, query="kim")
    assert {refs["customer.alex_kim_1.id"], refs["customer.alex_kim_2.id"]} <= set(ids(result))


def test_free_text_with_an_at_sign_is_an_email(ctx: SkillContext, refs: dict[str, str]) -> None:
    assert ids(found(ctx, query="dana@studio.io")) == [refs["customer.dana.id"]]


def test_a_customer_id_finds_that_customer(ctx: SkillContext, refs: dict[str, str]) -> None:
    assert ids(found(ctx, query=refs["customer.dana.id"])) == [refs["customer.dana.id"]]


def test_a_two_letter_name_is_matched_exactly_not_refused(ctx: SkillContext) -> None:
    """Stripe's substring search needs three characters; shorter names match whole names."""
    assert found(ctx, name="Al").customers == []


def test_an_unknown_email_finds_nobody(ctx: SkillContext) -> None:
    result = found(ctx, email="nobody@example.invalid")
    assert (result.customers, result.has_more) == ([], False)
    assert SKILL.render(result) == "No customer matches that."


def test_email_and_name_together_must_both_match(ctx: SkillContext, refs: dict[str, str]) -> None:
    assert ids(found(ctx, email="jane@example.com", name="jane cooper")) == [
        refs["customer.jane.id"]
    ]
    assert found(ctx, email="jane@example.com", name="Dana Whitfield").customers == []


def test_without_criteria_it_lists_recent_customers_up_to_the_limit(ctx: SkillContext) -> None:
    result = found(ctx, limit=5)
    assert len(result.customers) == 5
    assert result.has_more
    assert "More customers match" in SKILL.render(result)


def test_the_limit_cuts_the_matches_and_says_more_exist(ctx: SkillContext) -> None:
    result = found(ctx, name="Alex Kim", limit=1)
    assert len(result.customers) == 1
    assert result.has_more


def test_a_few_matches_carry_their_net_payment_totals(
    ctx: SkillContext, refs: dict[str, str], sandbox: RunningSandbox
) -> None:
    jane = refs["customer.jane.id"]
    expected: dict[str, int] = {}
    for pi in raw_payment_intents(sandbox.url, sandbox.api_key, customer=jane):
        if pi["status"] == "succeeded":
            refunded = pi["latest_charge"]["amount_refunded"]
            expected[pi["currency"]] = expected.get(pi["currency"], 0) + pi["amount"] - refunded
    [row] = found(ctx, email="jane@example.com").customers
    assert row.total_paid == expected
    assert expected["usd"] >= 12_900 + 5_000  # jane_last and usd_succeeded at least


def test_many_matches_skip_the_totals(ctx: SkillContext, sent: Sent) -> None:
    result = found(ctx, limit=10)
    assert all(c.total_paid is None for c in result.customers)
    assert sent.entries("GET", "/v1/payment_intents") == []


def test_a_customer_without_payments_has_no_totals(ctx: SkillContext, refs: dict[str, str]) -> None:
    [row] = found(ctx, email=refs["customer.no_payments.email"]).customers
    assert row.total_paid == {}


@pytest.mark.parametrize("raw", [{"limit": 0}, {"limit": 101}, {"phone": "+1555"}])
def test_bad_arguments_are_refused(ctx: SkillContext, raw: dict[str, Any]) -> None:
    with pytest.raises(InvalidArguments, match="Invalid arguments for find_customers"):
        SKILL.plan(ctx, raw)
