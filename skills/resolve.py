"""Turning what a user typed ("jane@example.com", "Alex Kim", "cus_…") into one customer.

Several matches are never guessed between: the skill raises AmbiguousReference listing them,
which the agent turns into a clarifying question.
"""

from __future__ import annotations

from skills.errors import AmbiguousReference, NotFound
from skills.stripe_models import Customer
from skills.stripe_service import StripeService

SUBSTRING_MIN = 3


def customers_matching(service: StripeService, ref: str, *, limit: int = 100) -> list[Customer]:
    """All customers a reference could mean: by id, by email (case-insensitive), else by name."""
    ref = ref.strip()
    if ref.startswith("cus_"):
        return [service.get_customer(ref)]
    if "@" in ref:
        found = {c.id: c for c in service.customers_by_email(ref.lower(), cap=limit)}
        if ref != ref.lower():
            found.update({c.id: c for c in service.customers_by_email(ref, cap=limit)})
        return list(found.values())
    escaped = ref.replace("\\", "\\\\").replace("'", "\\'")
    op = "~" if len(ref) >= SUBSTRING_MIN else ":"  # Stripe refuses shorter substring searches
    hits = service.search_customers(f"name{op}'{escaped}'", limit=limit)
    exact = [c for c in hits if (c.name or "").casefold() == ref.casefold()]
    return exact or hits


def resolve_customer(service: StripeService, ref: str) -> Customer:
    """Exactly one customer, or NotFound / AmbiguousReference."""
    matches = customers_matching(service, ref)
    if not matches:
        raise NotFound(f"No customer matches '{ref}'.")
    if len(matches) > 1:
        labels = [c.label for c in matches[:10]]
        raise AmbiguousReference(
            f"Several customers match '{ref}': " + "; ".join(labels) + ". Which one do you mean?",
            candidates=[c.id for c in matches],
        )
    return matches[0]
