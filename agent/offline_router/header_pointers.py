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
    r"^[ \t>|]*(?:" + "|".join(str(w) for w in _D["total_labels"]) + r")\b[ \t.:=]*"
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
