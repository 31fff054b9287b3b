"""What the offline router may know from earlier turns, read from the message history itself
(tool results and the router's own clarifying questions), so no second store can drift."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage

from agent.offline_router import LOOKUP, PendingClarify, RouterContext, ToolCall, typed_customer
from agent.offline_router.names import capitalised_run
from agent.offline_router.pasted_tables import sheet_text
from agent.offline_router.router import parse


def today_of(messages: Sequence[BaseMessage], default: date) -> date:
    """The turn's pinned date travels on the human message (set by the runner)."""
    for msg in reversed(messages):
        if isinstance(msg, HumanMessage):
            pinned = msg.additional_kwargs.get("today")
            return date.fromisoformat(pinned) if pinned else default
    return default


def router_context(messages: Sequence[BaseMessage]) -> RouterContext:
    """Context for the last human message from everything before it, and from a payment
    lookup made for it since (the router then decides the same message again)."""
    ctx = RouterContext()
    last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=0)
    earlier = list(messages[:last_human])
    _absorb_lookup(ctx, messages[last_human + 1 :])
    if earlier and isinstance(earlier[-1], AIMessage):
        pending = earlier[-1].additional_kwargs.get("pending_clarify")
        if pending:
            ctx.pending_clarify = PendingClarify.model_validate(pending)
    for msg in reversed(earlier):
        if isinstance(msg, ToolMessage) and isinstance(msg.artifact, dict):
            _absorb(ctx, msg.artifact.get("result") or {})
            if ctx.last_payment or ctx.last_customer:
                break
    _add_last_call(ctx, earlier)
    if not ctx.last_customer:  # "rosa@fleur.fr" (what about her?), then "look her up"
        ctx.last_customer = _typed_customer(earlier)
    if not ctx.last_payments:  # "pi_A and pi_B are the same order … refund the second one"
        ctx.last_payments = _typed_payment_ids(earlier)
    ctx.last_sheet = _pasted_sheet(earlier)
    return ctx


def _pasted_sheet(earlier: Sequence[BaseMessage]) -> str | None:
    """The sheet of the latest user message that pasted one."""
    for msg in reversed(earlier):
        if isinstance(msg, HumanMessage) and (found := sheet_text(str(msg.content))):
            return found
    return None


_PAYMENT_ID = re.compile(r"\b(?:pi|ch)_[A-Za-z0-9]{3,}\b")


def _typed_payment_ids(earlier: Sequence[BaseMessage]) -> list[str]:
    """The payment ids the user typed in their latest message that had any, in order."""
    for msg in reversed(earlier):
        if isinstance(msg, HumanMessage):
            found = list(dict.fromkeys(_PAYMENT_ID.findall(str(msg.content))))
            if found:
                return found
    return []


_CUSTOMER_REF = re.compile(r"\bcus_[A-Za-z0-9]{3,}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _typed_customer(earlier: Sequence[BaseMessage]) -> str | None:
    """The one customer id or email the user's previous message typed alone: no skill ran
    for it (a skill's own call and result say whom it meant). Without one, the business or
    person it named in capitals ("send Henderson Events an invoice for $3,400", answered out of
    scope, then "fine, then charge them directly"): a name, which the confirmation shows."""
    for msg in reversed(earlier):
        if isinstance(msg, ToolMessage):
            return None
        if isinstance(msg, HumanMessage):
            found = set(_CUSTOMER_REF.findall(str(msg.content)))
            if found:
                return found.pop() if len(found) == 1 else None
            return _named(str(msg.content))
    return None


def _named(text: str) -> str | None:
    """The one run of capitalised name words in a short message of one line, if any."""
    if "\n" in text.strip() or len(text.split()) > _SHORT_MESSAGE_WORDS:
        return None
    run = capitalised_run(parse(text, date.today()))
    return run.text if run is not None else None


_SHORT_MESSAGE_WORDS = 25


def _add_last_call(ctx: RouterContext, earlier: list[BaseMessage]) -> None:
    """The previous skill call as the router made it; pending if it still waits for a yes
    (or was just set aside by this very message). A customer the user typed for it wins over
    an id read from results: "charge her" means the person the user named, also when the call
    named them by `name` only ("look up Priya Raman", then "show her payments") or looked up a
    `cus_` id (a `query`)."""
    outcomes = {m.tool_call_id: m.artifact for m in earlier if isinstance(m, ToolMessage)}
    for msg in reversed(earlier):
        if isinstance(msg, AIMessage) and msg.tool_calls:
            call = msg.tool_calls[0]
            if call["name"] == LOOKUP:
                continue  # a read on the way to a call, not a call the user could refine
            ctx.last_call = ToolCall(skill=call["name"], args=dict(call["args"]))
            outcome = outcomes.get(call["id"] or "")
            superseded = isinstance(outcome, dict) and outcome.get("error_code") == "superseded"
            if outcome is None or superseded:
                ctx.pending_action = ctx.last_call
            declined = isinstance(outcome, dict) and outcome.get("error_code") == "rejected"
            ctx.declined_call = declined  # "no" … "ok then only $10"
            typed = typed_customer(call["args"])
            if isinstance(typed, str) and typed:
                ctx.last_customer = typed
            return


def _absorb_lookup(ctx: RouterContext, since: Sequence[BaseMessage]) -> None:
    for msg in since:
        if isinstance(msg, ToolMessage) and msg.name == LOOKUP:
            found = msg.artifact if isinstance(msg.artifact, dict) else {}
            ctx.lookup_done = True
            ctx.looked_up = found.get("payment")
            ctx.lookup_why = found.get("why") or (None if ctx.looked_up else "no result")


def _absorb(ctx: RouterContext, result: dict[str, Any]) -> None:
    payments = result.get("payments")
    if payments:
        ctx.last_payments = [p["id"] for p in payments]
        ctx.last_payment = payments[0]["id"]
        customers = {p.get("customer") for p in payments} - {None}
        if len(customers) == 1:
            ctx.last_customer = customers.pop()
    payment = result.get("payment")
    if isinstance(payment, dict):
        ctx.last_payment = payment.get("id")
        ctx.last_customer = payment.get("customer") or ctx.last_customer
    refund = result.get("refund")
    if isinstance(refund, dict) and refund.get("payment"):
        ctx.last_payment = refund["payment"]
    customers_found = result.get("customers")
    if customers_found and len(customers_found) == 1:
        ctx.last_customer = customers_found[0]["id"]
    customer = result.get("customer")
    if isinstance(customer, dict):
        ctx.last_customer = customer.get("id")
