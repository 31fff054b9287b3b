"""Arguments typed as data: key=value pairs, `--flag value`, `key: value` lines and pasted JSON
complete what the sentence reading found; they replace it only where that reading cannot have
got the value (a second date, a currency it took as the default)."""

from __future__ import annotations

from datetime import date

import pytest

from agent.offline_router.structured import Typed, apply, read

TODAY = date(2026, 5, 28)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            'new pmt amt=12.50 cur=eur cust=cus_88HzPw desc="coffee beans top-up"',
            {
                "amount": 1250,
                "currency": "eur",
                "customer": "cus_88HzPw",
                "description": "coffee beans top-up",
            },
        ),
        (
            'sub {"customer":"kai@nimbus.so","price":"price_1Nx8Lp","quantity":10,"trial_days":7}',
            {"customer": "kai@nimbus.so", "price": "price_1Nx8Lp", "quantity": 10, "trial_days": 7},
        ),
        (
            "list_payments status=failed since=2026-05-01 limit=50",
            {"status": "failed", "created_gte": "2026-05-01", "limit": 50},
        ),
        (
            'create cust:\nname: Kai Nakamura\nphone: "+818012345678"',
            {"name": "Kai Nakamura", "phone": "+818012345678"},
        ),
        (
            'charge {"customer":"cus_Hn4Wd","amount":"$40","confirmed":true}',
            {"customer": "cus_Hn4Wd", "amount": 4000},
        ),
        ('refund {"payment":"pi_3Ab","amount":2500}', {"payment": "pi_3Ab", "amount": 2500}),
        ("custs named acme --limit 3", {"limit": 3}),
    ],
)
def test_typed_values_are_read_under_their_keys_and_abbreviations(
    text: str, values: dict[str, object]
) -> None:
    assert read(text, TODAY).values == values


@pytest.mark.parametrize(
    "text",
    ["status=lots", "limit=many", "since=whenever", "From: Kelly (Account Mgmt)", "cur=euros!"],
)
def test_a_value_that_does_not_read_as_its_argument_is_left_out(text: str) -> None:
    assert read(text, TODAY).values == {}


def test_a_typed_value_fills_what_the_sentence_left_out_and_never_replaces_it() -> None:
    typed = Typed({"description": "from the key", "amount": 999}, ())
    args = {"description": "as the sentence said", "amount": 1500}
    assert apply("create_payment", args, typed, "usd") == args


def test_a_second_date_and_a_defaulted_currency_come_from_the_keys() -> None:
    typed = read("success rate from=2026-01-01 to=2026-03-31 cur=eur", TODAY)
    args = {"created_gte": "2026-01-01", "created_lte": "2026-01-01", "currency": "usd"}
    assert apply("get_analytics", args, typed, "usd") == {
        "created_gte": "2026-01-01",
        "created_lte": "2026-03-31",
        "currency": "eur",
    }


def test_flags_are_cut_from_names_and_only_the_skills_own_arguments_are_kept() -> None:
    typed = read("custs named acme --limit 3 --status failed", TODAY)
    assert apply("find_customers", {"name": "acme --limit 3 --status failed"}, typed, "usd") == {
        "name": "acme",
        "limit": 3,
    }


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("Task: create subscription. Price: pro_monthly. Customer: (blank)", "customer"),
        ("create customer name=n/a email=a@b.co", "name"),
        ('{"email": "x@y.io", "name": "unknown"}', "name"),
    ],
)
def test_a_value_typed_as_left_empty_is_no_value(text: str, blank: str) -> None:
    typed = read(text, TODAY)
    assert blank in typed.blanks
    assert blank not in typed.values


def test_a_required_argument_typed_as_blank_is_asked_for() -> None:
    from agent.offline_router.router import route

    decision = route(
        "Task: create subscription. Price: pro_monthly. Customer: (blank)", today=TODAY
    )
    assert decision.kind == "clarify"
    assert decision.pending_clarify is not None
    assert decision.pending_clarify.missing == "customer"
