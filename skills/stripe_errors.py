"""Translate the `stripe` SDK's exceptions into the domain's hierarchy (skills.errors)."""

from __future__ import annotations

import stripe

from skills.errors import (
    Changed,
    NotFound,
    PaymentDeclined,
    RateLimited,
    SkillError,
    StripeAuthError,
    StripeFailure,
    StripeInvalidRequest,
    StripeUnavailable,
)


def translate(err: stripe.StripeError, *, writing: bool) -> SkillError:
    """Map one SDK error; `writing` says whether the failed call could have changed data.

    A 4xx means Stripe refused the request, so nothing changed. A network error or 5xx during a
    write leaves the outcome unknown, and the message says so.
    """
    unknown: Changed = "unknown" if writing else "no"
    detail = _detail(err)
    if isinstance(err, stripe.CardError):
        return PaymentDeclined(f"The payment was declined: {detail}")
    if isinstance(err, stripe.RateLimitError):
        return RateLimited("Stripe is rate-limiting requests; try again in a moment.")
    if isinstance(err, stripe.AuthenticationError | stripe.PermissionError):
        return StripeAuthError(f"Stripe refused the credentials or permission: {detail}")
    if isinstance(err, stripe.IdempotencyError):
        return StripeInvalidRequest(f"Stripe refused a reused idempotency key: {detail}")
    if isinstance(err, stripe.InvalidRequestError):
        if err.code == "resource_missing" or err.http_status == 404:
            return NotFound(f"Stripe has no such object: {detail}")
        return StripeInvalidRequest(f"Stripe rejected the request: {detail}")
    if isinstance(err, stripe.APIConnectionError):
        return StripeUnavailable("Stripe could not be reached.", changed=unknown)
    if isinstance(err, stripe.APIError):
        return StripeUnavailable(f"Stripe failed to answer: {detail}", changed=unknown)
    return StripeFailure(f"Stripe error: {detail}", changed=unknown)


def _detail(err: stripe.StripeError) -> str:
    message = err.user_message or (err.error.message if err.error else None) or str(err)
    return str(message).strip() or type(err).__name__
