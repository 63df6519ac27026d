"""Heterogeneous firms and exports: Melitz's (2003) model in its textbook Pareto form.

Reference: Melitz, M. J. (2003), The Impact of Trade on Intra-Industry Reallocations and Aggregate
Industry Productivity, *Econometrica* 71(6), 1695–1725; the Pareto form is that of Helpman, Melitz and
Yeaple (2004, *American Economic Review* 94(1), 300–316) and of Chaney (2008).

**Assumptions.** Two symmetric countries. Consumers have CES preferences over varieties, with an
elasticity of substitution σ > 1, so a firm of productivity φ earns revenue proportional to φ^(σ−1) in
each market it serves. To produce at all a firm pays a fixed cost f_d (per period, in its home market);
to export it pays a further fixed cost f_x for the foreign market, and τ ≥ 1 units must be shipped for
one to arrive (iceberg trade cost), so its foreign revenue is τ^(1−σ) times its home revenue. Firm
productivity is Pareto with shape k > σ − 1 (the condition for average sales to be finite). Measured
in units of the domestic cutoff φ_d* (the least productive firm that produces), the productivity of
producing firms is again Pareto with shape k and lower bound 1: firms below 1 exit (a Pareto
distribution truncated from below is Pareto with the same shape). Revenue at home is
r_d(φ) = σ·f_d·φ^(σ−1) (zero profit at φ = 1) and abroad r_x(φ) = τ^(1−σ)·r_d(φ).

**Export cutoff.** A firm exports when its operating profit abroad, r_x(φ)/σ, covers f_x: ::

    φ_x* / φ_d* = τ · (f_x / f_d)^(1/(σ−1))                       (export_cutoff_ratio)

**Selection into exporting.** Melitz assumes τ^(σ−1)·f_x > f_d, that is φ_x* > φ_d*: exporting is
costlier than selling at home, so the exporters are the most productive of the firms that produce (a
subset of them), as firm surveys find. Were τ^(σ−1)·f_x < f_d, some firms would find it worth exporting
but not selling at home, a case the model rules out; the functions below refuse it
(``models.melitz.no_selection``). At the boundary (τ = 1 and f_x = f_d, say) every producing firm exports.

**Shares.** With ρ = φ_x*/φ_d* ≥ 1 and the Pareto density k·φ^(−k−1) on [1, ∞): ::

    share of producing firms that export        ρ^(−k)                                    (share_exporting)
    exporters' share of the sales of all firms  ρ^(σ−1−k)·(1 + τ^(1−σ)) / (1 + τ^(1−σ)·ρ^(σ−1−k))
                                                                                   (exporter_share_of_sales)

The second comes from ∫_a^∞ φ^(σ−1)·k·φ^(−k−1) dφ = k/(k−σ+1)·a^(σ−1−k): home sales of all firms
(a = 1), home sales of exporters (a = ρ), and exporters' foreign sales, τ^(1−σ) times the latter.
The parameter values of :data:`SIGMA`, :data:`SHAPE`, :data:`TAU` and :data:`FX_RATIO` are illustrative,
chosen so that a minority of firms export; they are not estimates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlab import checks
from clusterlab.errors import InputError

# Illustrative values of the chart, not estimates. About one producing firm in five exports at these
# values, and exporters make about two thirds of sales.
#: The elasticity of substitution σ (illustrative).
SIGMA = 4.0
#: The Pareto shape k of productivity, so that k/(σ − 1) ≈ 1.4 (illustrative).
SHAPE = 4.25
#: The trade cost τ the chart starts with (illustrative).
TAU = 1.3
#: The fixed-cost ratio f_x/f_d the chart starts with (illustrative).
FX_RATIO = 1.5

#: Rounding allowed when τ^(σ−1)·f_x and f_d are equal on paper (the boundary of the model's assumption).
_TOLERANCE = 1e-12


def _costs(tau: object, f_x: object, f_d: object, sigma: object) -> tuple[float, float, float, float]:
    tau = checks.number("tau", tau)
    if tau < 1:
        raise InputError("models.melitz.tau", value=tau)
    f_x, f_d = checks.positive("f_x", f_x), checks.positive("f_d", f_d)
    sigma = checks.number("sigma", sigma)
    if sigma <= 1:
        raise InputError("models.melitz.sigma", value=sigma)
    return tau, f_x, f_d, sigma


def export_cutoff_ratio(tau: float, f_x: float, f_d: float, sigma: float) -> float:
    """The export cutoff relative to the domestic cutoff, φ_x*/φ_d* = τ·(f_x/f_d)^(1/(σ−1)).

    ``tau`` ≥ 1 is the iceberg trade cost, ``f_x`` > 0 and ``f_d`` > 0 the fixed costs of exporting and
    of producing for home, ``sigma`` > 1 the elasticity of substitution. A ratio below 1 means the model's
    assumption τ^(σ−1)·f_x ≥ f_d fails (see the module's docstring); this function still returns it, the
    shares below refuse it. Raises :class:`~clusterlab.errors.InputError` (``models.melitz.tau``,
    ``models.melitz.sigma``, ``checks.*``) for arguments out of their domain.
    """
    tau, f_x, f_d, sigma = _costs(tau, f_x, f_d, sigma)
    return tau * (f_x / f_d) ** (1 / (sigma - 1))


def _selection(tau: float, f_x: float, f_d: float, sigma: float, k: float) -> tuple[float, float, float]:
    """(ρ, σ, k) after every check: ρ = φ_x*/φ_d* ≥ 1, k > σ − 1."""
    rho = export_cutoff_ratio(tau, f_x, f_d, sigma)
    sigma, k = float(sigma), checks.number("k", k)
    if k <= sigma - 1:
        raise InputError("models.melitz.shape", k=k, sigma_less_one=sigma - 1)
    if rho < 1 - _TOLERANCE:
        raise InputError("models.melitz.no_selection", product=float(tau) ** (sigma - 1) * float(f_x), f_d=f_d)
    return max(rho, 1.0), sigma, k


def share_exporting(tau: float, f_x: float, f_d: float, sigma: float, k: float) -> float:
    """The share of producing firms that export, ρ^(−k) with ρ = :func:`export_cutoff_ratio`.

    ``k`` > σ − 1 is the Pareto shape of productivity; the other arguments are those of
    :func:`export_cutoff_ratio`. Equal to 1 at the boundary τ^(σ−1)·f_x = f_d (every producing firm
    exports); raises ``models.melitz.no_selection`` below it, where exporters would not be a subset of
    producers, and ``models.melitz.shape`` when k ≤ σ − 1.
    """
    rho, _, k = _selection(tau, f_x, f_d, sigma, k)
    return rho**-k


def exporter_share_of_sales(tau: float, f_x: float, f_d: float, sigma: float, k: float) -> float:
    """The exporters' share of the sales (home and abroad) of all producing firms of a country:
    ρ^(σ−1−k)·(1 + τ^(1−σ)) / (1 + τ^(1−σ)·ρ^(σ−1−k)), with ρ = :func:`export_cutoff_ratio`.

    Derivation (module docstring): home sales of all firms ∝ k/(k−σ+1); home sales of exporters ∝
    k/(k−σ+1)·ρ^(σ−1−k); their foreign sales are τ^(1−σ) times that. Same arguments and errors as
    :func:`share_exporting`; at least the share of firms that export, since exporters are the biggest firms.
    """
    rho, sigma, k = _selection(tau, f_x, f_d, sigma, k)
    tail = rho ** (sigma - 1 - k)
    abroad = float(tau) ** (1 - sigma)
    return tail * (1 + abroad) / (1 + abroad * tail)


def simulate_firms(n: int, k: float, seed: int = 0) -> np.ndarray:
    """``n`` productivities of producing firms, in units of the domestic cutoff: Pareto draws with shape
    ``k`` > 0 and lower bound 1, φ = U^(−1/k) with U uniform on (0, 1] from ``numpy.random.default_rng(seed)``.

    The share of draws at or above :func:`export_cutoff_ratio` estimates :func:`share_exporting`.
    """
    n = checks.whole("n", n, 1)
    k = checks.positive("k", k)
    rng = np.random.default_rng(seed)
    return (1.0 - rng.random(n)) ** (-1.0 / k)


def productivity_density(phi: np.ndarray, k: float = SHAPE) -> np.ndarray:
    """The Pareto density of producing firms' productivity (lower bound 1), k·φ^(−k−1) for φ ≥ 1, 0 below."""
    k = checks.positive("k", k)
    phi = np.asarray(phi, dtype=float)
    return np.where(phi >= 1, k * np.maximum(phi, 1.0) ** (-k - 1), 0.0)


def melitz_data(k: float = SHAPE, upper: float = 6.0, points: int = 101) -> pd.DataFrame:
    """What :func:`~clusterlab.charts.melitz_chart` draws: ``points`` productivities evenly spaced from 1
    (the domestic cutoff) to ``upper`` ≥ 2 (column ``phi``) with their density (column ``density``,
    :func:`productivity_density`)."""
    upper = checks.number("upper", upper, low=2.0)
    points = checks.whole("points", points, 2)
    phi = np.linspace(1.0, upper, points).round(6)
    return pd.DataFrame({"phi": phi, "density": productivity_density(phi, k).round(6)})
