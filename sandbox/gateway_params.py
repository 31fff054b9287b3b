"""Which parameters real Stripe takes on each write, and which of them localstripe takes.

A parameter Stripe does not know is refused as Stripe refuses it (`parameter_unknown`), so a
typo in the service fails here too. One localstripe lacks is kept aside: it is not forwarded
(localstripe would answer 400 "Unexpected ..."), and the gateway merges it back into every later
answer for that object. A few that only make sense with real money movement or Connect are
refused with a clear "the sandbox does not support" message rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.gateway_errors import unknown_parameter, unsupported
from sandbox.gateway_forms import words as _set


@dataclass(frozen=True)
class ParamRule:
    stripe: frozenset[str]
    local: frozenset[str]
    refused: frozenset[str] = frozenset()


PAYMENT_INTENT_CREATE = ParamRule(
    stripe=_set(
        "amount application_fee_amount automatic_payment_methods capture_method confirm "
        "confirmation_method confirmation_token currency customer description "
        "error_on_requires_action expand mandate mandate_data metadata off_session on_behalf_of "
        "payment_method payment_method_configuration payment_method_data payment_method_options "
        "payment_method_types radar_options receipt_email return_url setup_future_usage shipping "
        "statement_descriptor statement_descriptor_suffix transfer_data transfer_group "
        "use_stripe_sdk"
    ),
    local=_set(
        "amount currency customer payment_method metadata capture_method payment_method_options "
        "confirm off_session"
    ),
    refused=_set(
        "application_fee_amount on_behalf_of transfer_data mandate mandate_data "
        "payment_method_data confirmation_token"
    ),
)

PAYMENT_INTENT_UPDATE = ParamRule(
    stripe=_set(
        "amount application_fee_amount capture_method currency customer description expand "
        "metadata payment_method payment_method_data payment_method_options payment_method_types "
        "receipt_email setup_future_usage shipping statement_descriptor "
        "statement_descriptor_suffix transfer_data transfer_group"
    ),
    local=_set("amount currency customer payment_method metadata capture_method"),
    refused=_set("application_fee_amount payment_method_data payment_method_options transfer_data"),
)

CUSTOMER_CREATE = ParamRule(
    stripe=_set(
        "address balance cash_balance coupon description email expand invoice_prefix "
        "invoice_settings metadata name next_invoice_sequence payment_method phone "
        "preferred_locales promotion_code shipping source tax tax_exempt tax_id_data test_clock"
    ),
    local=_set(
        "address balance description email invoice_settings metadata name payment_method phone "
        "preferred_locales source tax_id_data"
    ),
    refused=_set("coupon promotion_code test_clock cash_balance"),
)

CUSTOMER_UPDATE = ParamRule(
    stripe=_set(
        "address balance bank_account card cash_balance coupon default_alipay_account "
        "default_bank_account default_card default_source description email expand "
        "invoice_prefix invoice_settings metadata name next_invoice_sequence phone "
        "preferred_locales promotion_code shipping source tax tax_exempt"
    ),
    local=_set(
        "address description email invoice_settings metadata name phone preferred_locales shipping"
    ),
    refused=_set(
        "bank_account card cash_balance coupon default_alipay_account default_bank_account "
        "default_card default_source promotion_code source"
    ),
)

PRODUCT_CREATE = ParamRule(
    stripe=_set(
        "active default_price_data description expand features id images metadata name "
        "package_dimensions shippable statement_descriptor tax_code unit_label url"
    ),
    local=_set("active description id metadata name shippable statement_descriptor url"),
    refused=_set("default_price_data"),
)

PRODUCT_UPDATE = ParamRule(
    stripe=_set(
        "active default_price description expand features images metadata name "
        "package_dimensions shippable statement_descriptor tax_code unit_label url"
    ),
    local=_set("active description metadata name shippable statement_descriptor url"),
    refused=_set("default_price"),
)

REFUND_CREATE = ParamRule(
    stripe=_set(
        "amount charge currency customer expand instructions_email metadata origin "
        "payment_intent reason refund_application_fee reverse_transfer"
    ),
    local=_set("amount charge payment_intent metadata"),
    refused=_set("currency customer origin"),
)

SUBSCRIPTION_CREATE = ParamRule(
    stripe=_set(
        "add_invoice_items application_fee_percent automatic_tax backdate_start_date "
        "billing_cycle_anchor billing_thresholds cancel_at cancel_at_period_end "
        "collection_method coupon currency customer days_until_due default_payment_method "
        "default_source default_tax_rates description expand items metadata off_session "
        "on_behalf_of payment_behavior payment_settings pending_invoice_item_interval "
        "promotion_code proration_behavior transfer_data trial_end trial_from_plan "
        "trial_period_days trial_settings"
    ),
    local=_set(
        "backdate_start_date billing_cycle_anchor customer default_tax_rates items metadata "
        "proration_behavior trial_end trial_from_plan trial_period_days"
    ),
    refused=_set(
        "add_invoice_items application_fee_percent billing_thresholds coupon on_behalf_of "
        "promotion_code transfer_data"
    ),
)

NOT_ECHOED = _set(
    "error_on_requires_action return_url use_stripe_sdk off_session radar_options "
    "instructions_email refund_application_fee reverse_transfer payment_behavior "
    "payment_method_configuration"
)
FREE_TEXT = _set(
    "description statement_descriptor statement_descriptor_suffix receipt_email nickname "
    "invoice_prefix"
)
INTEGERS = _set("days_until_due cancel_at next_invoice_sequence balance")


def split(rule: ParamRule, params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what to forward to localstripe, what to keep aside); raises on unknown or refused."""
    forward: dict[str, Any] = {}
    aside: dict[str, Any] = {}
    for key, value in params.items():
        if key not in rule.stripe:
            raise unknown_parameter(key)
        if key in rule.refused:
            raise unsupported(f"the `{key}` parameter", param=key)
        if key == "expand":
            continue
        if key in rule.local:
            forward[key] = value
        else:
            aside[key] = value
    return forward, aside


def echoed(aside: dict[str, Any]) -> dict[str, Any]:
    """The kept-aside parameters as the object's fields, typed as Stripe answers them."""
    return {k: _typed(k, v) for k, v in aside.items() if k not in NOT_ECHOED}


def _typed(key: str, value: Any) -> Any:
    if key in FREE_TEXT:
        return value if value != "" else None
    if key in INTEGERS and isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    if isinstance(value, dict):
        return {k: _typed(k, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(key, v) for v in value]
    if value in ("true", "false"):
        return value == "true"
    return value if value != "" else None
