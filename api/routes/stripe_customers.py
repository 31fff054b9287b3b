"""Customers: list (by email, paged), read, create (the create_customer skill), update."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from api.rest_models import CustomerId, CustomersQuery, Page, UpdateCustomerBody
from api.routes.stripe_common import CallDep, IdempotencyKey, run_skill, write
from skills import create_customer
from skills.create_customer import CreateCustomerArgs, CreateCustomerResult
from skills.stripe_models import Customer

router = APIRouter(tags=["stripe: customers"])


@router.get("/customers", response_model=Page[Customer])
def get_customers(query: Annotated[CustomersQuery, Query()], call: CallDep) -> Page[Customer]:
    """Customers newest first, optionally only those with an email (case-insensitive)."""
    found, has_more = call.service("read", "list customers").list_customers(
        limit=query.limit, starting_after=query.starting_after, email=query.email
    )
    return Page[Customer].of(found, has_more)


@router.get("/customers/{customer_id}", response_model=Customer)
def get_customer(customer_id: Annotated[CustomerId, Path()], call: CallDep) -> Customer:
    return call.service("read", "read customers").get_customer(customer_id)


@router.post("/customers", status_code=201, response_model=CreateCustomerResult)
def post_customer(
    body: CreateCustomerArgs, call: CallDep, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    """Create a customer (create_customer). An Idempotency-Key is optional; with one, a retry
    replays the first answer instead of creating a second customer."""
    skill = create_customer.SKILL
    return write(
        call,
        route="POST /customers",
        risk=skill.risk,
        what="create customers",
        body=body,
        key=idempotency_key,
        work=lambda action: run_skill(call, skill, body, action),
    )


@router.put("/customers/{customer_id}", response_model=Customer)
def put_customer(
    customer_id: Annotated[CustomerId, Path()], body: UpdateCustomerBody, call: CallDep
) -> Customer:
    """Change a customer's name, email, phone or description; fields left out stay as they are."""
    service = call.service("write", "update customers")
    return service.update_customer(customer_id, body.model_dump(exclude_none=True))
