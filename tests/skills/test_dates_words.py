"""skills.dates: days written as ordinal words, day ranges of this or last month, a year after
"year", and dates written in French, Spanish, German, Portuguese, Dutch and Italian."""

from __future__ import annotations

from datetime import date

import pytest

from skills.dates import find_date_range

MON = date(2026, 6, 15)
D = date.fromisoformat


@pytest.mark.parametrize(
    ("text", "start", "end", "span"),
    [
        ("analytics for march third to march ninth", "2026-03-03", "2026-03-09",
         "march third to march ninth"),
        ("payments from december twenty second to december twenty-eighth", "2025-12-22",
         "2025-12-28", "from december twenty second to december twenty-eighth"),
        ("from the first to the fifteenth of May", "2026-05-01", "2026-05-15",
         "from the first to the fifteenth of May"),
        ("on the twenty-first of April", "2026-04-21", "2026-04-21",
         "the twenty-first of April"),
    ],
)  # fmt: skip
def test_ordinal_words_beside_a_month_are_days(text: str, start: str, end: str, span: str) -> None:
    found = find_date_range(text, MON)
    assert found is not None
    assert (found.range.start, found.range.end) == (D(start), D(end))
    assert found.text == span


@pytest.mark.parametrize("text", ["refund the second one", "show the first payment"])
def test_ordinals_without_a_month_stay_words(text: str) -> None:
    assert find_date_range(text, MON) is None


@pytest.mark.parametrize(
    ("text", "today", "start", "end"),
    [
        ("numbers for the 1st thru 15th of this month", date(2026, 8, 20), "2026-08-01",
         "2026-08-15"),
        ("the 3rd to the 10th of last month", date(2026, 1, 20), "2025-12-03", "2025-12-10"),
        ("FULL YEAR 2025 REVENUE", MON, "2025-01-01", "2025-12-31"),
    ],
)  # fmt: skip
def test_days_of_this_or_last_month_and_a_named_year(
    text: str, today: date, start: str, end: str
) -> None:
    found = find_date_range(text, today)
    assert found is not None
    assert (found.range.start, found.range.end) == (D(start), D(end))


TODAY = date(2026, 9, 15)  # a Tuesday
FOREIGN = [
    ("Quel a été notre chiffre d'affaires en janvier ?", "2026-01-01", "2026-01-31"),
    ("Wie viel Umsatz hatten wir letzte Woche?", "2026-09-07", "2026-09-13"),
    ("¿Cómo nos fue el trimestre pasado?", "2026-04-01", "2026-06-30"),
    ("Zeig mir die Zahlungen von gestern", "2026-09-14", "2026-09-14"),
    ("pagos fallidos de la semana pasada", "2026-09-07", "2026-09-13"),
    ("mostrami i pagamenti di ieri", "2026-09-14", "2026-09-14"),
    ("los pagos reembolsados de marzo", "2026-03-01", "2026-03-31"),
    ("Laat de betalingen van vorige maand zien", "2026-08-01", "2026-08-31"),
    ("o faturamento do ano passado", "2025-01-01", "2025-12-31"),
    ("im März", "2026-03-01", "2026-03-31"),
    ("analytics del 1 al 15 de mayo porfa", "2026-05-01", "2026-05-15"),
    ("die payments vom 3. bis 9. Mai", "2026-05-03", "2026-05-09"),
    ("les paiements du 3 au 9 mai", "2026-05-03", "2026-05-09"),
    ("los pagos desde el 1 de septiembre", "2026-09-01", "2026-09-15"),
    ("May ka analytics dikhao", "2026-05-01", "2026-05-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), FOREIGN)
def test_dates_in_other_languages(text: str, start: str, end: str) -> None:
    found = find_date_range(text, TODAY)
    assert found is not None, text
    assert (found.range.start, found.range.end) == (D(start), D(end))


@pytest.mark.parametrize("text", ["Marco paid twice", "charge Mai Tran $20", "refund Juni Park"])
def test_names_that_look_like_foreign_months_are_no_dates(text: str) -> None:
    assert find_date_range(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("How did we do on Christmas Day?", date(2026, 1, 10), "2025-12-25"),
        ("revenue on new year's eve", date(2026, 1, 10), "2025-12-31"),
        ("sales on black friday", date(2026, 1, 10), "2025-11-28"),
        ("black friday", date(2026, 12, 1), "2026-11-27"),
        ("cyber monday revenue", date(2026, 12, 10), "2026-11-30"),
        ("thanksgiving", date(2026, 11, 26), "2026-11-26"),
    ],
)
def test_holidays_are_their_latest_day(text: str, today: date, day: str) -> None:
    found = find_date_range(text, today)
    assert found is not None
    assert found.range.start == found.range.end == D(day)


@pytest.mark.parametrize(
    ("text", "today", "start", "end"),
    [
        ("payments from the 3rd to the 9th", date(2026, 2, 11), "2026-02-03", "2026-02-09"),
        ("from the 1st of October to the 15th", date(2026, 10, 20), "2026-10-01", "2026-10-15"),
        ("payments from 1 Oct to the 5th", date(2026, 10, 20), "2026-10-01", "2026-10-05"),
        ("between the third and the ninth of this month", date(2026, 2, 11), "2026-02-03",
         "2026-02-09"),
        ("from the third to the ninth", date(2026, 2, 11), "2026-02-03", "2026-02-09"),
        ("the 1st through the 7th", date(2026, 2, 11), "2026-02-01", "2026-02-07"),
        ("between the 20th and the 25th", date(2026, 2, 11), "2026-01-20", "2026-01-25"),
    ],
)  # fmt: skip
def test_days_of_an_unnamed_month_are_this_month_once_the_first_has_come(
    text: str, today: date, start: str, end: str
) -> None:
    found = find_date_range(text, today)
    assert found is not None
    assert (found.range.start, found.range.end) == (D(start), D(end))


@pytest.mark.parametrize(
    "text",
    ["between the first and the second one", "payments from 3 to 9", "the third and the ninth"],
)
def test_ordinals_or_numbers_that_are_no_days_of_a_month(text: str) -> None:
    assert find_date_range(text, MON) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a summary for the first week of May (the 1st through the 7th)", "2026-05-01",
         "2026-05-07"),
        ("the second week of march", "2026-03-08", "2026-03-14"),
        ("the last week of january", "2026-01-25", "2026-01-31"),
        ("first week of this month", "2026-06-01", "2026-06-07"),
    ],
)  # fmt: skip
def test_a_week_of_a_month_counts_seven_days_from_the_first(
    text: str, start: str, end: str
) -> None:
    found = find_date_range(text, MON)
    assert found is not None
    assert (found.range.start, found.range.end) == (D(start), D(end))


def test_through_after_a_verb_of_arriving_is_no_end_bound() -> None:
    found = find_date_range("which payments under £15 came through yesterday", MON)
    assert found is not None
    assert (found.range.start, found.range.end) == (D("2026-06-14"), D("2026-06-14"))
    until = find_date_range("show payments through friday", MON)
    assert until is not None and until.range.start is None


@pytest.mark.parametrize("text", ["how was may", "and what about may?"])
def test_a_lowercase_may_asked_about_is_the_month(text: str) -> None:
    found = find_date_range(text, MON)
    assert found is not None
    assert (found.range.start, found.range.end) == (D("2026-05-01"), D("2026-05-31"))


@pytest.mark.parametrize("text", ["it may be wrong", "what about jan", "we may need more"])
def test_may_the_verb_and_names_stay_words(text: str) -> None:
    assert find_date_range(text, MON) is None
