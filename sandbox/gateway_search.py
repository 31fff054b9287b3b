"""`/v1/customers/search` and `/v1/payment_intents/search`: a subset of Stripe's query language.

Clauses are `field:'value'` (exact, case-insensitive), `field~'value'` (substring,
case-insensitive, at least 3 characters), `field>n` / `>=` / `<` / `<=` on numbers,
`metadata['key']:'value'`, `-` before a clause negates it, and `null` matches a missing value.
Clauses are joined by `AND` or by `OR`, never both in one query (Stripe refuses that too).
Results are newest first; `page` is the opaque cursor from the previous answer's `next_page`.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.gateway_core import Gateway
from sandbox.gateway_errors import StripeHTTPError, stripe_error, unknown_parameter
from sandbox.gateway_lists import parse_limit
from sandbox.gateway_state import Call, Reply

Obj = dict[str, Any]
FIELDS: dict[str, dict[str, str]] = {
    "customers": {"email": "text", "name": "text", "phone": "text", "created": "number"},
    "payment_intents": {
        "amount": "number",
        "currency": "text",
        "customer": "text",
        "status": "text",
        "created": "number",
    },
}
_CLAUSE = re.compile(
    r"""\s*(?P<neg>-)?
    (?P<field>metadata\[(?P<q>['"])(?P<key>.*?)(?P=q)\]|[a-z_]+)
    \s*(?P<op>>=|<=|:|~|>|<)\s*
    (?P<value>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)""",
    re.X,
)
_JOIN = re.compile(r"\s+(AND|OR)\s+")


@dataclass(frozen=True)
class Clause:
    field: str
    meta_key: str | None
    op: str
    value: str | int | None
    negated: bool


async def search(gw: Gateway, call: Call, match: re.Match[str]) -> Reply:
    resource = match.group(1)
    for key in call.params:
        if key not in ("query", "limit", "page", "expand"):
            raise unknown_parameter(key)
    query = call.params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise stripe_error(400, "Missing required param: query.", param="query")
    clauses, joiner = parse(query, FIELDS[resource], resource)
    objects = await gw.collection(resource)
    combine = all if joiner == "AND" else any
    hits = [o for o in objects if combine(_holds(c, o) for c in clauses)]
    hits.sort(key=gw.state.order_key, reverse=True)
    limit = parse_limit(call.params.get("limit"))
    offset = _offset(call.params.get("page"))
    page = hits[offset : offset + limit]
    more = len(hits) > offset + limit
    body = {
        "object": "search_result",
        "data": page,
        "has_more": more,
        "next_page": _token(offset + limit) if more else None,
        "url": call.path,
    }
    return Reply(200, await gw.show(body, call.expand))


def parse(query: str, fields: dict[str, str], resource: str) -> tuple[list[Clause], str]:
    """The clauses of a query and how they are joined ("AND" or "OR")."""
    clauses: list[Clause] = []
    joiners: set[str] = set()
    pos = 0
    while True:
        m = _CLAUSE.match(query, pos)
        if m is None:
            raise _invalid(query, pos)
        clauses.append(_clause(m, fields, resource))
        pos = m.end()
        if not query[pos:].strip():
            break
        j = _JOIN.match(query, pos)
        if j is None:
            raise _invalid(query, pos)
        joiners.add(j.group(1))
        pos = j.end()
    if len(joiners) > 1:
        raise stripe_error(
            400,
            "Search queries cannot mix AND and OR; use one of them throughout the query.",
            param="query",
        )
    return clauses, joiners.pop() if joiners else "AND"


def _clause(m: re.Match[str], fields: dict[str, str], resource: str) -> Clause:
    field, op, key = m.group("field"), m.group("op"), m.group("key")
    name = "metadata" if key is not None else field
    kind = "text" if key is not None else fields.get(field)
    if kind is None:
        raise stripe_error(
            400,
            f"Field `{field}` is an unsupported search field for resource `{resource}`. "
            f"See https://stripe.com/docs/search#query-fields-for-{resource.replace('_', '-')}"
            " for a list of supported fields.",
            param="query",
        )
    value = _value(m.group("value"))
    if op in (">", "<", ">=", "<=") and (kind != "number" or not isinstance(value, int)):
        raise stripe_error(400, f"`{op}` works on numeric fields only.", param="query")
    if op == "~" and (not isinstance(value, str) or len(value) < 3):
        raise stripe_error(
            400, "Substring (`~`) searches need at least 3 characters.", param="query"
        )
    return Clause(name, key, op, value, m.group("neg") is not None)


def _value(raw: str) -> str | int | None:
    if raw[0] in "'\"":
        return re.sub(r"\\(.)", r"\1", raw[1:-1])
    if raw == "null":
        return None
    try:
        return int(raw)
    except ValueError:
        return raw


def _holds(clause: Clause, obj: Obj) -> bool:
    if clause.meta_key is not None:
        actual = (obj.get("metadata") or {}).get(clause.meta_key)
    else:
        actual = obj.get(clause.field)
    result = _OPS[clause.op](actual, clause.value)
    return result != clause.negated


def _exact(actual: Any, wanted: Any) -> bool:
    if wanted is None:
        return actual in (None, "")
    if actual is None:
        return False
    return str(actual).lower() == str(wanted).lower()


def _contains(actual: Any, wanted: Any) -> bool:
    return actual is not None and str(wanted).lower() in str(actual).lower()


def _compare(check: Callable[[int, int], bool]) -> Callable[[Any, Any], bool]:
    return lambda actual, wanted: actual is not None and check(int(actual), int(wanted))


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    ":": _exact,
    "~": _contains,
    ">": _compare(lambda a, b: a > b),
    "<": _compare(lambda a, b: a < b),
    ">=": _compare(lambda a, b: a >= b),
    "<=": _compare(lambda a, b: a <= b),
}


def _invalid(query: str, pos: int) -> StripeHTTPError:
    return stripe_error(
        400,
        f"Invalid search query: could not parse the query at character {pos}: {query[pos:]!r}.",
        param="query",
    )


def _token(offset: int) -> str:
    return "page_" + base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _offset(page: Any) -> int:
    if page in (None, ""):
        return 0
    try:
        decoded = base64.urlsafe_b64decode(str(page).removeprefix("page_")).decode()
        return int(decoded.removeprefix("offset:"))
    except (ValueError, UnicodeDecodeError):
        raise stripe_error(400, f"Invalid page: {page}", param="page") from None
