"""Stripe Connect OAuth: start the flow, finish it, refresh, disconnect, and say which account
(and which risks) a connected caller acts with.

The authorize `state` is the CSRF guard: random, bound to the caller, single-use, expiring,
stored hashed. The code is exchanged through the SDK with the platform's secret key; tokens are
stored encrypted. Connected callers act through the platform key plus `Stripe-Account` (how
Stripe recommends using Connect), so the access token is only kept, never sent on each call.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlencode

from pydantic import BaseModel
from sqlalchemy import Engine, update
from sqlmodel import Session, col

from agent.runner import CallerAccess
from api.oauth_settings import OAuthSettings
from api.oauth_tables import OAuthStateRow, StripeConnectionRow, aware, utcnow
from api.token_crypto import TokenCipher
from skills.errors import StripeInvalidRequest
from skills.settings import StripeSettings
from skills.stripe_service import OAuthGrant, StripeService

log = logging.getLogger(__name__)

Scope = Literal["read_only", "read_write"]
RISKS: dict[str, frozenset[str]] = {
    "read_only": frozenset({"read"}),
    "read_write": frozenset({"read", "write", "money"}),
}
RESTART = "Start again at GET /api/auth/stripe/authorize."


class ConnectError(Exception):
    """A refusal of the OAuth flow, with its HTTP status and a stable `code`."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class AuthorizeStart(BaseModel):
    url: str
    state: str
    expires_at: datetime


class ConnectionStatus(BaseModel):
    """What a caller may see about its connection: never a token."""

    connected: bool
    account: str | None = None
    scope: str | None = None
    mode: Literal["live", "test"] | None = None
    connected_at: datetime | None = None
    refreshed_at: datetime | None = None


class OAuthService:
    def __init__(
        self,
        *,
        engine: Engine,
        settings: OAuthSettings,
        stripe_settings: StripeSettings,
        platform_stripe: StripeService,
        sandbox: bool,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.stripe_settings = stripe_settings
        self.platform_stripe = platform_stripe
        self.sandbox = sandbox
        self.clock = clock
        self._cipher: TokenCipher | None = None
        if settings.configured and not sandbox:
            self._cipher = self._new_cipher()  # fail at start-up, not at the first connect
        self._oauth_stripe: StripeService | None = None

    # -- the flow -------------------------------------------------------------------------------

    def authorize(self, caller: str, scope: Scope) -> AuthorizeStart:
        self._require_configured()
        if not self.sandbox and not self.settings.redirect_is_https():
            raise ConnectError(
                400,
                "insecure_redirect_uri",
                "STRIPE_REDIRECT_URI must be an https:// URL outside sandbox mode: the "
                "authorization code travels in it. The flow was not started.",
            )
        state = secrets.token_urlsafe(32)
        now = self.clock()
        expires = now + timedelta(seconds=self.settings.state_ttl_seconds)
        with Session(self.engine) as s:
            s.add(
                OAuthStateRow(
                    state_hash=_hash(state),
                    caller=caller,
                    scope=scope,
                    created_at=now,
                    expires_at=expires,
                )
            )
            s.commit()
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.settings.client_id,
                "scope": scope,
                "state": state,
                "redirect_uri": self.settings.redirect_uri,
            }
        )
        base = self.stripe_settings.connect_base.rstrip("/")
        return AuthorizeStart(
            url=f"{base}/oauth/authorize?{query}", state=state, expires_at=expires
        )

    def complete(
        self, caller: str, *, code: str | None, state: str | None, error: str | None = None
    ) -> ConnectionStatus:
        """Check the state (and use it up), then exchange the code and store the tokens."""
        self._require_configured()
        self._claim_state(caller, state)
        if error:
            raise ConnectError(
                400,
                "authorization_denied",
                f"Stripe did not authorize the connection ({error}). {RESTART}",
            )
        if not code:
            raise ConnectError(400, "missing_code", f"The callback carries no code. {RESTART}")
        grant = self._oauth().oauth_token(code)
        row = self._store(caller, grant)
        log.info(
            "stripe account connected",
            extra={"caller": caller, "account": row.account_id, "scope": row.scope},
        )
        return _status(row)

    def status(self, caller: str) -> ConnectionStatus:
        row = self._connection(caller)
        return _status(row) if row else ConnectionStatus(connected=False)

    def refresh(self, caller: str) -> ConnectionStatus:
        self._require_configured()
        row = self._require_connection(caller)
        if not row.refresh_token_enc:
            raise ConnectError(400, "no_refresh_token", "This connection has no refresh token.")
        grant = self._oauth().oauth_refresh(self.cipher.decrypt(row.refresh_token_enc))
        row = self._store(caller, grant, keep=row)
        log.info("stripe tokens refreshed", extra={"caller": caller, "account": row.account_id})
        return _status(row)

    def disconnect(self, caller: str) -> dict[str, object]:
        """Revoke at Stripe, then forget; an account Stripe says is already gone is forgotten."""
        self._require_configured()
        row = self._require_connection(caller)
        revoked = True
        try:
            self._oauth().oauth_deauthorize(row.account_id, client_id=str(self.settings.client_id))
        except StripeInvalidRequest as err:
            revoked = False
            log.warning(
                "deauthorize refused; forgetting the connection anyway",
                extra={"caller": caller, "account": row.account_id, "reason": err.message},
            )
        with Session(self.engine) as s:
            gone = s.get(StripeConnectionRow, caller)
            if gone is not None:
                s.delete(gone)
                s.commit()
        log.info("stripe account disconnected", extra={"caller": caller, "account": row.account_id})
        return {"disconnected": True, "account": row.account_id, "revoked_at_stripe": revoked}

    def access_for(self, caller: str) -> CallerAccess | None:
        """The access resolver: a connected caller acts on its account with its scope's risks."""
        row = self._connection(caller)
        if row is None:
            return None
        risks = RISKS.get(row.scope, RISKS["read_only"])
        return CallerAccess(
            stripe=self.platform_stripe.for_account(row.account_id), allowed_risks=risks
        )

    # -- parts ----------------------------------------------------------------------------------

    @property
    def cipher(self) -> TokenCipher:
        if self._cipher is None:
            self._cipher = self._new_cipher()
        return self._cipher

    def _new_cipher(self) -> TokenCipher:
        keys = self.settings.encryption_keys
        spec = keys.get_secret_value() if keys else None
        return TokenCipher.from_setting(spec, sandbox=self.sandbox)

    def _oauth(self) -> StripeService:
        """A service whose key is the platform's secret key (STRIPE_CLIENT_SECRET)."""
        if self._oauth_stripe is None:
            key = self.settings.client_secret or self.stripe_settings.api_key
            update_ = {"api_key": key, "account": None}
            self._oauth_stripe = StripeService(self.stripe_settings.model_copy(update=update_))
        return self._oauth_stripe

    def _require_configured(self) -> None:
        if not self.settings.configured:
            missing = ", ".join(self.settings.missing())
            raise ConnectError(
                400,
                "oauth_not_configured",
                f"Stripe Connect OAuth is not configured: set {missing}.",
            )

    def _claim_state(self, caller: str, state: str | None) -> None:
        if not state:
            raise ConnectError(400, "missing_state", f"The callback carries no state. {RESTART}")
        digest = _hash(state)
        with Session(self.engine) as s:
            row = s.get(OAuthStateRow, digest)
            if row is None:
                raise ConnectError(
                    400, "unknown_state", f"The state is unknown or was altered. {RESTART}"
                )
            if row.caller != caller:
                raise ConnectError(
                    400, "foreign_state", f"The state was issued to another caller. {RESTART}"
                )
            if row.used_at is not None:
                raise ConnectError(400, "state_used", f"The state was already used. {RESTART}")
            now = self.clock()
            if aware(row.expires_at) <= now:
                raise ConnectError(400, "state_expired", f"The state has expired. {RESTART}")
            claimed = s.exec(  # type: ignore[call-overload]
                update(OAuthStateRow)
                .where(col(OAuthStateRow.state_hash) == digest)
                .where(col(OAuthStateRow.used_at).is_(None))
                .values(used_at=now)
            )
            s.commit()
            if claimed.rowcount != 1:
                raise ConnectError(400, "state_used", f"The state was already used. {RESTART}")

    def _store(
        self, caller: str, grant: OAuthGrant, keep: StripeConnectionRow | None = None
    ) -> StripeConnectionRow:
        refresh = grant.refresh_token.get_secret_value() if grant.refresh_token else None
        now = self.clock()
        row = StripeConnectionRow(
            caller=caller,
            account_id=grant.stripe_user_id,
            scope=grant.scope if grant.scope in RISKS else "read_only",
            livemode=grant.livemode,
            access_token_enc=self.cipher.encrypt(grant.access_token.get_secret_value()),
            refresh_token_enc=self.cipher.encrypt(refresh)
            if refresh
            else (keep.refresh_token_enc if keep else None),
            publishable_key=grant.stripe_publishable_key,
            connected_at=aware(keep.connected_at) if keep else now,
            refreshed_at=now if keep else None,
        )
        with Session(self.engine) as s:
            s.merge(row)
            s.commit()
        return row

    def _connection(self, caller: str) -> StripeConnectionRow | None:
        with Session(self.engine) as s:
            return s.get(StripeConnectionRow, caller)

    def _require_connection(self, caller: str) -> StripeConnectionRow:
        row = self._connection(caller)
        if row is None:
            raise ConnectError(404, "not_connected", "No Stripe account is connected.")
        return row


def _hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def _status(row: StripeConnectionRow) -> ConnectionStatus:
    return ConnectionStatus(
        connected=True,
        account=row.account_id,
        scope=row.scope,
        mode="live" if row.livemode else "test",
        connected_at=aware(row.connected_at),
        refreshed_at=aware(row.refreshed_at) if row.refreshed_at else None,
    )
