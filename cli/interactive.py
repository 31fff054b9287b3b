"""The interactive chat: rich tables for lists, a boxed confirmation prompt."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from agent.reply import AgentReply
from api.platform import Platform

console = Console()
CONFIRM_HINT = "Type [bold]yes[/bold] to run it, [bold]no[/bold] to cancel."


def run_chat(*, session_id: str | None, today: date | None) -> None:
    platform = Platform.start()
    console.print(f"[bold]Stripe agent[/bold] ({platform.mode}). Type 'quit' to leave.")
    try:
        while True:
            try:
                message = console.input("[bold cyan]you>[/bold cyan] ").strip()
            except (EOFError, KeyboardInterrupt):
                break
            if message.lower() in {"quit", "exit", ":q"}:
                break
            if not message:
                continue
            reply = platform.runner.chat(
                caller="cli", message=message, session_id=session_id, today=today
            )
            session_id = reply.session_id
            show(reply)
    finally:
        platform.close()


def show(reply: AgentReply) -> None:
    table = _table(reply)
    if reply.kind == "confirm" and reply.pending_action:
        body = f"{reply.pending_action.summary}\n\n{CONFIRM_HINT}"
        console.print(Panel(body, title="Confirm money action", border_style="yellow"))
    elif table is not None:
        console.print(table)
    else:
        style = {"error": "red", "refuse": "red", "clarify": "yellow"}.get(reply.kind, "green")
        console.print(f"[{style}]{reply.kind}[/{style}] {reply.reply}")


def _table(reply: AgentReply) -> Table | None:
    """Payments and customers as tables; other replies stay text."""
    data = reply.result or {}
    rows: list[dict[str, Any]] = data.get("payments") or data.get("customers") or []
    if not rows:
        return None
    columns = [c for c in COLUMNS if c in rows[0]]
    table = Table(title=reply.reply.splitlines()[0], show_header=True, header_style="bold")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table


COLUMNS = (
    "id",
    "amount",
    "currency",
    "status",
    "amount_refunded",
    "customer",
    "name",
    "email",
    "created",
    "description",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value)[:10] if isinstance(value, str) and value[:4].isdigit() else str(value)
