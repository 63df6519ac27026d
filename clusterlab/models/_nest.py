"""Shared checks and root finding for the new economic geography models."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from clusterlab import checks
from clusterlab.errors import InputError


def check_mu_sigma(mu: float, sigma: float) -> tuple[float, float]:
    mu_f, sigma_f = checks.number("mu", mu), checks.number("sigma", sigma)
    if not 0 < mu_f < 1:
        raise InputError("models.nest.mu", value=mu)
    if not sigma_f > 1:
        raise InputError("models.nest.sigma", value=sigma)
    return mu_f, sigma_f


def check_lam_phi(lam: ArrayLike, phi: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    lam_a = checks.nonnegative_array("lam", lam)
    if (lam_a > 1).any():
        raise InputError("models.nest.lam", value=lam)
    phi_a = checks.nonnegative_array("phi", phi)
    if (phi_a <= 0).any() or (phi_a > 1).any():
        raise InputError("models.nest.phi", value=phi)
    return lam_a, phi_a


def bisect(f: Callable[[float], float], lo: float, hi: float, tol: float = 1e-13, max_iter: int = 200) -> float:
    """The root of ``f`` in [lo, hi], where ``f(lo)`` and ``f(hi)`` have opposite signs."""
    f_lo, f_hi = f(lo), f(hi)
    if f_lo == 0:
        return lo
    if f_hi == 0:
        return hi
    if (f_lo > 0) == (f_hi > 0):
        raise ValueError(f"no sign change between {lo} and {hi}")
    for _ in range(max_iter):
        mid = 0.5 * (lo + hi)
        f_mid = f(mid)
        if f_mid == 0 or hi - lo < tol:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def lowest_log(f: Callable[[float], float], start: float = -10.0) -> float:
    """A value of x = ln φ (going down from ``start``) where ``f(x) > 0``: the low end of a bracket."""
    x = start
    while f(x) <= 0:
        x *= 2
        if x < -1e15:
            raise InputError("models.nest.sustain_underflow")
    return x


def long_run_equilibria(gap: Callable[[float], float], grid: int = 400) -> list[tuple[float, bool]]:
    """The long-run equilibria of a two-region model with real-wage gap ``gap(λ)`` (ω₁ − ω₂; ``gap``
    takes a number or an array of λ).

    The mobile factor moves toward the higher real wage: λ = 0 and λ = 1 are equilibria when the
    gap there pushes no one back (stable when it is strictly so); an interior λ is an equilibrium
    where the gap is 0, stable when the gap falls as λ rises. Returned sorted by λ.
    """
    found: list[tuple[float, bool]] = []
    g0, g1 = float(gap(0.0)), float(gap(1.0))
    if g0 <= 0:
        found.append((0.0, g0 < 0))
    if g1 >= 0:
        found.append((1.0, g1 > 0))
    lams = np.linspace(0.0, 1.0, grid + 1)
    values = np.asarray(gap(lams), dtype=float)  # the whole grid at once
    roots = []
    for i in range(grid):
        a, b = values[i], values[i + 1]
        if i == grid // 2 or i + 1 == grid // 2:  # λ = ½ is always an equilibrium: dealt with below
            continue
        if a == 0 and 0 < lams[i] < 1:
            roots.append(lams[i])
        elif (a > 0) != (b > 0) and b != 0:
            roots.append(bisect(lambda x: float(gap(x)), lams[i], lams[i + 1]))
    roots.append(0.5)
    h = 1e-6
    for lam in sorted(set(round(r, 12) for r in roots)):
        slope = (float(gap(min(lam + h, 1.0))) - float(gap(max(lam - h, 0.0)))) / (
            min(lam + h, 1.0) - max(lam - h, 0.0)
        )
        found.append((float(lam), slope < 0))
    return sorted(found)


def tomahawk(
    gap: Callable[[float, float], float],
    phi_s: float,
    phi_b: float,
    phis: Sequence[float],
    interior_points: int = 40,
    lam_points: int = 101,
) -> list[dict]:
    """The branches of long-run equilibria over the freeness of trade (the "tomahawk").

    ``gap(lam, phi)`` is the model's real-wage gap on broadcast arrays; ``phi_s`` < ``phi_b`` its
    sustain and break points; ``phis`` the range of freeness to draw (its smallest and largest values).
    Straight branches are given by their two ends. Returns rows ``phi``, ``lam``,
    ``stable`` and ``branch``: ``core`` (λ = 1 and λ = 0, from φ_S), ``spread`` (λ = ½, stable
    below φ_B) and ``unstable`` (the interior equilibria between φ_S and φ_B, from λ = 1 at φ_S to
    ½ at φ_B, found on a grid of ``lam_points`` values of λ).
    """
    phis = np.asarray(phis, dtype=float)
    low, high = float(min(phis.min(), phi_s)), float(max(phis.max(), phi_b))
    # the core and spread branches are straight: their ends are enough
    rows = [
        {"phi": phi, "lam": lam, "stable": True, "branch": branch}
        for branch, lam in (("core_1", 1.0), ("core_2", 0.0))
        for phi in (phi_s, high)
    ]
    rows += [{"phi": phi, "lam": 0.5, "stable": True, "branch": "spread_stable"} for phi in (low, phi_b)]
    rows += [{"phi": phi, "lam": 0.5, "stable": False, "branch": "spread_unstable"} for phi in (phi_b, high)]
    inner = np.linspace(phi_s, phi_b, interior_points)[1:-1]
    lams = np.linspace(0.5, 1.0, lam_points)
    values = np.asarray(gap(lams[None, :], inner[:, None]), dtype=float)
    found = [(phi_s, 1.0)]
    for phi, row in zip(inner, values):
        # just above ½ the gap is negative (the spread is stable), at 1 it is positive (the core is)
        crossing = np.flatnonzero((row[:-1] < 0) & (row[1:] >= 0))
        if crossing.size:
            i = crossing[0]
            lam = lams[i] + (lams[i + 1] - lams[i]) * (-row[i]) / (row[i + 1] - row[i])
            found.append((phi, float(lam)))
    found.append((phi_b, 0.5))
    for phi, lam in found:
        rows.append({"phi": phi, "lam": lam, "stable": False, "branch": "unstable_1"})
        rows.append({"phi": phi, "lam": 1 - lam, "stable": False, "branch": "unstable_2"})
    return [{**r, "phi": float(r["phi"])} for r in rows]
