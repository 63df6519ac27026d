"""Krugman's core–periphery model, in the normalisation of Fujita, Krugman & Venables (1999, ch. 5).

Two regions. Manufacturing workers (a share μ of all workers) move to the region with the higher
real wage; farm workers (1 − μ) are immobile, split equally, and paid 1. Manufactures are
differentiated varieties (elasticity of substitution σ > 1) shipped at an iceberg cost: T ≥ 1 units
leave for one to arrive. The freeness of trade is φ = T^(1 − σ), from 0 (no trade) to 1 (free).
With λ the share of manufacturing in region 1, the short-run equilibrium is ::

    Y₁ = μλw₁ + (1 − μ)/2,              Y₂ = μ(1 − λ)w₂ + (1 − μ)/2
    G₁ = [λw₁^(1−σ) + (1 − λ)(w₂T)^(1−σ)]^(1/(1−σ)),   G₂ likewise
    w₁ = [Y₁G₁^(σ−1) + Y₂G₂^(σ−1)φ]^(1/σ),              w₂ likewise
    ω_r = w_r G_r^(−μ)                  (real wages)

solved here by Newton's method (with fixed-point iteration as a fallback). Closed forms (checked against that solution in the
tests): the break point φ_B = (ρ − μ)(1 − μ) / ((ρ + μ)(1 + μ)) with ρ = (σ − 1)/σ, and the sustain
point φ_S, the root in (0, φ_B) of φ^(σμ/(σ−1)) [(1 + μ)φ + (1 − μ)/φ] / 2 = 1. The model needs
σ(1 − μ) > 1 ("no black hole"): otherwise agglomeration wins at any trade cost.

References: Krugman (1991), *Journal of Political Economy* 99(3); Fujita, Krugman & Venables
(1999), *The Spatial Economy*, ch. 5; Baldwin et al. (2003), ch. 10 in Brakman & Heijdra (eds).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from clusterlab.errors import InputError
from clusterlab.models import footloose
from clusterlab.models._nest import bisect, check_lam_phi, check_mu_sigma, long_run_equilibria
from clusterlab.models._nest import lowest_log as _lowest_log
from clusterlab.models._nest import tomahawk as _tomahawk

#: Newton steps before falling back on fixed-point iteration (0 forces the fallback; the tests use it).
NEWTON_STEPS = 30


def _check(mu: float, sigma: float) -> tuple[float, float]:
    mu, sigma = check_mu_sigma(mu, sigma)
    if sigma * (1 - mu) <= 1:
        raise InputError("models.core_periphery.black_hole", product=sigma * (1 - mu))
    return mu, sigma


def short_run(
    lam: ArrayLike, phi: ArrayLike, mu: float, sigma: float, tol: float = 1e-13, max_iter: int = 5000
) -> dict:
    """The short-run equilibrium for λ = ``lam`` and φ = ``phi`` (scalars or arrays, broadcast).

    Returns a dict of arrays (or floats): nominal wages ``w1``, ``w2``, price indices ``G1``, ``G2``,
    incomes ``Y1``, ``Y2`` and real wages ``omega1``, ``omega2``.
    """
    mu, sigma = _check(mu, sigma)
    lam, phi = check_lam_phi(lam, phi)
    lam, phi = np.broadcast_arrays(lam, phi)
    t1s = phi  # T^(1-σ)

    def update(w1, w2):  # the right-hand side of the wage equations
        y1 = mu * lam * w1 + (1 - mu) / 2
        y2 = mu * (1 - lam) * w2 + (1 - mu) / 2
        g1_1s = lam * w1 ** (1 - sigma) + (1 - lam) * w2 ** (1 - sigma) * t1s  # G₁^(1−σ)
        g2_1s = lam * w1 ** (1 - sigma) * t1s + (1 - lam) * w2 ** (1 - sigma)
        return (y1 / g1_1s + y2 / g2_1s * t1s) ** (1 / sigma), (y1 / g1_1s * t1s + y2 / g2_1s) ** (1 / sigma)

    def residual(w1, w2) -> float:
        n1, n2 = update(w1, w2)
        r = max(np.max(np.abs(n1 - w1)), np.max(np.abs(n2 - w2)))
        return float(r) if np.isfinite(r) else np.inf

    # Newton's method on w − update(w) = 0, from a few plain fixed-point steps; plain then damped
    # fixed-point iteration if Newton does not settle (the tests cover both)
    w1, w2 = np.ones(lam.shape), np.ones(lam.shape)
    for _ in range(5):
        w1, w2 = update(w1, w2)
    h = 1e-7
    with np.errstate(all="ignore"):
        for _ in range(NEWTON_STEPS):
            n1, n2 = update(w1, w2)
            f1, f2 = w1 - n1, w2 - n2
            if max(np.max(np.abs(f1)), np.max(np.abs(f2))) < tol:
                break
            a1, a2 = update(w1 + h, w2)  # finite-difference Jacobian of f
            b1, b2 = update(w1, w2 + h)
            j11, j21 = 1 - (a1 - n1) / h, -(a2 - n2) / h
            j12, j22 = -(b1 - n1) / h, 1 - (b2 - n2) / h
            det = j11 * j22 - j12 * j21
            w1, w2 = w1 - (f1 * j22 - j12 * f2) / det, w2 - (j11 * f2 - j21 * f1) / det
            if not (np.all(w1 > 0) and np.all(w2 > 0)):  # also false for NaN
                break
        converged = bool(np.all(w1 > 0) and np.all(w2 > 0)) and residual(w1, w2) < 10 * tol
    if not converged:
        for damping in (0.0, 0.5):
            w1, w2 = np.ones(lam.shape), np.ones(lam.shape)
            for _ in range(max_iter):
                new1, new2 = update(w1, w2)
                change = max(np.max(np.abs(new1 - w1)), np.max(np.abs(new2 - w2)))
                w1, w2 = damping * w1 + (1 - damping) * new1, damping * w2 + (1 - damping) * new2
                if change < tol:
                    break
            else:
                continue
            break
        else:
            raise RuntimeError(f"the wage equations did not converge in {max_iter} iterations")
    y1 = mu * lam * w1 + (1 - mu) / 2
    y2 = mu * (1 - lam) * w2 + (1 - mu) / 2
    g1 = (lam * w1 ** (1 - sigma) + (1 - lam) * w2 ** (1 - sigma) * t1s) ** (1 / (1 - sigma))
    g2 = (lam * w1 ** (1 - sigma) * t1s + (1 - lam) * w2 ** (1 - sigma)) ** (1 / (1 - sigma))
    out = {
        "w1": w1,
        "w2": w2,
        "G1": g1,
        "G2": g2,
        "Y1": y1,
        "Y2": y2,
        "omega1": w1 * g1 ** (-mu),
        "omega2": w2 * g2 ** (-mu),
    }
    return {k: (float(v) if np.ndim(v) == 0 else v) for k, v in out.items()}


def wage_gap(lam: ArrayLike, phi: ArrayLike, mu: float, sigma: float) -> float | np.ndarray:
    """ω₁ − ω₂: region 1's real wage less region 2's, for λ = ``lam`` and φ = ``phi`` (broadcast).

    Positive: manufacturing workers gain by moving to region 1.
    """
    eq = short_run(lam, phi, mu, sigma)
    return eq["omega1"] - eq["omega2"]


def break_point(mu: float, sigma: float) -> float:
    """φ_B, the freeness of trade beyond which the symmetric spread of industry is unstable."""
    mu, sigma = _check(mu, sigma)
    rho = (sigma - 1) / sigma
    return (rho - mu) * (1 - mu) / ((rho + mu) * (1 + mu))


def sustain_point(mu: float, sigma: float) -> float:
    """φ_S, the freeness of trade beyond which a core–periphery pattern is sustainable (relative precision 1e-13)."""
    mu, sigma = _check(mu, sigma)
    power = sigma * mu / (sigma - 1)

    # ln of φ^power [(1 + μ)φ + (1 − μ)/φ] / 2 with x = ln φ, written so that it never overflows:
    # near the black-hole limit φ_S is far smaller than any fixed bound (even than 1e-300)
    def log_excess(x: float) -> float:
        return (power - 1) * x + math.log((1 + mu) * math.exp(2 * x) + (1 - mu)) - math.log(2)

    return math.exp(bisect(log_excess, _lowest_log(log_excess), math.log(break_point(mu, sigma))))


def equilibria(phi: float, mu: float, sigma: float) -> list[tuple[float, bool]]:
    """The long-run equilibria at freeness ``phi``: a sorted list of (λ, stable)."""
    _check(mu, sigma)
    check_lam_phi(0.5, phi)
    return long_run_equilibria(lambda lam: wage_gap(lam, phi, mu, sigma))


def tomahawk(mu: float, sigma: float, phis: Sequence[float] | None = None) -> list[dict]:
    """The long-run equilibria over the freeness of trade, as rows ``phi``, ``lam``, ``stable``, ``branch``
    (see ``clusterlab.models._nest.tomahawk``); ``phis`` defaults to 0.01, 0.02, …, 0.99."""
    _check(mu, sigma)
    phis = np.round(np.arange(1, 100) / 100, 2) if phis is None else phis
    return _tomahawk(
        lambda lam, phi: wage_gap(lam, phi, mu, sigma), sustain_point(mu, sigma), break_point(mu, sigma), phis
    )


# --------------------------------------------------------------------------- chapter 3's chart, both models

#: The (μ, σ) pairs of the book's worked examples, offered by the chart of chapter 3.
NEG_PRESETS = ((0.4, 5.0), (0.3, 4.0), (0.2, 6.0))
#: The models :func:`neg_data` solves, by the code the chart uses: this module and the footloose-entrepreneur one.
NEG_MODELS = {"cp": sys.modules[__name__], "fe": footloose}


def _preset_key(mu: float, sigma: float) -> str:
    return f"{mu:g}-{sigma:g}"


def neg_data(
    models: Sequence[str] = ("cp", "fe"),
    presets: Sequence[tuple[float, float]] = NEG_PRESETS,
    phis: Sequence[float] | None = None,
    lam_points: int = 21,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What :func:`clusterlab.charts.neg_chart` draws, for each model of :data:`NEG_MODELS` named in
    ``models`` and each (μ, σ) of ``presets`` (column ``preset``: ``"0.4-5"`` for (0.4, 5.0)).

    Returns the tomahawk rows (:func:`tomahawk`: ``phi``, ``lam``, ``stable``, ``branch``) and, for each
    freeness ``phis`` (default 0.02, 0.04, …, 0.98), the real-wage gap at ``lam_points`` values of λ
    from 0 to 1 (a list, three significant digits) with the sustain and break points."""
    phis = np.round(np.arange(1, 50) * 0.02, 2) if phis is None else np.asarray(phis, dtype=float)
    lams = np.linspace(0, 1, lam_points)
    tomahawks, gaps = [], []
    for code in models:
        model = NEG_MODELS[code]
        for mu, sigma in presets:
            key = _preset_key(mu, sigma)
            rows = pd.DataFrame(model.tomahawk(mu, sigma))
            rows["model"], rows["preset"] = code, key
            tomahawks.append(rows)
            values = np.asarray(model.wage_gap(lams[None, :], phis[:, None], mu, sigma))
            gaps.append(
                pd.DataFrame(
                    {
                        "model": code,
                        "preset": key,
                        "phi": phis,
                        "gap": [[float(f"{v:.3g}") for v in row] for row in values],
                        "phi_s": model.sustain_point(mu, sigma),
                        "phi_b": model.break_point(mu, sigma),
                    }
                )
            )
    tomahawk = pd.concat(tomahawks, ignore_index=True)
    tomahawk["phi"], tomahawk["lam"] = tomahawk["phi"].round(5), tomahawk["lam"].round(4)
    return tomahawk, pd.concat(gaps, ignore_index=True)
