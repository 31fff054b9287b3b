"""StripeService: the only code that talks to Stripe.

Built on `stripe.StripeClient` (never the global `stripe.api_key`), one client per connected
account, reused. Every write carries an idempotency key derived from the caller's action id, so
a retried confirmation can never move money twice. Lists stream page by page with a hard cap.
Results come back as the typed views of `skills.stripe_models`; errors as `skills.errors`.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any, TypeVar

import stripe
from pydantic import BaseModel, SecretStr

from skills.errors import InvalidArguments, StripeInvalidRequest
from skills.settings import StripeSettings
from skills.stripe_errors import translate
from skills.stripe_models import (
    Account,
    Balance,
    Customer,
    Payment,
    Price,
    Product,
    Refund,
    Subscription,
)
from skills.stripe_timing import stripe_call

log = logging.getLogger(__name__)
T = TypeVar("T")
PAGE_SIZE = 100


class WriteOp(StrEnum):
    """The writes this service makes; each names the idempotency key of its request, so the
    audit log (which records the key) and the request derive it from one name."""

    CREATE_CUSTOMER = "create_customer"
    UPDATE_CUSTOMER = "update_customer"
    CREATE_PAYMENT = "create_payment"
    REFUND_PAYMENT = "refund_payment"
    CREATE_SUBSCRIPTION = "create_subscription"
    CREATE_PRODUCT = "create_product"


def idempotency_key(action_id: str | None, operation: str) -> str:
    """Derive a stable key from an action id (same action, same key), else a random one."""
    if not action_id:
        return f"atom-{uuid.uuid4().hex}"
    digest = hashlib.sha256(f"{action_id}:{operation}".encode()).hexdigest()[:32]
    return f"atom-{digest}"


class StripeService:
    """Typed operations on one Stripe account."""

    def __init__(self, settings: StripeSettings, *, account: str | None = None) -> None:
        if settings.api_key is None:
            raise InvalidArguments("No Stripe API key configured (set STRIPE_API_KEY).")
        self.settings = settings
        self.account = account if account is not None else settings.account
        self._client = _new_client(settings, self.account)
        self._children: dict[str, StripeService] = {}
        self._lock = threading.Lock()

    def for_account(self, account: str | None) -> StripeService:
        """The service acting on a connected account; one client per account, reused."""
        if not account or account == self.account:
            return self
        with self._lock:
            if account not in self._children:
                self._children[account] = StripeService(self.settings, account=account)
            return self._children[account]

    # -- calling ------------------------------------------------------------------------------

    def _call(self, fn: Callable[[], Any], *, writing: bool = False) -> Any:
        try:
            with stripe_call():
                return fn()
        except stripe.StripeError as err:
            raise translate(err, writing=writing) from err

    def _stream(
        self,
        list_page: Callable[..., Any],
        params: dict[str, Any],
        cap: int,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[dict[str, Any]]:
        """Yield objects page by page (`page_size` per request, at most 100) until exhausted or
        `cap` reached."""
        params = {**params, "limit": max(1, min(page_size, PAGE_SIZE, cap))}
        seen = 0
        while True:
            page = self._call(functools.partial(list_page, params))
            data = page.data
            for obj in data:
                yield obj.to_dict()
                seen += 1
                if seen >= cap:
                    return
            if not page.has_more or not data:
                return
            params = {**params, "starting_after": data[-1].id}

    # -- reads ----------------------------------------------------------------------------------

    def get_balance(self) -> Balance:
        return Balance.from_stripe(self._call(lambda: self._client.v1.balance.retrieve()).to_dict())

    def get_account(self) -> Account:
        obj = self._call(lambda: self._client.v1.accounts.retrieve_current())
        return Account.from_stripe(obj.to_dict())

    def get_customer(self, customer_id: str) -> Customer:
        obj = self._call(lambda: self._client.v1.customers.retrieve(customer_id))
        data = obj.to_dict()
        if data.get("deleted"):
            raise translate(_missing("customer", customer_id), writing=False)
        return Customer.from_stripe(data)

    def default_payment_method(self, customer_id: str) -> str | None:
        obj = self._call(lambda: self._client.v1.customers.retrieve(customer_id)).to_dict()
        pm = (obj.get("invoice_settings") or {}).get("default_payment_method")
        return pm if isinstance(pm, str) or pm is None else pm.get("id")

    def customers_by_email(self, email: str, *, cap: int = 100) -> list[Customer]:
        rows = self._stream(self._client.v1.customers.list, {"email": email}, cap)
        return [Customer.from_stripe(o) for o in rows]

    def search_customers(self, query: str, *, limit: int = 100) -> list[Customer]:
        page = self._call(
            lambda: self._client.v1.customers.search({"query": query, "limit": limit})
        )
        return [Customer.from_stripe(o.to_dict()) for o in page.data]

    def list_customers(
        self, *, limit: int = 10, starting_after: str | None = None, email: str | None = None
    ) -> tuple[list[Customer], bool]:
        params: dict[str, Any] = {"limit": limit}
        if starting_after:
            params["starting_after"] = starting_after
        if email:
            params["email"] = email
        page = self._call(lambda: self._client.v1.customers.list(params))  # type: ignore[arg-type]
        return [Customer.from_stripe(o.to_dict()) for o in page.data], bool(page.has_more)

    def get_payment(self, payment_id: str) -> Payment:
        """A `pi_` PaymentIntent (with its latest charge) or a `ch_` Charge."""
        if payment_id.startswith("ch_"):
            obj = self._call(lambda: self._client.v1.charges.retrieve(payment_id))
            return Payment.from_charge(obj.to_dict())
        obj = self._call(
            lambda: self._client.v1.payment_intents.retrieve(
                payment_id, {"expand": ["latest_charge"]}
            )
        )
        return Payment.from_payment_intent(obj.to_dict())

    def stream_payments(
        self,
        *,
        customer: str | None = None,
        created_gte: int | None = None,
        created_lte: int | None = None,
        starting_after: str | None = None,
        cap: int = 10_000,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[Payment]:
        """PaymentIntents newest first (after `starting_after`, a cursor), one request per
        page, memory flat in their number. A caller that needs only a few asks for small pages."""
        params: dict[str, Any] = {"expand": ["data.latest_charge"]}
        if starting_after:
            params["starting_after"] = starting_after
        if customer:
            params["customer"] = customer
        created = {k: v for k, v in (("gte", created_gte), ("lte", created_lte)) if v is not None}
        if created:
            params["created"] = created
        pages = self._client.v1.payment_intents.list
        for obj in self._stream(pages, params, cap, page_size):
            yield Payment.from_payment_intent(obj)

    def get_price(self, price_id: str) -> Price:
        return Price.from_stripe(
            self._call(lambda: self._client.v1.prices.retrieve(price_id)).to_dict()
        )

    def price_by_lookup_key(self, lookup_key: str) -> Price | None:
        page = self._call(
            lambda: self._client.v1.prices.list({"lookup_keys": [lookup_key], "limit": 1})
        )
        return Price.from_stripe(page.data[0].to_dict()) if page.data else None

    def get_product(self, product_id: str) -> Product:
        obj = self._call(lambda: self._client.v1.products.retrieve(product_id))
        return Product.from_stripe(obj.to_dict())

    def list_products(
        self, *, limit: int = 10, starting_after: str | None = None
    ) -> tuple[list[Product], bool]:
        params: dict[str, Any] = {"limit": limit}
        if starting_after:
            params["starting_after"] = starting_after
        page = self._call(lambda: self._client.v1.products.list(params))  # type: ignore[arg-type]
        return [Product.from_stripe(o.to_dict()) for o in page.data], bool(page.has_more)

    def list_subscriptions(
        self, *, limit: int = 10, customer: str | None = None, starting_after: str | None = None
    ) -> tuple[list[Subscription], bool]:
        params: dict[str, Any] = {"limit": limit}
        if customer:
            params["customer"] = customer
        if starting_after:
            params["starting_after"] = starting_after
        page = self._call(lambda: self._client.v1.subscriptions.list(params))  # type: ignore[arg-type]
        return [Subscription.from_stripe(o.to_dict()) for o in page.data], bool(page.has_more)

    # -- writes ---------------------------------------------------------------------------------

    def _write(
        self,
        fn: Callable[..., Any],
        params: dict[str, Any],
        action_id: str | None,
        operation: WriteOp,
    ) -> dict[str, Any]:
        key = idempotency_key(action_id, operation)
        log.info("stripe write", extra={"operation": operation, "idempotency_key": key})
        options: Any = {"idempotency_key": key}
        return self._call(lambda: fn(params, options), writing=True).to_dict()  # type: ignore[no-any-return]

    def create_customer(self, params: dict[str, Any], *, action_id: str | None = None) -> Customer:
        obj = self._write(
            self._client.v1.customers.create, params, action_id, WriteOp.CREATE_CUSTOMER
        )
        return Customer.from_stripe(obj)

    def update_customer(
        self, customer_id: str, params: dict[str, Any], *, action_id: str | None = None
    ) -> Customer:
        def update(p: dict[str, Any], o: Any) -> Any:
            return self._client.v1.customers.update(customer_id, p, o)  # type: ignore[arg-type]

        return Customer.from_stripe(self._write(update, params, action_id, WriteOp.UPDATE_CUSTOMER))

    def create_payment_intent(
        self, params: dict[str, Any], *, action_id: str | None = None
    ) -> Payment:
        params = {**params, "expand": ["latest_charge"]}
        obj = self._write(
            self._client.v1.payment_intents.create, params, action_id, WriteOp.CREATE_PAYMENT
        )
        return Payment.from_payment_intent(obj)

    def create_refund(self, params: dict[str, Any], *, action_id: str | None = None) -> Refund:
        obj = self._write(self._client.v1.refunds.create, params, action_id, WriteOp.REFUND_PAYMENT)
        return Refund.from_stripe(obj)

    def create_subscription(
        self, params: dict[str, Any], *, action_id: str | None = None
    ) -> Subscription:
        params = {**params, "expand": ["latest_invoice"]}
        obj = self._write(
            self._client.v1.subscriptions.create, params, action_id, WriteOp.CREATE_SUBSCRIPTION
        )
        return Subscription.from_stripe(obj)

    def create_product(self, params: dict[str, Any], *, action_id: str | None = None) -> Product:
        obj = self._write(
            self._client.v1.products.create, params, action_id, WriteOp.CREATE_PRODUCT
        )
        return Product.from_stripe(obj)

    # -- Connect OAuth (this service's key is the platform's secret key) --------------------------

    def oauth_token(self, code: str) -> OAuthGrant:
        """Exchange an authorization code from the Connect redirect for the account's tokens."""
        return self._oauth_grant({"grant_type": "authorization_code", "code": code})

    def oauth_refresh(self, refresh_token: str) -> OAuthGrant:
        """A fresh access token for a connected account, from its refresh token."""
        return self._oauth_grant({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def oauth_deauthorize(self, account: str, *, client_id: str) -> str:
        """Revoke the platform's access to `account`; returns the disconnected account id."""
        params: Any = {"client_id": client_id, "stripe_user_id": account}
        obj = self._oauth_call(lambda: self._oauth_client.oauth.deauthorize(params))
        return str(obj.to_dict().get("stripe_user_id") or account)

    def _oauth_grant(self, params: Any) -> OAuthGrant:
        obj = self._oauth_call(lambda: self._oauth_client.oauth.token(params))
        return OAuthGrant.model_validate(obj.to_dict())

    @functools.cached_property
    def _oauth_client(self) -> stripe.StripeClient:
        return _new_oauth_client(self.settings)

    def _oauth_call(self, fn: Callable[[], Any]) -> Any:
        """OAuth refusals (bad or used code, revoked grant) say what Stripe Connect answered."""
        try:
            return fn()
        except stripe.oauth_error.OAuthError as err:
            detail = f"{err.code}: {err.user_message or 'refused'}"
            raise StripeInvalidRequest(
                f"Stripe Connect refused the OAuth request ({detail})."
            ) from err
        except stripe.StripeError as err:
            raise translate(err, writing=False) from err

    # -- webhooks -------------------------------------------------------------------------------

    @staticmethod
    def construct_event(
        payload: bytes | str, header: str | None, secret: str, tolerance: int | None = 300
    ) -> dict[str, Any]:
        """Verify a webhook's `Stripe-Signature` (HMAC, any `v1`, timestamp within `tolerance`
        seconds) with the SDK and return the event; a bad signature or body is InvalidArguments."""
        if not header:
            raise InvalidArguments("The request has no Stripe-Signature header.")
        try:
            event = stripe.Webhook.construct_event(payload, header, secret, tolerance or 0)
        except stripe.SignatureVerificationError as err:
            raise InvalidArguments(f"Webhook signature verification failed: {err}") from None
        except ValueError:
            raise InvalidArguments("The webhook body is not valid JSON.") from None
        except (TypeError, AttributeError, KeyError):
            raise InvalidArguments("The webhook body is not a Stripe event.") from None
        data = event.to_dict()
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise InvalidArguments("The webhook body is not a Stripe event (no id).")
        return data


class OAuthGrant(BaseModel):
    """What Stripe Connect's `/oauth/token` returns; tokens stay SecretStr so they never print."""

    stripe_user_id: str
    scope: str = "read_only"
    livemode: bool = False
    token_type: str = "bearer"
    access_token: SecretStr
    refresh_token: SecretStr | None = None
    stripe_publishable_key: str | None = None


def _new_oauth_client(settings: StripeSettings) -> stripe.StripeClient:
    assert settings.api_key is not None
    return stripe.StripeClient(
        settings.api_key.get_secret_value(),
        base_addresses={"connect": settings.connect_base.rstrip("/")},
        max_network_retries=settings.max_retries,
        http_client=stripe.RequestsClient(timeout=settings.request_timeout),
    )


def _new_client(settings: StripeSettings, account: str | None) -> stripe.StripeClient:
    assert settings.api_key is not None
    base = {"api": settings.api_base} if settings.api_base else None
    return stripe.StripeClient(
        settings.api_key.get_secret_value(),
        stripe_account=account,
        stripe_version=settings.api_version,
        base_addresses=base,  # type: ignore[arg-type]
        max_network_retries=settings.max_retries,
        http_client=stripe.RequestsClient(timeout=settings.request_timeout),
    )


def _missing(kind: str, obj_id: str) -> stripe.InvalidRequestError:
    return stripe.InvalidRequestError(
        f"No such {kind}: '{obj_id}'", "id", code="resource_missing", http_status=404
    )
