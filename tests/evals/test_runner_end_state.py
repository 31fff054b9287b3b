"""end_state as README defines it, on Stripe-shaped objects: exact counts per kind, one-to-one
matching on the fields written, refunds matched by either id of their payment."""

from __future__ import annotations

from typing import Any

from evals.end_state import end_state_problems

CHARGES = {"ch_1": "pi_1"}


def _check(expected: dict[str, Any], created: dict[str, Any]) -> list[str]:
    return end_state_problems(expected, created, CHARGES.get)


def _refund(amount: int, pi: str | None = "pi_1", charge: str = "ch_1") -> dict[str, Any]:
    return {"id": f"re_{amount}", "amount": amount, "payment_intent": pi, "charge": charge}


def test_each_listed_object_must_match_one_created_object() -> None:
    want = {"refunds": [{"payment": "pi_1", "amount": 100}, {"payment": "pi_1", "amount": 200}]}
    assert _check(want, {"refunds": [_refund(200), _refund(100)]}) == []
    assert _check(want, {"refunds": [_refund(100), _refund(100)]}) != []


def test_a_kind_not_listed_must_have_no_new_object() -> None:
    problems = _check({"refunds": []}, {"customers": [{"id": "cus_9", "email": "a@b.co"}]})
    assert problems == ["customers: expected 0 new, found 1 (cus_9)"]


def test_a_refund_matches_its_payment_through_the_charge() -> None:
    assert _check({"refunds": [{"payment": "pi_1"}]}, {"refunds": [_refund(5, pi=None)]}) == []


def test_only_the_fields_written_are_compared_with_format_normalisation() -> None:
    created = {"customers": [{"id": "cus_1", "email": "a@b.co", "name": "Ann  Lee", "phone": "1"}]}
    assert _check({"customers": [{"name": "ann lee"}]}, created) == []


def test_the_invoice_payment_of_a_new_subscription_is_not_a_new_payment_intent() -> None:
    sub = {
        "id": "sub_1",
        "customer": "cus_1",
        "items": {"data": [{"price": {"id": "price_1"}, "quantity": 3}]},
    }
    invoice_pi = {"id": "pi_9", "amount": 900, "invoice": "in_1"}
    created = {"subscriptions": [sub], "payment_intents": [invoice_pi]}
    want = {"subscriptions": [{"customer": "cus_1", "price": "price_1", "quantity": 3}]}
    assert _check(want, created) == []
    loose_pi = {"id": "pi_8", "amount": 900, "invoice": None}
    assert _check(want, {**created, "payment_intents": [loose_pi]}) != []
