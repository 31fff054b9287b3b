"""skills.money: amounts as merchants type them -> Stripe's integers in minor units."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skills.money import (
    KNOWN_CURRENCIES,
    ZERO_DECIMAL_CURRENCIES,
    MoneyParseError,
    find_money,
    format_amount,
    from_minor,
    is_known_currency,
    minor_exponent,
    normalize_currency,
    parse_money,
    parse_number_words,
    to_minor,
)


def _words(text: str) -> list[str]:
    return text.split()


# --- currencies ---------------------------------------------------------------------------


def test_zero_decimal_currencies_are_stripes_list() -> None:
    expected = _words("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf")
    assert set(expected) == ZERO_DECIMAL_CURRENCIES


def test_known_currencies_are_a_broad_list_of_lowercase_iso_codes() -> None:
    assert len(KNOWN_CURRENCIES) >= 130
    assert all(len(c) == 3 and c.isalpha() and c.islower() for c in KNOWN_CURRENCIES)
    assert ZERO_DECIMAL_CURRENCIES <= KNOWN_CURRENCIES
    assert {"usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "inr", "sek"} <= KNOWN_CURRENCIES


@pytest.mark.parametrize(
    ("currency", "exponent"),
    [("usd", 2), ("EUR", 2), ("jpy", 0), ("KRW", 0), ("xof", 0), ("kwd", 3), ("bhd", 3)],
)
def test_minor_exponent(currency: str, exponent: int) -> None:
    assert minor_exponent(currency) == exponent


@pytest.mark.parametrize("code", ["usd", "EUR", " gbp ", "jpy", "chf"])
def test_is_known_currency_accepts_iso_codes_in_any_case(code: str) -> None:
    assert is_known_currency(code)


@pytest.mark.parametrize("code", ["xyz", "", "dollars", "$", "us"])
def test_is_known_currency_rejects_anything_else(code: str) -> None:
    assert not is_known_currency(code)


@pytest.mark.parametrize(
    ("token", "currency"),
    [
        ("€", "eur"), ("EUR", "eur"), ("euros", "eur"), ("Euro", "eur"),
        ("US$", "usd"), ("USD", "usd"), ("dollars", "usd"), ("bucks", "usd"),
        ("£", "gbp"), ("GBP", "gbp"), ("pounds", "gbp"), ("quid", "gbp"),
        ("¥", "jpy"), ("yen", "jpy"), ("CA$", "cad"), ("C$", "cad"),
        ("Canadian  dollars", "cad"), ("A$", "aud"), ("aud", "aud"), ("CHF", "chf"),
        ("francs", "chf"), ("₹", "inr"), ("rupees", "inr"), ("  sek ", "sek"),
    ],
)  # fmt: skip
def test_normalize_currency_maps_codes_symbols_and_words(token: str, currency: str) -> None:
    assert normalize_currency(token) == currency


@pytest.mark.parametrize("token", ["$", "kr", "pesos", "xyz", "", "payments"])
def test_normalize_currency_is_none_for_dollar_sign_and_ambiguous_or_unknown(token: str) -> None:
    """ "$" means the account default, which only the caller knows."""
    assert normalize_currency(token) is None


# --- minor units --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        (Decimal("12.50"), "usd", 1250),
        (Decimal("12.5"), "USD", 1250),
        (Decimal("12.50000"), "usd", 1250),
        (Decimal("500"), "jpy", 500),
        (Decimal("1.234"), "kwd", 1234),
        (Decimal("-5"), "eur", -500),
        (7, "gbp", 700),
    ],
)
def test_to_minor(amount: Decimal, currency: str, minor: int) -> None:
    assert to_minor(amount, currency) == minor


@pytest.mark.parametrize(
    ("amount", "currency", "message_part"),
    [
        (Decimal("12.345"), "usd", "USD amounts have at most 2 decimals"),
        (Decimal("12.5"), "jpy", "JPY has no cents"),
        (Decimal("0.0001"), "kwd", "at most 3 decimals"),
        (Decimal("NaN"), "usd", "not an amount"),
    ],
)
def test_to_minor_refuses_more_precision_than_the_currency_has(
    amount: Decimal, currency: str, message_part: str
) -> None:
    with pytest.raises(MoneyParseError, match=message_part):
        to_minor(amount, currency)


@pytest.mark.parametrize(
    ("minor", "currency", "amount"),
    [(1250, "usd", Decimal("12.50")), (500, "jpy", Decimal(500)), (1234, "kwd", Decimal("1.234"))],
)
def test_from_minor(minor: int, currency: str, amount: Decimal) -> None:
    assert from_minor(minor, currency) == amount


# --- formatting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (2500, "usd", "$25.00"),
        (2500, "USD", "$25.00"),
        (125000, "eur", "€1,250.00"),
        (310, "gbp", "£3.10"),
        (500, "jpy", "¥500"),
        (150000, "jpy", "¥150,000"),
        (1000, "chf", "CHF 10.00"),
        (100000, "sek", "SEK 1,000.00"),
        (1000, "xof", "XOF 1,000"),
        (1234, "kwd", "KWD 1.234"),
        (5, "usd", "$0.05"),
        (0, "usd", "$0.00"),
        (-500, "usd", "-$5.00"),
        (-1000, "chf", "-CHF 10.00"),
    ],
)
def test_format_amount(minor: int, currency: str, text: str) -> None:
    assert format_amount(minor, currency) == text


# --- parse_money: one amount, the whole string --------------------------------------------

WHOLE_AMOUNTS = [
    ("$12.50", 1250, "usd"),
    ("12.50$", 1250, "usd"),
    ("12,50 €", 1250, "eur"),
    ("€12,50", 1250, "eur"),
    ("€ 12,50", 1250, "eur"),
    ("EUR 12.50", 1250, "eur"),
    ("12.50 eur", 1250, "eur"),
    ("12.50EUR", 1250, "eur"),
    ("1,250.00 euros", 125000, "eur"),
    ("1.250,00 €", 125000, "eur"),
    ("1 250,00 €", 125000, "eur"),
    ("1'250.00 CHF", 125000, "chf"),
    ("$1,250", 125000, "usd"),
    ("1,250", 125000, "usd"),
    ("12,50", 1250, "usd"),
    ("$1,250,000", 125000000, "usd"),
    ("1.250.000 €", 125000000, "eur"),
    ("$5", 500, "usd"),
    ("5", 500, "usd"),
    ("5 bucks", 500, "usd"),
    ("5 dollars", 500, "usd"),
    ("fifty dollars", 5000, "usd"),
    ("twenty-five euros", 2500, "eur"),
    ("a hundred dollars", 10000, "usd"),
    ("one thousand two hundred and fifty euros", 125000, "eur"),
    ("fifty", 5000, "usd"),
    ("$2.5k", 250000, "usd"),
    ("2k", 200000, "usd"),
    ("2K EUR", 200000, "eur"),
    ("$1.5m", 150000000, "usd"),
    ("$3MM", 300000000, "usd"),
    ("1.5 million dollars", 150000000, "usd"),
    ("5 thousand euros", 500000, "eur"),
    ("¥500", 500, "jpy"),
    ("500 yen", 500, "jpy"),
    ("¥1,500", 1500, "jpy"),
    ("usd 49.99", 4999, "usd"),
    ("49.99 USD", 4999, "usd"),
    ("$.99", 99, "usd"),
    ("99 cents", 99, "usd"),
    ("99¢", 99, "usd"),
    ("US$10", 1000, "usd"),
    ("$10 USD", 1000, "usd"),
    ("CA$20", 2000, "cad"),
    ("C$20", 2000, "cad"),
    ("20 cad", 2000, "cad"),
    ("50 canadian dollars", 5000, "cad"),
    ("A$5", 500, "aud"),
    ("CHF 10.00", 1000, "chf"),
    ("10 francs", 1000, "chf"),
    ("₹500", 50000, "inr"),
    ("500 rupees", 50000, "inr"),
    ("1 lakh rupees", 10_000_000, "inr"),
    ("₹2.5 lakh", 25_000_000, "inr"),
    ("Rs 3 crore", 3_000_000_000, "inr"),
    ("£3.10", 310, "gbp"),
    ("3 quid", 300, "gbp"),
    ("5 pounds", 500, "gbp"),
    ("KWD 1.250", 1250, "kwd"),
    ("-$5.00", -500, "usd"),
    ("$-5", -500, "usd"),
    ("  $12.50  ", 1250, "usd"),
]


@pytest.mark.parametrize(("text", "minor", "currency"), WHOLE_AMOUNTS)
def test_parse_money_reads_every_typed_form(text: str, minor: int, currency: str) -> None:
    assert parse_money(text, default_currency="usd") == (minor, currency)


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("$5", None, (500, None)),
        ("49.99", None, (4999, None)),
        ("5 eur", None, (500, "eur")),
        ("$5", "eur", (500, "eur")),
        ("25", "eur", (2500, "eur")),
        ("500", "jpy", (500, "jpy")),
        ("5 dollars", "eur", (500, "usd")),
    ],
)
def test_dollar_sign_and_no_currency_mean_the_default_currency(
    text: str, default: str | None, expected: tuple[int, str | None]
) -> None:
    assert parse_money(text, default_currency=default) == expected


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "couldn't read"),
        ("refund", "couldn't read"),
        ("$", "couldn't read"),
        ("XYZ 10", "couldn't read"),
        ("1,2,3", "couldn't read"),
        ("refund $5", "couldn't read"),
        ("12.345 usd", "at most 2 decimals"),
        ("¥12.5", "JPY has no cents"),
        ("€50 USD", "two different currencies"),
    ],
)
def test_parse_money_says_what_is_wrong(text: str, message_part: str) -> None:
    with pytest.raises(MoneyParseError, match=message_part):
        parse_money(text, default_currency="usd")


# --- find_money: amounts inside sentences -------------------------------------------------


def _found(text: str, default: str | None = "usd", bare: bool = False) -> list[tuple]:
    return [(m.text, m.amount, m.currency) for m in find_money(text, default, bare_numbers=bare)]


# Bare "5" and "fifty" are amounts inside a sentence only with bare_numbers (tested below).
IN_SENTENCE = [case for case in WHOLE_AMOUNTS if case[0].strip() not in ("5", "fifty")]


@pytest.mark.parametrize(("form", "minor", "currency"), IN_SENTENCE)
def test_find_money_reads_every_form_inside_a_sentence(
    form: str, minor: int, currency: str
) -> None:
    sentence = f"please refund {form.strip()} of ch_1AbCdEf, thanks"
    assert _found(sentence) == [(form.strip(), minor, currency)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("refund 12,50 € of ch_1AbCdEf", [("12,50 €", 1250, "eur")]),
        ("charge cus_Q8rT2mX 49.99 for the annual tune-up", [("49.99", 4999, "usd")]),
        ("refund $5, then $7.50.", [("$5", 500, "usd"), ("$7.50", 750, "usd")]),
        ("payments between $10 and $20", [("$10", 1000, "usd"), ("$20", 2000, "usd")]),
        ("payments $10-$20", [("$10", 1000, "usd"), ("$20", 2000, "usd")]),
        ("payments on 2026-05-01 over $30", [("$30", 3000, "usd")]),
        ("on May 3 refund $5", [("$5", 500, "usd")]),
        ("email jane5@x.com about 5 eur", [("5 eur", 500, "eur")]),
        ("charge 1,250 to acme", [("1,250", 125000, "usd")]),
        ("charge five hundred euros and twenty quid", [
            ("five hundred euros", 50000, "eur"), ("twenty quid", 2000, "gbp")]),
        ("refund one dollar", [("one dollar", 100, "usd")]),
        ("it costs a buck", [("a buck", 100, "usd")]),
        ("charge fifty cents", [("fifty cents", 50, "usd")]),
        ("REFUND 5 ALL", [("5 ALL", 500, "all")]),
        ("charge 2k for the retainer", [("2k", 200000, "usd")]),
        ("refund (€12,50) now", [("€12,50", 1250, "eur")]),
        ("charge ₹1,50,000 for the shoot", [("₹1,50,000", 15000000, "inr")]),
        ("take GH₵1,200 from kojo", [("GH₵1,200", 120000, "ghs")]),
        ("charge R1 499,99 for the braai", [("R1 499,99", 149999, "zar")]),
        ("put through R300 on cus_X", [("R300", 30000, "zar")]),
        ("KSh 2,000 for the delivery", [("KSh 2,000", 200000, "kes")]),
        ("three hundred and twenty NZ dollars", [
            ("three hundred and twenty NZ dollars", 32000, "nzd")]),
        ("100 rands", [("100 rands", 10000, "zar")]),
        ("Charge Northwind Traders 1,250.00 euros", [("1,250.00 euros", 125000, "eur")]),
    ],
)  # fmt: skip
def test_find_money_in_sentences(text: str, expected: list[tuple]) -> None:
    assert _found(text) == expected


def test_find_money_reports_where_each_amount_is() -> None:
    text = "refund 12,50 € of ch_1AbCdEf and $3"
    matches = find_money(text, "usd")
    assert [(m.start, m.end) for m in matches] == [(7, 14), (33, 35)]
    assert all(text[m.start : m.end] == m.text for m in matches)


@pytest.mark.parametrize(
    "text",
    [
        "refund pi_3NkQ2aLm",
        "refund ch_1AbC and cus_123",
        "email jane2025@example.com",
        "payments on 2026-05-01",
        "payments on May 3",
        "payments on 3 May",
        "payments on 3/5",
        "payments on 05/03/2026",
        "May 1-15 please",
        "payments in 2025",
        "the last 30 days",
        "the last 30d",
        "2 weeks ago",
        "limit 5",
        "show me the last 5 failed payments",
        "top 10 customers",
        "a 14 day trial",
        "refund 50% of pi_x",
        "call me at 10:30",
        "version 1.2.3",
        "refund 5 all",
        "Q2 revenue",
        "refund 25 of pi_x",
        "refund fifty of pi_x",
        "the ratio is 0.125",
        "see https://x.test/pay/123",
        "listen for 300 seconds",
        "the r 300 model",
    ],
)
def test_find_money_ignores_numbers_that_are_not_amounts(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("refund 25 of pi_x", "usd", [("25", 2500, "usd")]),
        ("refund 25 of pi_x", None, [("25", 2500, None)]),
        ("refund 500 of ch_1", "jpy", [("500", 500, "jpy")]),
        ("refund twenty of pi_x", "usd", [("twenty", 2000, "usd")]),
        ("refund 25 and $5", "usd", [("25", 2500, "usd"), ("$5", 500, "usd")]),
    ],
)
def test_bare_numbers_are_amounts_when_the_caller_asks(
    text: str, default: str | None, expected: list[tuple]
) -> None:
    assert _found(text, default, bare=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "show me the last 5 failed payments",
        "top 10 customers",
        "limit 5",
        "list 3 refunds",
        "refund pi_3NkQ2aLm",
        "payments on 2026-05-01",
        "payments since May 3",
        "the last 30 days",
        "last two weeks",
        "refund the one from yesterday",
    ],
)
def test_bare_numbers_still_skip_counts_ids_and_dates(text: str) -> None:
    assert _found(text, bare=True) == []


@pytest.mark.parametrize(
    ("text", "message_part"),
    [("refund 12.345 usd of pi_x", "at most 2 decimals"), ("charge ¥12.5", "JPY has no cents")],
)
def test_find_money_raises_for_a_marked_amount_finer_than_its_currency(
    text: str, message_part: str
) -> None:
    """A money action must never run on a silently rounded amount."""
    with pytest.raises(MoneyParseError, match=message_part):
        find_money(text, "usd")


# --- number words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("fifty", "50"), ("Fifty", "50"), ("a hundred", "100"), ("one hundred and five", "105"),
        ("one thousand two hundred and fifty", "1250"), ("twenty-five", "25"),
        ("twelve hundred", "1200"), ("two thousand and twenty", "2020"),
        ("five hundred thousand", "500000"), ("three million", "3000000"), ("zero", "0"),
        ("twelve fifty", "12.50"), ("nineteen ninety-nine", "19.99"), ("one fifty", "1.50"),
        ("two point five", "2.5"), ("point five", "0.5"), ("half a million", "500000"),
    ],
)  # fmt: skip
def test_parse_number_words(words: str, value: str) -> None:
    """ "twelve fifty" is read as a spoken price (12.50), not as 1250."""
    assert parse_number_words(words) == Decimal(value)


@pytest.mark.parametrize(
    "words",
    ["", "a", "and", "hello", "five five", "fifty and", "thousand", "one million one billion",
     "two point", "12", "zero zero"],
)  # fmt: skip
def test_parse_number_words_is_none_for_non_numbers(words: str) -> None:
    assert parse_number_words(words) is None


# --- properties ---------------------------------------------------------------------------

_UNITS = _words("zero one two three four five six seven eight nine")
_TEENS = _words("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")


def _spell(n: int) -> str:
    """English words for 0 <= n < 10**9, as a reference independent of the parser."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    for size, name in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            tail = "" if not rest else (" and " if rest < 100 else " ") + _spell(rest)
            return f"{_spell(head)} {name}{tail}"
    raise AssertionError(n)


_amounts = st.integers(min_value=-(10**12), max_value=10**12)


@given(currency=st.sampled_from(sorted(KNOWN_CURRENCIES)), minor=_amounts)
def test_formatted_amounts_parse_back(currency: str, minor: int) -> None:
    default = "usd" if currency == "usd" else None
    assert parse_money(format_amount(minor, currency), default) == (minor, currency)


@given(currency=st.sampled_from(sorted(KNOWN_CURRENCIES)), minor=_amounts)
def test_formatted_amounts_are_found_inside_a_sentence(currency: str, minor: int) -> None:
    text = f"refund {format_amount(minor, currency)} of ch_1AbCdEf"
    assert [(m.amount, m.currency) for m in find_money(text, "usd")] == [(minor, currency)]


@given(currency=st.sampled_from(sorted(KNOWN_CURRENCIES)), minor=_amounts)
def test_minor_units_round_trip(currency: str, minor: int) -> None:
    assert to_minor(from_minor(minor, currency), currency) == minor


@given(cents=st.integers(min_value=0, max_value=10**11))
def test_english_european_and_spaced_grouping_read_the_same(cents: int) -> None:
    english = f"{Decimal(cents).scaleb(-2):,.2f}"
    european = english.translate(str.maketrans(",.", ".,"))
    spaced = english.replace(",", " ").replace(".", ",")
    for typed in (english, european, spaced):
        assert parse_money(f"{typed} €") == (cents, "eur"), typed


@given(n=st.integers(min_value=0, max_value=999_999_999))
def test_spelled_out_integers_parse(n: int) -> None:
    assert parse_number_words(_spell(n)) == n


@given(n=st.integers(min_value=1, max_value=999_999))
def test_spelled_out_amounts_with_a_currency_word_are_found(n: int) -> None:
    text = f"charge {_spell(n)} dollars to acme"
    assert [(m.amount, m.currency) for m in find_money(text)] == [(n * 100, "usd")]


_PIECES = st.sampled_from(
    ["$", "€", "¥", "US$", "k", "m", "1", "12", "2026", "-", "/", ".", ",", " ", "may", "last",
     "days", "eur", "USD", "dollars", "fifty", "hundred", "a", "pi_", "@", "cents", "%", ":",
     "1,250", "1.250,00", "point", "five", "top"]
)  # fmt: skip


@given(pieces=st.lists(_PIECES, max_size=12), bare=st.booleans())
def test_find_money_on_any_text_gives_ordered_disjoint_matches_or_a_money_error(
    pieces: list[str], bare: bool
) -> None:
    text = "".join(pieces)
    try:
        matches = find_money(text, "usd", bare_numbers=bare)
    except MoneyParseError:
        return
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert all(a.end <= b.start for a, b in pairwise(matches))


# --- amounts said in two parts, Korean won, zero-decimal grouping --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eighteen dollars and forty cents", [("eighteen dollars and forty cents", 1840, "usd")]),
        ("refund sixty euros fifteen cents", [("sixty euros fifteen cents", 6015, "eur")]),
        ("it was nine pounds ninety", [("nine pounds ninety", 990, "gbp")]),
        ("send 3 dollars and 7 cents", [("3 dollars and 7 cents", 307, "usd")]),
        ("take $14 and 60 cents", [("$14 and 60 cents", 1460, "usd")]),
        ("four pounds twenty pence please", [("four pounds twenty pence", 420, "gbp")]),
        ("eleven francs and eighty cents", [("eleven francs and eighty cents", 1180, "chf")]),
    ],
)  # fmt: skip
def test_hundredths_said_after_an_amount_join_it(text: str, expected: list[tuple]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second amount with its own currency stays a second amount
        ("six euros and forty quid", [("six euros", 600, "eur"), ("forty quid", 4000, "gbp")]),
        # a count after the amount is no hundredths
        ("refund 30 euros 12 payments", [("30 euros", 3000, "eur")]),
        # nor a day of a date
        ("charge 40 euros 21 march", [("40 euros", 4000, "eur")]),
        # a bare single digit is too short to be spoken hundredths
        ("charge twelve pounds five", [("twelve pounds", 1200, "gbp")]),
        # zero-decimal currencies have no hundredths to add
        ("charge 500 yen 50 cents", [("500 yen", 500, "jpy"), ("50 cents", 50, "usd")]),
    ],
)  # fmt: skip
def test_hundredths_join_only_what_can_be_hundredths(text: str, expected: list[tuple]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("charge 75,000 won to the shop", [("75,000 won", 75000, "krw")]),
        ("refund 12000 won", [("12000 won", 12000, "krw")]),
        ("ten thousand won", [("ten thousand won", 10000, "krw")]),
    ],
)
def test_won_after_a_number_is_korean_won(text: str, expected: list[tuple]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["who won the match", "we won 3 deals", "won"])
def test_won_alone_is_no_currency(text: str) -> None:
    assert _found(text) == []
    assert normalize_currency("won") is None


@pytest.mark.parametrize(
    ("text", "minor", "currency"),
    [
        ("4.500 ¥", 4500, "jpy"),
        ("¥12.000", 12000, "jpy"),
        ("JPY 1.000.000", 1000000, "jpy"),
        ("30.000 KRW", 30000, "krw"),
        ("KRW 7,500", 7500, "krw"),
    ],
)
def test_a_zero_decimal_currency_reads_a_dot_before_three_digits_as_thousands(
    text: str, minor: int, currency: str
) -> None:
    assert parse_money(text, default_currency="usd") == (minor, currency)


def test_a_lone_dot_before_three_digits_is_asked_about_not_guessed() -> None:
    """ "4.500" is four and a half in English and four thousand five hundred in most of
    Europe: a money amount is never guessed between the two."""
    with pytest.raises(MoneyParseError, match=r"could be 4500 or 4\.5"):
        parse_money("4.500 usd", default_currency="usd")
    with pytest.raises(MoneyParseError, match="at most 2 decimals"):
        parse_money("4.505 usd", default_currency="usd")
    assert parse_money("KWD 4.500", default_currency="usd") == (4500, "kwd")
    assert parse_money("4.50 usd", default_currency="usd") == (450, "usd")


def test_an_ambiguous_currency_word_is_asked_about_unless_the_text_names_one() -> None:
    with pytest.raises(MoneyParseError, match="SEK, NOK, DKK"):
        parse_money("500 kr", default_currency="usd")
    assert parse_money("NOK 500 kr", default_currency="usd") == (50000, "nok")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("um create a twenty dollar payment", [("twenty dollar", 2000, "usd")]),
        ("an eighty dollar fee", [("eighty dollar", 8000, "usd")]),
        ("between twenty and fifty euros", [("twenty", 2000, None), ("fifty euros", 5000, "eur")]),
        ("one hundred and fifty dollars", [("one hundred and fifty dollars", 15000, "usd")]),
    ],
)
def test_a_run_of_number_words_that_is_no_one_number_is_read_in_parts(
    text: str, found: list[tuple[str, int, str | None]]
) -> None:
    assert [(m.text, m.amount, m.currency) for m in find_money(text, bare_numbers=True)] == found


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("charge her a grand", [100000]),
        ("make it 2 grand instead", [200000]),
        ("a grand and a half", [150000]),
        ("two and a half grand", [250000]),
        ("between two and five grand", [200000, 500000]),
        ("between 10 and 20", [1000, 2000]),
        ("a grand total of $500", [50000]),
        ("a grand opening", []),
        ("that would be grand", []),
    ],
)
def test_grand_is_a_thousand_and_a_scale_said_once_covers_both(
    text: str, amounts: list[int]
) -> None:
    assert [m.amount for m in find_money(text, "usd", bare_numbers=True)] == amounts
