"""A value corrected in the same breath ("charge fifty no sorry sixty dollars", "Jon no sorry
John Miller", "mark@brightline.co no sorry mark@brightlane.co"): the first value is dropped,
as a listener would. Dictated messages do this all the time; typed ones now and then.

Only a value followed by a marker and then another value of the same kind (an email, a number,
a capitalised name) is dropped, so "no trial" or "Jon, no email" stay as they are.
"""

from __future__ import annotations

import re
from datetime import date

from agent.offline_router.id_patterns import EMAIL, stripe_id
from skills._date_words import MONTHS_FULL
from skills.dates import find_date_range
from skills.money import NUMBER_WORDS

_MARKER = (
    r"(?:,?\s+|\s*[-–—]\s*)(?:no\s+sorry|sorry\s+no|no\s+wait|no\s+no|no\s+i\s+mean|sorry\s+i\s+mean"
    r"|sorry\s+i\s+meant|i\s+mean|i\s+meant|no\s+make\s+(?:that|it)|make\s+(?:that|it)|or\s+rather"
    r"|scratch\s+that|sorry|no)[,.]?\s+"
)
_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_NUMBER = rf"[$€£¥]?\d[\d.,]*|(?:{_WORDS})(?:[\s-]+(?:{_WORDS}))*"
_NAME = (
    r"(?!(?:yes|no|ok|okay|sorry|wait|please|thanks|hi|hello|hey|actually|cancel|stop)\b)"
    r"(?-i:[A-Z][a-z][\w'’-]*)"
)
_UNIT_WORDS = r"\s+(?:seats?|users?|licen[cs]es?|people|members)"
_UNIT = rf"(?:{_UNIT_WORDS})?"
_MONTH = rf"(?:{'|'.join(MONTHS_FULL)})"
_CORRECTED = re.compile(
    rf"(?<![\w@.])(?:{EMAIL}(?={_MARKER}{EMAIL})"
    rf"|{_MONTH}(?={_MARKER}{_MONTH}\b)"  # "stats for january no I mean february"
    rf"|(?:{_NUMBER}){_UNIT}(?={_MARKER}(?:{_NUMBER})\b)"
    rf"|{_NAME}(?:\s+{_NAME}){{0,2}}(?={_MARKER}{_NAME}))"
    rf"{_MARKER}",
    re.IGNORECASE,
)


def without_corrected_values(text: str) -> str:
    """`text` with every value the user took back in the same sentence left out."""
    return _CORRECTED.sub("", _UNIT_CORRECTED.sub(r"\g<new>\g<u>", text))


_UNIT_CORRECTED = re.compile(
    rf"(?<![\w@.])(?:{_NUMBER})(?P<u>{_UNIT_WORDS}){_MARKER}(?P<new>{_NUMBER})\b(?!{_UNIT_WORDS})",
    re.IGNORECASE,
)
"""'pro_monthly three seats I mean four': the new count keeps the unit said with the old."""


def without_spoken_take_backs(text: str) -> str:
    """`text` without the words a dictating user took back after a hesitation or after "named"
    (read before the hesitation words are dropped), and without a word's letters spelled out
    after it ("lopes l o p e s")."""
    text = _UNFINISHED_CORRECTION.sub("", text)
    text = _SPOKEN_NAME_TAKEN_BACK.sub(r"\g<f>", text)
    text = _NAMED_TAKEN_BACK.sub(r"\g<l> ", text)
    text = _SPELLING_HINT.sub("", text)
    return _SPELLED_AFTER.sub(_unspelled, text)


_UNFINISHED_CORRECTION = re.compile(
    rf"\s*\b(?:{_NUMBER})\s+(?:no\s+wait|wait\s+no|no\s+sorry|sorry\s+no|no\s+i\s+mean|i\s+mean)"
    r"(?:\s+(?:um+|uh+|er+|erm|hmm+))*[\s.?!…]*$",
    re.I,
)
"""'charge cus_X forty no wait um': an amount taken back and no other said: none is left, so
the router asks how much."""
_SPELLING_HINT = re.compile(r"(?<=[a-z])\s+(?:without|with)\s+(?:the|an?)\s+[a-z]\b(?![\w'’-])")
"""'named clare without the i', 'anne with an e': how the name is spelled, no part of it."""


_NAMED_TAKEN_BACK = re.compile(
    r"\b(?P<l>named|called)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*"
    r"\s+(?:no\s+sorry|sorry\s+no|no\s+wait|wait\s+no|sorry\s+i\s+mean|i\s+mean|or\s+rather|sorry)"
    r"[,.]?\s+(?:(?:his|her|their|the)\s+name\s+is\s+|it'?s\s+)?(?=[a-z])"
)
"""'a customer named priya raman no wait her name is priya ramesh': dictated in lowercase, the
name after "named" taken back for the one after the marker."""
_SPELLED_AFTER = re.compile(r"\b(?P<w>[A-Za-z]{2,})(?P<s>(?:\s+[A-Za-z]\b){2,})")


def _unspelled(m: re.Match[str]) -> str:
    """ "search customers named lopes l o p e s": the letters only spell the word said."""
    letters = "".join(m["s"].split())
    return m["w"] if letters.lower() == m["w"].lower() else m.group()


_FILLER = r"(?:um+|uh+|er+|erm|hmm+)"
_SPOKEN_NAME_TAKEN_BACK = re.compile(
    rf"(?P<f>\b{_FILLER}\s+)(?:[a-z][\w'’-]*\s+){{0,2}}[a-z][\w'’-]*"
    r"\s+(?:no\s+sorry|sorry\s+no|no\s+wait|sorry\s+i\s+mean|i\s+mean|or\s+rather)[,.]?\s+"
    r"(?=[a-z])"
)
"""'create a customer um sunrise yoga no sorry sunset yoga studio', 'look up um bob no sorry rob
henderson': dictated in lowercase, the words between the hesitation and the take-back are the
value taken back."""


_TAKE_BACK = re.compile(
    r"(?:\s*,\s*|\s+[-–—]+\s*|\s*[-–—]+\s+|\s+)(?:oh\s+)?"
    r"(?:no\s+wait|wait\s+no|wait|no\s+sorry|sorry\s+no|sorry|no\s+no|actually"
    r"|(?:no\s+)?scratch\s+that"
    r"|(?<=[-–—,]\s)no|(?<=[-–—,])no)[,.!]?\s+"
    r"(?:(?:make|change)\s+(?:that|it)(?:\s+to)?\s+|i\s+mean[t]?\s+"
    r"|(?:his|her|their|the)\s+e-?mail\s+is\s+|it'?s\s+)?(?:not\s+[^\s,]+,?\s+)?",
    re.IGNORECASE,
)
"""'…, no wait, 35', '— wait no, his email is x@y.z', '— no sorry, starter_annual', '— oh wait,
make it July 1 through today': what follows replaces the same kind of value said before it."""
_KINDS = (
    re.compile(EMAIL),
    re.compile(r"(?<![\w@.])[a-z][a-z0-9]*_[a-z0-9_]+\b", re.I),  # a plan key
    re.compile(r"(?<![\w.,])\d[\d.,]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])"),  # a number
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def without_taken_back(text: str, today: date) -> str:
    """`text` with a value the user took back later in the sentence replaced by the new one
    ("refund $30 from pi_X, no wait, 35" -> "refund $35 from pi_X"): the first value is
    dropped, the corrected one stands where it was; "— no wait, the other one" drops it and
    names none (so the router asks which)."""
    if (made := _MADE_INSTEAD.search(text)) is not None:
        old = list(_KINDS[2].finditer(text, 0, made.start()))
        if old:  # "last 5 payments. make that 15 actually": the number said last is replaced
            last = old[-1]
            return text[: last.start()] + made["v"] + text[last.end() : made.start()]
    for m in _TAKE_BACK.finditer(text):
        rest = text[m.end() :]
        if _THE_OTHER.match(rest) and (dropped := _without_last_id(text[: m.start()])):
            return dropped + rest[_THE_OTHER.match(rest).end() :]  # type: ignore[union-attr]
        own = _ANOTHERS_THEN_ID.match(rest)
        said = list(_ID.finditer(text, 0, m.start())) if own is not None else []
        if own is not None and said:  # "pi_A, no wait, that's the other girl's - Lena's is
            last = said[-1]  # pi_B": pi_B where pi_A was
            between = text[last.end() : m.start()]
            return f"{text[: last.start()]}{own['id']}{between}{rest[own.end() :]}"
        replaced = _replace_earlier(text[: m.start()], rest, today)
        if replaced is not None:
            return replaced
    return text


_SYMBOLS = frozenset("$€£¥")
_MADE_INSTEAD = re.compile(
    r"(?:[.!?]\s+|,\s*|\s+[-–—]\s*)(?:actually\s+|no\s+)?make\s+(?:that|it)\s+(?P<v>\d+)"
    r"(?:\s+(?:actually|instead))?[.!]?\s*$",
    re.I,
)
_THE_OTHER = re.compile(r"the\s+other\s+(?:one|payment|charge|plan|customer)\b", re.I)
_ID = re.compile(rf"(?<![\w@.]){stripe_id('pi', 'ch', 'py', 'cus', 'price')}\b")


_ANOTHERS_THEN_ID = re.compile(
    rf"(?:that['’]?s|that\s+is|it['’]?s|that\s+was)\s+[^.\n]{{0,60}}?"
    rf"(?P<id>{stripe_id('pi', 'ch', 'py', 'cus', 'price')})\b",
    re.I,
)


def _without_last_id(before: str) -> str | None:
    found = list(_ID.finditer(before))
    return before[: found[-1].start()] + before[found[-1].end() :] if found else None


def _replace_earlier(before: str, rest: str, today: date) -> str | None:
    start = max((e.end() for e in _SENTENCE_END.finditer(before)), default=0)
    if rest[:1] in _SYMBOLS and rest[1:2].isdigit():
        rest = rest[1:]  # "$30 — wait, not $30, $13": the symbol stays where it was
    spoken = _spoken_amount_replaced(before, start, rest)
    if spoken is not None:
        return spoken
    for rx in _KINDS:
        new = rx.match(rest)
        old = list(rx.finditer(before, start)) if new else []
        if new and old:
            last = old[-1]
            return before[: last.start()] + new.group() + before[last.end() :] + rest[new.end() :]
    if (until := _NEW_END.match(rest)) and (moved := _end_moved(before, start, until, today)):
        return moved  # "from March 1 to March 15 — sorry, to March 20"
    new_date = find_date_range(rest, today)
    old_date = find_date_range(before[start:], today) if new_date and new_date.start == 0 else None
    if old_date is not None:  # "from March 4 to 10 — wait, make that…": its "from" kept
        lead = _CONNECTIVE.match(old_date.text)
        return before[: start + old_date.start] + (lead.group() if lead else "") + rest
    return None


_UNITS = r"dollars?|bucks|euros?|pounds?|quid|yen|cents?"
_AMOUNT_SAID = (
    rf"(?<![\w.,])(?P<n>(?:{_WORDS})(?:(?:\s+and\s+|[\s-]+)(?:{_WORDS}))*|\d[\d.,]*\d|\d)(?![\w])"
    rf"(?P<u>\s+(?:{_UNITS})\b)"
)
_SPOKEN_AMOUNT = re.compile(_AMOUNT_SAID, re.I)
_BARE_AMOUNT = re.compile(f"{_AMOUNT_SAID}?", re.I)
"""An amount with its unit, and one whose unit may be left out ("…, no wait, 30")."""


def _spoken_amount_replaced(before: str, start: int, rest: str) -> str | None:
    """ "refund twenty dollars on ch_X no wait thirty dollars" -> "refund thirty dollars on
    ch_X": an amount said with its unit, taken back for another (the unit kept when the new
    one is said without it: "20 euros on ch_X, no wait, 30")."""
    new = _BARE_AMOUNT.match(rest)
    if new is not None and not new["u"] and new["n"].lower() == "one":
        return None  # "no sorry not that one, cus_B": "one" alone is no amount
    old = list(_SPOKEN_AMOUNT.finditer(before, start)) if new else []
    if new is None or not old:
        return None
    last = old[-1]
    value = new["n"] + (new["u"] or last["u"])
    return before[: last.start()] + value + before[last.end() :] + rest[new.end() :]


_CONNECTIVE = re.compile(r"(?:from|between|since|starting)\s+", re.I)
_NEW_END = re.compile(r"(?:to|until|till|through|thru)\s+(?=\S)", re.I)
_RANGE_JOINER = re.compile(r"\s+(?:to|until|till|through|thru)\s+|\s*[-–]\s*", re.I)


def _end_moved(before: str, start: int, until: re.Match[str], today: date) -> str | None:
    """The range said before, up to its joiner, then the new end said after the correction."""
    rest = until.string
    old = find_date_range(before[start:], today)
    joiners = list(_RANGE_JOINER.finditer(old.text)) if old else []
    if old is None or not joiners:
        return None
    if find_date_range(rest, today) is None:  # "to March 20", "through the 25th"
        rest = _day_in_old_month(rest, until, old.text[joiners[-1].end() :]) or ""
        if not rest or find_date_range(rest, today) is None:
            return None
    cut = start + old.start + joiners[-1].start()
    return f"{before[:cut]} {rest}"


_MONTH_WORD = re.compile(rf"\b{_MONTH}\b", re.I)


def _day_in_old_month(rest: str, until: re.Match[str], old_end: str) -> str | None:
    """ "from march first to march fifteenth no sorry to the twelfth": a day alone, in the
    month the range's old end was in."""
    month = _MONTH_WORD.search(old_end)
    day = rest[until.end() :].removeprefix("the ")
    return f"{until.group()}{month.group()} {day}" if month else None


_RESTART = re.compile(
    r"(?:\.{2,}|…|[,;—–-])\s*(?:actually|no\s+wait|wait|scratch\s+that|never\s*mind|"
    r"forget\s+that)[,.]?\s+(?:just\s+)?(?!make\s+(?:it|that)\b)(?=(?:show|list|give|find|get|pull|look|search|refund|charge|"
    r"create|add|make|put|subscribe|what|how|tell)\b)",
    re.IGNORECASE,
)


def without_restarted_request(text: str) -> str:
    """ "list the 5 biggest ones... actually just show me payments over $2000 in June": a
    request started over with a verb of its own replaces the one before it."""
    parts = _RESTART.split(text)
    return parts[-1] if len(parts) > 1 and parts[-1].strip() else text
