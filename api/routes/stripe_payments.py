"""Payments and refunds: list (the list_payments filters, paged), read, create, refund.

Creating and refunding run the create_payment and refund_payment skills from bodies that are
those skills' args models, so validation, limits and reference resolution are the agent's own.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from api.rest_models import Page, PaymentsQuery
from api.routes.stripe_common import CallDep, IdempotencyKey, run_skill, write
from skills import create_payment, list_payments, refund_payment
from skills.create_payment import CreatePaymentArgs, CreatePaymentResult
from skills.fields import PaymentId
from skills.refund_payment import RefundPaymentArgs, RefundPaymentResult
from skills.stripe_models import Payment

router = APIRouter(tags=["stripe: payments"])


@router.get("/payments", response_model=Page[Payment])
def get_payments(query: Annotated[PaymentsQuery, Query()], call: CallDep) -> Page[Payment]:
    """Payments newest first. Status, amount and currency filter while scanning, so one page
    may read several Stripe pages; `next_cursor` resumes after the last payment shown."""
    skill = list_payments.SKILL
    service = call.service(skill.risk, "list payments")
    ctx = call.context(service)
    filters = query.model_dump(mode="json", exclude_none=True, exclude={"starting_after"})
    args = skill.plan(ctx, filters).args
    result = list_payments.collect(ctx, args, query.starting_after)
    return Page[Payment].of(result.payments, result.has_more)


@router.get("/payments/{payment_id}", response_model=Payment)
def get_payment(payment_id: Annotated[PaymentId, Path()], call: CallDep) -> Payment:
    """One payment by its `pi_` (PaymentIntent) or `ch_` (Charge) id."""
    return call.service("read", "read payments").get_payment(payment_id)


@router.post(
    "/payments",
    status_code=201,
    response_model=CreatePaymentResult,
    responses={409: {"description": "The Idempotency-Key was used for another request."}},
)
def post_payment(
    body: CreatePaymentArgs, call: CallDep, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    """Charge an amount (create_payment). Requires an Idempotency-Key; a retry with the same
    key and body replays the first answer without charging again."""
    skill = create_payment.SKILL
    return write(
        call,
        route="POST /payments",
        risk=skill.risk,
        what="create payments",
        body=body,
        key=idempotency_key,
        work=lambda action: run_skill(call, skill, body, action),
    )


@router.post(
    "/refunds",
    status_code=201,
    response_model=RefundPaymentResult,
    responses={409: {"description": "The Idempotency-Key was used for another request."}},
)
def post_refund(
    body: RefundPaymentArgs, call: CallDep, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    """Refund a payment, whole (no amount) or in part (refund_payment). More than what remains
    refundable is refused before anything reaches Stripe. Requires an Idempotency-Key."""
    skill = refund_payment.SKILL
    return write(
        call,
        route="POST /refunds",
        risk=skill.risk,
        what="refund payments",
        body=body,
        key=idempotency_key,
        work=lambda action: run_skill(call, skill, body, action),
    )
