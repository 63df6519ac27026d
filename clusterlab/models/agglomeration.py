"""Agglomeration economies in numbers: elasticities, doublings, and selection against agglomeration.

Studies of agglomeration economies regress the log of firms' or workers' productivity on the log of
the density (or size) of the area where they work. The coefficient is an **elasticity** ``e``: an
area ``ratio`` times denser goes with productivity ``ratio ** e`` times higher, a gain of
``ratio ** e − 1`` (:func:`gain`); :func:`elasticity` goes back from a gain to the elasticity.

Firms in large cities are more productive on average. Combes, Duranton, Gobillon, Puga and Roux
(2012, Econometrica) tell two stories apart by the shape of the distribution of productivity:

* **agglomeration** raises every firm's productivity: the distribution of log productivity in the
  large city is the small city's **shifted** (``shift``) and, if the best firms gain most,
  **dilated** (``dilation``);
* **selection**: tougher competition in the large city drives out its least productive firms, so
  its distribution is the small city's **left-truncated** (the share ``truncation`` of the weakest
  firms is missing).

:func:`quantile_gaps` simulates both on the same draws and compares quantiles: a shift moves every
quantile alike, dilation moves the top most, truncation moves the bottom most. It is a didactic
simulation (log productivity standard normal in the small city), seeded.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from clusterlab import checks
from clusterlab.errors import InputError

QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


def gain(elasticity: float, ratio: float = 2.0) -> float:
    """The proportional gain in productivity, ``ratio ** elasticity − 1``, when density is ``ratio`` times higher.

    ``gain(0.04)`` is 0.0281: with an elasticity of 0.04, doubling density raises productivity by 2.8 %.
    """
    e = checks.number("elasticity", elasticity)
    r = checks.positive("ratio", ratio)
    return r**e - 1.0


def elasticity(gain: float, ratio: float = 2.0) -> float:
    """The elasticity that gives a proportional ``gain`` when density is ``ratio`` times higher:
    ``log(1 + gain) / log(ratio)``."""
    g = checks.number("gain", gain)
    r = checks.positive("ratio", ratio)
    if g <= -1:
        raise InputError("models.agglomeration.gain_low", value=gain)
    if r == 1:
        raise InputError("models.agglomeration.ratio_one")
    return math.log1p(g) / math.log(r)


def quantile_gaps(
    shift: float = 0.0,
    dilation: float = 1.0,
    truncation: float = 0.2,
    n: int = 200_000,
    seed: int = 0,
) -> pd.DataFrame:
    """Quantiles of log productivity in a small city and in a large city that differs from it by
    ``shift`` and ``dilation`` (agglomeration) and by the loss of its weakest ``truncation`` share of
    firms (selection); one row per quantile (10th, 25th, 50th, 75th, 90th) with the ``gap``.

    Log productivity in the small city is standard normal (``n`` seeded draws). In the large city it
    is ``shift + dilation × x``, keeping only the firms above the ``truncation`` quantile.
    """
    a = checks.number("shift", shift)
    d = checks.positive("dilation", dilation)
    s = checks.number("truncation", truncation, low=0.0, high=0.99)
    size = checks.whole("n", n, low=1000)
    draws = np.random.default_rng(seed).standard_normal(size)
    large = a + d * draws
    if s > 0:
        large = large[large >= np.quantile(large, s)]
    small_q = np.quantile(draws, QUANTILES)
    large_q = np.quantile(large, QUANTILES)
    return pd.DataFrame(
        {"quantile": list(QUANTILES), "small_city": small_q, "large_city": large_q, "gap": large_q - small_q}
    )
