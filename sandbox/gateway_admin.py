"""The sandbox's own control endpoints (`/_sandbox/...`), the account, auth and faults.

Tests and the seed steer the gateway through these: read or clear the request journal,
backdate objects, inject faults, store the seed manifest, and reset everything between tests.
None of them is journaled (only `/v1` traffic is Stripe traffic).
"""

from __future__ import annotations

import base64
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import StripeHTTPError, stripe_error
from sandbox.gateway_state import Call, Fault, Reply

ACCOUNT_ID = "acct_sandbox0000000000"


def _gw(request: Request) -> Gateway:
    gateway: Gateway = request.app.state.gateway
    return gateway


async def health(request: Request) -> JSONResponse:
    gw = _gw(request)
    try:
        upstream = (await gw.send("GET", "/v1/customers", {"limit": 1})).status_code == 200
    except Exception:
        upstream = False
    body = {"ok": upstream, "upstream": upstream, "instance": request.app.state.instance}
    return JSONResponse(body, status_code=200 if upstream else 503)


async def journal(request: Request) -> JSONResponse:
    gw = _gw(request)
    if request.method == "DELETE":
        gw.state.journal.clear()
        return JSONResponse({"cleared": True})
    return JSONResponse(gw.state.journal)


async def backdate(request: Request) -> JSONResponse:
    gw = _gw(request)
    if request.method == "GET":
        return JSONResponse(gw.state.backdates)
    table = await request.json()
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, int) for k, v in table.items()
    ):
        return JSONResponse({"error": "expected a JSON object {object_id: unix_ts}"}, 400)
    gw.state.backdates.update(table)
    gw.state.changed()
    return JSONResponse({"backdated": len(table)})


async def faults(request: Request) -> JSONResponse:
    gw = _gw(request)
    if request.method == "DELETE":
        gw.state.faults.clear()
        return JSONResponse({"cleared": True})
    if request.method == "GET":
        return JSONResponse([vars(f) for f in gw.state.faults])
    spec = await request.json()
    try:
        fault = Fault(
            path_prefix=str(spec["path_prefix"]),
            status=int(spec["status"]),
            count=int(spec.get("count", 1)),
            method=spec.get("method"),
            should_retry=bool(spec.get("should_retry", False)),
        )
    except (KeyError, TypeError, ValueError):
        return JSONResponse({"error": "expected {path_prefix, status, count?, method?}"}, 400)
    gw.state.faults.append(fault)
    return JSONResponse(vars(fault))


async def manifest(request: Request) -> JSONResponse:
    gw = _gw(request)
    if request.method == "POST":
        gw.state.manifest = await request.json()
        return JSONResponse({"stored": True})
    if gw.state.manifest is None:
        return JSONResponse({"error": "the sandbox has not been seeded"}, 404)
    return JSONResponse(gw.state.manifest)


async def reset(request: Request) -> JSONResponse:
    """Empty localstripe and every side table: a fresh sandbox without a new process."""
    gw = _gw(request)
    await gw.client.delete("/_config/data")
    gw.state.reset()
    return JSONResponse({"reset": True})


async def config_passthrough(request: Request) -> Response:
    """localstripe's own `/_config/...` (webhook registration), forwarded untouched."""
    gw = _gw(request)
    upstream = await gw.client.request(
        request.method,
        request.url.path,
        content=await request.body(),
        headers={"Content-Type": request.headers.get("content-type", "")},
    )
    return Response(upstream.content, upstream.status_code, media_type="text/plain")


async def account(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    for key in call.params:
        if key != "expand":
            raise stripe_error(400, f"Received unknown parameter: {key}", param=key)
    return Reply(200, account_object(call.account or ACCOUNT_ID))


def account_object(account_id: str) -> dict[str, Any]:
    return {
        "id": account_id,
        "object": "account",
        "business_profile": {"name": "ATOM Sandbox", "url": None, "support_email": None},
        "business_type": "company",
        "capabilities": {"card_payments": "active", "transfers": "active"},
        "charges_enabled": True,
        "country": "US",
        "created": 1_600_000_000,
        "default_currency": "usd",
        "details_submitted": True,
        "email": "sandbox@example.com",
        "livemode": False,
        "metadata": {},
        "payouts_enabled": True,
        "settings": {
            "dashboard": {"display_name": "ATOM Sandbox", "timezone": "Etc/UTC"},
            "payments": {"statement_descriptor": "ATOM SANDBOX"},
        },
        "type": "standard",
    }


def authenticate(header: str | None, api_key: str | None) -> None:
    """Stripe's 401s: no key, or a key other than the sandbox's."""
    if not header:
        raise stripe_error(
            401,
            "You did not provide an API key. You need to provide your API key in the "
            "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
            "YOUR_SECRET_KEY').",
        )
    scheme, _, value = header.partition(" ")
    key = value.strip()
    if scheme.lower() == "basic":
        try:
            key = base64.b64decode(key).decode().split(":")[0]
        except ValueError:
            key = ""
    accepted = key == api_key if api_key else key.startswith(("sk_", "rk_"))
    if not accepted:
        raise stripe_error(401, f"Invalid API Key provided: {_mask(key)}")


def _mask(key: str) -> str:
    return key[:8] + "*" * max(0, len(key) - 12) + key[-4:] if len(key) > 12 else "****"


def fault_error(fault: Fault) -> StripeHTTPError:
    """An injected failure in Stripe's shape; `Stripe-Should-Retry` tells the SDK not to retry."""
    headers = {"Stripe-Should-Retry": "true" if fault.should_retry else "false"}
    if fault.status == 429:
        return stripe_error(
            429,
            "Too many requests hit the API too quickly (fault injected by the sandbox).",
            code="rate_limit",
            headers=headers,
        )
    if fault.status >= 500:
        return stripe_error(
            fault.status,
            "Stripe could not process the request (fault injected by the sandbox).",
            type="api_error",
            headers=headers,
        )
    return stripe_error(fault.status, "Fault injected by the sandbox.", headers=headers)
