"""Typo tolerance: map an unknown word to the one canonical surface form it is one edit from.

A symmetric-delete index (SymSpell's idea) is built once at import, so a lookup is a handful
of dict probes. Only words of 5+ letters are corrected, never to two different targets, and
never a word listed in `known_words` (real English that sits one edit from a cue: "change"),
and never a common word (wordfreq's English frequencies): "looks" is no typo of "books", nor
"brooks" or "lowe" (surnames typed in lowercase) of "books" or "lower".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from wordfreq import zipf_frequency

from agent.offline_router.lexicon import DATA, LEXICON

MIN_LEN = 5
COMMON_ZIPF = 3.0
"""Words seen at least once per million words of English (Zipf 3) are real words or common
names, not typos; real misspellings sit below ("recieve" 2.75, "febuary" 1.77, "refnud" 0)."""


def deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insert, delete, substitute or swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = [*diff, 0, 0][:2]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def index_within_one(words: Iterable[str]) -> dict[str, set[str]]:
    """Each word under itself and every one-letter deletion of it: the words within one edit
    of a token are among those filed under the token's own deletions."""
    return _index(set(words))


def _index(words: set[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= MIN_LEN and word.isalpha():
            for d in deletes(word) | {word}:
                index.setdefault(d, set()).add(word)
    return index


_INDEX = _index(set(LEXICON.surface))
_TYPOS = {str(w) for words in DATA.lexicon["typos"].values() for w in words or []}
_SPELLING = (set(LEXICON.surface) - _TYPOS) | set(LEXICON.canonical_words)
_SPELLING |= {str(w) for w in DATA.lexicon["spelling_vocabulary"]}
_SLOT_LISTS = (
    "refund_reasons",
    "statuses",
    "amount_min",
    "amount_max",
    "number_words",
    "seat_units",
    "trial_units",
    "plan_names",
    "plan_intervals",
    "limit_before",
)
_SPELLING |= {
    word
    for key in _SLOT_LISTS
    for phrase in DATA.slots[key]
    for word in str(phrase).split()
    if word.isalpha()
}
_SPELLING |= {str(w) for words in DATA.slots["currency_words"].values() for w in words}
_OTHER_LANGUAGES = ("fr", "de", "es", "pt", "it", "nl")


def _english(word: str) -> bool:
    """More English than French, German, Spanish, Portuguese, Italian or Dutch ("carte" is not)."""
    english = zipf_frequency(word, "en")
    return english >= 2 and all(
        zipf_frequency(word, lang, wordlist="small") <= english for lang in _OTHER_LANGUAGES
    )


_SPELLING |= {  # "turn off confirmaitons", "the webhook sercet": refused like the right spelling
    word
    for key in ("bypass", "evasion", "secrets")
    for phrase in DATA.safety[key]
    for word in re.split(r"[\s|;*]+", str(phrase))
    if word.isalpha() and _english(word)
}
_SPELL_INDEX = _index(_SPELLING)
_KNOWN = frozenset(str(w) for w in DATA.lexicon["known_words"]) | frozenset(_SPELLING)
_KNOWN |= {word for key in LEXICON.multiword for word in key}  # "clave secreta" as typed
_WORD = re.compile(rf"(?<![\w@.\-'])[A-Za-z]{{{MIN_LEN - 1},}}(?![\w@\-]|\.\w)")


_SEEN_SHORT_ZIPF = 2.9
"""A four-letter word seen this often in English ("nair" 2.92) is a word or a name; the
lost-letter slips respelled at four letters ("chek" 2.28, "moey", "mnth") are rarer."""

_SENTENCE_OPENS = re.compile(
    r"(?:^|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bprof)[.!?]\s+|\n\s*)$", re.I
)
"""Where a sentence opens: its capital says nothing ("Dr. Bello" is still inside one)."""


def respell(text: str) -> tuple[str, int]:
    """The text with misspelt known words fixed ("yeserday" -> "yesterday"), and how many.

    Runs before entities are read, so the money and date parsers see the words spelled right.
    Capitalised words inside a sentence are taken for names and left alone.
    """
    fixes = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal fixes
        word = m.group(0)
        if word[0].isupper() and not _SENTENCE_OPENS.search(text, 0, m.start()):
            return word  # a capital inside a sentence: a name ("Refnud" opening one is not)
        target = _spelling_fix(word.lower())
        if target is None or len(target) < MIN_LEN:  # 4 letters: only a lost letter ("moey")
            return word
        if len(word) < MIN_LEN and zipf_frequency(word.lower(), "en") >= _SEEN_SHORT_ZIPF:
            return word  # "priya nair": a short word this often seen is a name, not "naira"
        fixes += 1
        return target

    return _WORD.sub(fix, text), fixes


@lru_cache(maxsize=8192)
def _spelling_fix(token: str) -> str | None:
    return _closest(token, _SPELL_INDEX)


def _closest(token: str, index: dict[str, set[str]]) -> str | None:
    """The one word of `index` within one edit of `token` (None if none, or several)."""
    if token in _KNOWN or (token in LEXICON.surface and token not in _TYPOS):
        return None  # a known word (a listed typo is written out: "serach" -> "search")
    candidates: set[str] = set()
    for probe in deletes(token) | {token}:
        candidates |= index.get(probe, set())
    found = {c for c in candidates if within_one(token, c)}
    if len({LEXICON.surface.get(c, c) for c in found}) > 1:  # "paymenst": payment(s)?
        found = {c for c in found if len(c) == len(token)}  # a swap beats a lost letter
    if found and len({LEXICON.surface.get(c, c) for c in found}) == 1:
        target = min(found, key=lambda c: (len(c) != len(token), len(c), c))  # a swap first
        listed = LEXICON.surface.get(token)  # a listed typo keeps the meaning listed for it
        if listed is not None and LEXICON.surface.get(target, target) != listed:
            return None  # "chargs" is listed as payments: not "charge"
        return None if _common(token) else target
    return None


@lru_cache(maxsize=4096)
def misspelt_common_word(word: str) -> bool:
    """ "bheind", "comapny", "excatly": never seen in English, but two letters swapped back
    make a common word. A typo, then, not a name (names are seen: "nagle", "tran")."""
    if len(word) < MIN_LEN or not word.isalpha() or zipf_frequency(word, "en") > 0:
        return False
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    return any(zipf_frequency(s, "en") >= COMMON_ZIPF for s in swaps)


def _common(token: str) -> bool:
    """A frequent English word or name ("looks", "brooks"): no typo, whatever it is near."""
    return zipf_frequency(token, "en") >= COMMON_ZIPF


@lru_cache(maxsize=4096)
def correct(token: str) -> str | None:
    """The canonical token `token` is a typo of, or None (unknown, ambiguous or too short)."""
    if len(token) < MIN_LEN or not token.isalpha() or token in _KNOWN:
        return None
    candidates: set[str] = set()
    for probe in deletes(token) | {token}:
        candidates |= _INDEX.get(probe, set())
    if _common(token):
        return None
    targets = {LEXICON.surface[c] for c in candidates if within_one(token, c)}
    return targets.pop() if len(targets) == 1 else None


zipf_frequency("the", "en")  # load the word list now, not inside the first user's turn
