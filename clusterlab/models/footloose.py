"""The footloose-entrepreneur model (Forslid & Ottaviano 2003): the core–periphery story, solved.

Two regions. H entrepreneurs are mobile (a share λ in region 1); each runs one firm and earns its
operating profit w. L workers are immobile, split equally, and paid 1; they make the varieties
(elasticity of substitution σ > 1) and the farm good. Prices are 1 at home and T abroad (iceberg
cost), so the freeness of trade is φ = T^(1 − σ). With b = μ/σ and a = μ/(σ − 1): ::

    Δ₁ = H[λ + φ(1 − λ)],               Δ₂ = H[φλ + (1 − λ)]
    w₁ = b[Y₁/Δ₁ + φY₂/Δ₂],             w₂ = b[φY₁/Δ₁ + Y₂/Δ₂]
    Y₁ = L/2 + λHw₁,                    Y₂ = L/2 + (1 − λ)Hw₂
    V_r = w_r Δ_r^a                     (an entrepreneur's indirect utility, up to a constant)

The wages solve a linear system, so the short run has a closed form (the model's point). Break
point: φ_B = (1 − a)(1 − b) / ((1 + a)(1 + b)); sustain point φ_S: the root in (0, φ_B) of
φ^a [(1 + b)φ/2 + (1 − b)/(2φ)] = 1. Both are independent of H and L (tested). The model needs
a < 1, that is μ < σ − 1 ("no black hole").

References: Forslid, R. & Ottaviano, G. I. P. (2003), An analytically solvable core–periphery
model, *Journal of Economic Geography* 3, 229–240; Baldwin et al. (2003), *Economic Geography and
Public Policy*, ch. 4.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from clusterlab import checks
from clusterlab.errors import InputError
from clusterlab.models._nest import bisect, check_lam_phi, check_mu_sigma, long_run_equilibria
from clusterlab.models._nest import lowest_log as _lowest_log
from clusterlab.models._nest import tomahawk as _tomahawk


def _check(mu: float, sigma: float) -> tuple[float, float]:
    mu, sigma = check_mu_sigma(mu, sigma)
    if mu >= sigma - 1:
        raise InputError("models.footloose.black_hole", mu=mu, sigma_less_one=sigma - 1)
    return mu, sigma


def _sizes(H: float, L: float) -> tuple[float, float]:
    return checks.positive("H", H), checks.positive("L", L)


def short_run(lam: ArrayLike, phi: ArrayLike, mu: float, sigma: float, H: float = 1.0, L: float = 1.0) -> dict:
    """The short-run equilibrium for λ = ``lam`` and φ = ``phi`` (scalars or arrays, broadcast).

    Returns a dict: entrepreneurs' incomes ``w1``, ``w2``, the market-size terms ``D1``, ``D2``
    (Δ₁, Δ₂), regional incomes ``Y1``, ``Y2`` and indirect utilities ``V1``, ``V2``.
    """
    mu, sigma = _check(mu, sigma)
    H, L = _sizes(H, L)
    lam, phi = check_lam_phi(lam, phi)
    lam, phi = np.broadcast_arrays(lam, phi)
    a, b = mu / (sigma - 1), mu / sigma
    d1, d2 = H * (lam + phi * (1 - lam)), H * (phi * lam + (1 - lam))
    # the linear system  [[m11, m12], [m21, m22]] (w1, w2) = (r1, r2)
    m11, m12 = 1 - b * lam * H / d1, -b * phi * (1 - lam) * H / d2
    m21, m22 = -b * phi * lam * H / d1, 1 - b * (1 - lam) * H / d2
    r1, r2 = b * L / 2 * (1 / d1 + phi / d2), b * L / 2 * (phi / d1 + 1 / d2)
    det = m11 * m22 - m12 * m21
    w1, w2 = (r1 * m22 - m12 * r2) / det, (m11 * r2 - m21 * r1) / det
    out = {
        "w1": w1,
        "w2": w2,
        "D1": d1,
        "D2": d2,
        "Y1": L / 2 + lam * H * w1,
        "Y2": L / 2 + (1 - lam) * H * w2,
        "V1": w1 * d1**a,
        "V2": w2 * d2**a,
    }
    return {k: (float(v) if np.ndim(v) == 0 else v) for k, v in out.items()}


def wage_gap(
    lam: ArrayLike, phi: ArrayLike, mu: float, sigma: float, H: float = 1.0, L: float = 1.0
) -> float | np.ndarray:
    """V₁ − V₂: an entrepreneur's indirect utility in region 1 less in region 2 (broadcast).

    Positive: entrepreneurs gain by moving to region 1. (Called a wage gap for symmetry with
    :func:`clusterlab.models.core_periphery.wage_gap`; it is a real-income gap.)
    """
    eq = short_run(lam, phi, mu, sigma, H, L)
    return eq["V1"] - eq["V2"]


def break_point(mu: float, sigma: float) -> float:
    """φ_B, the freeness of trade beyond which the symmetric spread of industry is unstable."""
    mu, sigma = _check(mu, sigma)
    a, b = mu / (sigma - 1), mu / sigma
    return (1 - a) * (1 - b) / ((1 + a) * (1 + b))


def sustain_point(mu: float, sigma: float) -> float:
    """φ_S, the freeness of trade beyond which a core–periphery pattern is sustainable (relative precision 1e-13)."""
    mu, sigma = _check(mu, sigma)
    a, b = mu / (sigma - 1), mu / sigma

    # ln of φ^a [(1 + b)φ/2 + (1 − b)/(2φ)] with x = ln φ, written so that it never overflows
    def log_excess(x: float) -> float:
        return (a - 1) * x + math.log((1 + b) * math.exp(2 * x) + (1 - b)) - math.log(2)

    return math.exp(bisect(log_excess, _lowest_log(log_excess), math.log(break_point(mu, sigma))))


def equilibria(phi: float, mu: float, sigma: float, H: float = 1.0, L: float = 1.0) -> list[tuple[float, bool]]:
    """The long-run equilibria at freeness ``phi``: a sorted list of (λ, stable)."""
    _check(mu, sigma)
    check_lam_phi(0.5, phi)
    return long_run_equilibria(lambda lam: wage_gap(lam, phi, mu, sigma, H, L))


def tomahawk(
    mu: float, sigma: float, phis: Sequence[float] | None = None, H: float = 1.0, L: float = 1.0
) -> list[dict]:
    """The long-run equilibria over the freeness of trade, as rows ``phi``, ``lam``, ``stable``, ``branch``
    (see ``clusterlab.models._nest.tomahawk``); ``phis`` defaults to 0.01, 0.02, …, 0.99."""
    _check(mu, sigma)
    phis = np.round(np.arange(1, 100) / 100, 2) if phis is None else phis
    return _tomahawk(
        lambda lam, phi: wage_gap(lam, phi, mu, sigma, H, L), sustain_point(mu, sigma), break_point(mu, sigma), phis
    )
