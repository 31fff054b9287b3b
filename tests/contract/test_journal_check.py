"""Specification of the journal-wide contract check the test session runs at its end."""

from typing import Any

import pytest

from .journal_check import covered_operations, report, violations_in
from .stripe_contract import ContractViolation, StripeContract


@pytest.fixture(scope="module")
def contract() -> StripeContract:
    return StripeContract.load()


def entry(method: str, path: str, raw_params: str = "", status: int = 200) -> dict[str, Any]:
    return {"method": method, "path": path, "raw_params": raw_params, "status": status}


JOURNAL = [
    entry("POST", "/_config/failures", "bogus=1"),
    entry("GET", "/_sandbox/journal"),
    entry("GET", "/v1/balance"),
    entry("POST", "/v1/refunds", "payment_intent=pi_1&reason=oops", status=400),
    entry("GET", "/v1/customers/cus_1"),
    entry("GET", "/v1/customers/cus_2"),
    entry("POST", "/v1/account"),
]


def test_only_stripe_paths_are_checked_and_all_their_problems_reported(
    contract: StripeContract,
) -> None:
    assert violations_in(JOURNAL, contract) == [
        ContractViolation(
            method="POST",
            path="/v1/refunds",
            problem="'reason' must be one of 'duplicate', 'fraudulent', "
            "'requested_by_customer', got 'oops'",
        ),
        ContractViolation(
            method="POST",
            path="/v1/account",
            problem="unknown endpoint POST /v1/account (/v1/account allows GET)",
        ),
    ]


def test_a_clean_journal_has_no_violations(contract: StripeContract) -> None:
    assert violations_in([entry("GET", "/v1/balance"), entry("GET", "/_sandbox/x")], contract) == []


def test_missing_or_bytes_raw_params_are_read_as_the_wire_form(contract: StripeContract) -> None:
    journal = [
        {"method": "GET", "path": "/v1/balance", "status": 200},
        {"method": "GET", "path": "/v1/refunds", "raw_params": b"limit=x", "status": 200},
    ]
    assert [v.problem for v in violations_in(journal, contract)] == [
        "'limit' must be an integer, got 'x'"
    ]


def test_covered_operations_are_the_spec_operations_seen(contract: StripeContract) -> None:
    assert covered_operations(JOURNAL, contract) == {
        "GetBalance",
        "PostRefunds",
        "GetCustomersCustomer",
    }


def test_report_has_one_line_per_violation(contract: StripeContract) -> None:
    assert report(violations_in(JOURNAL, contract)).splitlines() == [
        "POST /v1/refunds: 'reason' must be one of 'duplicate', 'fraudulent', "
        "'requested_by_customer', got 'oops'",
        "POST /v1/account: unknown endpoint POST /v1/account (/v1/account allows GET)",
    ]
