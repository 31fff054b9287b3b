"""Replies to a confirmation in more wordings: signatures, other languages, negations, a
no passed on from someone else. Anything with a condition, a question or a second instruction
stays unclear (a false accept moves money). A yes or no with nothing pending is asked about;
a question about the pending action does not replace it."""

from __future__ import annotations

import pytest
from router_expect import TODAY, check, kind

from agent.offline_router import (
    RouterContext,
    ToolCall,
    asks_about_pending,
    classify_confirmation_reply,
    route,
)

ACCEPT = [
    "Yes, go ahead.\n— R. Okonkwo",
    "Confirmed.\nBest regards,\nTreasury Desk",
    "Approved — thanks, Priya",
    "Kindly proceed.",
    "Yes, please proceed with the charge.",
    "go ahead with the refund please",
    "ok, that's fine",
    "agreed, do it",
    "ja, mach das",
    "sí, claro",
    "oui, allez-y",
    "sì, va bene",
    "sim, pode",
    "d'accord, merci",
    "vale, adelante por favor",
    "sorry, go ahead after all",
    "No wahala, go ahead",
    "No worries, go for it",
    "Sweet as, send it through",
]
REJECT = [
    "No.\n— M. Fischer",
    "Please don't go ahead with this one.",
    "do not refund it",
    "we do not wish to proceed",
    "not at this time, thank you",
    "wrong amount, cancel",
    "that's wrong — stop",
    "the client said no",
    "legal said no",
    "I've changed my mind",
    "leave it as is",
    "nein danke",
    "no gracias, cancelar",
    "non, annuler",
    "annulla",
    "não, obrigado",
    "on second thoughts, please cancel",
]
UNCLEAR = [
    "no worries",
    "no problem",
    "yes, but only half of it",
    "ok if it's below 40 euros",
    "ja, aber erst morgen",
    "sí, pero para otro cliente",
    "approved. also refund pi_3Extra99",
    "yes and charge cus_Second22 too",
    "go ahead tomorrow",
    "is that the EUR one?",
    "Approved.\n— Also Refund Pi_3Sneaky",
    "they said yes",
    "yes no",
    "wrong amount but go ahead",
]


@pytest.mark.parametrize("reply", ACCEPT)
def test_more_wordings_of_yes_accept(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "accept"


@pytest.mark.parametrize("reply", REJECT)
def test_more_wordings_of_no_reject(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "reject"


@pytest.mark.parametrize("reply", UNCLEAR)
def test_conditions_questions_and_second_instructions_stay_unclear(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "unclear"


@pytest.mark.parametrize("reply", ["yes", "ok go for it", "si, adelante", "nope", "cancel it"])
def test_a_yes_or_no_with_nothing_pending_is_asked_about(reply: str) -> None:
    """The gate answers these when an action is pending, so the router sees them only when
    nothing waits for an answer: it asks what to do, and nothing runs."""
    decision = check(reply, kind("clarify"))
    assert decision.pending_clarify is None


def test_thanks_alone_is_small_talk_not_a_yes() -> None:
    check("great, thanks!", kind("answer"))


_REFUND = ToolCall(skill="refund_payment", args={"payment": "pi_3Pend1234"})
_SUB = ToolCall(skill="create_subscription", args={"customer": "cus_Pend77", "price": "pro_yearly"})


def _pending(call: ToolCall, customer: str | None = None) -> RouterContext:
    return RouterContext(pending_action=call, last_call=call, last_customer=customer)


@pytest.mark.parametrize(
    ("message", "ctx"),
    [
        ("hold on, how much does stripe charge as a fee on this?", _pending(_REFUND)),
        ("which currency is that in?", _pending(_REFUND)),
        ("sorry, who is that customer?", _pending(_SUB, "cus_Pend77")),
        ("what plan is this again", _pending(_SUB, "cus_Pend77")),
        ("let me run it by our accountant", _pending(_REFUND)),
        ("I'll check with the customer first", _pending(_SUB, "cus_Pend77")),
        ("ok, I need to think about it", _pending(_REFUND)),
    ],
)
def test_a_question_about_the_pending_action_does_not_replace_it(
    message: str, ctx: RouterContext
) -> None:
    decision = route(message, today=TODAY, context=ctx)
    assert asks_about_pending(message, decision, ctx)


@pytest.mark.parametrize(
    ("message", "ctx"),
    [
        ("hang on, what's our balance?", _pending(_REFUND)),
        ("wait, refund pi_3Other555 instead", _pending(_REFUND)),
        ("first show me that customer's payments", _pending(_SUB, "cus_Pend77")),
        ("how did we do last month?", _pending(_REFUND)),
        ("let me see the failed payments first", _pending(_REFUND)),
        ("I need to check the balance before that", _pending(_REFUND)),
    ],
)
def test_a_new_request_or_a_question_about_something_else_is_not_about_the_pending_action(
    message: str, ctx: RouterContext
) -> None:
    decision = route(message, today=TODAY, context=ctx)
    assert not asks_about_pending(message, decision, ctx)


def test_without_a_pending_action_no_question_is_about_it() -> None:
    message = "what's the fee on that?"
    decision = route(message, today=TODAY)
    assert not asks_about_pending(message, decision, RouterContext())
