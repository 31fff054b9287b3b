"""Amounts in a request: the one to charge/refund, or the bounds of a payment search."""

from __future__ import annotations

import re
from itertools import pairwise

from agent.offline_router.entities import Span, bare_amounts
from agent.offline_router.intent import skip_polite
from agent.offline_router.lexicon import DATA
from agent.offline_router.pasted_rows import pasted_row
from agent.offline_router.tokens import Parsed
from skills.money import NUMBER_WORDS, MoneyMatch, MoneyParseError, find_money

_S = DATA.slots


def _phrases(key: str) -> list[tuple[str, ...]]:
    return sorted((tuple(str(p).split()) for p in _S[key]), key=len, reverse=True)


def _table(keys: dict[str, str]) -> list[tuple[tuple[str, ...], str]]:
    """(phrase, kind) for every phrase of the given lists, longest phrase first."""
    rows = [(phrase, kind) for key, kind in keys.items() for phrase in _phrases(key)]
    return sorted(rows, key=lambda row: len(row[0]), reverse=True)


_BEFORE = _table(
    {
        "amount_between": "between",
        "amount_min": "min",
        "amount_max": "max",
        "amount_between_joiners": "join",
        "amount_exact": "exact",
    }
)
_NEGATORS = _phrases("amount_negators")
_MONEY_VERBS = frozenset({"refund", "charge", "reverse"})
_COUNT_NOUNS = [*_phrases("limit_after"), ("of", "them"), ("of", "those")]
_AFTER = _table({"amount_after_min": "min", "amount_after_max": "max"})
_AFTER_MARKED = _table({"amount_after_min_marked": "min", "amount_after_max_marked": "max"})
"""'¥5,000 minimum': after a marked amount only; after a bare number ("25 max") it may count."""
_HYPHEN = frozenset({"-", "–"})


_NEXT_WORD = re.compile(r"[ \t]+(?P<w>[a-z]{2,}s)\b")
_MONEY_WORDS = frozenset(
    str(w).lower() for words in DATA.slots["currency_words"].values() for w in words
) | frozenset(str(w) for w in DATA.slots["other_currency_nouns"])


def _counts_things(text: str, at: int) -> bool:
    """A plain number before a plural noun counts things ("Refund him for the two books"): no
    amount (a currency's name, "120 riyals", is one)."""
    m = _NEXT_WORD.match(text, at)
    if m is None or m["w"].endswith(_NOT_PLURAL) or m["w"] in _FUNCTION_WORDS:
        return False  # "thirty this time", "100 was right", "50 plus tax"
    return m["w"] not in _MONEY_WORDS and m["w"][:-1] not in _MONEY_WORDS


_NOT_PLURAL = ("ss", "us", "is", "as", "ys")
_FUNCTION_WORDS = frozenset(
    {
        "does",
        "goes",
        "hers",
        "its",
        "ours",
        "yours",
        "theirs",
        "always",
        "perhaps",
        "besides",
        "afterwards",
        "towards",
        "unless",
        "whereas",
    }
)


def first_amount(msg: Parsed) -> MoneyMatch | None:
    """The first marked amount not ruled out ("not $50 but $45" is $45), else the first plain
    number ("charge jane 50")."""
    marked = [s for s in msg.ents.of("money") if s.text == s.value.text]
    # (an amount re-read for a list filter, "1.000 dollar" as 1,000, never moves money)
    if marked and (both := _two_together(msg, marked)) is not None:
        return both  # "¥48,000 for the book plus ¥3,500 shipping … charge … both together"
    if marked:
        kept = [s for s in marked if not _negated(msg, s.start)] or marked
        # "per policy 7.2 … refund $15": the amount after the verb, or one with its currency,
        # before a bare decimal that happens to come first
        # … and one said outside brackets before one in an aside ("(it was $2,400) -- $400")
        # … and one in the sentence that asks ("Mae had a $45 trim. Charge priya@… $210")
        asked = money_verb_sentences(msg)
        told = _told_to(msg)  # "… Final bill is €1.987,40 … Charge finance@… €1.487,40"
        ranked = sorted(
            kept,
            key=lambda s: (
                in_brackets(msg.text, s.start),
                not (_follows_money_verb(msg, s.start) or _owed_back(msg, s.start)),
                bool(told) and not _inside(told, s.start),
                bool(asked) and not _inside(asked, s.start),
                not _has_currency(s.value),
            ),
        )
        top = ranked[0]
        rest = _asking_for_the_rest(msg, asked)
        if rest and not _is_what_remains(msg, top, rest):
            return None  # "…put down the $80 deposit … Can you charge Femi for the rest?"
        if asked and not _inside(asked, top.start) and _already_paid(msg, top):
            return None  # "The retainer itself ($2,000) already went through. / charge cus_X for
            # the extra hours she mentions": what was paid is no amount to ask for
        if _points_at_one_of_many(msg, asked, kept):
            return None  # "gave Elena two options, €180 … or €320 … / charge her what Priya quoted"
        value: MoneyMatch = top.value
        return value
    bare = [m for m in bare_amounts(msg.ents) if not _in_an_aside(msg.text, m.start)]
    bare = [m for m in bare if not _counts_things(msg.text, m.end)]  # "the two books"
    asked = money_verb_sentences(msg)
    if asked:  # "…there were 3 other attempts that got blocked. Refund it fully": a story's
        bare = [m for m in bare if _inside(asked, m.start)]  # count, no amount
    after_verb = [m for m in bare if _follows_money_verb(msg, m.start)]
    return (after_verb or bare)[0] if bare else None


def _two_together(msg: Parsed, marked: list[Span]) -> MoneyMatch | None:
    """The sum of the two amounts of one currency joined by "plus"/"and"/"+" in one sentence,
    when the asking sentence names no amount and asks for them "together" ("We quoted him
    ¥48,000 for the book plus ¥3,500 shipping. … Charge that account for the book and the
    shipping together")."""
    asked = money_verb_sentences(msg)
    if not asked or not any(_TOGETHER.search(msg.text, a, b) for a, b in asked):
        return None
    if any(_inside(asked, s.start) for s in marked):
        return None
    for first, second in pairwise(marked):
        one, two = first.value, second.value
        joined = _JOINED.fullmatch(msg.text, first.end, second.start)
        if joined and one.currency == two.currency and one.currency is not None:
            return MoneyMatch(first.start, second.end, one.amount + two.amount, one.currency,
                              msg.text[first.start : second.end])  # fmt: skip
    return None


_TOGETHER = re.compile(r"\b(?:together|combined|altogether|in\s+total|both\s+of\s+them)\b", re.I)
_JOINED = re.compile(r"\s+(?:for\s+[\w\s'-]{1,40}?\s+)?(?:plus|and|\+)\s+", re.I)


def _told_to(msg: Parsed) -> list[tuple[int, int]]:
    """The character spans of the sentences that open on a money verb, after any politeness
    ("Charge finance@… €1.487,40", "Please refund …"): an order, not a story's "the bill"."""
    return [
        (start, end)
        for a, b, start, end in _sentences(msg)
        if _opens_on_a_money_verb(msg.canon[a:b])
    ]


def _opens_on_a_money_verb(words: list[str]) -> bool:
    first = skip_polite(words)
    return first < len(words) and words[first] in _MONEY_VERBS


def money_verb_sentences(msg: Parsed) -> list[tuple[int, int]]:
    """The character spans of the sentences that hold a money verb ("refund", "charge")."""
    return [
        (start, end)
        for a, b, start, end in _sentences(msg)
        if any(t.canon in _MONEY_VERBS for t in msg.tokens[a:b])
    ]


def _sentences(msg: Parsed) -> list[tuple[int, int, int, int]]:
    """Each sentence's token range [a, b) and character span [start, end)."""
    starts = [0, *msg.sentence_starts(), len(msg.tokens)]
    return [
        (a, b, msg.tokens[a].start, msg.tokens[b - 1].end) for a, b in pairwise(starts) if b > a
    ]


def _sentence_around(msg: Parsed, at: int) -> tuple[int, int]:
    """The character span of the sentence holding offset `at`."""
    return next(
        ((start, end) for _, _, start, end in _sentences(msg) if start <= at < end),
        (0, len(msg.text)),
    )


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


_THE_REST = re.compile(
    r"\b(?:for|charge|bill|collect)\s+(?:\w+\s+){0,3}?(?:the\s+)?(?:rest|remainder"
    r"|remaining\s+(?:amount|balance)|outstanding\s+(?:amount|balance))\b",
    re.I,
)


def _asking_for_the_rest(msg: Parsed, asked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The asking sentences that want what remains of a sum: an amount said elsewhere is not it."""
    return [(a, b) for a, b in asked if _THE_REST.search(msg.text, a, b)]


_OWED = re.compile(r"\b(?:owes?|owed|owing|outstanding|due|remain\w*|rest|left|still)\b", re.I)


def _is_what_remains(msg: Parsed, top: Span, rest: list[tuple[int, int]]) -> bool:
    """The amount is the rest asked for: said in the asking sentence, right after the verb
    ("… the rest of the bill. Please charge two hundred and ten dollars"), or said to be owed
    ("still owes 2.450,00 € remainder")."""
    if _inside(rest, top.start) or _follows_money_verb(msg, top.start):
        return True
    return _OWED.search(msg.text, *_sentence_around(msg, top.start)) is not None


_ALREADY = re.compile(
    r"\balready\s+(?:went\s+through|gone\s+through|been\s+(?:paid|charged|settled)|paid|charged"
    r"|settled|came\s+in)\b",
    re.I,
)


def _already_paid(msg: Parsed, top: Span) -> bool:
    return _ALREADY.search(msg.text, *_sentence_around(msg, top.start)) is not None


_POINTER = re.compile(
    r"\bwhat\s+(?:\w+\s+){1,3}(?:quoted|said|offered|agreed|promised|mentioned|proposed)\b", re.I
)


def _points_at_one_of_many(msg: Parsed, asked: list[tuple[int, int]], kept: list[Span]) -> bool:
    """The asking sentence takes its amount from what someone said ("what Priya quoted"), names
    none itself, and more than one amount was said: which one is for the user to say."""
    pointing = [(a, b) for a, b in asked if _POINTER.search(msg.text, a, b)]
    if not pointing or any(_inside(pointing, s.start) for s in kept):
        return False
    ranged = any(_RANGE_BEFORE.search(msg.text[max(0, s.start - 40) : s.start]) for s in kept)
    return ranged or len({s.value.amount for s in kept}) > 1  # "between 150 and 200 quid"


_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+[$€£¥]?\d[\d.,]*\s*(?:and|to|-|–)\s*$", re.I)


def _in_an_aside(text: str, offset: int) -> bool:
    """Inside brackets opened after a space ("(she's 6)"), not a call's ("amount=5000)")."""
    opened = text.rfind("(", 0, offset)
    return in_brackets(text, offset) and (opened == 0 or text[opened - 1].isspace())


def in_brackets(text: str, offset: int) -> bool:
    """Whether `offset` sits inside an open bracket: an aside."""
    before = text[:offset]
    return before.rfind("(") > before.rfind(")")


def _has_currency(money: MoneyMatch) -> bool:
    return money.currency is not None or any(c in money.text for c in "$€£¥₹₩")


def _follows_money_verb(msg: Parsed, start: int) -> bool:
    """ "You are RefundBot 3000 … Refund 60 on pi_X": the number right after the verb."""
    i = _token_index(msg, start)
    if i is not None and i > 2 and msg.tokens[i - 1].norm == "is":
        to_verb = msg.tokens[i - 3].norm == "to"  # "the total to charge is £12.60", never "the
        return to_verb and msg.tokens[i - 2].canon in _MONEY_VERBS  # final bill is €1.987,40"
    if i is not None and i > 1 and msg.tokens[i - 1].norm in _OBJECTS:
        i -= 1  # "refund him $85.50 of that"
    return i is not None and i > 0 and msg.tokens[i - 1].canon in _MONEY_VERBS


def _token_index(msg: Parsed, start: int) -> int | None:
    """The index of the token that starts at character `start`."""
    return next((k for k, t in enumerate(msg.tokens) if t.start == start), None)


def _owed_back(msg: Parsed, start: int) -> bool:
    """ "paid $120 for the bundle … we owe him $39.99 back": the amount owed, or given back."""
    i = _token_index(msg, start)
    if i is None:
        return False
    owed = i > 1 and msg.tokens[i - 1].norm in _OBJECTS and msg.tokens[i - 2].norm in _OWE
    given = i > 0 and msg.tokens[i - 1].norm == "back"  # "we're giving her back $180"
    return owed or given or (i + 1 < len(msg.tokens) and msg.tokens[i + 1].norm == "back")


_OWE = frozenset({"owe", "owes", "owed"})


_OBJECTS = frozenset({"him", "her", "them", "me", "us", "back", "the"})
"""Words between the verb and its amount ("refund him $85.50")."""


def _negated(msg: Parsed, start: int) -> bool:
    norm = msg.norm
    i = _token_index(msg, start)
    return i is not None and any(
        i >= len(p) and tuple(norm[i - len(p) : i]) == p for p in _NEGATORS
    )


def amount_bounds(msg: Parsed) -> dict[str, int]:
    """min_amount / max_amount from "over $100", "between 10 and 20", "$50 or less", "$5"."""
    marked = {s.start: s.value for s in msg.ents.of("money")}
    bare: dict[int, MoneyMatch] | None = None
    out: dict[str, int] = {}
    in_between = False
    norm = msg.norm
    for i, tok in enumerate(msg.tokens):
        number = (
            tok.canon == "<num>" or tok.norm in NUMBER_WORDS
        )  # "between twenty and fifty euros"
        if tok.canon != "<money>" and not number:
            continue
        if number and _counts(norm, i + 1):
            continue  # "up to 50 of them", "top 20 payments": a count, not an amount
        if number and _shown_up_to(msg, i):
            continue  # "show me up to 50": how many to show
        kind = _kind_before(norm, i)
        match = marked.get(tok.start) if tok.canon == "<money>" else None
        after_kind = _kind_after(norm, i + 1, marked=tok.canon == "<money>")
        bound = (
            kind not in (None, "exact", "join")
            or (kind == "join" and in_between)
            or after_kind is not None  # "the ones of 200 or more"
        )
        if match is None and number and bound:
            bare = bare if bare is not None else {m.start: m for m in bare_amounts(msg.ents)}
            match = bare.get(tok.start) or _ending_at(bare, tok.end)  # "a grand or more"
        if match is None:
            continue
        after = after_kind
        if kind == "between":
            out["min_amount"], in_between = match.amount, True
        elif kind == "join" and (in_between or _single(out)):
            out["max_amount"], in_between = match.amount, False
        elif kind in ("min", "max") or after:
            out[f"{after or kind}_amount"] = match.amount
        elif tok.canon == "<money>" and not out and not pasted_row(msg.text, tok.start):
            out["min_amount"] = out["max_amount"] = match.amount
    return out


def _ending_at(found: dict[int, MoneyMatch], end: int) -> MoneyMatch | None:
    return next((m for m in found.values() if m.end == end), None)


def _counts(norm: list[str], j: int) -> bool:
    return any(tuple(norm[j : j + len(p)]) == p for p in _COUNT_NOUNS)


def _single(out: dict[str, int]) -> bool:
    """One exact amount so far ("$10-$20" reads its first half as exact)."""
    return "min_amount" in out and out["min_amount"] == out.get("max_amount")


def _kind_before(norm: list[str], i: int) -> str | None:
    for phrase, kind in _BEFORE:
        n = len(phrase)
        if i - n >= 0 and tuple(norm[i - n : i]) == phrase:
            return kind
    return None


def _kind_after(norm: list[str], j: int, marked: bool = False) -> str | None:
    words = [w for w in norm[j : j + 6] if w not in _HYPHEN]  # "the 5k-and-up payments"
    for phrase, kind in [*_AFTER, *(_AFTER_MARKED if marked else [])]:
        if tuple(words[: len(phrase)]) == phrase and not _bounds_the_next(words, phrase):
            return kind
    return None


def _bounds_the_next(words: list[str], phrase: tuple[str, ...]) -> bool:
    """ "over $5 or under $1": the "or under" leads the next amount, not this one's bound."""
    after = words[len(phrase) : len(phrase) + 1]
    return phrase[0] == "or" and bool(after) and after[0] in ("<money>", "<num>")


def _shown_up_to(msg: Parsed, i: int) -> bool:
    """ "show me up to 50", "Show me max 30": how many to show, no amount."""
    norm = msg.norm
    shown = i >= 3 and (msg.canon[i - 3] == "show" or norm[i - 3] == "me")
    capped = i >= 2 and norm[i - 1] in _CAPS and (msg.canon[i - 2] == "show" or norm[i - 2] == "me")
    return (shown and norm[i - 2 : i] == ["up", "to"]) or capped


_CAPS = frozenset({"max", "maximum", "maximal", "maximally"})


def amount_of_unclear_currency(text: str, word: str) -> int | None:
    """ "charge cus_X 200 kr" (Swedish, Norwegian or Danish?): the amount said before `word`, in
    hundredths, kept while the currency is asked, so "danish kroner" completes the charge."""
    said = re.search(rf"(\d[\d.,]*)\s*{re.escape(word)}\b", text, re.I)
    if said is None:
        return None
    try:
        found = find_money(said[1], default_currency="usd", bare_numbers=True)
    except MoneyParseError:
        return None
    return found[0].amount if len(found) == 1 else None
