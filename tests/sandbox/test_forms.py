"""Stripe's form encoding, read and written by the gateway."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sandbox.gateway_forms import encode, flatten, parse_pairs, unflatten


def test_brackets_nest_and_indexes_make_lists() -> None:
    raw = "a[b][c]=1&items[0][price]=p1&items[1][price]=p2&expand[]=x&expand[]=y&n="
    assert unflatten(parse_pairs(raw)) == {
        "a": {"b": {"c": "1"}},
        "items": [{"price": "p1"}, {"price": "p2"}],
        "expand": ["x", "y"],
        "n": "",
    }


def test_indexed_lists_come_back_in_index_order() -> None:
    pairs = [("expand[1]", "b"), ("expand[0]", "a"), ("expand[10]", "k")]
    assert unflatten(pairs) == {"expand": ["a", "b", "k"]}


def test_flatten_writes_booleans_and_blanks_as_stripe_does() -> None:
    assert flatten({"confirm": True, "x": None, "m": {"k": 1}}) == [
        ("confirm", "true"),
        ("x", ""),
        ("m[k]", "1"),
    ]


keys = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)
values: Any = st.recursive(
    st.text(alphabet="xyz 1&=[]", max_size=5),
    lambda inner: (
        st.dictionaries(keys, inner, min_size=1, max_size=3)
        | st.lists(inner, min_size=1, max_size=3)
    ),
    max_leaves=8,
)


@given(st.dictionaries(keys, values, max_size=4))
def test_encoding_then_decoding_gives_back_the_params(params: dict[str, Any]) -> None:
    assert unflatten(parse_pairs(encode(params))) == params
