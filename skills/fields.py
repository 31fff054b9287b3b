"""Argument types shared by the skills' args models, so each rule is written once.

The JSON schema an LLM sees is generated from these annotations; descriptions stay short
because every word here is paid for in prompt tokens on every LLM turn.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from skills.money import is_known_currency

_PRICE = re.compile(r"^(price_[A-Za-z0-9]+|[a-z0-9][a-z0-9_.-]{0,199})$")


def _currency(value: str) -> str:
    code = value.strip().lower()
    if not is_known_currency(code):
        raise ValueError(f"unknown currency '{value}' (use an ISO code such as usd, eur, jpy)")
    return code


def _payment(value: str) -> str:
    if not value.startswith(("pi_", "ch_")) or len(value) < 5:
        raise ValueError(f"'{value}' is not a payment id (expected pi_… or ch_…)")
    return value


def _customer(value: str) -> str:
    if not value.strip():
        raise ValueError("customer reference is empty")
    return value.strip()


def _price(value: str) -> str:
    if not _PRICE.match(value):
        raise ValueError(f"'{value}' is not a price id (price_…) or lookup key (e.g. pro_monthly)")
    return value


def _email(value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError(f"'{value}' is not an email address")
    return value.lower()


Amount = Annotated[int, Field(gt=0, description="minor units, e.g. $12.50 -> 1250, ¥500 -> 500")]
Currency = Annotated[str, AfterValidator(_currency), Field(description="ISO code, e.g. usd")]
Limit = Annotated[int, Field(ge=1, le=100)]
CustomerRef = Annotated[
    str,
    AfterValidator(_customer),
    Field(max_length=200, description="cus_ id, email or name"),
]
PaymentId = Annotated[str, AfterValidator(_payment), Field(description="pi_ or ch_ id")]
PriceRef = Annotated[str, AfterValidator(_price), Field(description="price_ id or lookup key")]
Email = Annotated[str, AfterValidator(_email), Field(max_length=200)]
