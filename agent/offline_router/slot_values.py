"""Single argument values read from a parsed message: status, dates, limit, currency, reason..."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise

from agent.offline_router.entities import number_value
from agent.offline_router.lexicon import DATA
from agent.offline_router.tokens import Parsed
from skills._currency_data import KNOWN_CURRENCIES
from skills.dates import OPEN_START_WORDS

_S = DATA.slots
_STATUSES: dict[str, str] = {str(k): str(v) for k, v in _S["statuses"].items() if " " not in k}
_MULTI_STATUSES = [(tuple(str(k).split()), str(v)) for k, v in _S["statuses"].items() if " " in k]
_REASONS = sorted(
    ((str(k), str(v)) for k, v in _S["refund_reasons"].items()), key=lambda kv: -len(kv[0])
)
_CURRENCY_WORDS: dict[str, str] = {
    str(word): code for code, words in _S["currency_words"].items() for word in words
}
_COUNT_WORDS = {str(w) for w in _S["number_words"]} - {"a", "an", "single"}
_NUM = (
    r"(?P<n>\d{1,4}|" + "|".join(sorted(map(re.escape, _COUNT_WORDS), key=len, reverse=True)) + ")"
)
_BEFORE = "|".join(sorted(map(re.escape, _S["limit_before"]), key=len, reverse=True))


def _after_rx(nouns: list[str]) -> re.Pattern[str]:
    after = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,$€£¥])(?:{_NUM}|(?P<d>\d{{1,4}})\s+of\s+(?:our|my|the|your|their))\s+"
        rf"(?:[a-z]+\s+)?(?:{after})\b"
    )


_BEFORE_RX = re.compile(
    rf"\b(?:{_BEFORE})\s+(?:the\s+|me\s+)?(?:(?:{_BEFORE})\s+)?{_NUM}\b(?!\s*(?:%|percent|\.\d))"
    r"(?!\s+(?:digits?|numbers|characters|chars|letters)\b)"  # "the last 4 digits of her card"
)
_ENOUGH_RX = re.compile(
    rf"(?:^|[.!?;,]\s*|\s{{2,}})(?:just\s+|only\s+)?{_NUM}\s+(?:is|are|will|would|should)\s+"
    r"(?:do|enough|plenty|fine|ok|okay|be\s+(?:enough|plenty|fine))\b",
    re.I,
)
"""'… du 14/10 au 20/10. Five is enough.': the count, said on its own."""
_LIMIT_RX = [_BEFORE_RX, _after_rx(_S["limit_after"]), _ENOUGH_RX]
_CUSTOMER_LIMIT_RX = [
    _BEFORE_RX,
    _ENOUGH_RX,
    _after_rx(_S["limit_after"] + _S["limit_after_customers"]),
]
_ONE_BEFORE = frozenset(str(w) for w in _S["limit_one_before"])
_ONE_NOUNS = frozenset(str(w) for w in _S["limit_one_nouns"])
_ORDINALS: dict[str, int] = {str(k): int(v) for k, v in _S["ordinals"].items()}
ORDINAL_WORDS = frozenset(_ORDINALS)
MAX_LIMIT = int(_S["max_limit"])
_TYPED_WORD = re.compile(r"[a-z0-9']+")
_TO_TODAY = re.compile(r"\b(?:today|now|date)\s*$", re.I)
"""'since Feb 9 up to today': the end was said."""
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)
"""'since Monday' is this week so far: every writer who used it closed it at today, while
'since March 3' is left open by most (the two readings list the same payments)."""
_OPEN_END = re.compile(
    r"\s*(?:since|starting|after|from\b.*\bon(?:wards?)?\s*$"
    + "".join(f"|{re.escape(w)}\\b" for w in OPEN_START_WORDS)
    + ")",
    re.I,
)


def status(msg: Parsed) -> str | None:
    """The first payment status the message names ("failed", "declined" -> failed, ...)."""
    found: list[tuple[int, str]] = []
    for i, tok in enumerate(msg.tokens):
        if value := _STATUSES.get(tok.canon):
            found.append((i, value))
    norm = msg.norm
    for phrase, value in _MULTI_STATUSES:
        for i in range(len(norm) - len(phrase) + 1):
            if tuple(norm[i : i + len(phrase)]) == phrase:
                found.append((i, value))
                break
    kept = [
        (i, value)
        for i, value in found
        if not _excluded(norm, i) and not _checked(norm, i) and not _claimed(norm, i)
    ]
    asked = _asking_sentence(msg)
    if asked is not None and any(i >= asked for i, _ in kept):
        kept = [(i, value) for i, value in kept if i >= asked]  # the story's status told
    return min(kept)[1] if kept else None


_ASKING_WORDS = frozenset(
    {"could", "can", "would", "will", "please", "pls", "show", "list", "pull", "give", "get"}
)


def _asking_sentence(msg: Parsed) -> int | None:
    """Where the last sentence after the first opens, when it asks ("A customer says there's
    a charge that never went through. Could you list his pending payments?")."""
    starts = [j for j in msg.sentence_starts() if msg.norm[j] in _ASKING_WORDS]
    return starts[-1] if starts else None


_CHECKED_VERBS = frozenset(str(w) for w in _S["status_checked_verbs"])
_CHECKED_OBJECTS = frozenset(str(w) for w in _S["status_checked_objects"])
_CHECKED_WITHIN = 4


def _checked(norm: list[str], i: int) -> bool:
    """ "show cus_X's payments so I can check it went through": the outcome to check."""
    before = norm[max(0, i - _CHECKED_WITHIN) : i]
    return i > 0 and norm[i - 1] in _CHECKED_OBJECTS and bool(_CHECKED_VERBS & set(before))


_CLAIM_VERBS = frozenset(str(w) for w in _S["status_claim_verbs"])


def _claimed(norm: list[str], i: int) -> bool:
    """ "A customer swears her payment went through": the outcome someone claims."""
    return bool(_CLAIM_VERBS & set(norm[max(0, i - _CHECKED_WITHIN - 1) : i]))


def excluded_status(msg: Parsed) -> bool:
    """ "show me payments but not the failed ones": a status named only to leave it out."""
    norm = msg.norm
    return any(_excluded(norm, i) for i, tok in enumerate(msg.tokens) if _STATUSES.get(tok.canon))


_EXCLUDING = frozenset(
    {"not", "don't", "dont", "no", "without", "except", "excluding", "exclude", "ignore", "skip"}
)  # "ignore the refunded ones, just show me the succeeded payments"
_EXCLUDED_WITHIN = 3


def _excluded(norm: list[str], i: int) -> bool:
    """A status right after a "not"/"don't show me"/"except" (no clause break between)."""
    for k in range(i - 1, max(-1, i - 1 - _EXCLUDED_WITHIN), -1):
        if norm[k] in _EXCLUDING:
            return True
        if norm[k] in (",", ".", ";", ":", "—", "-"):
            return False
    return False


_NOT_TODAY = re.compile(
    r"\b(?:not\s+counting|excluding|except(?:\s+for)?|without|leave\s+out|leaving\s+out|minus)"
    r"\s+today\b|\bbut\s+not\s+today\b|\b(?:leave|leaving)\s+today\s+out\b",
    re.I,
)


def dates(msg: Parsed) -> dict[str, str]:
    """created_gte / created_lte from the message's date range, ISO formatted.

    "since May 1" is open-ended (no created_lte), not "May 1 to today": the same payments,
    and the form the eval corpus expects."""
    span = msg.ents.first("date")  # (none for a period only a quote names: its bounds)
    if msg.ents.date_range is None:
        return {}
    gte, lte = msg.ents.date_range
    if (
        span is not None
        and _OPEN_END.match(span.text)
        and lte == msg.ents.today
        and not _TO_TODAY.search(span.text)
        and not _WEEKDAY.search(span.text)
    ):
        lte = None
    if lte is None and gte is not None and msg.ents.today and gte < msg.ents.today:
        lte = msg.ents.today if _NOT_TODAY.search(msg.text) else None  # "since June 1 but
        # leave today out": up to yesterday, so closed
    if lte is not None and lte == msg.ents.today and _NOT_TODAY.search(msg.text):
        lte -= timedelta(days=1)  # "this month, not counting today"
    out: dict[str, str] = {}
    if gte is not None:
        out["created_gte"] = gte.isoformat()
    if lte is not None:
        out["created_lte"] = lte.isoformat()
    return out


def limit(msg: Parsed, *, of_customers: bool = False) -> int | None:
    """A count the user asked for: "last 5", "top 20", "5 most recent", "the latest payment".

    "5 customers" is a count only when customers are what is listed (of_customers)."""
    text = msg.ents.masked.lower()
    for rx in _CUSTOMER_LIMIT_RX if of_customers else _LIMIT_RX:
        m = next((m for m in rx.finditer(text) if _asked_count(text, m)), None)
        if m:
            value = number_value(m.groupdict().get("n") or m.groupdict().get("d") or "")
            if value:
                return max(1, min(MAX_LIMIT, value))
    if (shown := _SHOWN_AT_MOST.search(msg.text)) is not None:
        return max(1, min(MAX_LIMIT, int(shown["n"] or shown["n2"])))
    canon = msg.canon
    for i in range(len(canon) - 1):
        said_is = i > 0 and msg.norm[i - 1] in _BE  # "to be sure there's only one": a check
        if canon[i] in _ONE_BEFORE and msg.norm[i + 1] in _ONE_NOUNS and not said_is:
            return 1
    if of_customers and _FIRST_ONLY.search(text):
        return 1  # "just the first customer named smith"
    return None


_BE = frozenset({"there's", "theres", "is", "are", "was", "'s"})
"""'there's only one': how many there are (a check), not how many to show."""
_BE_BEFORE = re.compile(r"\b(?:there['’]?s|there\s+(?:is|are|was)|is|are)\s+$")


def _asked_count(text: str, m: re.Match[str]) -> bool:
    """Not 'only 3 delivered' (what happened) nor 'sure there's only one' (a check)."""
    return not _TOLD_HAPPENED.match(text, m.end()) and not _BE_BEFORE.search(text, 0, m.start())


_TOLD_HAPPENED = re.compile(
    r"\s+(?:delivered|arrived|received|shipped|showed|turned|came|went|left|worked|attended"
    r"|were|was|got|have|had)\b"
)
"""'billed for 4 tents, only 3 delivered': what happened, counted, not a count asked for."""
_FIRST_ONLY = re.compile(
    r"\b(?:just|only)\s+the\s+(?:first|top)\s+(?:customer|client|one|match|result)\b", re.I
)


_SHOWN_AT_MOST = re.compile(
    r"\b(?:show|list|give|display|send)(?:\s+me)?\s+(?:max|maximum|maximal|at\s+most)\s+(?P<n>\d{1,3})\b"
    r"(?!\s*(?:[$€£¥%]|dollars?|euros?|bucks|pounds?))"
    r"|\bmax(?:imal|imum)?\s+(?P<n2>\d{1,3})\s+(?:pieces|items|results|rows|entries)\b",
    re.I,
)
"""'Show me max 30', 'maximal 20 pieces': how many to show."""
_AT_MOST = re.compile(
    r"\b(?:max|maximum|at most|no more than|up to|limit\s*[=:]|no need to (?:show|see|list|return"
    r"|give|get)(?: me)? more than)\s*(?P<n>\d{1,3})\b",
    re.I,
)  # "no need to show more than 1": a cap, said the other way round


def at_most(msg: Parsed) -> int | None:
    """ "max 3", "at most 20": a cap on a list that has no amounts to cap."""
    m = _AT_MOST.search(msg.ents.masked)
    return max(1, min(MAX_LIMIT, int(m["n"]))) if m else None


_COUNTED_IN = re.compile(
    r"\b(?:last|latest|first|top|recent|newest|most\s+recent|up\s+to|list|show(?:\s+me)?)\s+"
    r"(?P<n>\d{1,3})\s+"
    r"(?P<c>[a-z]{3,})\s+(?:payments|charges|transactions|txns|sales|refunds)\b",
    re.I,
)  # "the last 20 EUR payments", "last 5 euro payments"


def counted_in_currency(msg: Parsed) -> tuple[int, int | None] | None:
    """ "the last 20 EUR payments": twenty payments in euros, not payments of 20 euros. The
    count, and the amount the money reader made of it (no bound, then)."""
    m = _COUNTED_IN.search(msg.text)
    code = m["c"].lower() if m else ""
    if m is None or (code not in KNOWN_CURRENCIES and code not in _CURRENCY_WORDS):
        return None
    read = next((s.value.amount for s in msg.ents.of("money") if s.start == m.start("n")), None)
    return int(m["n"]), read


_TRAILING_COUNT = re.compile(
    r"\b(?:payments|charges|transactions|txns|failed|succeeded|refunded|pending|disputed)\s+"
    r"(?P<n>\d{1,3})\s*$",
    re.I,
)


def trailing_count(msg: Parsed) -> int | None:
    """ "/stripe payments failed 20": a command's bare number after its filters is the count."""
    m = _TRAILING_COUNT.search(msg.text.strip())
    n = int(m["n"]) if m else 0
    return n if 0 < n <= MAX_LIMIT else None


_PEOPLE = re.compile(
    r"\bfor\s+(?:each\s+of\s+)?(?:(?:all\s+)?(?:their|the|our|its|his|her|all)\s+)?(?P<n>\d{1,3}|[a-z]+)\s+"
    r"(?:of\s+(?:their|the|our|its|his|her)\s+)?"  # "for 5 of their staff"
    r"(?!(?:days|weeks|months|years|hours|minutes|times|more)\b)(?:[a-z]+s|staff)\b"
    r"|,\s*(?P<n2>\d{1,3})\s+(?:kids|children|students|people|users|members|employees|staff"
    r"|learners|riders|pupils)\b"  # "school_van_monthly, 2 kids"
    r"|\b(?:want|wants|need|needs|take|takes|get|gets)\s+(?P<n3>\d{1,3})\s+of\s+(?:them|those|these)\b"
    r"|[,;]\s*(?P<n4>\d{1,3}|[a-z]+)\s+of\s+(?:them|those|these)"
    r"(?:\s*(?:please\s*)?[.!]?\s*$|\s+(?:as|because|since)\s)"  # "…, two of them as she has twins"
    r"|\b(?P<n5>\d{1,3}|[a-z]+)\s+of\s+them\s+on\s+the\s+(?:one|same)\s+(?:subscription|plan)\b"
    r"|\b(?P<both>both)\s+(?:of\s+)?(?:her|his|their|the)\s+(?:kids|children|daughters|sons|twins"
    r"|girls|boys)\b"
    r"|\bfor\s+(?P<both2>both)\s+(?:of\s+)?(?:the|their|his|her)\s+[a-z]+s\b",
    re.I,
)  # "subscribe The Corner Deli to wholesale_weekly, they want 3 of them", "…, two of them",
# "So two of them on the one subscription please", "sub both her kids to kids_swim_weekly"


def people_counted(msg: Parsed) -> int | None:
    """ "startup_monthly for their 6 engineers": a subscription for N people is N seats; "3 of
    the coffee_weekly": N of a plan."""
    m = _PEOPLE.search(msg.ents.masked)
    said = m and (m["n"] or m["n2"] or m["n3"] or m["n4"] or m["n5"])
    if m is not None and (m["both"] or m["both2"] or str(said).lower() == "both"):
        return 2  # "for both arrangements"
    return number_value(said) if said else _count_of_plan(msg)


_PLAN_IDS = frozenset({"<key>", "<price>"})


def _count_of_plan(msg: Parsed) -> int | None:
    toks = msg.tokens
    for i in range(len(toks) - 3):
        of_the = toks[i + 1].norm == "of" and toks[i + 2].norm in ("the", "our")
        if toks[i].canon == "<num>" and of_the and toks[i + 3].canon in _PLAN_IDS:
            return number_value(toks[i].orig)
    return None


_CAPPED = re.compile(
    r"(?:^|[.,;:!?]\s*)(?:(?:max|maximum|at most|no more than)\s+(?P<n>\d{1,2})"
    r"|(?P<n2>\d{1,3})\s+(?:max|maximum|tops))(?:\s+only)?\s*(?:[.!]|$)",
    re.I,
)
MAX_CAPPED_COUNT = 50


_ENOUGH = re.compile(
    r"\bup\s+to\s+(?P<n>\d{1,3})\s+(?:is|are|would\s+be|should\s+be|will\s+be)\s+"
    r"(?:fine|ok|okay|enough|plenty)\b|\bthe\s+max(?:imum)?\s+you\s+can\s+show\b"
    r"(?:\s*\((?P<n2>\d{1,3})\b)?"
    r"|\b(?:don['’]?t|do\s+not|never)\s+(?:show|list|give)\s+(?:me\s+)?more\s+than\s+"
    r"(?P<n3>\d{1,3})(?![\d.,]|\s*(?:[$€£¥%]|k\b))"
    r"|(?:^|[,;:]\s*)(?P<n4>\d{1,3}|one)\s+(?:(?:results?|matches?|rows?)\s+)?"
    r"(?:is|are|would\s+be|should\s+be)\s+(?:enough|plenty)\b"
    r"|\bcap(?:\s+it)?\s+at\s+(?P<n5>\d{1,3})"
    r"(?![\d.,]|\s*(?:[$€£¥%]|k\b|(?!and\b|the\b|for\b|per\b|but\b)[a-z]{3}\b))"
    r"|[,;]\s*(?P<n6>\d{1,3})\s+(?:max|maximum|tops)\s*[.!]?\s*$",
    re.I,
)
"""'up to 50 is fine', 'the max you can show (100 i think?)', 'don't show me more than 3': how
many, not how much."""


def capped_count(msg: Parsed) -> int | None:
    """ "list the refunded payments, maximum 8.": a bare small number capped on its own, in a
    message with no currency anywhere, counts payments; "under 50" or "max $50" bound amounts."""
    if (enough := _ENOUGH.search(msg.ents.masked)) is not None:
        said = (
            enough["n"]
            or enough["n2"]
            or enough["n3"]
            or enough["n4"]
            or enough["n5"]
            or enough["n6"]
        )  # ("cap it at 25", "usd, 5 max": counts)
        return min(MAX_LIMIT, number_value(said) or MAX_LIMIT)  # ("one result is enough")
    m = _CAPPED.search(msg.ents.masked)
    if m is None or currency_filter(msg, "") is not None:
        return None
    n = int(m["n"] or m["n2"])
    cap = MAX_CAPPED_COUNT if m["n"] else MAX_LIMIT  # "25 max" reads as a count more surely
    return max(1, n) if n <= cap else None


def currency_filter(msg: Parsed, default_currency: str) -> str | None:
    """A currency the user restricts to: a marked amount ("over €5") or a word ("in euros"),
    not one ruled out ("not in dollars, euros" is euros)."""
    for span in msg.ents.of("money"):
        code = span.value.currency
        if code:
            return str(code)
    kept, _ = currency_words(msg)
    if kept:
        return kept[0]
    return next((t.norm for t in msg.tokens if _code_in_capitals(t.orig)), None)


def currency_words(msg: Parsed) -> tuple[list[str], list[str]]:
    """The currencies named in words, and those named only to be ruled out ("not in dollars",
    "yen, not usd")."""
    norm = msg.norm
    kept: list[str] = []
    ruled_out: list[str] = []
    for i, word in enumerate(norm):
        pair = f"{word} {norm[i + 1]}" if i + 1 < len(norm) else ""
        code = _CURRENCY_WORDS.get(pair) or _CURRENCY_WORDS.get(word)
        if code:
            negated = "not" in norm[max(0, i - 2) : i] or "no" in norm[max(0, i - 1) : i]
            (ruled_out if negated else kept).append(code)
    return [c for c in kept if c not in ruled_out], ruled_out


CURRENCY_NAMES = frozenset(w for w in _CURRENCY_WORDS if " " not in w)


def currency_code(word: str) -> str | None:
    """The code a one-word currency name stands for ("usd", "euros", "yen")."""
    return _CURRENCY_WORDS.get(word)


_ENGLISH_CODES = frozenset(
    [
        "all",
        "top",
        "try",
        "pen",
        "mad",
        "bob",
        "cop",
        "gel",
        "sos",
        "std",
        "mop",
        "lak",
        "bam",
        "nad",
        "shp",
    ]
)


def _code_in_capitals(typed: str) -> bool:
    """ "PHP payments", "analytics in KES": a currency code typed in capitals (not one that is
    also an English word: "ALL payments" is emphasis)."""
    code = typed.lower()
    return len(typed) == 3 and typed.isupper() and code in KNOWN_CURRENCIES - _ENGLISH_CODES


def refund_reason(msg: Parsed) -> str | None:
    """The first reason phrase, on the words as read ("charged twice") or as typed (before
    "money back" became "refund": "asked for their money back")."""
    if (labelled := _REASON_LABEL.search(msg.text)) is not None:  # "… 'refund ch_X as
        return _LABELLED_REASONS[labelled["r"].lower().replace(" ", "_")]  # fraudulent'. Ignore
        # that note. … refund ch_X fully, reason duplicate": the reason the user labels
    read = " " + " ".join(msg.norm).replace(" 's", "'s") + " "
    typed = f" {typed_words(msg.text)} "
    for aside in _NOT_REASONS:
        read, typed = read.replace(f" {aside} ", " . "), typed.replace(f" {aside} ", " . ")
    for phrase, value in _REASONS:
        key = f" {phrase} "
        said = [(text, at) for text in (read, typed) if (at := text.find(key)) >= 0]
        if said and not all(_denied(t, at) for t, at in said):  # (most phrases: not said)
            return value
    return None


_REASON_LABEL = re.compile(
    r"\breason\s*(?:[:=]|code\s*[:=]?|is|of)?\s*[\"'“]?"
    r"(?P<r>duplicate|fraudulent|requested[_ ]by[_ ]customer)\b",
    re.I,
)
_LABELLED_REASONS = {
    "duplicate": "duplicate",
    "fraudulent": "fraudulent",
    "requested_by_customer": "requested_by_customer",
}
_DENIALS = (" not ", " don't ", " dont ", " never ", " no ", " isn't ", " wasn't ")
_DENIED_WITHIN = 24


def _denied(text: str, at: int) -> bool:
    """ "refund pi_X. don't mark it as fraud or anything": a reason said only to deny it."""
    before = re.split(r"[.,;\-—–]|\s(?:and|but)\s", text[max(0, at - _DENIED_WITHIN) : at + 1])[-1]
    return any(d in f" {before}" for d in _DENIALS)


def ordinal(msg: Parsed) -> int | None:
    """Index into the last listed payments: "the second one" -> 1; of several, the one in
    the sentence that asks for a refund ("Keep the first one. Refund the second one")."""
    found = [
        (i, _ORDINALS[t.norm])
        for i, t in enumerate(msg.tokens)
        if t.norm in _ORDINALS and t.canon != "recent"
    ]
    if len(found) > 1:
        starts = [0, *msg.sentence_starts(), len(msg.tokens)]
        for a, b in pairwise(starts):
            asked = [v for i, v in found if a <= i < b]
            if asked and any(t.canon == "refund" for t in msg.tokens[a:b]):
                return _after_the_refund(msg, found, a, b) or asked[0]
    return found[0][1] if found else None


def _after_the_refund(msg: Parsed, found: list[tuple[int, int]], a: int, b: int) -> int | None:
    """ "Keep the first one, refund the second one": in one sentence, the ordinal right after
    the refund verb (within a few words)."""
    verbs = [i for i in range(a, b) if msg.tokens[i].canon == "refund"]
    for verb in verbs:
        after = [v for i, v in found if verb < i <= verb + _NEAR_VERB]
        if after:
            return after[0]
    return None


_NEAR_VERB = 3


_WHOLE = [str(p) for p in _S["full_refund_cues"]]
_NOT_WHOLE = [str(p) for p in _S["refund_fraction_cues"] if str(p).startswith("not ")]


def in_full(msg: Parsed) -> bool:
    """ "the whole thing", "all of it", "full amount, no partial": a refund in full (a
    partial one named only to be ruled out)."""
    return _says_whole(msg.norm)


def _says_whole(words: list[str]) -> bool:
    return _has_phrase_in(words, _WHOLE) and not _has_phrase_in(words, _NOT_WHOLE)


def in_full_after(msg: Parsed, offset: int) -> bool:
    """ "'… maybe give them $20 back?' … no, refund pi_X in full": a refund in full asked in a
    sentence after the one an amount sits in, which it overrides (not "refund $20 of ch_X.
    The full amount was $80": that sentence asks for nothing, and says its own amount)."""
    line_end = msg.text.find("\n", offset)  # (a pasted row's cells are one line, not sentences)
    edge = offset if line_end < 0 or "|" not in msg.text[offset:line_end] else line_end
    later = [msg.tokens[j].start for j in msg.sentence_starts() if msg.tokens[j].start > edge]
    if not later or any(s.start >= later[0] for s in msg.ents.of("money")):
        return False
    tail = [t for t in msg.tokens if t.start >= later[0]]
    verb = next((i for i, t in enumerate(tail) if t.canon in ("refund", "refunded")), None)
    if verb is None:  # ("Luis wants this one refunded in full" under a pasted row)
        return False
    return _says_whole([t.norm for t in tail[max(0, verb - 1) :]])  # (from "a full refund")


def has_phrase(msg: Parsed, phrases: list[str]) -> bool:
    """A phrase among the words as read; "what's" matches as typed (its "'s" is a token)."""
    return _has_phrase_in(msg.norm, phrases)


def _has_phrase_in(words: list[str], phrases: list[str]) -> bool:
    text = " " + " ".join(words).replace(" 's ", "'s ") + " "
    return any(f" {p} " in text for p in phrases)


def has_typed_phrase(msg: Parsed, phrases: list[str]) -> bool:
    """Like `has_phrase`, on the words as typed (before "search for" became "find")."""
    text = f" {typed_words(msg.text)} "
    return any(f" {p} " in text for p in phrases)


def typed_words(text: str) -> str:
    """The words of `text`, lowercase, single-spaced, punctuation dropped."""
    return " ".join(_TYPED_WORD.findall(text.lower()))


_NOT_REASONS = [typed_words(str(p)) for p in _S["not_refund_reasons"]]
