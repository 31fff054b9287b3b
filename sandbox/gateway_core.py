"""The gateway's one path to localstripe: calls, error translation, caching, expansion.

localstripe lists cannot filter, so list and search answers are computed here from whole
collections. Fetching a collection costs one upstream request; it is cached until anything
changes (any non-GET upstream call or side-table write bumps `State.generation`), so repeated
reads of a quiet dataset stay cheap.
"""

from __future__ import annotations

from typing import Any

import httpx

from sandbox.gateway_errors import StripeHTTPError, from_upstream, no_such, resource_kind
from sandbox.gateway_forms import encode
from sandbox.gateway_shapes import base, present
from sandbox.gateway_state import Call, Reply, State

COLLECTION_BY_PREFIX = {
    "cus_": "customers",
    "pi_": "payment_intents",
    "ch_": "charges",
    "re_": "refunds",
    "sub_": "subscriptions",
    "si_": "subscription_items",
    "prod_": "products",
    "pm_": "payment_methods",
    "in_": "invoices",
    "txn_": "balance_transactions",
    "plan_": "plans",
}
UPSTREAM_LIST_PARAMS: dict[str, dict[str, str]] = {"subscriptions": {"status": "all"}}
REFERENCE_PARAMS = (
    "customer",
    "payment_method",
    "payment_intent",
    "charge",
    "product",
    "plan",
    "subscription",
    "invoice",
)
PAGE = 1000


class Gateway:
    """State plus an HTTP client to localstripe, shared by every handler."""

    def __init__(self, upstream_url: str, api_key: str | None = None) -> None:
        self.api_key = api_key
        """The one key clients must present; None accepts any secret key."""
        self.upstream_url = upstream_url.rstrip("/")
        self.state = State()
        self.client = httpx.AsyncClient(
            base_url=self.upstream_url,
            timeout=httpx.Timeout(60.0),
            headers={"Authorization": f"Bearer {api_key or 'sk_test_sandbox_gateway'}"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
            trust_env=False,  # loopback only: never route through a proxy from the environment
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def send(
        self, method: str, path: str, params: dict[str, Any] | None = None
    ) -> httpx.Response:
        if method in ("GET", "DELETE"):
            return await self.client.request(method, path, params=encode(params or {}))
        return await self.client.request(
            method,
            path,
            content=encode(params or {}),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

    async def upstream(self, method: str, path: str, params: dict[str, Any] | None = None) -> Any:
        """Call localstripe: its answer base-shaped, or a StripeHTTPError in Stripe's shape."""
        response = await self.send(method, path, params)
        if method != "GET":
            self.state.changed()
        if response.status_code >= 400:
            raise await self._error(response, method, path, params or {})
        body = response.json()
        if method == "POST":
            self.state.saw_created(body)
        return base(self.state, body)

    async def _error(
        self, response: httpx.Response, method: str, path: str, params: dict[str, Any]
    ) -> StripeHTTPError:
        if response.status_code == 404 and method == "POST":
            missing = await self.missing_reference(path, params)
            if missing is not None:
                return missing
        return from_upstream(response.status_code, response.content, method, path)

    async def missing_reference(self, path: str, params: dict[str, Any]) -> StripeHTTPError | None:
        """localstripe says only "Not Found"; Stripe names the id (and parameter) that is."""
        parts = path.strip("/").split("/")
        candidates = [("id", parts[2])] if len(parts) >= 3 else []
        candidates += [(k, params[k]) for k in REFERENCE_PARAMS if isinstance(params.get(k), str)]
        for param, obj_id in candidates:
            if await self.resolve(obj_id) is None:
                return no_such(resource_kind(obj_id), obj_id, param)
        return None

    async def resolve(self, obj_id: str) -> dict[str, Any] | None:
        """The base-shaped object with this id, or None."""
        if obj_id in self.state.prices:
            price = dict(self.state.prices[obj_id])
            price["created"] = self.state.backdates.get(obj_id, price["created"])
            return price
        hit = self.state.indexed().get(obj_id)
        if hit is not None:
            return hit
        collection = next(
            (c for p, c in COLLECTION_BY_PREFIX.items() if obj_id.startswith(p)), None
        )
        if collection is None:
            return None
        response = await self.send("GET", f"/v1/{collection}/{obj_id}")
        if response.status_code != 200:
            return None
        obj: dict[str, Any] = base(self.state, response.json())
        return obj

    async def fetch(self, obj_id: str, param: str = "id") -> dict[str, Any]:
        found = await self.resolve(obj_id)
        if found is None:
            raise no_such(resource_kind(obj_id), obj_id, param)
        return found

    async def collection(self, name: str) -> list[dict[str, Any]]:
        """Every object of a localstripe collection, base-shaped, cached per generation."""
        generation = self.state.generation
        cached = self.state.collections.get(name)
        if cached is not None and cached[0] == generation:
            return cached[1]
        items: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": PAGE, **UPSTREAM_LIST_PARAMS.get(name, {})}
        while True:
            page = await self.upstream("GET", f"/v1/{name}", params)
            items.extend(page["data"])
            if not page.get("has_more") or not page["data"]:
                break
            params = {**params, "starting_after": page["data"][-1]["id"]}
        self.state.collections[name] = (generation, items)
        return items

    async def show(self, obj: dict[str, Any], expand: list[str]) -> dict[str, Any]:
        return await present(obj, expand, self.resolve)

    async def forward(
        self, call: Call, *, path: str | None = None, params: dict[str, Any] | None = None
    ) -> Reply:
        """Pass a request through to localstripe and answer in Stripe's shape."""
        sent = params if params is not None else call.without("expand")
        obj = await self.upstream(call.method, path or call.path, sent)
        return Reply(200, await self.show(obj, call.expand))
