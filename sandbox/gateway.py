"""The sandbox gateway: Stripe's API in front of localstripe, as its own process.

    python -m sandbox.gateway --upstream http://127.0.0.1:8420 --port 8421 [--api-key sk_test_...]

Every `/v1` request is authenticated (the sandbox's key, or a Connect access token: see
gateway_oauth, which also answers `/oauth/...` as connect.stripe.com), journaled, may hit an
injected fault, is made idempotent when it carries an `Idempotency-Key`, and is then answered by
a handler (gateway_routes) or passed through to localstripe; either way the answer is in
Stripe's shape. localstripe (GPL-3.0) runs only as a separate process: nothing here imports it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import logging
import os
import secrets
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from sandbox import gateway_admin as admin
from sandbox import gateway_oauth as oauth
from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import StripeHTTPError, stripe_error
from sandbox.gateway_forms import parse_pairs, unflatten
from sandbox.gateway_routes import route
from sandbox.gateway_state import Call, Remembered, Reply

log = logging.getLogger("sandbox.gateway")


async def v1(request: Request) -> JSONResponse:
    gw: Gateway = request.app.state.gateway
    posting = request.method == "POST"
    raw = (await request.body()).decode() if posting else request.url.query
    call = Call(
        method=request.method,
        path=request.url.path,
        raw=raw,
        params=unflatten(parse_pairs(raw)),
        idempotency_key=request.headers.get("idempotency-key") if posting else None,
        account=request.headers.get("stripe-account"),
    )
    replayed = False
    try:
        call.account = oauth.acting_account(request, gw.api_key, call.method, call.account)
        fault = gw.state.take_fault(call.method, call.path)
        if fault is not None:
            raise admin.fault_error(fault)
        if call.idempotency_key:
            reply, replayed = await idempotent(gw, call)
        else:
            reply = await answer(gw, call)
    except StripeHTTPError as err:
        reply = Reply(err.status, err.body, err.headers)
    gw.state.journal.append(
        {
            "method": call.method,
            "path": call.path,
            "raw_params": call.raw,
            "idempotency_key": call.idempotency_key,
            "stripe_account": call.account,
            "status": reply.status,
            "replayed": replayed,
        }
    )
    headers = {"Request-Id": "req_" + secrets.token_hex(7), **reply.headers}
    return JSONResponse(reply.body, status_code=reply.status, headers=headers)


async def answer(gw: Gateway, call: Call) -> Reply:
    handler, match = route(call.method, call.path)
    try:
        return await handler(gw, call, match)
    except StripeHTTPError as err:
        return Reply(err.status, err.body, err.headers)
    except Exception as exc:  # a gateway bug must still answer in Stripe's shape
        log.exception("unhandled error on %s %s", call.method, call.path)
        failure = stripe_error(500, f"The local sandbox failed: {exc!r}", type="api_error")
        return Reply(failure.status, failure.body, {"Stripe-Should-Retry": "false"})


async def idempotent(gw: Gateway, call: Call) -> tuple[Reply, bool]:
    """First answer per key is kept and replayed; one request per key runs at a time.

    As in Stripe, only answers that reflect a change (2xx, and 402 declines, which leave a
    failed PaymentIntent behind) are kept; a refused request may be retried with its key.
    """
    key = (call.account, str(call.idempotency_key))
    async with gw.state.key_lock(key):
        seen = gw.state.remembered.get(key)
        if seen is not None:
            if (seen.method, seen.path, seen.params) != (call.method, call.path, call.params):
                raise stripe_error(
                    400,
                    "Keys for idempotent requests can only be used with the same parameters "
                    "they were first used with. Try using a key other than "
                    f"'{call.idempotency_key}' if you meant to execute a different request.",
                    type="idempotency_error",
                )
            headers = {**seen.reply.headers, "Idempotent-Replayed": "true"}
            return Reply(seen.reply.status, copy.deepcopy(seen.reply.body), headers), True
        reply = await answer(gw, call)
        reply.headers["Idempotency-Key"] = str(call.idempotency_key)
        if 200 <= reply.status < 300 or reply.status == 402:
            kept = Reply(reply.status, copy.deepcopy(reply.body), dict(reply.headers))
            gw.state.remembered[key] = Remembered(call.method, call.path, call.params, kept)
        return reply, False


def create_app(upstream_url: str, api_key: str | None = None, instance: str = "") -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.gateway = Gateway(upstream_url, api_key)
        yield
        await app.state.gateway.aclose()

    routes = [
        Route("/v1/{rest:path}", v1, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/health", admin.health, methods=["GET"]),
        Route("/_sandbox/journal", admin.journal, methods=["GET", "DELETE"]),
        Route("/_sandbox/backdate", admin.backdate, methods=["GET", "POST"]),
        Route("/_sandbox/faults", admin.faults, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/manifest", admin.manifest, methods=["GET", "POST"]),
        Route("/_sandbox/reset", admin.reset, methods=["POST"]),
        Route("/_config/{rest:path}", admin.config_passthrough, methods=["GET", "POST", "DELETE"]),
        Route("/oauth/authorize", oauth.authorize, methods=["GET"]),
        Route("/oauth/token", oauth.token, methods=["POST"]),
        Route("/oauth/deauthorize", oauth.deauthorize, methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.instance = instance
    app.state.connect = oauth.ConnectBook()
    return app


async def _watch_parent(parent_pid: int, upstream_pid: int | None) -> None:
    """If the process that started us dies (even by SIGKILL), take localstripe down and exit."""
    while os.getppid() == parent_pid:
        await asyncio.sleep(0.5)
    if upstream_pid and _is_localstripe(upstream_pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(upstream_pid, signal.SIGTERM)
    os.kill(os.getpid(), signal.SIGTERM)


def _is_localstripe(pid: int) -> bool:
    try:
        return b"localstripe" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--upstream", required=True, help="localstripe's base URL")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--api-key", default=None, help="the only key accepted (default: any)")
    parser.add_argument("--watch-parent", type=int, default=None, help="exit when it dies")
    parser.add_argument("--upstream-pid", type=int, default=None, help="stop it on parent death")
    parser.add_argument("--instance", default="", help="token /_sandbox/health echoes back")
    args = parser.parse_args(argv)
    app = create_app(args.upstream, args.api_key, args.instance)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning")
    server = uvicorn.Server(config)

    async def run() -> None:
        watcher: asyncio.Task[Any] | None = None
        if args.watch_parent:
            watcher = asyncio.create_task(_watch_parent(args.watch_parent, args.upstream_pid))
        await server.serve()
        if watcher:
            watcher.cancel()

    asyncio.run(run())


if __name__ == "__main__":
    main()
