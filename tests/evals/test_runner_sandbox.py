"""The sandbox backend: end_state is checked against what the case created in Stripe, and a
case that wrote to Stripe leaves the next case a re-seeded sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agent.database import open_database
from agent.routers.scripted_model import ScriptedChatModel, tool_call
from agent.settings import AgentSettings
from evals.backends import SandboxBackend
from evals.cases import Case
from evals.runner import RunResult, play_case

Env = tuple[SandboxBackend, ScriptedChatModel]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    model = ScriptedChatModel(script=[])
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('evals') / 'evals.db'}")
    backend = SandboxBackend(AgentSettings(), db, lambda: model, pool_size=1)
    yield backend, model
    backend.close()
    db.close()


def _refund_case(reply: str, expect: dict[str, Any], end_state: dict[str, Any]) -> Case:
    return Case.model_validate(
        {
            "id": "sb-t",
            "category": "sandbox_end_state",
            "backend": "sandbox",
            "turns": [
                {
                    "user": "refund $1 of {{payment.usd_succeeded}}",
                    "expect": {
                        "tool": "refund_payment",
                        "args": {"payment": "{{payment.usd_succeeded}}", "amount": 100},
                        "confirm": True,
                    },
                },
                {"user": reply, "expect": expect},
            ],
            "end_state": end_state,
        }
    )


def _play(env: Env, case: Case) -> tuple[RunResult, str]:
    backend, model = env
    with backend.case_env() as case_env:
        payment = case_env.refs["payment.usd_succeeded"]
        model.script.append(tool_call("refund_payment", {"payment": payment, "amount": 100}))
        return play_case(case, case_env), payment


ONE_REFUND = {"refunds": [{"payment": "{{payment.usd_succeeded}}", "amount": 100}]}


def test_a_rejected_refund_creates_nothing(env: Env) -> None:
    run, _ = _play(env, _refund_case("no", {"confirmation": "reject"}, {"refunds": []}))
    assert run.passed, [t.why for t in run.turns]
    assert run.end_state_ok is True


def test_an_end_state_that_expects_a_refund_fails_when_none_was_made(env: Env) -> None:
    run, _ = _play(env, _refund_case("no", {"confirmation": "reject"}, ONE_REFUND))
    assert all(t.passed for t in run.turns)
    assert run.end_state_ok is False and not run.passed
    assert "refunds: expected 1 new, found 0" in run.end_state_why


def test_an_accepted_refund_creates_exactly_one_refund_and_the_next_case_gets_a_fresh_seed(
    env: Env,
) -> None:
    backend = env[0]
    reseeds = backend.reseeds
    run, payment = _play(env, _refund_case("yes", {"confirmation": "accept"}, ONE_REFUND))
    assert run.passed, [t.why for t in run.turns] + [run.end_state_why]
    assert run.end_state_ok is True
    assert backend.reseeds == reseeds + 1
    with backend.case_env() as fresh:
        assert fresh.refs["payment.usd_succeeded"] != payment
        assert fresh.stripe is not None
        fresh_payment = fresh.refs["payment.usd_succeeded"]
        refunds = fresh.stripe.all("refunds")
        assert [r for r in refunds if r.get("payment_intent") == fresh_payment] == []


def test_a_placeholder_without_a_value_fails_the_case_cleanly(env: Env) -> None:
    case = Case.model_validate(
        {
            "id": "sb-u",
            "category": "x",
            "turns": [{"user": "{{nope.missing}}", "expect": {"tool": None, "kind": "clarify"}}],
        }
    )
    with env[0].case_env() as case_env:
        run = play_case(case, case_env)
    assert not run.passed and run.error and "nope.missing" in run.error
