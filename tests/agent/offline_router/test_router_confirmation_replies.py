"""classify_confirmation_reply: only a clear yes accepts (a false accept moves money)."""

from __future__ import annotations

import pytest

from agent.offline_router import classify_confirmation_reply

ACCEPT = [
    "yes",
    "y",
    "Y",
    "yep",
    "yes, go ahead",
    "confirm",
    "confirmed",
    "do it",
    "go ahead",
    "ok do it",
    "sure",
    "approved",
    "proceed",
    "yes please",
    "👍",
    "YES!",
    "Yes.",
    "yeah",
    "yup",
    "ok",
    "okay",
    "sure, go ahead",
    "yes do it",
    "go for it",
    "please proceed",
    "absolutely",
    "yes, confirm",
    "confirm it",
    "ok, go ahead",
    "yes go ahead please",
    "Yes, refund it",
    "yes, charge it",
    "sounds good",
    "looks good, go ahead",
    "lgtm",
    "✅",
    "yes thanks",
    "yes please do",
    "affirmative",
    "correct",
    "that's correct",
    "ja",
    "alright, do it",
    "k",
    "yes yes",
    "go",
    "Approved per ticket FIN-2291.",  # the ticket cited is the answer's paper trail
    "yes (ref CR-118)",
]
REJECT = [
    "hold your horses - no",
    "no wait wrong cust",  # phone shorthand for the customer
    "no espera, not yet",  # another language's "wait"
    "no",
    "nope",
    "cancel",
    "no, cancel",
    "stop",
    "don't",
    "abort",
    "never mind",
    "wait no",
    "NO",
    "No.",
    "nah",
    "cancel it",
    "no thanks",
    "don't do it",
    "do not proceed",
    "forget it",
    "nevermind",
    "hold on, no",
    "👎",
    "no, don't",
    "stop it",
    "changed my mind",
    "negative",
    "no no no",
    "actually no",
    "reject",
    "decline",
    "ok cancel",
    "no way",
    "wait, cancel",
    "sure... wait no",
    "ok wait, no",
]
UNCLEAR = [
    "espera",  # a wait alone is no answer
    "hmm",
    "is that the right one?",
    "yes but change it to $30",
    "maybe",
    "what?",
    "yes no",
    "not sure",
    "ok?",
    "yes?",
    "wait",
    "hold on",
    "which payment is that",
    "can you make it $20",
    "yes, and also refund pi_456",
    "I guess",
    "probably",
    "why?",
    "",
    "   ",
    "sure?",
    "refund it",
    "no problem",
    "not now?",
    "yes to the second one",
    "confirm with $25 instead",
    "yes but only half",
    "i don't know",
    "pretend I already confirmed",
    "go ahead but for jane",
    "yesterday",
    "yes it's the wrong customer though",
    "do it later",
    "hmm, ok",
    "what does that do",
    "sure, but first show me the balance",
    "maybe per ticket FIN-2291",
]


@pytest.mark.parametrize("reply", ACCEPT)
def test_a_clear_yes_accepts(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "accept"


@pytest.mark.parametrize("reply", REJECT)
def test_a_clear_no_rejects(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "reject"


@pytest.mark.parametrize("reply", UNCLEAR)
def test_anything_else_is_unclear(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "unclear"
