"""One set of argument checks for every model: the same rule everywhere (a bool is not a number)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab import checks, labels
from clusterlab.errors import InputError
from clusterlab.models import consortium, diffusion, labour_pooling, lockin, policy


@given(st.integers(min_value=-1000, max_value=1000), st.integers(min_value=-5, max_value=5))
def test_a_whole_number_passes_exactly_when_it_is_at_least_low(value, low):
    if value >= low:
        assert checks.whole("n", value, low) == value
        assert checks.whole("n", np.int64(value), low) == value
    else:
        with pytest.raises(InputError) as err:
            checks.whole("n", value, low)
        assert err.value.code == "checks.whole_low" and err.value.values["low"] == low


@pytest.mark.parametrize("value", [True, False, 3.0, "3", None, np.float64(2.0)])
def test_a_bool_a_float_or_a_string_is_not_a_whole_number(value):
    with pytest.raises(ValueError, match="whole number"):
        checks.whole("n", value, 0)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_number_is_finite_and_within_its_bounds(value):
    if math.isfinite(value) and 0 <= value <= 1:
        assert checks.number("x", value, 0, 1) == value
    else:
        with pytest.raises(ValueError, match="x must be"):
            checks.number("x", value, 0, 1)


@pytest.mark.parametrize("value", [True, np.bool_(False)])
def test_true_and_false_are_not_numbers(value):
    with pytest.raises(ValueError, match="not True/False"):
        checks.number("x", value)
    with pytest.raises(ValueError, match="not True/False"):
        checks.nonnegative_array("x", value)


def test_a_probability_is_in_zero_one_and_says_what_it_is_the_chance_of():
    assert checks.probability("p", 1) == 1.0
    for bad in (0, -0.1, 1.5):
        with pytest.raises(ValueError, match=r"p must be a probability in \(0, 1\] \(the chance a firm tells"):
            checks.probability("p", bad, "diffusion.p_meaning")


@pytest.mark.parametrize(
    "call",
    [
        lambda: lockin.polya_shares(runs=True, draws=10),
        lambda: diffusion.cluster_graph(n_cliques=True),
        lambda: labour_pooling.simulate(n_firms=True),
        lambda: policy.panel(strength=True),
        lambda: consortium.per_firm_cost(True, 2),
    ],
    ids=["lockin", "diffusion", "labour_pooling", "policy", "consortium"],
)
def test_every_model_refuses_a_bool_where_it_wants_a_number(call):
    with pytest.raises(ValueError, match="True/False|whole number"):
        call()


def test_the_message_is_in_the_readers_language_and_the_code_is_not():
    """French readers read French; tests and programs read the code, the same in every language."""
    caught = {}
    for language in ("fr", "en"):
        labels.set_language(language)
        try:
            with pytest.raises(InputError) as err:
                checks.number("share", 1.5, 0, 0.5)
        finally:
            labels.set_language("en")
        caught[language] = err.value
    assert caught["fr"].code == caught["en"].code == "checks.high"
    assert str(caught["fr"]) == "share doit être inférieur ou égal à 0,5\u202f; reçu\u00a0: 1.5."
    assert str(caught["en"]) == "share must be 0.5 or less; got 1.5."
    assert isinstance(caught["fr"], ValueError)


def test_an_error_survives_pickling_with_its_code():
    import pickle

    err = pickle.loads(pickle.dumps(InputError("checks.whole_low", name="n", low=1, value=0)))
    assert err.code == "checks.whole_low" and str(err) == "n must be a whole number of 1 or more; got 0."
