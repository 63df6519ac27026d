"""Measures of localisation: where an industry sits compared with employment as a whole.

The book measures a cluster with a handful of classic indices, all computed from employment:

* :func:`location_quotient` and :func:`lq_table`: how over- or under-represented an industry
  is in a region, ``LQ = (e_ri / e_r) / (e_i / e)``;
* :func:`hoover` and :func:`locational_gini`: how unevenly one industry is spread over the
  regions compared with total employment (0 when it is spread exactly like it);
* :func:`herfindahl`: how concentrated an industry is in a few large plants;
* :func:`ellison_glaeser` and :func:`dartboard`: the Ellison–Glaeser index γ, which nets out
  the concentration that a few large plants thrown at random would produce anyway.

Conventions shared by every function:

* inputs may be numbers, Python lists, NumPy arrays or pandas Series (a DataFrame for
  :func:`lq_table`); regional vectors are matched **by position**, so two Series with different
  indexes raise an error instead of being silently misaligned;
* nothing is dropped, filled or clipped: a negative, missing (NaN or None), infinite or
  non-numeric value, a mismatch of lengths, a division by zero or an impossible combination
  raises :class:`ValueError` with a message that names the argument and says what to fix;
* results are plain floats for scalars and NumPy arrays (or a pandas Series / DataFrame where
  documented) otherwise; nothing is printed; only :func:`dartboard` draws random numbers, from
  ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "location_quotient",
    "lq_table",
    "hoover",
    "locational_gini",
    "herfindahl",
    "ellison_glaeser",
    "dartboard",
]

#: How many offending positions or rows an error message lists before "and N more".
_SHOWN = 5
#: Relative rounding tolerance of the check e_r + e_i − e_ri ≤ e (a sum of floats).
_RTOL = 1e-9

#: What the functions accept: a number, a (nested) list, a NumPy array or a pandas Series.
ArrayLike = float | Sequence | np.ndarray | pd.Series


# --------------------------------------------------------------------------- validation


def _listing(items: list) -> str:
    shown = ", ".join(repr(item) for item in items[:_SHOWN])
    if len(items) > _SHOWN:
        shown += f" and {len(items) - _SHOWN} more"
    return shown


def _where(mask: np.ndarray, labels: pd.Index | None = None) -> str:
    """`` at position(s) …`` (or index labels, or rows) where ``mask`` holds; empty for scalars."""
    mask = np.asarray(mask)
    if mask.ndim == 0:
        return ""
    if labels is not None and mask.ndim == 1 and len(labels) == mask.size:
        return f" at index label(s) {_listing(labels[mask].tolist())}"
    if mask.ndim == 1:
        return f" at position(s) {_listing(np.flatnonzero(mask).tolist())}"
    return f" at position(s) {_listing([tuple(p) for p in np.argwhere(mask).tolist()])}"


def _is_missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, numbers.Real) and v != v)


def _is_number(v) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def _as_floats(name: str, value) -> tuple[np.ndarray, pd.Index | None]:
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
        bad = [v for v in flat if not (_is_missing(v) or _is_number(v))]
        if not bad:
            numbers_only = [np.nan if _is_missing(v) else float(v) for v in flat]
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


def _nonnegative(name: str, value) -> tuple[np.ndarray, pd.Index | None]:
    """Float array of ``value``; raises unless every entry is a finite number ≥ 0."""
    arr, labels = _as_floats(name, value)
    missing = np.isnan(arr)
    if missing.any():
        raise ValueError(
            f"{name} has {int(missing.sum())} missing value(s) (NaN or None){_where(missing, labels)}: "
            "a missing count is not zero, so drop or fill them explicitly before calling."
        )
    infinite = np.isinf(arr)
    if infinite.any():
        raise ValueError(
            f"{name} must be finite; it has {int(infinite.sum())} infinite value(s){_where(infinite, labels)}."
        )
    negative = arr < 0
    if negative.any():
        raise ValueError(
            f"{name} must be 0 or more; it has {int(negative.sum())} negative value(s){_where(negative, labels)}."
        )
    return arr, labels


def _common_index(named: dict) -> pd.Index | None:
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


def _vector(name: str, value, what: str) -> np.ndarray:
    arr, _ = _nonnegative(name, value)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one value per {what} (a 1-D sequence); got shape {arr.shape}.")
    return arr


def _shares(name: str, arr: np.ndarray, meaning: str) -> np.ndarray:
    total = arr.sum()
    if total == 0:
        raise ValueError(f"{name} sums to zero: {meaning}, so the shares are undefined (division by zero).")
    if not np.isfinite(total):
        raise ValueError(f"{name} sums to more than the largest float: rescale it (e.g. thousands of jobs).")
    return arr / total


def _region_shares(name: str, value) -> np.ndarray:
    """x_r = e_r / Σ e_r from a vector of at least two regions."""
    arr = _vector(name, value, "region")
    if arr.size < 2:
        raise ValueError(f"{name} needs at least 2 regions; got {arr.size}.")
    return _shares(name, arr, "there is no employment in any region")


def _regional_pair(industry_by_region, total_by_region) -> tuple[np.ndarray, np.ndarray]:
    """(s, x): the regions' shares of the industry and of total employment."""
    ind = _vector("industry_by_region", industry_by_region, "region")
    tot = _vector("total_by_region", total_by_region, "region")
    if ind.size != tot.size:
        raise ValueError(
            f"industry_by_region has {ind.size} regions but total_by_region has {tot.size}: "
            "give one value per region, in the same order."
        )
    _common_index({"industry_by_region": industry_by_region, "total_by_region": total_by_region})
    x = _region_shares("total_by_region", tot)
    s = _shares("industry_by_region", ind, "the industry employs nobody")
    orphan = (ind > 0) & (tot == 0)
    if orphan.any():
        raise ValueError(
            f"industry_by_region is positive where total_by_region is zero{_where(orphan)}: "
            "a region with no employment cannot employ the industry."
        )
    return s, x


def _plant_herfindahl(name: str, sizes) -> tuple[np.ndarray, float]:
    z = _vector(name, sizes, "plant")
    if z.size == 0:
        raise ValueError(f"{name} is empty: give the size (employment) of at least one plant.")
    z = _shares(name, z, "every plant has size zero")
    return z, float(np.sum(z**2))


def _eg_denominators(x: np.ndarray, z: np.ndarray, h: float) -> float:
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


# --------------------------------------------------------------------------- the measures


def location_quotient(e_ri: ArrayLike, e_r: ArrayLike, e_i: ArrayLike, e: ArrayLike) -> float | np.ndarray | pd.Series:
    """Location quotient: the industry's share of the region over its share of the economy.

        LQ_ri = (e_ri / e_r) / (e_i / e)

    LQ > 1: the industry is over-represented in the region; LQ < 1: under-represented.

    Arguments (numbers, lists, NumPy arrays or pandas Series, combined with NumPy
    broadcasting; every entry a finite number ≥ 0):

    * ``e_ri``: employment of industry i in region r;
    * ``e_r``: total employment of region r (> 0);
    * ``e_i``: employment of industry i in all regions (> 0);
    * ``e``: total employment of all industries in all regions (> 0).

    They must describe a possible economy: e_ri ≤ e_r, e_ri ≤ e_i, e_r ≤ e, e_i ≤ e and
    e_r + e_i − e_ri ≤ e (the jobs in region r or in industry i cannot outnumber all jobs;
    this last sum is checked up to a relative rounding tolerance of 1e-9).

    Returns a float when every argument is a scalar. Otherwise a NumPy array of the broadcast
    shape; or, when at least one argument is a pandas Series and the result is 1-D of that
    length, a Series named ``"lq"`` with that index. Series are used by position: all the
    Series passed must share the same index (no silent alignment).

    Raises :class:`ValueError` for a non-numeric, missing (NaN or None), infinite or negative
    value, shapes that do not broadcast, an impossible combination above, or a zero ``e_r``,
    ``e_i`` or ``e`` (division by zero); the message names the argument and the position.

    Reference: Farhauer, O. & Kröll, A. (2013), *Standorttheorien: Regional- und
    Stadtökonomik in Theorie und Praxis* (Wiesbaden: Springer). Their example, used by the R
    package REAT, ``location_quotient(1714, 79006, 879213, 15593224)`` gives 0.3847623.
    """
    named = {"e_ri": e_ri, "e_r": e_r, "e_i": e_i, "e": e}
    index = _common_index(named)
    arrays = [_nonnegative(name, value)[0] for name, value in named.items()]
    try:
        a_ri, a_r, a_i, a = np.broadcast_arrays(*arrays)
    except ValueError:
        shapes = ", ".join(f"{n} {arr.shape}" for n, arr in zip(named, arrays))
        raise ValueError(
            f"e_ri, e_r, e_i and e have shapes that do not broadcast together ({shapes}): "
            "give one value per cell, or shapes NumPy can broadcast (e.g. a column of region "
            "totals and a row of industry totals)."
        ) from None
    labels = index if index is not None and a_ri.ndim == 1 and a_ri.size == len(index) else None

    impossible = [
        (
            a_ri > a_r,
            "e_ri exceeds e_r",
            "an industry cannot employ more people in a region than the region employs in total",
        ),
        (
            a_ri > a_i,
            "e_ri exceeds e_i",
            "a region cannot hold more of an industry's jobs than the industry has in all regions",
        ),
        (a_r > a, "e_r exceeds e", "a region cannot employ more people than the whole economy"),
        (a_i > a, "e_i exceeds e", "an industry cannot employ more people than the whole economy"),
        (
            a_r + a_i - a_ri > a * (1 + _RTOL),
            "e_r + e_i − e_ri exceeds e",
            "the jobs in region r or in industry i cannot outnumber all jobs",
        ),
    ]
    for mask, what, why in impossible:
        if mask.any():
            raise ValueError(f"{what}{_where(mask, labels)}: {why}. Check the four arguments.")
    zeros = [
        (a == 0, "e is zero", "with no employment at all, the industry's share e_i / e is undefined"),
        (a_r == 0, "e_r is zero", "a region with no employment has no industry shares e_ri / e_r; leave it out"),
        (a_i == 0, "e_i is zero", "an industry with no employment anywhere has no location quotient; leave it out"),
    ]
    for mask, what, why in zeros:
        if mask.any():
            raise ValueError(f"{what}{_where(mask, labels)}: {why} (division by zero).")

    lq = (a_ri / a_r) / (a_i / a)
    if lq.ndim == 0:
        return float(lq)
    if labels is not None:
        return pd.Series(lq, index=labels, name="lq")
    return lq


def lq_table(
    df: pd.DataFrame,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
) -> pd.DataFrame:
    """Every location quotient of a tidy region × industry employment table.

        LQ_ri = (e_ri / e_r) / (e_i / e),   e_r = Σ_i e_ri,   e_i = Σ_r e_ri,   e = Σ_r Σ_i e_ri

    The table is taken as the whole economy: the totals are computed from it.

    Arguments:

    * ``df``: a pandas DataFrame with one row per region × industry pair (other columns are
      ignored). A pair absent from ``df`` is not added to the result; since it would add 0 to
      every total, the quotients of the rows present are those of the table filled with zeros;
    * ``region``, ``industry``: the names of the columns holding the region and the industry
      labels (no missing label);
    * ``value``: the name of the column holding employment (finite numbers ≥ 0, no missing
      value).

    Returns a new DataFrame with the columns ``region``, ``industry``, ``employment``,
    ``region_total``, ``industry_total``, ``total`` and ``lq`` (renamed to these standard
    names whatever the input names), sorted by region then industry, index reset. ``df`` is
    not modified.

    Raises :class:`TypeError` if ``df`` is not a DataFrame, and :class:`ValueError`, naming
    the column and the rows (index labels) concerned, when: a named column is missing (or two
    arguments name the same column); a region or industry label is missing; an employment
    value is non-numeric, missing (drop or fill it explicitly: it is never taken as zero),
    infinite or negative; a region × industry pair appears twice (the pair is named); the
    table has no employment at all; a region or an industry has zero total employment (it is
    named, since its quotients would be 0/0: drop it or check the data).

    Reference: Farhauer, O. & Kröll, A. (2013), *Standorttheorien: Regional- und
    Stadtökonomik in Theorie und Praxis* (Wiesbaden: Springer).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"lq_table needs a pandas DataFrame, not {type(df).__name__}.")
    names = {"region": region, "industry": industry, "value": value}
    if len(set(names.values())) < 3:
        raise ValueError(f"region, industry and value must name three different columns; got {names}.")
    absent = [f"{col!r} (the {arg} column)" for arg, col in names.items() if col not in df.columns]
    if absent:
        raise ValueError(
            f"Column(s) {', '.join(absent)} not in df; it has {list(df.columns)}. Name the "
            "columns with region=, industry= and value=."
        )
    repeated = [col for col in names.values() if (df.columns == col).sum() > 1]
    if repeated:
        raise ValueError(f"df has several columns named {repeated}: keep one of each.")

    table = df[[region, industry, value]].copy()
    table.columns = ["region", "industry", "employment"]

    def rows(mask: pd.Series) -> str:
        return _listing(table.index[mask.to_numpy()].tolist())

    for key, col in (("region", region), ("industry", industry)):
        missing = table[key].isna()
        if missing.any():
            raise ValueError(
                f"Column {col!r} has {int(missing.sum())} missing {key} label(s) at rows "
                f"{rows(missing)}: every row needs one; drop or fill them explicitly."
            )

    emp = table["employment"]
    if pd.api.types.is_bool_dtype(emp) or not pd.api.types.is_numeric_dtype(emp):
        bad = emp.map(lambda v: not (_is_missing(v) or _is_number(v))).astype(bool)
        if bad.any():
            example = emp[bad].iloc[0]
            raise ValueError(
                f"Column {value!r} must hold numbers: {int(bad.sum())} non-numeric value(s) at "
                f"rows {rows(bad)} (e.g. {example!r}). Convert them to numbers explicitly first."
            )
        emp = emp.map(lambda v: np.nan if _is_missing(v) else float(v)).astype(float)
        table["employment"] = emp
    missing = emp.isna()
    if missing.any():
        raise ValueError(
            f"Column {value!r} has {int(missing.sum())} missing value(s) at rows {rows(missing)}: "
            "lq_table never takes a missing count as zero, so drop those rows or fill them "
            "explicitly before calling."
        )
    numeric = emp.to_numpy(dtype=float)
    infinite = pd.Series(np.isinf(numeric), index=table.index)
    if infinite.any():
        raise ValueError(
            f"Column {value!r} must be finite: {int(infinite.sum())} infinite value(s) at rows {rows(infinite)}."
        )
    negative = pd.Series(numeric < 0, index=table.index)
    if negative.any():
        raise ValueError(
            f"Column {value!r} must be 0 or more: {int(negative.sum())} negative value(s) at rows {rows(negative)}."
        )

    duplicated = table.duplicated(["region", "industry"], keep=False)
    if duplicated.any():
        pairs = list(dict.fromkeys(zip(table.loc[duplicated, "region"], table.loc[duplicated, "industry"])))
        raise ValueError(
            f"{len(pairs)} region × industry pair(s) appear more than once: {_listing(pairs)} "
            f"(rows {rows(duplicated)}). Keep one row per pair: sum or drop the duplicates first."
        )

    if table.empty:
        raise ValueError("df has no rows: there is no employment to compute quotients from.")
    total = emp.sum()
    if total == 0:
        raise ValueError(
            f"Total employment in column {value!r} is zero: every location quotient is undefined (division by zero)."
        )
    table["region_total"] = table.groupby("region", observed=True)["employment"].transform("sum")
    table["industry_total"] = table.groupby("industry", observed=True)["employment"].transform("sum")
    for key, col in (("region", region), ("industry", industry)):
        zero = table[f"{key}_total"] == 0
        if zero.any():
            labels = list(dict.fromkeys(table.loc[zero, key]))
            raise ValueError(
                f"{key.capitalize()}(s) {_listing(labels)} (column {col!r}) have zero total "
                "employment, so their location quotients are undefined (0/0): drop them from "
                "df or check the data."
            )
    table["total"] = total
    table["lq"] = location_quotient(
        numeric,
        table["region_total"].to_numpy(dtype=float),
        table["industry_total"].to_numpy(dtype=float),
        float(total),
    )
    return table.sort_values(["region", "industry"], kind="mergesort").reset_index(drop=True)


def hoover(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> float:
    """Hoover's localisation coefficient of one industry over the regions.

        HL = ½ Σ_r |s_r − x_r|,   s_r = e_ri / Σ_r e_ri,   x_r = e_r / Σ_r e_r

    s_r is region r's share of the industry, x_r its share of total employment; HL is the
    share of the industry's jobs that would have to move for the industry to be spread like
    total employment. 0 ≤ HL ≤ 1 − min_r x_r: 0 when s = x, the maximum when the whole
    industry sits in the smallest region.

    Arguments: ``industry_by_region`` (e_ri) and ``total_by_region`` (e_r), one value per
    region in the same order, at least 2 regions, finite numbers ≥ 0. Each is used only
    through its shares, so either may be given in any unit (jobs, thousands, shares). The
    industry's total and total employment must be positive, and a region with zero total
    employment must have zero industry employment.

    Returns a float.

    Raises :class:`ValueError` for a non-numeric, missing, infinite or negative value, a
    vector that is not 1-D, lengths that differ, fewer than 2 regions, a zero sum (division
    by zero), industry employment in a region with no employment, or two pandas Series with
    different indexes.

    Reference: none is attached to this function; the chapter gives the bibliography.
    """
    s, x = _regional_pair(industry_by_region, total_by_region)
    return float(0.5 * np.abs(s - x).sum())


def locational_gini(industry_by_region: ArrayLike, total_by_region: ArrayLike) -> float:
    """Krugman's locational Gini coefficient of one industry over the regions.

    Sort the regions by location quotient LQ_r = s_r / x_r, ascending, and let X_k and S_k be
    the cumulative shares of total employment and of the industry over the first k regions
    (X_0 = S_0 = 0). The points (X_k, S_k) draw the localisation curve, and

        G = 1 − Σ_k (X_k − X_{k−1}) (S_k + S_{k−1})

    is twice the area between the diagonal and that curve. 0 ≤ G ≤ 1 − min_r x_r: 0 when
    the industry is spread like total employment, the maximum when the whole industry sits in
    the smallest region. Some software (e.g. the R package EconGeo) reports the area itself,
    i.e. half this value, whose theoretical limit is 0.5.

    Arguments: as for :func:`hoover`: ``industry_by_region`` (e_ri) and ``total_by_region``
    (e_r), one value per region in the same order, at least 2 regions, finite numbers ≥ 0,
    each used only through its shares. A region with zero total employment (and so zero
    industry employment) has no LQ; it adds a segment of zero length to the curve wherever it
    is placed, so it does not change G.

    Returns a float (rounding can leave it a few 1e-16 outside the bounds).

    Raises :class:`ValueError` in the same cases as :func:`hoover`.

    Reference: Krugman, P. (1991), *Geography and Trade* (Cambridge, MA: MIT Press).
    """
    s, x = _regional_pair(industry_by_region, total_by_region)
    lq = np.divide(s, x, out=np.zeros_like(s), where=x > 0)
    order = np.argsort(lq, kind="stable")
    widths = x[order]
    S = np.concatenate(([0.0], np.cumsum(s[order])))
    return float(1.0 - np.sum(widths * (S[1:] + S[:-1])))


def herfindahl(sizes: ArrayLike) -> float:
    """Herfindahl index of plant sizes: how concentrated an industry is in a few plants.

        H = Σ_j z_j²,   z_j = sizes_j / Σ_k sizes_k

    1/N ≤ H ≤ 1 for N plants with positive size: 1/N when they are all the same size, 1 for
    a single plant.

    ``sizes``: one size (usually employment) per plant, a non-empty 1-D sequence of finite
    numbers ≥ 0, not all zero; plants of size zero are allowed and do not count in N.

    Returns a float.

    Raises :class:`ValueError` for an empty, non-1-D, non-numeric, missing, infinite,
    negative or all-zero input.

    Reference: Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S.
    manufacturing industries: a dartboard approach", *Journal of Political Economy* 105(5),
    889–927, where H is the plant Herfindahl that enters γ.
    """
    _, h = _plant_herfindahl("sizes", sizes)
    return h


def ellison_glaeser(industry_by_region: ArrayLike, total_by_region: ArrayLike, plant_sizes: ArrayLike) -> float:
    """Ellison–Glaeser index γ: geographic concentration beyond what plant sizes explain.

        γ = (G / (1 − Σ_r x_r²) − H) / (1 − H),   G = Σ_r (s_r − x_r)²

    with s_r = e_ri / Σ_r e_ri, x_r = e_r / Σ_r e_r, G the raw concentration and H the
    :func:`herfindahl` of plant sizes. An industry of a few large plants is concentrated even
    when plants locate at random; γ nets that out. It is not bounded to [0, 1]: its expected
    value is 0 when plants are thrown at random like darts, with probability x_r of landing
    in region r (see :func:`dartboard`), it is positive when plants cluster more than that and
    negative when they are more dispersed than random (γ = −H / (1 − H) when s = x). The
    conventional thresholds for "concentrated" are left to the chapter.

    Arguments: ``industry_by_region`` (e_ri) and ``total_by_region`` (e_r) as for
    :func:`hoover`, and ``plant_sizes`` as ``sizes`` in :func:`herfindahl`. H is computed from
    ``plant_sizes`` as given: it is not checked against the industry's regional employment
    (plant data and regional data often come from different sources).

    Returns a float.

    Raises :class:`ValueError` in the cases of :func:`hoover` and :func:`herfindahl`, when
    all employment is in a single region (Σ x_r² = 1, γ undefined) and when there is a single
    plant with positive size (H = 1, γ undefined).

    Reference: Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S.
    manufacturing industries: a dartboard approach", *Journal of Political Economy* 105(5),
    889–927.
    """
    s, x = _regional_pair(industry_by_region, total_by_region)
    z, h = _plant_herfindahl("plant_sizes", plant_sizes)
    one_minus_x2 = _eg_denominators(x, z, h)
    g = float(np.sum((s - x) ** 2))
    return float((g / one_minus_x2 - h) / (1.0 - h))


def dartboard(total_by_region: ArrayLike, plant_sizes: ArrayLike, n: int, seed: int | None) -> pd.DataFrame:
    """Simulate the Ellison–Glaeser dartboard: plants thrown at random over the regions.

    In each of ``n`` draws, every plant independently lands in region r with probability
    x_r = e_r / Σ_r e_r; the industry's employment in region r is the sum of the sizes of the
    plants that landed there, s_r its share, and

        G = Σ_r (s_r − x_r)²,   γ = (G / (1 − Σ_r x_r²) − H) / (1 − H)

    as in :func:`ellison_glaeser`. Under the dartboard E[G] = (1 − Σ_r x_r²) H > 0 and
    E[γ] = 0: random location alone produces raw concentration.

    Arguments:

    * ``total_by_region``: e_r, one value per region, at least 2 regions with positive
      employment, finite numbers ≥ 0 (any unit: only the shares x_r are used);
    * ``plant_sizes``: one size per plant, as ``sizes`` in :func:`herfindahl`, with at least
      two plants of positive size;
    * ``n``: the number of draws, an integer ≥ 1;
    * ``seed``: anything ``numpy.random.default_rng`` accepts (an integer ≥ 0 in the book);
      the same seed gives the same table.

    Returns a pandas DataFrame with ``n`` rows (index 0 … n − 1) and the float columns ``G``
    and ``gamma``.

    Raises :class:`ValueError` for invalid ``total_by_region`` or ``plant_sizes`` (as in
    :func:`ellison_glaeser`, including a single region or a single plant, for which γ is
    undefined) and when ``n`` is not an integer ≥ 1.

    Reference: Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S.
    manufacturing industries: a dartboard approach", *Journal of Political Economy* 105(5),
    889–927.
    """
    x = _region_shares("total_by_region", total_by_region)
    z, h = _plant_herfindahl("plant_sizes", plant_sizes)
    one_minus_x2 = _eg_denominators(x, z, h)
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number of draws, 1 or more; got {n!r}.")
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
