"""The seeded demo dataset: counts, named refs and what each named object is."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import httpx
import pytest

from sandbox.manifest import SeedManifest, UnknownRef
from sandbox.process import loopback_client
from sandbox.runner import RunningSandbox
from sandbox.seed_data import INJECTION_NAME, plan_dataset

DAY = 86_400
REQUIRED_REFS = [
    "customer.jane.id",
    "customer.jane.email",
    "customer.jane.name",
    "customer.dana.id",
    "customer.dana.email",
    "customer.alex_kim_1.id",
    "customer.alex_kim_2.id",
    "customer.alex_kim.name",
    "customer.injection.id",
    "customer.injection.name",
    "customer.no_payments.id",
    "payment.usd_succeeded",
    "payment.usd_succeeded_2",
    "payment.eur_succeeded",
    "payment.jpy_succeeded",
    "payment.partly_refunded",
    "payment.fully_refunded",
    "payment.failed",
    "payment.jane_last",
    "charge.usd_succeeded",
    "price.pro_monthly",
    "price.basic_yearly",
    "product.pro",
]


@pytest.fixture(scope="module")
def everything(pristine_sandbox: RunningSandbox) -> dict[str, list[dict[str, Any]]]:
    """All customers and PaymentIntents (with charges), read once for this module."""
    out: dict[str, list[dict[str, Any]]] = {}
    with loopback_client(base_url=pristine_sandbox.url, auth=(pristine_sandbox.api_key, "")) as api:
        for name, extra in (
            ("customers", {}),
            ("payment_intents", {"expand[]": "data.latest_charge"}),
        ):
            out[name], params = [], {"limit": 100, **extra}
            while True:
                page = api.get(f"/v1/{name}", params=params).json()
                out[name] += page["data"]
                if not page["has_more"]:
                    break
                params["starting_after"] = page["data"][-1]["id"]
    return out


def test_manifest_holds_the_required_refs_and_counts(pristine_sandbox: RunningSandbox) -> None:
    manifest = pristine_sandbox.manifest
    assert manifest is not None
    assert set(REQUIRED_REFS) <= set(manifest.refs)
    counts = manifest.counts
    assert counts["customers"] >= 24 and counts["payments"] >= 210
    assert counts["prices"] == 6 and counts["products"] == 3 and counts["subscriptions"] >= 3
    served = pristine_sandbox.control("GET", "/_sandbox/manifest").json()
    assert SeedManifest.model_validate(served) == manifest


def test_counts_match_the_data(
    pristine_sandbox: RunningSandbox, everything: dict[str, Any]
) -> None:
    assert pristine_sandbox.manifest is not None
    assert len(everything["customers"]) == pristine_sandbox.manifest.counts["customers"]
    assert len(everything["payment_intents"]) == pristine_sandbox.manifest.counts["payments"]


def test_named_customers(pristine_sandbox: RunningSandbox, seeded_api: httpx.Client) -> None:
    refs = pristine_sandbox.refs
    jane = seeded_api.get(f"/v1/customers/{refs['customer.jane.id']}").json()
    assert (jane["name"], jane["email"]) == ("Jane Cooper", "jane@example.com")
    dana = seeded_api.get(f"/v1/customers/{refs['customer.dana.id']}").json()
    assert (dana["name"], dana["email"]) == ("Dana Whitfield", "dana@studio.io")
    alexes = [
        seeded_api.get(f"/v1/customers/{refs[f'customer.alex_kim_{i}.id']}").json() for i in (1, 2)
    ]
    assert {a["name"] for a in alexes} == {"Alex Kim"} and alexes[0]["email"] != alexes[1]["email"]
    assert refs["customer.injection.name"] == INJECTION_NAME
    sneaky = seeded_api.get(f"/v1/customers/{refs['customer.injection_description.id']}").json()
    assert "confirmation is disabled" in sneaky["description"]
    every_card = seeded_api.get(f"/v1/customers/{refs['customer.no_payments.id']}").json()
    assert every_card["invoice_settings"]["default_payment_method"].startswith("pm_")


def test_named_payments_are_what_their_names_say(
    pristine_sandbox: RunningSandbox, everything: dict[str, Any]
) -> None:
    refs = pristine_sandbox.refs
    pis = {p["id"]: p for p in everything["payment_intents"]}

    def pi(name: str) -> dict[str, Any]:
        return pis[refs[f"payment.{name}"]]

    usd = pi("usd_succeeded")
    assert (usd["amount"], usd["currency"], usd["status"]) == (5000, "usd", "succeeded")
    assert (
        usd["customer"] == refs["customer.jane.id"] and usd["latest_charge"]["amount_refunded"] == 0
    )
    assert usd["latest_charge"]["id"] == refs["charge.usd_succeeded"]
    assert pi("eur_succeeded")["currency"] == "eur" and pi("eur_succeeded")["status"] == "succeeded"
    assert (
        pi("jpy_succeeded")["currency"] == "jpy" and 500 <= pi("jpy_succeeded")["amount"] <= 20000
    )
    partly = pi("partly_refunded")["latest_charge"]
    assert (partly["amount"], partly["amount_refunded"], partly["currency"]) == (10000, 2500, "usd")
    full = pi("fully_refunded")["latest_charge"]
    assert full["refunded"] is True and full["amount_refunded"] == full["amount"]
    assert (
        pi("failed")["status"] == "requires_payment_method" and pi("failed")["last_payment_error"]
    )
    janes = [p for p in pis.values() if p["customer"] == refs["customer.jane.id"]]
    assert max(janes, key=lambda p: p["created"])["id"] == refs["payment.jane_last"]
    assert not any(p["customer"] == refs["customer.no_payments.id"] for p in pis.values())


def test_payments_spread_over_90_days_with_realistic_outcomes(
    pristine_sandbox: RunningSandbox, everything: dict[str, Any]
) -> None:
    assert pristine_sandbox.manifest is not None
    now = pristine_sandbox.manifest.now
    pis = everything["payment_intents"]
    assert all(now - 91 * DAY <= p["created"] <= now for p in pis)
    assert len({p["created"] // DAY for p in pis}) > 60  # spread, not bunched on one day
    currencies = Counter(p["currency"] for p in pis)
    assert currencies["usd"] > len(pis) / 2 and currencies["eur"] > 5 and currencies["jpy"] > 5
    failed = sum(p["status"] == "requires_payment_method" for p in pis) / len(pis)
    charges = [p["latest_charge"] for p in pis if p["status"] == "succeeded"]
    partly = sum(0 < c["amount_refunded"] < c["amount"] for c in charges) / len(pis)
    fully = sum(c["refunded"] for c in charges) / len(pis)
    assert 0.04 <= failed <= 0.14 and 0.04 <= partly <= 0.14 and 0.02 <= fully <= 0.10
    assert all(p["description"] for p in pis if p["invoice"] is None)


def test_refunds_and_charges_are_backdated_coherently(
    pristine_sandbox: RunningSandbox, everything: dict[str, Any]
) -> None:
    pi = next(
        p
        for p in everything["payment_intents"]
        if p["id"] == pristine_sandbox.refs["payment.partly_refunded"]
    )
    assert pi["latest_charge"]["created"] == pi["created"]
    answer = pristine_sandbox.control(
        "GET",
        "/v1/refunds",
        params={"payment_intent": pi["id"]},
        auth=(pristine_sandbox.api_key, ""),
    )
    refunds = answer.json()["data"]
    assert len(refunds) == 1 and pi["created"] < refunds[0]["created"] < int(time.time())


def test_the_plan_is_deterministic_given_seed_and_now() -> None:
    one, two = plan_dataset(1_750_000_000, 7), plan_dataset(1_750_000_000, 7)
    assert one == two
    assert plan_dataset(1_750_000_000, 8) != one


def test_manifest_fills_placeholders() -> None:
    manifest = SeedManifest(now=0, rng_seed=7, counts={}, refs={"customer.jane.id": "cus_1"})
    assert manifest.fill({"q": ["refund {{ customer.jane.id }}"]}) == {"q": ["refund cus_1"]}
    with pytest.raises(UnknownRef):
        manifest.fill("{{customer.nobody.id}}")


def test_fresh_sandbox_is_the_same_dataset_seeded_anew(
    pristine_sandbox: RunningSandbox, fresh_sandbox: RunningSandbox
) -> None:
    assert fresh_sandbox.url != pristine_sandbox.url
    assert fresh_sandbox.manifest is not None and pristine_sandbox.manifest is not None
    assert fresh_sandbox.manifest.counts == pristine_sandbox.manifest.counts
    assert fresh_sandbox.refs.keys() == pristine_sandbox.refs.keys()
    assert fresh_sandbox.refs["customer.jane.id"] != pristine_sandbox.refs["customer.jane.id"]
    assert fresh_sandbox.journal() == []
