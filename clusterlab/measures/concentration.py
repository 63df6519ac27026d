"""Concentration: how unevenly one industry is spread over the regions (:func:`hoover`,
:func:`locational_gini`), in how few plants (:func:`herfindahl`), and net of what a few large plants
thrown at random would give (:func:`ellison_glaeser`, :func:`dartboard`)."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from clusterlab.errors import InputError
from clusterlab.measures.inputs import ArrayLike, eg_denominators, plant_herfindahl, regional_pair, regional_shares


def hoover(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> float:
    """Hoover's localisation coefficient of one industry over the regions. ::

        HL = ½ Σ_r |s_r − x_r|,   s_r = e_ri / Σ_r e_ri,   x_r = e_r / Σ_r e_r

    s_r is region r's share of the industry, x_r its share of total employment; HL is the
    share of the industry's jobs that would have to move for the industry to be spread like
    total employment. 0 ≤ HL ≤ 1 − min_r x_r: 0 when s = x, the maximum when the whole
    industry sits in the smallest region.

    Both arguments give one value per region, in the same order, for at least 2 regions: finite
    numbers ≥ 0. Each is used only through its shares, so either may be given in any unit (jobs,
    thousands, shares). The industry's total and total employment must be positive, and a region
    with zero total employment must have zero industry employment. No reference is attached to this
    function; the chapter gives the bibliography.

    Parameters
    ----------
    industry_by_region : list, numpy.ndarray or pandas.Series
        e_ri, the industry's employment in each region.
    total_by_region : list, numpy.ndarray or pandas.Series
        e_r, total employment in each region.

    Returns
    -------
    float
        The coefficient HL.

    Raises
    ------
    ValueError
        For a non-numeric, missing, infinite or negative value, a vector that is not 1-D, lengths
        that differ, fewer than 2 regions, a zero sum (division by zero), industry employment in a
        region with no employment, or two pandas Series with different indexes.
    """
    s, x = regional_pair(industry_by_region, total_by_region)
    return float(0.5 * np.abs(s - x).sum())


def locational_gini(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> float:
    """Krugman's locational Gini coefficient of one industry over the regions.

    Sort the regions by location quotient LQ_r = s_r / x_r, ascending, and let X_k and S_k be
    the cumulative shares of total employment and of the industry over the first k regions
    (X_0 = S_0 = 0). The points (X_k, S_k) draw the localisation curve, and ::

        G = 1 − Σ_k (X_k − X_{k−1}) (S_k + S_{k−1})

    is twice the area between the diagonal and that curve. 0 ≤ G ≤ 1 − min_r x_r: 0 when
    the industry is spread like total employment, the maximum when the whole industry sits in
    the smallest region. Some software (e.g. the R package EconGeo) reports the area itself,
    i.e. half this value, whose theoretical limit is 0.5.

    The arguments are as for :func:`hoover`: one value per region in the same order, at least
    2 regions, finite numbers ≥ 0, each used only through its shares. A region with zero total
    employment (and so zero industry employment) has no LQ; it adds a segment of zero length to
    the curve wherever it is placed, so it does not change G.

    Parameters
    ----------
    industry_by_region : list, numpy.ndarray or pandas.Series
        e_ri, the industry's employment in each region.
    total_by_region : list, numpy.ndarray or pandas.Series
        e_r, total employment in each region.

    Returns
    -------
    float
        The coefficient G (rounding can leave it a few 1e-16 outside the bounds).

    Raises
    ------
    ValueError
        In the same cases as :func:`hoover`.

    References
    ----------
    Krugman, P. (1991), *Geography and Trade* (Cambridge, MA: MIT Press).
    """
    s, x = regional_pair(industry_by_region, total_by_region)
    lq = np.divide(s, x, out=np.zeros_like(s), where=x > 0)
    order = np.argsort(lq, kind="stable")
    widths = x[order]
    S = np.concatenate(([0.0], np.cumsum(s[order])))
    return float(1.0 - np.sum(widths * (S[1:] + S[:-1])))


def herfindahl(sizes: ArrayLike) -> float:
    """Herfindahl index of plant sizes: how concentrated an industry is in a few plants. ::

        H = Σ_j z_j²,   z_j = sizes_j / Σ_k sizes_k

    1/N ≤ H ≤ 1 for N plants with positive size: 1/N when they are all the same size, 1 for
    a single plant.

    Parameters
    ----------
    sizes : list, numpy.ndarray or pandas.Series
        One size (usually employment) per plant, a non-empty 1-D sequence of finite numbers ≥ 0,
        not all zero; plants of size zero are allowed and do not count in N.

    Returns
    -------
    float
        The index H.

    Raises
    ------
    ValueError
        For an empty, non-1-D, non-numeric, missing, infinite, negative or all-zero input.

    References
    ----------
    Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S. manufacturing
    industries: a dartboard approach", *Journal of Political Economy* 105(5), 889–927, where H is the
    plant Herfindahl that enters γ.
    """
    _, h = plant_herfindahl("sizes", sizes)
    return h


def ellison_glaeser(industry_by_region: ArrayLike, total_by_region: ArrayLike, plant_sizes: ArrayLike) -> float:
    """Ellison–Glaeser index γ: geographic concentration beyond what plant sizes explain. ::

        γ = (G / (1 − Σ_r x_r²) − H) / (1 − H),   G = Σ_r (s_r − x_r)²

    with s_r = e_ri / Σ_r e_ri, x_r = e_r / Σ_r e_r, G the raw concentration and H the
    :func:`herfindahl` of plant sizes. An industry of a few large plants is concentrated even
    when plants locate at random; γ nets that out. It is not bounded to [0, 1]: its expected
    value is 0 when plants are thrown at random like darts, with probability x_r of landing
    in region r (see :func:`dartboard`), it is positive when plants cluster more than that and
    negative when they are more dispersed than random (γ = −H / (1 − H) when s = x). The
    conventional thresholds for "concentrated" are left to the chapter.

    H is computed from ``plant_sizes`` as given: it is not checked against the industry's
    regional employment (plant data and regional data often come from different sources).

    Parameters
    ----------
    industry_by_region : list, numpy.ndarray or pandas.Series
        e_ri, the industry's employment in each region, as for :func:`hoover`.
    total_by_region : list, numpy.ndarray or pandas.Series
        e_r, total employment in each region, as for :func:`hoover`.
    plant_sizes : list, numpy.ndarray or pandas.Series
        One size per plant, as ``sizes`` in :func:`herfindahl`.

    Returns
    -------
    float
        The index γ.

    Raises
    ------
    ValueError
        In the cases of :func:`hoover` and :func:`herfindahl`, when all employment is in a single
        region (Σ x_r² = 1, γ undefined) and when there is a single plant with positive size
        (H = 1, γ undefined).

    References
    ----------
    Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S. manufacturing
    industries: a dartboard approach", *Journal of Political Economy* 105(5), 889–927.
    """
    s, x = regional_pair(industry_by_region, total_by_region)
    z, h = plant_herfindahl("plant_sizes", plant_sizes)
    one_minus_x2 = eg_denominators(x, z, h)
    g = float(np.sum((s - x) ** 2))
    return float((g / one_minus_x2 - h) / (1.0 - h))


def dartboard(total_by_region: ArrayLike, plant_sizes: ArrayLike, n: int, seed: int | None) -> pd.DataFrame:
    """Simulate the Ellison–Glaeser dartboard: plants thrown at random over the regions.

    In each of ``n`` draws, every plant independently lands in region r with probability
    x_r = e_r / Σ_r e_r; the industry's employment in region r is the sum of the sizes of the
    plants that landed there, s_r its share, and ::

        G = Σ_r (s_r − x_r)²,   γ = (G / (1 − Σ_r x_r²) − H) / (1 − H)

    as in :func:`ellison_glaeser`. Under the dartboard E[G] = (1 − Σ_r x_r²) H > 0 and
    E[γ] = 0: random location alone produces raw concentration.

    Parameters
    ----------
    total_by_region : list, numpy.ndarray or pandas.Series
        e_r, one value per region, at least 2 regions with positive employment, finite numbers
        ≥ 0 (any unit: only the shares x_r are used).
    plant_sizes : list, numpy.ndarray or pandas.Series
        One size per plant, as ``sizes`` in :func:`herfindahl`, with at least two plants of
        positive size.
    n : int
        The number of draws, an integer ≥ 1.
    seed : int or None
        Anything ``numpy.random.default_rng`` accepts (an integer ≥ 0 in the book); the same
        seed gives the same table.

    Returns
    -------
    pandas.DataFrame
        ``n`` rows (index 0 … n − 1) and the float columns ``G`` and ``gamma``.

    Raises
    ------
    ValueError
        For invalid ``total_by_region`` or ``plant_sizes`` (as in :func:`ellison_glaeser`,
        including a single region or a single plant, for which γ is undefined) and when ``n`` is
        not an integer ≥ 1.

    References
    ----------
    Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S. manufacturing
    industries: a dartboard approach", *Journal of Political Economy* 105(5), 889–927.
    """
    x = regional_shares("total_by_region", total_by_region)
    z, h = plant_herfindahl("plant_sizes", plant_sizes)
    one_minus_x2 = eg_denominators(x, z, h)
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 1:
        raise InputError("measures.draws", value=n)
    n = int(n)
    n_regions, n_plants = x.size, z.size

    rng = np.random.default_rng(seed)
    landed = rng.choice(n_regions, size=(n, n_plants), p=x)
    cells = (np.arange(n)[:, None] * n_regions + landed).ravel()
    s = np.bincount(cells, weights=np.broadcast_to(z, (n, n_plants)).ravel(), minlength=n * n_regions)
    s = s.reshape(n, n_regions)
    g = np.sum((s - x) ** 2, axis=1)
    gamma = (g / one_minus_x2 - h) / (1.0 - h)
    return pd.DataFrame({"G": g, "gamma": gamma})
