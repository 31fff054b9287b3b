"""Words `skills.dates` reads: month names (with the usual typos), weekdays, small numbers.

Typos are generated rather than listed: for month names of six letters or more, every
single deleted letter, swapped neighbour pair and doubled letter ("febuary", "feburary",
"septmber", "januaary"). Shorter names (May, June, July, March, April) get none, since
their one-letter variants are often real words ("mach", "jun", "arch").
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> list[str]:
    return text.split()


_MONTH_NAMES = _words(
    "january february march april may june july august september october november december"
)

MONTHS_FULL: dict[str, int] = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


def _typos(word: str) -> set[str]:
    deletions = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    doubled = {word[:i] + word[i] + word[i:] for i in range(len(word))}
    return (deletions | swaps | doubled) - {word}


MONTH_TYPOS: dict[str, int] = {
    typo: number for name, number in MONTHS_FULL.items() if len(name) >= 6 for typo in _typos(name)
}
MONTH_TYPOS.update({"janurary": 1, "feburary": 2, "febuary": 2, "septmber": 9, "setember": 9})

# Every spelling that names a month, whatever the context.
MONTH_WORDS: dict[str, int] = {**MONTH_TYPOS, **MONTH_ABBREVIATIONS, **MONTHS_FULL}

WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(_words("monday tuesday wednesday thursday friday saturday sunday"))
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

SMALL_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}

# Words without which no date expression can be present (with digits handled apart):
# a cheap test that lets most messages skip the full scan.
TRIGGER_WORDS: frozenset[str] = frozenset(
    [
        *MONTH_WORDS,
        *WEEKDAYS,
        *WEEKDAY_ABBREVIATIONS,
        *_words("today yesterday tomorrow ytd mtd wtd qtd last past previous prior this current"),
        *_words("trailing since before after until till through between starting ago week weeks"),
        *_words("weekend month months year years quarter day days so half h1 h2"),
    ]
)


# Words a date expression can start with (the scanner is only tried where one of these, or
# a number, starts).
START_WORDS: frozenset[str] = frozenset(
    [
        *MONTHS_FULL,
        *MONTH_ABBREVIATIONS,
        *WEEKDAYS,
        *WEEKDAY_ABBREVIATIONS,
        *(phrase.split()[0] for phrase in SMALL_NUMBERS),
        *_words("between from since starting beginning after before prior until till through"),
        *_words("more longer less over under"),  # "more than a week ago" (only before "… ago")
        *_words("thru up no the last this next current previous past trailing today yesterday"),
        *_words("tomorrow day ytd mtd wtd qtd year month week so quarter q first second third"),
        *_words("fourth on whole 1st 2nd h"),
    ]
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so the longest spelling wins."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def trie_alternation(words: Iterable[str]) -> str:
    """The same language as `alternation`, shaped as a trie ("jan(?:uary)?|..."): with a
    few hundred month spellings this keeps each attempt to a handful of steps."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(root)


def _trie_to_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [re.escape(ch) + _trie_to_regex(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches)) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
