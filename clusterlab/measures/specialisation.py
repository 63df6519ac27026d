"""Specialisation: how over- or under-represented an industry is in a region, the location quotient
``LQ = (e_ri / e_r) / (e_i / e)`` (:func:`location_quotient`, :func:`lq_table`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlab.errors import InputError, InputTypeError
from clusterlab.labels import message, plural
from clusterlab.measures.inputs import (
    RTOL,
    ArrayLike,
    common_index,
    is_missing,
    is_number,
    listing,
    nonnegative_values,
    where_positions,
)


def location_quotient(e_ri: ArrayLike, e_r: ArrayLike, e_i: ArrayLike, e: ArrayLike) -> float | np.ndarray | pd.Series:
    """Location quotient: the industry's share of the region over its share of the economy. ::

        LQ_ri = (e_ri / e_r) / (e_i / e)

    LQ > 1: the industry is over-represented in the region; LQ < 1: under-represented.

    The four arguments are numbers, lists, NumPy arrays or pandas Series, combined with NumPy
    broadcasting; every entry a finite number ≥ 0. They must describe a possible economy:
    e_ri ≤ e_r, e_ri ≤ e_i, e_r ≤ e, e_i ≤ e and e_r + e_i − e_ri ≤ e (the jobs in region r or in
    industry i cannot outnumber all jobs; this last sum is checked up to a relative rounding
    tolerance of 1e-9). Series are used by position: all the Series passed must share the same
    index (no silent alignment).

    Parameters
    ----------
    e_ri : float, list, numpy.ndarray or pandas.Series
        Employment of industry i in region r.
    e_r : float, list, numpy.ndarray or pandas.Series
        Total employment of region r (> 0).
    e_i : float, list, numpy.ndarray or pandas.Series
        Employment of industry i in all regions (> 0).
    e : float, list, numpy.ndarray or pandas.Series
        Total employment of all industries in all regions (> 0).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A float when every argument is a scalar. Otherwise a NumPy array of the broadcast shape;
        or, when at least one argument is a pandas Series and the result is 1-D of that length, a
        Series named ``"lq"`` with that index.

    Raises
    ------
    ValueError
        For a non-numeric, missing (NaN or None), infinite or negative value, shapes that do not
        broadcast, an impossible combination above, or a zero ``e_r``, ``e_i`` or ``e`` (division
        by zero); the message names the argument and the position.

    References
    ----------
    Farhauer, O. & Kröll, A. (2013), *Standorttheorien: Regional- und Stadtökonomik in Theorie
    und Praxis* (Wiesbaden: Springer). Their example, used by the R package REAT,
    ``location_quotient(1714, 79006, 879213, 15593224)`` gives 0.3847623.
    """
    named = {"e_ri": e_ri, "e_r": e_r, "e_i": e_i, "e": e}
    index = common_index(named)
    arrays = [nonnegative_values(name, value)[0] for name, value in named.items()]
    try:
        a_ri, a_r, a_i, a = np.broadcast_arrays(*arrays)
    except ValueError:
        shapes = ", ".join(f"{n} {arr.shape}" for n, arr in zip(named, arrays))
        raise InputError("measures.lq_shapes", shapes=shapes) from None
    labels = index if index is not None and a_ri.ndim == 1 and a_ri.size == len(index) else None

    impossible = [
        (a_ri > a_r, "measures.lq_ri_above_r"),
        (a_ri > a_i, "measures.lq_ri_above_i"),
        (a_r > a, "measures.lq_r_above_e"),
        (a_i > a, "measures.lq_i_above_e"),
        (a_r + a_i - a_ri > a * (1 + RTOL), "measures.lq_union_above_e"),
        (a == 0, "measures.lq_zero_e"),
        (a_r == 0, "measures.lq_zero_r"),
        (a_i == 0, "measures.lq_zero_i"),
    ]
    for mask, code in impossible:
        if mask.any():
            raise InputError(code, where=where_positions(mask, labels))

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
    """Every location quotient of a tidy region × industry employment table. ::

        LQ_ri = (e_ri / e_r) / (e_i / e),   e_r = Σ_i e_ri,   e_i = Σ_r e_ri,   e = Σ_r Σ_i e_ri

    The table is taken as the whole economy: the totals are computed from it. A region × industry
    pair absent from ``df`` is not added to the result; since it would add 0 to every total, the
    quotients of the rows present are those of the table filled with zeros.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per region × industry pair (other columns are ignored).
    region : str
        The name of the column holding the region labels (no missing label).
    industry : str
        The name of the column holding the industry labels (no missing label).
    value : str
        The name of the column holding employment (finite numbers ≥ 0, no missing value).

    Returns
    -------
    pandas.DataFrame
        A new table with the columns ``region``, ``industry``, ``employment``, ``region_total``,
        ``industry_total``, ``total`` and ``lq`` (renamed to these standard names whatever the input
        names), sorted by region then industry, index reset. ``df`` is not modified.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame.
    ValueError
        Naming the column and the rows (index labels) concerned, when: a named column is missing (or
        two arguments name the same column); a region or industry label is missing; an employment
        value is non-numeric, missing (drop or fill it explicitly: it is never taken as zero),
        infinite or negative; a region × industry pair appears twice (the pair is named); the table
        has no employment at all; a region or an industry has zero total employment (it is named,
        since its quotients would be 0/0: drop it or check the data).

    References
    ----------
    Farhauer, O. & Kröll, A. (2013), *Standorttheorien: Regional- und Stadtökonomik in Theorie
    und Praxis* (Wiesbaden: Springer).
    """
    if not isinstance(df, pd.DataFrame):
        raise InputTypeError("measures.table_not_frame", kind=type(df).__name__)
    names = {"region": region, "industry": industry, "value": value}
    if len(set(names.values())) < 3:
        raise InputError("measures.table_same_column", names=names)
    absent = [message("measures.column_of", column=col, arg=arg) for arg, col in names.items() if col not in df.columns]
    if absent:
        raise InputError(
            "measures.table_no_column",
            absent=plural("measures.columns_not_in_df", len(absent), list=", ".join(absent)),
            columns=list(df.columns),
        )
    repeated = [col for col in names.values() if (df.columns == col).sum() > 1]
    if repeated:
        raise InputError("measures.table_repeated_columns", repeated=repeated)

    table = df[[region, industry, value]].copy()
    table.columns = ["region", "industry", "employment"]

    def at_rows(mask: pd.Series, key: str = "measures.at_rows") -> str:
        """``at rows …`` (or ``rows …`` for ``key="measures.rows"``): the index labels where ``mask`` holds."""
        return plural(key, int(mask.sum()), list=listing(table.index[mask.to_numpy()].tolist()))

    for key, col in (("region", region), ("industry", industry)):
        missing = table[key].isna()
        if missing.any():
            raise InputError(
                "measures.table_missing_labels",
                column=col,
                missing=plural(f"measures.missing_{key}_labels", int(missing.sum())),
                rows=at_rows(missing),
            )

    emp = table["employment"]
    if pd.api.types.is_bool_dtype(emp) or not pd.api.types.is_numeric_dtype(emp):
        bad = emp.map(lambda v: not (is_missing(v) or is_number(v))).astype(bool)
        if bad.any():
            raise InputError(
                "measures.table_not_numbers",
                column=value,
                bad=plural("measures.non_numeric_values", int(bad.sum())),
                rows=at_rows(bad),
                example=emp[bad].iloc[0],
            )
        emp = emp.map(lambda v: np.nan if is_missing(v) else float(v)).astype(float)
        table["employment"] = emp
    missing = emp.isna()
    if missing.any():
        raise InputError(
            "measures.table_missing",
            column=value,
            missing=plural("measures.missing_values", int(missing.sum())),
            rows=at_rows(missing),
        )
    numeric = emp.to_numpy(dtype=float)
    infinite = pd.Series(np.isinf(numeric), index=table.index)
    if infinite.any():
        raise InputError(
            "measures.table_infinite",
            column=value,
            infinite=plural("measures.infinite_values", int(infinite.sum())),
            rows=at_rows(infinite),
        )
    negative = pd.Series(numeric < 0, index=table.index)
    if negative.any():
        raise InputError(
            "measures.table_negative",
            column=value,
            negative=plural("measures.negative_values", int(negative.sum())),
            rows=at_rows(negative),
        )

    duplicated = table.duplicated(["region", "industry"], keep=False)
    if duplicated.any():
        pairs = list(dict.fromkeys(zip(table.loc[duplicated, "region"], table.loc[duplicated, "industry"])))
        raise InputError(
            "measures.table_duplicates",
            pairs=plural("measures.duplicate_pairs", len(pairs), list=listing(pairs)),
            rows=at_rows(duplicated, "measures.rows"),
        )

    if table.empty:
        raise InputError("measures.table_empty")
    total = emp.sum()
    if total == 0:
        raise InputError("measures.table_zero_total", column=value)
    table["region_total"] = table.groupby("region", observed=True)["employment"].transform("sum")
    table["industry_total"] = table.groupby("industry", observed=True)["employment"].transform("sum")
    for key, col in (("region", region), ("industry", industry)):
        zero = table[f"{key}_total"] == 0
        if zero.any():
            labels = list(dict.fromkeys(table.loc[zero, key]))
            raise InputError(
                f"measures.table_zero_{key}",
                which=plural(f"measures.zero_total_{key}", len(labels), list=listing(labels), column=col),
            )
    table["total"] = total
    table["lq"] = location_quotient(
        numeric,
        table["region_total"].to_numpy(dtype=float),
        table["industry_total"].to_numpy(dtype=float),
        float(total),
    )
    return table.sort_values(["region", "industry"], kind="mergesort").reset_index(drop=True)
