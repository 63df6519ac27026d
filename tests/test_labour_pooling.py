"""Marshall's labour pooling (clusterlab.models.labour_pooling): simulation against its algebra."""

import numpy as np
import pytest

from clusterlab.models import labour_pooling as lp


def test_alone_with_its_workers_a_firm_earns_the_same_whatever_its_shock():
    sim = lp.simulate(n_firms=5, n_towns=5, workers=50, shock_sd=2.0, draws=2000)
    # the wage absorbs the whole shock: profit = b·l²/2 with l = workers per town
    assert np.allclose(sim["profit"], 10**2 / 2)
    assert sim["wage"].std() == pytest.approx(2.0, rel=0.05)
    assert (sim["unemployment"] < 1e-9).all()  # everyone is hired (up to the solver's precision)


@pytest.mark.parametrize("n_firms, n_towns, shock_sd, slope", [(10, 1, 1.0, 1.0), (12, 3, 2.0, 0.5), (4, 2, 1.5, 2.0)])
def test_pooling_raises_expected_profit_by_the_formula(n_firms, n_towns, shock_sd, slope):
    pooled = lp.summary(
        n_firms, n_towns, workers=10.0 * n_firms, shock_sd=shock_sd, slope=slope, value=50, draws=40_000
    )
    alone = lp.summary(n_firms, n_firms, workers=10.0 * n_firms, shock_sd=shock_sd, slope=slope, value=50, draws=40_000)
    gain = lp.profit_gain(n_firms, n_towns, shock_sd, slope)
    assert pooled["profit"] - alone["profit"] == pytest.approx(gain, rel=0.03)
    assert pooled["wage_sd"] == pytest.approx(shock_sd * np.sqrt(n_towns / n_firms), rel=0.03)


def test_with_a_rigid_wage_pooling_lowers_unemployment():
    kwargs = dict(workers=100.0, shock_sd=3.0, value=20.0, wage_floor=10.0, draws=20_000)
    pooled, alone = lp.summary(10, 1, **kwargs), lp.summary(10, 10, **kwargs)
    assert 0 < pooled["unemployment"] < alone["unemployment"]
    assert pooled["profit"] > alone["profit"]


def test_simulations_are_seeded_and_the_labour_market_clears():
    a = lp.simulate(n_firms=6, n_towns=2, draws=500, seed=7)
    b = lp.simulate(n_firms=6, n_towns=2, draws=500, seed=7)
    assert a.equals(b)
    assert np.allclose(a["employment"], 50.0, atol=1e-6)  # no floor: every worker is hired
    assert set(a["town"]) == {0, 1} and len(a) == 1000


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="n_towns must divide"):
        lp.simulate(n_firms=10, n_towns=3)
    with pytest.raises(ValueError, match="shock_sd"):
        lp.simulate(shock_sd=-1)
    with pytest.raises(ValueError, match="slope"):
        lp.profit_gain(10, 1, 1.0, slope=0)
    with pytest.raises(ValueError, match="workers"):
        lp.simulate(workers=0)
    with pytest.raises(ValueError, match="n_firms"):
        lp.simulate(n_firms=0)


def test_the_clearing_wage_clears_the_market_also_when_some_firms_shut():
    rng = np.random.default_rng(3)
    value = 10 + rng.normal(0, 6, size=(500, 5))  # large shocks: some firms hire nobody
    wage = lp._clearing_wage(value, supply=20.0, slope=1.0)
    demand = np.maximum(0.0, value - wage[:, None]).sum(axis=1)
    assert np.allclose(demand, 20.0, atol=1e-9)
    assert ((value - wage[:, None]) < 0).any()  # the bisection path was needed and taken
