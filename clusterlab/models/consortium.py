"""Export consortia: sharing the fixed cost of entering a foreign market.

A firm pays a fixed cost ``F`` to enter a foreign market (market research, a trade fair,
an agent, certification) and then earns an operating profit ``π`` there. Alone, it exports
only when ``π ≥ F``. When ``n`` firms share the fixed cost equally, each pays ``F / n``,
and a firm exports when ::

    π ≥ F / n,   that is   n ≥ F / π.

This is the arithmetic behind export consortia (for example the consortia supported by
UNIDO); it is a didactic model, not an estimate.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np
from numpy.typing import ArrayLike

from clusterlab import checks
from clusterlab.errors import InputError


def per_firm_cost(fixed_cost: ArrayLike, n_firms: ArrayLike) -> float | np.ndarray:
    """Each member's share ``F / n`` of a fixed entry cost ``F`` shared by ``n`` firms.

    ``fixed_cost`` ≥ 0 and ``n_firms`` whole numbers ≥ 1 (scalars or arrays, broadcast).
    Raises :class:`ValueError` otherwise.
    """
    f = checks.nonnegative_array("fixed_cost", fixed_cost)
    n = checks.nonnegative_array("n_firms", n_firms)
    if (n < 1).any() or (n != np.round(n)).any():
        raise InputError("models.consortium.n_firms", value=n_firms)
    share = f / n
    return float(share) if np.ndim(share) == 0 else share


def exports(profit: ArrayLike, fixed_cost: ArrayLike, n_firms: ArrayLike) -> bool | np.ndarray:
    """Whether a member firm exports: ``π ≥ F / n`` (True where it does)."""
    p = checks.nonnegative_array("profit", profit)
    result = p >= per_firm_cost(fixed_cost, n_firms)
    return bool(result) if np.ndim(result) == 0 else result


def min_partners(fixed_cost: Real, profit: Real) -> int:
    """The smallest consortium in which a firm with profit ``π`` exports: ``⌈F / π⌉`` (at least 1).

    ``profit`` must be positive (with no profit abroad, no consortium is large enough) and
    ``fixed_cost`` 0 or more.
    """
    f = float(checks.nonnegative_array("fixed_cost", fixed_cost))
    p = float(checks.nonnegative_array("profit", profit))
    if p == 0:
        raise InputError("models.consortium.no_profit")
    n = max(1, math.ceil(f / p))
    # Floating-point division can put F / p a hair off a whole number: settle on the exact
    # smallest n for which exports() holds, so the two functions always agree.
    while n > 1 and p >= f / (n - 1):
        n -= 1
    while p < f / n:
        n += 1
    return n
