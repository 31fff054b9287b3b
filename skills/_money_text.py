"""The patterns `skills.money` reads amounts with (compiled once at import), and the checks
on the text around a number that tell an amount from an id, a date or a count.

Why a separate module: the regular expressions are long, and keeping them here leaves
`money.py` with only the decisions (which currency, is this an amount at all).
"""

from __future__ import annotations

import re
from decimal import Decimal

from skills._currency_data import AFTER_NUMBER_ANY, SYMBOLS
from skills._number_words import GRAND_AFTER, WORD_RUN_PATTERN

_CJK = "\u3000"
"""Signs from here on ("円", "원") are written right after the digits: no word to start."""
_SYMBOL_ALT = "|".join(
    re.escape(s)
    if not s[0].isalpha() or s[0] >= _CJK
    else rf"(?<![^\W_]){re.escape(s)}(?![^\W\d_])"
    for s in sorted(SYMBOLS, key=len, reverse=True)
)
"""A symbol spelt with letters ("Rs", "A$", "GH₵") starts a word: "Traders 1,250" is no rupees;
and ends one: "350.000 đồng" is the đồng's name, not its sign "đ" and then more letters."""
_WORD_ALT = "|".join(
    w.replace(" ", r"\s+") for w in sorted(AFTER_NUMBER_ANY, key=len, reverse=True)
)

# A numeral as typed: "1 250,00" (space or ' thousands), "1,250.00", "1.250,00", "12,50",
# ".99". Which separator is the decimal one is decided by `numeral_value`, not here.
_NUMERAL = r"\d{1,3}(?:[ \u00a0\u202f']\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|[.,]\d+"

AMOUNT = re.compile(
    rf"""
    (?P<sign>[-−])?
    (?:(?P<pre>{_SYMBOL_ALT}|(?<![\w$])(?-i:R)(?=\s?\d))\s?|\b(?P<precode>[a-z]{{3}})\s?)?
    (?P<sign2>[-−])?
    (?P<num>{_NUMERAL})
    (?P<mult>(?:k|mm|m|bn)\b|\s(?:hundred|thousand|million|billion|lakhs?|lacs?|crores?)\b
      |\sgrand\b{GRAND_AFTER})?
    (?:\s?(?P<post>{_SYMBOL_ALT}|¢)|\s?(?P<postword>{_WORD_ALT}|cents?|[a-z]{{3}})\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

WORDS_AMOUNT = re.compile(
    rf"(?P<num>{WORD_RUN_PATTERN})(?:\s+(?P<postword>{_WORD_ALT}|cents?)\b)?",
    re.IGNORECASE,
)

MULTIPLIERS: dict[str, int] = {
    "k": 10**3,
    "m": 10**6,
    "mm": 10**6,
    "bn": 10**9,
    "hundred": 100,
    "thousand": 10**3,
    "grand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    # the Indian scale: a lakh is a hundred thousand, a crore ten million ("1 lakh rupees")
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may(?!\s+(?:i|we|you|it|be)\b)"
    r"|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_SPAN_DASH = r"\s*(?:-|–|to|through)\s*"

# Things that hold digits but are not amounts: ids, emails, URLs, dates, times, durations,
# percentages. A number inside one of these spans is never read as money.
# For speed, ids/emails/URLs are looked for only when their telltale character is in the
# text, and the date-like patterns are tried only where a run of digits starts.
_GUARDED: list[tuple[str, re.Pattern[str]]] = [
    ("_", re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+", re.IGNORECASE)),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*")),
    ("://", re.compile(r"\bhttps?://\S+", re.IGNORECASE)),
]
_DIGIT_RUN = re.compile(r"\d+")
_STARTS_AT_DIGITS = re.compile(
    rf"""
      (?<![\d.,])(?:19|20)\d\d[-/]\d{{1,2}}(?:[-/]\d{{1,2}})?(?!\d)
    | (?<![\d.,])\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})(?!\d|[.,]\d)
    | (?<![\d.,])\d{{1,2}}/\d{{1,2}}(?!\d|[.,]\d)
    | (?<![\d.,$€£¥₹])\b{_DAY}(?:{_SPAN_DASH}{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b
    | \b\d+\s*(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|hours?|hrs?|h|mins?|minutes?)\b
    | \b\d{{1,2}}(?::\d{{2}})+(?:\s*[ap]\.?m\.?)?
    | \b\d{{1,2}}\s*[ap]m\b
    | \d+(?:[.,]\d+)?\s*(?:%|percent\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "May 3", "May 1-15", "May 3, 2026", "Dec 2025", "in 2025": the digits after such a lead.
_MONTH_LEAD = re.compile(rf"\b{_MONTH}\s+$", re.IGNORECASE)
_AFTER_MONTH = re.compile(
    rf"{_DAY}(?:{_SPAN_DASH}{_DAY})?(?:,?\s+\d{{4}})?(?![\d.,])|\d{{4}}\b", re.IGNORECASE
)
_YEAR_LEAD = re.compile(r"\b(?:in|since|during|before|after|until|of)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d\b")
_REFERENCE_LEAD = re.compile(
    r"\b(?:order|ticket|invoice|case|ref|reference|po|booking|reservation|room|"
    r"table|unit|apt|suite|line|extension|ext|desk|counter|lane|bay|till|register|"
    r"store|branch|shop|location)\s+(?:no\.?\s+|number\s+|#\s*)?$",
    re.IGNORECASE,
)


def not_money_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that hold digits but can't be an amount."""
    spans = [m.span() for guard, rx in _GUARDED if guard in text for m in rx.finditer(text)]
    for run in _DIGIT_RUN.finditer(text):
        p = run.start()
        if any(s <= p < e for s, e in spans):
            continue
        if m := _STARTS_AT_DIGITS.match(text, p):
            spans.append(m.span())
        elif p == 0 or not text[p - 1].isspace():
            continue  # the leads below end in a space
        elif (lead := _MONTH_LEAD.search(text, max(0, p - 16), p)) and (
            after := _AFTER_MONTH.match(text, p)
        ):
            spans.append((lead.start(), after.end()))
        elif _YEAR_LEAD.search(text, max(0, p - 8), p) and (year := _YEAR.match(text, p)):
            spans.append(year.span())
        elif _REFERENCE_LEAD.search(text, max(0, p - 14), p):
            spans.append(run.span())  # "order 4471", "ticket no. 88213": a reference
    return spans


# A plain number right after one of these words is a count, not an amount ("top 10").
COUNT_BEFORE = re.compile(
    r"\b(?:top|limit|first|last|latest|past|next|recent|show(?:\s+me)?|list|display|get|give"
    r"\s+me|fetch|page)\s+(?:of\s+)?(?:the\s+)?(?:most\s+recent\s+)?$",
    re.IGNORECASE,
)
# ... and so is one followed by a countable noun ("5 failed payments", "two weeks").
COUNT_AFTER = re.compile(
    r"\s*(?:(?!(?:for|of|to|on|per|from|by|towards?)\b)[a-z]+\s+)?(?:payments?|charges?|customers?|clients?|results?|items?|rows?|"
    r"transactions?|refunds?|subscriptions?|subscribers?|invoices?|records?|entries|entry|"
    r"times|orders?|users?|people|accounts?|disputes?|payouts?|prices?|products?|seats?|"
    r"licen[cs]es?|days?|weeks?|months?|years?|hours?|minutes?|mins?|secs?|seconds?|"
    # "as owner of all 6 shops …: refund ch_X for the full amount": places, people and units
    r"shops|stores|branches|locations|sites|outlets|staff|members|employees|guests|nights|"
    r"rooms|tickets|lessons|classes|sessions|kegs|casks|bags|boxes|crates|bottles|units|pieces)\b",
    re.IGNORECASE,
)

_AMOUNT_LABEL = re.compile(r"\b(?:amount|amt|total|price|sum)\s*[=:]$", re.I)
"""'amount=25.00': a labelled value, though '=' otherwise glues a number to something else."""
_REJECT_BEFORE = set("_@#+/.,:&=%*")
"""…and "****4242": the last digits of a card, never an amount."""
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})*|\d{1,3}(?:\.\d{3})*|\d{1,2}(?:,\d\d)+,\d{3}")
"""Thousands groups, and India's lakh groups ("1,50,000" = 150000)."""


def numeral_value(token: str) -> Decimal | None:
    """The value of a typed numeral, deciding which separator is the decimal one.

    Both "," and "." present: the last one is the decimal separator. One kind, several
    times: thousands. A single "," followed by exactly three digits (and a 1-3 digit,
    non-zero integer part) is thousands ("1,250"); otherwise a single separator is the
    decimal one ("12,50", "12.345", "1.250").
    """
    digits = re.sub(r"[ \u00a0\u202f']", "", token)
    last_sep = max(digits.rfind("."), digits.rfind(","))
    if last_sep < 0:
        return Decimal(digits)
    seps = {c for c in digits if c in ".,"}
    head, tail = digits[:last_sep], digits[last_sep + 1 :]
    if len(seps) == 2:
        if digits.count(digits[last_sep]) > 1 or not _GROUPED.fullmatch(head):
            return None
        return Decimal(f"{re.sub(r'[.,]', '', head) or '0'}.{tail}")
    if digits.count(digits[last_sep]) > 1:
        return Decimal(re.sub(r"[.,]", "", digits)) if _GROUPED.fullmatch(digits) else None
    is_thousands = (
        digits[last_sep] == "," and len(tail) == 3 and 1 <= len(head) <= 3 and head.strip("0") != ""
    )
    if is_thousands:
        return Decimal(head + tail)
    return Decimal(f"{head or '0'}.{tail}")


def starts_word(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "(["


def clean_edges(text: str, start: int, end: int, marked: bool) -> bool:
    """The expression is not glued to a word, id or another number."""
    before = text[start - 1] if start > 0 else " "
    labelled = before in "=:" and _AMOUNT_LABEL.search(text, 0, start) is not None
    if before.isalnum() or (before in _REJECT_BEFORE and not labelled):
        return False
    if before == "-" and not marked:
        return False
    if end >= len(text):
        return True
    nxt, after = text[end], text[end + 1 : end + 2]
    if nxt.isalnum() or nxt in "_@%":
        return False
    seps = ".,:/" if marked else ".,:/-"
    return not (nxt in seps and after.isdigit())


def is_count(text: str, start: int, end: int) -> bool:
    """A count or a reference number, no amount: "list 5 payments", "(confirmation id 8812)"."""
    return (
        bool(COUNT_BEFORE.search(text, max(0, start - 30), start))
        or bool(COUNT_AFTER.match(text, end))
        or bool(REFERENCE_BEFORE.search(text, max(0, start - 20), start))
    )


REFERENCE_BEFORE = re.compile(
    r"\b(?:card\s+)?(?:ending|ends|ended)\s+(?:in\s+|with\s+)?$"  # "the card ending 4242"
    r"|\blast\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is|of))?\s*:?\s*$"
    r"|\b(?:id|ref|reference|ticket|case|confirmation|order|invoice|code|pin|otp)\s*(?:no\.?|number|#)?"
    r"\s*[#:]?\s*$",
    re.IGNORECASE,
)
