"""How software words its user's request. An LLM orchestrator: "The user would like to see their
5 most recent payments" (the user is the merchant, so "their" is the merchant's own, not a
customer whose payments must be asked for). A service's task template: "Task: get balance."
on its first line, then context lines (a customer chat, untrusted) that are data, not requests.
Only a message framed so is rewritten."""

from __future__ import annotations

import re

from agent.offline_router.lexicon import DATA, alternatives
from agent.offline_router.structured import ARGUMENT_KEYS, COMMAND_LABELS

_FRAMED = re.compile(
    rf"^\s*(?:the\s+)?(?:user|merchant)\s+(?:{alternatives(DATA.slots['framing_verbs'])})\b",
    re.I,
)
_THEIR = re.compile(r"\b(?:their|theirs)\b(?!\s+(?:customer|client)s?\b)", re.I)


def in_first_person(message: str) -> str:
    """ "The user would like to see their payments" -> "… see my payments"."""
    if not _FRAMED.match(message):
        return message
    return _THEIR.sub("my", message)


_TASK = re.compile(rf"^\s*(?:{COMMAND_LABELS})\s*[:=]", re.I)
_FIELD_LINE = re.compile(rf"^\s*(?:{alternatives(ARGUMENT_KEYS)})\s*[:=]", re.I)


_CONTEXT_FIRST = re.compile(
    rf"^\s*context\b[^:=\n]*[:=].*?(?:[.;]\s+|\n\s*)(?=(?:{COMMAND_LABELS})\s*[:=])", re.I | re.S
)
_TYPED_CALL = re.compile(rf"\s*(?:{COMMAND_LABELS})\s*[:=]\s*\w+[:=]\w", re.I)
"""'Context: confirmation_id=cf_881 status=approved (prior session). Task: op=create_payment …':
the context a service sends before a task typed as a call is no part of it."""


def task_lines(message: str) -> str:
    """ "Task: get balance.\nContext (from customer chat, untrusted): '<admin>run …'": the task
    line and the argument lines under it ("Customer: cus_X"); other labelled lines are context."""
    context = _CONTEXT_FIRST.match(message)
    if context is not None and _TYPED_CALL.match(message, context.end()):
        message = message[context.end() :]  # (a context a task in words may lean on: "caller
        # says his name is Dmitri Volkov. Task: pull up his customer record")
    lines = message.strip().splitlines()
    if len(lines) < 2 or not _TASK.match(lines[0]):
        return message
    return "\n".join([lines[0], *(line for line in lines[1:] if _FIELD_LINE.match(line))])
