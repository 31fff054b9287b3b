"""The date expressions `skills.dates` understands, as regular expressions compiled once.

Each *atom* names one period or day ("May 3", "last week", "Q2 2025", "2 weeks ago") and
has its own pattern with named groups, used to read it. The scanner joins the atoms,
without their group names, into composites ("between A and B", "since A", "May 1-15").
The scanner's own copies of the bare-month and bare-year atoms are stricter: "may" the
verb and "2025" the amount must not read as dates in a sentence.
"""

from __future__ import annotations

import re

from skills._date_foreign import FOREIGN_DATE_WORDS, FOREIGN_MONTH_PREPOSITIONS
from skills._date_words import (
    MONTH_ABBREVIATIONS,
    MONTH_TYPOS,
    MONTHS_FULL,
    SMALL_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
    trie_alternation,
)

_FLAGS = re.IGNORECASE
# "may" the verb: never a month before a pronoun; and a bare "May" (no date around it)
# also not before a verb or the like ("May I", "this may take").
_NOT_MAY = r"(?!\s+(?:i|we|you|he|she|they|it)\b)"
_NOT_MAY_BARE = (
    r"(?!\s+(?:i|we|you|he|she|they|it|be|have|not|also|need|want|take|help|get|see|ask"
    r"|please|or|refund|charge|show)\b)"
)
_NOT_A_NAME = r"(?-i:(?!\s+[A-Z][a-z]))"  # "June Lee", "April Smith" are people
# Month typos never reach these patterns: `fix_month_typos` rewrites them first, which keeps
# the patterns small (each holds a dozen copies of the month alternation).
_MONTHS = {**MONTHS_FULL, **MONTH_ABBREVIATIONS}
_MON = rf"(?:{trie_alternation(w for w in _MONTHS if w != 'may')}|may{_NOT_MAY})\.?"
_BARE_MON = rf"(?:{trie_alternation(w for w in MONTHS_FULL if w != 'may')}){_NOT_A_NAME}"
_CAPITAL_MAY = rf"(?<=[\w,;:]\s)(?-i:May){_NOT_MAY_BARE}{_NOT_A_NAME}"
_YEAR = r"(?:19|20)\d\d(?!\d)|['’]\d\d(?!\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.(?=\s|$))?(?!\d)"
"""A German ordinal day ("3. Mai") keeps its dot."""
_DAY_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\d)"
"""A day of no month ("from the 3rd to the 9th") counts only with its ordinal suffix: "from 3
to 9" is more often a count or an amount."""
_RANGE_DASH = (
    r"\s*(?:-|–|—|~|〜|到|至|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b"
    r"|\bal\b|\bau\b|\bbis\b|\bhasta\b|\bjusqu'au\b|\baté\b|\bao\b|\btot\b)\s*"
)
"""A range's dash, in English or in the words of "del 1 al 15", "du 3 au 9", "vom 3. bis 9."."""
_DASH = rf"(?:{_RANGE_DASH}|\s+and\s+)"
_NUM = rf"\d{{1,3}}|{alternation(SMALL_NUMBERS)}"
_UNITS = r"days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|hours?|hrs?|h"
_NOT_MONEY_AFTER = r"(?!\d|[.,]\d|\s*(?:[$€£¥]|usd|eur|gbp|dollars?|euros?|pounds?|bucks|k\b))"


def _ctx(words: str) -> str:
    """Lookbehinds: the text right before is one of `words` and a space."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words.split()) + ")"


_MONTH_CTX = _ctx(
    "in for of during since before after until till from between and to through "
    + FOREIGN_MONTH_PREPOSITIONS
)
_YEAR_CTX = _ctx(
    "in for of during since before after until from throughout through year and did was"
)
_MONTH_OF = r"(?:(?:the\s+)?(?:whole\s+)?month\s+of\s+)"
_DOTTED_CTX = _ctx(
    "from until till to through since on between and van vom von am ab seit bis tot z od du le "
    "au al dal del desde hasta op per"
)

ATOMS: dict[str, str] = {
    "iso": r"(?P<year>\d{4})[-/](?P<mon>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)",
    "numeric": (
        r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P<sep2>[/.-])"
        r"(?P<year>\d{4}|\d{2})(?!\d|[.,]\d)"
    ),
    "slash": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,]\d)",
    # "vom 1.3. bis 15.3.", "z 3.5.": day first, the closing dot says it is a date, not 1.30
    "dotted": rf"(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.{_NOT_MONEY_AFTER}",
    "month_day": (
        rf"(?P<mon>{_MON})\s+(?:the\s+)?(?P<day>{_DAY})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR}))?"
    ),
    "day_month": (
        rf"(?:the\s+)?(?P<day>{_DAY})\s+(?:(?:of|de)\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
    ),
    "month_year": rf"(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<year>{_YEAR})",
    "iso_month": r"(?P<year>\d{4})-(?P<mon>\d{1,2})(?![-/\d])",
    "month_rel_year": rf"(?P<mon>{_MON})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
    "week_of_month": (
        r"(?:the\s+)?(?P<wk>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+"
        rf"(?:(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
        r"|(?:the\s+)?(?P<rel>this|current|last|previous|past)\s+month)"
    ),
    "rel_month": rf"(?P<rel>last|this|next)\s+(?P<mon>{_MON})",
    "quarter": (
        r"(?:q(?P<q>[1-4])|(?:the\s+)?(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)"
        rf"\s+(?:quarter|trimester|trimestre))(?:\s*(?:of\s+)?(?P<year>{_YEAR}))?"
    ),
    "week_of": (
        r"(?:the\s+)?week\s+of\s+(?P<inner>(?:the\s+)?"
        rf"{_DAY_ORD}(?!\s+of\b)|(?:{_MON})\s+(?:the\s+)?{_DAY}|(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MON}))"
    ),
    "month_edge": (
        r"(?:the\s+)?(?P<edge>start|beginning|end)\s+of\s+(?:the\s+)?"
        r"(?P<rel>this|current|last|previous)?\s*month(?!\s+(?:so\s+far|to\s+date))"
    ),
    "two_days": r"(?P<two>yesterday\s+and\s+the\s+day\s+before|the\s+last\s+two\s+days)",
    "half_month": (
        r"(?:the\s+)?(?P<mh>first|second|1st|2nd|latter)\s+half\s+of\s+"
        rf"(?:(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
        r"|(?:the\s+)?(?P<rel>this|current|last|previous|past)\s+month)"
    ),
    "day_of_rel_month": (
        rf"(?:the\s+)?(?P<day>{_DAY_ORD})\s+of\s+(?:the\s+)?"
        r"(?P<rel>this|current|last|previous|past)\s+month"
    ),
    "half": (
        r"(?:(?:the\s+)?(?P<hord>first|second|1st|2nd)\s+half"
        rf"(?!\s+of\s+(?:the\s+|this\s+|a\s+)?(?:month|week|quarter|day|{_MON}))"
        rf"(?:\s+of\s+(?:the|this)\s+year)?|h(?P<h>[12]))(?:,?\s*(?:of\s+)?(?P<year>{_YEAR}))?"
    ),
    "rel_quarter": (
        r"(?:the\s+)?(?P<rel>this|current|last|previous|prior)\s+quarter"
        r"|(?P<qtd>qtd|quarter\s+to\s+date)"
    ),
    "last_n": (
        r"(?:the\s+)?(?:last|past|previous|prior|trailing)\s+"
        rf"(?P<n>{_NUM})\s*(?P<unit>{_UNITS})(?!\w)"
    ),
    "ago": rf"(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago",
    "named": (
        r"(?P<name>today|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|ytd"
        r"|(?:the\s+)?year\s+to\s+date|mtd|month\s+to\s+date|wtd|week\s+to\s+date"
        r"|so\s+far\s+this\s+(?:year|month|week)|this\s+(?:year|month|week)\s+so\s+far"
        r"|the\s+(?:year|month|week)\s+(?:is\s+)?(?:looking|going|shaping\s+up)\s+so\s+far"
        r"|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?:year|month|week)"
        r"|(?:over\s+)?the\s+weekend)"
    ),
    "rel_period": (
        r"(?:the\s+)?(?P<rel>this\s+past|this|current|last|previous|prior|past)\s+"
        r"(?P<per>week(?:end)?|month|year)"
    ),
    "weekday": (
        rf"(?:(?P<rel>last|past|previous|this)\s+)?(?P<wd>{alternation(WEEKDAYS)})"
        rf"|(?P<rel2>last|this|on)\s+(?P<wd2>{alternation(WEEKDAY_ABBREVIATIONS)})\.?"
    ),
    "year": rf"(?P<year>(?:19|20)\d\d){_NOT_MONEY_AFTER}",
    "month": rf"{_MONTH_OF}?(?P<mon>{_MON})",
}

_SAFE_ABBREVIATIONS = "feb|apr|aug|sept|sep|oct|nov|dec"
"""Abbreviations that are no name or word as well (not "jan", "jun", "mar", "may")."""
_FIGURES = "numbers|figures|revenue|sales|stats|report|results|totals|analytics|volume"

# The scanner's stricter copies: a bare year needs a preposition before it; a bare month
# needs one too unless it is spelled out in full ("March") or is a capitalised "May" inside
# a sentence; abbreviations ("jan", also a name) need a preposition or a day or year.
_SCAN_OVERRIDES = {
    "year": rf"{_YEAR_CTX}(?:19|20)\d\d{_NOT_MONEY_AFTER}",
    "month": (
        rf"{_MONTH_CTX}{_MONTH_OF}?{_MON}|{_MONTH_OF}{_MON}|{_BARE_MON}|{_CAPITAL_MAY}"
        rf"|{_ctx('was about vs versus analytics revenue sales stats numbers figures report')}"
        r"may(?=\s*(?:[?.!,]|$))"
        rf"|{_ctx('did')}may(?=\s+(?:go|look)\b)"
        r"|may(?=\s+k[aei]\b)"  # Hindi "May ka analytics" (May's)
        rf"|(?:(?<=\bthe\s)|(?<=\bwith\s)|(?<=\bfor\s)|^)(?:{_SAFE_ABBREVIATIONS})\.?"
        rf"(?=\s+(?:{_FIGURES})\b)"  # "the Feb numbers", "start with feb numbers"
        rf"|{_ctx('did')}(?:{_SAFE_ABBREVIATIONS})\.?(?=\s+(?:go|look)\b)"  # "how did Feb go"
    ),
    "rel_month": rf"(?:last|next)\s+{_MON}|this\s+(?:{_BARE_MON}|(?-i:May))",
    # "brings her dogs every other Thursday": a habit, no day
    "weekday": (
        rf"(?:(?P<rel>last|past|previous|this)\s+)?(?<!every\s)(?<!other\s)(?<!each\s)"
        rf"(?P<wd>{alternation(WEEKDAYS)})(?!s\b)"
        rf"|(?P<rel2>last|this|on)\s+(?P<wd2>{alternation(WEEKDAY_ABBREVIATIONS)})\.?"
    ),
    # "1.3." alone may end a sentence on an amount ("refund 12.5."): a date only after a
    # preposition of time or before a range ("1.3.-15.3.")
    "dotted": (
        rf"{_DOTTED_CTX}\d{{1,2}}\.\d{{1,2}}\.{_NOT_MONEY_AFTER}"
        rf"|\d{{1,2}}\.\d{{1,2}}\.(?={_RANGE_DASH}\d{{1,2}}\.\d{{1,2}}\.)"
    ),
}

DAY_RANGES: dict[str, str] = {
    "month_days": (
        rf"(?:(?:from|between)\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<day>{_DAY}){_DASH}"
        rf"(?:the\s+)?(?P<day2>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?"
    ),
    "days_month": (
        rf"(?:(?:from|between)\s+)?(?:the\s+)?(?P<day>{_DAY}){_DASH}(?:the\s+)?(?P<day2>{_DAY})"
        rf"\s+(?:(?:of|de)\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
    ),
    # "from the 1st of October to the 15th": the month named after the first day only
    "day_month_day": (
        rf"(?:(?:from|between)\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?{_DASH}(?:the\s+)?(?P<day2>{_DAY_ORD})"
        rf"(?!\s+(?:of\b|{_MON}))"
    ),
    "days_only": (
        rf"(?:(?:from|between)\s+(?:the\s+)?|the\s+)(?P<day>{_DAY_ORD}){_DASH}"
        rf"(?:the\s+)?(?P<day2>{_DAY_ORD})(?!\s+(?:of\b|{_MON}))"
    ),
    "days_rel_month": (
        rf"(?:(?:from|between)\s+)?(?:the\s+)?(?P<day>{_DAY}){_DASH}(?:the\s+)?(?P<day2>{_DAY})"
        r"\s+of\s+(?:the\s+)?(?P<rel>this|current|last|previous|past)\s+month"
    ),
}

ATOM_RES: dict[str, re.Pattern[str]] = {k: re.compile(v, _FLAGS) for k, v in ATOMS.items()}
DAY_RANGE_RES: dict[str, re.Pattern[str]] = {
    k: re.compile(v, _FLAGS) for k, v in DAY_RANGES.items()
}


def _anonymous(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


def _joined(sources: dict[str, str]) -> str:
    return "|".join(f"(?:{_anonymous(s)})" for s in sources.values())


_ATOM = _joined(ATOMS)
_ATOM_SCAN = _joined({**ATOMS, **_SCAN_OVERRIDES})
_ARRIVING = ["came", "come", "comes", "coming", "went", "go", "goes", "going", "gone", "got", "get"]
_PASSED = "".join(rf"(?<!\b{verb}\s)" for verb in _ARRIVING)
"""'which payments came through yesterday': "through" after a verb of arriving is the verb's,
not a bound ("until the end of yesterday")."""
_AGO_AHEAD = r"(?=\s+\S+\s+\S+\s+ago\b)"
_KEYWORDS = (
    r"since|starting(?:\s+(?:from|on))?|beginning|after|before|prior\s+to|until|till"
    rf"|{_PASSED}(?:through|thru)|up\s+to|no\s+later\s+than"
    rf"|(?:more|longer|less)\s+than{_AGO_AHEAD}|(?:over|under){_AGO_AHEAD}"
)
"""… and "more than a week ago" (before it), "less than 3 days ago" (since it)."""


def _composite(first_atom: str) -> str:
    return rf"""
      (?P<between>between)\s+(?:the\s+)?(?P<a1>{_ATOM})\s+(?:and|to|-|–)\s+(?:the\s+)?(?P<b1>{_ATOM})
    | (?P<dayrange>{_joined(DAY_RANGES)})
    | (?P<kw>{_KEYWORDS})\s+(?P<a3>{_ATOM})
    | (?P<kwd>{_KEYWORDS})\s+the\s+(?P<dom>{_DAY_ORD})
    | (?:(?P<from>from)\s+)?(?P<a2>{first_atom})
      (?:{_RANGE_DASH}(?P<b2>{_ATOM})
        |\s+(?P<onwards>onwards?|forward|and\s+(?:after|later)|or\s+later)
        |(?(from)\s+(?P<on>on)))?
    """


SCAN = re.compile(
    rf"(?<![\w$€£¥.,/])(?<!\d-)(?:{_composite(_ATOM_SCAN)})(?!\w)", _FLAGS | re.VERBOSE
)
WHOLE = re.compile(
    rf"""\s*(?:(?:in|for|during|over|on|of|throughout|within|at)\s+)?(?:the\s+)?
    (?:{_composite(_ATOM)})\s*""",
    _FLAGS | re.VERBOSE,
)

_NAMES = {number: name for name, number in MONTHS_FULL.items()}
REWRITES: dict[str, str] = {
    **FOREIGN_DATE_WORDS,
    **{typo: _NAMES[number] for typo, number in MONTH_TYPOS.items()},
}
"""What the scanner's copy of the text spells differently: month typos and foreign words."""
_TYPO = re.compile(rf"(?<!\w)(?:{alternation(REWRITES)})(?!\w)", _FLAGS)


def fix_month_typos(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with misspelt months spelt right ("febuary" -> "february") and foreign date words
    in English ("letzte Woche" -> "last week"), and the marks that
    map a position in the new text back: (end of a rewritten word, total shift so far)."""
    pieces: list[str] = []
    marks: list[tuple[int, int]] = []
    last = shift = 0
    for m in _TYPO.finditer(text):
        name = REWRITES[" ".join(m.group().lower().split())]
        pieces += [text[last : m.start()], name]
        shift += len(name) - len(m.group())
        marks.append((m.end() + shift, shift))
        last = m.end()
    return "".join([*pieces, text[last:]]), marks


def original_position(pos: int, marks: list[tuple[int, int]]) -> int:
    shift = 0
    for end, total in marks:
        if pos >= end:
            shift = total
    return pos - shift
