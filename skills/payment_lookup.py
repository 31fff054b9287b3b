"""Reading one payment a user points at without naming its id: "her last payment", or the
total behind "half of pi_…".

These are reads that let the agent turn such a phrase into exact refund arguments *before*
anything is planned or confirmed. They are not a skill: nothing is listed to the user, and the
money skill that follows still validates, summarises and waits for a yes on its own.
"""

from __future__ import annotations

from skills.base import SkillContext
from skills.errors import InvalidArguments, NotFound
from skills.resolve import resolve_customer
from skills.stripe_models import Payment


def payment_by_id(ctx: SkillContext, payment_id: str) -> Payment:
    """The payment itself, with its amount and what was refunded of it."""
    if not payment_id.startswith(("pi_", "ch_")):
        raise InvalidArguments(f"'{payment_id}' is not a payment id (pi_… or ch_…).")
    return ctx.service.get_payment(payment_id)


def latest_payment_of(ctx: SkillContext, customer: str) -> Payment:
    """The customer's most recent payment, whatever its status: "her last payment" means the
    last one she made. A failed one is then refused by the refund's own checks, with a clear
    reason, rather than silently swapped for an older payment the user did not mean."""
    found = resolve_customer(ctx.service, customer)
    for payment in ctx.service.stream_payments(customer=found.id, cap=1, page_size=1):
        return payment
    raise NotFound(f"{found.label} has no payments.")
