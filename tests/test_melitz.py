"""Melitz's heterogeneous firms in the Pareto case (clusterlab.models.melitz): the export cutoff, the share
of firms that export and their share of sales, against hand-computed values, limits, a numerical
integration and a seeded simulation."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clusterlab import labels
from clusterlab.errors import InputError
from clusterlab.models import melitz

sigmas = st.floats(1.2, 10.0)
taus = st.floats(1.0, 5.0)
costs = st.floats(0.1, 10.0)


def valid(tau: float, f_x: float, f_d: float, sigma: float) -> bool:
    """Whether exporters are a subset of producers (τ^(σ−1)·f_x ≥ f_d), with room for rounding."""
    return tau ** (sigma - 1) * f_x >= f_d * (1 + 1e-9)


def test_the_export_cutoff_is_the_trade_cost_times_the_fixed_cost_ratio_to_the_power_one_over_sigma_less_one():
    # hand-computed: 2 · 8^(1/3) = 4; 1.5 · 1 = 1.5; σ = 2: τ · f_x / f_d
    assert melitz.export_cutoff_ratio(2.0, 8.0, 1.0, 4.0) == pytest.approx(4.0)
    assert melitz.export_cutoff_ratio(1.5, 3.0, 3.0, 5.0) == pytest.approx(1.5)
    assert melitz.export_cutoff_ratio(1.2, 5.0, 2.0, 2.0) == pytest.approx(3.0)


def test_the_share_of_exporters_is_the_pareto_tail_beyond_the_export_cutoff():
    assert melitz.share_exporting(2.0, 8.0, 1.0, 4.0, 4.25) == pytest.approx(4.0**-4.25)  # 0.0028
    assert melitz.share_exporting(1.2, 5.0, 2.0, 2.0, 2.0) == pytest.approx(1 / 9)
    tau, fx = melitz.TAU, melitz.FX_RATIO
    at_defaults = (tau * fx ** (1 / (melitz.SIGMA - 1))) ** -melitz.SHAPE
    assert melitz.share_exporting(tau, fx, 1.0, melitz.SIGMA, melitz.SHAPE) == pytest.approx(at_defaults)
    assert 0.15 < at_defaults < 0.25  # the chart's starting point: a minority of firms export


def test_with_free_trade_and_equal_fixed_costs_every_producing_firm_exports():
    assert melitz.export_cutoff_ratio(1.0, 2.0, 2.0, 4.0) == 1.0
    assert melitz.share_exporting(1.0, 2.0, 2.0, 4.0, 4.25) == 1.0
    assert melitz.exporter_share_of_sales(1.0, 2.0, 2.0, 4.0, 4.25) == pytest.approx(1.0)


def test_prohibitive_trade_costs_leave_no_exporter():
    assert melitz.share_exporting(1e6, 1.0, 1.0, 4.0, 4.25) < 1e-24
    assert melitz.exporter_share_of_sales(1e6, 1.0, 1.0, 4.0, 4.25) < 1e-6
    shares = [melitz.share_exporting(tau, 1.5, 1.0, 4.0, 4.25) for tau in (2, 10, 100, 1000)]
    assert shares == sorted(shares, reverse=True) and shares[-1] < 1e-12


@settings(deadline=None, max_examples=200)
@given(taus, st.floats(1.01, 3.0), costs, costs, sigmas, st.floats(0.01, 5.0))
def test_the_share_of_exporters_falls_as_the_trade_cost_rises(tau, factor, f_x, f_d, sigma, extra):
    assume(valid(tau, f_x, f_d, sigma))
    k = sigma - 1 + extra
    low, high = (melitz.share_exporting(t, f_x, f_d, sigma, k) for t in (tau, tau * factor))
    assert 0 < high < low <= 1
    low_sales, high_sales = (melitz.exporter_share_of_sales(t, f_x, f_d, sigma, k) for t in (tau, tau * factor))
    assert 0 < high_sales < low_sales <= 1


@settings(deadline=None, max_examples=200)
@given(taus, st.floats(1.01, 3.0), costs, costs, sigmas, st.floats(0.01, 5.0))
def test_the_share_of_exporters_falls_as_the_fixed_export_cost_rises(tau, factor, f_x, f_d, sigma, extra):
    assume(valid(tau, f_x, f_d, sigma))
    k = sigma - 1 + extra
    low, high = (melitz.share_exporting(tau, f, f_d, sigma, k) for f in (f_x, f_x * factor))
    assert 0 < high < low <= 1


@settings(deadline=None, max_examples=200)
@given(taus, costs, costs, sigmas, st.floats(0.01, 5.0))
def test_exporters_are_bigger_so_their_share_of_sales_exceeds_their_share_of_firms(tau, f_x, f_d, sigma, extra):
    assume(valid(tau, f_x, f_d, sigma))
    k = sigma - 1 + extra
    firms = melitz.share_exporting(tau, f_x, f_d, sigma, k)
    sales = melitz.exporter_share_of_sales(tau, f_x, f_d, sigma, k)
    assert firms <= sales <= 1
    assert firms < sales or firms == pytest.approx(1.0)


@pytest.mark.parametrize(
    "tau, f_x, f_d, sigma, k",
    [(1.3, 1.5, 1.0, 4.0, 4.25), (2.0, 1.0, 1.0, 3.0, 3.5), (1.1, 4.0, 2.0, 5.0, 6.0), (1.0, 1.0, 1.0, 2.0, 3.0)],
)
def test_the_exporters_share_of_sales_is_the_integral_of_the_sales_over_the_pareto_density(tau, f_x, f_d, sigma, k):
    """Sales r(φ) ∝ φ^(σ−1) at home and τ^(1−σ)·φ^(σ−1) abroad for exporters; density k·φ^(−k−1) on [1, ∞).
    Integrated numerically in t = ln φ (the integrand k·e^((σ−1−k)t) decays geometrically)."""
    cutoff = melitz.export_cutoff_ratio(tau, f_x, f_d, sigma)
    decay = k - (sigma - 1)
    t = np.linspace(0.0, 60.0 / decay, 400_001)
    home = k * np.exp(-decay * t)  # domestic sales of the firms at e^t, times their density, per unit of t
    abroad = np.where(t >= math.log(cutoff), tau ** (1 - sigma) * home, 0.0)
    exporters = np.where(t >= math.log(cutoff), home, 0.0) + abroad
    numeric = np.trapezoid(exporters, t) / np.trapezoid(home + abroad, t)
    assert melitz.exporter_share_of_sales(tau, f_x, f_d, sigma, k) == pytest.approx(numeric, rel=1e-4)


@pytest.mark.parametrize("tau, f_x, k", [(1.3, 1.5, 4.25), (2.0, 3.0, 4.25), (1.0, 1.0, 3.5), (1.1, 2.0, 8.0)])
def test_simulated_firms_export_in_the_share_the_formula_gives(tau, f_x, k):
    n = 200_000
    draws = melitz.simulate_firms(n, k, seed=7)
    assert draws.shape == (n,) and draws.min() >= 1.0
    cutoff = melitz.export_cutoff_ratio(tau, f_x, 1.0, 4.0)
    p = melitz.share_exporting(tau, f_x, 1.0, 4.0, k)
    observed = (draws >= cutoff).mean()
    standard_error = math.sqrt(p * (1 - p) / n) or 1 / n
    assert abs(observed - p) <= 4 * standard_error


def test_simulations_are_seeded():
    assert np.array_equal(melitz.simulate_firms(50, 4.0, seed=3), melitz.simulate_firms(50, 4.0, seed=3))
    assert not np.array_equal(melitz.simulate_firms(50, 4.0, seed=3), melitz.simulate_firms(50, 4.0, seed=4))


def test_the_density_the_chart_draws_is_the_pareto_density_of_producing_firms():
    rows = melitz.melitz_data(k=4.0, upper=3.0, points=201)
    assert list(rows.columns) == ["phi", "density"] and len(rows) == 201
    assert rows["phi"].iloc[0] == 1.0 and rows["phi"].iloc[-1] == pytest.approx(3.0)
    assert rows["density"].to_numpy() == pytest.approx(4.0 * rows["phi"].to_numpy() ** -5.0, abs=1e-6)
    # the area under the drawn density is the share of producing firms below ``upper``: 1 − 3^(−k)
    assert np.trapezoid(rows["density"], rows["phi"]) == pytest.approx(1 - 3.0**-4.0, rel=1e-3)


@pytest.mark.parametrize(
    "call, code",
    [
        (lambda: melitz.export_cutoff_ratio(0.9, 1.0, 1.0, 4.0), "models.melitz.tau"),
        (lambda: melitz.export_cutoff_ratio(1.2, 1.0, 1.0, 1.0), "models.melitz.sigma"),
        (lambda: melitz.export_cutoff_ratio(1.2, 0.0, 1.0, 4.0), "checks.positive"),
        (lambda: melitz.export_cutoff_ratio(1.2, 1.0, -1.0, 4.0), "checks.positive"),
        (lambda: melitz.export_cutoff_ratio(True, 1.0, 1.0, 4.0), "checks.number_not_bool"),
        (lambda: melitz.share_exporting(1.2, 1.0, 1.0, 4.0, 3.0), "models.melitz.shape"),
        (lambda: melitz.share_exporting(1.0, 0.5, 1.0, 4.0, 4.25), "models.melitz.no_selection"),
        (lambda: melitz.exporter_share_of_sales(1.1, 1.0, 2.0, 4.0, 4.25), "models.melitz.no_selection"),
        (lambda: melitz.exporter_share_of_sales(1.1, 2.0, 1.0, 4.0, 2.5), "models.melitz.shape"),
        (lambda: melitz.simulate_firms(0, 4.0), "checks.whole_low"),
        (lambda: melitz.simulate_firms(10, 0.0), "checks.positive"),
        (lambda: melitz.melitz_data(upper=1.0), "checks.low"),
    ],
)
def test_arguments_out_of_the_model_are_refused(call, code):
    with pytest.raises(InputError) as err:
        call()
    assert err.value.code == code


def test_exporters_that_would_not_sell_at_home_are_refused_with_the_reason_in_french():
    labels.set_language("fr")
    try:
        with pytest.raises(InputError) as err:
            melitz.share_exporting(1.0, 0.5, 1.0, 4.0, 4.25)
    finally:
        labels.set_language("en")
    text = str(err.value)
    assert err.value.code == "models.melitz.no_selection"
    assert "0,5 < f_d = 1" in text and "sous-ensemble" in text
    with pytest.raises(InputError, match="subset of the firms that produce"):
        melitz.share_exporting(1.0, 0.5, 1.0, 4.0, 4.25)
