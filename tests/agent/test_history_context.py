"""The router's context read from the message history: a pronoun stands for the customer the
user named earlier (README, choice 3), not for an id read from a result."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage

from agent.routers.history import router_context


def _turn(user: str, skill: str, args: dict[str, Any], result: dict[str, Any]) -> list[BaseMessage]:
    call_id = f"call_{skill}"
    return [
        HumanMessage(user),
        AIMessage(content="", tool_calls=[{"name": skill, "args": args, "id": call_id}]),
        ToolMessage(content="done", tool_call_id=call_id, artifact={"result": result}),
    ]


def test_a_customer_looked_up_by_name_is_the_name_the_user_typed() -> None:
    found = {"customers": [{"id": "cus_Hist0001", "name": "Priya Raman"}]}
    history = _turn("look up Priya Raman", "find_customers", {"name": "Priya Raman"}, found)
    ctx = router_context([*history, HumanMessage("show her payments")])
    assert ctx.last_customer == "Priya Raman"


def test_an_email_the_user_typed_wins_over_the_name_of_the_same_call() -> None:
    created = {"customer": {"id": "cus_Hist0002", "email": "ola@nord.no"}}
    args = {"name": "Ola Nordmann", "email": "ola@nord.no"}
    history = _turn("create customer Ola Nordmann ola@nord.no", "create_customer", args, created)
    ctx = router_context([*history, HumanMessage("charge him 200 NOK")])
    assert ctx.last_customer == "ola@nord.no"


def test_a_free_text_search_names_no_customer() -> None:
    found = {"customers": [{"id": "cus_Hist0003", "name": "Blue Door Bakery"}]}
    history = _turn("search for bakery", "find_customers", {"query": "bakery"}, found)
    ctx = router_context([*history, HumanMessage("show their payments")])
    assert ctx.last_customer == "cus_Hist0003"


def test_a_customer_typed_alone_is_the_one_the_next_message_means() -> None:
    asked = AIMessage("What would you like to do with it?")
    for typed in ("rosa@fleur.fr", "cus_Typed0001"):
        ctx = router_context([HumanMessage(typed), asked, HumanMessage("look her up")])
        assert ctx.last_customer == typed


def test_two_customers_typed_together_leave_her_open() -> None:
    asked = AIMessage("Which one?")
    history = [HumanMessage("rosa@fleur.fr or ana@x.io"), asked, HumanMessage("look her up")]
    assert router_context(history).last_customer is None


def test_a_business_named_in_a_turn_no_skill_answered_is_the_one_them_means() -> None:
    """ "send Henderson Events an invoice" (out of scope), then "charge them directly"."""
    refused = AIMessage("Sorry, that's not something I can do here.")
    history = [
        HumanMessage("send Henderson Events an invoice for $3,400, due in 30 days"),
        refused,
        HumanMessage("fine, then charge them directly — $3,400"),
    ]
    assert router_context(history).last_customer == "Henderson Events"


def test_a_message_naming_nobody_in_capitals_leaves_them_open() -> None:
    refused = AIMessage("Sorry, that's not something I can do here.")
    history = [HumanMessage("can you export my payments to excel?"), refused, HumanMessage("ok")]
    assert router_context(history).last_customer is None
