"""The agglomeration module: what an elasticity means for a doubling, and selection against agglomeration."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab.errors import InputError
from clusterlab.models import agglomeration

elasticities = st.floats(min_value=-0.5, max_value=0.5, allow_nan=False)


def test_doubling_gain_by_hand():
    # 2 ** 0.04 = 1.02811...: doubling density with an elasticity of 0.04 raises productivity by 2.8 %
    assert agglomeration.gain(0.04) == pytest.approx(0.028114, abs=1e-6)
    assert agglomeration.gain(0.04, ratio=10) == pytest.approx(10**0.04 - 1)
    assert agglomeration.gain(0.0) == 0.0


@given(elasticities, st.floats(min_value=1.01, max_value=1000))
def test_gain_and_elasticity_are_inverse(e, ratio):
    assert agglomeration.elasticity(agglomeration.gain(e, ratio), ratio) == pytest.approx(e, abs=1e-9)


@given(elasticities, elasticities)
def test_gain_grows_with_the_elasticity(a, b):
    if a < b - 1e-6:
        assert agglomeration.gain(a) < agglomeration.gain(b)


def test_sveikauskas_per_doubling_as_an_elasticity():
    # 5.98 % per doubling of city size is an elasticity of log2(1.0598)
    assert agglomeration.elasticity(0.0598) == pytest.approx(math.log(1.0598) / math.log(2))


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: agglomeration.gain("a"), "checks.number"),
        (lambda: agglomeration.gain(0.05, ratio=0), "checks.positive"),
        (lambda: agglomeration.elasticity(-1.5), "models.agglomeration.gain_low"),
        (lambda: agglomeration.elasticity(0.1, ratio=1), "models.agglomeration.ratio_one"),
        (lambda: agglomeration.quantile_gaps(truncation=1.0), "checks.high"),
        (lambda: agglomeration.quantile_gaps(dilation=0), "checks.positive"),
        (lambda: agglomeration.quantile_gaps(n=10), "checks.whole_low"),
    ],
)
def test_errors(call, code):
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.code == code


def test_a_pure_shift_moves_every_quantile_alike():
    gaps = agglomeration.quantile_gaps(shift=0.1, dilation=1.0, truncation=0.0, seed=1)
    assert np.allclose(gaps["gap"], 0.1, atol=0.02)


def test_selection_moves_the_weakest_most():
    gaps = agglomeration.quantile_gaps(shift=0.0, dilation=1.0, truncation=0.2, seed=1)
    assert gaps["gap"].is_monotonic_decreasing
    assert gaps["gap"].iloc[0] > 4 * gaps["gap"].iloc[-1]


def test_dilation_moves_the_strongest_most():
    gaps = agglomeration.quantile_gaps(shift=0.05, dilation=1.2, truncation=0.0, seed=1)
    assert gaps["gap"].is_monotonic_increasing


def test_seeded_and_reproducible():
    a = agglomeration.quantile_gaps(seed=7)
    b = agglomeration.quantile_gaps(seed=7)
    assert a.equals(b)
    assert list(a.columns) == ["quantile", "small_city", "large_city", "gap"]
