"""Build the book's tables in ``data/`` from the source files, as received (``make data``).

    python -m bookbuild.data [--sources DIR]     # default: ../shared/datasets

This module holds the processing only: one builder function per source (``eurostat``, ``geodist``…)
reads the files, cleans them and counts what it did. Everything a reader sees about a table lives in
``bookbuild/tables/``, English and French side by side:

- ``<builder>.yml`` (``eurostat.yml``…): the source, licence and attribution, then each table the builder
  makes: title, description, primary key, fields (description, unit, constraints) and cleaning steps.
  A step may name a value the builder computes, ``{n_raw}``; :func:`described` fills it in, numbers
  written the language's way by ``clusterlab.labels.fmt_number``.
- ``licences.yml`` and ``package.yml``: the licences the tables name, and the package's own title.
- ``nuts_names.csv``, ``tiles.csv``, ``tiles_sources.csv`` and ``estimates.csv``: tables transcribed by hand.

To add a table: describe it in the YAML file of its builder (or a new ``<builder>.yml``), build its frame
in that builder (a new builder goes into ``BUILDERS``) and return ``described(name, frame, **values)``;
``tests/test_data_descriptions.py`` then checks its texts and ``tests/test_data.py`` its output.

Nothing is random and rows are sorted, so a second run writes byte-identical files. Confidential or
missing cells stay missing (never zero). When the sources folder is not there (a reader's clone), the
script says so and leaves the committed ``data/`` alone.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import numbers
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from babel.lists import format_list

from bookbuild import maps
from bookbuild.editions import ROOT
from clusterlab.labels import fmt_number

DATA = ROOT / "data"
DEFAULT_SOURCES = ROOT.parent / "shared" / "datasets"
#: The descriptions of the tables, their licences and the package (see the module's docstring).
TABLES = Path(__file__).with_name("tables")
LANGUAGES = {"en": "English", "fr": "French"}
#: A value named in a cleaning step: ``{n_raw}``.
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TABLE_KEYS = {"title", "description", "source", "licence", "attribution", "primary_key", "fields", "steps"}
FIELD_KEYS = {"name", "type", "description", "unit", "constraints"}


class DescriptionError(ValueError):
    """A file of ``bookbuild/tables/`` that the build cannot use; the message says which entry and why."""


@dataclass
class Table:
    """One table of the book: its frame, its documentation and its cleaning steps, in English and French.

    ``steps_fr`` has the same steps as ``steps``, in the same order, with the same numbers; every field
    (built with ``f``) carries its French description, and its French unit when it has a unit.
    ``check_french`` refuses a table that lacks any of them.
    """

    name: str
    title: str
    description: str
    source: dict
    licence: str
    attribution: str
    fields: list[dict]
    frame: pd.DataFrame
    steps: list[str] = field(default_factory=list)
    primary_key: list[str] = field(default_factory=list)
    title_fr: str = ""
    description_fr: str = ""
    attribution_fr: str = ""
    steps_fr: list[str] = field(default_factory=list)
    #: a map's shapes are a TopoJSON file holding one object of this name (Vega's ``feature``;
    #: ``topojson:`` in the description), not a table; ``content`` holds its bytes and ``frame``
    #: lists the shapes, one row each
    shapes_object: str = ""
    content: bytes | None = None

    @property
    def path(self) -> str:
        return f"{self.name}.{'topojson' if self.shapes_object else 'csv'}"


def f(
    name: str,
    type_: str,
    description: str,
    description_fr: str = "",
    unit: str | None = None,
    unit_fr: str | None = None,
    **constraints,
) -> dict:
    """A field of a table schema; ``description_fr`` and (with a unit) ``unit_fr`` are its French twins."""
    out = {"name": name, "type": type_, "description": description}
    if description_fr:
        out["description_fr"] = description_fr
    if unit:
        out["unit"] = unit
    if unit_fr:
        out["unit_fr"] = unit_fr
    if constraints:
        out["constraints"] = constraints
    return out


def check_french(t: Table) -> None:
    """Refuse a table whose reader-visible texts lack their French version."""
    missing = [key for key in ("title_fr", "description_fr", "attribution_fr") if not getattr(t, key).strip()]
    if missing:
        raise ValueError(f"table {t.name}: no French text for {', '.join(missing)}")
    if not t.source.get("title_fr", "").strip():
        raise ValueError(f"table {t.name}: its source has no French title (title_fr)")
    if len(t.steps_fr) != len(t.steps):
        raise ValueError(f"table {t.name}: {len(t.steps)} cleaning steps but {len(t.steps_fr)} French steps (steps_fr)")
    if not all(step.strip() for step in t.steps_fr):
        raise ValueError(f"table {t.name}: an empty French cleaning step")
    for fld in t.fields:
        if not fld.get("description_fr", "").strip():
            raise ValueError(f"table {t.name}: field {fld['name']} has no French description (description_fr)")
        if bool(fld.get("unit")) != bool(fld.get("unit_fr", "").strip()):
            raise ValueError(
                f"table {t.name}: field {fld['name']} has a unit but no French unit (unit_fr), or the reverse"
            )
    if not licences()[t.licence].get("title_fr", "").strip():
        raise ValueError(f"table {t.name}: licence {t.licence} has no French title (title_fr)")


# --------------------------------------------------------------------------- descriptions (bookbuild/tables)


def bilingual(node: object, where: str) -> tuple[str, str]:
    """The English and French twins of a text written ``{en: ..., fr: ...}``; refused if one is missing."""
    if not isinstance(node, dict):
        raise DescriptionError(f"{where}: give this text in English and French (en: and fr:), not {node!r}")
    for lang, language in LANGUAGES.items():
        if not isinstance(node.get(lang), str) or not node[lang].strip():
            raise DescriptionError(f"{where}: no {language} text ({lang}:)")
    if set(node) != set(LANGUAGES):
        raise DescriptionError(f"{where}: unknown language {sorted(set(node) - set(LANGUAGES))}: use en and fr")
    return node["en"], node["fr"]


def step_text(node: object, where: str) -> tuple[str, str]:
    """A cleaning step in English and French, both naming the same ``{values}``."""
    en, fr = bilingual(node, where)
    names_en, names_fr = set(PLACEHOLDER.findall(en)), set(PLACEHOLDER.findall(fr))
    if names_en != names_fr:
        raise DescriptionError(
            f"{where}: the English and French steps name different values: "
            f"only in en {sorted(names_en - names_fr)}, only in fr {sorted(names_fr - names_en)}"
        )
    return en, fr


def _keys(node: object, allowed: set[str], required: set[str], where: str) -> dict:
    if not isinstance(node, dict):
        raise DescriptionError(f"{where}: expected a mapping, not {node!r}")
    if unknown := set(node) - allowed:
        raise DescriptionError(f"{where}: unknown key {sorted(unknown)}; known keys: {sorted(allowed)}")
    if missing := required - set(node):
        raise DescriptionError(f"{where}: missing {sorted(missing)}")
    return node


def _flat(node: dict, keys: tuple[str, ...], where: str) -> dict[str, str]:
    """``{key: English, key_fr: French}`` for each key, as the data package writes its texts."""
    out = {}
    for key in keys:
        out[key], out[f"{key}_fr"] = bilingual(node[key], f"{where}.{key}")
    return out


def _field(node: object, where: str) -> dict:
    node = _keys(node, FIELD_KEYS, {"name", "type", "description"}, where)
    where = f"{where} ({node['name']})"
    unit = bilingual(node["unit"], f"{where}.unit") if "unit" in node else (None, None)
    description = bilingual(node["description"], f"{where}.description")
    return f(node["name"], node["type"], *description, *unit, **node.get("constraints", {}))


def _table(name: str, node: dict, where: str, known_licences: dict) -> Table:
    node = _keys(node, TABLE_KEYS | {"topojson"}, TABLE_KEYS, where)
    source = _keys(node["source"], {"title", "path"}, {"title", "path"}, f"{where}.source")
    if node["licence"] not in known_licences:
        raise DescriptionError(f"{where}.licence: {node['licence']!r} is not in licences.yml")
    steps = [step_text(s, f"{where}.steps[{i}]") for i, s in enumerate(node["steps"], 1)]
    return Table(
        name=name,
        **_flat(node, ("title", "description", "attribution"), where),
        source={"path": source["path"], **_flat(source, ("title",), f"{where}.source")},
        licence=node["licence"],
        fields=[_field(fl, f"{where}.fields[{i}]") for i, fl in enumerate(node["fields"], 1)],
        frame=pd.DataFrame(),
        steps=[en for en, _ in steps],
        steps_fr=[fr for _, fr in steps],
        primary_key=list(node["primary_key"]),
        shapes_object=str(node.get("topojson", "")),
    )


def read_yaml(path: Path) -> dict:
    try:
        node = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise DescriptionError(f"{path.name}: not valid YAML: {err}") from err
    if not isinstance(node, dict):
        raise DescriptionError(f"{path.name}: expected a mapping at the top of the file")
    return node


@cache
def licences(folder: Path = TABLES) -> dict[str, dict]:
    """``licences.yml``, each licence as the data package writes it: name, title, title_fr, path."""
    out = {}
    for key, node in read_yaml(folder / "licences.yml").items():
        node = _keys(node, {"name", "title", "path"}, {"name", "title", "path"}, f"licences.yml: {key}")
        out[key] = {"name": node["name"], **_flat(node, ("title",), f"licences.yml: {key}"), "path": node["path"]}
    return out


@cache
def package(folder: Path = TABLES) -> dict:
    """``package.yml``: the data package's name, title and description."""
    keys = {"name", "title", "description"}
    node = _keys(read_yaml(folder / "package.yml"), keys, keys, "package.yml")
    return {"name": node["name"], **_flat(node, ("title", "description"), "package.yml: package")}


@cache
def descriptions(folder: Path = TABLES) -> dict[str, Table]:
    """Every table described in ``folder``, by name: a Table without its frame, steps as templates.

    A file holds ``source``, ``licence`` and ``attribution`` for all its tables (a table may set its own),
    then ``tables``. Raises :class:`DescriptionError` for a text without its English or French twin, a
    step whose two languages name different values, an unknown key or licence, a table described twice.
    """
    out: dict[str, Table] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.stem in ("licences", "package"):
            continue
        node = read_yaml(path)
        tables = node.pop("tables", None)
        if not isinstance(tables, dict) or not tables:
            raise DescriptionError(f"{path.name}: no tables")
        _keys(node, {"source", "licence", "attribution"}, set(), path.name)
        for name, entry in tables.items():
            if name in out:
                raise DescriptionError(f"{path.name}: table {name} is already described in another file")
            if not isinstance(entry, dict):
                raise DescriptionError(f"{path.name}: tables.{name}: expected a mapping")
            out[name] = _table(name, {**node, **entry}, f"{path.name}: tables.{name}", licences(folder))
    return out


def show(value: object, language: str) -> str:
    """A value in a step: a number through ``fmt_number`` (46,859 / 46 859), a list the language's way
    (2012, 2017, 2022 / 2012, 2017 et 2022), text (a code, a year) as it is."""
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return fmt_number(int(value), 0, language)
    if isinstance(value, list | tuple):
        return format_list([show(v, language) for v in value], style="unit", locale=language)
    raise TypeError(f"a step value must be an integer, a text or a list, not {value!r}")


def fill(template: str, values: dict, language: str) -> str:
    """A step template with its ``{values}`` written in ``language``."""

    def one(match: re.Match) -> str:
        if match.group(1) not in values:
            raise DescriptionError(f"no value given for {{{match.group(1)}}} in the step: {template}")
        return show(values[match.group(1)], language)

    return PLACEHOLDER.sub(one, template)


def described(name: str, frame: pd.DataFrame, **values) -> Table:
    """The table ``name`` as ``bookbuild/tables`` describes it, with its frame and the values its steps name."""
    template = descriptions().get(name)
    if template is None:
        raise DescriptionError(f"table {name} is not described in any file of {TABLES.name}/")
    named = {n for step in template.steps for n in PLACEHOLDER.findall(step)}
    if unused := set(values) - named:
        raise DescriptionError(f"table {name}: values {sorted(unused)} are named by none of its steps")
    return dataclasses.replace(
        template,
        frame=frame,
        steps=[fill(s, values, "en") for s in template.steps],
        steps_fr=[fill(s, values, "fr") for s in template.steps_fr],
    )


# --------------------------------------------------------------------------- Eurostat SBS 2015

NACE_SECTIONS = set("BCDEFGHIJLMN")


def eurostat(src: Path) -> list[Table]:
    raw = pd.read_csv(
        src / "eurostat-sbs-regions-2015" / "sbs_r_nuts06_r2.csv", sep=";", dtype=str, keep_default_na=False
    )
    text = raw["n2015"].str.strip()
    time_cells = text.str.fullmatch(r"\d{1,2}:\d{2} ?[AP]M")
    flag = text.str.extract(r"(?:^|\s)([a-z])$")[0].fillna("")
    number = text.str.replace(r"\s*[a-z]$", "", regex=True).str.strip()
    number = number.mask(time_cells, "")
    bad = ~(number.eq("") | number.str.fullmatch(r"\d+"))
    if bad.any():
        raise ValueError(f"unexpected Eurostat values: {sorted(set(text[bad]))[:10]}")
    status = pd.Series("", index=raw.index)
    status[number.eq("")] = "missing"
    status[time_cells] = "spreadsheet_time"
    frame = pd.DataFrame(
        {
            "geo": raw["geo"],
            "nace": raw["nace_r2"],
            "persons_employed": pd.to_numeric(number.replace("", None)).astype("Int64"),
            "flag": flag,
            "status": status,
        }
    )
    level = frame["geo"].str.len() - 2
    is_section = frame["nace"].isin(NACE_SECTIONS)
    is_division = frame["nace"].str.fullmatch(r"[A-Z]\d{2}")
    keep = level.isin([0, 2]) & (is_section | is_division)
    n_nuts1 = int((level == 1).sum())
    n_groups = int((level.isin([0, 2]) & ~(is_section | is_division)).sum())
    frame = frame[keep].sort_values(["geo", "nace"]).reset_index(drop=True)
    return [
        described(
            "eurostat_sbs_regions_2015",
            frame,
            n_raw=len(raw),
            n_nuts1=n_nuts1,
            n_groups=n_groups,
            n_missing=int((frame["status"] == "missing").sum()),
            n_flagged=int((frame["flag"] != "").sum()),
            n_time=int(time_cells.sum()),
            n_time_kept=int((frame["status"] == "spreadsheet_time").sum()),
        )
    ]


# --------------------------------------------------------------------------- CEPII GeoDist


#: French names in GeoDist whose initial capital lost its accent (the source writes "Îles" but "Egypte"):
#: French typography keeps accents on capitals. Each is checked to be in the source as written here.
FRENCH_ACCENTED_CAPITALS = {
    "Egypte": "Égypte",
    "Emirats arabes unis": "Émirats arabes unis",
    "Equateur": "Équateur",
    "Erythrée": "Érythrée",
    "Ethiopie": "Éthiopie",
    "Etats-Unis d'Amérique": "États-Unis d'Amérique",
}


def geodist(src: Path) -> list[Table]:
    folder = src / "cepii-geodist"
    nodes = pd.read_csv(folder / "cepii_node.csv", dtype=str, keep_default_na=False)
    n_nodes = len(nodes)
    # Some countries have two rows (capital and main city): keep the capital's row.
    nodes["is_capital"] = nodes["cap"].eq("1")
    nodes = nodes.sort_values(["iso3", "is_capital"], ascending=[True, False]).drop_duplicates("iso3")
    if missing := set(FRENCH_ACCENTED_CAPITALS) - set(nodes["pays"]):
        raise ValueError(f"GeoDist: French names to accent not found in cepii_node.csv: {sorted(missing)}")
    accented = nodes["pays"].isin(list(FRENCH_ACCENTED_CAPITALS))
    nodes["pays"] = nodes["pays"].replace(FRENCH_ACCENTED_CAPITALS)
    countries = (
        pd.DataFrame(
            {
                "iso3": nodes["iso3"],
                "iso2": nodes["iso2"],
                "country_en": nodes["country"],
                "country_fr": nodes["pays"],
                "continent": nodes["continent"],
                "landlocked": pd.to_numeric(nodes["landlocked"]).astype("Int64"),
                "capital_en": nodes["city_en"].where(nodes["is_capital"], ""),
                "capital_fr": nodes["city_fr"].where(nodes["is_capital"], ""),
                "langoff_1": nodes["langoff_1"],
                "langoff_2": nodes["langoff_2"],
                "langoff_3": nodes["langoff_3"],
                "colonizer1": nodes["colonizer1"],
                "colonizer2": nodes["colonizer2"],
            }
        )
        .sort_values("iso3")
        .reset_index(drop=True)
    )
    edges = pd.read_csv(folder / "cepii_edge.csv")
    mirror = edges.merge(edges, left_on=["iso_o", "iso_d"], right_on=["iso_d", "iso_o"], suffixes=("", "_m"))
    for col in ("contig", "comlang_off", "colony", "dist", "distcap"):
        if (mirror[col] != mirror[f"{col}_m"]).any():
            raise ValueError(f"GeoDist {col} is not symmetric: keep ordered pairs")
    pairs = edges[edges["iso_o"] < edges["iso_d"]]
    pairs = (
        pd.DataFrame(
            {
                "iso3_a": pairs["iso_o"],
                "iso3_b": pairs["iso_d"],
                "contig": pairs["contig"].astype(int),
                "comlang_off": pairs["comlang_off"].astype(int),
                "colony": pairs["colony"].astype(int),
                "dist_km": pairs["dist"].round().astype(int),
                "distcap_km": pairs["distcap"].round().astype(int),
            }
        )
        .sort_values(["iso3_a", "iso3_b"])
        .reset_index(drop=True)
    )
    return [
        described(
            "geodist_countries",
            countries,
            n_nodes=n_nodes,
            n_twice=n_nodes - len(countries),
            accented=", ".join(f"{a} → {b}" for a, b in FRENCH_ACCENTED_CAPITALS.items()),
            n_accented=int(accented.sum()),
        ),
        described("geodist_pairs", pairs, n_edges=len(edges), n_pairs=len(pairs)),
    ]


# --------------------------------------------------------------------------- World Bank WDI


def wdi(src: Path) -> list[Table]:
    raw = pd.read_csv(src / "worldbank-wdi" / "WBG_data_all_countries.csv")
    raw = raw.rename(columns={raw.columns[1]: "year_code"})
    if not raw["year_code"].str.fullmatch(r"YR\d{4}").all():
        raise ValueError("unexpected WDI year codes")
    frame = (
        pd.DataFrame(
            {
                "iso3": raw["economy"],
                "year": raw["year_code"].str[2:].astype(int),
                "gdp_usd": raw["gdp"].round().astype("Int64"),
                "population": raw["total_population"].round().astype("Int64"),
                "urban_share_pct": raw["urban_population(%_of_total)"].round(3),
            }
        )
        .sort_values(["iso3", "year"])
        .reset_index(drop=True)
    )
    return [described("wdi_gdp_population", frame, n_raw=len(raw), n_missing_gdp=int(frame["gdp_usd"].isna().sum()))]


# --------------------------------------------------------------------------- CEPII TRADHIST


def tradhist(src: Path) -> list[Table]:
    raw = pd.read_csv(src / "cepii-tradhist" / "tradeflow_xx.csv", sep=";")
    raw.columns = [c.strip() for c in raw.columns]
    for col in ("destination_country_code", "origin_country_code"):
        raw[col] = raw[col].str.strip()
    reporters = sorted(raw["origin_country_code"].unique())
    # Which direction is which: for two reporters, the exports of (d, o) are the imports of (o, d).
    both = raw[raw["destination_country_code"].isin(reporters)]
    mirror = both.merge(
        both,
        left_on=["destination_country_code", "origin_country_code", "year"],
        right_on=["origin_country_code", "destination_country_code", "year"],
        suffixes=("", "_m"),
    )
    if not ((mirror["exports"] - mirror["imports_m"]).abs() <= 1e-6 * mirror["exports"].abs().clip(lower=1)).all():
        raise ValueError("TRADHIST directions do not mirror: check the column meanings")
    fra = raw[raw["origin_country_code"] == "FRA"]
    frame = (
        pd.DataFrame(
            {
                "partner": fra["destination_country_code"],
                "year": fra["year"].astype(int),
                "exports_gbp": fra["exports"].round().astype("Int64"),
                "imports_gbp": fra["imports"].round().astype("Int64"),
            }
        )
        .sort_values(["partner", "year"])
        .reset_index(drop=True)
    )
    # The reporters' codes are written as a plain comma-separated run in both languages.
    return [described("tradhist_france", frame, n_raw=len(raw), reporters=", ".join(reporters), n_france=len(frame))]


# --------------------------------------------------------------------------- CEPII BACI (Maghreb)


def baci(src: Path) -> list[Table]:
    raw = pd.read_csv(src / "baci-africa-trade" / "africa_trade_maghreb_subset.csv", dtype={"hs2_codes": str})
    sections = (
        raw[["section_code", "section_name"]].drop_duplicates().sort_values("section_code").reset_index(drop=True)
    )
    if sections["section_code"].duplicated().any():
        raise ValueError("a BACI section has two names")
    trade = (
        pd.DataFrame(
            {
                "exporter": raw["iso3_o"],
                "importer": raw["iso3_d"],
                "section": raw["section_code"].astype(int),
                "hs2_codes": raw["hs2_codes"].str.replace(" ", ""),
                "value_kusd": raw["value"].round(3),
                "value_kusd_2015": raw["value_kd"].round(3),
                "quantity_t": raw["quantity"].round(3),
            }
        )
        .sort_values(["exporter", "importer", "section"])
        .reset_index(drop=True)
    )
    if trade.duplicated(["exporter", "importer", "section"]).any():
        raise ValueError("duplicate BACI rows")
    return [
        described("baci_maghreb_trade", trade, n_raw=len(raw)),
        described("baci_hs_sections", sections.rename(columns={"section_code": "section", "section_name": "name_en"})),
    ]


# --------------------------------------------------------------------------- URSSAF (Rouen zone)


def urssaf(src: Path) -> list[Table]:
    path = src / "urssaf-rouen-zone" / "etablissements-et-effectifs-salaries-au-niveau-commune-x-ape-last.csv"
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    years = sorted(int(m.group(1)) for c in raw.columns if (m := re.fullmatch(r"Effectifs salariés (\d{4})", c)))
    keep_years = [2012, 2017, 2022]
    rows = []
    for year in keep_years:
        part = pd.DataFrame(
            {
                "commune": raw["Code commune"],
                "ape": raw["Code APE"],
                "na38": raw["Secteur NA38"].str.split(" ", n=1).str[0],
                "year": year,
                "establishments": pd.to_numeric(raw[f"Nombre d'établissements {year}"].replace("", None)).astype(
                    "Int64"
                ),
                "employees": pd.to_numeric(raw[f"Effectifs salariés {year}"].replace("", None)).astype("Int64"),
            }
        )
        rows.append(part[part["establishments"].notna() | part["employees"].notna()])
    frame = pd.concat(rows).sort_values(["year", "commune", "ape"]).reset_index(drop=True)
    communes = (
        raw[["Code commune", "Nom commune", "Code EPCI", "EPCI", "Code département"]]
        .drop_duplicates()
        .rename(
            columns={
                "Code commune": "commune",
                "Nom commune": "name",
                "Code EPCI": "epci_code",
                "EPCI": "epci",
                "Code département": "departement",
            }
        )
        .sort_values("commune")
        .reset_index(drop=True)
    )
    ape = (
        raw[["Code APE", "APE", "Secteur NA38", "Secteur NA17"]]
        .drop_duplicates()
        .assign(
            ape_label=lambda d: d["APE"].str.split(" ", n=1).str[1],
            na38=lambda d: d["Secteur NA38"].str.split(" ", n=1).str[0],
            na38_label=lambda d: d["Secteur NA38"].str.split(" ", n=1).str[1],
        )
        .rename(columns={"Code APE": "ape"})[["ape", "ape_label", "na38", "na38_label"]]
        .sort_values("ape")
        .reset_index(drop=True)
    )
    if communes["commune"].duplicated().any() or ape["ape"].duplicated().any():
        raise ValueError("URSSAF labels are not unique per code")
    blank = int(sum((raw[f"Effectifs salariés {y}"] == "").sum() for y in keep_years))
    return [
        described(
            "urssaf_rouen_employees",
            frame,
            n_raw=len(raw),
            # years are written as they are (2022, not 2,022): as text
            first_year=str(years[0]),
            last_year=str(years[-1]),
            kept_years=[str(y) for y in keep_years],
            n_blank=blank,
        ),
        described("urssaf_communes", communes),
        described("urssaf_ape", ape),
    ]


# --------------------------------------------------------------------------- NUTS-2 regions: codes, names, geometry

NUTS_NAMES = "eurostat-nuts-2013-names"
NUTS_GEOMETRY = "gisco-nuts-2013"


def nuts_regions(src: Path) -> list[Table]:
    """Every NUTS-2 code of the Eurostat table and of GISCO's NUTS 2013 map: its official name, the 2013
    code it is drawn with, and why a code has no shape (superseded by NUTS 2013, or extra-regio)."""
    sheet = pd.read_excel(
        src / NUTS_NAMES / "NUTS2010-NUTS2013.xls", sheet_name="NUTS2010-NUTS2013", header=1, dtype=str
    )
    level2 = sheet[sheet["NUTS level 2"].notna()].copy()
    level2["name"] = level2["NUTS level 2"].str.strip()
    names_2013 = dict(zip(level2["Code 2013"].dropna(), level2.loc[level2["Code 2013"].notna(), "name"]))
    old = level2[level2["Code 2010"].notna() & (level2["Code 2010"] != level2["Code 2013"])]
    old = old[~old["Code 2010"].str.contains("part", regex=False)]
    names_2010 = dict(zip(old["Code 2010"], old["name"]))
    recoded = {
        a: b
        for a, b, change in zip(old["Code 2010"], old["Code 2013"], old["Change"])
        if isinstance(b, str) and change.startswith("Code")
    }
    changes_2010 = dict(zip(old["Code 2010"], old["Change"].str.strip()))

    shapes = json.loads((src / NUTS_GEOMETRY / "nuts_rg_60M_2013_lvl_2.geojson").read_text(encoding="utf-8"))
    drawn = {feature["properties"]["NUTS_ID"] for feature in shapes["features"]}
    employment = eurostat(src)[0].frame
    employment = employment[employment["geo"].str.len() == 4]
    counted = employment["persons_employed"].notna().groupby(employment["geo"]).sum().astype(int)

    rows = []
    for code in sorted(set(counted.index) | drawn):
        if code.endswith("ZZ"):
            status, target = "extra_regio", ""
        elif code in drawn:
            status, target = "nuts_2013", code
        elif code in changes_2010:
            status, target = "nuts_2010", recoded.get(code, "")
        else:
            status, target = "before_2010", ""
        name = names_2013.get(code) or names_2010.get(code, "")
        if code.endswith("ZZ"):
            name = ""
        rows.append(
            {
                "geo": code,
                "country": code[:2],
                "name_official": name,
                "geo_2013": target,
                "status": status,
                "change_2010_2013": changes_2010.get(code, "") if status == "nuts_2010" else "",
                "in_employment_table": code in counted.index,
                "values_in_employment_table": int(counted.get(code, 0)),
                "has_geometry": code in drawn,
            }
        )
    frame = pd.DataFrame(rows)
    superseded = frame[frame["status"].isin(["nuts_2010", "before_2010"])]
    if (superseded["values_in_employment_table"] > 0).any():
        raise ValueError(
            "codes superseded by NUTS 2013 carry values in the Eurostat table; map them to 2013 regions "
            f"(sum merged regions) before drawing: {sorted(superseded.loc[superseded['values_in_employment_table'] > 0, 'geo'])}"
        )
    in_table = frame[frame["in_employment_table"]]
    unnamed = frame[(frame["name_official"] == "") & (frame["status"] == "nuts_2013") & frame["in_employment_table"]]
    return [
        described(
            "nuts2_regions",
            frame,
            n_table=len(in_table),
            n_drawn=len(drawn),
            n_both=int((in_table["status"] == "nuts_2013").sum()),
            n_2010=int((frame["status"] == "nuts_2010").sum()),
            codes_2010=", ".join(frame.loc[frame["status"] == "nuts_2010", "geo"]),
            n_recoded=int(((frame["status"] == "nuts_2010") & (frame["geo_2013"] != "")).sum()),
            n_before=int((frame["status"] == "before_2010").sum()),
            codes_before=", ".join(frame.loc[frame["status"] == "before_2010", "geo"]),
            n_zz=int((frame["status"] == "extra_regio").sum()),
            n_zz_values=int(frame.loc[frame["status"] == "extra_regio", "values_in_employment_table"].sum()),
            n_only_map=int((~frame["in_employment_table"]).sum()),
            unnamed=", ".join(unnamed["geo"]) or "—",
        )
    ]


# --------------------------------------------------------------------------- shapes of the maps

NATURAL_EARTH = "natural-earth-countries"
#: The world map's grid: steps across the map (360°/4,000 is about 10 km, where a pixel of the book's
#: 460-pixel world map is some 90 km); finer grids only write more digits into every map page.
WORLD_STEPS = 4000
#: the Euro-Mediterranean window of the close-up map (degrees: west, south, east, north)
EUROMED = (-20.0, 15.0, 45.0, 62.0)


def _iso3(numeric: str) -> str:
    """ISO 3166-1 alpha-3 code of an ISO numeric code, from pycountry's copy of the ISO table ("" if none)."""
    import pycountry

    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else ""


def _countries(topo: dict) -> list[maps.Feature]:
    out = []
    for item in maps.features(topo, "countries"):
        out.append(maps.Feature(_iso3(item.id), item.geometry, {"name": item.properties["name"]}))
    return out


def shapes(src: Path) -> list[Table]:
    """The shapes of the maps: NUTS-2 regions, world countries, and a Euro-Mediterranean close-up."""
    regions = maps.geojson_features(
        json.loads((src / NUTS_GEOMETRY / "nuts_rg_60M_2013_lvl_2.geojson").read_text(encoding="utf-8")), "NUTS_ID"
    )
    regions.sort(key=lambda r: r.id)
    world_topo = json.loads((src / NATURAL_EARTH / "countries-110m.json").read_text(encoding="utf-8"))
    close_topo = json.loads((src / NATURAL_EARTH / "countries-50m.json").read_text(encoding="utf-8"))
    world = _countries(world_topo)
    close_all = _countries(close_topo)
    close = maps.clip(close_all, *EUROMED)
    geodist_codes = set(geodist(src)[0].frame["iso3"])
    wdi_codes = set(wdi(src)[0].frame["iso3"])

    def drawn(name: str, items: list[maps.Feature], simplify: float = 0.0, **values) -> Table:
        """The description of ``name`` with its shapes listed and written (TopoJSON, 20,000 steps)."""
        listed = pd.DataFrame({"id": [i.id for i in items], "name": [i.properties.get("name", "") for i in items]})
        t = described(name, listed[[f["name"] for f in descriptions()[name].fields]], **values)
        return dataclasses.replace(
            t, content=maps.requantized(maps.topology(items, t.shapes_object, 1e5, simplify), 2e4)
        )

    countries = pd.DataFrame(
        sorted({(f.id, f.properties["name"]) for f in world + close}), columns=["iso3", "name_natural_earth"]
    )
    countries["in_world_map"] = countries["name_natural_earth"].isin({f.properties["name"] for f in world})
    countries["in_euromed_map"] = countries["name_natural_earth"].isin({f.properties["name"] for f in close})
    countries["in_geodist"] = countries["iso3"].isin(geodist_codes)
    countries["in_wdi"] = countries["iso3"].isin(wdi_codes)
    no_code = sorted(countries.loc[countries["iso3"] == "", "name_natural_earth"])
    return [
        drawn("nuts2_shapes", regions, n_regions=len(regions)),
        dataclasses.replace(
            described(
                "world_shapes",
                pd.DataFrame({"id": [f.id for f in world], "name": [f.properties["name"] for f in world]}),
                n_world=len(world),
                n_world_no_code=sum(not f.id for f in world),
            ),
            content=maps.requantized(maps.rekeyed(world_topo, "countries", _iso3), WORLD_STEPS),
        ),
        drawn("euromed_shapes", close, simplify=0.05, n_close=len(close), window=", ".join(f"{v:g}" for v in EUROMED)),
        described(
            "map_countries",
            countries.sort_values(["iso3", "name_natural_earth"]).reset_index(drop=True),
            n_countries=len(countries),
            no_code=", ".join(no_code),
            n_geodist=int(countries["in_geodist"].sum()),
            n_wdi=int(countries["in_wdi"].sum()),
        ),
    ]


# --------------------------------------------------------------------------- tables transcribed by hand


def nuts_names(src: Path) -> list[Table]:
    frame = pd.read_csv(TABLES / "nuts_names.csv", dtype=str, keep_default_na=False).sort_values("geo")
    return [described("nuts_names", frame.reset_index(drop=True))]


def tiles(src: Path) -> list[Table]:
    figures = pd.read_csv(TABLES / "tiles.csv", dtype=str, keep_default_na=False)
    publications = pd.read_csv(TABLES / "tiles_sources.csv", dtype=str, keep_default_na=False)
    frame = figures.merge(publications, on="source", how="left", validate="many_to_one")
    if frame["source_title"].isna().any():
        raise ValueError(
            f"tiles.csv names sources that tiles_sources.csv lacks: {sorted(set(frame['source'][frame['source_title'].isna()]))}"
        )
    frame = frame.astype({"year": int, "value": float})
    frame = frame.sort_values(["scope", "indicator", "year"]).reset_index(drop=True)
    return [described("italian_tiles", frame)]


def estimates(src: Path) -> list[Table]:
    frame = pd.read_csv(TABLES / "estimates.csv", dtype=str, keep_default_na=False)
    for column in ("given", "low", "high"):
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    frame["year"] = frame["year"].astype(int)
    doubling = frame["given_unit"] == "percent_per_doubling"
    frame["estimate"] = frame["given"].where(frame["given_unit"] == "elasticity")
    frame.loc[doubling, "estimate"] = np.log2(1 + frame.loc[doubling, "given"] / 100)
    frame = frame.sort_values(["question", "year", "study", "setting_en"]).reset_index(drop=True)
    return [described("published_estimates", frame, n_converted=int(doubling.sum()))]


BUILDERS = (eurostat, nuts_names, nuts_regions, geodist, wdi, tradhist, baci, urssaf, tiles, estimates, shapes)


def to_csv(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8")


def descriptor(tables: list[Table]) -> dict:
    """The data package; every reader-visible text has its French twin in a flat ``*_fr`` property beside it."""
    resources = []
    for t in tables:
        check_french(t)
        resources.append(
            {
                "name": t.name.replace("_", "-"),
                "path": t.path,
                "title": t.title,
                "title_fr": t.title_fr,
                "description": t.description,
                "description_fr": t.description_fr,
                **(
                    {"format": "csv", "mediatype": "text/csv"}
                    if not t.shapes_object
                    else {"format": "topojson", "mediatype": "application/json"}
                ),
                "encoding": "utf-8",
                "sources": [{"title": t.source["title"], "path": t.source["path"], "title_fr": t.source["title_fr"]}],
                "licenses": [licences()[t.licence]],
                "attribution": t.attribution,
                "attribution_fr": t.attribution_fr,
                "cleaning": t.steps,
                "cleaning_fr": t.steps_fr,
                **(
                    {"schema": {"fields": t.fields, "missingValues": [""], "primaryKey": t.primary_key}}
                    if not t.shapes_object
                    # a map's shapes are not a table: what each shape carries is described beside them
                    else {"topojson": {"object": t.shapes_object, "properties": t.fields}}
                ),
            }
        )
    return {**package(), "resources": resources}


def build(sources: Path, out: Path = DATA) -> list[Table]:
    tables = [t for builder in BUILDERS for t in builder(sources)]
    out.mkdir(exist_ok=True)
    for t in tables:
        (out / t.path).write_bytes(t.content if t.shapes_object else to_csv(t.frame))
    text = json.dumps(descriptor(tables), ensure_ascii=False, indent=2) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8")
    return tables


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of the source datasets")
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        print(
            f"No sources folder at {args.sources}: the committed tables in data/ are left as they are.\n"
            "data/README.md says where each source can be downloaded from its producer."
        )
        return
    for t in build(args.sources):
        size = (DATA / t.path).stat().st_size
        print(f"{t.path:34} {len(t.frame):>7} rows {size / 1024:>8.1f} kB")


if __name__ == "__main__":
    sys.exit(main())
