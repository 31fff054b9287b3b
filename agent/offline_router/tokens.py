"""Turn a message (with its entities) into canonical tokens that phrases are matched against.

Each token keeps its original text and offsets, because names and descriptions are copied
from the message as typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from wordfreq import zipf_frequency

from agent.offline_router.entities import Entities
from agent.offline_router.fuzzy import correct, misspelt_common_word
from agent.offline_router.lexicon import DATA, LEXICON

_SENTENCE_GAP = re.compile(r"[.!?]\s|[›»]|\s[>|]\s")
"""A full stop, or a breadcrumb separator ("Zapier › Stripe Agent › Create payment")."""
_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "—", "–"})
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "co", "ltd", "inc", "jr", "sr", "no", "nr"}
    | {"vs", "etc", "approx", "dept", "corp", "bros", "ave", "mt", "ft"}
)
_WORD = re.compile(r"[^\W_](?:[\w'\-.&]*[^\W_&]|[\w'\-.&]*&)?|[,;:!?()<>=+$€£¥&%\-–—]")
_KEEP_APOSTROPHE = frozenset(
    {"don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "can't", "won't",
     "i'm", "i've", "i'd", "we've", "we're", "they've", "you're", "i'll", "we'll", "haven't",
     "hasn't", "shouldn't", "wouldn't", "couldn't", "let's"}
)  # fmt: skip
_SPLIT_S = frozenset(
    {"what", "who", "how", "that", "it", "there", "here", "where", "he", "she", "name"}
)
_PUNCT = frozenset(",;:!?().")


@dataclass
class Token:
    """A word, a punctuation mark, or an entity placeholder such as `<pi>`."""

    norm: str
    canon: str
    orig: str
    start: int
    end: int
    fuzzy: bool = False
    capital: bool = False

    @property
    def is_placeholder(self) -> bool:
        return self.canon.startswith("<") and self.canon.endswith(">") and len(self.canon) > 2

    @property
    def is_punct(self) -> bool:
        return self.canon in _PUNCT


@dataclass
class Parsed:
    """A message ready for routing: its text, entities and tokens (canonical and as typed)."""

    text: str
    ents: Entities
    tokens: list[Token]
    respelled: int = 0
    """How many words the spelling pass corrected (each one lowers the confidence)."""

    @property
    def lowercase(self) -> bool:
        """Typed all in lowercase (ids and emails aside): capitals tell nothing about names."""
        return typed_in_lowercase(self.ents.masked)

    @property
    def canon(self) -> list[str]:
        return [t.canon for t in self.tokens]

    @property
    def norm(self) -> list[str]:
        return [t.norm for t in self.tokens]

    def sentence_ends_before(self, j: int) -> bool:
        """Whether a full stop (". ", "! ") or a line break separates token j-1 from token j."""
        if j <= 0 or j >= len(self.tokens):
            return False
        before = self.tokens[j - 1]
        gap = self.text[before.end : self.tokens[j].start]
        if "\n" in gap:
            return True  # a pasted form: "Account: Harbor & Pine LLC\nPlan: growth_yearly"
        if before.norm in ("?", "!"):
            return gap[:1].isspace()  # "what's our balance? also …" (a token of its own)
        initial = len(before.norm) == 1 and before.norm.isalnum()  # ("…£45). ch_X is…" ends)
        short = initial or (len(before.norm) == 2 and before.orig[:1].isupper())
        if short or before.norm in _ABBREVIATIONS:
            return False  # "the Dr. Smith consult", "J. Smith", "Ma. Cristina"
        return bool(_SENTENCE_GAP.search(gap))

    def sentence_starts(self) -> list[int]:
        """Indices of the tokens that open a sentence after the first."""
        return [j for j in range(1, len(self.tokens)) if self.sentence_ends_before(j)]

    def clause_starts(self) -> list[int]:
        """Sentence starts, and the tokens right after a comma, semicolon, colon or dash."""
        marks = [j + 1 for j, t in enumerate(self.tokens[:-1]) if t.norm in _CLAUSE_MARKS]
        return sorted(set(self.sentence_starts()) | set(marks))

    def span_text(self, i: int, j: int) -> str:
        """The message's characters from token i to token j-1, spacing as typed."""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]


_WHOLE_UNITS = re.compile(r"(?<=\d)\.[-–—](?![\w-])")
"""Swiss whole francs, "CHF 240.-": the mark says no cents, and is no dash before a note."""


_HYPHENED_BOUND = re.compile(
    r"(?<=[\dkK€$£¥])-(?=(?:and|or)-(?:up|over|above|more|less|under|below)\b)"
    r"|(?:(?<=\band)|(?<=\bor))-(?=(?:up|over|above|more|less|under|below)\b)",
    re.I,
)
"""'the 5k-and-up payments': the hyphens join words, not a code."""


def normalize(text: str) -> str:
    """NFKC, typographic quotes to ASCII; the length is kept whenever possible."""
    text = unicodedata.normalize("NFKC", text)
    text = _WHOLE_UNITS.sub("  ", text)
    text = _HYPHENED_BOUND.sub(" ", text)
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")


def tokenize(ents: Entities) -> list[Token]:
    """Words of the masked text plus one placeholder per entity, in message order."""
    tokens = [_placeholder(s.kind, s.text, s.start, s.end) for s in ents.spans]
    for m in _WORD.finditer(ents.masked):
        tokens.extend(_words(m.group(0), m.start()))
    tokens.sort(key=lambda t: t.start)
    tokens = _multiword(tokens)
    for i, tok in enumerate(tokens):
        _canonicalize(tok, first=i == 0)
    if typed_in_lowercase(ents.masked):
        for tok in tokens:
            tok.capital = _rare_word(tok)
    return tokens


def typed_in_lowercase(masked: str) -> bool:
    """No capital anywhere outside ids and emails (they are blanked out of `masked`)."""
    return not any(c.isupper() for c in masked)


_NAME_STOP = frozenset(str(w) for w in DATA.slots["name_stop"])
_VERB_FORM_MIN = 4
_SHORT = 3
_STEM_ZIPF = 3.0
NAME_ZIPF = 4.5
"""In a message typed all in lowercase, capitals tell nothing: a word rarer than this (and no
word of the router's) is read as if capitalised ("look up ahmed karimi", "bluebird bakery
wants…"). Common words stay lowercase ("window cleaning", "the appointment")."""


def _rare_word(tok: Token) -> bool:
    plain = tok.norm.replace("-", "").replace("'", "")
    if not plain.isalpha() or tok.fuzzy or tok.canon != tok.norm or tok.is_placeholder:
        return False
    if len(plain) <= _SHORT or misspelt_common_word(plain):
        return False  # "teh", "bheind": slips more often than names
    if tok.norm in LEXICON.canonical_words or tok.norm in _NAME_STOP:
        return False
    if len(tok.norm) > _VERB_FORM_MIN and inflected(tok.norm):
        return False  # "a customer emailed saying…", "finally": verbs and adverbs, no names
    return zipf_frequency(tok.norm, "en") < NAME_ZIPF


def inflected(word: str) -> bool:
    """ "emailed", "calling", "finally": a common word with an ending ("ahmed" is no "ahm")."""
    for ending in ("ing", "ed", "ly"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            stems = (stem, stem + "e", stem[:-1])  # "emailed", "invoicing", "stopped"
            return any(zipf_frequency(s, "en") >= _STEM_ZIPF for s in stems if len(s) > 2)
    return False


def _placeholder(kind: str, text: str, start: int, end: int) -> Token:
    return Token(norm=f"<{kind}>", canon=f"<{kind}>", orig=text, start=start, end=end)


def _words(word: str, start: int) -> list[Token]:
    word = word.rstrip(".")
    low = word.lower()
    if low.endswith("'s") and low not in _KEEP_APOSTROPHE:
        base = word[:-2]
        if base.lower() in _SPLIT_S:
            return [_tok(base, start), _tok("is", start + len(base), orig=word[-2:])]
        return [_tok(base, start), _tok("'s", start + len(base), orig=word[-2:])]
    if low.endswith("s'") and len(low) > 2:
        return [_tok(word[:-1], start), _tok("'s", start + len(word) - 1, orig="'")]
    if low.isdigit():
        return [Token(norm=low, canon="<num>", orig=word, start=start, end=start + len(word))]
    return [_tok(word, start)]


def _tok(word: str, start: int, orig: str | None = None) -> Token:
    surface = orig if orig is not None else word
    return Token(
        norm=word.lower(),
        canon=word.lower(),
        orig=surface,
        start=start,
        end=start + len(surface),
        capital=word[:1].isupper(),
    )


def _multiword(tokens: list[Token]) -> list[Token]:
    """'look up' -> 'lookup', "what's" -> 'what is' (longest expression first)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            key = tuple(t.norm for t in tokens[i : i + size])
            repl = LEXICON.multiword.get(key) if len(key) == size else None
            if repl:
                first, last = tokens[i], tokens[i + size - 1]
                out.extend(
                    Token(norm=w, canon=w, orig=first.orig, start=first.start, end=last.end)
                    for w in repl
                )
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _canonicalize(tok: Token, first: bool) -> None:
    if tok.is_placeholder:
        return
    known = LEXICON.surface.get(tok.norm)
    if known:
        tok.canon = known
        return
    if tok.norm in LEXICON.canonical_words:
        return
    # A capitalised word inside a sentence is most likely a name: never "correct" it.
    if tok.capital and not first:
        return
    fixed = correct(tok.norm)
    if fixed:
        tok.canon, tok.fuzzy = fixed, True
