"""`stripe-agent`: run the service, the sandbox, or talk to the agent from a terminal."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Annotated

import typer

app = typer.Typer(
    help="A natural-language agent over Stripe. Without STRIPE_API_KEY everything runs on a "
    "local sandbox.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to bind (default AGENT_HOST or 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default AGENT_PORT or 8000).")] = None,
) -> None:
    """Run the HTTP API. Starts the sandbox when STRIPE_API_KEY is unset."""
    import uvicorn

    from api.app import create_app
    from api.logging_setup import configure_logging
    from api.platform import Platform

    configure_logging()
    platform = Platform.start()
    bind_host = host or platform.api_settings.host
    bind_port = port or platform.api_settings.port
    typer.echo(f"Mode: {platform.mode}. API docs: http://{bind_host}:{bind_port}/api/docs")
    if platform.sandbox is not None:
        typer.echo(f"Sandbox Stripe at {platform.sandbox.url}")
    if platform.dev_key:
        typer.echo(f"Dev API key (sandbox only, this run): {platform.dev_key}")
    try:
        uvicorn.run(create_app(platform), host=bind_host, port=bind_port, log_config=None)
    finally:
        platform.close()


@app.command()
def sandbox(
    port: Annotated[
        int | None, typer.Option(help="Port for the sandbox (default: a free one).")
    ] = None,
) -> None:
    """Start and seed the local Stripe sandbox, print its URL and contents, run until Ctrl-C."""
    from sandbox.runner import serve_sandbox_forever

    serve_sandbox_forever(port)


@app.command()
def chat(
    session: Annotated[str | None, typer.Option(help="Continue this session id.")] = None,
    today: Annotated[str | None, typer.Option(help="Pin today's date (YYYY-MM-DD).")] = None,
) -> None:
    """Talk to the agent interactively (tables for lists, a clear confirmation prompt)."""
    from cli.interactive import run_chat

    run_chat(session_id=session, today=_day(today))


@app.command()
def ask(
    message: Annotated[str, typer.Argument(help='What to ask, e.g. "what\'s my balance?"')],
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON reply.")] = False,
    session: Annotated[str | None, typer.Option(help="Continue this session id.")] = None,
    today: Annotated[str | None, typer.Option(help="Pin today's date (YYYY-MM-DD).")] = None,
) -> None:
    """Ask one thing and print the reply (same JSON as POST /api/agent/chat with --json)."""
    from api.platform import Platform

    logging.basicConfig(level=logging.WARNING)
    platform = Platform.start()
    try:
        reply = platform.runner.chat(
            caller="cli", message=message, session_id=session, today=_day(today)
        )
    finally:
        platform.close()
    if as_json:
        typer.echo(json.dumps(reply.model_dump(mode="json"), indent=2))
    else:
        typer.echo(f"[{reply.kind}] {reply.reply}")
        typer.echo(f"(session {reply.session_id}, {reply.mode})", err=True)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from err


if __name__ == "__main__":
    app()
