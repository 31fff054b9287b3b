"""Refunds stated by reference ("her last payment") or by share ("half of pi_…"): the agent
reads the payment first, then asks to confirm an exact refund. The read is no skill call, and
nothing moves before the yes."""

from __future__ import annotations

import uuid
from typing import Any

from agent.runner import AgentRunner
from tests.agent.conftest import MakeRunner


def _sid() -> str:
    return f"ses_{uuid.uuid4().hex[:12]}"


def _fresh(make_runner: MakeRunner, sandbox: Any) -> tuple[AgentRunner, Any, dict[str, str]]:
    """A runner on a freshly seeded sandbox: the shared one gains payments for Jane as other
    tests run, so "her last payment" would move under these tests."""
    from skills.stripe_service import StripeService
    from tests.conftest import service_settings

    service = StripeService(service_settings(sandbox.url, sandbox.api_key))
    return make_runner(stripe=service), service, dict(sandbox.manifest.refs)


def test_her_last_payment_is_the_customers_newest(
    make_runner: MakeRunner, fresh_sandbox: Any
) -> None:
    runner, stripe_service, refs = _fresh(make_runner, fresh_sandbox)
    sid = _sid()
    runner.chat(caller="alice", message="find jane@example.com", session_id=sid)
    reply = runner.chat(caller="alice", message="refund her last payment", session_id=sid)
    assert reply.kind == "confirm", reply.reply
    assert [c.name for c in reply.tool_calls] == ["refund_payment"]
    assert reply.tool_calls[0].requested_args == {"payment": refs["payment.jane_last"]}
    assert reply.pending_action is not None
    assert stripe_service.get_payment(refs["payment.jane_last"]).amount_refunded == 0


def test_half_of_a_payment_is_computed_from_its_total(
    runner: AgentRunner, refs: dict[str, str], stripe_service: Any
) -> None:
    payment = refs["payment.usd_succeeded"]
    total = stripe_service.get_payment(payment).amount
    reply = runner.chat(caller="alice", message=f"refund half of {payment}", session_id=_sid())
    assert reply.kind == "confirm", reply.reply
    assert reply.pending_action is not None
    assert reply.pending_action.args == {"payment": payment, "amount": total // 2}
    assert stripe_service.get_payment(payment).amount_refunded == 0


def test_a_share_of_her_last_payment_combines_both(
    make_runner: MakeRunner, fresh_sandbox: Any
) -> None:
    runner, _, refs = _fresh(make_runner, fresh_sandbox)
    reply = runner.chat(
        caller="alice", message="refund 25% of jane@example.com's last payment", session_id=_sid()
    )
    assert reply.kind == "confirm", reply.reply
    assert reply.pending_action is not None
    assert reply.pending_action.args == {"payment": refs["payment.jane_last"], "amount": 3225}


def test_an_unreadable_payment_gets_a_question_and_nothing_pending(runner: AgentRunner) -> None:
    reply = runner.chat(
        caller="alice", message="refund half of pi_3NoSuchThing1", session_id=_sid()
    )
    assert reply.kind == "clarify"
    assert "couldn't read" in reply.reply
    assert reply.pending_action is None
    assert reply.tool_calls == []


def test_a_customer_without_payments_gets_a_question(runner: AgentRunner) -> None:
    reply = runner.chat(
        caller="alice", message="refund priya@example.net's last payment", session_id=_sid()
    )
    assert reply.kind == "clarify"
    assert "has no payments" in reply.reply
    assert reply.pending_action is None


def test_a_dry_run_reads_nothing_and_asks_for_the_amount(make_runner: MakeRunner) -> None:
    runner = make_runner(mode="dry")
    reply = runner.chat(caller="alice", message="refund half of pi_3AbCdEf", session_id=_sid())
    assert reply.kind == "clarify"
    assert "How much of pi_3AbCdEf" in reply.reply
    assert reply.pending_action is None


def test_the_looked_up_refund_runs_only_after_yes(
    make_runner: MakeRunner, fresh_sandbox: Any
) -> None:
    runner, service, refs = _fresh(make_runner, fresh_sandbox)
    payment = refs["payment.jane_last"]
    sid = _sid()
    asked = runner.chat(
        caller="alice", message="refund half of jane's last payment", session_id=sid
    )
    assert asked.kind == "confirm", asked.reply
    assert service.get_payment(payment).amount_refunded == 0
    done = runner.chat(caller="alice", message="yes", session_id=sid)
    assert done.kind == "answer", done.reply
    assert service.get_payment(payment).amount_refunded == 6450
