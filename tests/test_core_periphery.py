"""The new economic geography models (clusterlab.models.core_periphery, clusterlab.models.footloose).

Closed forms are checked against the full numerical model: the break point is where the slope of
the real-wage gap at the symmetric equilibrium changes sign; the sustain point is where the
periphery's real wage equals the core's. Reference values: FKV (1999, ch. 5) normalisation for
the core–periphery model and Forslid & Ottaviano (2003) for the footloose-entrepreneur model.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from clusterlab.errors import InputError
from clusterlab.models import core_periphery as cp
from clusterlab.models import footloose as fe

MODELS = [cp, fe]


def slope_at_half(model, phi, mu, sigma, h=1e-5, **sizes):
    return (model.wage_gap(0.5 + h, phi, mu, sigma, **sizes) - model.wage_gap(0.5 - h, phi, mu, sigma, **sizes)) / (
        2 * h
    )


# --------------------------------------------------------------------------- closed forms, known values


@pytest.mark.parametrize(
    "mu, sigma, phi_b, phi_s",
    [
        (0.4, 5, 1 / 7, 0.093727),
        (0.3, 4, 3 / 13, 0.194695),
        (0.2, 6, 0.408602, 0.394939),
    ],
)
def test_core_periphery_break_and_sustain_points(mu, sigma, phi_b, phi_s):
    assert cp.break_point(mu, sigma) == pytest.approx(phi_b, abs=1e-6)
    assert cp.sustain_point(mu, sigma) == pytest.approx(phi_s, abs=1e-6)


@pytest.mark.parametrize(
    "mu, sigma, phi_b, phi_s",
    [
        (0.4, 5, 23 / 33, 0.695442),
        (0.3, 4, 0.704017, 0.702559),
        (0.2, 6, 0.863524, 0.863399),
    ],
)
def test_footloose_break_and_sustain_points(mu, sigma, phi_b, phi_s):
    assert fe.break_point(mu, sigma) == pytest.approx(phi_b, abs=1e-6)
    assert fe.sustain_point(mu, sigma) == pytest.approx(phi_s, abs=1e-6)


# --------------------------------------------------------------------------- closed forms = the full model


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("mu, sigma", [(0.4, 5), (0.3, 4), (0.2, 6), (0.5, 3)])
def test_symmetric_equilibrium_turns_unstable_at_the_break_point(model, mu, sigma):
    phi_b = model.break_point(mu, sigma)
    assert slope_at_half(model, phi_b * 0.98, mu, sigma) < 0  # freer trade below φB: dispersion is stable
    assert slope_at_half(model, min(phi_b * 1.02, 0.999), mu, sigma) > 0
    assert abs(slope_at_half(model, phi_b, mu, sigma)) < 1e-4


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("mu, sigma", [(0.4, 5), (0.3, 4), (0.2, 6), (0.5, 3)])
def test_agglomeration_is_sustainable_from_the_sustain_point(model, mu, sigma):
    phi_s = model.sustain_point(mu, sigma)
    assert abs(model.wage_gap(1.0, phi_s, mu, sigma)) < 1e-9
    assert model.wage_gap(1.0, phi_s * 0.98, mu, sigma) < 0  # the periphery pays more: the core unravels
    assert model.wage_gap(1.0, phi_s * 1.02, mu, sigma) > 0


@settings(max_examples=40, deadline=None)
@given(mu=st.floats(0.05, 0.8), sigma=st.floats(1.5, 12))
@example(mu=0.8, sigma=5.0625)  # φ_S under the smallest float (found by CI, 2026-11-26)
def test_sustain_point_comes_before_the_break_point(mu, sigma):
    for model in MODELS:
        try:
            phi_b, phi_s = model.break_point(mu, sigma), model.sustain_point(mu, sigma)
        except InputError as err:  # in the black hole, or at its very edge where φ_S is not representable
            assert err.code in (
                f"models.{model.__name__.rsplit('.', 1)[1]}.black_hole",
                "models.nest.sustain_underflow",
            )
            continue
        assert 0 <= phi_s < phi_b < 1
        # φ_S tends to 0 at the edge of the black hole and is below the smallest float only there: for the
        # core–periphery model, ln φ_S ≈ ln((1 − μ)/2)(σ − 1)/margin near the edge, e.g. about −748 (under the
        # smallest float, e^−744) at μ = 0.8, σ = 5.0625, margin 0.0125; with μ ≤ 0.8, a margin above 0.05
        # keeps ln φ_S above −200
        margin = sigma * (1 - mu) - 1 if model is cp else sigma - 1 - mu
        if margin > 0.05:
            assert phi_s > 0


@settings(max_examples=40, deadline=None)
@given(lam=st.floats(0, 1), phi=st.floats(0.01, 0.99), mu=st.floats(0.1, 0.6), sigma=st.floats(2, 8))
def test_the_wage_gap_is_antisymmetric(lam, phi, mu, sigma):
    for model in MODELS:
        try:
            gap = model.wage_gap(lam, phi, mu, sigma)
        except ValueError:
            continue
        assert model.wage_gap(1 - lam, phi, mu, sigma) == pytest.approx(-gap, abs=1e-9)


def test_wage_gap_takes_arrays():
    lam = np.linspace(0, 1, 11)
    phis = np.array([[0.1], [0.3]])
    gaps = cp.wage_gap(lam, phis, 0.4, 5)
    assert gaps.shape == (2, 11)
    assert gaps[1, 3] == pytest.approx(cp.wage_gap(lam[3], 0.3, 0.4, 5), abs=1e-12)


@pytest.mark.parametrize("sizes", [dict(H=0.25, L=1.0), dict(H=1.0, L=1.0), dict(H=3.0, L=1.0), dict(H=2.0, L=7.0)])
def test_footloose_points_do_not_depend_on_population_sizes(sizes):
    mu, sigma = 0.4, 5
    phi_b, phi_s = fe.break_point(mu, sigma), fe.sustain_point(mu, sigma)
    assert slope_at_half(fe, phi_b * 0.99, mu, sigma, **sizes) < 0 < slope_at_half(fe, phi_b * 1.01, mu, sigma, **sizes)
    assert abs(fe.wage_gap(1.0, phi_s, mu, sigma, **sizes)) < 1e-9


# --------------------------------------------------------------------------- long-run equilibria


@pytest.mark.parametrize("model", MODELS)
def test_equilibria_follow_the_tomahawk(model):
    mu, sigma = 0.4, 5
    phi_s, phi_b = model.sustain_point(mu, sigma), model.break_point(mu, sigma)

    def stable(phi):
        return sorted(round(lam, 6) for lam, is_stable in model.equilibria(phi, mu, sigma) if is_stable)

    assert stable(phi_s * 0.9) == [0.5]  # trade costly: dispersion only
    assert stable((phi_s + phi_b) / 2) == [0.0, 0.5, 1.0]  # overlap: three stable, hysteresis
    assert stable(min(phi_b * 1.1, 0.99)) == [0.0, 1.0]  # trade free: agglomeration only
    between = model.equilibria((phi_s + phi_b) / 2, mu, sigma)
    unstable = [lam for lam, is_stable in between if not is_stable]
    assert len(unstable) == 2 and unstable[0] == pytest.approx(1 - unstable[1], abs=1e-8)
    for lam in unstable:
        assert abs(model.wage_gap(lam, (phi_s + phi_b) / 2, mu, sigma)) < 1e-9


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("model", MODELS)
def test_parameters_outside_the_model_are_refused(model):
    with pytest.raises(ValueError, match="sigma"):
        model.break_point(0.4, 1.0)
    with pytest.raises(ValueError, match="mu"):
        model.break_point(1.2, 5)
    with pytest.raises(ValueError, match="mu"):
        model.sustain_point(0.0, 5)
    with pytest.raises(ValueError, match="phi"):
        model.wage_gap(0.5, 1.5, 0.4, 5)
    with pytest.raises(ValueError, match="phi"):
        model.wage_gap(0.5, 0.0, 0.4, 5)
    with pytest.raises(ValueError, match="lam"):
        model.wage_gap(-0.1, 0.5, 0.4, 5)
    with pytest.raises(ValueError, match="lam"):
        model.wage_gap(float("nan"), 0.5, 0.4, 5)
    for mu, sigma in ((True, 5), (0.4, float("inf")), (0.4, "five")):  # a bool is not a number, nor ∞
        with pytest.raises(InputError) as err:
            model.break_point(mu, sigma)
        assert err.value.code in ("checks.number_not_bool", "checks.finite", "checks.number")
    with pytest.raises(InputError) as err:
        model.wage_gap("half", 0.5, 0.4, 5)
    assert err.value.code == "checks.array"


def test_black_holes_are_named():
    with pytest.raises(InputError, match="black hole") as err:
        cp.break_point(0.6, 2.0)  # σ(1 − μ) = 0.8 ≤ 1
    assert err.value.code == "models.core_periphery.black_hole"
    with pytest.raises(InputError, match="black hole") as err:
        fe.break_point(0.9, 1.8)  # μ ≥ σ − 1
    assert err.value.code == "models.footloose.black_hole"
    for sizes in ({"H": 0}, {"L": -1}, {"H": True}, {"L": float("inf")}):
        with pytest.raises(InputError) as err:
            fe.wage_gap(0.5, 0.5, 0.4, 5, **sizes)
        assert err.value.values["name"] in sizes


def test_the_sustain_point_at_the_edge_of_the_black_hole_is_refused_with_a_code():
    with pytest.raises(InputError) as err:
        cp.sustain_point(0.5, 2.0000000000000004)  # σ(1 − μ) = 1 + 2e-16: φ_S far under the smallest float
    assert err.value.code == "models.nest.sustain_underflow"


def test_core_periphery_real_wages_at_the_symmetric_point_are_equal_and_positive():
    w = cp.short_run(0.5, 0.3, 0.4, 5)
    assert w["w1"] == pytest.approx(w["w2"]) and w["omega1"] == pytest.approx(w["omega2"])
    assert w["omega1"] > 0 and w["w1"] == pytest.approx(1.0)
    assert math.isclose(w["Y1"] + w["Y2"], 1.0, rel_tol=1e-12)  # with λ = ½, w = 1: income = labour


@pytest.mark.parametrize("model", MODELS)
def test_the_tomahawk_rows_are_the_equilibria(model):
    mu, sigma = 0.3, 4
    rows = model.tomahawk(mu, sigma)
    phi_s, phi_b = model.sustain_point(mu, sigma), model.break_point(mu, sigma)
    for r in rows:
        assert 0 < r["phi"] < 1 and 0 <= r["lam"] <= 1
        assert r["stable"] == (r["branch"].startswith("core") or r["branch"] == "spread_stable")
        if r["branch"].startswith("core"):
            assert r["phi"] >= phi_s
        if r["branch"].startswith("unstable"):
            assert phi_s <= r["phi"] <= phi_b
            assert abs(model.wage_gap(r["lam"], r["phi"], mu, sigma)) < 1e-4  # on the grid, interpolated
    inner = [r for r in rows if r["branch"] == "unstable_1" and phi_s < r["phi"] < phi_b]
    assert len(inner) >= 30
    for r in inner[::10]:  # the interpolated branch is where the solver finds the interior equilibrium
        exact = max(lam for lam, stable in model.equilibria(r["phi"], mu, sigma) if not stable and lam > 0.5)
        assert r["lam"] == pytest.approx(exact, abs=2e-3)


def test_the_fixed_point_fallback_gives_the_same_wages(monkeypatch):
    lam, phi = np.linspace(0, 1, 11)[None, :], np.array([[0.05], [0.12], [0.5]])
    newton = cp.short_run(lam, phi, 0.4, 5)
    monkeypatch.setattr(cp, "NEWTON_STEPS", 0)
    fallback = cp.short_run(lam, phi, 0.4, 5)
    for key in ("w1", "w2", "omega1", "omega2"):
        assert np.allclose(newton[key], fallback[key], atol=1e-11, rtol=0)


# --------------------------------------------------------------------------- the data of chapter 3's chart


def test_the_chart_data_are_each_models_own_equilibria_and_wage_gaps():
    lams = np.linspace(0, 1, 11)
    tomahawk, gaps = cp.neg_data(presets=[(0.4, 5.0)], phis=[0.1, 0.9], lam_points=11)
    assert list(gaps["model"]) == ["cp", "cp", "fe", "fe"]
    assert set(tomahawk["preset"]) == set(gaps["preset"]) == {"0.4-5"}  # the key the chart's menu reads
    for code, model in (("cp", cp), ("fe", fe)):
        rows = gaps[gaps["model"] == code]
        assert (rows["phi_s"] == model.sustain_point(0.4, 5.0)).all()
        assert (rows["phi_b"] == model.break_point(0.4, 5.0)).all()
        for phi, gap in zip(rows["phi"], rows["gap"]):
            assert gap == pytest.approx(model.wage_gap(lams, phi, 0.4, 5.0), rel=5e-3, abs=1e-12)  # 3 digits
        # below both break points the spread is stable (a region that gains firms loses real wage); above, not
        assert rows["gap"].iloc[0][6] < 0 < rows["gap"].iloc[1][6]
        expected = model.tomahawk(0.4, 5.0)
        table = tomahawk[tomahawk["model"] == code]
        assert list(table["branch"]) == [r["branch"] for r in expected]
        assert list(table["stable"]) == [r["stable"] for r in expected]
        assert table["phi"].to_numpy() == pytest.approx([r["phi"] for r in expected], abs=5e-6)
        assert table["lam"].to_numpy() == pytest.approx([r["lam"] for r in expected], abs=5e-5)
    with pytest.raises(KeyError):
        cp.neg_data(models=["xx"])
