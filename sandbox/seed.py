"""Seed a sandbox with the demo dataset, over HTTP through the gateway, in a few seconds.

Everything goes through the gateway's Stripe API (so objects are in Stripe's shape, and
declines come back as Stripe's 402), then `created` times are backdated in one call, the
manifest is posted to `/_sandbox/manifest`, and the journal is cleared so tests start from an
empty one. Requests run a few at a time: localstripe is single-threaded, but overlapping them
hides the gateway's and the network's share of each.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Awaitable, Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx

from sandbox.manifest import SeedManifest
from sandbox.seed_data import PRICES, CustomerPlan, DatasetPlan, PaymentPlan, plan_dataset

T = TypeVar("T")
CONCURRENCY = 6
CARD = {"card[exp_month]": "12", "card[exp_year]": "2034", "card[cvc]": "123", "type": "card"}
GOOD_CARD, DECLINING_CARD = "4242424242424242", "4000000000000341"


class SeedError(RuntimeError):
    """The gateway refused a seeding request it should have accepted."""


def seed(url: str, api_key: str, *, now: datetime | None = None, rng_seed: int = 7) -> SeedManifest:
    """Fill the sandbox at `url`; deterministic given `rng_seed` and `now` (ids aside)."""
    moment = int((now or datetime.now(UTC)).timestamp())
    job = _Seeder(url, api_key, plan_dataset(moment, rng_seed), moment, rng_seed).run()
    return _run(job)


def _run(job: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, also from inside a running event loop (then on a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(job)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, job).result()


class _Seeder:
    def __init__(self, url: str, api_key: str, plan: DatasetPlan, now: int, rng_seed: int) -> None:
        self.url, self.api_key, self.plan = url, api_key, plan
        self.now, self.rng_seed = now, rng_seed
        self.refs: dict[str, str] = {}
        self.backdates: dict[str, int] = {}
        self.customers: list[tuple[str, str, str | None]] = []  # (id, good pm, declining pm)
        self.counts = {"refunds": 0, "failed_payments": 0}
        self._gate = asyncio.Semaphore(CONCURRENCY)

    async def run(self) -> SeedManifest:
        async with httpx.AsyncClient(
            base_url=self.url,
            auth=(self.api_key, ""),
            timeout=60.0,
            verify=False,  # plain HTTP on loopback: no certificate store to build
            trust_env=False,
        ) as self.http:
            await self._catalogue()
            self.customers = await self._all([self._customer(c) for c in self.plan.customers])
            await self._all([self._payment(p) for p in self.plan.payments])
            await self._all([self._subscription(i) for i in range(len(self.plan.subscriptions))])
            await self._control("POST", "/_sandbox/backdate", self.backdates)
            self.refs["customer.alex_kim.name"] = self.refs["customer.alex_kim_1.name"]
            manifest = SeedManifest(
                now=self.now, rng_seed=self.rng_seed, counts=self._counts(), refs=self.refs
            )
            await self._control("POST", "/_sandbox/manifest", manifest.model_dump())
            await self._control("DELETE", "/_sandbox/journal")
        return manifest

    async def _all(self, jobs: list[Awaitable[T]]) -> list[T]:
        async def gated(job: Awaitable[T]) -> T:
            async with self._gate:
                return await job

        return list(await asyncio.gather(*(gated(j) for j in jobs)))

    async def _post(self, path: str, data: dict[str, Any], ok: tuple[int, ...] = (200,)) -> Any:
        response = await self.http.post(path, data=data)
        if response.status_code not in ok:
            raise SeedError(f"POST {path} -> {response.status_code}: {response.text[:500]}")
        return response.json()

    async def _get(self, path: str) -> Any:
        response = await self.http.get(path)
        if response.status_code != 200:
            raise SeedError(f"GET {path} -> {response.status_code}: {response.text[:500]}")
        return response.json()

    async def _control(self, method: str, path: str, body: Any = None) -> None:
        response = await self.http.request(method, path, json=body)
        if response.status_code != 200:
            raise SeedError(f"{method} {path} -> {response.status_code}: {response.text[:500]}")

    async def _catalogue(self) -> None:
        products: dict[str, str] = {}
        for key, name, lookup_key, interval, amount in PRICES:
            if key not in products:
                product = await self._post("/v1/products", {"name": name})
                products[key] = self.refs[f"product.{key}"] = product["id"]
            price = await self._post(
                "/v1/prices",
                {
                    "product": products[key],
                    "currency": "usd",
                    "unit_amount": amount,
                    "recurring[interval]": interval,
                    "lookup_key": lookup_key,
                    "nickname": f"{name} ({interval}ly)",
                },
            )
            self.refs[f"price.{lookup_key}"] = price["id"]
        self.counts.update(products=len(products), prices=len(PRICES))

    async def _card(self, number: str) -> str:
        pm = await self._post("/v1/payment_methods", {**CARD, "card[number]": number})
        return str(pm["id"])

    async def _customer(self, plan: CustomerPlan) -> tuple[str, str, str | None]:
        good = await self._card(GOOD_CARD)
        data = {
            "name": plan.name,
            "email": plan.email,
            "payment_method": good,
            "invoice_settings[default_payment_method]": good,
        }
        if plan.description:
            data["description"] = plan.description
        if plan.phone:
            data["phone"] = plan.phone
        customer = await self._post("/v1/customers", data)
        cid = str(customer["id"])
        self.backdates[cid] = plan.created
        declining = None
        if plan.declining_card:
            declining = await self._card(DECLINING_CARD)
            await self._post(f"/v1/payment_methods/{declining}/attach", {"customer": cid})
        if plan.key:
            for attr in ("id", "email", "name"):
                self.refs[f"customer.{plan.key}.{attr}"] = customer[attr]
        return cid, good, declining

    async def _payment(self, plan: PaymentPlan) -> None:
        cid, good, declining = self.customers[plan.customer]
        failing = plan.outcome == "failed"
        answer = await self._post(
            "/v1/payment_intents",
            {
                "amount": plan.amount,
                "currency": plan.currency,
                "customer": cid,
                "payment_method": declining if failing and declining else good,
                "confirm": "true",
                "off_session": "true",
                "description": plan.description,
                "payment_method_types[0]": "card",
            },
            ok=(402,) if failing else (200,),
        )
        pi = answer["error"]["payment_intent"] if failing else answer
        self.counts["failed_payments"] += failing
        self.backdates[pi["id"]] = plan.created
        if isinstance(pi.get("latest_charge"), str):
            self.backdates[pi["latest_charge"]] = plan.created
        if plan.key:
            self.refs[f"payment.{plan.key}"] = pi["id"]
            if plan.key == "usd_succeeded":
                self.refs["charge.usd_succeeded"] = pi["latest_charge"]
        if plan.refund_amount:
            refund = await self._post(
                "/v1/refunds",
                {
                    "payment_intent": pi["id"],
                    "amount": plan.refund_amount,
                    "reason": "requested_by_customer",
                },
            )
            self.backdates[refund["id"]] = plan.refund_created
            self.counts["refunds"] += 1

    async def _subscription(self, index: int) -> None:
        plan = self.plan.subscriptions[index]
        data: dict[str, Any] = {
            "customer": self.customers[plan.customer][0],
            "items[0][price]": self.refs[f"price.{plan.lookup_key}"],
            "backdate_start_date": plan.start,
        }
        if plan.trial_days:
            data["trial_period_days"] = plan.trial_days
        sub = await self._post("/v1/subscriptions", data)
        self.backdates[sub["id"]] = plan.start
        self.refs[f"subscription.{index + 1}"] = sub["id"]
        invoice_id = sub.get("latest_invoice")
        if isinstance(invoice_id, str):
            invoice = await self._get(f"/v1/invoices/{invoice_id}")
            self.backdates[invoice_id] = plan.start
            if isinstance(invoice.get("payment_intent"), str):
                pi = await self._get(f"/v1/payment_intents/{invoice['payment_intent']}")
                self.backdates[pi["id"]] = plan.start
                if isinstance(pi.get("latest_charge"), str):
                    self.backdates[pi["latest_charge"]] = plan.start

    def _counts(self) -> dict[str, int]:
        paid_invoices = sum(1 for s in self.plan.subscriptions if not s.trial_days)
        return {
            "customers": len(self.plan.customers),
            "payments": len(self.plan.payments) + paid_invoices,
            "subscriptions": len(self.plan.subscriptions),
            **self.counts,
        }
