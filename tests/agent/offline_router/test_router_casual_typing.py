# ruff: noqa: E501  (messages are kept verbatim, as users typed them)
"""How people type when they are in a hurry: a greeting before the request and thanks after it,
no apostrophes, a phone's capital at the start. Each is read like the careful spelling."""

from __future__ import annotations

from typing import Any

import pytest
from router_expect import check, kind, tool

MAY = {"created_gte": "2026-05-01", "created_lte": "2026-05-31"}

CASES = [
    # a greeting and a bare "thanks" around the request are neither small talk nor data
    ("hi! translate 'thank you for your payment' into German thanks", kind("out_of_scope")),
    ("Hi Sam, refund pi_3Ab4Cd5Ef thanks", tool("refund_payment", payment="pi_3Ab4Cd5Ef")),
    ("hey there - what's my balance", tool("get_balance")),
    (
        "hi! pls add Carla Ruiz (carla@ruizdesign.mx), note: wholesale buyer thanks",
        tool(
            "create_customer",
            name="Carla Ruiz",
            email="carla@ruizdesign.mx",
            description="wholesale buyer",
        ),
    ),
    (
        "hi! I just got off the phone with cus_Wq61ErTy and cus_Wq61ErTz. Charge her 50 for the cancellation fee. thanks",
        kind("clarify"),
    ),
    # contractions and possessives without their apostrophe
    ("whos kwame@ashantigold.gh", tool("find_customers", email="kwame@ashantigold.gh")),
    ("hows business", tool("get_analytics")),
    ("show me Dave Kowalskis payments", tool("list_payments", customer="Dave Kowalski")),
    (
        "Could you list Blue Fin Ltds payments from May?",
        tool("list_payments", customer="Blue Fin Ltd", **MAY),
    ),
    (
        "can I get Marchs numbers?",
        tool("get_analytics", created_gte="2026-03-01", created_lte="2026-03-31"),
    ),
    (
        "take £30 off amy.henderson@gmail.coms card",
        tool("create_payment", customer="amy.henderson@gmail.com", amount=3000, currency="gbp"),
    ),
    # a phone capitalises the first letter of the message, id or not
    (
        "Pi_3KuB1nXy needs a $60 refund, thx",
        tool("refund_payment", payment="pi_3KuB1nXy", amount=6000),
    ),
    (
        "Cus_Uu7Vv8Ww charge €0,99",
        tool("create_payment", customer="cus_Uu7Vv8Ww", amount=99, currency="eur"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_hurried_typing_reads_like_careful_typing(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    "message", ["hi! yes go ahead thanks", "yes\n\nThanks,\nPriya", "no thanks"]
)
def test_a_firm_yes_or_no_with_thanks_is_still_an_answer_to_nothing(message: str) -> None:
    """With nothing waiting, "yes go ahead, thanks" is told so (a clarify), not "you're welcome"."""
    check(message, kind("clarify"))


@pytest.mark.parametrize("message", ["ok thanks", "great, thanks!", "perfect thank you", "hello"])
def test_thanks_and_greetings_alone_are_small_talk(message: str) -> None:
    check(message, kind("answer"))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Dave Kowalskis payments", "Dave Kowalski's payments"),
        ("Sarah Jones payments", "Sarah Jones payments"),  # "Jones" is a word of its own
        ("Adams card", "Adams card"),
        ("Harbour Tea Cos payments", "Harbour Tea Co's payments"),  # a company suffix
    ],
)
def test_an_s_is_a_possessive_only_when_the_name_is_not_a_word_with_it(
    typed: str, read: str
) -> None:
    from agent.offline_router.shorthand import expand

    assert expand(typed) == read


UNQUOTED = [
    (
        "Could you charge cus_NfW82kLq $120? Please put March consulting as the description so they know what its for",
        tool(
            "create_payment", customer="cus_NfW82kLq", amount=12000, description="March consulting"
        ),
    ),
    (
        "Register a customer called Summit Dental Group with the note billing via PO only",
        tool("create_customer", name="Summit Dental Group", description="billing via PO only"),
    ),
    (
        "can you make a customer - name Kwame Mensah, email kwame.m@mensah.test, and put pays by invoice, net 30 as the description",
        tool(
            "create_customer",
            name="Kwame Mensah",
            email="kwame.m@mensah.test",
            description="pays by invoice, net 30",
        ),
    ),
    ("search customers for the keyword wholesale", tool("find_customers", query="wholesale")),
    (
        "which customers have wholesale in their description",
        tool("find_customers", query="wholesale"),
    ),
    ("anyone with acme anywhere in their customer record", tool("find_customers", query="acme")),
    (
        "Could you search our customers for wholesale? some of them have it in their description",
        tool("find_customers", query="wholesale"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), UNQUOTED)
def test_descriptions_and_search_text_need_no_quotes(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_put_the_notes_in_the_description_points_at_the_notes() -> None:
    """ "put the notes in the description" refers to the notes given; it is no description."""
    check(
        "create the customer and put the notes in the description. Name: Lena Fischer / Email: lena@fischer.test / Notes: prefers email",
        tool(
            "create_customer",
            name="Lena Fischer",
            email="lena@fischer.test",
            description="prefers email",
        ),
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "bill um, Jane Cooper $1,250 for the website redesign",
            tool(
                "create_payment",
                customer="Jane Cooper",
                amount=125000,
                description="website redesign",
            ),
        ),
        ("look uh up Priya Raman", tool("find_customers", name="Priya Raman")),
        (
            "refund ch_3MnB7vCx6ZaQ - client request",
            tool("refund_payment", payment="ch_3MnB7vCx6ZaQ", reason="requested_by_customer"),
        ),
    ],
)
def test_spoken_hesitation_is_no_part_of_the_request(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("find Jane Cooper asap", tool("find_customers", name="Jane Cooper")),
        (
            "add customer tom@tomsgarage.test description: wholesale account 🙏",
            tool("create_customer", email="tom@tomsgarage.test", description="wholesale account"),
        ),
        ("search customers for gmbh pls", tool("find_customers", query="gmbh")),
    ],
)
def test_urgency_and_emoji_closing_a_request_are_no_part_of_its_values(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_a_yes_with_an_emoji_still_reads_as_yes() -> None:
    from agent.offline_router import classify_confirmation_reply

    assert classify_confirmation_reply("yes go ahead 🙏") == "accept"
    assert classify_confirmation_reply("👍") == "accept"
    assert classify_confirmation_reply("hmm 🙏") == "unclear"


@pytest.mark.parametrize(
    "message",
    ["Quick one from the front desk. Yes, go ahead.", "Back from lunch. Yep do it", "Ok. Confirm"],
)
def test_a_yes_after_a_sentence_of_context_with_nothing_pending_is_told_so(message: str) -> None:
    decision = check(message, kind("clarify"))
    assert "nothing waiting" in decision.text


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        ("Yes, plaese go ahead with it.", "accept"),
        ("yes thnaks", "accept"),
        ("no plaese", "reject"),
    ],
)
def test_a_slip_in_a_filler_word_keeps_the_answer(reply: str, verdict: str) -> None:
    from agent.offline_router import classify_confirmation_reply

    assert classify_confirmation_reply(reply) == verdict


@pytest.mark.parametrize("reply", ["aprrove", "go aheda", "confrim"])
def test_an_accept_word_is_never_read_through_a_new_slip(reply: str) -> None:
    from agent.offline_router import classify_confirmation_reply

    assert classify_confirmation_reply(reply) == "unclear"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Would you kindly process a refund for the customers payment", kind("clarify")),
        ("refund the customers payments from yesterday", kind("refuse")),
        (
            "how did may look?",
            tool("get_analytics", created_gte="2026-05-01", created_lte="2026-05-31"),
        ),
    ],
)
def test_one_customers_payment_without_its_apostrophe_is_no_bulk_action(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected)


def test_a_relayed_yes_with_nothing_pending_is_told_so() -> None:
    decision = check("Customer says yes, go ahead with it.", kind("clarify"))
    assert "nothing waiting" in decision.text
