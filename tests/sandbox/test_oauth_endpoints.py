"""The sandbox answers Stripe Connect OAuth as connect.stripe.com does: authorize redirects back
with a single-use code, the code and refresh tokens turn into tokens for a connected account,
deauthorize revokes them; and the grants decide who may act on that account through `/v1`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import stripe

from sandbox.process import loopback_client
from sandbox.runner import RunningSandbox

CLIENT_ID = "ca_sandbox"
REDIRECT_URI = "http://127.0.0.1:8000/api/auth/stripe/callback"


class Connect:
    """The sandbox's Connect, driven as a platform and its account owner would."""

    def __init__(self, running: RunningSandbox, http: httpx.Client) -> None:
        self.running = running
        self.http = http

    def authorize(self, **params: str) -> httpx.Response:
        query = {
            "response_type": "code",
            "client_id": CLIENT_ID,
            "scope": "read_write",
            "state": "st-123",
            "redirect_uri": REDIRECT_URI,
            **params,
        }
        return self.http.get("/oauth/authorize", params={k: v for k, v in query.items() if v})

    def code(self, scope: str = "read_write") -> str:
        back = self.authorize(scope=scope)
        assert back.status_code == 302, back.text
        return parse_qs(urlparse(back.headers["location"]).query)["code"][0]

    def token(self, auth: Any = "platform", **form: str) -> httpx.Response:
        secret = (self.running.api_key, "") if auth == "platform" else auth
        return self.http.post("/oauth/token", data=form, auth=secret)

    def connect(self, scope: str = "read_write") -> dict[str, Any]:
        done = self.token(grant_type="authorization_code", code=self.code(scope))
        assert done.status_code == 200, done.text
        body: dict[str, Any] = done.json()
        return body

    def deauthorize(self, account: str, client_id: str = CLIENT_ID) -> httpx.Response:
        form = {"client_id": client_id, "stripe_user_id": account}
        return self.http.post("/oauth/deauthorize", data=form, auth=(self.running.api_key, ""))

    def v1(self, method: str, path: str, key: str, **options: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}", **options.pop("headers", {})}
        return self.http.request(method, path, headers=headers, **options)


@pytest.fixture
def connect(empty_sandbox: RunningSandbox) -> Iterator[Connect]:
    with loopback_client(base_url=empty_sandbox.url, timeout=30.0) as http:
        yield Connect(empty_sandbox, http)


def oauth_error(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error", "error_description"}, body
    assert body["error_description"]
    return str(body["error"])


# -- authorize -------------------------------------------------------------------------------


def test_authorize_redirects_back_with_a_code_the_scope_and_the_state(connect: Connect) -> None:
    back = connect.authorize(scope="read_only")
    assert back.status_code == 302
    location = urlparse(back.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT_URI
    query = parse_qs(location.query)
    assert query["state"] == ["st-123"]
    assert query["scope"] == ["read_only"]
    assert query["code"][0].startswith("ac_")


def test_a_denied_authorization_redirects_back_with_access_denied(connect: Connect) -> None:
    back = connect.authorize(deny="1")
    assert back.status_code == 302
    query = parse_qs(urlparse(back.headers["location"]).query)
    assert query["error"] == ["access_denied"]
    assert query["state"] == ["st-123"]
    assert "code" not in query


def test_a_redirect_uri_with_a_query_keeps_it(connect: Connect) -> None:
    back = connect.authorize(redirect_uri="http://127.0.0.1:9/cb?app=1")
    query = parse_qs(urlparse(back.headers["location"]).query)
    assert query["app"] == ["1"]
    assert query["code"]


@pytest.mark.parametrize(
    ("missing", "error"),
    [
        ({"client_id": ""}, "invalid_request"),
        ({"response_type": ""}, "invalid_request"),
        ({"redirect_uri": ""}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "admin"}, "invalid_scope"),
        ({"client_id": "not-a-client"}, "invalid_client"),
    ],
)
def test_a_malformed_authorize_is_an_oauth_400(
    connect: Connect, missing: dict[str, str], error: str
) -> None:
    refused = connect.authorize(**missing)
    assert refused.status_code == 400
    assert oauth_error(refused) == error


# -- token -----------------------------------------------------------------------------------


def test_a_code_exchanges_for_tokens_of_a_new_connected_account(connect: Connect) -> None:
    body = connect.connect(scope="read_only")
    assert body["stripe_user_id"].startswith("acct_")
    assert body["access_token"].startswith("sk_test_")
    assert body["refresh_token"].startswith("rt_")
    assert body["stripe_publishable_key"].startswith("pk_test_")
    assert body["scope"] == "read_only"
    assert body["livemode"] is False
    assert body["token_type"] == "bearer"
    assert connect.connect()["stripe_user_id"] != body["stripe_user_id"]


def test_the_stripe_sdk_exchanges_a_code(connect: Connect, empty_sandbox: RunningSandbox) -> None:
    client = stripe.StripeClient(
        empty_sandbox.api_key, base_addresses={"connect": empty_sandbox.url}, max_network_retries=0
    )
    grant = client.oauth.token({"grant_type": "authorization_code", "code": connect.code()})
    assert grant["stripe_user_id"].startswith("acct_")
    with pytest.raises(stripe.oauth_error.InvalidGrantError):
        client.oauth.token({"grant_type": "authorization_code", "code": "ac_unknown"})


@pytest.mark.parametrize("how", ["bearer", "basic", "client_secret"])
def test_the_platform_secret_may_come_in_any_form_stripe_takes(
    connect: Connect, empty_sandbox: RunningSandbox, how: str
) -> None:
    key = empty_sandbox.api_key
    form = {"grant_type": "authorization_code", "code": connect.code()}
    if how == "bearer":
        sent = connect.http.post(
            "/oauth/token", data=form, headers={"Authorization": f"Bearer {key}"}
        )
    elif how == "basic":
        sent = connect.http.post("/oauth/token", data=form, auth=(key, ""))
    else:
        sent = connect.http.post("/oauth/token", data={**form, "client_secret": key})
    assert sent.status_code == 200, sent.text


@pytest.mark.parametrize("auth", [None, ("sk_test_NotTheSandboxKey000000000", "")])
def test_a_missing_or_wrong_secret_is_invalid_client(connect: Connect, auth: Any) -> None:
    refused = connect.token(auth=auth, grant_type="authorization_code", code=connect.code())
    assert refused.status_code == 401
    assert oauth_error(refused) == "invalid_client"


def test_an_unknown_code_is_invalid_grant(connect: Connect) -> None:
    refused = connect.token(grant_type="authorization_code", code="ac_NeverIssued0000000000")
    assert refused.status_code == 400
    assert oauth_error(refused) == "invalid_grant"


def test_a_code_works_once_and_its_replay_revokes_what_it_issued(connect: Connect) -> None:
    code = connect.code()
    first = connect.token(grant_type="authorization_code", code=code)
    assert first.status_code == 200
    again = connect.token(grant_type="authorization_code", code=code)
    assert again.status_code == 400
    assert oauth_error(again) == "invalid_grant"
    assert connect.v1("GET", "/v1/account", first.json()["access_token"]).status_code == 401


def test_an_unsupported_grant_type_is_refused(connect: Connect) -> None:
    refused = connect.token(grant_type="client_credentials")
    assert refused.status_code == 400
    assert oauth_error(refused) == "unsupported_grant_type"


# -- refresh ---------------------------------------------------------------------------------


def test_refresh_issues_a_new_access_token_for_the_same_account(connect: Connect) -> None:
    grant = connect.connect(scope="read_write")
    fresh = connect.token(grant_type="refresh_token", refresh_token=grant["refresh_token"])
    assert fresh.status_code == 200, fresh.text
    body = fresh.json()
    assert body["stripe_user_id"] == grant["stripe_user_id"]
    assert body["refresh_token"] == grant["refresh_token"]
    assert body["access_token"] != grant["access_token"]
    assert body["scope"] == "read_write"
    account = connect.v1("GET", "/v1/account", body["access_token"]).json()
    assert account["id"] == grant["stripe_user_id"]


def test_refresh_may_narrow_the_scope_but_never_widen_it(connect: Connect) -> None:
    wide = connect.connect(scope="read_write")
    narrow = connect.token(
        grant_type="refresh_token", refresh_token=wide["refresh_token"], scope="read_only"
    )
    assert narrow.json()["scope"] == "read_only"
    write = connect.v1("POST", "/v1/customers", narrow.json()["access_token"], data={"name": "N"})
    assert write.status_code == 403
    read_only = connect.connect(scope="read_only")
    widened = connect.token(
        grant_type="refresh_token", refresh_token=read_only["refresh_token"], scope="read_write"
    )
    assert widened.status_code == 400
    assert oauth_error(widened) == "invalid_scope"


def test_an_unknown_refresh_token_is_invalid_grant(connect: Connect) -> None:
    refused = connect.token(grant_type="refresh_token", refresh_token="rt_NeverIssued00000000")
    assert refused.status_code == 400
    assert oauth_error(refused) == "invalid_grant"


# -- deauthorize -----------------------------------------------------------------------------


def test_deauthorize_revokes_the_account_s_tokens(connect: Connect) -> None:
    grant = connect.connect()
    account = grant["stripe_user_id"]
    done = connect.deauthorize(account)
    assert done.status_code == 200
    assert done.json() == {"stripe_user_id": account}
    assert connect.v1("GET", "/v1/account", grant["access_token"]).status_code == 401
    refreshed = connect.token(grant_type="refresh_token", refresh_token=grant["refresh_token"])
    assert oauth_error(refreshed) == "invalid_grant"
    platform = connect.v1(
        "GET", "/v1/account", connect.running.api_key, headers={"Stripe-Account": account}
    )
    assert platform.status_code == 403
    assert platform.json()["error"]["code"] == "account_invalid"
    again = connect.deauthorize(account)
    assert again.status_code == 401
    assert oauth_error(again) == "invalid_client"


def test_only_the_application_an_account_connected_to_may_deauthorize_it(
    connect: Connect,
) -> None:
    account = connect.connect()["stripe_user_id"]
    refused = connect.deauthorize(account, client_id="ca_SomeOtherPlatform")
    assert refused.status_code == 401
    assert oauth_error(refused) == "invalid_client"
    assert connect.deauthorize(account).status_code == 200


def test_deauthorize_needs_the_account(connect: Connect) -> None:
    refused = connect.deauthorize("")
    assert refused.status_code == 400
    assert oauth_error(refused) == "invalid_request"


# -- /v1 access ------------------------------------------------------------------------------


def test_an_access_token_is_an_api_key_for_its_account(
    connect: Connect, empty_sandbox: RunningSandbox
) -> None:
    grant = connect.connect(scope="read_write")
    empty_sandbox.clear_journal()
    answer = connect.v1("GET", "/v1/account", grant["access_token"])
    assert answer.status_code == 200
    assert answer.json()["id"] == grant["stripe_user_id"]
    created = connect.v1("POST", "/v1/customers", grant["access_token"], data={"name": "Conn"})
    assert created.status_code == 200
    accounts = {e["stripe_account"] for e in empty_sandbox.journal()}
    assert accounts == {grant["stripe_user_id"]}


def test_an_access_token_reaches_no_other_account(connect: Connect) -> None:
    grant = connect.connect()
    other = connect.connect()["stripe_user_id"]
    refused = connect.v1(
        "GET", "/v1/account", grant["access_token"], headers={"Stripe-Account": other}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "account_invalid"


def test_a_read_only_connection_may_read_but_not_write(
    connect: Connect, empty_sandbox: RunningSandbox
) -> None:
    grant = connect.connect(scope="read_only")
    account = grant["stripe_user_id"]
    platform_key = {"headers": {"Stripe-Account": account}}
    assert connect.v1("GET", "/v1/customers", grant["access_token"]).status_code == 200
    assert (
        connect.v1("GET", "/v1/customers", empty_sandbox.api_key, **platform_key).status_code == 200
    )
    by_token = connect.v1("POST", "/v1/customers", grant["access_token"], data={"name": "R"})
    by_platform = connect.v1(
        "POST", "/v1/customers", empty_sandbox.api_key, data={"name": "R"}, **platform_key
    )
    assert (by_token.status_code, by_platform.status_code) == (403, 403)
    assert "read_only" in by_token.json()["error"]["message"]
    listed = connect.v1("GET", "/v1/customers", empty_sandbox.api_key).json()
    assert listed["data"] == []


def test_an_account_never_connected_here_stays_open_to_the_platform_key(
    connect: Connect, empty_sandbox: RunningSandbox
) -> None:
    created = connect.v1(
        "POST",
        "/v1/customers",
        empty_sandbox.api_key,
        data={"name": "Open"},
        headers={"Stripe-Account": "acct_NotConnectedHere0"},
    )
    assert created.status_code == 200
