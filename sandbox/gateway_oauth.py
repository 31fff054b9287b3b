"""Stripe Connect's OAuth server (connect.stripe.com) for the sandbox, and who a key acts for.

`GET /oauth/authorize` stands for the page where an account owner clicks Connect: the sandbox
owner always approves (or, with `deny=1`, always declines) and is sent straight back to the
`redirect_uri`. A new connected account is made for each approval. `POST /oauth/token` and
`POST /oauth/deauthorize` answer as Stripe does, authenticated with the platform's secret key
(the sandbox's own key: Bearer as the stripe SDK sends it, Basic as curl's `-u`, or
`client_secret`). Errors are in Stripe's OAuth shape `{"error", "error_description"}` with the
codes the SDK maps to its OAuthError classes.

The grants also decide `/v1` access, as in Stripe: an access token is an API key for its account;
the platform key plus `Stripe-Account` reaches a connected account within the scope it granted;
once revoked, neither reaches it. Accounts never connected here stay open to any `Stripe-Account`
(all accounts share one dataset). OAuth calls are not `/v1` traffic, so not journaled; grants
outlive `/_sandbox/reset` (a connection is not test data).
"""

from __future__ import annotations

import base64
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlparse

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from sandbox import gateway_admin as admin
from sandbox.gateway_errors import stripe_error

SCOPES = ("read_only", "read_write")
ALNUM = string.ascii_letters + string.digits


def _token(prefix: str, n: int = 24) -> str:
    return prefix + "".join(secrets.choice(ALNUM) for _ in range(n))


class OAuthError(Exception):
    """A refusal in Stripe's OAuth shape; `error` is one of the codes the SDK knows."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description

    def response(self) -> JSONResponse:
        body = {"error": self.error, "error_description": self.description}
        return JSONResponse(body, self.status)


@dataclass
class Grant:
    """One owner's approval: made at authorize, exchanged for tokens once, revocable."""

    client_id: str
    account: str
    scope: str
    refresh_token: str = field(default_factory=lambda: _token("rt_"))
    exchanged: bool = False
    revoked: bool = False

    @property
    def active(self) -> bool:
        return self.exchanged and not self.revoked


@dataclass
class AccessToken:
    grant: Grant
    scope: str


@dataclass
class ConnectBook:
    """Every code, grant and token the sandbox's Connect has handed out."""

    codes: dict[str, Grant] = field(default_factory=dict)
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)

    def approve(self, client_id: str, scope: str) -> str:
        code = _token("ac_")
        self.codes[code] = Grant(client_id, _token("acct_", 16), scope)
        return code

    def exchange(self, code: str) -> tuple[Grant, str]:
        grant = self.codes.get(code)
        if grant is None:
            raise OAuthError(400, "invalid_grant", f"Authorization code does not exist: {code}")
        if grant.exchanged:
            grant.revoked = True  # as Stripe does: a replayed code may have been stolen
            raise OAuthError(
                400,
                "invalid_grant",
                "This authorization code has already been used. All tokens issued with this "
                "code have been revoked.",
            )
        grant.exchanged = True
        return grant, self._issue(grant, grant.scope)

    def refresh(self, refresh_token: str, scope: str | None) -> tuple[Grant, str, str]:
        grant = next(
            (g for g in self.codes.values() if g.refresh_token == refresh_token and g.active),
            None,
        )
        if grant is None:
            raise OAuthError(
                400, "invalid_grant", f"Refresh token does not exist: {_masked(refresh_token)}"
            )
        wanted = scope or grant.scope
        if wanted not in SCOPES or (wanted == "read_write" and grant.scope == "read_only"):
            raise OAuthError(
                400,
                "invalid_scope",
                f"Invalid scope {wanted!r}: a refresh may keep or narrow the grant's "
                f"{grant.scope!r} scope, never widen it.",
            )
        return grant, self._issue(grant, wanted), wanted

    def revoke(self, client_id: str, account: str) -> bool:
        connection = (client_id, account)
        mine = [g for g in self.codes.values() if (g.client_id, g.account) == connection]
        mine = [g for g in mine if g.active]
        for grant in mine:
            grant.revoked = True
        return bool(mine)

    def token(self, key: str) -> AccessToken | None:
        found = self.access_tokens.get(key)
        return found if found is not None and found.grant.active else None

    def scope_of(self, account: str) -> str | None:
        """The widest live scope of an account connected here; "" if all were revoked; None if
        it never connected here."""
        grants = [g for g in self.codes.values() if g.account == account and g.exchanged]
        if not grants:
            return None
        live = {g.scope for g in grants if g.active}
        return "read_write" if "read_write" in live else "read_only" if live else ""

    def _issue(self, grant: Grant, scope: str) -> str:
        access = _token("sk_test_", 32)
        self.access_tokens[access] = AccessToken(grant, scope)
        return access


def book_of(request: Request) -> ConnectBook:
    book: ConnectBook = request.app.state.connect
    return book


# -- the OAuth endpoints ---------------------------------------------------------------------


async def authorize(request: Request) -> Response:
    """The owner's consent page, reduced to its outcome: a redirect with a code (or a refusal)."""
    q = request.query_params
    try:
        _require(q, "response_type", "client_id")
        if q["response_type"] != "code":
            raise OAuthError(
                400, "unsupported_response_type", f"Unsupported response_type: {q['response_type']}"
            )
        if not q["client_id"].startswith("ca_"):
            raise OAuthError(400, "invalid_client", f"No such application: {q['client_id']}")
        scope = q.get("scope") or "read_only"
        if scope not in SCOPES:
            raise OAuthError(400, "invalid_scope", f"Invalid scope: {scope}")
        redirect = _redirect_uri(q.get("redirect_uri"))
    except OAuthError as err:
        return err.response()
    if q.get("deny") in ("1", "true"):
        back = {"error": "access_denied", "error_description": "The user denied your request"}
    else:
        back = {"scope": scope, "code": book_of(request).approve(q["client_id"], scope)}
    if q.get("state"):
        back["state"] = q["state"]
    joiner = "&" if urlparse(redirect).query else "?"
    return RedirectResponse(f"{redirect}{joiner}{urlencode(back)}", status_code=302)


def _redirect_uri(value: str | None) -> str:
    if not value:
        raise OAuthError(
            400,
            "invalid_request",
            "No redirect_uri provided, and the sandbox has no registered default.",
        )
    parts = urlparse(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OAuthError(400, "invalid_request", f"Invalid redirect_uri: {value}")
    return value


async def token(request: Request) -> Response:
    form = await _form(request)
    book = book_of(request)
    try:
        _check_secret(request, form)
        kind = form.get("grant_type")
        if kind == "authorization_code":
            _require(form, "code")
            grant, access = book.exchange(form["code"])
            scope = grant.scope
        elif kind == "refresh_token":
            _require(form, "refresh_token")
            grant, access, scope = book.refresh(form["refresh_token"], form.get("scope"))
        else:
            raise OAuthError(400, "unsupported_grant_type", f"Unsupported grant_type: {kind}")
    except OAuthError as err:
        return err.response()
    return JSONResponse(
        {
            "access_token": access,
            "livemode": False,
            "refresh_token": grant.refresh_token,
            "scope": scope,
            "stripe_publishable_key": _token("pk_test_", 32),
            "stripe_user_id": grant.account,
            "token_type": "bearer",
        }
    )


async def deauthorize(request: Request) -> Response:
    form = await _form(request)
    try:
        _check_secret(request, form)
        _require(form, "client_id", "stripe_user_id")
        client_id, account = form["client_id"], form["stripe_user_id"]
        if not book_of(request).revoke(client_id, account):
            raise OAuthError(
                401,
                "invalid_client",
                f"This application ({client_id}) is not connected to stripe account "
                f"{account}, or that account does not exist.",
            )
    except OAuthError as err:
        return err.response()
    return JSONResponse({"stripe_user_id": account})


async def _form(request: Request) -> dict[str, str]:
    return dict(parse_qsl((await request.body()).decode()))


def _require(params: Mapping[str, str], *names: str) -> None:
    for name in names:
        if not params.get(name):
            raise OAuthError(400, "invalid_request", f"No {name} provided.")


def _check_secret(request: Request, form: dict[str, str]) -> None:
    key = presented_key(request.headers.get("authorization")) or form.get("client_secret", "")
    if not key:
        raise OAuthError(
            401,
            "invalid_client",
            "No client secret provided: send the platform's secret key as a Bearer token, "
            "with HTTP Basic, or as client_secret.",
        )
    expected = request.app.state.gateway.api_key
    if not (key == expected if expected else key.startswith("sk_")):
        raise OAuthError(401, "invalid_client", f"Invalid client secret: {_masked(key)}")


# -- who a /v1 key acts for ------------------------------------------------------------------


def acting_account(
    request: Request, api_key: str | None, method: str, account: str | None
) -> str | None:
    """Authenticate a `/v1` request and return the account it acts on (None: the platform).

    An access token acts on its own account with its own scope; the platform key reaches a
    connected account within the scope the account granted. Refusals are Stripe's 401/403."""
    book = book_of(request)
    header = request.headers.get("authorization")
    key = presented_key(header)
    access = book.token(key)
    if access is None:
        admin.authenticate(header, api_key)
        scope = book.scope_of(account) if account else None
    elif account not in (None, access.grant.account):
        scope = ""
    else:
        account, scope = access.grant.account, access.scope
    if scope == "":
        raise stripe_error(
            403,
            f"The provided key '{_masked(key)}' does not have access to account '{account}' "
            "(or that account does not exist). Application access may have been revoked.",
            code="account_invalid",
        )
    if scope == "read_only" and method != "GET":
        raise stripe_error(
            403,
            f"The provided key '{_masked(key)}' does not have the required permissions for "
            f"this endpoint on account '{account}': the connection's scope is read_only.",
        )
    return account


def presented_key(header: str | None) -> str:
    """The key in an Authorization header, Bearer or Basic (`key:` as curl -u sends it)."""
    scheme, _, value = (header or "").partition(" ")
    if scheme.lower() != "basic":
        return value.strip()
    try:
        return base64.b64decode(value.strip()).decode().split(":")[0]
    except ValueError:
        return ""


def _masked(key: str) -> str:
    return f"{key[:8]}{'*' * 8}{key[-4:]}" if len(key) > 12 else "****"
