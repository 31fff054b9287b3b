"""Specification of the Stripe contract validator, with synthetic wire requests.

The requests below are the ones the service is expected to send, encoded as the
official SDK encodes them (indexed arrays, `[` `]` left literal, booleans as
"true"/"false"). Each must pass; each kind of mistake must be named precisely.
"""

import pytest

from .stripe_contract import ContractViolation, StripeContract


@pytest.fixture(scope="module")
def contract() -> StripeContract:
    return StripeContract.load()


def problems(contract: StripeContract, method: str, path: str, raw: str = "") -> list[str]:
    return [violation.problem for violation in contract.check(method, path, raw)]


VALID_REQUESTS = [
    ("GET", "/v1/balance", ""),
    (
        "GET",
        "/v1/payment_intents",
        "limit=10&starting_after=pi_1&customer=cus_1"
        "&created[gte]=1700000000&created[lte]=1700086400&expand[0]=data.customer",
    ),
    ("GET", "/v1/payment_intents", "expand[]=data.customer&expand[]=data.latest_charge"),
    ("GET", "/v1/payment_intents", "created=1700000000"),
    ("GET", "/v1/payment_intents/pi_123", ""),
    ("GET", "/v1/payment_intents/pi_123", "expand[0]=latest_charge"),
    ("GET", "/v1/charges/ch_123", ""),
    (
        "POST",
        "/v1/payment_intents",
        "amount=2000&currency=usd&customer=cus_1&description=Order+%2342&confirm=true"
        "&payment_method=pm_card_visa&metadata[order_id]=42&metadata[any+key]=any+value",
    ),
    ("POST", "/v1/refunds", "payment_intent=pi_1&amount=500&reason=requested_by_customer"),
    ("POST", "/v1/refunds", "charge=ch_1&reason=duplicate&metadata[ticket]=T-9"),
    ("GET", "/v1/refunds", "payment_intent=pi_1"),
    ("GET", "/v1/customers", "email=jane%40example.com&limit=3"),
    ("GET", "/v1/customers/search", "query=email%3A%27jane%40example.com%27"),
    ("GET", "/v1/customers/cus_123", ""),
    ("POST", "/v1/customers", "email=jane%40example.com&name=Jane+Doe&phone=%2B15555550100"),
    ("POST", "/v1/customers", "description=VIP&metadata[source]=agent"),
    ("POST", "/v1/customers/cus_123", "name=Jane+Roe&address=&metadata="),
    ("POST", "/v1/customers/cus_123", "address[city]=Paris&address[country]=FR"),
    ("GET", "/v1/prices", "lookup_keys[0]=pro_monthly&lookup_keys[1]=pro_yearly&active=true"),
    ("GET", "/v1/prices", "lookup_keys[]=pro_monthly&limit=1"),
    ("GET", "/v1/prices/price_123", ""),
    (
        "POST",
        "/v1/subscriptions",
        "customer=cus_1&items[0][price]=price_1&items[0][quantity]=2"
        "&trial_period_days=14&expand[0]=latest_invoice.payment_intent",
    ),
    ("POST", "/v1/subscriptions", "customer=cus_1&items[0][price]=p&trial_end=now"),
    ("GET", "/v1/subscriptions", "customer=cus_1&status=active&limit=10"),
    ("GET", "/v1/account", ""),
    ("GET", "/v1/products", "active=true&limit=100"),
    ("POST", "/v1/products", "name=Pro+plan&description=Monthly&metadata[tier]=pro"),
    ("POST", "/v1/subscriptions/sub_123", "cancel_at_period_end=true"),
    ("DELETE", "/v1/subscriptions/sub_123", "invoice_now=true&prorate=false"),
]


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    VALID_REQUESTS,
    ids=[f"{m} {p} {r[:40]}" for m, p, r in VALID_REQUESTS],
)
def test_requests_the_service_sends_satisfy_the_contract(
    contract: StripeContract, method: str, path: str, raw: str
) -> None:
    assert contract.check(method, path, raw) == []


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("POST", "/v1/refunds", "PostRefunds"),
        ("GET", "/v1/customers/cus_123", "GetCustomersCustomer"),
        ("get", "/v1/customers/search", "GetCustomersSearch"),
        ("GET", "/v1/subscriptions/sub_1", "GetSubscriptionsSubscriptionExposedId"),
        ("GET", "/v1/prices?lookup_keys[]=a", "GetPrices"),
    ],
)
def test_operation_id_resolves_path_templates_preferring_literal_segments(
    contract: StripeContract, method: str, path: str, operation: str
) -> None:
    assert contract.operation_id(method, path) == operation


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/nope"),
        ("POST", "/v1/account"),
        ("GET", "/_sandbox/journal"),
        ("GET", "/v1/customers/"),
    ],
)
def test_operation_id_is_none_outside_the_spec(
    contract: StripeContract, method: str, path: str
) -> None:
    assert contract.operation_id(method, path) is None


def test_load_parses_the_spec_once(contract: StripeContract) -> None:
    assert StripeContract.load() is contract


def test_contract_is_stripe_api_2023_08_16(contract: StripeContract) -> None:
    assert contract.version == "2023-08-16"


def test_violation_names_method_and_path(contract: StripeContract) -> None:
    assert contract.check("post", "/v1/refunds", "charge=ch_1&foo=1") == [
        ContractViolation(method="POST", path="/v1/refunds", problem="unknown parameter 'foo'")
    ]


def test_unknown_endpoint(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/payment_links") == [
        "unknown endpoint GET /v1/payment_links (not in Stripe API 2023-08-16)"
    ]


def test_sandbox_control_paths_are_unknown_endpoints(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/_config/failures") == [
        "unknown endpoint POST /_config/failures (not in Stripe API 2023-08-16)"
    ]


def test_account_is_read_only_in_this_api_version(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/account", "business_profile[name]=x") == [
        "unknown endpoint POST /v1/account (/v1/account allows GET)"
    ]


def test_empty_path_parameter_is_reported(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/customers/") == [
        "missing path parameter 'customer' of /v1/customers/{customer}"
    ]


def test_unknown_top_level_parameter(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/refunds", "payment_intent=pi_1&note=x") == [
        "unknown parameter 'note'"
    ]


def test_unknown_query_parameter_on_a_get(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/balance", "limit=3") == ["unknown parameter 'limit'"]


def test_subscription_items_no_longer_accept_plan(contract: StripeContract) -> None:
    raw = "customer=cus_1&items[0][plan]=plan_1&items[0][quantity]=1"
    assert problems(contract, "POST", "/v1/subscriptions", raw) == [
        "unknown parameter 'items[0][plan]'"
    ]


def test_unknown_parameter_deep_inside_an_object(contract: StripeContract) -> None:
    raw = "address[city]=Paris&address[zip]=75001"
    assert problems(contract, "POST", "/v1/customers/cus_1", raw) == [
        "unknown parameter 'address[zip]'"
    ]


def test_metadata_accepts_any_key_but_only_string_values(contract: StripeContract) -> None:
    raw = "amount=1&currency=usd&metadata[whatever]=1&metadata[deep][er]=x"
    assert problems(contract, "POST", "/v1/payment_intents", raw) == [
        "'metadata[deep]' must be a string, got nested parameters"
    ]


def test_wrong_integer(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/payment_intents", "amount=abc&currency=usd") == [
        "'amount' must be an integer, got 'abc'"
    ]


def test_decimal_amounts_are_not_integers(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/refunds", "charge=ch_1&amount=12.50") == [
        "'amount' must be an integer, got '12.50'"
    ]


def test_wrong_integer_inside_a_deep_object_query(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/payment_intents", "created[gte]=yesterday") == [
        "'created[gte]' must be an integer, got 'yesterday'"
    ]


def test_wrong_integer_inside_an_array_item(contract: StripeContract) -> None:
    raw = "customer=cus_1&items[0][price]=p&items[0][quantity]=two"
    assert problems(contract, "POST", "/v1/subscriptions", raw) == [
        "'items[0][quantity]' must be an integer, got 'two'"
    ]


def test_wrong_boolean(contract: StripeContract) -> None:
    raw = "amount=100&currency=usd&confirm=True"
    assert problems(contract, "POST", "/v1/payment_intents", raw) == [
        "'confirm' must be a boolean ('true' or 'false'), got 'True'"
    ]


def test_bad_enum_for_refund_reason(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/refunds", "charge=ch_1&reason=changed_mind") == [
        "'reason' must be one of 'duplicate', 'fraudulent', 'requested_by_customer', "
        "got 'changed_mind'"
    ]


def test_value_matching_no_alternative_lists_them_all(contract: StripeContract) -> None:
    raw = "customer=cus_1&trial_end=soon"
    assert problems(contract, "POST", "/v1/subscriptions", raw) == [
        "'trial_end' must be 'now' or an integer (unix time), got 'soon'"
    ]


def test_empty_string_unsets_only_where_the_spec_allows_it(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/payment_intents", "amount=1&currency=usd&metadata=") == [
        "'metadata' must be an object, got ''"
    ]


def test_a_string_where_an_object_or_unset_is_expected(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/customers/cus_1", "address=Paris") == [
        "'address' must be an object or '' (empty, to unset), got 'Paris'"
    ]


def test_scalar_where_an_array_is_expected(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/prices", "lookup_keys=pro_monthly") == [
        "'lookup_keys' must be an array, got 'pro_monthly'"
    ]


def test_string_longer_than_max_length(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/refunds", "payment_intent=" + "x" * 5001) == [
        "'payment_intent' is longer than 5000 characters (5001)"
    ]


def test_missing_required_currency(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/payment_intents", "amount=2000") == [
        "missing required parameter 'currency'"
    ]


def test_missing_required_query_parameter(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/customers/search", "limit=5") == [
        "missing required parameter 'query'"
    ]


def test_missing_required_nested_parameter(contract: StripeContract) -> None:
    raw = "customer=cus_1&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_1"
    assert problems(contract, "POST", "/v1/subscriptions", raw) == [
        "missing required parameter 'items[0][price_data][recurring]'"
    ]


def test_conflicting_encoding_is_reported(contract: StripeContract) -> None:
    assert problems(contract, "POST", "/v1/customers/cus_1", "address=&address[city]=Paris") == [
        "parameter 'address[city]' is sent both as a value and as nested parameters"
    ]


def test_query_string_in_the_path_is_checked_too(contract: StripeContract) -> None:
    assert problems(contract, "GET", "/v1/customers?limit=ten") == [
        "'limit' must be an integer, got 'ten'"
    ]
