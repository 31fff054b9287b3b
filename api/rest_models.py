"""Request and response shapes of the REST API under /api/stripe.

Where a skill exists its args model IS the request model (create_payment, refund_payment,
create_subscription, create_customer, list_payments' filters), so the REST shape and its
validation come from the one definition. The models here only add what REST needs beside them:
cursors, pages, and the operations no skill covers (update a customer, products).
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, Field, model_validator

from skills.base import SkillArgs
from skills.create_customer import CreateCustomerArgs
from skills.fields import CustomerRef, Email, Limit
from skills.list_payments import ListPaymentsArgs

Cursor = Annotated[
    str,
    Field(
        min_length=1,
        max_length=255,
        pattern=r"^[A-Za-z0-9_]+$",
        description="id of the last object of the previous page (its next_cursor)",
    ),
]
ObjectId = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9_\-]+$")]
CustomerId = Annotated[
    str, Field(max_length=255, pattern=r"^cus_[A-Za-z0-9_]+$", description="cus_ id")
]


T = TypeVar("T", bound=BaseModel)


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` as `starting_after` to get the next one."""

    data: list[T]
    has_more: bool
    next_cursor: str | None = None

    @classmethod
    def of(cls, data: list[T], has_more: bool) -> Page[T]:
        last = data[-1] if data else None
        cursor = str(getattr(last, "id")) if has_more and last else None  # noqa: B009  (a view)
        return cls(data=data, has_more=has_more, next_cursor=cursor)


class PaymentsQuery(ListPaymentsArgs):
    """list_payments' own filters, plus a cursor."""

    starting_after: Cursor | None = None


class CustomersQuery(SkillArgs):
    limit: Limit = 10
    starting_after: Cursor | None = None
    email: Email | None = None


class ProductsQuery(SkillArgs):
    limit: Limit = 10
    starting_after: Cursor | None = None


class SubscriptionsQuery(SkillArgs):
    customer: CustomerRef | None = None
    limit: Limit = 10
    starting_after: Cursor | None = None


class UpdateCustomerBody(CreateCustomerArgs):
    """create_customer's fields, each optional here; at least one must be given."""

    @model_validator(mode="after")
    def _needs_email_or_name(self) -> UpdateCustomerBody:
        if not self.model_dump(exclude_none=True):
            raise ValueError("give at least one of name, email, phone, description")
        return self


class CreateProductBody(SkillArgs):
    name: str = Field(min_length=1, max_length=250)
    description: str | None = Field(default=None, min_length=1, max_length=500)
    active: bool | None = None


class StripeHealth(BaseModel):
    ok: bool
    mode: str
    latency_ms: float
    error: str | None = None
