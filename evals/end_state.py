"""Checking a case's `end_state` against the objects it created in Stripe (README: end_state).

Pure functions over Stripe's JSON: the sandbox backend lists objects before and after a case
and passes the new ones here. A kind listed must have exactly that many new objects, each
matched to one listed object (only the fields written are compared); a kind not listed, or
listed as [], must have no new object.

One reading the README leaves open: creating a subscription makes Stripe open its first
invoice and a PaymentIntent to pay it (as real Stripe does). That PaymentIntent (its `invoice`
is set) belongs to the subscription, so it is not counted among `payment_intents`; a payment
the agent creates never has an invoice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from evals.scoring import normalise

KINDS = ("refunds", "payment_intents", "customers", "subscriptions")

ChargeLookup = Callable[[str], str | None]
"""A charge id → its PaymentIntent id (None when it has none)."""


def end_state_problems(
    expected: dict[str, list[dict[str, Any]]],
    created: dict[str, list[dict[str, Any]]],
    charge_pi: ChargeLookup,
) -> list[str]:
    problems = []
    for kind in KINDS:
        want = expected.get(kind, [])
        got = [o for o in created.get(kind, []) if not _invoice_payment(kind, o)]
        if len(got) != len(want):
            ids = ", ".join(str(o.get("id")) for o in got) or "none"
            problems.append(f"{kind}: expected {len(want)} new, found {len(got)} ({ids})")
            continue
        if want and not _perfect_match(want, got, kind, charge_pi):
            views = [_view(kind, o, charge_pi) for o in got]
            problems.append(f"{kind}: new objects {views} do not match {want}")
    return problems


def _invoice_payment(kind: str, obj: dict[str, Any]) -> bool:
    return kind == "payment_intents" and bool(obj.get("invoice"))


def _perfect_match(
    want: list[dict[str, Any]], got: list[dict[str, Any]], kind: str, charge_pi: ChargeLookup
) -> bool:
    """Is there a one-to-one pairing of expected and created objects? (Lists are tiny.)"""
    fits = [[_fits(w, g, kind, charge_pi) for g in got] for w in want]

    def assign(i: int, used: frozenset[int]) -> bool:
        if i == len(want):
            return True
        return any(
            fits[i][j] and assign(i + 1, used | {j}) for j in range(len(got)) if j not in used
        )

    return assign(0, frozenset())


def _fits(want: dict[str, Any], obj: dict[str, Any], kind: str, charge_pi: ChargeLookup) -> bool:
    for name, value in want.items():
        if kind == "refunds" and name == "payment":
            if value not in _refund_payments(obj, charge_pi):
                return False
            continue
        actual = _field(kind, name, obj)
        if normalise(name, value) != normalise(name, actual):
            return False
    return True


def _refund_payments(refund: dict[str, Any], charge_pi: ChargeLookup) -> set[str]:
    """Every id the refunded payment goes by: its PaymentIntent and its charge."""
    ids = {refund.get("payment_intent"), refund.get("charge")}
    charge = refund.get("charge")
    if isinstance(charge, str):
        ids.add(charge_pi(charge))
    return {i for i in ids if isinstance(i, str)}


def _field(kind: str, name: str, obj: dict[str, Any]) -> Any:
    if kind != "subscriptions" or name == "customer":
        return obj.get(name)
    items = (obj.get("items") or {}).get("data") or [{}]
    first = items[0]
    if name == "price":
        return (first.get("price") or first.get("plan") or {}).get("id")
    if name == "quantity":
        return first.get("quantity", obj.get("quantity"))
    if name == "trial_days":
        start, end = obj.get("trial_start"), obj.get("trial_end")
        return round((end - start) / 86400) if start and end else None
    return obj.get(name)


def _view(kind: str, obj: dict[str, Any], charge_pi: ChargeLookup) -> dict[str, Any]:
    """The compared fields of a created object, for the failure message."""
    if kind == "refunds":
        return {"payment": obj.get("payment_intent") or obj.get("charge"), "amount": obj["amount"]}
    names = {
        "payment_intents": ("amount", "currency", "customer", "description"),
        "customers": ("email", "name", "phone", "description"),
        "subscriptions": ("customer", "price", "quantity", "trial_days"),
    }[kind]
    return {n: _field(kind, n, obj) for n in names}
