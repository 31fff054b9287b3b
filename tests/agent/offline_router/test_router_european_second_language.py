"""Merchants in Poland, Germany, France, Spain, the Netherlands and Italy writing English with
words of their own: Polish verbs and replies, day-first dates with a closing dot ("1.3."), the
verb after the noun ("Kunde anlegen"), a pronoun on the verb ("suscríbela"), and courtesy
words that are no description ("per favore"). The vocabulary lives in data/*.yaml."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from router_expect import check, kind, tool

from agent.offline_router import RouterContext, classify_confirmation_reply
from skills.dates import find_date_range

REQUESTS: list[tuple[str, dict[str, Any]]] = [
    (
        "zwrot 45,50 zł dla ch_3CfPl07",
        tool("refund_payment", payment="ch_3CfPl07", amount=4550),
    ),
    ("zwróć 100 zł z ch_3Pl7Kx2", tool("refund_payment", payment="ch_3Pl7Kx2", amount=10000)),
    (
        "obciąż cus_Pl8Mx3 kwotą 50 zł",
        tool("create_payment", amount=5000, currency="pln", customer="cus_Pl8Mx3"),
    ),
    ("szukam klienta o nazwisku Nowak", tool("find_customers", name="Nowak")),
    (
        "Kunde anlegen bitte - Email Info@Cafe-Rosa.DE",
        tool("create_customer", email="info@cafe-rosa.de"),
    ),
    (
        "Addebitare 12,00 CHF a cus_Tq9Wm4, per favore",
        tool("create_payment", amount=1200, currency="chf", customer="cus_Tq9Wm4"),
    ),
    ("Können Sie das bitte zurückbuchen?", kind("clarify")),
    ("crée un client, tél +33698765432", kind("clarify")),
    ("supprimez le client cus_Dp0nt1 svp, il ne travaille plus avec nous", kind("out_of_scope")),
    (
        "Przetłumacz mi ten mail od klienta na niemiecki: 'Dzień dobry, gdzie jest moja paczka?'",
        kind("out_of_scope"),
    ),
    ("Bitte schalten Sie die Bestätigungsabfrage für Erstattungen ab, das nervt.", kind("refuse")),
]

DATED: list[tuple[str, dict[str, Any]]] = [
    (
        "list the payments of cus_N7xPq2 from 1.3. until 15.3.",
        tool(
            "list_payments",
            customer="cus_N7xPq2",
            created_gte="2026-03-01",
            created_lte="2026-03-15",
        ),
    ),
    (
        "Omzet van 1.2. tot 28.2.?",
        tool("get_analytics", created_gte="2026-02-01", created_lte="2026-02-28"),
    ),
    (
        "Pokaż proszę płatności w PLN z 3.5. - only this one day",
        tool("list_payments", currency="pln", created_gte="2026-05-03", created_lte="2026-05-03"),
    ),
]


@pytest.mark.parametrize(("message", "expected"), REQUESTS)
def test_requests_with_words_of_their_own_language(message: str, expected: dict[str, Any]) -> None:
    check(message, expected)


@pytest.mark.parametrize(("message", "expected"), DATED)
def test_day_first_dates_with_a_closing_dot(message: str, expected: dict[str, Any]) -> None:
    check(message, expected, today=date(2026, 5, 20))


@pytest.mark.parametrize("text", ["refund 12.5.", "charge 12.5. eur", "refund pi_3abc 1.5."])
def test_a_dotted_number_with_no_word_of_time_before_it_is_no_date(text: str) -> None:
    assert find_date_range(text, date(2026, 5, 20)) is None


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "suscríbela a pro_yearly",
            tool("create_subscription", customer="carmen@tiendaluna.es", price="pro_yearly"),
        ),
        (
            "zet hem op pro_monthly met 14 dagen trial",
            tool(
                "create_subscription",
                customer="carmen@tiendaluna.es",
                price="pro_monthly",
                trial_days=14,
            ),
        ),
    ],
)
def test_a_pronoun_in_their_language_means_the_customer_just_named(
    message: str, expected: dict[str, Any]
) -> None:
    check(message, expected, RouterContext(last_customer="carmen@tiendaluna.es"))


@pytest.mark.parametrize("reply", ["tak", "tak, tak - yes", "tak, potwierdzam", "ja graag"])
def test_polish_and_dutch_yeses_accept(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "accept"


@pytest.mark.parametrize("reply", ["nie", "nie, anuluj", "anuluj"])
def test_polish_noes_reject(reply: str) -> None:
    assert classify_confirmation_reply(reply) == "reject"
