"""The domain's one exception hierarchy.

Callers catch these, never `stripe` errors: the API maps them to HTTP in one handler and the
agent maps them to reply kinds. Every message is written for the person who asked, and says
whether anything was changed, because "did it go through?" is the first question after a failure.

    SkillError                      base; `.changed` is "no" or "unknown"
    ├── InvalidArguments            the request itself is wrong (bad amount, unknown currency...)
    ├── NotFound                    a referenced object does not exist
    ├── AmbiguousReference          several objects match a reference; `.candidates` lists them
    ├── NotAllowed                  the caller's connection or role forbids this skill
    └── StripeFailure               Stripe (or the network) refused or failed the call
        ├── PaymentDeclined         the card or bank declined
        ├── StripeInvalidRequest    Stripe rejected the parameters
        ├── RateLimited             too many requests; retry later
        ├── StripeAuthError         the API key or connected account is not allowed
        └── StripeUnavailable       Stripe could not be reached or failed (5xx, timeout)
"""

from __future__ import annotations

from typing import Literal

Changed = Literal["no", "unknown"]

_CHANGED_TEXT: dict[Changed, str] = {
    "no": "Nothing was changed.",
    "unknown": (
        "It is not known whether the change went through; retrying the same action is safe "
        "because it carries the same idempotency key."
    ),
}


class SkillError(Exception):
    """Base of every error a skill raises; `code` is stable for machines."""

    code = "skill_error"

    def __init__(self, message: str, *, changed: Changed = "no") -> None:
        self.message = message
        self.changed: Changed = changed
        super().__init__(message)

    @property
    def user_message(self) -> str:
        """The message plus what happened to the data."""
        return f"{self.message} {_CHANGED_TEXT[self.changed]}"


class InvalidArguments(SkillError):
    """The caller's request is malformed or outside the allowed limits."""

    code = "invalid_arguments"


class NotFound(SkillError):
    """A customer, payment or price that the request names does not exist."""

    code = "not_found"


class AmbiguousReference(SkillError):
    """Several objects match; the agent must ask rather than guess."""

    code = "ambiguous"

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class NotAllowed(SkillError):
    """The caller's access (e.g. a read_only Connect connection) does not permit this skill."""

    code = "not_allowed"


class StripeFailure(SkillError):
    """Stripe or the network failed the call."""

    code = "stripe_error"


class PaymentDeclined(StripeFailure):
    code = "payment_declined"


class StripeInvalidRequest(StripeFailure):
    code = "invalid_request"


class RateLimited(StripeFailure):
    code = "rate_limited"


class StripeAuthError(StripeFailure):
    code = "stripe_auth"


class StripeUnavailable(StripeFailure):
    code = "stripe_unavailable"
