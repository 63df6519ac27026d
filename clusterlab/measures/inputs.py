"""Checks of what the measures are given, shared by the modules of :mod:`clusterlab.measures`: numbers
only, nothing dropped, filled or clipped, vectors matched by position, and errors that name the argument
and say what to fix."""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

#: How many offending positions or rows an error message lists before "and N more".
SHOWN = 5
#: Relative rounding tolerance of the check e_r + e_i − e_ri ≤ e (a sum of floats).
RTOL = 1e-9

#: What the functions accept: a number, a (nested) list, a NumPy array or a pandas Series.
ArrayLike = float | Sequence | np.ndarray | pd.Series


# --------------------------------------------------------------------------- validation


def listing(items: list) -> str:
    shown = ", ".join(repr(item) for item in items[:SHOWN])
    if len(items) > SHOWN:
        shown += f" and {len(items) - SHOWN} more"
    return shown


def where_positions(mask: np.ndarray, labels: pd.Index | None = None) -> str:
    """`` at position(s) …`` (or index labels, or rows) where ``mask`` holds; empty for scalars."""
    mask = np.asarray(mask)
    if mask.ndim == 0:
        return ""
    if labels is not None and mask.ndim == 1 and len(labels) == mask.size:
        return f" at index label(s) {listing(labels[mask].tolist())}"
    if mask.ndim == 1:
        return f" at position(s) {listing(np.flatnonzero(mask).tolist())}"
    return f" at position(s) {listing([tuple(p) for p in np.argwhere(mask).tolist()])}"


def is_missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, numbers.Real) and v != v)


def is_number(v: object) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def as_floats(name: str, value: ArrayLike) -> tuple[np.ndarray, pd.Index | None]:
    """``value`` as a float array (missing values as NaN) and its index if it is a Series."""
    labels = value.index if isinstance(value, pd.Series) else None
    if isinstance(value, (pd.Series, pd.Index, pd.DataFrame)):
        raw = value.to_numpy()
    else:
        try:
            raw = np.asarray(value)
        except ValueError:
            raise ValueError(
                f"{name} must be a number or a rectangular array of numbers; got a ragged "
                "sequence (rows of different lengths)."
            ) from None
    kind = raw.dtype.kind
    if kind in "iuf":
        return raw.astype(float), labels
    if kind == "O":
        flat = raw.ravel()
        bad = [v for v in flat if not (is_missing(v) or is_number(v))]
        if not bad:
            numbers_only = [np.nan if is_missing(v) else float(v) for v in flat]
            return np.array(numbers_only, dtype=float).reshape(raw.shape), labels
        example = bad[0]
    else:
        example = raw.ravel()[0] if raw.size else raw.dtype
        if isinstance(example, np.generic):
            example = example.item()
    raise ValueError(
        f"{name} must hold numbers (employment counts); got {type(example).__name__} "
        f"values such as {example!r}. Convert them to numbers explicitly first."
    )


def nonnegative_values(name: str, value: ArrayLike) -> tuple[np.ndarray, pd.Index | None]:
    """Float array of ``value``; raises unless every entry is a finite number ≥ 0."""
    arr, labels = as_floats(name, value)
    missing = np.isnan(arr)
    if missing.any():
        raise ValueError(
            f"{name} has {int(missing.sum())} missing value(s) (NaN or None){where_positions(missing, labels)}: "
            "a missing count is not zero, so drop or fill them explicitly before calling."
        )
    infinite = np.isinf(arr)
    if infinite.any():
        raise ValueError(
            f"{name} must be finite; it has {int(infinite.sum())} infinite value(s){where_positions(infinite, labels)}."
        )
    negative = arr < 0
    if negative.any():
        raise ValueError(
            f"{name} must be 0 or more; it has {int(negative.sum())} negative value(s){where_positions(negative, labels)}."
        )
    return arr, labels


def common_index(named: dict) -> pd.Index | None:
    """The index shared by the pandas Series among ``named``; raises if they differ."""
    series = {k: v for k, v in named.items() if isinstance(v, pd.Series)}
    if not series:
        return None
    (first, index), *others = ((k, v.index) for k, v in series.items())
    for other, other_index in others:
        if not index.equals(other_index):
            raise ValueError(
                f"{first} and {other} are pandas Series with different indexes; values are "
                f"matched by position, so align them first (e.g. {other}.reindex({first}.index))."
            )
    return index


def regional_vector(name: str, value: ArrayLike, what: str) -> np.ndarray:
    arr, _ = nonnegative_values(name, value)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one value per {what} (a 1-D sequence); got shape {arr.shape}.")
    return arr


def as_shares(name: str, arr: np.ndarray, meaning: str) -> np.ndarray:
    total = arr.sum()
    if total == 0:
        raise ValueError(f"{name} sums to zero: {meaning}, so the shares are undefined (division by zero).")
    if not np.isfinite(total):
        raise ValueError(f"{name} sums to more than the largest float: rescale it (e.g. thousands of jobs).")
    return arr / total


def regional_shares(name: str, value: ArrayLike) -> np.ndarray:
    """x_r = e_r / Σ e_r from a vector of at least two regions."""
    arr = regional_vector(name, value, "region")
    if arr.size < 2:
        raise ValueError(f"{name} needs at least 2 regions; got {arr.size}.")
    return as_shares(name, arr, "there is no employment in any region")


def regional_pair(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """(s, x): the regions' shares of the industry and of total employment."""
    ind = regional_vector("industry_by_region", industry_by_region, "region")
    tot = regional_vector("total_by_region", total_by_region, "region")
    if ind.size != tot.size:
        raise ValueError(
            f"industry_by_region has {ind.size} regions but total_by_region has {tot.size}: "
            "give one value per region, in the same order."
        )
    common_index({"industry_by_region": industry_by_region, "total_by_region": total_by_region})
    x = regional_shares("total_by_region", tot)
    s = as_shares("industry_by_region", ind, "the industry employs nobody")
    orphan = (ind > 0) & (tot == 0)
    if orphan.any():
        raise ValueError(
            f"industry_by_region is positive where total_by_region is zero{where_positions(orphan)}: "
            "a region with no employment cannot employ the industry."
        )
    return s, x


def plant_herfindahl(name: str, sizes: ArrayLike) -> tuple[np.ndarray, float]:
    z = regional_vector(name, sizes, "plant")
    if z.size == 0:
        raise ValueError(f"{name} is empty: give the size (employment) of at least one plant.")
    z = as_shares(name, z, "every plant has size zero")
    return z, float(np.sum(z**2))


def eg_denominators(x: np.ndarray, z: np.ndarray, h: float) -> float:
    """1 − Σ x_r², after checking that neither denominator of γ is zero."""
    one_minus_x2 = 1.0 - float(np.sum(x**2))
    if np.count_nonzero(x) < 2 or one_minus_x2 <= 0:
        raise ValueError(
            "total_by_region puts all employment in a single region (Σ x_r² = 1): there is "
            "nowhere else to locate, so γ is undefined (division by 1 − Σ x_r² = 0)."
        )
    if np.count_nonzero(z) < 2 or h >= 1.0:
        raise ValueError(
            "plant_sizes has a single plant with positive size (H = 1): one plant is always "
            "in one region, so γ is undefined (division by 1 − H = 0)."
        )
    return one_minus_x2
