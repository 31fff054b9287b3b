"""Specification of the Stripe form decoder: the tree must be the one Stripe's server builds."""

import pytest

from .stripe_form import FormDecodeError, decode_form, split_key


def test_plain_pairs_decode_to_strings() -> None:
    assert decode_form("amount=2000&currency=usd") == {"amount": "2000", "currency": "usd"}


def test_leaves_stay_strings_even_when_they_look_numeric_or_boolean() -> None:
    assert decode_form("limit=10&active=true") == {"limit": "10", "active": "true"}


def test_bracketed_keys_nest_objects() -> None:
    assert decode_form("metadata[order_id]=42&created[gte]=1700000000") == {
        "metadata": {"order_id": "42"},
        "created": {"gte": "1700000000"},
    }


def test_empty_brackets_append_to_a_list() -> None:
    assert decode_form("expand[]=a&expand[]=b") == {"expand": ["a", "b"]}


def test_indexed_keys_stay_digit_keyed_objects_for_the_schema_to_read_as_arrays() -> None:
    assert decode_form("items[0][price]=p&items[0][quantity]=2&items[1][price]=q") == {
        "items": {"0": {"price": "p", "quantity": "2"}, "1": {"price": "q"}}
    }


def test_empty_brackets_with_subkeys_fill_one_object_until_a_key_repeats() -> None:
    assert decode_form("items[][price]=p&items[][quantity]=2&items[][price]=q") == {
        "items": [{"price": "p", "quantity": "2"}, {"price": "q"}]
    }


def test_percent_escapes_and_plus_are_decoded() -> None:
    raw = "query=email%3A%27jane%40example.com%27&description=two+words&expand%5B%5D=x"
    assert decode_form(raw) == {
        "query": "email:'jane@example.com'",
        "description": "two words",
        "expand": ["x"],
    }


def test_empty_values_are_kept_because_stripe_uses_them_to_unset() -> None:
    assert decode_form("metadata=&description=") == {"metadata": "", "description": ""}


def test_a_repeated_plain_key_keeps_the_last_value() -> None:
    assert decode_form("limit=1&limit=5") == {"limit": "5"}


def test_empty_input_is_an_empty_tree() -> None:
    assert decode_form("") == {}


def test_a_key_sent_both_as_value_and_as_nested_is_rejected() -> None:
    with pytest.raises(FormDecodeError, match="both as a value and as nested"):
        decode_form("address=&address[city]=Paris")


@pytest.mark.parametrize("key", ["[x]=1", "a[b=1", "a[b]c=1"])
def test_malformed_bracket_keys_are_rejected(key: str) -> None:
    with pytest.raises(FormDecodeError, match="malformed parameter name"):
        decode_form(key)


def test_split_key_names_each_level() -> None:
    assert split_key("items[0][price_data][recurring][interval]") == [
        "items",
        "0",
        "price_data",
        "recurring",
        "interval",
    ]
    assert split_key("expand[]") == ["expand", ""]
