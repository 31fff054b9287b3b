"""Products and subscriptions: list (paged), read, create."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from api.rest_models import CreateProductBody, ObjectId, Page, ProductsQuery, SubscriptionsQuery
from api.routes.stripe_common import CallDep, IdempotencyKey, run_skill, write
from skills import create_subscription
from skills.create_subscription import CreateSubscriptionArgs, CreateSubscriptionResult
from skills.resolve import resolve_customer
from skills.stripe_models import Product, Subscription

router = APIRouter(tags=["stripe: catalog"])


@router.get("/products", response_model=Page[Product])
def get_products(query: Annotated[ProductsQuery, Query()], call: CallDep) -> Page[Product]:
    found, has_more = call.service("read", "list products").list_products(
        limit=query.limit, starting_after=query.starting_after
    )
    return Page[Product].of(found, has_more)


@router.get("/products/{product_id}", response_model=Product)
def get_product(product_id: Annotated[ObjectId, Path()], call: CallDep) -> Product:
    return call.service("read", "read products").get_product(product_id)


@router.post("/products", status_code=201, response_model=Product)
def post_product(
    body: CreateProductBody, call: CallDep, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    """Create a product. An Idempotency-Key is optional; with one, a retry replays."""
    service = call.service("write", "create products")
    params = body.model_dump(exclude_none=True)
    return write(
        call,
        route="POST /products",
        risk="write",
        what="create products",
        body=body,
        key=idempotency_key,
        work=lambda action: service.create_product(params, action_id=action),
    )


@router.get("/subscriptions", response_model=Page[Subscription])
def get_subscriptions(
    query: Annotated[SubscriptionsQuery, Query()], call: CallDep
) -> Page[Subscription]:
    """Subscriptions, optionally of one customer (a cus_ id, an email or a name)."""
    service = call.service("read", "list subscriptions")
    customer = query.customer
    if customer and not customer.startswith("cus_"):
        customer = resolve_customer(service, customer).id
    found, has_more = service.list_subscriptions(
        limit=query.limit, customer=customer, starting_after=query.starting_after
    )
    return Page[Subscription].of(found, has_more)


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=CreateSubscriptionResult,
    responses={409: {"description": "The Idempotency-Key was used for another request."}},
)
def post_subscription(
    body: CreateSubscriptionArgs, call: CallDep, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    """Subscribe a customer to a price (create_subscription). Requires an Idempotency-Key."""
    skill = create_subscription.SKILL
    return write(
        call,
        route="POST /subscriptions",
        risk=skill.risk,
        what="create subscriptions",
        body=body,
        key=idempotency_key,
        work=lambda action: run_skill(call, skill, body, action),
    )
