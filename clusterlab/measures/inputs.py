"""Checks of what the measures are given, shared by the modules of :mod:`clusterlab.measures`: numbers
only, nothing dropped, filled or clipped, vectors matched by position, and errors that name the argument
and say what to fix, in the reader's language (:class:`clusterlab.errors.InputError`, codes
``measures.*``)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterlab.errors import InputError
from clusterlab.labels import label, plural

#: How many offending positions or rows an error message lists before "and N more".
SHOWN = 5
#: Relative rounding tolerance of the check e_r + e_i − e_ri ≤ e (a sum of floats).
RTOL = 1e-9

#: What the functions accept: a number, a (nested) list, a NumPy array or a pandas Series.
ArrayLike = float | Sequence | np.ndarray | pd.Series


# --------------------------------------------------------------------------- validation


def listing(items: list) -> str:
    """The first :data:`SHOWN` items as Python writes them, then "and N more" in the reader's language."""
    shown = ", ".join(repr(item) for item in items[:SHOWN])
    if len(items) > SHOWN:
        shown += plural("measures.and_more", len(items) - SHOWN)
    return shown


def where_positions(mask: np.ndarray, labels: pd.Index | None = None) -> str:
    """`` at positions …`` (or index labels) where ``mask`` holds, in the reader's language; empty for
    scalars."""
    mask = np.asarray(mask)
    if mask.ndim == 0:
        return ""
    count = int(mask.sum())
    if labels is not None and mask.ndim == 1 and len(labels) == mask.size:
        return plural("measures.at_index_labels", count, list=listing(labels[mask].tolist()))
    if mask.ndim == 1:
        return plural("measures.at_positions", count, list=listing(np.flatnonzero(mask).tolist()))
    return plural("measures.at_positions", count, list=listing([tuple(p) for p in np.argwhere(mask).tolist()]))


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
            raise InputError("measures.ragged", name=name) from None
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
    raise InputError("measures.not_numbers", name=name, kind=type(example).__name__, example=example)


def nonnegative_values(name: str, value: ArrayLike) -> tuple[np.ndarray, pd.Index | None]:
    """Float array of ``value``; raises unless every entry is a finite number ≥ 0."""
    arr, labels = as_floats(name, value)
    missing = np.isnan(arr)
    if missing.any():
        raise InputError(
            "measures.missing",
            name=name,
            missing=plural("measures.missing_values", int(missing.sum())),
            where=where_positions(missing, labels),
        )
    infinite = np.isinf(arr)
    if infinite.any():
        raise InputError(
            "measures.infinite",
            name=name,
            infinite=plural("measures.infinite_values", int(infinite.sum())),
            where=where_positions(infinite, labels),
        )
    negative = arr < 0
    if negative.any():
        raise InputError(
            "measures.negative",
            name=name,
            negative=plural("measures.negative_values", int(negative.sum())),
            where=where_positions(negative, labels),
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
            raise InputError("measures.different_indexes", first=first, other=other)
    return index


def regional_vector(name: str, value: ArrayLike, what: str) -> np.ndarray:
    """``value`` as a 1-D float array of finite numbers ≥ 0, one per ``what`` (``"region"`` or ``"plant"``)."""
    arr, _ = nonnegative_values(name, value)
    if arr.ndim != 1:
        raise InputError("measures.not_1d", name=name, per=label(f"measures.per_{what}"), shape=arr.shape)
    return arr


def as_shares(name: str, arr: np.ndarray, meaning: str) -> np.ndarray:
    """``arr`` divided by its sum; ``meaning`` names the catalogue's ``measures.zero_sum.<meaning>``, what a
    zero sum means."""
    total = arr.sum()
    if total == 0:
        raise InputError("measures.zero_sum", name=name, meaning=label(f"measures.zero_sum.{meaning}"))
    if not np.isfinite(total):
        raise InputError("measures.overflow", name=name)
    return arr / total


def regional_shares(name: str, value: ArrayLike) -> np.ndarray:
    """x_r = e_r / Σ e_r from a vector of at least two regions."""
    arr = regional_vector(name, value, "region")
    if arr.size < 2:
        raise InputError("measures.few_regions", name=name, n=arr.size)
    return as_shares(name, arr, "no_employment")


def regional_pair(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """(s, x): the regions' shares of the industry and of total employment."""
    ind = regional_vector("industry_by_region", industry_by_region, "region")
    tot = regional_vector("total_by_region", total_by_region, "region")
    if ind.size != tot.size:
        raise InputError(
            "measures.region_counts",
            industry=plural("count.regions", ind.size),
            total=plural("count.regions", tot.size),
        )
    common_index({"industry_by_region": industry_by_region, "total_by_region": total_by_region})
    x = regional_shares("total_by_region", tot)
    s = as_shares("industry_by_region", ind, "no_industry")
    orphan = (ind > 0) & (tot == 0)
    if orphan.any():
        raise InputError("measures.orphan_industry", where=where_positions(orphan))
    return s, x


def plant_herfindahl(name: str, sizes: ArrayLike) -> tuple[np.ndarray, float]:
    z = regional_vector(name, sizes, "plant")
    if z.size == 0:
        raise InputError("measures.no_plants", name=name)
    z = as_shares(name, z, "no_plant")
    return z, float(np.sum(z**2))


def eg_denominators(x: np.ndarray, z: np.ndarray, h: float) -> float:
    """1 − Σ x_r², after checking that neither denominator of γ is zero."""
    one_minus_x2 = 1.0 - float(np.sum(x**2))
    if np.count_nonzero(x) < 2 or one_minus_x2 <= 0:
        raise InputError("measures.single_region")
    if np.count_nonzero(z) < 2 or h >= 1.0:
        raise InputError("measures.single_plant")
    return one_minus_x2
