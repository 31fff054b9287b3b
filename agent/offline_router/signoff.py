"""Drop a closing sign-off and signature ("Kind regards, Sophie — Customer Support",
"Many thanks, Tom", "Approved.\n— J. Moreau"): a name there is the writer, not a customer, and
its words must not run into a description or a name of the request."""

from __future__ import annotations

import re
import unicodedata

from agent.offline_router.lexicon import DATA
from skills._currency_data import KNOWN_CURRENCIES

_LEX = DATA.lexicon
_SIGNOFF = "|".join(
    re.escape(str(s)).replace(r"\ ", r"\s+")
    for s in sorted(_LEX["signoffs"], key=lambda s: len(str(s)), reverse=True)
)
_CLOSING = "|".join(
    re.escape(str(s)).replace(r"\ ", r"[ \t]+")
    for s in sorted(_LEX["closing_words"], key=lambda s: len(str(s)), reverse=True)
)
_CONNECT = "|".join(re.escape(str(w)) for w in _LEX["signature_connectors"])
_CAP_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ])(?:[^\W\d_]|['’.\-])*"
"""A capitalised word of letters only: no digits, ids or amounts hide in a signature."""
_GAP = r"(?:[ \t]*[,—–\-/|][ \t]*|[ \t]+)"
"""Between two words of a signature: never empty (two capitalised words run together could be
split anywhere, and an all-capitals line then takes exponential time to reject)."""
_LINE = rf"{_CAP_WORD}(?:{_GAP}(?:{_CAP_WORD}|(?:{_CONNECT})(?=[ \t]+[A-Z])))*"
_SIGNATURE = rf"{_LINE}(?:[ \t]*[,.]?[ \t]*\n[ \t]*{_LINE}){{0,2}}"
_BOUNDARY = r"(?:^|(?<=\n)|(?<=[.!?,;][ \t])|(?<=\s[—–\-]\s))"
_PATTERNS = (
    re.compile(
        rf"{_BOUNDARY}[ \t]*(?:{_SIGNOFF})\b[ \t]*[,.!]*[ \t]*(?:\n[ \t]*)?(?:{_SIGNATURE})?"
        r"[ \t.!]*$",
        re.I,
    ),
    re.compile(rf"(?:^|\s)(?:[—–]|--?)[ \t]*{_SIGNATURE}[ \t.]*$", re.I),
)
_NAMES_A_CUSTOMER = re.compile(r"\b(?:customer|client|cust|account|company|business)\s*$", re.I)
""""new client - Hendricks & Sons Construction": after a customer noun the dash leads a name."""
_BARE_CLOSING = re.compile(rf"(?<=\S)[ \t]+(?:{_CLOSING})[ \t!.]*$", re.I)
"""'refund pi_X thanks!', 'note: wholesale buyer asap': thanks or urgency closing even a
labelled value."""


_CODE_TAIL = re.compile(r"[\s—–-]*(?P<code>[A-Z]{3})[\s.!]*")


def _currency_code_tail(tail: str) -> bool:
    """ "top customers and net volume this month - CAD": a currency code after the dash is a
    filter, not a signature."""
    m = _CODE_TAIL.fullmatch(tail)
    return m is not None and m["code"].lower() in KNOWN_CURRENCIES


_EMAIL_LOCAL = re.compile(r"([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")


def _spelled_by_an_email(before: str, tail: str) -> bool:
    """ "Add customer - JOSH.MBEKI@GMAIL.COM - Josh Mbeki": a closing name that an email
    before it spells is the customer's name, not a signature."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", tail)]
    locals_ = [m.group(1).lower() for m in _EMAIL_LOCAL.finditer(before)]
    return len(words) > 1 and any(all(w in local for w in words) for local in locals_)


def strip_signoff(text: str) -> str:
    """`text` without its closing sign-off/signature; unchanged when nothing would remain."""
    for rx in _PATTERNS:
        m = rx.search(text)
        if m is None or not text[: m.start()].strip(" \t\n,;—–-"):
            continue
        labelled = (
            _in_labelled_value(text, m.start())
            or _currency_code_tail(text[m.start() :])  # "… net volume this month - CAD"
            or _NAMES_A_CUSTOMER.search(text, 0, m.start())
            or _spelled_by_an_email(text[: m.start()], text[m.start() :])
        )
        if not (_inside_quotes(text, m.start()) or labelled):
            text = text[: m.start()].rstrip()
    for _ in range(_MAX_TAILS):  # "… asap thanks 🙏"
        shorter = _without_tail(text)
        if shorter == text:
            break
        text = shorter
    return text


_MAX_TAILS = 3


def _without_tail(text: str) -> str:
    """One closing word ("thanks", "asap", "pls") or emoji run taken off the end, if anything
    is left before it and it is not inside quotes."""
    end, emoji = len(text), False
    while end and (unicodedata.category(text[end - 1]) == "So" or text[end - 1] in _JOINERS):
        emoji = emoji or unicodedata.category(text[end - 1]) == "So"
        end -= 1  # "🙏", "👍🏼", "✅"
    if emoji and text[:end].strip():
        return text[:end].rstrip()
    m = _BARE_CLOSING.search(text)
    if m is not None and text[: m.start()].strip() and not _inside_quotes(text, m.start()):
        return text[: m.start()].rstrip(" \t,")  # "…to hall hire, please"
    return text


_JOINERS = frozenset(" \t!.\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


LABELLED = re.compile(r"\b(?:description|desc|memo|note|notes|name|company)\s*[:=]", re.I)
"""A label whose value is free text ("description: VIP, do not charge before the 5th")."""


def _in_labelled_value(text: str, at: int) -> bool:
    """ "description: wholesale account - Milan": a dash inside a labelled value is its text."""
    line_start = text.rfind("\n", 0, at) + 1
    return LABELLED.search(text, line_start, at) is not None


def _inside_quotes(text: str, at: int) -> bool:
    """ "desc: 'Workshop seat – Berlin'": a dash inside an open quote starts no signature."""
    head = text[:at]
    return (
        head.count('"') % 2 == 1
        or head.count("“") > head.count("”")
        or (
            re.search(r"(?<!\w)'", head) is not None
            and text[at:].rstrip().rstrip(".!?").endswith("'")  # ("… - Ava'.": closed, then a stop)
        )
    )
