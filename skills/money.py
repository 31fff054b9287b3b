"""Amounts as merchants type them, and as Stripe takes them (integers in minor units).

Currencies are lowercase ISO 4217 codes. "$", or no currency at all, means the account's
default currency: the caller passes it as `default_currency`; when it passes None, the
currency comes back as None and the amount is counted in hundredths (the common case).

Which numbers are amounts inside a sentence (`find_money`):
- anything with a currency marker: "$5", "12,50 €", "EUR 12.50", "5 bucks", "fifty dollars";
- a bare number that can only be money: "49.99", "12,50", "1,250", "2k";
- a bare integer ("refund 25 of pi_x") or bare number words only with `bare_numbers=True`.
Never: ids (pi_…, cus_…), emails, dates, times, durations ("30 days"), percentages, and
unmarked counts ("top 10", "last 5 payments").

Numerals: with both "," and "." the last one is the decimal separator ("1,250.00",
"1.250,00"); a lone "," before exactly three digits is thousands ("1,250"), otherwise
decimal ("12,50"); a lone "." is always decimal ("12.345 usd" is then refused as too
precise); spaces or ' group thousands ("1 250,00"). "k" is a thousand, "m"/"mm" a
million; "cents"/"¢" are hundredths of the default currency. A lowercase code that is
also an English word ("all", "try", "top") is a currency only when typed in capitals.
For a zero-decimal currency a single "." or "," before three digits groups thousands
("2.000 ¥" = 2000). Hundredths said apart join the amount before them ("twenty dollars and
fifty cents", "twelve pounds fifty"). "won" is Korean won only right after a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from skills._currency_data import (
    AFTER_NUMBER_WORDS,
    AMBIGUOUS_AFTER_NUMBER,
    CAPITAL_R_SYMBOL,
    CENT_WORDS,
    FORMAT_SYMBOLS,
    KNOWN_CURRENCIES,
    SYMBOLS,
    THREE_DECIMAL_CURRENCIES,
    WORD_LIKE_CODES,
    WORDS,
    ZERO_DECIMAL_CURRENCIES,
)
from skills._money_parts import MoneyMatch, join_hundredths, zero_decimal_grouped
from skills._money_scales import and_a_half, shared_scale
from skills._money_text import (
    AMOUNT,
    MULTIPLIERS,
    WORDS_AMOUNT,
    clean_edges,
    is_count,
    not_money_spans,
    numeral_value,
    starts_word,
)
from skills._number_words import NUMBER_WORDS, parse_number_words

__all__ = [
    "KNOWN_CURRENCIES",
    "ZERO_DECIMAL_CURRENCIES",
    "MoneyMatch",
    "MoneyParseError",
    "find_money",
    "format_amount",
    "from_minor",
    "is_known_currency",
    "minor_exponent",
    "normalize_currency",
    "parse_money",
    "parse_number_words",
    "to_minor",
]

_DEFAULT = "$"  # marker: the currency is the account default
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
# Words without which no written-out amount can be present ("a buck" needs the currency).
_TRIGGER_WORDS = NUMBER_WORDS - {"a", "an", "half"} | {"dollar", "buck", "euro", "pound", "quid"}


class MoneyParseError(ValueError):
    """An amount the user typed can't be used; the message says why, in the user's terms.
    `unclear_currency` is the word that could be several currencies ("kr"), when that is why:
    a caller may ask which and keep the amount."""

    def __init__(self, message: str, unclear_currency: str | None = None) -> None:
        super().__init__(message)
        self.unclear_currency = unclear_currency


def minor_exponent(currency: str) -> int:
    """Decimal places of the currency's minor unit as Stripe counts them (0, 2, or 3 for
    BHD/JOD/KWD/OMR/TND, where Stripe also wants the last digit to be 0)."""
    code = currency.lower()
    if code in ZERO_DECIMAL_CURRENCIES:
        return 0
    return 3 if code in THREE_DECIMAL_CURRENCIES else 2


def is_known_currency(code: str) -> bool:
    return code.strip().lower() in KNOWN_CURRENCIES


def normalize_currency(token: str) -> str | None:
    """The ISO code for a currency code, symbol or word ("€", "EUR", "euros", "quid").

    None for "$" (it means the account's default currency, which only the caller knows)
    and for anything that isn't a currency; use `is_known_currency` to tell them apart.
    """
    key = " ".join(token.strip().lower().split())
    if key in SYMBOLS:
        return SYMBOLS[key]
    if key in WORDS:
        return WORDS[key]
    return key if key in KNOWN_CURRENCIES else None


def to_minor(amount: Decimal | int, currency: str) -> int:
    """Major units -> Stripe's integer; refuses amounts finer than the currency allows."""
    value = Decimal(amount)
    if not value.is_finite():
        raise MoneyParseError(f"{amount} is not an amount.")
    exp = minor_exponent(currency)
    scaled = value.scaleb(exp)
    if scaled != scaled.to_integral_value():
        code = currency.upper()
        if exp == 0:
            raise MoneyParseError(f"{code} has no cents: {value} must be a whole number.")
        raise MoneyParseError(f"{code} amounts have at most {exp} decimals; {value} has more.")
    return int(scaled)


def from_minor(amount: int, currency: str) -> Decimal:
    return Decimal(amount).scaleb(-minor_exponent(currency))


def format_amount(amount: int, currency: str) -> str:
    """ "$25.00", "€1,250.00", "¥500", "CHF 10.00", "-$5.00" (English digit grouping)."""
    code = currency.lower()
    exp = minor_exponent(code)
    body = f"{from_minor(abs(amount), code):,.{exp}f}"
    symbol = FORMAT_SYMBOLS.get(code)
    text = f"{symbol}{body}" if symbol else f"{code.upper()} {body}"
    return f"-{text}" if amount < 0 else text


def parse_money(text: str, default_currency: str | None = None) -> tuple[int, str | None]:
    """The whole of `text` as one amount: (minor units, currency or `default_currency`)."""
    s = text.strip()
    m = AMOUNT.fullmatch(s)
    found = _digits_match(m, s, default_currency, strict=False) if m else None
    if found is None and (w := WORDS_AMOUNT.fullmatch(s)):
        found = _words_match(w, default_currency, bare=True)
    if found is None or (found.start, found.end) != (0, len(s)):
        raise MoneyParseError(f"I couldn't read {s!r} as an amount (try e.g. $12.50 or 12,50 €).")
    return found.amount, found.currency


def find_money(
    text: str, default_currency: str | None = None, bare_numbers: bool = False
) -> list[MoneyMatch]:
    """Every amount expression in `text`, in order (see the module docstring for which).

    Raises MoneyParseError for a marked amount finer than its currency allows
    ("12.345 usd"), so that a money action never runs on a silently rounded amount.
    """
    found = _digit_amounts(text, default_currency, bare_numbers)
    if not _TRIGGER_WORDS.isdisjoint(_WORD.findall(text.lower())):
        for w in WORDS_AMOUNT.finditer(text):
            for part in _word_parts(w):
                if hit := _words_match(part, default_currency, bare=bare_numbers):
                    found.append(hit)
    found = join_hundredths(text, sorted(found, key=lambda h: h.start), default_currency)
    if bare_numbers and (halves := _halves(text, default_currency)):
        found = sorted(
            [h for h in found if not any(a.start < h.end and h.start < a.end for a in halves)]
            + halves,
            key=lambda h: h.start,
        )
    return shared_scale(text, found)


def _halves(text: str, default: str | None) -> list[MoneyMatch]:
    built = (_build(text, a, b, value, default, lenient=True) for a, b, value in and_a_half(text))
    return [h for h in built if h is not None]


def _digit_amounts(text: str, default: str | None, bare: bool) -> list[MoneyMatch]:
    """Amounts written with digits. The regex is started just before each digit rather
    than at every character: a prefix ("-US$ ", "EUR ") is at most 5 characters long."""
    found: list[MoneyMatch] = []
    blocked: list[tuple[int, int]] | None = None
    pos = 0
    while (digit := _DIGIT.search(text, pos)) and (
        m := AMOUNT.search(text, max(pos, digit.start() - 6))
    ):
        if blocked is None:
            blocked = not_money_spans(text)
        num_start, num_end = m.span("num")
        block_end = max((e for s, e in blocked if s < num_end and num_start < e), default=-1)
        if block_end >= 0:
            pos = max(block_end, num_start + 1)
        elif hit := _digits_match(m, text, default, strict=True, bare=bare):
            found.append(hit)
            pos = hit.end
        else:
            pos = num_end
    return found


_DOT_GROUPED = frozenset(
    ["eur", "brl", "ars", "clp", "cop", "idr", "try", "dkk", "nok", "isk", "pyg", "uyu"]
)
"""Currencies whose writers group thousands with dots, when the code or symbol follows."""
_SMALL_UNIT = frozenset(["idr", "cop", "huf", "uzs", "lak", "mmk", "irr", "lbp"])
"""Currencies whose unit is worth so little that no price is a few units with decimals: a dot
before three digits ("Rp 150.000") groups thousands wherever the symbol stands."""
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d\d0")
"""'1.500': fifteen hundred in most of Europe, one and a half elsewhere; never guessed."""


def _symbol(sign: str) -> str:
    if sign == "R":
        return CAPITAL_R_SYMBOL
    return SYMBOLS[sign.lower()] or _DEFAULT


def _code(token: str | None, strict: bool) -> str | None:
    """A typed ISO code, if it is one; lowercase English-word codes don't count in text."""
    if not token or token.lower() not in KNOWN_CURRENCIES:
        return None
    if strict and token.lower() in WORD_LIKE_CODES and not token.isupper():
        return None
    return token.lower()


def _digits_match(
    m: re.Match[str], text: str, default: str | None, strict: bool, bare: bool = True
) -> MoneyMatch | None:
    pre = _symbol(m["pre"]) if m["pre"] else _code(m["precode"], strict)
    start = m.start("pre") if m["pre"] else m.start("precode") if pre else -1
    # A sign counts only where it can't be a dash ("$10-$20", "May 1-15").
    sign = bool(m["sign"]) and pre is not None and starts_word(text, m.start("sign"))
    if start < 0:
        sign = bool(m["sign2"]) and starts_word(text, m.start("sign2"))
        start = m.start("sign2") if sign else m.start("num")
    elif sign:
        start = m.start("sign")
    sign = sign or (pre is not None and bool(m["sign2"]))
    post, cents = _post_currency(m, strict)
    marked = bool(pre or post or cents)
    end = m.end() if post or cents else m.end("mult") if m["mult"] else m.end("num")
    value = numeral_value(m["num"])
    if value is None or not clean_edges(text, start, end, marked):
        return None
    if pre not in (None, _DEFAULT) and post not in (None, _DEFAULT) and pre != post:
        raise MoneyParseError(f"{text[start:end]!r} names two different currencies.")
    if m["mult"]:
        value *= MULTIPLIERS[m["mult"].strip().lower()]
    if not marked and not _looks_like_money(m, text, start, end, bare):
        return None
    specific = next((c for c in (pre, post) if c not in (None, _DEFAULT)), None)
    exact_decimals = THREE_DECIMAL_CURRENCIES | ZERO_DECIMAL_CURRENCIES  # "2.000 ¥" is 2000 yen
    european = post in _DOT_GROUPED and not pre  # "1.000 €": written the European way
    european = european or specific in _SMALL_UNIT  # "Rp 150.000": never 150 rupiah
    if _DOT_THOUSANDS.fullmatch(m["num"]) and specific not in exact_decimals and european:
        value = Decimal(m["num"].replace(".", ""))
    elif _DOT_THOUSANDS.fullmatch(m["num"]) and specific not in exact_decimals:
        whole, decimal = m["num"].replace(".", ""), m["num"].rstrip("0").rstrip(".")
        raise MoneyParseError(
            f"'{m['num']}' could be {whole} or {decimal}: please write {whole} or {decimal}."
        )
    if specific in ZERO_DECIMAL_CURRENCIES and not m["mult"]:
        value = zero_decimal_grouped(m["num"]) or value  # "2.000 ¥" is two thousand yen
    if cents:
        value /= 100
    if sign:
        value = -value
    return _build(text, start, end, value, specific or default, strict and not marked)


def _post_currency(m: re.Match[str], strict: bool) -> tuple[str | None, bool]:
    """(currency after the number or None, whether it was "cents"/"¢")."""
    if m["post"]:
        token = m["post"].lower()
        return (None, True) if token == "¢" else (SYMBOLS[token] or _DEFAULT, False)
    word = " ".join((m["postword"] or "").lower().split())
    if word in CENT_WORDS:
        return None, True
    if word in AMBIGUOUS_AFTER_NUMBER:
        return _one_of(word, m.string), False
    return AFTER_NUMBER_WORDS.get(word) or _code(m["postword"], strict), False


def _one_of(word: str, text: str) -> str:
    """ "500 kr": the one candidate code the text names ("NOK payments above 500 kr"), else
    a question: a currency is never guessed."""
    codes = AMBIGUOUS_AFTER_NUMBER[word]
    named = {c for c in codes if re.search(rf"\b{c}\b", text, re.IGNORECASE)}
    if len(named) == 1:
        return named.pop()
    which = ", ".join(c.upper() for c in codes)
    raise MoneyParseError(
        f"'{word}' could be any of {which}: which currency do you mean?", unclear_currency=word
    )


def _looks_like_money(m: re.Match[str], text: str, start: int, end: int, bare: bool) -> bool:
    """An unmarked number: a decimal, grouped or "2k" number is money; a plain integer only
    when the caller asks for bare numbers, and never when it reads as a count."""
    if m["num"][0] in ".,":
        return False
    if is_count(text, start, end) and not _SHORT_SCALE.fullmatch(m["mult"] or ""):
        return False  # "list 5 payments" counts; "list the 5k and up payments" is money
    return bare or bool(m["mult"]) or any(c in m["num"] for c in ".,' \u00a0\u202f")


_SHORT_SCALE = re.compile(r"k|m|mm|bn|\s+grand", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"an?\s+(?=\S)", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_DANGLING = re.compile(r"\s+(?:and|point|oh)$", re.IGNORECASE)


def _word_parts(m: re.Match[str]) -> list[re.Match[str]]:
    """A run of number words that is no one number: "a twenty dollar payment" is twenty
    dollars; "between twenty and fifty euros" is two numbers ("one hundred and fifty" is one)."""
    if parse_number_words(m["num"]) is not None:
        return [m]
    text, start, end = m.string, m.start(), m.end()
    if article := _LEADING_ARTICLE.match(text, start, m.end("num")):
        again = WORDS_AMOUNT.match(text, article.end(), end)
        return [again] if again else [m]
    if dangling := _DANGLING.search(m["num"]):  # "twenty and <the next amount>"
        again = WORDS_AMOUNT.match(text, start, start + dangling.start())
        return [again] if again else [m]
    joint = _AND.search(text, start, m.end("num"))
    if joint is None:
        return [m]
    first, second = (
        WORDS_AMOUNT.match(text, start, joint.start()),
        WORDS_AMOUNT.match(text, joint.end(), end),
    )
    return [p for p in (first, second) if p is not None]


def _words_match(m: re.Match[str], default: str | None, bare: bool) -> MoneyMatch | None:
    words, post = m["num"], " ".join((m["postword"] or "").lower().split())
    value = parse_number_words(words)
    if value is None and post and words.lower() in ("a", "an", "one"):
        value = Decimal(1)
    if value is None or (not post and (not bare or words.lower() in ("a", "an", "one"))):
        return None
    end = m.end() if post else m.end("num")
    if not post and is_count(m.string, m.start(), end):
        return None
    if post in CENT_WORDS:
        value /= 100
    currency = AFTER_NUMBER_WORDS.get(post) or default
    return _build(m.string, m.start(), end, value, currency, lenient=not post)


def _build(
    text: str, start: int, end: int, value: Decimal, currency: str | None, lenient: bool
) -> MoneyMatch | None:
    """Minor units for the match; an unmarked number too fine for the currency is skipped
    (it is probably not money), a marked one is an error the user should hear about."""
    try:
        amount = to_minor(value, currency or "usd")
    except MoneyParseError:
        if lenient:
            return None
        raise
    return MoneyMatch(start, end, amount, currency, text[start:end])
