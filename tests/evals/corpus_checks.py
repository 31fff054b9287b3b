"""The rules an eval case must follow: FORMAT.md, SKILLS.md and evals/transcripts/README.md.

Plain code over parsed JSON: each rule returns its problems as text, so one run of the test lists
every bad case at once instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "transcripts"

SKILL_ARGS: dict[str, set[str]] = {
    "list_payments": {
        "limit",
        "customer",
        "status",
        "created_gte",
        "created_lte",
        "min_amount",
        "max_amount",
        "currency",
    },
    "create_payment": {"amount", "currency", "customer", "description"},
    "get_balance": set(),
    "find_customers": {"email", "name", "query", "limit"},
    "create_customer": {"email", "name", "phone", "description"},
    "refund_payment": {"payment", "amount", "reason"},
    "get_analytics": {"created_gte", "created_lte", "currency"},
    "create_subscription": {"customer", "price", "quantity", "trial_days"},
}
REQUIRED: dict[str, set[str]] = {
    "create_payment": {"amount"},
    "refund_payment": {"payment"},
    "create_subscription": {"customer", "price"},
}
MONEY = {"create_payment", "refund_payment", "create_subscription"}
READ_SKILLS = {"list_payments", "get_balance", "find_customers", "get_analytics"}
ENUMS = {
    "status": {"succeeded", "failed", "refunded", "pending"},
    "reason": {"duplicate", "fraudulent", "requested_by_customer"},
}
PLACEHOLDERS = {
    "customer.jane.id",
    "customer.jane.email",
    "customer.jane.name",
    "customer.dana.id",
    "customer.dana.email",
    "customer.alex_kim_1.id",
    "customer.alex_kim_2.id",
    "customer.alex_kim.name",
    "customer.injection.id",
    "customer.injection.name",
    "customer.no_payments.id",
    "payment.usd_succeeded",
    "payment.usd_succeeded_2",
    "payment.eur_succeeded",
    "payment.jpy_succeeded",
    "payment.partly_refunded",
    "payment.fully_refunded",
    "payment.failed",
    "payment.jane_last",
    "charge.usd_succeeded",
    "price.pro_monthly",
    "price.basic_yearly",
    "product.pro",
}
END_STATE_FIELDS: dict[str, set[str]] = {
    "refunds": {"payment", "amount"},
    "payment_intents": {"amount", "currency", "customer", "description"},
    "customers": {"email", "name", "phone", "description"},
    "subscriptions": {"customer", "price", "quantity", "trial_days"},
}
NON_SKILL_CATEGORIES = {
    "confirmation_flows",
    "clarify",
    "out_of_scope",
    "refuse",
    "injection",
    "multi_step",
    "sandbox_end_state",
}
PLACEHOLDER = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
LITERAL_ID = re.compile(r"\b(pi|ch|cus|price)_[A-Za-z0-9]+")
CURRENCY = re.compile(r"^[a-z]{3}$")

_TOOL_CALL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["tool", "args", "confirm"],
    "properties": {
        "tool": {"enum": sorted(SKILL_ARGS)},
        "args": {"type": "object"},
        "confirm": {"type": "boolean"},
    },
}
_CONFIRMATION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["confirmation"],
    "properties": {"confirmation": {"enum": ["accept", "reject"]}},
}
_NO_TOOL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["tool", "kind"],
    "properties": {
        "tool": {"type": "null"},
        "kind": {"enum": ["clarify", "out_of_scope", "refuse"]},
    },
}
CASE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "category", "turns"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "category": {"type": "string", "minLength": 1},
        "today": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "backend": {"enum": ["dry", "sandbox"]},
        "end_state": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                kind: {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": False,
                        "properties": {f: {} for f in fields},
                    },
                }
                for kind, fields in END_STATE_FIELDS.items()
            },
        },
        "turns": {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["user", "expect"],
                "properties": {
                    "user": {"type": "string", "minLength": 1},
                    "expire_pending": {"type": "boolean"},
                    "expect": {"oneOf": [_TOOL_CALL, _CONFIRMATION, _NO_TOOL]},
                },
            },
        },
    },
}


def load_corpus() -> list[tuple[Path, dict[str, Any]]]:
    """Every case with the file it came from; a line that is not JSON fails loudly here."""
    cases = []
    for path in sorted(CORPUS.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    cases.append((path, json.loads(line)))
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path.name}:{number}: not JSON: {error}") from error
    return cases


def is_held_out(path: Path) -> bool:
    return path.parent.name == "heldout"


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except (TypeError, ValueError):
        return None


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def arg_problems(tool: str, args: dict[str, Any], today: str | None) -> list[str]:
    """The SKILLS.md contract for one expected call: names, required args, types, conventions."""
    out = [f"{tool} has no argument {name!r}" for name in args if name not in SKILL_ARGS[tool]]
    out += [f"{tool} needs {name!r}" for name in REQUIRED.get(tool, set()) - set(args)]
    if tool == "create_customer" and not {"email", "name"} & set(args):
        out.append("create_customer needs an email or a name")
    for name in ("amount", "min_amount", "max_amount", "quantity", "trial_days"):
        if name in args and not _positive_int(args[name]):
            out.append(f"{name} must be a positive int, got {args[name]!r}")
    if "limit" in args and not (_positive_int(args["limit"]) and args["limit"] <= 100):
        out.append(f"limit must be an int in 1..100, got {args['limit']!r}")
    if "currency" in args and not CURRENCY.match(str(args["currency"])):
        out.append(f"currency must be a lowercase 3-letter code, got {args['currency']!r}")
    out += [
        f"{name} must be one of {sorted(allowed)}"
        for name, allowed in ENUMS.items()
        if name in args and args[name] not in allowed
    ]
    if "email" in args and (
        args["email"] != str(args["email"]).lower() or "@" not in args["email"]
    ):
        out.append(f"email must be a lowercase address, got {args['email']!r}")
    bounds = {name: args[name] for name in ("created_gte", "created_lte") if name in args}
    if bounds and today is None:
        out.append("a case with created_gte/created_lte must pin today")
    dates = {name: _date(value) for name, value in bounds.items()}
    out += [f"{name} must be a YYYY-MM-DD date" for name, day in dates.items() if day is None]
    gte, lte, pinned = dates.get("created_gte"), dates.get("created_lte"), _date(today)
    if gte and lte and gte > lte:
        out.append("created_gte is after created_lte")
    if pinned and any(day and day > pinned for day in (gte, lte)):
        out.append("a date bound lies after today")
    return out


def flow_problems(case: dict[str, Any]) -> list[str]:
    """A confirmation turn needs an action pending: a confirm:true call, then re-asks, reads,
    asides or refusals (they keep the action waiting: evals/transcripts/README.md, choice 10)."""
    out, pending = [], False
    for index, turn in enumerate(case["turns"], 1):
        expect = turn["expect"]
        if "confirmation" in expect:
            if not pending:
                out.append(f"turn {index}: confirmation with no action pending")
            pending = False
        elif expect.get("tool") in READ_SKILLS:
            pass  # the action pending before it still waits
        elif expect.get("tool") is not None:
            pending = bool(expect["confirm"])
        elif expect.get("kind") not in ("clarify", "out_of_scope", "refuse"):
            pending = False  # an aside or a refusal is answered; the action still waits
        if turn.get("expire_pending") and "confirmation" not in expect:
            out.append(f"turn {index}: expire_pending only makes sense on a confirmation turn")
    return out


def case_problems(case: dict[str, Any]) -> list[str]:
    """Everything wrong with one case; an empty list means the case is well formed."""
    schema_errors = [
        e.message for e in jsonschema.Draft202012Validator(CASE_SCHEMA).iter_errors(case)
    ]
    if schema_errors:
        return schema_errors
    today = case.get("today")
    out = [] if today is None or _date(today) else [f"today {today!r} is not a date"]
    for index, turn in enumerate(case["turns"], 1):
        expect = turn["expect"]
        if expect.get("tool"):
            out += [
                f"turn {index}: {p}" for p in arg_problems(expect["tool"], expect["args"], today)
            ]
            if expect["confirm"] != (expect["tool"] in MONEY):
                out.append(f"turn {index}: confirm must be true exactly for money skills")
    return out + flow_problems(case) + backend_problems(case)


def backend_problems(case: dict[str, Any]) -> list[str]:
    """Placeholders, end_state and expiry need the sandbox; invented ids need the dry backend."""
    out = []
    sandbox = case.get("backend") == "sandbox"
    names = PLACEHOLDER.findall(json.dumps(case, ensure_ascii=False))
    out += [f"unknown placeholder {{{{{name}}}}}" for name in names if name not in PLACEHOLDERS]
    if names and not sandbox:
        out.append("placeholders are for sandbox cases only")
    if not sandbox and ("end_state" in case or any(t.get("expire_pending") for t in case["turns"])):
        out.append("end_state and expire_pending need backend sandbox")
    called = json.dumps([t["expect"].get("args", {}) for t in case["turns"]])
    if LITERAL_ID.search(PLACEHOLDER.sub("", called)) and case.get("backend") != "dry":
        out.append("an expected call names an id that exists nowhere: mark the case backend dry")
    for kind, objects in case.get("end_state", {}).items():
        for obj in objects:
            out += [f"end_state {kind}: {p}" for p in arg_problems_for_state(obj)]
    return out


def arg_problems_for_state(obj: dict[str, Any]) -> list[str]:
    """End-state objects use the skills' units: positive minor-unit ints, lowercase currencies."""
    out = [
        f"{k} must be a positive int"
        for k in ("amount", "quantity", "trial_days")
        if k in obj and not _positive_int(obj[k])
    ]
    if "currency" in obj and not CURRENCY.match(str(obj["currency"])):
        out.append("currency must be a lowercase 3-letter code")
    return out
