"""Marshall's labour-market pooling as a simulation (after Krugman 1991, *Geography and Trade*, ch. 2).

``n_firms`` firms of one industry each receive a demand shock ε ~ N(0, s²) (``shock_sd`` = s),
independent across firms. A firm's value of labour is linear: hiring its l-th worker is worth
a + ε − b·l, so at wage w it hires l = max(0, (a + ε − w)/b) and earns ::

    π = (a + ε − w) l − b l² / 2.

The firms are spread over ``n_towns`` towns (the same number in each), and the ``workers`` are
spread equally over the towns; workers move between firms of their own town, never between towns.
In each town the wage clears the local labour market, unless it would fall below ``wage_floor``
(a rigid wage): then the floor is paid and the workers the firms do not hire are unemployed.

* One town: the whole industry shares one pool of workers.
* ``n_towns = n_firms``: every firm is alone with its own workers, as in an isolated town.

Without a floor, and as long as no firm shuts down, a firm's expected profit is higher in a pool
by (1 − k/n) s² / (2b) per firm, with k = n_towns and n = n_firms: a firm hit by a good shock
hires more workers at the common wage, one hit by a bad shock fewer (:func:`profit_gain`). And
the town's wage varies less: its variance is s² k / n against s² alone. With a floor, pooling
lowers the workers' risk of unemployment, since one firm's bad shock is often another's good one.

This is a didactic model written for this book, in the spirit of Krugman's argument; its algebra
is derived here (and checked by the tests), not taken from the source.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterlab import checks
from clusterlab.errors import InputError


def _check(n_firms: int, n_towns: int, workers: float, shock_sd: float, slope: float) -> None:
    n_firms = checks.whole("n_firms", n_firms, 1)
    if isinstance(n_towns, bool) or not (
        isinstance(n_towns, (int, np.integer)) and 1 <= n_towns <= n_firms and n_firms % n_towns == 0
    ):
        raise InputError("models.labour_pooling.n_towns", n_firms=n_firms, value=n_towns)
    checks.positive("workers", workers)
    checks.positive("slope", slope)
    checks.number("shock_sd", shock_sd, 0)


def profit_gain(n_firms: int, n_towns: int, shock_sd: float, slope: float = 1.0) -> float:
    """Expected profit per firm with ``n_towns`` towns, less with every firm alone (no wage floor,
    no firm shut down): (1 − k/n) s² / (2b)."""
    _check(n_firms, n_towns, 1.0, shock_sd, slope)
    return (1 - n_towns / n_firms) * shock_sd**2 / (2 * slope)


def _clearing_wage(value: np.ndarray, supply: float, slope: float) -> np.ndarray:
    """The wage at which Σ max(0, (value − w)/b) = supply, row by row (value: draws × firms).

    When every firm hires (the usual case), w = mean(value) − b·supply/n exactly; the other rows,
    where some firm would hire fewer than nobody, are solved by bisection.
    """
    n = value.shape[1]
    wage = value.mean(axis=1) - slope * supply / n
    closed = (value >= wage[:, None]).all(axis=1)
    if not closed.all():
        v = value[~closed]
        lo = v.min(axis=1) - slope * supply  # every firm hires at least supply/n: demand ≥ supply
        hi = v.max(axis=1)  # nobody hires: demand 0 < supply
        for _ in range(80):
            mid = (lo + hi) / 2
            demand = np.maximum(0.0, (v - mid[:, None]) / slope).sum(axis=1)
            too_low = demand > supply
            lo, hi = np.where(too_low, mid, lo), np.where(too_low, hi, mid)
        wage[~closed] = (lo + hi) / 2
    return wage


def simulate(
    n_firms: int = 10,
    n_towns: int = 1,
    workers: float = 100.0,
    shock_sd: float = 1.0,
    value: float = 20.0,
    slope: float = 1.0,
    wage_floor: float | None = None,
    draws: int = 10_000,
    seed: int = 1890,
) -> pd.DataFrame:
    """``draws`` independent years of the industry (seeded): one row per year and town.

    Columns: ``draw``, ``town``, ``wage`` (the town's wage), ``profit`` (mean profit of the town's
    firms), ``employment`` (workers hired) and ``unemployment`` (the share of the town's workers
    not hired). ``value`` is a, ``slope`` is b; the defaults keep every firm open in most years.
    """
    _check(n_firms, n_towns, workers, shock_sd, slope)
    draws = checks.whole("draws", draws, 1)
    if wage_floor is not None:
        wage_floor = checks.number("wage_floor", wage_floor)
    rng = np.random.default_rng(seed)
    shocks = rng.normal(0.0, shock_sd, size=(draws, n_firms))
    per_town, supply = n_firms // n_towns, workers / n_towns
    rows = []
    for town in range(n_towns):
        v = value + shocks[:, town * per_town : (town + 1) * per_town]
        wage = _clearing_wage(v, supply, slope)
        if wage_floor is not None:
            wage = np.maximum(wage, wage_floor)
        hired = np.maximum(0.0, (v - wage[:, None]) / slope)
        profit = (v - wage[:, None]) * hired - slope * hired**2 / 2
        employment = hired.sum(axis=1)
        rows.append(
            pd.DataFrame(
                {
                    "draw": np.arange(draws),
                    "town": town,
                    "wage": wage,
                    "profit": profit.mean(axis=1),
                    "employment": employment,
                    "unemployment": np.clip(1 - employment / supply, 0.0, 1.0),
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


def summary(n_firms: int = 10, n_towns: int = 1, **kwargs) -> dict:
    """Means over the simulated years: expected profit per firm, mean and standard deviation of the
    wage a worker is paid, and expected unemployment rate."""
    sim = simulate(n_firms, n_towns, **kwargs)
    return {
        "profit": float(sim["profit"].mean()),
        "wage": float(sim["wage"].mean()),
        "wage_sd": float(sim["wage"].std()),
        "unemployment": float(sim["unemployment"].mean()),
    }


def pooling_data(
    n_firms: Sequence[int] = (2, 4, 6, 8, 10, 12),
    shock_sds: Sequence[float] = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
    workers_per_firm: float = 10.0,
    value: float = 20.0,
    slope: float = 1.0,
    draws: int = 4000,
    seed: int = 1890,
) -> pd.DataFrame:
    """What :func:`~clusterlab.charts.pooling_chart` draws, simulated with :mod:`clusterlab.models.labour_pooling`
    (seeded): for each number of firms and size of shocks, and for one shared pool or every firm on its own,
    the expected profit per firm and the wage risk (flexible wage), and the expected unemployment
    rate when the wage cannot fall below its average level (value − slope × workers per firm)."""
    rows = []
    floor = value - slope * workers_per_firm
    for n in n_firms:
        for sd in shock_sds:
            for setting, towns in (("pooled", 1), ("isolated", n)):
                common = dict(
                    workers=workers_per_firm * n, shock_sd=float(sd), value=value, slope=slope, draws=draws, seed=seed
                )
                flexible = summary(int(n), int(towns), **common)
                rigid = summary(int(n), int(towns), wage_floor=floor, **common)
                rows.append(
                    {
                        "n_firms": int(n),
                        "shock_sd": float(sd),
                        "setting": setting,
                        "profit": round(flexible["profit"], 3),
                        "wage_sd": round(flexible["wage_sd"], 3),
                        "unemployment": round(100 * rigid["unemployment"], 2),
                    }
                )
    return pd.DataFrame(rows)
