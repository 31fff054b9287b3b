"""A request that points at a pasted email's or ticket's header instead of typing the address:
"use the email in the From line", "look up whoever is on the Cc line", "add the sender as a
customer", "set up a record for the requester"; or at a pasted invoice's total ("bill cus_X
the amount due on this invoice"). The header's value (the total line's amount) is put where
the pointer was, so the request reads as if the user had typed it ("add Grace Lee
grace@leebakeshop.com as a customer"); the rest of the paste stays what it was (someone
else's words).
"""

from __future__ import annotations

import re

from agent.offline_router.id_patterns import EMAIL
from agent.offline_router.lexicon import DATA
from agent.offline_router.paragraphs import paste_and_request, with_request

_D = DATA.slots["header_pointers"]
_HEADERS: dict[str, str] = {str(k): str(v) for k, v in _D["headers"].items()}
"""A header's name as typed (lowercase) -> the name pointers use for it ("reply-to" -> "from")."""
_LINE = re.compile(
    r"^[ \t>]*(?P<h>" + "|".join(re.escape(h) for h in _HEADERS) + r")[ \t]*:[ \t]*(?P<v>[^\n|]*)",
    re.I | re.M,
)
_POINTERS = [
    (re.compile(str(p["pattern"]), re.I), str(p["header"]).removesuffix("+name"),
     str(p["header"]).endswith("+name"))
    for p in _D["pointers"]
]  # fmt: skip
_ADDRESS = re.compile(EMAIL)
_CUS = re.compile(r"\bcus_[A-Za-z0-9]{4,}\b")
"""A pasted order's "Customer: cus_X" line names the customer by its id."""
_DISPLAY = re.compile(r"^\s*\"?(?P<n>[^<\"@\n]+?)\"?\s*<")


def with_header_values(message: str) -> str:
    """The message with each pointer at a header replaced by the header's address (and, where
    the pointer asks for it, the display name); the message itself when nothing points."""
    headers = _headers(message)
    if not headers:
        return message
    out = message
    for pattern, kinds, with_name in _POINTERS:
        found = next((headers[k] for k in kinds.split("|") if k in headers), None)
        if found is None:
            continue
        name, address = found
        value = f"{name} {address}" if with_name and name else address
        out = pattern.sub(value, out)
    return out


_TOTAL_LINE = re.compile(
    r"^[ \t>|]*(?:" + "|".join(str(w) for w in _D["total_labels"]) + r")\b"
    r"(?:[ \t]*\([^)\n]{0,30}\))?[ \t.:=]*"  # "Total (tax incl.)  ¥12,800"
    r"(?P<a>[$€£¥]?[ \t]?\d[\d,.]*(?:[ \t]?(?:[A-Z]{3}|[$€£¥]))?)[ \t]*$",
    re.I | re.M,
)
_TOTAL_POINTER = re.compile(
    r"\b(?:" + "|".join(str(p) for p in _D["total_pointers"]) + r")\b", re.I
)


def with_pasted_total(message: str) -> str:
    """ "charge cus_X the order total" under a pasted order whose last line is "Total
    $1,000.00" (or above it: "charge cus_X the invoice total below"): that amount where the
    pointer was (the line's own, never a subtotal's, nor one a note after it claims)."""
    lines = list(_TOTAL_LINE.finditer(message))
    if not lines:
        return message
    last = lines[-1]
    amount = last["a"].strip()
    head, line, tail = message[: last.start()], last.group(), message[last.end() :]
    return (
        _TOTAL_POINTER.sub(lambda _: amount, head)
        + line
        + _TOTAL_POINTER.sub(lambda _: amount, tail)
    )


def with_pasted_name(message: str) -> str:
    """ "look the company up in stripe by its name" under a CRM note's "Company: Halvorsen &
    Dahl AS" (or a packing slip's "Ship to:" with the name on the line below): the name typed
    where the pointer was."""
    pointer = _BY_ITS_NAME.search(message)
    if pointer is None:
        return message
    names = {
        _clean(m["v"] or m["n"] or "") for m in _NAME_LINE.finditer(message[: pointer.start()])
    }
    names = {n for n in names if _NAMELIKE.fullmatch(n)}
    if len(names) != 1:
        return message
    return f"{message[: pointer.start()]}by the name {names.pop()}{message[pointer.end() :]}"


def _clean(value: str) -> str:
    return value.strip().strip("\"'“”")


_BY_ITS_NAME = re.compile(
    r"\bby\s+(?:(?:its|their|his|her|the(?:\s+(?:company|business)['’]?s)?)\s+)?"
    r"(?:(?:company|business|full)\s+)?name\b(?!\s*[:\"'“]?\s*[A-Z])",
    re.I,
)
_NAME_LINE = re.compile(
    r"^[ \t>]*(?:" + "|".join(str(h) for h in _D["name_headers"]) + r")[ \t]*:[ \t]*"
    r"(?:(?P<v>[^\n|]+?)[ \t]*$|\n[ \t]+(?P<n>[^\n]+?)[ \t]*$)",
    re.I | re.M,
)
_NAMELIKE = re.compile(r"(?=.*[A-Z])[^\d@_<>\n]{2,60}")


def with_provider_email(message: str) -> str:
    """ "find customers matching the gmail she's writing from, not the work address in her sig":
    the one address at that provider, where the request named it."""
    pointer = _PROVIDER.search(message)
    if pointer is None:
        return message
    provider = pointer["p"].lower()
    found = {
        a.lower() for a in _ADDRESS.findall(message) if a.lower().split("@")[1].startswith(provider)
    }
    if len(found) != 1:
        return message
    return f"{message[: pointer.start()]}{found.pop()}{message[pointer.end() :]}"


_PROVIDER = re.compile(
    r"\bthe\s+(?P<p>gmail|googlemail|yahoo|hotmail|outlook|icloud|proton(?:mail)?|gmx|aol)"
    r"(?:\s+(?:address|one|account|e-?mail))?\b",
    re.I,
)


def with_pasted_customer(message: str) -> str:
    """ "Phone order, card on file: / Customer: cus_X / … / Total $41.00" + "charge the total":
    a charge asked under a pasted order that names one customer, and naming none itself, is
    that customer's (typed where the verb is, as if the user had said it)."""
    split = paste_and_request(message)
    if split is None:
        return message
    pasted, request = split
    found = _headers(pasted).get("customer")
    verb = _CHARGE_VERB.search(request)
    if found is None or verb is None or _NAMES_SOMEONE.search(request):
        return message
    return with_request(
        message, request, f"{request[: verb.end()]} {found[1]}{request[verb.end() :]}"
    )


_CHARGE_VERB = re.compile(r"^\s*(?:please\s+)?(?:charge|bill)\b", re.I)
_NAMES_SOMEONE = re.compile(
    rf"{EMAIL}|\bcus_\w+|\b(?:him|her|them|their|his|customer|client|to)\b", re.I
)


def _headers(message: str) -> dict[str, tuple[str | None, str]]:
    """Each header's (display name, first address), the last line of each kind kept: under a
    forwarding gateway's "From: support-inbox@…", the forwarded message's own "From:" is the
    sender."""
    found: dict[str, tuple[str | None, str]] = {}
    for m in _LINE.finditer(message):
        kind = _HEADERS[m["h"].lower()]
        address = _ADDRESS.search(m["v"]) or (_CUS.search(m["v"]) if kind == "customer" else None)
        if address is None:
            continue
        display = _DISPLAY.match(m["v"])
        found[kind] = (display["n"].strip() if display else None, address.group())
    return found
