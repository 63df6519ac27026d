"""Build the book's tables in ``data/`` from the source files, as received (``make data``).

    python -m bookbuild.data [--sources DIR]     # default: ../shared/datasets

Every cleaning step is written here and listed, per table, in ``data/datapackage.json`` and
``data/README.md``. Nothing is random and rows are sorted, so a second run writes byte-identical
files. Confidential or missing cells stay missing (never zero). When the sources folder is not
there (a reader's clone), the script says so and leaves the committed ``data/`` alone.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from bookbuild.editions import ROOT

DATA = ROOT / "data"
DEFAULT_SOURCES = ROOT.parent / "shared" / "datasets"

# French typography in every *_fr text, written as escapes so that a reviewer sees them:
# U+00A0 (no-break space) before ":" and inside « guillemets »; U+202F (narrow no-break space)
# before ; ! ? and %, and as the thousands separator (see fr_int). Decimal comma.
NNBSP = "\u202f"

LICENCES = {
    "eurostat": {
        "name": "Eurostat-reuse",
        "title": "Eurostat copyright and reuse policy: reuse authorised, source acknowledged, changes stated (compatible with CC BY 4.0)",
        "title_fr": "Politique d'Eurostat en matière de droit d'auteur et de réutilisation\u00a0: réutilisation autorisée, à condition de citer la source et de signaler les modifications (compatible avec CC BY 4.0)",
        "path": "https://ec.europa.eu/eurostat/about-us/policies/copyright",
    },
    "etalab": {
        "name": "etalab-2.0",
        "title": "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "title_fr": "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
    "ccby": {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0",
        "title_fr": "Creative Commons Attribution 4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    "quoted": {
        "name": "quoted-figures",
        "title": "Figures quoted from the publications named in each row (facts, each with its source and date); the compilation is the book's own (MIT)",
        "title_fr": "Chiffres cités d'après les publications nommées sur chaque ligne (des faits, chacun avec sa source et sa date)\u202f; la compilation est celle du livre (MIT)",
        "path": "https://opensource.org/licenses/MIT",
    },
    "baci": {
        "name": "CEPII-BACI-unconfirmed",
        "title": "CEPII BACI terms of use; redistribution licence not confirmed (see data/README.md)",
        "title_fr": "Conditions d'utilisation de BACI (CEPII)\u202f; licence de redistribution non confirmée (voir data/README.md)",
        "path": "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
    },
}


def fr_int(n: int) -> str:
    """An integer as French prints it: 46859 -> "46\u202f859", 5863 -> "5\u202f863" (years are written as they are)."""
    return f"{int(n):,}".replace(",", NNBSP)


def fr_list(items: list) -> str:
    """2012, 2017, 2022 -> "2012, 2017 et 2022"."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


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

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


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
    if not LICENCES[t.licence].get("title_fr", "").strip():
        raise ValueError(f"table {t.name}: licence {t.licence} has no French title (title_fr)")


# --------------------------------------------------------------------------- Eurostat SBS 2015

NACE_SECTIONS = set("BCDEFGHIJLMN")


def eurostat(src: Path) -> list[Table]:
    raw = pd.read_csv(
        src / "eurostat-sbs-regions-2015" / "sbs_r_nuts06_r2.csv", sep=";", dtype=str, keep_default_na=False
    )
    n_raw = len(raw)
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
    dropped_nuts1 = int((level == 1).sum())
    dropped_groups = int((level.isin([0, 2]) & ~(is_section | is_division)).sum())
    frame = frame[keep].sort_values(["geo", "nace"]).reset_index(drop=True)
    n_missing = int((frame["status"] == "missing").sum())
    n_flagged = int((frame["flag"] != "").sum())
    n_time = int(time_cells.sum())
    n_time_kept = int((frame["status"] == "spreadsheet_time").sum())
    steps = [
        f"Read {n_raw:,} rows of sbs_r_nuts06_r2.csv (nace_r2; geo; n2015).",
        f"Kept countries and NUTS-2 regions (NUTS 2013 codes), dropped {dropped_nuts1:,} NUTS-1 rows.",
        f"Kept NACE Rev. 2 sections and two-digit divisions, dropped {dropped_groups:,} rows of three-digit groups (G451…G479).",
        f"Blank cells (confidential or not available) stay missing: {n_missing:,} kept rows.",
        f'Eurostat flags written after the number ("d": definition differs) moved to the column flag: {n_flagged} kept rows.',
        f'{n_time:,} cells that a spreadsheet had turned into the time "12:00 AM" (all for Iceland: IS, IS0, IS00) '
        "cannot be repaired (the number is lost) and are set missing with status spreadsheet_time; "
        f"{n_time_kept:,} of them are in the kept rows.",
        "The indicator is not named in the file; it is most likely persons employed (Eurostat V16110).",
    ]
    steps_fr = [
        f"Lecture des {fr_int(n_raw)} lignes de sbs_r_nuts06_r2.csv (colonnes nace_r2, geo et n2015, séparées par des points-virgules).",
        f"Conservation des pays et des régions NUTS 2 (codes NUTS 2013)\u202f; {fr_int(dropped_nuts1)} lignes NUTS 1 écartées.",
        f"Conservation des sections et des divisions à deux chiffres de la NACE Rev. 2\u202f; {fr_int(dropped_groups)} lignes "
        "de groupes à trois chiffres (G451…G479) écartées.",
        f"Les cellules vides (confidentielles ou non disponibles) restent manquantes\u00a0: c'est le cas de {fr_int(n_missing)} "
        "lignes conservées.",
        "Les signes conventionnels d'Eurostat (flags) écrits après le nombre («\u00a0d\u00a0»\u00a0: définition différente) "
        f"passent dans la colonne flag\u00a0: {fr_int(n_flagged)} lignes conservées sont concernées.",
        f"{fr_int(n_time)} cellules qu'un tableur avait changées en heure, «\u00a012:00 AM\u00a0» (toutes pour l'Islande\u00a0: "
        "IS, IS0, IS00), ne peuvent pas être réparées (le nombre est perdu)\u202f; elles deviennent manquantes, avec le statut "
        f"spreadsheet_time. {fr_int(n_time_kept)} d'entre elles se trouvent dans les lignes conservées.",
        "L'indicateur n'est pas nommé dans le fichier\u202f; il s'agit très probablement des personnes occupées (Eurostat V16110).",
    ]
    table = Table(
        name="eurostat_sbs_regions_2015",
        title="Persons employed by NUTS-2 region and NACE Rev. 2 division, 2015",
        description="Eurostat Structural Business Statistics by NUTS-2 region and NACE Rev. 2 (sbs_r_nuts06_r2), "
        "reference year 2015: countries (NUTS-0) and NUTS-2 regions, NACE sections and divisions.",
        source={
            "title_fr": "Eurostat, statistiques structurelles sur les entreprises, données SBS par région NUTS 2 et NACE Rev. 2 (sbs_r_nuts06_r2)",
            "title": "Eurostat, Structural Business Statistics, SBS data by NUTS 2 regions and NACE Rev. 2 (sbs_r_nuts06_r2)",
            "path": "https://ec.europa.eu/eurostat/databrowser/view/sbs_r_nuts06_r2/default/table",
        },
        licence="eurostat",
        attribution="Source: Eurostat (sbs_r_nuts06_r2), 2015; selection and cleaning by the book (see steps).",
        title_fr="Personnes occupées par région NUTS 2 et division de la NACE Rev. 2, 2015",
        description_fr="Statistiques structurelles sur les entreprises d'Eurostat par région NUTS 2 et NACE Rev. 2 "
        "(sbs_r_nuts06_r2), année de référence 2015\u00a0: pays (NUTS 0) et régions NUTS 2, sections et "
        "divisions de la NACE.",
        attribution_fr="Source\u00a0: Eurostat (sbs_r_nuts06_r2), 2015\u202f; sélection et nettoyage par le livre (voir les étapes).",
        fields=[
            f(
                "geo",
                "string",
                "NUTS 2013 code: two letters for a country, four characters for a NUTS-2 region",
                "Code NUTS 2013\u00a0: deux lettres pour un pays, quatre caractères pour une région NUTS 2",
                pattern=r"[A-Z]{2}([A-Z0-9]{2})?",
                required=True,
            ),
            f(
                "nace",
                "string",
                "NACE Rev. 2 code: a section letter (B…N) or a division (letter and two digits)",
                "Code NACE Rev. 2\u00a0: lettre de section (B…N) ou division (une lettre et deux chiffres)",
                pattern=r"[A-Z](\d{2})?",
                required=True,
            ),
            f(
                "persons_employed",
                "integer",
                "Persons employed in 2015 (most likely indicator V16110); missing when confidential or not available",
                "Personnes occupées en 2015 (très probablement l'indicateur V16110)\u202f; manquant quand la valeur est "
                "confidentielle ou non disponible",
                unit="persons",
                unit_fr="personnes",
                minimum=0,
            ),
            f(
                "flag",
                "string",
                "Eurostat flag on the value: d = definition differs; empty when none",
                "Signe conventionnel d'Eurostat sur la valeur\u00a0: d = définition différente\u202f; vide s'il n'y en a pas",
            ),
            f(
                "status",
                "string",
                "Why the value is missing: missing (blank in the source) or spreadsheet_time (cell destroyed by a spreadsheet); empty when present",
                "Pourquoi la valeur manque\u00a0: missing (cellule vide dans la source) ou spreadsheet_time (cellule détruite "
                "par un tableur)\u202f; vide quand la valeur est présente",
                enum=["", "missing", "spreadsheet_time"],
            ),
        ],
        frame=frame,
        steps=steps,
        steps_fr=steps_fr,
        primary_key=["geo", "nace"],
    )
    return [table]


# --------------------------------------------------------------------------- CEPII GeoDist


def geodist(src: Path) -> list[Table]:
    folder = src / "cepii-geodist"
    nodes = pd.read_csv(folder / "cepii_node.csv", dtype=str, keep_default_na=False)
    n_nodes = len(nodes)
    # Some countries have two rows (capital and main city): keep the capital's row.
    nodes["is_capital"] = nodes["cap"].eq("1")
    nodes = nodes.sort_values(["iso3", "is_capital"], ascending=[True, False]).drop_duplicates("iso3")
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
    n_edges = len(edges)
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
    source = {
        "title_fr": "CEPII, base GeoDist (Mayer et Zignago, 2011)",
        "title": "CEPII, GeoDist database (Mayer & Zignago 2011)",
        "path": "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=6",
    }
    attribution = "Source: CEPII GeoDist (Mayer & Zignago 2011); selection by the book (see steps)."
    attribution_fr = (
        "Source\u00a0: CEPII, GeoDist (Mayer et Zignago, 2011)\u202f; sélection par le livre (voir les étapes)."
    )
    n_twice = n_nodes - len(countries)
    return [
        Table(
            name="geodist_countries",
            title="Countries: names in English and French, continent, capital, official languages, colonisers",
            description="CEPII GeoDist country table (geo_cepii), one row per country.",
            source=source,
            licence="etalab",
            attribution=attribution,
            title_fr="Pays\u00a0: noms en anglais et en français, continent, capitale, langues officielles, anciens colonisateurs",
            description_fr="Table des pays de GeoDist du CEPII (geo_cepii), une ligne par pays.",
            attribution_fr=attribution_fr,
            fields=[
                f(
                    "iso3",
                    "string",
                    "ISO 3166 alpha-3 code (as used by CEPII)",
                    "Code ISO 3166 alpha-3 (tel que l'emploie le CEPII)",
                    required=True,
                    unique=True,
                ),
                f("iso2", "string", "ISO 3166 alpha-2 code", "Code ISO 3166 alpha-2"),
                f("country_en", "string", "Country name in English (CEPII)", "Nom du pays en anglais (CEPII)"),
                f("country_fr", "string", "Country name in French (CEPII)", "Nom du pays en français (CEPII)"),
                f("continent", "string", "Continent (CEPII)", "Continent (CEPII)"),
                f(
                    "landlocked",
                    "integer",
                    "1 if the country has no sea coast",
                    "1 si le pays n'a pas de façade maritime",
                    minimum=0,
                    maximum=1,
                ),
                f("capital_en", "string", "Capital city in English", "Capitale, nom en anglais"),
                f("capital_fr", "string", "Capital city in French", "Capitale, nom en français"),
                f(
                    "langoff_1",
                    "string",
                    "First official language (English name)",
                    "Première langue officielle (nom anglais)",
                ),
                f(
                    "langoff_2",
                    "string",
                    "Second official language, if any",
                    "Deuxième langue officielle, s'il y en a une",
                ),
                f(
                    "langoff_3",
                    "string",
                    "Third official language, if any",
                    "Troisième langue officielle, s'il y en a une",
                ),
                f(
                    "colonizer1",
                    "string",
                    "ISO3 code of a former coloniser, if any",
                    "Code ISO3 d'un ancien colonisateur, s'il y en a un",
                ),
                f(
                    "colonizer2",
                    "string",
                    "ISO3 code of a second former coloniser, if any",
                    "Code ISO3 d'un second ancien colonisateur, s'il y en a un",
                ),
            ],
            frame=countries,
            steps=[
                f"Read {n_nodes:,} rows of cepii_node.csv; {n_twice:,} countries listed twice "
                "(capital and main city) keep the capital's row, so each country has one row.",
                "Kept identification, names, continent, landlocked, capital, official languages and the first two colonisers.",
            ],
            steps_fr=[
                f"Lecture des {fr_int(n_nodes)} lignes de cepii_node.csv\u202f; {fr_int(n_twice)} pays y figurent deux fois "
                "(capitale et ville principale) et gardent la ligne de leur capitale, de sorte que chaque pays a une "
                "seule ligne.",
                "Conservation des codes d'identification, des noms, du continent, de landlocked, de la capitale, des "
                "langues officielles et des deux premiers colonisateurs.",
            ],
            primary_key=["iso3"],
        ),
        Table(
            name="geodist_pairs",
            title="Country pairs: contiguity, common official language, colonial link, distance",
            description="CEPII GeoDist bilateral table (dist_cepii), each unordered pair of countries once.",
            source=source,
            licence="etalab",
            attribution=attribution,
            title_fr="Paires de pays\u00a0: contiguïté, langue officielle commune, lien colonial, distance",
            description_fr="Table bilatérale de GeoDist du CEPII (dist_cepii), où chaque paire non ordonnée de pays figure une fois.",
            attribution_fr=attribution_fr,
            fields=[
                f(
                    "iso3_a",
                    "string",
                    "First country (alphabetically first ISO3 code)",
                    "Premier pays (celui dont le code ISO3 vient en premier dans l'ordre alphabétique)",
                    required=True,
                ),
                f("iso3_b", "string", "Second country", "Second pays", required=True),
                f(
                    "contig",
                    "integer",
                    "1 if the two countries share a border",
                    "1 si les deux pays ont une frontière commune",
                    minimum=0,
                    maximum=1,
                ),
                f(
                    "comlang_off",
                    "integer",
                    "1 if they share an official language",
                    "1 s'ils ont une langue officielle commune",
                    minimum=0,
                    maximum=1,
                ),
                f(
                    "colony",
                    "integer",
                    "1 if one was ever a colony of the other",
                    "1 si l'un a été, à un moment, une colonie de l'autre",
                    minimum=0,
                    maximum=1,
                ),
                f(
                    "dist_km",
                    "integer",
                    "Great-circle distance between the most populated cities",
                    "Distance orthodromique entre les villes les plus peuplées",
                    unit="km",
                    unit_fr="km",
                    minimum=0,
                ),
                f(
                    "distcap_km",
                    "integer",
                    "Great-circle distance between the capitals",
                    "Distance orthodromique entre les capitales",
                    unit="km",
                    unit_fr="km",
                    minimum=0,
                ),
            ],
            frame=pairs,
            steps=[
                f"Read {n_edges:,} ordered pairs of cepii_edge.csv.",
                "Checked that contig, comlang_off, colony, dist and distcap are the same for (a, b) and (b, a); "
                f"kept each unordered pair once ({len(pairs):,} pairs), pairs of a country with itself dropped.",
                "Distances rounded to the kilometre; population-weighted distances (distw, distwces) not kept "
                "(missing for some pairs and not used by the book).",
            ],
            steps_fr=[
                f"Lecture des {fr_int(n_edges)} paires ordonnées de cepii_edge.csv.",
                "Vérification que contig, comlang_off, colony, dist et distcap sont identiques pour (a, b) et (b, a)\u202f; "
                f"chaque paire non ordonnée est gardée une fois ({fr_int(len(pairs))} paires), les paires d'un pays avec "
                "lui-même sont écartées.",
                "Distances arrondies au kilomètre\u202f; les distances pondérées par la population (distw, distwces) ne "
                "sont pas conservées (elles manquent pour certaines paires et le livre ne s'en sert pas).",
            ],
            primary_key=["iso3_a", "iso3_b"],
        ),
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
    n_missing_gdp = int(frame["gdp_usd"].isna().sum())
    return [
        Table(
            name="wdi_gdp_population",
            title="GDP, population and urban share by country and year",
            description="World Bank World Development Indicators: GDP (current US$), total population, urban population (% of total).",
            source={
                "title_fr": "Banque mondiale, World Development Indicators",
                "title": "World Bank, World Development Indicators",
                "path": "https://databank.worldbank.org/source/world-development-indicators",
            },
            licence="ccby",
            attribution="Source: World Bank, World Development Indicators (CC BY 4.0).",
            title_fr="PIB, population et part de la population urbaine par pays et par année",
            description_fr="Indicateurs du développement dans le monde (World Development Indicators) de la Banque mondiale\u00a0: "
            "PIB (en dollars US courants), population totale, population urbaine (en % de la population totale).",
            attribution_fr="Source\u00a0: Banque mondiale, World Development Indicators (CC BY 4.0).",
            fields=[
                f(
                    "iso3",
                    "string",
                    "Country or aggregate code (ISO3)",
                    "Code du pays ou de l'agrégat (ISO3)",
                    required=True,
                ),
                f("year", "integer", "Year", "Année", minimum=1900, maximum=2100),
                f(
                    "gdp_usd",
                    "integer",
                    "GDP at current prices; missing where the World Bank has no figure",
                    "PIB aux prix courants\u202f; manquant quand la Banque mondiale ne donne pas de chiffre",
                    unit="current US$",
                    unit_fr="dollars US courants",
                    minimum=0,
                ),
                f(
                    "population",
                    "integer",
                    "Total population",
                    "Population totale",
                    unit="persons",
                    unit_fr="personnes",
                    minimum=0,
                ),
                f(
                    "urban_share_pct",
                    "number",
                    "Urban population, % of total",
                    "Population urbaine, en % de la population totale",
                    unit="%",
                    unit_fr="%",
                    minimum=0,
                    maximum=100,
                ),
            ],
            frame=frame,
            steps=[
                f"Read {len(raw):,} rows; the unnamed year column (YR1995…) became an integer year.",
                f"GDP rounded to the dollar, population to the person; {n_missing_gdp:,} missing GDP values stay missing.",
            ],
            steps_fr=[
                f"Lecture de {fr_int(len(raw))} lignes\u202f; la colonne des années, sans nom (YR1995…), devient une année "
                "en nombre entier.",
                f"PIB arrondi au dollar près, population à l'unité\u202f; les {fr_int(n_missing_gdp)} valeurs manquantes du "
                "PIB restent manquantes.",
            ],
            primary_key=["iso3", "year"],
        )
    ]


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
    return [
        Table(
            name="tradhist_france",
            title="France's bilateral trade with 218 partners, 1870-2014, in current pounds sterling",
            description="CEPII TRADHIST bilateral trade flows where France is the reporting country.",
            source={
                "title_fr": "CEPII, base TRADHIST (Fouquin et Hugot, 2016)",
                "title": "CEPII, TRADHIST database (Fouquin & Hugot 2016)",
                "path": "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=32",
            },
            licence="etalab",
            attribution="Source: CEPII TRADHIST (Fouquin & Hugot 2016); selection by the book (see steps).",
            title_fr="Commerce bilatéral de la France avec 218 partenaires, 1870–2014, en livres sterling courantes",
            description_fr="Flux de commerce bilatéral de TRADHIST (CEPII) pour lesquels la France est le pays déclarant.",
            attribution_fr="Source\u00a0: CEPII, TRADHIST (Fouquin et Hugot, 2016)\u202f; sélection par le livre (voir les étapes).",
            fields=[
                f(
                    "partner",
                    "string",
                    "Partner country (ISO3 as in TRADHIST; historical codes such as YUG kept)",
                    "Pays partenaire (code ISO3 de TRADHIST\u202f; les codes historiques comme YUG sont conservés)",
                    required=True,
                ),
                f("year", "integer", "Year", "Année", minimum=1800, maximum=2100),
                f(
                    "exports_gbp",
                    "integer",
                    "Exports of France to the partner, current British pounds (not millions)",
                    "Exportations de la France vers le partenaire, en livres sterling courantes (et non en millions)",
                    unit="current GBP",
                    unit_fr="livres sterling courantes",
                    minimum=0,
                ),
                f(
                    "imports_gbp",
                    "integer",
                    "Imports of France from the partner, current British pounds (not millions)",
                    "Importations de la France en provenance du partenaire, en livres sterling courantes (et non en millions)",
                    unit="current GBP",
                    unit_fr="livres sterling courantes",
                    minimum=0,
                ),
            ],
            frame=frame,
            steps=[
                f"Read {len(raw):,} rows; stripped the trailing spaces of the header and codes.",
                f"The file has four reporting countries ({', '.join(reporters)}) in origin_country_code; kept France ({len(frame):,} rows).",
                "Direction settled from the data: for every pair of reporters and year, exports of (origin o, destination d) "
                "equal imports of (origin d, destination o), so exports = flow from the reporter to the partner and "
                "imports = flow from the partner to the reporter.",
                "Unit settled: the values are amounts in current British pounds, TRADHIST's currency, not US$ millions as "
                "the repository's documentation says (that would put France's 2014 exports to Germany, 5.83e10, at 5.83e16 "
                "dollars, some 58 quadrillion). Values rounded to the pound.",
            ],
            steps_fr=[
                f"Lecture de {fr_int(len(raw))} lignes\u202f; suppression des espaces superflus en fin d'en-tête et de code.",
                f"Le fichier compte quatre pays déclarants ({', '.join(reporters)}) dans origin_country_code\u202f; seule la "
                f"France est conservée ({fr_int(len(frame))} lignes).",
                "Sens des flux établi d'après les données\u00a0: pour chaque paire de pays déclarants et chaque année, les "
                "exportations de (origine o, destination d) égalent les importations de (origine d, destination o)\u202f; "
                "exports est donc le flux du pays déclarant vers le partenaire, et imports le flux du partenaire vers le "
                "pays déclarant.",
                "Unité établie\u00a0: les valeurs sont des montants en livres sterling courantes, la monnaie de compte de "
                "TRADHIST, et non en millions de dollars US comme le dit la documentation du dépôt (les exportations de la "
                "France vers l'Allemagne en 2014, 5,83\u202f×\u202f10¹⁰, vaudraient alors 58 millions de milliards de dollars). "
                "Valeurs arrondies à la livre.",
            ],
            primary_key=["partner", "year"],
        )
    ]


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
    source = {
        "title_fr": "CEPII, BACI (Gaulier et Zignago, 2010), agrégée par sections du SH par le paquet flownet",
        "title": "CEPII, BACI (Gaulier & Zignago 2010), aggregated to HS sections by the flownet package",
        "path": "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
    }
    attribution = "Source: CEPII BACI, aggregated by the flownet package. Licence for redistribution to be confirmed."
    attribution_fr = "Source\u00a0: CEPII, BACI, agrégé par le paquet flownet. Licence de redistribution à confirmer."
    return [
        Table(
            name="baci_maghreb_trade",
            title="Trade of the Maghreb and Egypt with African countries by HS section, yearly average 2012-2022",
            description="CEPII BACI trade among African countries, rows whose exporter or importer is Morocco, Tunisia, "
            "Algeria, Libya, Mauritania or Egypt, averaged over 2012-2022.",
            source=source,
            licence="baci",
            attribution=attribution,
            title_fr="Commerce du Maghreb et de l'Égypte avec les pays africains par section du SH, moyenne annuelle 2012–2022",
            description_fr="Commerce entre pays africains d'après BACI (CEPII)\u00a0: lignes dont l'exportateur ou l'importateur "
            "est le Maroc, la Tunisie, l'Algérie, la Libye, la Mauritanie ou l'Égypte, en moyenne sur 2012–2022.",
            attribution_fr=attribution_fr,
            fields=[
                f("exporter", "string", "Exporting country (ISO3)", "Pays exportateur (ISO3)", required=True),
                f("importer", "string", "Importing country (ISO3)", "Pays importateur (ISO3)", required=True),
                f(
                    "section",
                    "integer",
                    "HS section number (see baci_hs_sections)",
                    "Numéro de section du SH (voir baci_hs_sections)",
                    minimum=1,
                    maximum=21,
                ),
                f(
                    "hs2_codes",
                    "string",
                    "HS two-digit chapters of the section present in this flow, comma-separated",
                    "Chapitres du SH à deux chiffres de la section présents dans ce flux, séparés par des virgules",
                ),
                f(
                    "value_kusd",
                    "number",
                    "Value, yearly average 2012-2022",
                    "Valeur, moyenne annuelle 2012–2022",
                    unit="thousand current US$",
                    unit_fr="milliers de dollars US courants",
                    minimum=0,
                ),
                f(
                    "value_kusd_2015",
                    "number",
                    "Value at constant 2015 prices, yearly average",
                    "Valeur aux prix constants de 2015, moyenne annuelle",
                    unit="thousand 2015 US$",
                    unit_fr="milliers de dollars US de 2015",
                    minimum=0,
                ),
                f(
                    "quantity_t",
                    "number",
                    "Quantity, yearly average",
                    "Quantité, moyenne annuelle",
                    unit="tonnes",
                    unit_fr="tonnes",
                    minimum=0,
                ),
            ],
            frame=trade,
            steps=[
                f"Read {len(raw):,} rows; section names moved to baci_hs_sections.",
                "Values and quantities rounded to three decimals (a US$ and a kilogram).",
            ],
            steps_fr=[
                f"Lecture de {fr_int(len(raw))} lignes\u202f; les noms de section passent dans baci_hs_sections.",
                "Valeurs et quantités arrondies à trois décimales (soit au dollar et au kilogramme près).",
            ],
            primary_key=["exporter", "importer", "section"],
        ),
        Table(
            name="baci_hs_sections",
            title="HS sections used in baci_maghreb_trade",
            description="Harmonized System sections with their English names, as in the source.",
            source=source,
            licence="baci",
            attribution=attribution,
            title_fr="Sections du SH utilisées dans baci_maghreb_trade",
            description_fr="Sections du Système harmonisé (SH), avec leur nom anglais tel que le donne la source.",
            attribution_fr=attribution_fr,
            fields=[
                f("section", "integer", "HS section number", "Numéro de section du SH", required=True, unique=True),
                f(
                    "name_en",
                    "string",
                    "Section name in English (as in the source)",
                    "Nom de la section en anglais (tel que dans la source)",
                ),
            ],
            frame=sections.rename(columns={"section_code": "section", "section_name": "name_en"}),
            steps=["One row per section of the trade table."],
            steps_fr=["Une ligne par section de la table des échanges."],
            primary_key=["section"],
        ),
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
    source = {
        "title_fr": "Données ouvertes de l'URSSAF, Établissements et effectifs salariés au niveau commune x APE",
        "title": "URSSAF open data, Établissements et effectifs salariés au niveau commune x APE",
        "path": "https://open.urssaf.fr/explore/dataset/etablissements-et-effectifs-salaries-au-niveau-commune-x-ape-last/",
    }
    attribution = "Source: URSSAF, open data; selection by the book (see steps)."
    attribution_fr = "Source\u00a0: URSSAF, données ouvertes\u202f; sélection par le livre (voir les étapes)."
    blank = int(sum((raw[f"Effectifs salariés {y}"] == "").sum() for y in keep_years))
    return [
        Table(
            name="urssaf_rouen_employees",
            title="Private-sector establishments and employees by commune and APE code, Rouen employment zone, 2012, 2017, 2022",
            description="URSSAF counts of establishments and salaried employees (private sector, end of year) for the 218 communes "
            "of the Rouen employment zone, by APE (NAF rév. 2) code.",
            source=source,
            licence="etalab",
            attribution=attribution,
            title_fr="Établissements et effectifs salariés du secteur privé par commune et code APE, zone d'emploi de Rouen, "
            "2012, 2017, 2022",
            description_fr="Nombre d'établissements et effectifs salariés (secteur privé, en fin d'année) selon l'URSSAF pour "
            "les 218 communes de la zone d'emploi de Rouen, par code APE (NAF rév. 2).",
            attribution_fr=attribution_fr,
            fields=[
                f("commune", "string", "INSEE commune code", "Code commune INSEE", required=True),
                f(
                    "ape",
                    "string",
                    "APE code (NAF rév. 2 sub-class)",
                    "Code APE (sous-classe de la NAF rév. 2)",
                    required=True,
                ),
                f(
                    "na38",
                    "string",
                    "NA38 sector code of the APE code",
                    "Code du secteur NA38 auquel appartient le code APE",
                ),
                f(
                    "year",
                    "integer",
                    "Year (end-of-year counts)",
                    "Année (effectifs en fin d'année)",
                    minimum=2006,
                    maximum=2100,
                ),
                f(
                    "establishments",
                    "integer",
                    "Number of establishments with employees; missing when blank in the source",
                    "Nombre d'établissements employeurs\u202f; manquant quand la cellule est vide dans la source",
                    unit="establishments",
                    unit_fr="établissements",
                    minimum=0,
                ),
                f(
                    "employees",
                    "integer",
                    "Number of salaried employees; missing when blank in the source",
                    "Effectifs salariés\u202f; manquant quand la cellule est vide dans la source",
                    unit="employees",
                    unit_fr="salariés",
                    minimum=0,
                ),
            ],
            frame=frame,
            steps=[
                f"Read {len(raw):,} commune × APE rows with years {years[0]}–{years[-1]} as columns.",
                f"Turned into long form for {', '.join(map(str, keep_years))}; rows with both counts blank that year dropped "
                f"(the pair had no establishment that year); {blank:,} blank employee cells over those years in the source, "
                "the remaining blanks stay missing.",
                "Labels moved to urssaf_communes and urssaf_ape.",
            ],
            steps_fr=[
                f"Lecture de {fr_int(len(raw))} lignes commune × APE, avec les années {years[0]}–{years[-1]} en colonnes.",
                f"Passage au format long pour {fr_list(keep_years)}\u202f; les lignes dont les deux effectifs sont vides "
                "une année donnée sont écartées pour cette année (la paire n'avait alors aucun établissement)\u202f; la "
                f"source compte {fr_int(blank)} cellules d'effectifs salariés vides sur ces années, et les cellules vides "
                "qui restent demeurent manquantes.",
                "Libellés déplacés dans urssaf_communes et urssaf_ape.",
            ],
            primary_key=["year", "commune", "ape"],
        ),
        Table(
            name="urssaf_communes",
            title="Communes of the Rouen employment zone",
            description="Commune codes and names, with their EPCI and département.",
            source=source,
            licence="etalab",
            attribution=attribution,
            title_fr="Communes de la zone d'emploi de Rouen",
            description_fr="Codes et noms des communes, avec leur EPCI et leur département.",
            attribution_fr=attribution_fr,
            fields=[
                f("commune", "string", "INSEE commune code", "Code commune INSEE", required=True, unique=True),
                f("name", "string", "Commune name", "Nom de la commune"),
                f("epci_code", "string", "EPCI code", "Code de l'EPCI"),
                f("epci", "string", "EPCI name", "Nom de l'EPCI"),
                f("departement", "string", "Département code", "Code du département"),
            ],
            frame=communes,
            steps=["One row per commune of urssaf_rouen_employees."],
            steps_fr=["Une ligne par commune de la table urssaf_rouen_employees."],
            primary_key=["commune"],
        ),
        Table(
            name="urssaf_ape",
            title="APE codes and their NA38 sectors, French labels",
            description="APE (NAF rév. 2) codes found in the Rouen file, with their French labels and NA38 sector.",
            source=source,
            licence="etalab",
            attribution=attribution,
            title_fr="Codes APE et secteurs NA38 correspondants, libellés en français",
            description_fr="Codes APE (NAF rév. 2) présents dans le fichier de Rouen, avec leurs libellés en français et leur "
            "secteur NA38.",
            attribution_fr=attribution_fr,
            fields=[
                f("ape", "string", "APE code", "Code APE", required=True, unique=True),
                f("ape_label", "string", "APE label (French)", "Libellé APE (en français)"),
                f("na38", "string", "NA38 sector code", "Code du secteur NA38"),
                f("na38_label", "string", "NA38 label (French)", "Libellé NA38 (en français)"),
            ],
            frame=ape,
            steps=["One row per APE code of urssaf_rouen_employees."],
            steps_fr=["Une ligne par code APE de la table urssaf_rouen_employees."],
            primary_key=["ape"],
        ),
    ]


# Names of the countries of the Eurostat table and of the NUTS-2 regions that the book's text
# discusses, transcribed by hand: the official name (Eurostat, NUTS 2013 classification, national
# language; for a country, its English name) and the usual English and French names. Other regions
# are shown by code and country.
NUTS_NAMES = [
    ("AT", "Austria", "Austria", "Autriche"),
    ("BE", "Belgium", "Belgium", "Belgique"),
    ("BG", "Bulgaria", "Bulgaria", "Bulgarie"),
    ("CY", "Cyprus", "Cyprus", "Chypre"),
    ("CZ", "Czech Republic", "Czech Republic", "République tchèque"),
    ("DE", "Germany", "Germany", "Allemagne"),
    ("DK", "Denmark", "Denmark", "Danemark"),
    ("EE", "Estonia", "Estonia", "Estonie"),
    ("EL", "Greece", "Greece", "Grèce"),
    ("ES", "Spain", "Spain", "Espagne"),
    ("FI", "Finland", "Finland", "Finlande"),
    ("FR", "France", "France", "France"),
    ("HR", "Croatia", "Croatia", "Croatie"),
    ("HU", "Hungary", "Hungary", "Hongrie"),
    ("IE", "Ireland", "Ireland", "Irlande"),
    ("IS", "Iceland", "Iceland", "Islande"),
    ("IT", "Italy", "Italy", "Italie"),
    ("LT", "Lithuania", "Lithuania", "Lituanie"),
    ("LU", "Luxembourg", "Luxembourg", "Luxembourg"),
    ("LV", "Latvia", "Latvia", "Lettonie"),
    ("MT", "Malta", "Malta", "Malte"),
    ("NL", "Netherlands", "Netherlands", "Pays-Bas"),
    ("NO", "Norway", "Norway", "Norvège"),
    ("PL", "Poland", "Poland", "Pologne"),
    ("PT", "Portugal", "Portugal", "Portugal"),
    ("RO", "Romania", "Romania", "Roumanie"),
    ("SE", "Sweden", "Sweden", "Suède"),
    ("SI", "Slovenia", "Slovenia", "Slovénie"),
    ("SK", "Slovakia", "Slovakia", "Slovaquie"),
    ("UK", "United Kingdom", "United Kingdom", "Royaume-Uni"),
    ("BE25", "Prov. West-Vlaanderen", "West Flanders", "Flandre-Occidentale"),
    ("DE11", "Stuttgart", "Stuttgart", "Stuttgart"),
    ("ES23", "La Rioja", "La Rioja", "La Rioja"),
    ("ES52", "Comunitat Valenciana", "Valencian Community", "Communauté valencienne"),
    ("ES63", "Ciudad Autónoma de Ceuta", "Ceuta", "Ceuta"),
    ("ES64", "Ciudad Autónoma de Melilla", "Melilla", "Melilla"),
    ("FI20", "Åland", "Åland", "Åland"),
    ("FR10", "Île-de-France", "Île-de-France", "Île-de-France"),
    ("FR62", "Midi-Pyrénées", "Midi-Pyrénées", "Midi-Pyrénées"),
    ("FR51", "Pays de la Loire", "Pays de la Loire", "Pays de la Loire"),
    ("FR71", "Rhône-Alpes", "Rhône-Alpes", "Rhône-Alpes"),
    ("FR72", "Auvergne", "Auvergne", "Auvergne"),
    ("ITC4", "Lombardia", "Lombardy", "Lombardie"),
    ("ITH5", "Emilia-Romagna", "Emilia-Romagna", "Émilie-Romagne"),
    ("ITI1", "Toscana", "Tuscany", "Toscane"),
    ("ITI3", "Marche", "Marche", "Marches"),
    ("PT11", "Norte", "Norte", "Norte"),
]


def nuts_names(src: Path) -> list[Table]:
    frame = pd.DataFrame(NUTS_NAMES, columns=["geo", "name_official", "name_en", "name_fr"]).sort_values("geo")
    return [
        Table(
            name="nuts_names",
            title="Names of the countries of the Eurostat table and of the NUTS-2 regions the book discusses",
            description="Official, English and French names of the countries (NUTS 0) of eurostat_sbs_regions_2015 "
            "and of the NUTS-2 regions (NUTS 2013) that the text names.",
            source={
                "title_fr": "Eurostat, classification NUTS 2013 (noms officiels)\u202f; noms usuels en anglais et en français",
                "title": "Eurostat, NUTS 2013 classification (official names); usual English and French names",
                "path": "https://ec.europa.eu/eurostat/web/nuts/history",
            },
            licence="eurostat",
            attribution="Names: Eurostat NUTS 2013 classification; usual English and French names.",
            title_fr="Noms des pays de la table Eurostat et des régions NUTS 2 dont parle le livre",
            description_fr="Noms officiels, anglais et français des pays (NUTS 0) de la table eurostat_sbs_regions_2015 et des "
            "régions NUTS 2 (NUTS 2013) que le texte nomme.",
            attribution_fr="Noms\u00a0: classification NUTS 2013 d'Eurostat\u202f; noms usuels en anglais et en français.",
            fields=[
                f(
                    "geo",
                    "string",
                    "NUTS 2013 code (country or NUTS-2 region)",
                    "Code NUTS 2013 (pays ou région NUTS 2)",
                    required=True,
                    unique=True,
                ),
                f(
                    "name_official",
                    "string",
                    "Official name (national language for regions, English for countries)",
                    "Nom officiel (dans la langue nationale pour les régions, en anglais pour les pays)",
                ),
                f("name_en", "string", "Usual English name", "Nom usuel en anglais"),
                f("name_fr", "string", "Usual French name", "Nom usuel en français"),
            ],
            frame=frame.reset_index(drop=True),
            steps=[
                "Transcribed by hand for the countries of the Eurostat table and the regions the text names; "
                "not read from a source file."
            ],
            steps_fr=[
                "Table transcrite à la main pour les pays de la table Eurostat et les régions que le texte nomme, "
                "et non tirée d'un fichier source."
            ],
            primary_key=["geo"],
        )
    ]


# --------------------------------------------------------------------------- Italian ceramic tiles

# Figures on the Italian ceramic tile industry and the Sassuolo district, transcribed by hand from
# the publications named on each row, with the date of the publication. Scope says whether a row is
# about Italy as a whole or about the Sassuolo district; "basis" says what a share is a share of,
# as the publication gives it. Nothing is converted or filled in.
# id: (publication, its date)
SOURCES_TILES = {
    "economist1998": ("The Economist, 'On the tiles'", "1998-12-31"),
    "assopiastrelle2004": (
        "Assopiastrelle, statistics of the Italian tile industry for 2003, reported by modena2000.it",
        "2004-06-21",
    ),
    "assopiastrelle2004d": (
        "Assopiastrelle research centre, estimates for the Sassuolo district in 2003, reported by modena2000.it",
        "2004-03-02",
    ),
    "confindustria2015": ("Confindustria Ceramica, web page on ceramic tiles, figures for 2015 (undated)", "n.d."),
    "confindustria2024": ("Confindustria Ceramica, web page on ceramic tiles, figures for 2023", "2024-04-10"),
}
ECONOMIST, ASSO_ITALY, ASSO_DISTRICT = "economist1998", "assopiastrelle2004", "assopiastrelle2004d"
CC_2015, CC_2023 = "confindustria2015", "confindustria2024"
TILES = [
    # year, scope, indicator, value, unit, basis, source
    (1973, "italy", "production", 200, "million m2", "", ECONOMIST),
    (1973, "italy", "export_share", 30, "percent", "as_given", ECONOMIST),
    (1997, "italy", "production", 572, "million m2", "", ECONOMIST),
    (1997, "italy", "export_share", 70, "percent", "as_given", ECONOMIST),
    (2002, "district", "production", 485.3, "million m2", "", ASSO_DISTRICT),
    (2003, "district", "firms", 140, "firms", "about", ASSO_DISTRICT),
    (2003, "district", "employees", 21100, "persons", "", ASSO_DISTRICT),
    (2003, "district", "production", 475, "million m2", "", ASSO_DISTRICT),
    (2003, "district", "export_share", 72, "percent", "as_given", ASSO_DISTRICT),
    (2003, "italy", "firms", 239, "firms", "", ASSO_ITALY),
    (2003, "italy", "employees", 30000, "persons", "more_than", ASSO_ITALY),
    (2003, "italy", "production", 603, "million m2", "", ASSO_ITALY),
    (2003, "italy", "export_share", 72, "percent", "of_production", ASSO_ITALY),
    (2015, "italy", "firms", 150, "firms", "", CC_2015),
    (2015, "italy", "employees", 19143, "persons", "", CC_2015),
    (2015, "italy", "production", 394.8, "million m2", "", CC_2015),
    (2015, "italy", "export_share", 84.4, "percent", "of_turnover", CC_2015),
    (2023, "italy", "firms", 125, "firms", "", CC_2023),
    (2023, "italy", "employees", 18432, "persons", "direct", CC_2023),
    (2023, "italy", "production", 373.7, "million m2", "", CC_2023),
    (2023, "italy", "export_share", 85, "percent", "of_turnover_about", CC_2023),
]


def tiles(src: Path) -> list[Table]:
    frame = pd.DataFrame(
        [(y, sc, ind, float(v), u, b, so, *SOURCES_TILES[so]) for y, sc, ind, v, u, b, so in TILES],
        columns=["year", "scope", "indicator", "value", "unit", "basis", "source", "source_title", "source_date"],
    )
    frame = frame.sort_values(["scope", "indicator", "year"]).reset_index(drop=True)
    return [
        Table(
            name="italian_tiles",
            title="The Italian ceramic tile industry and the Sassuolo district: dated figures from named publications",
            description="Firms, employees, production (million m²) and export share of the Italian ceramic tile industry "
            "and of the Sassuolo district, each row quoted from the publication it names, with that "
            "publication's date. Scopes and bases differ between sources and are stated on each row.",
            source={
                "title_fr": "The Economist (1998)\u202f; Assopiastrelle (2004, via modena2000.it)\u202f; Confindustria Ceramica (s.\u00a0d., 2024)",
                "title": "The Economist (1998); Assopiastrelle (2004, via modena2000.it); Confindustria Ceramica "
                "(n.d., 2024)",
                "path": "https://www.confindustriaceramica.it/",
            },
            licence="quoted",
            attribution="Figures: as named on each row (source, source_date).",
            title_fr="L'industrie italienne des carreaux de céramique et le district de Sassuolo\u00a0: chiffres datés tirés de "
            "publications nommées",
            description_fr="Entreprises, salariés, production (millions de m²) et part exportée de l'industrie italienne des "
            "carreaux de céramique et du district de Sassuolo, chaque ligne étant citée d'après la publication "
            "qu'elle nomme, avec la date de celle-ci. Périmètres et bases diffèrent d'une source à l'autre et "
            "sont indiqués sur chaque ligne.",
            attribution_fr="Chiffres\u00a0: selon la publication nommée sur chaque ligne (source, source_date).",
            fields=[
                f(
                    "year",
                    "integer",
                    "Year the figure refers to",
                    "Année à laquelle se rapporte le chiffre",
                    required=True,
                ),
                f(
                    "scope",
                    "string",
                    "italy (the whole Italian tile industry) or district (the Sassuolo district)",
                    "italy (l'ensemble de l'industrie italienne des carreaux) ou district (le district de Sassuolo)",
                    required=True,
                    enum=["italy", "district"],
                ),
                f(
                    "indicator",
                    "string",
                    "firms, employees, production or export_share",
                    "firms (entreprises), employees (salariés), production ou export_share (part exportée)",
                    required=True,
                    enum=["firms", "employees", "production", "export_share"],
                ),
                f(
                    "value",
                    "number",
                    "The figure as the source gives it",
                    "Le chiffre tel que la source le donne",
                    required=True,
                ),
                f(
                    "unit",
                    "string",
                    "firms, persons, million m2 or percent",
                    "firms (entreprises), persons (personnes), million m2 (millions de m²) ou percent (pourcentage)",
                ),
                f(
                    "basis",
                    "string",
                    "How the source qualifies the figure: about, more_than, direct (direct employees), "
                    "of_production, of_turnover, of_turnover_about, as_given (a share whose base the source does not "
                    "state); empty when it does not",
                    "Comment la source qualifie le chiffre\u00a0: about (environ), more_than (plus de), direct (salariés "
                    "directs), of_production (part de la production), of_turnover (part du chiffre d'affaires), "
                    "of_turnover_about (environ, en part du chiffre d'affaires), as_given (une part dont la source ne précise "
                    "pas la base)\u202f; vide quand elle ne le qualifie pas",
                    enum=[
                        "",
                        "about",
                        "more_than",
                        "direct",
                        "of_production",
                        "of_turnover",
                        "of_turnover_about",
                        "as_given",
                    ],
                ),
                f(
                    "source",
                    "string",
                    "Short name of the source (author and year of publication)",
                    "Nom court de la source (auteur et année de publication)",
                    required=True,
                ),
                f(
                    "source_title",
                    "string",
                    "The publication the figure is quoted from",
                    "La publication d'où le chiffre est tiré",
                    required=True,
                ),
                f(
                    "source_date",
                    "string",
                    "Date of that publication (YYYY-MM-DD), or n.d. when it is undated",
                    "Date de cette publication (AAAA-MM-JJ), ou n.d. quand elle n'est pas datée",
                    required=True,
                ),
            ],
            frame=frame,
            steps=[
                "Transcribed by hand from the publications named on each row; not read from a source file.",
                "Nothing converted, rounded or filled in; where a source says 'about' or 'more than', or what a share is "
                "a share of, the basis says so.",
            ],
            steps_fr=[
                "Table transcrite à la main d'après les publications nommées sur chaque ligne, et non tirée d'un fichier source.",
                "Rien n'est converti, arrondi ni complété\u202f; quand une source dit «\u00a0environ\u00a0» ou «\u00a0plus "
                "de\u00a0», ou précise sur quelle base une part est calculée, la colonne basis l'indique.",
            ],
            primary_key=["year", "scope", "indicator"],
        )
    ]


BUILDERS = (eurostat, nuts_names, geodist, wdi, tradhist, baci, urssaf, tiles)


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
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "sources": [{"title": t.source["title"], "path": t.source["path"], "title_fr": t.source["title_fr"]}],
                "licenses": [LICENCES[t.licence]],
                "attribution": t.attribution,
                "attribution_fr": t.attribution_fr,
                "cleaning": t.steps,
                "cleaning_fr": t.steps_fr,
                "schema": {"fields": t.fields, "missingValues": [""], "primaryKey": t.primary_key},
            }
        )
    return {
        "name": "clusterlab-book-data",
        "title": "Tables of the book Industrial clusters and SME internationalisation",
        "title_fr": "Tables du livre Clusters industriels et internationalisation des PME",
        "description": "Small, cleaned tables built by `make data` (bookbuild/data.py) from openly licensed sources.",
        "description_fr": "Petites tables nettoyées, construites par `make data` (bookbuild/data.py) à partir de sources "
        "sous licence ouverte.",
        "resources": resources,
    }


def build(sources: Path, out: Path = DATA) -> list[Table]:
    tables = [t for builder in BUILDERS for t in builder(sources)]
    out.mkdir(exist_ok=True)
    for t in tables:
        (out / t.path).write_bytes(to_csv(t.frame))
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
