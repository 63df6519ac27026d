"""The export-consortium arithmetic: a member exports when its profit covers F / n."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab.models import consortium

costs = st.floats(min_value=0, max_value=1e7, allow_nan=False)
profits = st.floats(min_value=1e-3, max_value=1e7, allow_nan=False)


def test_the_book_exercise():
    # 120 thousand euros shared so that a firm earning 25 exports: 5 firms (24 each).
    assert consortium.min_partners(120, 25) == 5
    assert consortium.per_firm_cost(120, 5) == 24
    assert not consortium.exports(25, 120, 4)
    assert consortium.exports(25, 120, 5)


def test_shares_broadcast_over_sizes():
    shares = consortium.per_firm_cost(120, np.arange(1, 5))
    np.testing.assert_allclose(shares, [120, 60, 40, 30])


@given(costs, profits)
def test_min_partners_is_the_smallest_consortium_that_exports(fixed_cost, profit):
    n = consortium.min_partners(fixed_cost, profit)
    assert n >= 1
    assert consortium.exports(profit, fixed_cost, n)
    if n > 1:
        assert not consortium.exports(profit, fixed_cost, n - 1)


@given(costs, profits, st.integers(1, 1000))
def test_a_larger_consortium_never_stops_a_member_exporting(fixed_cost, profit, n):
    if consortium.exports(profit, fixed_cost, n):
        assert consortium.exports(profit, fixed_cost, n + 1)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: consortium.per_firm_cost(-1, 2), "fixed_cost must be 0 or more"),
        (lambda: consortium.per_firm_cost(10, 0), "whole numbers of 1 or more"),
        (lambda: consortium.per_firm_cost(10, 2.5), "whole numbers of 1 or more"),
        (lambda: consortium.per_firm_cost(float("nan"), 2), "missing value"),
        (lambda: consortium.min_partners(10, 0), "profit must be positive"),
        (lambda: consortium.exports(-5, 10, 2), "profit must be 0 or more"),
    ],
)
def test_impossible_inputs_say_what_to_fix(call, message):
    with pytest.raises(ValueError, match=message):
        call()
