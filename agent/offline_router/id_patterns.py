"""The shapes of emails and Stripe ids as regular-expression sources: one place for the
readers that spot them in free text (quoted tickets, corrections, stories before a request)."""

from __future__ import annotations

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def stripe_id(*prefixes: str) -> str:
    """An id with one of `prefixes` ("pi", "ch", "cus"…): "pi_3Abc"."""
    return rf"\b(?:{'|'.join(prefixes)})_[A-Za-z0-9]+"
