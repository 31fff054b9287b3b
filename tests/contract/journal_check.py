"""Contract checks over the sandbox's request journal, for a session-end pytest hook.

The sandbox records every request the service sent. Checking the whole journal
at the end of a test session proves that nothing the service did, in any test,
relied on an endpoint or parameter that real Stripe does not have. Only `/v1/`
paths are Stripe's; the sandbox's own `/_sandbox/...` and `/_config/...`
control paths are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .stripe_contract import ContractViolation, StripeContract

JournalEntry = Mapping[str, Any]


def violations_in(
    journal: Iterable[JournalEntry], contract: StripeContract
) -> list[ContractViolation]:
    """Every contract violation among the journal's Stripe requests, in journal order."""
    found: list[ContractViolation] = []
    for entry in _stripe_requests(journal):
        found += contract.check(str(entry["method"]), str(entry["path"]), _raw(entry))
    return found


def covered_operations(journal: Iterable[JournalEntry], contract: StripeContract) -> set[str]:
    """Operation ids (e.g. "PostRefunds") the journal exercised, to spot untested endpoints."""
    ids = (
        contract.operation_id(str(entry["method"]), str(entry["path"]))
        for entry in _stripe_requests(journal)
    )
    return {operation for operation in ids if operation is not None}


def report(violations: Iterable[ContractViolation]) -> str:
    """One line per violation, for a pytest failure message."""
    return "\n".join(str(violation) for violation in violations)


def _stripe_requests(journal: Iterable[JournalEntry]) -> Iterable[JournalEntry]:
    return (entry for entry in journal if str(entry["path"]).startswith("/v1/"))


def _raw(entry: JournalEntry) -> str:
    raw = entry.get("raw_params")
    if isinstance(raw, bytes):
        return raw.decode("utf-8")
    return raw if isinstance(raw, str) else ""
