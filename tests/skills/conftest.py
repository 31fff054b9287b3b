"""Fixtures for the skills' specification tests, all over real HTTP to the sandbox.

`sent` reads what a test sent to the shared seeded sandbox without moving the journal cursor
that the root conftest's contract check uses. `shop` is an empty private sandbox
(`empty_sandbox`, reset per test: cheap, unlike the seeded `fresh_sandbox`) with a service, a
context and a few builders, for tests that move money or otherwise change data other tests
read; the requests the service sends there are checked against Stripe's spec too. `faults`
injects failures into the shared sandbox and clears them afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from sandbox.pytest_fixtures import empty_sandbox  # noqa: F401  (fixture)
from sandbox.runner import RunningSandbox
from skills import SKILLS
from skills.base import SkillContext
from skills.settings import SkillSettings
from skills.stripe_service import StripeService
from tests.conftest import service_settings
from tests.contract.journal_check import report, violations_in
from tests.contract.stripe_contract import StripeContract

GOOD_CARD = "4242424242424242"
DECLINING_CARD = "4000000000000341"
"""Attaches, then declines every charge (as in Stripe)."""

Entry = dict[str, Any]
Inject = Callable[..., None]
HTTP = httpx.Client(timeout=10, trust_env=False, verify=False)
"""One client for the sandbox's control endpoints (plain HTTP on loopback; building a client
with a certificate store per call would cost more than the call)."""


class Sent:
    """The journal entries since `mark()`: what this test sent."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.start = 0
        self.mark()

    def _all(self) -> list[Entry]:
        return list(HTTP.get(f"{self.url}/_sandbox/journal").json())

    def mark(self) -> None:
        self.start = len(self._all())

    def entries(self, method: str | None = None, path: str | None = None) -> list[Entry]:
        return [
            e
            for e in self._all()[self.start :]
            if (method is None or e["method"] == method) and (path is None or e["path"] == path)
        ]


@pytest.fixture
def sent(sandbox: RunningSandbox) -> Sent:
    return Sent(sandbox.url)


@pytest.fixture
def faults(sandbox: RunningSandbox) -> Iterator[Inject]:
    def inject(path_prefix: str, status: int, count: int = 1, method: str | None = None) -> None:
        spec = {"path_prefix": path_prefix, "status": status, "count": count, "method": method}
        HTTP.post(f"{sandbox.url}/_sandbox/faults", json=spec).raise_for_status()

    yield inject
    HTTP.delete(f"{sandbox.url}/_sandbox/faults").raise_for_status()


class Shop:
    """An empty sandbox of one's own, and the few objects tests build in it."""

    def __init__(self, running: RunningSandbox) -> None:
        self.url = running.url
        self.service = StripeService(service_settings(running.url, running.api_key))
        self.ctx = SkillContext(stripe=self.service, today=date.today(), settings=SkillSettings())
        self.sent = Sent(running.url)
        self.api = httpx.Client(
            base_url=running.url, auth=(running.api_key, ""), timeout=30, trust_env=False
        )

    def _ok(self, path: str, data: dict[str, Any]) -> dict[str, Any]:
        response = self.api.post(path, data=data)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def card(self, number: str = GOOD_CARD) -> str:
        data = {"type": "card", "card[number]": number, "card[exp_month]": "12"}
        data |= {"card[exp_year]": "2034", "card[cvc]": "123"}
        return str(self._ok("/v1/payment_methods", data)["id"])

    def customer(self, name: str, email: str, *, card: str = GOOD_CARD) -> str:
        """A customer whose default payment method is `card`; returns its id."""
        pm = self.card(card)
        data = {"name": name, "email": email, "payment_method": pm}
        data["invoice_settings[default_payment_method]"] = pm
        return str(self._ok("/v1/customers", data)["id"])

    def price(self, lookup_key: str, amount: int, interval: str = "month") -> str:
        product = self._ok("/v1/products", {"name": lookup_key.split("_")[0].title()})
        data = {"product": product["id"], "currency": "usd", "unit_amount": str(amount)}
        data |= {"recurring[interval]": interval, "lookup_key": lookup_key}
        return str(self._ok("/v1/prices", data)["id"])

    def inject(self, path_prefix: str, status: int, method: str | None = None) -> None:
        """Fail the next matching request (the sandbox's reset clears what is left)."""
        spec = {"path_prefix": path_prefix, "status": status, "count": 1, "method": method}
        HTTP.post(f"{self.url}/_sandbox/faults", json=spec).raise_for_status()

    def service_requests(self) -> list[Entry]:
        """Everything but the builders' own setup POSTs (which carry no idempotency key)."""
        return [e for e in self.sent.entries() if e["method"] != "POST" or e["idempotency_key"]]


@pytest.fixture
def shop(empty_sandbox: RunningSandbox, contract: StripeContract) -> Iterator[Shop]:  # noqa: F811
    built = Shop(empty_sandbox)
    yield built
    built.api.close()
    violations = violations_in(built.service_requests(), contract)
    if violations:
        pytest.fail("Requests outside Stripe's API:\n" + report(violations))


def run_skill(ctx: SkillContext, name: str, raw: dict[str, Any]) -> Any:
    """Plan, then run the planned arguments: what the agent does after a confirmation."""
    skill = SKILLS[name]
    return skill.run(ctx, skill.plan(ctx, raw).args)


def raw_payment_intents(url: str, api_key: str, **filters: Any) -> list[Entry]:
    """Every PaymentIntent (latest charge expanded), paged by hand over plain HTTP: the oracle
    that the service's and the skills' answers are compared with."""
    params = {"limit": 100, "expand[0]": "data.latest_charge", **filters}
    found: list[Entry] = []
    with httpx.Client(base_url=url, auth=(api_key, ""), timeout=30, trust_env=False) as api:
        while True:
            page = api.get("/v1/payment_intents", params=params).json()
            found += page["data"]
            if not page["has_more"]:
                return found
            params["starting_after"] = page["data"][-1]["id"]
