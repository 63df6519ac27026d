"""The book's tables, the look-ups every part of the package shares, and a reader's own employment file.

* :func:`load` returns one of the shipped tables (``data/*.csv``) as a typed DataFrame, with the
  types, units and missing values that ``data/datapackage.json`` declares.
* :func:`region_names`, :func:`country_names`, :func:`industry_name` and :func:`eurostat_employment`
  are the shared look-ups: names in the reader's language, the Eurostat employment table as a tidy table.
* :func:`read_employment` reads a reader's own file (CSV, Excel, or the URSSAF open-data layout)
  into a tidy table ``region, industry, employment`` ready for :func:`clusterlab.measures.lq_table`
  (written in ``clusterlab.employment_file``, used from here).

Bad input raises :class:`DataError` (a :class:`ValueError`) whose message, in the reader's language,
names the file, the row or column, and what to fix; its ``code`` (``"data.negative_counts"``…) is the
same in every language. Nothing is dropped or changed silently: blank counts stay missing and
the result says how many there were (``result.attrs["missing"]``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from clusterlab import labels
from clusterlab.employment_file import read_employment, summary
from clusterlab.errors import DataError

__all__ = ["DataError", "country_names", "data_dir", "describe", "eurostat_employment", "industry_name", "load"]
__all__ += ["read_employment", "region_names", "shape_files", "shapes", "summary", "tables"]


# --------------------------------------------------------------------------- shipped tables


def data_dir() -> Path:
    """The folder of the book's tables.

    In order: the ``CLUSTERLAB_DATA`` environment variable; a ``data/datapackage.json`` found in the
    current folder or one of its parents (a notebook run inside the book's repository); the
    repository this package was installed from.
    """
    env = os.environ.get("CLUSTERLAB_DATA")
    if env:
        path = Path(env)
        if not (path / "datapackage.json").is_file():
            raise DataError("data.env_folder", env=env)
        return path
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / "data" / "datapackage.json").is_file():
            return folder / "data"
    here = Path(__file__).resolve().parent.parent / "data"
    if (here / "datapackage.json").is_file():
        return here
    raise DataError("data.no_folder")


@cache
def _package(folder: str) -> dict:
    return json.loads((Path(folder) / "datapackage.json").read_text(encoding="utf-8"))


def tables() -> list[str]:
    """Names of the shipped tables (CSV files)."""
    return [r["path"][:-4] for r in _package(str(data_dir()))["resources"] if r["format"] == "csv"]


def shape_files() -> list[str]:
    """Names of the shipped shapes of maps (TopoJSON files; see :func:`shapes`)."""
    return [
        r["path"].removesuffix(".topojson") for r in _package(str(data_dir()))["resources"] if r["format"] == "topojson"
    ]


def describe(name: str) -> dict:
    """The datapackage entry of a table: source, licence, attribution, columns with units, cleaning.

    Parameters
    ----------
    name : str
        A table name such as ``"eurostat_sbs_regions_2015"`` (see :func:`tables`).

    Returns
    -------
    dict
        Its entry in ``data/datapackage.json``: ``title``, ``description``, ``sources``, ``licenses``,
        ``attribution``, ``cleaning`` (each also in French: ``title_fr``…) and ``schema`` (``fields``…).

    Raises
    ------
    DataError
        If no shipped table has that name (the message lists them), or if the data folder cannot be found.
    """
    for resource in _package(str(data_dir()))["resources"]:
        if resource["path"] in (f"{name}.csv", f"{name}.topojson"):
            return resource
    raise DataError("data.no_table", name=name, tables=", ".join(tables() + shape_files()))


_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}


def load(name: str) -> pd.DataFrame:
    """A shipped table as a typed DataFrame (integers that may be missing are ``Int64``).

    Parameters
    ----------
    name : str
        A table name such as ``"eurostat_sbs_regions_2015"`` (see :func:`tables`).

    Returns
    -------
    pandas.DataFrame
        The table with the types and missing values (``<NA>``) that ``data/datapackage.json`` declares; its
        documentation (:func:`describe`) is in ``frame.attrs["resource"]``.

    Raises
    ------
    DataError
        If no shipped table has that name, or if the data folder cannot be found (see :func:`data_dir`).
    """
    resource = describe(name)
    if resource["format"] != "csv":
        raise DataError("data.not_a_table", name=name)
    fields = resource["schema"]["fields"]
    dtypes = {fl["name"]: _PANDAS_TYPES[fl["type"]] for fl in fields}
    frame = pd.read_csv(
        data_dir() / resource["path"],
        dtype=dtypes,
        keep_default_na=False,
        na_values=resource["schema"].get("missingValues", [""]),
        encoding="utf-8",
    )
    frame.attrs["resource"] = resource
    return frame


def shapes(name: str) -> dict:
    """The shapes of a map as its TopoJSON file holds them (a dictionary).

    Parameters
    ----------
    name : str
        ``"nuts2_shapes"`` (NUTS-2 regions, id the NUTS 2013 code), ``"world_shapes"`` or ``"euromed_shapes"``
        (countries, id the ISO alpha-3 code); see :func:`shape_files`.

    Returns
    -------
    dict
        The topology: one object (``describe(name)["topojson"]["object"]``) whose geometries carry an ``id``
        and the properties that :func:`describe` lists. An Altair chart draws it with
        ``alt.Data(values=..., format=alt.DataFormat(type="topojson", feature=object))``.

    Raises
    ------
    DataError
        If no shipped map has that name (a table's name included).
    """
    resource = describe(name)
    if resource["format"] != "topojson":
        raise DataError("data.not_shapes", name=name, shapes=", ".join(shape_files()))
    return json.loads((data_dir() / resource["path"]).read_text(encoding="utf-8"))


def region_names(codes: Iterable[str], language: str | None = None) -> pd.Series:
    """Readable labels for NUTS codes: ``"FR62 Midi-Pyrénées"`` (the usual name in the reader's language)
    for the regions the book names, ``"UKK4 Devon"`` (the official name, in the region's own language and
    script, from ``nuts2_regions``) for the other NUTS-2 regions, ``"NO05 · Norway"`` (country name in the
    reader's language) when the sources give no official name, the code alone when even the country is
    unknown."""
    from clusterlab.labels import get_language

    lang = language or get_language()
    names = load("nuts_names").set_index("geo")[f"name_{lang}"]
    regions = load("nuts2_regions").set_index("geo")["name_official"].dropna()

    def one(code: str) -> str:
        if code in names.index:
            return f"{code} {names[code]}" if len(code) > 2 else str(names[code])
        if code in regions.index:
            return f"{code} {regions[code]}"
        if code[:2] in names.index:
            return f"{code} · {names[code[:2]]}"
        return code

    return pd.Series(codes, dtype="string").map(one).astype("string")


def country_names(countries: pd.DataFrame | None = None) -> pd.Series:
    """Country names in the reader's language, indexed by ISO alpha-3 code, from ``geodist_countries``
    (loaded when ``countries`` is not given).

    GeoDist names BEL "Belgium and Luxembourg" although Luxembourg has its own row (and its own trade
    figures): it is called Belgium here."""
    from clusterlab import labels

    if countries is None:
        countries = load("geodist_countries")
    names = countries.set_index("iso3")[f"country_{labels.get_language()}"].copy()
    if "BEL" in names.index:
        names["BEL"] = labels.label("country.BEL")
    return names


def industry_name(code: str, with_code: bool = True) -> str:
    """``C23 Manufacture of …`` (in the reader's language) for a NACE division the book names, else the
    code as given; ``with_code=False`` gives the name alone."""
    key = f"nace.{code}"
    if not labels.has(key):
        return str(code)
    return f"{code} {labels.label(key)}" if with_code else labels.label(key)


def eurostat_employment() -> pd.DataFrame:
    """Persons employed in 2015 by NUTS-2 region and manufacturing division (C10 to C33), from the shipped
    Eurostat table, as a tidy table; confidential (missing) cells are left out and counted in
    ``attrs["missing"]``.

    Returns
    -------
    pandas.DataFrame
        The columns ``region`` (NUTS 2013 code), ``industry`` (NACE division) and ``employment``, for :func:`clusterlab.audit.run`.
    """
    sbs = load("eurostat_sbs_regions_2015")
    nuts2 = (sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ")
    divisions = sbs[nuts2 & sbs["nace"].str.fullmatch(r"C\d{2}")]
    tidy = (
        divisions.dropna(subset=["persons_employed"])
        .rename(columns={"geo": "region", "nace": "industry", "persons_employed": "employment"})[
            ["region", "industry", "employment"]
        ]
        .reset_index(drop=True)
    )
    tidy.attrs.update(
        {
            "source": "Eurostat (sbs_r_nuts06_r2), 2015",
            "layout": "NUTS 2 × NACE C10–C33",
            "rows": int(len(divisions)),
            "missing": int(divisions["persons_employed"].isna().sum()),
        }
    )
    return tidy
