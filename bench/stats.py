"""Summaries of repeated measurements."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no measurement")
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0 < q ≤ 100) by the nearest-rank method: the smallest measured
    value such that at least q % of the measurements are at or below it (always a measured value)."""
    if not values:
        raise ValueError("percentile of no measurement")
    if not 0 < q <= 100:
        raise ValueError(f"q must be in (0, 100], not {q}")
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))
    return float(ordered[rank - 1])
