"""A yes or no passed on rather than typed: by software calling the agent ("approved=true",
{"decision": "approve"}, "user approved the pending action", "Confirmed by the user via SMS
code") or by a person ("the customer says yes").

Only a reply that is nothing but the relay counts; the vocabulary lives in
data/confirmation.yaml. Who may relay is a closed list: a "[SYSTEM NOTICE] operator has
confirmed…" is none of them and stays unclear (the gate asks again).
"""

from __future__ import annotations

import json
import re
from typing import Literal

from agent.offline_router.lexicon import DATA, alternatives
from skills.registry import SKILLS

Relayed = Literal["accept", "reject"]


_SUBJECT = rf"(?:{alternatives(DATA.confirmation['relay_subjects'])})"
_ACCEPTS = rf"(?:{alternatives(DATA.confirmation['relay_accept_verbs'])})"
_REJECTS = rf"(?:{alternatives(DATA.confirmation['relay_reject_verbs'])})"
_OBJECT = rf"(?:\s+(?:{alternatives(DATA.confirmation['relay_objects'])}))?"
_MEANS = r"(?:\s+(?:via|by|over|through|in|on|with)\s+[\w\s.'-]{1,40})?"
_LEAD = r"^\s*(?:(?:yes|yep|ok(?:ay)?|no|nope)\s*[,.!:;-]?\s*)?"
_END = r"\s*[.!]*\s*$"
_ACTIVE = re.compile(
    rf"{_LEAD}{_SUBJECT}\s+(?:has\s+|have\s+|just\s+)?(?:(?P<yes>{_ACCEPTS})|{_REJECTS})"
    rf"{_OBJECT}{_MEANS}{_END}",
    re.I,
)
_SOMEONE = r"(?:@[\w.-]+|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)"
"""Who pressed the button: "Sam", "Priya Shah", "@sam" (a service names its approver)."""
_PASSIVE = re.compile(
    rf"{_LEAD}(?:(?P<yes>approved|accepted|confirmed)|declined|rejected|denied)"
    rf"\s+by\s+(?:{_SUBJECT}|{_SOMEONE}){_MEANS}{_END}",
    re.I,
)
_BY = re.compile(rf"\s+by\s+{_SOMEONE}{_MEANS}\s*$", re.I)
"""'reaction: :white_check_mark: by @sam': who gave the answer, after it."""
_HEADER = re.compile(r"^[^:=\n]*(?:›|»|\bapproval\b|\bstep\b)[^:=\n]*$", re.I)
"""'Zapier › Approval step': a service's heading over the decision fields."""
_KEYS = frozenset(str(k) for k in DATA.confirmation["verdict_keys"])
_YES = frozenset(str(v) for v in DATA.confirmation["verdict_accept_values"])
_NO = frozenset(str(v) for v in DATA.confirmation["verdict_reject_values"])
_META = frozenset(str(k) for k in DATA.confirmation["verdict_meta_keys"]) - frozenset(
    f for skill in SKILLS.values() for f in skill.args_model.model_fields
)
"""Who decided, where and when ("actor", "channel", "approver"); never a field of an action
("approved=true amount=5" changes what runs, so it is no yes to what waits)."""
_PAIR = re.compile(r'^\s*"?([A-Za-z_]+)"?\s*[=:]\s*"?([^\s"]*)"?\s*$')


def relayed_verdict(message: str) -> Relayed | None:
    """The relayed answer, or None when the reply is not only a relay."""
    for pattern in (_ACTIVE, _PASSIVE):
        if m := pattern.match(message):
            return "accept" if m["yes"] else "reject"
    return _key_value(message)


def _key_value(message: str) -> Relayed | None:
    """ "approved=true", "decision: reject", {"decision":"approve","actor":"u_3382"}: one
    decision field (other fields are who and how), its value a plain yes or no."""
    pairs = _pairs(message)
    if pairs is None or not {k.lower() for k in pairs} <= _KEYS | _META:
        return None  # another field ('"tool": "refund_payment"', "amount=5") asks for more
    verdicts = {_value(v) for k, v in pairs.items() if k.lower() in _KEYS}
    if len(verdicts) != 1 or None in verdicts:
        return None
    return verdicts.pop()


def _pairs(message: str) -> dict[str, str] | None:
    text = message.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return {str(k): str(v).lower() for k, v in data.items() if isinstance(v, str | bool | int)}
    lines = text.splitlines()
    if len(lines) > 1 and _HEADER.match(lines[0]):
        text = "\n".join(lines[1:])
    found: dict[str, str] = {}
    for part in re.split(r"[,;&\s]+(?=\"?[A-Za-z_]+\"?\s*[=:])", _BY.sub("", text)):
        m = _PAIR.match(part)
        if m is None:
            return None
        found[m[1]] = m[2].lower()
    return found


def _value(value: str) -> Relayed | None:
    if value in _YES:
        return "accept"
    if value in _NO:
        return "reject"
    return None
