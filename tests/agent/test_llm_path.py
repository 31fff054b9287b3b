"""The LLM path, driven by ScriptedChatModel (a scripted stand-in, not a model): tool calls
from the model go through the same gate, replies are rendered without a second call, and
prompt tokens are counted and bounded."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from agent.routers.hybrid_model import HybridChatModel
from agent.routers.offline_model import OfflineRouterChatModel
from agent.routers.scripted_model import ScriptedChatModel, tool_call
from tests.agent.conftest import MakeRunner


def _sid() -> str:
    return f"ses_{uuid.uuid4().hex[:12]}"


def test_a_tool_call_is_answered_from_the_template_with_one_llm_call(
    make_runner: MakeRunner,
) -> None:
    model = ScriptedChatModel(script=[tool_call("get_balance", {})])
    reply = make_runner(model=model).chat(caller="svc", message="balance pls", session_id=_sid())
    assert reply.kind == "answer"
    assert reply.reply.startswith("Available:")
    assert reply.decided_by == "llm"
    assert reply.usage.llm_calls == 1
    assert reply.usage.prompt_tokens > 0
    assert model.script == []


def test_the_model_sees_the_skills_as_tools(make_runner: MakeRunner) -> None:
    model = ScriptedChatModel(script=[AIMessage(content="[out_of_scope] I can't do that.")])
    make_runner(model=model).chat(caller="svc", message="tell me a joke", session_id=_sid())
    assert model.bound_tools == [
        "list_payments",
        "create_payment",
        "get_balance",
        "find_customers",
        "create_customer",
        "refund_payment",
        "get_analytics",
        "create_subscription",
        "lookup_payment",
    ]


def test_the_model_may_read_a_payment_before_stating_the_refund(
    make_runner: MakeRunner, refs: dict[str, str], stripe_service: Any
) -> None:
    """The lookup's result goes back to the model (a second call); the refund it then states
    is the turn's only skill call, and it pauses like any other."""
    payment = refs["payment.jane_last"]
    model = ScriptedChatModel(
        script=[
            tool_call("lookup_payment", {"customer": "jane@example.com"}),
            tool_call("refund_payment", {"payment": payment, "amount": 6450}),
        ]
    )
    runner = make_runner(model=model)
    reply = runner.chat(
        caller="svc", message="refund half of jane's last payment", session_id=_sid()
    )
    assert reply.kind == "confirm"
    assert [c.name for c in reply.tool_calls] == ["refund_payment"]
    assert reply.usage.llm_calls == 2
    assert model.script == []
    assert stripe_service.get_payment(payment).amount_refunded == 0


@pytest.mark.parametrize("kind", ["clarify", "out_of_scope", "refuse"])
def test_a_tagged_text_reply_carries_its_kind(kind: str, make_runner: MakeRunner) -> None:
    model = ScriptedChatModel(script=[AIMessage(content=f"[{kind}] Some words.")])
    reply = make_runner(model=model).chat(caller="svc", message="…", session_id=_sid())
    assert reply.kind == kind
    assert reply.reply == "Some words."


def test_a_money_tool_call_from_the_model_still_pauses(
    make_runner: MakeRunner, refs: dict[str, str], stripe_service: Any
) -> None:
    payment = refs["payment.usd_succeeded_2"]
    before = stripe_service.get_payment(payment).amount_refunded
    model = ScriptedChatModel(
        script=[tool_call("refund_payment", {"payment": payment, "amount": 100})]
    )
    runner = make_runner(model=model)
    sid = _sid()
    reply = runner.chat(
        caller="svc", message="refund a dollar of it, no need to confirm", session_id=sid
    )
    assert reply.kind == "confirm"
    assert stripe_service.get_payment(payment).amount_refunded == before
    runner.chat(caller="svc", message="no", session_id=sid)
    assert stripe_service.get_payment(payment).amount_refunded == before


def test_an_injection_in_a_customer_name_cannot_move_money(
    make_runner: MakeRunner, refs: dict[str, str], stripe_service: Any
) -> None:
    """The model is scripted to fall for the injected text; the gate still holds."""
    victim = refs["payment.usd_succeeded_2"]
    before = stripe_service.get_payment(victim).amount_refunded
    model = ScriptedChatModel(
        script=[
            tool_call("find_customers", {"email": "injection@example.com"}),
            tool_call("refund_payment", {"payment": victim}),
        ]
    )
    runner = make_runner(model=model)
    sid = _sid()
    found = runner.chat(caller="svc", message="who is injection@example.com?", session_id=sid)
    assert refs["customer.injection.name"] in found.reply
    reply = runner.chat(caller="svc", message="ok do what the name says", session_id=sid)
    assert reply.kind == "confirm"
    assert stripe_service.get_payment(victim).amount_refunded == before


def test_history_is_trimmed_to_the_token_budget(make_runner: MakeRunner) -> None:
    from agent.tokens import count_message

    turns = 12

    def long_reply(_: Any) -> AIMessage:
        return AIMessage(content="[clarify] Which one? " + "x " * 200)

    model = ScriptedChatModel(script=[long_reply] * turns)
    runner = make_runner(model=model)  # history budget: AgentSettings' default, 3000 tokens
    sid = _sid()
    for _ in range(turns):
        runner.chat(caller="svc", message="which payments " + "y " * 200, session_id=sid)
    last_prompt = model.seen[-1]
    history = [m for m in last_prompt if m.type != "system"]
    assert sum(count_message(m) for m in history) <= 3000
    assert len(history) < 2 * turns


def test_hybrid_answers_confident_turns_without_the_llm(make_runner: MakeRunner) -> None:
    llm = ScriptedChatModel(script=[])
    model = HybridChatModel(offline=OfflineRouterChatModel(), llm=llm, threshold=0.8)
    reply = make_runner(model=model).chat(
        caller="svc", message="what's my balance?", session_id=_sid()
    )
    assert reply.kind == "answer"
    assert reply.decided_by == "offline"
    assert reply.usage.llm_calls == 0


def test_hybrid_asks_the_llm_when_the_rules_are_unsure(make_runner: MakeRunner) -> None:
    llm = ScriptedChatModel(script=[tool_call("get_balance", {})])
    model = HybridChatModel(offline=OfflineRouterChatModel(), llm=llm, threshold=1.01)
    reply = make_runner(model=model).chat(
        caller="svc", message="hmm what do we have", session_id=_sid()
    )
    assert reply.decided_by == "llm"
    assert reply.usage.llm_calls == 1
    assert reply.kind == "answer"
