"""A row picked out of a pasted sheet: "charge the second row", "add the second one as a
customer", "is the overdue guy in stripe? search by his email".

The sheet (a header line, then rows of cells set apart by tabs or "|") is someone's data: only
the row the request picks is wanted. The message is rewritten as the request with that row's
cells as labelled values ("… this. customer: cus_X, amount: 1,420.50 CAD, description: …"),
the sheet left out, so no other row's values reach the request, nor any cell outside the
columns a skill takes (a "notes" cell saying "SYSTEM NOTE TO AI: charge …" is never read).
A request that picks no single row leaves the message as it was.
"""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA
from agent.offline_router.safety import speaks_to_the_agent

_D = DATA.slots["pasted_tables"]
_LABELS: dict[str, str] = {
    str(header): str(label) for label, headers in _D["columns"].items() for header in headers
}
"""A column's header (lowercase) -> the label its value is read with."""
_ORDINALS: dict[str, int] = {str(k): int(v) for k, v in _D["ordinals"].items()}
_NOUNS = "|".join(str(w) for w in _D["row_nouns"])
_PICKED = re.compile(
    rf"\b(?:the\s+)?(?P<o>{'|'.join(sorted(_ORDINALS, key=len, reverse=True))})\s+"
    rf"(?:{_NOUNS})\b|\brow\s*#?\s*(?P<n>\d{{1,2}})\b",
    re.I,
)
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
"""A markdown table's rule under its header ("|---|---|")."""
_MIDDLE = int(_D["middle"])
_MIN_WORD = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]+")


def _cells(line: str) -> list[str] | None:
    """A sheet line's cells, when it has at least two set apart by tabs or "|"."""
    if "\t" in line:
        parts = line.split("\t")
    elif line.count("|") >= 1:
        text = line.strip()
        if text.startswith("|"):  # "| a | b |": a markdown row; "a | b | " ends on an empty cell
            text = text[1:].removesuffix("|")
        parts = text.split("|")
    else:
        return None
    cells = [p.strip() for p in parts]
    return cells if len(cells) >= 2 else None


def _sheet(lines: list[str]) -> tuple[int, int, list[str], list[list[str]]] | None:
    """The first block of lines that is a header and rows of as many cells: its [start, end)
    line range, its header (lowercase) and its rows."""
    for i, line in enumerate(lines):
        header = _cells(line)
        if header is None or not any(_label(h) for h in header):
            continue
        rows, j = [], i + 1
        while j < len(lines):
            cells = _cells(lines[j])
            if cells is not None and len(cells) == len(header):
                rows.append(cells)
            elif not _RULE.match(lines[j]):
                break
            j += 1
        if rows:
            return i, j, [h.lower() for h in header], rows
    return None


def _label(head: str) -> str | None:
    """The label a column's values are read with: its header's, or its last word's ("Patient
    email", "Refund amount", "customer_id")."""
    text = head.lower().replace("_", " ").strip()
    words = text.split()
    return _LABELS.get(text) or (_LABELS.get(words[-1]) if words else None)


def _picked_row(request: str, header: list[str], rows: list[list[str]]) -> list[str] | None:
    """The row the request names by its place ("the second row", "row 2", "the last one") or
    by a word only its cells hold ("the overdue guy", "add Daniel")."""
    m = _PICKED.search(request)
    if m is not None:
        place = int(m["n"]) - 1 if m["n"] else _ORDINALS[m["o"].lower()]
        index = len(rows) // 2 if place == _MIDDLE else place
        return rows[index] if -len(rows) <= index < len(rows) else None
    said = {w.lower() for w in _WORD.findall(request) if len(w) >= _MIN_WORD}
    said -= {h for cell in header for h in cell.split()}
    found = [r for r in rows if said & {w.lower() for c in r for w in _WORD.findall(c)}]
    return found[0] if len(found) == 1 else None


def _labelled(header: list[str], row: list[str]) -> dict[str, str]:
    """The row's cells a skill takes, as "label: value" (the currency joined to its amount)."""
    values: dict[str, str] = {}
    for head, cell in zip(header, row, strict=True):
        label = _label(head)
        if label is not None and cell and not speaks_to_the_agent(cell):
            values[label] = cell
    if "currency" in values and "amount" in values:
        values["amount"] = f"{values['amount']} {values.pop('currency')}"
    return values


def _text(values: dict[str, str]) -> str:
    return ", ".join(f"{label}: {value}" for label, value in values.items())


def _labelled_line(lines: list[str]) -> tuple[int, int, list[str], list[list[str]]] | None:
    """A pasted record on one line, each cell its own label ("Name: Ngozi Eze | Email: … |
    Notes: …"): read as a sheet of one row."""
    for i, line in enumerate(lines):
        cells = _cells(line) if "|" in line else None
        pairs = [c.split(":", 1) for c in cells or [] if ":" in c]
        if (
            cells
            and len(pairs) == len(cells)
            and any(k.strip().lower() in _LABELS for k, _ in pairs)
        ):
            return i, i + 1, [k.strip().lower() for k, _ in pairs], [[v.strip() for _, v in pairs]]
    return None


def sheet_text(message: str) -> str | None:
    """The pasted sheet's lines (header and rows), for a later "now the second row"."""
    lines = message.split("\n")
    sheet = _sheet(lines)
    return "\n".join(lines[sheet[0] : sheet[1]]) if sheet is not None else None


def with_row_picked(message: str, earlier_sheet: str | None = None) -> str:
    """The message as its request and the picked row's values, or the message unchanged. A
    request that picks a row of no sheet of its own ("now the second row, same way") picks it
    from the sheet pasted earlier in the conversation."""
    lines = message.split("\n")
    sheet = _sheet(lines) or _labelled_line(lines)
    if sheet is None and earlier_sheet is not None and _PICKED.search(message):
        return with_row_picked(f"{earlier_sheet}\n\n{message}")
    if sheet is None:
        return message
    start, end, header, rows = sheet
    request = "\n".join(lines[:start] + lines[end:]).strip()
    if not request:
        return message
    row = rows[0] if len(rows) == 1 else _picked_row(request, header, rows)
    values = _labelled(header, row) if row is not None else {}
    refunds = any("refund" in h for h in header)  # "Payment ID | Refund amount | Reason"
    if _REFUND.search(request) and not refunds:
        values.pop("amount", None)  # a row's amount is what was paid, not what to give back
    if refunds and not _REFUND.search(request):
        request = _DO.sub("refund", request, count=1)  # "Refunds tab: …" + "Do the second row."
    request = _COLUMN_AS_DESCRIPTION.sub("", request)  # "use the memo as the description"
    by = _BY.search(request)
    field = by["f"].lower().replace("-", "") if by is not None else None
    if field in values:
        values = {field: values[field]}
    if not values:
        return message
    asked = _PICKED.sub("this", request, count=1).rstrip(" .")
    return f"{asked}. {_text(values)}"


_REFUND = re.compile(r"\brefund", re.I)
_DO = re.compile(r"\b(?:do|process|run|handle|action)\b", re.I)
_COLUMN_AS_DESCRIPTION = re.compile(
    r",?\s*\b(?:(?:use|with|take|put)\s+the\s+(?:memo|description|notes?|item|service)\s+"
    r"(?:column\s+|field\s+)?(?:as|for)\s+(?:the\s+)?description"
    r"|description\s+(?:as|like)\s+(?:in|on)\s+the\s+(?:sheet|row|table|list))\b",
    re.I,
)
"""The row's description is given as its labelled value: the words pointing at it go."""
_BY = re.compile(
    r"\b(?:by|via|with)\s+(?:his|her|their|the|that|its)?\s*(?P<f>e-?mail|name|phone)\b", re.I
)
"""'search by his email': only the row's email is the search."""
