"""Injected faults fail the next N matching requests in Stripe's shape; /_config passes through."""

from __future__ import annotations

import httpx
import pytest

from sandbox.runner import RunningSandbox


def inject(running: RunningSandbox, **fault: object) -> None:
    running.control("POST", "/_sandbox/faults", json=fault).raise_for_status()


@pytest.mark.parametrize(
    ("status", "kind"), [(500, "api_error"), (503, "api_error"), (429, "invalid_request_error")]
)
def test_a_fault_fails_the_next_matching_requests_then_clears(
    empty_sandbox: RunningSandbox, api: httpx.Client, status: int, kind: str
) -> None:
    inject(empty_sandbox, path_prefix="/v1/balance", status=status, count=2)
    assert api.get("/v1/customers").status_code == 200  # other paths are untouched
    for _ in range(2):
        failed = api.get("/v1/balance")
        assert failed.status_code == status
        assert failed.json()["error"]["type"] == kind
        assert failed.headers["Stripe-Should-Retry"] == "false"
    assert api.get("/v1/balance").status_code == 200
    statuses = [e["status"] for e in empty_sandbox.journal() if e["path"] == "/v1/balance"]
    assert statuses == [status, status, 200]


def test_a_rate_limit_fault_carries_stripes_rate_limit_code(
    empty_sandbox: RunningSandbox, api: httpx.Client
) -> None:
    inject(empty_sandbox, path_prefix="/v1/", status=429)
    assert api.get("/v1/account").json()["error"]["code"] == "rate_limit"


def test_faults_can_target_one_method_and_be_cleared(
    empty_sandbox: RunningSandbox, api: httpx.Client
) -> None:
    inject(empty_sandbox, path_prefix="/v1/customers", status=500, method="POST", count=5)
    assert api.get("/v1/customers").status_code == 200
    assert api.post("/v1/customers", data={"name": "A"}).status_code == 500
    empty_sandbox.control("DELETE", "/_sandbox/faults").raise_for_status()
    assert api.post("/v1/customers", data={"name": "A"}).status_code == 200


def test_webhook_config_passes_through_to_localstripe(empty_sandbox: RunningSandbox) -> None:
    ok = empty_sandbox.control(
        "POST",
        "/_config/webhooks/hook1",
        data={"url": "http://127.0.0.1:9/hook", "secret": "whsec_x"},
    )
    assert ok.status_code == 200
    bad = empty_sandbox.control("POST", "/_config/webhooks/hook2", data={"url": "nope"})
    assert bad.status_code == 400
