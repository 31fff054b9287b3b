"""Helpers for the sandbox's own tests: plain HTTP clients and a small object factory.

`sandbox` (seeded, shared) comes from the root conftest; `empty_sandbox` (empty, private to one
test) from sandbox.pytest_fixtures, imported here. Tests that send requests real Stripe would
refuse, or use endpoints outside the contract spec subset, use `empty_sandbox`: the root
conftest checks every request sent to the seeded `sandbox` against Stripe's spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sandbox.process import loopback_client
from sandbox.pytest_fixtures import empty_sandbox  # noqa: F401  (fixture)
from sandbox.runner import RunningSandbox, start_seeded_sandbox

GOOD_CARD = "4242424242424242"
DECLINING_CARD = "4000000000000341"


def client_for(running: RunningSandbox) -> httpx.Client:
    return loopback_client(base_url=running.url, auth=(running.api_key, ""), timeout=30.0)


@pytest.fixture
def api(empty_sandbox: RunningSandbox) -> Iterator[httpx.Client]:  # noqa: F811
    with client_for(empty_sandbox) as client:
        yield client


@pytest.fixture(scope="session")
def pristine_sandbox() -> Iterator[RunningSandbox]:
    """A seeded sandbox no other test writes to: the shared `sandbox` changes as the agent,
    REST and skill tests create refunds and customers in it."""
    running = start_seeded_sandbox()
    yield running
    running.stop()


@pytest.fixture
def seeded_api(pristine_sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with client_for(pristine_sandbox) as client:
        yield client


class Shop:
    """Builds objects in an empty sandbox the way a Stripe integration would."""

    def __init__(self, api: httpx.Client, running: RunningSandbox) -> None:
        self.api = api
        self.running = running

    def ok(self, response: httpx.Response) -> Any:
        assert response.status_code == 200, response.text
        return response.json()

    def card(self, number: str = GOOD_CARD, customer: str | None = None) -> str:
        pm = self.ok(
            self.api.post(
                "/v1/payment_methods",
                data={
                    "type": "card",
                    "card[number]": number,
                    "card[exp_month]": "12",
                    "card[exp_year]": "2034",
                    "card[cvc]": "123",
                },
            )
        )
        if customer:
            self.ok(
                self.api.post(f"/v1/payment_methods/{pm['id']}/attach", data={"customer": customer})
            )
        return str(pm["id"])

    def customer(
        self, name: str = "Test Person", email: str | None = None, **extra: str
    ) -> dict[str, Any]:
        pm = self.card()
        data = {
            "name": name,
            "email": email or f"{name.lower().replace(' ', '.')}@example.com",
            "payment_method": pm,
            "invoice_settings[default_payment_method]": pm,
            **extra,
        }
        customer: dict[str, Any] = self.ok(self.api.post("/v1/customers", data=data))
        customer["_pm"] = pm
        return customer

    def pay(
        self, customer: dict[str, Any], amount: int, currency: str = "usd", **extra: Any
    ) -> httpx.Response:
        data = {
            "amount": amount,
            "currency": currency,
            "customer": customer["id"],
            "payment_method": customer["_pm"],
            "confirm": "true",
            **extra,
        }
        return self.api.post("/v1/payment_intents", data=data)

    def paid(
        self, customer: dict[str, Any], amount: int, currency: str = "usd", **extra: Any
    ) -> dict[str, Any]:
        pi: dict[str, Any] = self.ok(self.pay(customer, amount, currency, **extra))
        return pi

    def refund(self, payment: str, amount: int | None = None, **extra: Any) -> httpx.Response:
        data: dict[str, Any] = {"payment_intent": payment, **extra}
        if amount is not None:
            data["amount"] = amount
        return self.api.post("/v1/refunds", data=data)

    def product(self, name: str = "Pro") -> str:
        return str(self.ok(self.api.post("/v1/products", data={"name": name}))["id"])

    def price(
        self, product: str, amount: int = 2900, interval: str | None = "month", **extra: Any
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "product": product,
            "currency": "usd",
            "unit_amount": amount,
            **extra,
        }
        if interval:
            data["recurring[interval]"] = interval
        price: dict[str, Any] = self.ok(self.api.post("/v1/prices", data=data))
        return price

    def backdate(self, table: dict[str, int]) -> None:
        self.ok(self.running.control("POST", "/_sandbox/backdate", json=table))


@pytest.fixture
def shop(api: httpx.Client, empty_sandbox: RunningSandbox) -> Shop:  # noqa: F811
    return Shop(api, empty_sandbox)
