"""The audit log records every skill run: who, which session, what, with which key, how it
ended, the Stripe object and how long it took."""

from __future__ import annotations

import uuid

from agent.runner import AgentRunner
from skills.stripe_service import idempotency_key


def test_a_read_is_audited_without_an_idempotency_key(runner: AgentRunner) -> None:
    sid = f"ses_{uuid.uuid4().hex[:12]}"
    runner.chat(caller="auditor", message="what's my balance?", session_id=sid)
    [entry] = runner.audit.entries(session_id=sid)
    assert (entry.caller, entry.skill, entry.outcome) == ("auditor", "get_balance", "ok")
    assert entry.idempotency_key is None
    assert entry.duration_ms > 0


def test_a_confirmed_refund_is_audited_with_its_key_and_refund_id(
    runner: AgentRunner, refs: dict[str, str]
) -> None:
    sid = f"ses_{uuid.uuid4().hex[:12]}"
    asked = runner.chat(
        caller="auditor", message=f"refund $1 of {refs['payment.usd_succeeded_2']}", session_id=sid
    )
    assert asked.pending_action is not None
    assert runner.audit.entries(session_id=sid) == []  # nothing ran yet
    runner.chat(caller="auditor", message="yes", session_id=sid)
    [entry] = runner.audit.entries(session_id=sid)
    assert entry.skill == "refund_payment"
    assert entry.outcome == "ok"
    assert entry.args == {"payment": refs["payment.usd_succeeded_2"], "amount": 100}
    assert entry.action_id == asked.pending_action.id
    assert entry.idempotency_key == idempotency_key(asked.pending_action.id, "refund_payment")
    assert entry.stripe_object_id is not None and entry.stripe_object_id.startswith("re_")


def test_a_request_refused_while_planning_records_no_run(runner: AgentRunner) -> None:
    sid = f"ses_{uuid.uuid4().hex[:12]}"
    runner.chat(caller="auditor", message="refund $1 of pi_doesnotexist123", session_id=sid)
    assert runner.audit.entries(session_id=sid) == []  # refused while planning: nothing ran
