"""skills.dates: dates and periods as merchants type them -> inclusive date bounds."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skills.dates import DateMatch, DateRange, find_date_range, parse_date, resolve_range
from skills.money import find_money, format_amount

MON = date(2026, 6, 15)  # a Monday: the eval examples' "today"
WED = date(2026, 6, 17)
FEB = date(2026, 2, 10)
D = date.fromisoformat


def _range(start: str | None, end: str | None) -> DateRange:
    return DateRange(D(start) if start else None, D(end) if end else None)


RANGES = [
    # SKILLS.md's own definitions
    ("last week", MON, "2026-06-08", "2026-06-14"),
    ("last week", WED, "2026-06-08", "2026-06-14"),
    ("last week's", WED, "2026-06-08", "2026-06-14"),
    ("previous week", WED, "2026-06-08", "2026-06-14"),
    ("this week", WED, "2026-06-15", "2026-06-17"),
    ("this week", MON, "2026-06-15", "2026-06-15"),
    ("this month", MON, "2026-06-01", "2026-06-15"),
    ("last month", MON, "2026-05-01", "2026-05-31"),
    ("last month", D("2026-03-31"), "2026-02-01", "2026-02-28"),
    ("in May", MON, "2026-05-01", "2026-05-31"),
    ("last 30 days", MON, "2026-05-16", "2026-06-15"),
    # months
    ("May", MON, "2026-05-01", "2026-05-31"),
    ("may", MON, "2026-05-01", "2026-05-31"),
    ("for may", MON, "2026-05-01", "2026-05-31"),
    ("In May", FEB, "2025-05-01", "2025-05-31"),
    ("during May 2025", MON, "2025-05-01", "2025-05-31"),
    ("in June", MON, "2026-06-01", "2026-06-30"),
    ("february", D("2024-03-01"), "2024-02-01", "2024-02-29"),
    ("febuary", MON, "2026-02-01", "2026-02-28"),
    ("septmber 2025", MON, "2025-09-01", "2025-09-30"),
    ("the month of may", MON, "2026-05-01", "2026-05-31"),
    ("dec 2025", MON, "2025-12-01", "2025-12-31"),
    ("2025-12", MON, "2025-12-01", "2025-12-31"),
    ("last May", MON, "2026-05-01", "2026-05-31"),
    ("last June", MON, "2025-06-01", "2025-06-30"),
    ("this May", FEB, "2026-05-01", "2026-05-31"),
    ("May last year", MON, "2025-05-01", "2025-05-31"),
    # rolling windows
    ("past 30 days", MON, "2026-05-16", "2026-06-15"),
    ("the last 30d", MON, "2026-05-16", "2026-06-15"),
    ("last 7 days", MON, "2026-06-08", "2026-06-15"),
    ("last 2 weeks", MON, "2026-06-01", "2026-06-15"),
    ("last two weeks", MON, "2026-06-01", "2026-06-15"),
    ("last 3 months", MON, "2026-03-15", "2026-06-15"),
    ("last 3 months", D("2026-05-31"), "2026-02-28", "2026-05-31"),
    ("last 2 years", MON, "2024-06-15", "2026-06-15"),
    ("last 24 hours", MON, "2026-06-14", "2026-06-15"),
    ("past week", MON, "2026-06-08", "2026-06-15"),
    ("over the past month", MON, "2026-05-15", "2026-06-15"),
    # single days
    ("today", MON, "2026-06-15", "2026-06-15"),
    ("yesterday", MON, "2026-06-14", "2026-06-14"),
    ("the day before yesterday", MON, "2026-06-13", "2026-06-13"),
    ("on May 3", MON, "2026-05-03", "2026-05-03"),
    ("on 2026-05-03", MON, "2026-05-03", "2026-05-03"),
    ("May 3rd, 2025", MON, "2025-05-03", "2025-05-03"),
    ("the 3rd of May", MON, "2026-05-03", "2026-05-03"),
    ("3 May", MON, "2026-05-03", "2026-05-03"),
    ("Dec 25", MON, "2025-12-25", "2025-12-25"),
    ("3/5", MON, "2026-03-05", "2026-03-05"),
    ("05/03/2026", MON, "2026-05-03", "2026-05-03"),
    ("15/03/2026", MON, "2026-03-15", "2026-03-15"),
    ("03.05.2026", MON, "2026-05-03", "2026-05-03"),
    # a range follows the order its day-first end shows
    ("between 05/03/2026 and 20/03/2026", MON, "2026-03-05", "2026-03-20"),
    ("between 28/3 and 3/4", MON, "2026-03-28", "2026-04-03"),  # the second follows the first
    ("from 05/03 to 20/03", MON, "2026-03-05", "2026-03-20"),
    ("between 3/5/2026 and 3/20/2026", MON, "2026-03-05", "2026-03-20"),
    ("2 weeks ago", MON, "2026-06-01", "2026-06-01"),
    ("a week ago", WED, "2026-06-10", "2026-06-10"),
    ("3 days ago", MON, "2026-06-12", "2026-06-12"),
    # weekdays: the most recent such day before today
    ("last friday", MON, "2026-06-12", "2026-06-12"),
    ("on monday", MON, "2026-06-08", "2026-06-08"),
    ("monday", WED, "2026-06-15", "2026-06-15"),
    ("wednesday", WED, "2026-06-10", "2026-06-10"),
    ("on wed", WED, "2026-06-10", "2026-06-10"),
    ("this friday", WED, "2026-06-19", "2026-06-19"),
    ("last weekend", WED, "2026-06-13", "2026-06-14"),
    # "over the weekend": the last one on a weekday, the one under way on a weekend
    ("over the weekend", MON, "2026-06-13", "2026-06-14"),
    ("the weekend", WED, "2026-06-13", "2026-06-14"),
    ("over the weekend", date(2026, 6, 14), "2026-06-13", "2026-06-14"),
    ("the weekend", date(2026, 6, 13), "2026-06-13", "2026-06-13"),
    # open and closed ranges
    ("since May 3", MON, "2026-05-03", "2026-06-15"),
    ("since monday", WED, "2026-06-15", "2026-06-17"),
    ("since last week", WED, "2026-06-08", "2026-06-17"),
    ("starting from April", MON, "2026-04-01", "2026-06-15"),
    ("from May 3 onwards", MON, "2026-05-03", "2026-06-15"),
    ("before May 3", MON, None, "2026-05-02"),
    ("after May 3", MON, "2026-05-04", None),
    ("until May 3", MON, None, "2026-05-03"),
    ("not after June 5th", MON, None, "2026-06-05"),
    ("on or before May 3", MON, None, "2026-05-03"),
    ("up to but not including Feb 1", MON, None, "2026-01-31"),
    # a day of no month after a bound: this month's when it has come, else last month's
    ("until the 3rd", MON, None, "2026-06-03"),
    ("before the 20th", MON, None, "2026-05-19"),
    ("since the 3rd", MON, "2026-06-03", "2026-06-15"),
    ("after the 31st", MON, "2026-06-01", None),
    # halves of a month, a day of a month named relatively
    ("the first half of March", MON, "2026-03-01", "2026-03-15"),
    ("second half of February", MON, "2026-02-16", "2026-02-28"),
    ("the first half of last month", MON, "2026-05-01", "2026-05-15"),
    ("the 2nd of last month", MON, "2026-05-02", "2026-05-02"),
    ("first half of 2025", MON, "2025-01-01", "2025-06-30"),
    ("from May 1 to May 15", MON, "2026-05-01", "2026-05-15"),
    ("from May 1 to May 15", D("2026-05-10"), "2026-05-01", "2026-05-15"),
    ("between 2026-05-01 and 2026-05-15", MON, "2026-05-01", "2026-05-15"),
    ("2026-05-01 to 2026-05-10", MON, "2026-05-01", "2026-05-10"),
    ("May 1-15", MON, "2026-05-01", "2026-05-15"),
    ("May 1 - 15, 2025", MON, "2025-05-01", "2025-05-15"),
    ("1-15 May", MON, "2026-05-01", "2026-05-15"),
    ("between May 1st and 15th", MON, "2026-05-01", "2026-05-15"),
    ("from April to May", MON, "2026-04-01", "2026-05-31"),
    ("Dec 1 to Jan 15", FEB, "2025-12-01", "2026-01-15"),
    # a guessed weekday moves a week, a guessed year a year, to put a range in order
    ("from monday to wednesday", WED, "2026-06-15", "2026-06-17"),
    ("from 2024 to 2025", MON, "2024-01-01", "2025-12-31"),
    ("from last week", MON, "2026-06-08", "2026-06-14"),
    # years and quarters
    ("this year", MON, "2026-01-01", "2026-06-15"),
    ("YTD", MON, "2026-01-01", "2026-06-15"),
    ("year to date", MON, "2026-01-01", "2026-06-15"),
    ("so far this year", MON, "2026-01-01", "2026-06-15"),
    ("month to date", MON, "2026-06-01", "2026-06-15"),
    ("last year", MON, "2025-01-01", "2025-12-31"),
    ("in 2025", MON, "2025-01-01", "2025-12-31"),
    ("this quarter", MON, "2026-04-01", "2026-06-15"),
    ("last quarter", MON, "2026-01-01", "2026-03-31"),
    ("last quarter", FEB, "2025-10-01", "2025-12-31"),
    ("Q1", MON, "2026-01-01", "2026-03-31"),
    ("Q3", MON, "2025-07-01", "2025-09-30"),
    ("Q2 2025", MON, "2025-04-01", "2025-06-30"),
    ("q3 of 2025", MON, "2025-07-01", "2025-09-30"),
    ("the first quarter of 2025", MON, "2025-01-01", "2025-03-31"),
]


@pytest.mark.parametrize(("phrase", "today", "start", "end"), RANGES)
def test_resolve_range(phrase: str, today: date, start: str | None, end: str | None) -> None:
    assert resolve_range(phrase, today) == _range(start, end)


@pytest.mark.parametrize(
    "phrase",
    ["", "refund 5", "limit 10", "$30", "payments", "in", "Q5", "2026-02-30", "may I",
     "last 5 payments", "13/13/2026"],
)  # fmt: skip
def test_resolve_range_is_none_for_non_dates(phrase: str) -> None:
    assert resolve_range(phrase, MON) is None


# --- find_date_range: inside sentences ----------------------------------------------------


def _found(text: str, today: date = MON) -> tuple[str, str | None, str | None] | None:
    m = find_date_range(text, today)
    if m is None:
        return None
    assert text[m.start : m.end] == m.text
    start, end = m.range.start, m.range.end
    return m.text, start.isoformat() if start else None, end.isoformat() if end else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("show me the last 5 failed payments from last week",
         ("from last week", "2026-06-08", "2026-06-14")),
        ("how did we do in May?", ("May", "2026-05-01", "2026-05-31")),
        ("Show me payments in may please", ("may", "2026-05-01", "2026-05-31")),
        ("show me May", ("May", "2026-05-01", "2026-05-31")),
        ("may I see the payments from yesterday",
         ("from yesterday", "2026-06-14", "2026-06-14")),
        ("May I see last month", ("last month", "2026-05-01", "2026-05-31")),
        ("payments since May 3 over $30", ("since May 3", "2026-05-03", "2026-06-15")),
        ("refunds between May 1 and May 15",
         ("between May 1 and May 15", "2026-05-01", "2026-05-15")),
        ("what did we make last week's?", ("last week", "2026-06-08", "2026-06-14")),
        ("revenue for Q2 2025", ("Q2 2025", "2025-04-01", "2025-06-30")),
        ("top 10 customers this month", ("this month", "2026-06-01", "2026-06-15")),
        ("payments in jan", ("jan", "2026-01-01", "2026-01-31")),
        ("payments in 2025", ("2025", "2025-01-01", "2025-12-31")),
        ("top customers in 2025, and the net?", ("2025", "2025-01-01", "2025-12-31")),
        ("how did we do in 2025.", ("2025", "2025-01-01", "2025-12-31")),
        ("sales during the month of may", ("the month of may", "2026-05-01", "2026-05-31")),
        ("payments from may to june", ("from may to june", "2026-05-01", "2026-06-30")),
        ("last 30d revenue", ("last 30d", "2026-05-16", "2026-06-15")),
        ("gross volume this year so far", ("this year so far", "2026-01-01", "2026-06-15")),
        ("payments on 3/5", ("3/5", "2026-03-05", "2026-03-05")),
        ("How much did we refund on sun?", ("on sun", "2026-06-14", "2026-06-14")),
        ("failed charges last week on stripe", ("last week", "2026-06-08", "2026-06-14")),
        ("What did we do in March", ("March", "2026-03-01", "2026-03-31")),
        ("payments 2026-05-01 to 2026-05-10",
         ("2026-05-01 to 2026-05-10", "2026-05-01", "2026-05-10")),
        ("revenue in febuary", ("febuary", "2026-02-01", "2026-02-28")),
        ("sales from Feb 9 up to today?",
         ("from Feb 9 up to today", "2026-02-09", "2026-06-15")),
        ("since monday until now", ("since monday until now", "2026-06-08", "2026-06-15")),
    ],
)  # fmt: skip
def test_find_date_range_in_sentences(text: str, expected: tuple[str, str, str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "refund 5",
        "limit 10",
        "charge $30",
        "refund 2025 usd",
        "payments between 1900 and 2000 dollars",
        "you may refund it",
        "I may have been charged twice",
        "May I see my balance?",
        "what about jan",
        "find customer June Lee",
        "refund pi_3NkQ2aLm",
        "email jane2025@x.com",
        "charge cus_Q8rT2mX 49.99 for the annual tune-up",
        "put dana@studio.io on pro_monthly with a 14 day trial",
        "show me the last 5 failed payments",
        "what's my balance?",
        "refund 12,50 € of ch_1AbCdEf",
    ],
)
def test_find_date_range_ignores_what_is_not_a_date(text: str) -> None:
    assert _found(text) is None


def test_find_date_range_returns_a_date_match() -> None:
    m = find_date_range("refunds since monday", WED)
    assert m == DateMatch(8, 20, _range("2026-06-15", "2026-06-17"), "since monday")


# --- parse_date: a single day -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("2026-05-03", MON, "2026-05-03"),
        ("May 3", MON, "2026-05-03"),
        ("3 May", MON, "2026-05-03"),
        ("May 3", FEB, "2025-05-03"),
        ("05/03/2026", MON, "2026-05-03"),
        ("yesterday", MON, "2026-06-14"),
        ("today", MON, "2026-06-15"),
        ("last friday", MON, "2026-06-12"),
        ("on 2026-05-03", MON, "2026-05-03"),
        ("Feb 29", MON, "2024-02-29"),
    ],
)
def test_parse_date(text: str, today: date, day: str) -> None:
    assert parse_date(text, today) == D(day)


@pytest.mark.parametrize("text", ["May", "last week", "since May 3", "refund 5", "", "Feb 30"])
def test_parse_date_is_none_unless_the_text_names_one_day(text: str) -> None:
    assert parse_date(text, MON) is None


# --- properties ---------------------------------------------------------------------------

_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
_MONTHS = [calendar.month_name[i] for i in range(1, 13)]


@given(a=_days, b=_days, today=_days)
def test_explicit_iso_ranges_resolve_to_their_bounds(a: date, b: date, today: date) -> None:
    first, last = min(a, b), max(a, b)
    expected = DateRange(first, last)
    assert resolve_range(f"from {first.isoformat()} to {last.isoformat()}", today) == expected
    assert resolve_range(f"between {first.isoformat()} and {last.isoformat()}", today) == expected


@given(today=_days)
def test_last_week_is_the_previous_monday_to_sunday(today: date) -> None:
    r = resolve_range("last week", today)
    assert r is not None and r.start is not None and r.end is not None
    assert r.start.weekday() == 0 and r.end.weekday() == 6
    assert (r.end - r.start).days == 6
    assert r.end == today - timedelta(days=today.weekday() + 1)


@given(today=_days)
def test_this_month_and_last_month(today: date) -> None:
    assert resolve_range("this month", today) == DateRange(today.replace(day=1), today)
    last = resolve_range("last month", today)
    assert last is not None and last.start is not None and last.end is not None
    assert last.start.day == 1 and last.end + timedelta(days=1) == today.replace(day=1)


@given(today=_days, n=st.integers(min_value=1, max_value=400))
def test_last_n_days_is_today_minus_n_to_today(today: date, n: int) -> None:
    assert resolve_range(f"last {n} days", today) == DateRange(today - timedelta(days=n), today)


@given(today=_days, month=st.sampled_from(_MONTHS))
def test_a_month_without_a_year_is_the_latest_not_after_this_month(today: date, month: str) -> None:
    r = resolve_range(f"in {month}", today)
    assert r is not None and r.start is not None and r.end is not None
    assert r.start.day == 1 and r.end.month == r.start.month
    assert (r.end + timedelta(days=1)).day == 1
    months_back = (today.year - r.start.year) * 12 + today.month - r.start.month
    assert 0 <= months_back <= 11


@given(today=_days, weekday=st.sampled_from(list(calendar.day_name)))
def test_last_weekday_is_within_the_week_before_today(today: date, weekday: str) -> None:
    day = parse_date(f"last {weekday}", today)
    assert day is not None and calendar.day_name[day.weekday()] == weekday
    assert 1 <= (today - day).days <= 7


@given(day=_days)
def test_a_written_day_parses_back(day: date) -> None:
    today = date(2100, 1, 1)
    assert parse_date(day.isoformat(), today) == day
    assert parse_date(f"{_MONTHS[day.month - 1]} {day.day}, {day.year}", today) == day
    assert parse_date(f"{day.day} {_MONTHS[day.month - 1]} {day.year}", today) == day
    assert parse_date(f"{day.month}/{day.day}/{day.year}", today) == day


@pytest.mark.parametrize(
    "phrase",
    ["last week", "in May", "last 30 days", "since May 3", "between May 1 and May 15", "Q2 2025",
     "yesterday", "this year", "2 weeks ago", "last friday", "before 2026-05-03"],
)  # fmt: skip
def test_a_phrase_means_the_same_inside_a_sentence(phrase: str) -> None:
    m = find_date_range(f"show me payments {phrase} please", WED)
    assert m is not None and m.range == resolve_range(phrase, WED)


@given(
    currency=st.sampled_from(["usd", "eur", "gbp", "jpy", "chf", "sek"]),
    minor=st.integers(0, 10**9),
)
def test_amounts_are_never_dates(currency: str, minor: int) -> None:
    assert find_date_range(f"refund {format_amount(minor, currency)} of pi_x", WED) is None


@given(day=_days)
def test_dates_are_never_amounts(day: date) -> None:
    month = _MONTHS[day.month - 1]
    for text in (
        f"payments on {day.isoformat()}",
        f"since {month} {day.day}",
        f"{day.day} {month}",
    ):
        assert find_money(text, "usd", bare_numbers=True) == [], text


_PIECES = st.sampled_from(
    ["may", "May", "last", "week", "days", "999", "ago", "since", "between", "and", "to", "-",
     "/", ".", " ", "1", "12", "31", "2026", "'25", "q2", "feb", "29", "septmber", "on", "from",
     "year", "past", "the", "of", "$", "30d", "monday"]
)  # fmt: skip


@given(pieces=st.lists(_PIECES, max_size=12), today=st.dates())
def test_find_date_range_on_any_text_gives_a_well_formed_range_or_none(
    pieces: list[str], today: date
) -> None:
    text = "".join(pieces)
    m = find_date_range(text, today)
    if m is not None:
        assert text[m.start : m.end] == m.text
        r = m.range
        assert r.start is None or r.end is None or r.start <= r.end
    resolve_range(text, today)  # never raises


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("revenue for the second half of 2024",
         MON, ("the second half of 2024", "2024-07-01", "2024-12-31")),
        ("failed charges in H1 2025", MON, ("H1 2025", "2025-01-01", "2025-06-30")),
        ("h2 2023 numbers", MON, ("h2 2023", "2023-07-01", "2023-12-31")),
        ("volume for the 1st half of 2026", MON,
         ("the 1st half of 2026", "2026-01-01", "2026-06-30")),
        ("stats for the first half of the year", FEB,
         ("the first half of the year", "2026-01-01", "2026-06-30")),
        # without a year: the latest such half that has begun by today
        ("payments in the second half", MON, ("the second half", "2025-07-01", "2025-12-31")),
        ("payments in the second half", date(2026, 9, 1),
         ("the second half", "2026-07-01", "2026-12-31")),
        ("how was H1?", MON, ("H1", "2026-01-01", "2026-06-30")),
    ],
)  # fmt: skip
def test_half_years_are_the_whole_six_months(
    text: str, today: date, expected: tuple[str, str, str]
) -> None:
    assert _found(text, today) == expected


@pytest.mark.parametrize(
    "text", ["the first half of the month", "refund half of pi_x", "hi team", "h2o bottles"]
)
def test_half_of_something_else_is_no_half_year(text: str) -> None:
    assert _found(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("refunds on 14/12/2025.", ("14/12/2025", "2025-12-14", "2025-12-14")),
        ("anything since 02.03.2026.", ("since 02.03.2026", "2026-03-02", "2026-06-15")),
        ("payments on 6/3, please", ("6/3", "2026-06-03", "2026-06-03")),
    ],
)
def test_a_numeric_date_at_the_end_of_a_sentence_is_still_a_date(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _found(text) == expected
