"""Every kind of request the skills send, checked against Stripe's OpenAPI spec.

Each skill runs once on the sandbox (money skills included: skills called directly have no
gate); the gateway's journal holds the requests exactly as sent on the wire. The test fails on
any violation, and on a request type the skills send that this test no longer exercises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from skills import SKILLS, SkillContext
from skills.settings import SkillSettings
from skills.stripe_service import StripeService
from tests.conftest import Journal, service_settings
from tests.contract.journal_check import covered_operations, report, violations_in
from tests.contract.stripe_contract import StripeContract

CALLS: list[tuple[str, dict[str, Any]]] = [
    ("get_balance", {}),
    ("list_payments", {"limit": 5, "status": "succeeded", "currency": "usd"}),
    ("list_payments", {"customer": "jane@example.com", "created_gte": "2026-01-01"}),
    ("find_customers", {"name": "Alex Kim"}),
    ("find_customers", {"email": "dana@studio.io"}),
    ("find_customers", {}),
    (
        "create_customer",
        {"name": "Contract Co", "email": "contract@example.com", "phone": "+1 555 0100"},
    ),
    (
        "create_payment",
        {"amount": 1500, "customer": "jane@example.com", "description": "spec check"},
    ),
    ("create_payment", {"amount": 900, "currency": "eur"}),
    (
        "refund_payment",
        {"payment": "{payment.usd_succeeded}", "amount": 100, "reason": "duplicate"},
    ),
    ("refund_payment", {"payment": "{charge.usd_succeeded}", "amount": 100}),
    ("get_analytics", {"created_gte": "2026-01-01"}),
    (
        "create_subscription",
        {"customer": "dana@studio.io", "price": "pro_monthly", "trial_days": 7},
    ),
    ("create_subscription", {"customer": "{customer.jane.id}", "price": "{price.basic_yearly}"}),
]

EXPECTED_OPERATIONS = {
    "GetBalance",
    "GetPaymentIntents",
    "GetPaymentIntentsIntent",
    "PostPaymentIntents",
    "GetChargesCharge",
    "PostRefunds",
    "GetCustomers",
    "GetCustomersCustomer",
    "GetCustomersSearch",
    "PostCustomers",
    "GetPrices",
    "GetPricesPrice",
    "PostSubscriptions",
}


def _fill(args: dict[str, Any], refs: dict[str, str]) -> dict[str, Any]:
    return {
        k: refs[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v for k, v in args.items()
    }


def test_every_request_the_skills_send_is_valid_stripe(fresh_sandbox: Any) -> None:
    journal = Journal(fresh_sandbox.url)
    journal.since_cursor()
    service = StripeService(service_settings(fresh_sandbox.url, fresh_sandbox.api_key))
    refs = dict(fresh_sandbox.manifest.refs)
    for i, (name, args) in enumerate(CALLS):
        ctx = SkillContext(
            stripe=service,
            today=date.today(),
            settings=SkillSettings(),
            action_id=f"act_contract_{i}",
        )
        skill = SKILLS[name]
        plan = skill.plan(ctx, _fill(args, refs))
        skill.run(ctx, plan.args)
    entries = journal.since_cursor()
    contract = StripeContract.load()
    violations = violations_in(entries, contract)
    assert violations == [], report(violations)
    assert covered_operations(entries, contract) >= EXPECTED_OPERATIONS
    posts = [e for e in entries if e["method"] == "POST"]
    assert posts and all(e["idempotency_key"] for e in posts)
