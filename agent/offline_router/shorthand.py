"""Chat shorthand written out in full ("yday" -> "yesterday", "w/o" -> "without") before the
message is read, so dates, amounts and phrases see ordinary words; the table is data
(`lexicon.yaml` `shorthand`)."""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from agent.offline_router.lexicon import DATA

_TABLE: dict[str, str] = {str(k).lower(): str(v) for k, v in DATA.lexicon["shorthand"].items()}
_WORDS = re.compile(
    r"(?<![\w/'.@:])("
    + "|".join(re.escape(k) for k in sorted(_TABLE, key=len, reverse=True))
    + r")(?![\w/@]|'\w|\.\w)",
    re.I,
)
_AMPERSAND = re.compile(r"(?<=\d)\s*&\s*(?=[$€£¥]?\s?\d)")
"""between 10 & 50 bucks: a joined pair of numbers (a company's "&" stays)."""
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
_MONTH_NAMES = "january|february|march|april|june|july|august|september|october|november|december"
_POSSESSIVE = re.compile(
    r"\b(last|this|next|past|previous)\s+(week|month|year|quarter)s(?=\s+[a-z])"
    rf"|\b(yesterday|today|{_MONTH_NAMES})s(?=\s+[a-z])",
    re.I,
)
"""'last weeks failed payments', 'Februarys numbers': the apostrophe left out of a period's
possessive."""
_OWNED = "|".join(str(w) for w in DATA.lexicon["possessed_nouns"])
_SUFFIXES = frozenset(str(w).lower() for w in DATA.slots["company_suffixes"])
_NAME_S = re.compile(rf"\b(?-i:[A-Z])[^\W\d_]+s(?=\s+(?:{_OWNED})\b)", re.I)
RARE_ZIPF = 2.5
"""Below this a word with "s" is no word of its own ("kowalskis" 0, "jennys" 1.9), so the "s"
is a possessive; "Jones", "Adams" (4+) keep theirs."""
_DAY_DOT = re.compile(
    rf"\b(\d{{1,2}})\.(?=\s+(?:(?:and|until|till|to|through|bis|-|–)\s+(?:the\s+)?\d{{1,2}}\.?\s+)?"
    rf"(?:of\s+)?{_MONTH})",
    re.I,
)
"""'from the 2. until the 6. of June', 'between 1. and 15. April': a day written with the
ordinal dot (German, Nordic) before its month."""
_DOTTED_DAYS = re.compile(
    r"(?<![\d.,$€£¥])(?P<d1>[12]\d|3[01]|0?[1-9])\.(?P<m1>0[1-9]|1[0-2])\s*"
    r"(?P<sep>until|till|bis|through|thru|do|tot|hasta|al|até|ao|(?:to|-|–)(?=\s*\d{1,2}\.\d\d\s+(?:of\s+)?(?:this\s+year|20\d\d)))"
    r"\s*(?P<d2>[12]\d|3[01]|0?[1-9])\.(?P<m2>0[1-9]|1[0-2])(?![\d.,])",
    re.I,
)
"""'from 1.06 until 15.06 of this year': days written day.month (two-digit month), as in
much of Europe; only in a range said with "until" or closed by the year, where no amount is
meant, or with the "until" of a language whose amounts take a decimal comma (Polish "od 1.03 do
15.03", Dutch "tot", Spanish "hasta"/"al", Portuguese "até"/"ao"), read as "until"."""
_FOREIGN_UNTIL = frozenset({"do", "tot", "hasta", "al", "até", "ao"})
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec")  # fmt: skip


def _dotted_days(m: re.Match[str]) -> str:
    first = f"{int(m['d1'])} {_MONTH_ABBREVIATIONS[int(m['m1']) - 1]}"
    second = f"{int(m['d2'])} {_MONTH_ABBREVIATIONS[int(m['m2']) - 1]}"
    sep = "until" if m["sep"].lower() in _FOREIGN_UNTIL else m["sep"]
    return f"{first} {sep} {second}"


_BTW_AMOUNTS = re.compile(
    r"\bbtw\s+(?=[$€£¥]?\s?\d[\d.,]*\s*(?:[a-z$€£]+\s+)?(?:and|&|-|to)\s+[$€£¥]?\s?\d)", re.I
)
"""'payments btw 20 and 100 bucks': "between" before a pair of numbers ("btw" is "by the way"
elsewhere)."""
_ARROW = re.compile(r"\s*(?:(?<!-)->|=>|→)\s*")
_DOT_DOT = re.compile(r"(?<=\d)\.\.(?=\d)")
"""'analytics 2025-11-01..2025-11-15': a range written as a programmer would."""


_UNDERSCORE = re.compile(r"(?<=\w) +underscore +(?=\w)", re.I)
"""Dictated keys: "pro underscore monthly" -> "pro_monthly"."""


_ONE_PERSONS = re.compile(
    r"\b(?P<d>that|this|a|each|one|the|my|our|your)\s+(?P<n>customer|client|buyer|user|member)s"
    r"(?=\s+(?P<o>payments?|cards?|accounts?|charges?|refunds?|orders?|emails?|invoices?)\b)",
    re.I,
)
"""'refund the customers payment', 'that customers payments': one person's, the apostrophe left
out (read as plural, "the customers" would be a bulk action). After "the"/"my" only a singular
thing owned says so ("the customers payments" may be many people's)."""


def _one_persons(m: re.Match[str]) -> str:
    singular_owner = m["d"].lower() in ("that", "this", "a", "each", "one")
    if singular_owner or not m["o"].lower().endswith("s"):
        return f"{m['d']} {m['n']}'s"
    return m.group()


def expand(text: str) -> str:
    """The message with its shorthand written out ("10 & 50" -> "10 and 50", "->" -> "to")."""
    text = _UNDERSCORE.sub("_", text)
    text = _WORDS.sub(_written_out, text)
    text = _AMPERSAND.sub(" and ", text)
    text = _BTW_AMOUNTS.sub("between ", text)
    text = _ONE_PERSONS.sub(_one_persons, text)
    text = _POSSESSIVE.sub(_with_apostrophe, text)
    text = _NAME_S.sub(_name_possessive, text)
    text = _DAY_DOT.sub(r"\1", text)
    text = _DOTTED_DAYS.sub(_dotted_days, text)
    text = _DOT_DOT.sub(" to ", text)
    return _ARROW.sub(" to ", text)


def _written_out(m: re.Match[str]) -> str:
    word = m.group(1)
    if len(word) <= 2 and word[0].isupper():
        return word  # "Em", "U": a name or an initial more likely than "them", "you"
    if word == "w" and re.search(r"\d\s*$", m.string[: m.start()]):
        return word  # "a 2 w trial": weeks, not "with"
    return _TABLE[word.lower()]


def _with_apostrophe(m: re.Match[str]) -> str:
    if m.group(3):
        return f"{m.group(3)}'s"
    return f"{m.group(1)} {m.group(2)}'s"


def _name_possessive(m: re.Match[str]) -> str:
    """ "Dave Kowalskis payments" -> "Dave Kowalski's", "Acme GmbHs" -> "GmbH's"; a name whose
    "s" is its own ("Sarah Jones payments") is left as typed."""
    word = m.group(0)
    stem = word[:-1]
    if stem.lower() in _SUFFIXES:
        return f"{stem}'s"
    seen = zipf_frequency(word, "en")
    return f"{stem}'s" if seen < RARE_ZIPF and zipf_frequency(stem, "en") > seen else word
