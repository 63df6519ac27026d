"""A reader's own employment file: :func:`read_employment` reads a CSV file, an Excel workbook or the
URSSAF open-data layout into a tidy table ``region, industry, employment``, and :func:`summary` says in
the reader's language what it read. Readers call them from :mod:`clusterlab.data`.

Bad input raises :class:`~clusterlab.errors.DataError` whose message, in the reader's language, names
the file, the row or column, and what to fix. Nothing is dropped or changed silently: blank counts stay
missing and the result says how many there were (``result.attrs["missing"]``).
"""

from __future__ import annotations

import io
import os
import re
import typing
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlab import labels
from clusterlab.errors import DataError

__all__ = ["read_employment", "summary"]

#: The argument of :func:`read_employment` that names the column of each role.
ARGUMENT = {"region": "region", "industry": "industry", "employment": "value"}

ROLE_NAMES = {
    "region": [
        "region",
        "région",
        "regions",
        "zone",
        "zone d'emploi",
        "territory",
        "territoire",
        "area",
        "geo",
        "nuts",
        "commune",
        "departement",
        "département",
        "country",
        "pays",
        "city",
        "ville",
    ],
    "industry": [
        "industry",
        "industrie",
        "sector",
        "secteur",
        "activity",
        "activité",
        "branch",
        "branche",
        "nace",
        "naf",
        "ape",
        "code ape",
        "industry_code",
    ],
    "employment": [
        "employment",
        "emploi",
        "emplois",
        "employees",
        "effectifs",
        "effectif",
        "salariés",
        "effectifs salariés",
        "jobs",
        "persons employed",
        "persons_employed",
        "workers",
        "value",
        "valeur",
    ],
}
URSSAF_YEAR = re.compile(r"^Effectifs salariés (\d{4})$")
URSSAF_DEFAULTS = {"region": "Commune", "industry": "Secteur NA38"}
NUMBER = re.compile(r"^-?\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]0+)?$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s_\-]+", " ", text).strip().lower()


def _name(source) -> str:
    if isinstance(source, (str, Path)):
        return str(source)
    return getattr(source, "name", None) or labels.label("data.uploaded_file")


def _read_bytes(source) -> bytes:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise DataError("data.no_file", path=str(path))
        return path.read_bytes()
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 / Latin-1; binary content is refused."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if CONTROL.search(text):
        raise DataError("data.not_text", name=name)
    return text


def _table_from(raw: bytes, name: str) -> pd.DataFrame:
    if not raw.strip():
        raise DataError("data.empty_file", name=name)
    if raw[:4] == b"PK\x03\x04":  # a zip container: an .xlsx workbook
        try:
            frame = pd.read_excel(io.BytesIO(raw), dtype=str, keep_default_na=False)
        except Exception as err:  # openpyxl's errors are many; the reader needs one message
            raise DataError("data.bad_workbook", name=name, err=str(err)) from err
    else:
        text = _decode(raw, name)
        header = text.splitlines()[0] if text.splitlines() else ""
        counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
        sep = max(counts, key=counts.get)
        if counts[sep] == 0:
            raise DataError("data.one_column", name=name, header=header[:80], example="region;industry;employment")
        try:
            frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        except pd.errors.ParserError as err:
            raise DataError("data.ragged_rows", name=name, err=str(err)) from err
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise DataError("data.no_rows", name=name)
    return frame


def _find_column(frame: pd.DataFrame, role: str, given: str | None, name: str) -> str:
    if given is not None:
        if given in frame.columns:
            return given
        folded = {_fold(c): c for c in frame.columns}
        if _fold(given) in folded:
            return folded[_fold(given)]
        raise DataError("data.no_column", name=name, given=given, role=ARGUMENT[role], columns=list(frame.columns))
    wanted = {_fold(n) for n in ROLE_NAMES[role]}
    found = [c for c in frame.columns if _fold(c) in wanted]
    if not found:
        raise DataError(
            "data.which_column",
            name=name,
            role=ARGUMENT[role],
            what=labels.label(f"data.role.{role}"),
            columns=list(frame.columns),
            example=ROLE_NAMES[role][0],
        )
    if len(found) > 1:
        raise DataError(
            "data.several_columns", name=name, role=ARGUMENT[role], what=labels.label(f"data.role.{role}"), found=found
        )
    return found[0]


def _distinct(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each cell's position among the distinct cells, and the distinct cells as text with surrounding
    white space removed (a missing cell is the last one, ""). A file of a million rows has a few
    thousand distinct values per column: each is checked once, and equal cells share one string."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = ["" if pd.isna(u) else str(u).strip() for u in uniques] + [""]
    return np.where(codes < 0, len(texts) - 1, codes), texts


def _stripped(values: pd.Series) -> pd.arrays.StringArray:
    codes, texts = _distinct(values)
    return pd.array(np.asarray(texts, dtype=object)[codes], dtype="string")


def _counts(values: pd.Series, column: str, name: str, first_line: int = 2) -> pd.Series:
    codes, texts = _distinct(values)
    counts: list = []
    bad = np.zeros(len(texts), dtype=bool)
    for k, text in enumerate(texts):
        if text == "":
            counts.append(pd.NA)
        elif NUMBER.fullmatch(text):
            counts.append(int(re.sub(r"[.,]0+$", "", re.sub(r"[ \u00a0\u202f]", "", text))))
        else:
            bad[k] = True
            counts.append(pd.NA)
    wrong = bad[codes]
    if wrong.any():
        cells = np.flatnonzero(wrong)
        where = ", ".join(
            labels.message("data.line_cell", line=int(values.index[i]) + first_line, cell=texts[codes[i]])
            for i in cells[:5]
        )
        more = labels.label("data.and_more") if len(cells) > 5 else ""
        raise DataError("data.not_counts", name=name, column=column, where=where + more)
    numbers = pd.Series(pd.array(np.asarray(counts, dtype=object)[codes], dtype="Int64"), index=values.index)
    negative = numbers < 0
    if negative.fillna(False).any():
        lines = [int(i) + first_line for i in numbers[negative.fillna(False)].index[:5]]
        raise DataError("data.negative_counts", name=name, column=column, lines=_lines(lines))
    return numbers


def _lines(lines: list[int]) -> str:
    """ "line 3" or "lines 3, 7", in the reader's language."""
    return labels.plural("data.lines", len(lines), list=", ".join(map(str, lines)))


def _tidy(region: pd.Series, industry: pd.Series, employment: pd.Series, name: str, duplicates: str) -> pd.DataFrame:
    out = pd.DataFrame(
        {"region": _stripped(region), "industry": _stripped(industry), "employment": employment.array},
        index=region.index,
    )
    empty_key = out["region"].isna() | (out["region"] == "") | out["industry"].isna() | (out["industry"] == "")
    if empty_key.any():
        lines = [int(i) + 2 for i in out.index[empty_key][:5]]
        raise DataError("data.empty_key", name=name, lines=_lines(lines))
    if duplicates == "raise":
        dup = out.duplicated(["region", "industry"], keep=False)
        if dup.any():
            first = out[dup].iloc[0]
            lines = [int(i) + 2 for i in out.index[dup][:6]]
            raise DataError(
                "data.duplicate_rows",
                name=name,
                region=first["region"],
                industry=first["industry"],
                lines=_lines(lines),
            )
    return out


def read_employment(
    source: str | os.PathLike | typing.BinaryIO,
    *,
    region: str | None = None,
    industry: str | None = None,
    value: str | None = None,
    year: int | None = None,
) -> pd.DataFrame:
    """A reader's employment file as a tidy table with columns ``region``, ``industry``, ``employment``.

    ``source`` is a path or a file-like object (for example an upload). Accepted:

    * CSV separated by commas or semicolons, in UTF-8 (with or without BOM) or Latin-1, or an Excel
      ``.xlsx`` workbook (first sheet), in **long layout**: one row per region and industry. The
      columns are recognised by name in French or English (``région``/``region``,
      ``secteur``/``industry``, ``effectifs``/``employment``…) or given with ``region=``,
      ``industry=`` and ``value=``.
    * The **URSSAF open-data layout** (« Établissements et effectifs salariés au niveau commune x
      APE »): one row per commune and APE code, one column per year. ``year`` picks the year
      (default: the latest); ``region`` and ``industry`` pick the level (default ``"Commune"`` and
      ``"Secteur NA38"``; for example ``region="Zone d'emploi"``, ``industry="APE"``); counts are
      added up to that level.

    Blank counts stay missing (``<NA>``); ``result.attrs["missing"]`` says how many blank cells the
    file had, ``result.attrs["layout"]`` which layout was read. When URSSAF rows are added up, a
    group whose counts are all blank stays missing and a group with some blanks adds up the others.

    Parameters
    ----------
    source : str, os.PathLike or typing.BinaryIO
        The file: a path, or a file-like object (an upload) whose ``read()`` gives its content.
    region : str or None
        Long layout: the region column (None: recognised by name). URSSAF: the level (None: ``"Commune"``).
    industry : str or None
        Long layout: the industry column (None: recognised). URSSAF: the level (None: ``"Secteur NA38"``).
    value : str or None
        The employment column (None: recognised by name; in the URSSAF layout, the chosen year's).
    year : int or None
        URSSAF layout: the year to read (None: the latest the file has).

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``industry`` (text) and ``employment`` (``Int64``, blank counts missing), sorted by
        region then industry; ``attrs`` gives ``source``, ``layout``, ``missing`` and ``rows`` (see :func:`summary`).

    Raises
    ------
    DataError
        With the file name, the line or column, and what to fix, for: a missing, empty or undecodable file,
        a table it cannot read (one column, ragged rows, a damaged workbook), missing or ambiguous columns,
        counts that are not whole numbers or negative, the same region and industry twice (long layout),
        a year the URSSAF file does not have, and all-zero totals.
    """
    name = _name(source)
    frame = _table_from(_read_bytes(source), name)
    years = sorted(int(m.group(1)) for c in frame.columns if (m := URSSAF_YEAR.match(c)))
    if years:
        if year is None:
            year = years[-1]
        if year not in years:
            raise DataError("data.no_year", name=name, year=str(year), first=str(years[0]), last=str(years[-1]))
        region_col = _find_column(frame, "region", region or URSSAF_DEFAULTS["region"], name)
        industry_col = _find_column(frame, "industry", industry or URSSAF_DEFAULTS["industry"], name)
        value_col = value or f"Effectifs salariés {year}"
        counts = _counts(frame[_find_column(frame, "employment", value_col, name)], value_col, name)
        missing = int(counts.isna().sum())
        rows = pd.DataFrame({"region": frame[region_col], "industry": frame[industry_col], "employment": counts})
        tidy = _tidy(rows["region"], rows["industry"], rows["employment"], name, duplicates="sum")
        tidy = (
            tidy.groupby(["region", "industry"], sort=True)["employment"].sum(min_count=1).astype("Int64").reset_index()
        )
        layout = f"urssaf ({year}, region={region_col!r}, industry={industry_col!r})"
        read_as = {"kind": "urssaf", "year": year, "region": region_col, "industry": industry_col}
    else:
        region_col = _find_column(frame, "region", region, name)
        industry_col = _find_column(frame, "industry", industry, name)
        value_col = _find_column(frame, "employment", value, name)
        if len({region_col, industry_col, value_col}) < 3:
            raise DataError(
                "data.same_column", name=name, region=region_col, industry=industry_col, employment=value_col
            )
        counts = _counts(frame[value_col], value_col, name)
        missing = int(counts.isna().sum())
        tidy = _tidy(frame[region_col], frame[industry_col], counts, name, duplicates="raise")
        tidy = tidy.sort_values(["region", "industry"]).reset_index(drop=True)
        layout = f"long (region={region_col!r}, industry={industry_col!r}, employment={value_col!r})"
        read_as = {"kind": "long", "region": region_col, "industry": industry_col, "employment": value_col}
    if not (tidy["employment"].fillna(0) > 0).any():
        raise DataError("data.all_zero", name=name, layout=_layout_phrase(read_as))
    tidy.attrs.update(
        {"source": name, "layout": layout, "read_as": read_as, "missing": missing, "rows": int(len(frame))}
    )
    return tidy


def summary(tidy: pd.DataFrame) -> str:
    """One sentence, in the reader's language, on what :func:`read_employment` read (file, layout, rows,
    missing counts)."""
    a = tidy.attrs
    return labels.message(
        "data.summary",
        source=a.get("source"),
        rows=labels.plural("count.rows_read", a.get("rows")),
        layout=_layout_phrase(a["read_as"]) if "read_as" in a else a.get("layout"),
        cells=labels.plural("count.cells", len(tidy)),
        missing=labels.plural("count.blank_counts", a.get("missing")),
    )


def _layout_phrase(read_as: dict) -> str:
    """Which layout and columns were read, in the reader's language."""
    values = {k: str(v) if k == "year" else v for k, v in read_as.items() if k != "kind"}  # a year is not grouped
    return labels.message(f"data.layout.{read_as['kind']}", **values)
