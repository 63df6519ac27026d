"""The data layer: shipped tables that validate and rebuild identically, and a reader's own file
read into a tidy table, or refused with one DataError that says what to fix."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pandas as pd
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from bookbuild import data as build_data
from clusterlab import data, labels
from clusterlab.data import DataError

DATA = ROOT / "data"


# --------------------------------------------------------------------------- shipped tables


def test_the_data_package_validates():
    from frictionless import validate

    report = validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:20]


def fields_of(resource: dict) -> list[dict]:
    """A table's columns, or what each shape of a map carries."""
    return resource["topojson"]["properties"] if resource["format"] == "topojson" else resource["schema"]["fields"]


def test_every_table_is_documented_and_small():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert len(package["resources"]) >= 6
    for resource in package["resources"]:
        assert (DATA / resource["path"]).stat().st_size < 1_000_000, resource["path"]
        assert resource["sources"] and resource["licenses"] and resource["attribution"]
        assert resource["cleaning"], resource["path"]
        for field in fields_of(resource):
            assert field.get("description"), (resource["path"], field["name"])
    on_disk = sorted(p.name for pattern in ("*.csv", "*.topojson") for p in DATA.glob(pattern))
    assert on_disk == sorted(r["path"] for r in package["resources"])


# An integer written in an English text: not part of a code (YR1995, V16110, IS00, sbs_r_nuts06_r2), a time
# (12:00), a decimal (5.83e10) or a standard's number (ISO 3166).
INTEGER = re.compile(r"(?<![\w.,:])(?<!ISO )(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w:]|[.,]\d)")


def written_in_french(n: int, text: str) -> bool:
    """n appears in a French text as French prints it (46 859 with U+202F), a year as it is (2015)."""
    forms = {labels.fmt_number(n, 0, "fr")} | ({str(n)} if 1000 <= n <= 2100 else set())
    return any(re.search(r"(?<![\d\u202f])" + re.escape(form) + r"(?!\d|\u202f\d)", text) for form in forms)


# French typography, as the built site checks it: U+00A0 before ":" and inside « », U+202F before ; ! ? and %.
FRENCH_TYPOGRAPHY = [
    (re.compile(r"(?<!\u00a0):(?=\s|$)"), "no no-break space (U+00A0) before :"),
    (re.compile(r"(?<!\u202f)[;!?](?=\s|$)"), "no narrow no-break space (U+202F) before ; ! ?"),
    (re.compile(r"\d[ \u00a0]?%"), "no narrow no-break space (U+202F) between a number and %"),
    (re.compile(r"«(?!\u00a0)|(?<!\u00a0)»"), "« » without a no-break space inside"),
    (re.compile(r"\""), "English double quotes (use « »)"),
    (
        re.compile(r"(?<![\w.,:\u202f])(?<!ISO )(\d{5,}|(?!1[89]\d\d|20\d\d)\d{4})(?!\w)"),
        "an integer without thousands separators (years and ISO 3166 excepted)",
    ),
]


def french_texts(package: dict):
    """Every *_fr text of the package, with where it is."""

    def of(node: dict, where: str):
        for key, value in node.items():
            if key.endswith("_fr"):
                for text in value if isinstance(value, list) else [value]:
                    yield f"{where} {key}", text

    yield from of(package, "package")
    for resource in package["resources"]:
        yield from of(resource, resource["path"])
        for licence in resource["licenses"]:
            yield from of(licence, f"{resource['path']} licence")
        for field in fields_of(resource):
            yield from of(field, f"{resource['path']} {field['name']}")


def test_every_text_of_the_data_package_has_its_french_twin():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert package.get("title_fr") and package.get("description_fr")
    for resource in package["resources"]:
        where = resource["path"]
        for key in ("title", "description", "attribution"):
            assert resource.get(f"{key}_fr", "").strip(), (where, f"{key}_fr")
        for licence in resource["licenses"]:
            assert licence.get("title_fr", "").strip(), (where, licence["name"])
        for field in fields_of(resource):
            assert field.get("description_fr", "").strip(), (where, field["name"])
            if "unit" in field:
                assert field.get("unit_fr", "").strip(), (where, field["name"], "unit_fr")
            else:
                assert "unit_fr" not in field, (where, field["name"])
        steps, steps_fr = resource["cleaning"], resource.get("cleaning_fr", [])
        assert len(steps_fr) == len(steps), (where, "cleaning_fr")
        for i, (step, step_fr) in enumerate(zip(steps, steps_fr)):
            assert step_fr.strip(), (where, i)
            for n in (int(x.replace(",", "")) for x in INTEGER.findall(step)):
                assert written_in_french(n, step_fr), f"{where}, step {i + 1}: {n} is not in «\u00a0{step_fr}\u00a0»"


def test_the_french_texts_of_the_data_package_follow_french_typography():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    problems = [
        f"{where}: {what}: {text}"
        for where, text in french_texts(package)
        for pattern, what in FRENCH_TYPOGRAPHY
        if pattern.search(text)
    ]
    assert not problems, "\n".join(problems[:20])


def _table(**changes) -> build_data.Table:
    f = build_data.f
    table = build_data.Table(
        name="toy_table",
        title="Toy",
        description="A toy table.",
        source={"title": "Nobody", "path": "https://example.org", "title_fr": "Personne"},
        licence="ccby",
        attribution="Source: nobody.",
        frame=pd.DataFrame({"n": [1]}),
        fields=[f("n", "integer", "A count", "Un effectif", unit="persons", unit_fr="personnes")],
        steps=["Read 1 row."],
        title_fr="Jouet",
        description_fr="Une table jouet.",
        attribution_fr="Source\u00a0: personne.",
        steps_fr=["Lecture de 1 ligne."],
    )
    for key, value in changes.items():
        setattr(table, key, value)
    return table


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"steps_fr": []}, "steps_fr"),
        ({"steps_fr": ["Lecture.", "En trop."]}, "steps_fr"),
        ({"title_fr": ""}, "title_fr"),
        ({"source": {"title": "Nobody", "path": "https://example.org"}}, "title_fr"),
        ({"fields": [build_data.f("n", "integer", "A count")]}, "description_fr"),
        ({"fields": [build_data.f("n", "integer", "A count", "Un effectif", unit="persons")]}, "unit_fr"),
    ],
)
def test_a_table_without_its_french_is_refused(changes, expected):
    assert build_data.descriptor([_table()])["resources"][0]["cleaning_fr"] == ["Lecture de 1 ligne."]
    with pytest.raises(ValueError, match=rf"toy_table.*{expected}"):
        build_data.descriptor([_table(**changes)])


def test_make_data_rebuilds_byte_identical_tables(tmp_path):
    sources = build_data.DEFAULT_SOURCES
    if not sources.is_dir():
        pytest.skip(f"the source datasets are not beside this clone ({sources}); nothing to rebuild from")
    build_data.build(sources, tmp_path)
    for path in sorted(tmp_path.iterdir()):
        committed = DATA / path.name
        assert committed.is_file(), f"make data writes {path.name}, which is not committed"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(committed.read_bytes()).hexdigest(), (
            path.name
        )


def test_make_data_without_sources_leaves_data_alone(tmp_path, capsys):
    before = {p.name: p.read_bytes() for p in DATA.iterdir() if p.is_file()}
    build_data.main(["--sources", str(tmp_path / "nowhere")])
    assert "left as they are" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in DATA.iterdir() if p.is_file()} == before


def test_confidential_cells_stay_missing_never_zero():
    sbs = data.load("eurostat_sbs_regions_2015")
    missing = sbs["status"].isin(["missing", "spreadsheet_time"])
    assert missing.sum() > 1000
    assert sbs.loc[missing, "persons_employed"].isna().all()
    assert sbs.loc[~missing, "persons_employed"].notna().all()
    # the cells a spreadsheet turned into "12:00 AM" are all Icelandic
    assert set(sbs.loc[sbs["status"] == "spreadsheet_time", "geo"].str[:2]) == {"IS"}


def test_load_gives_typed_tables_and_names_what_exists():
    trade = data.load("tradhist_france")
    assert str(trade["exports_gbp"].dtype) == "Int64" and str(trade["partner"].dtype) == "string"
    assert trade.attrs["resource"]["schema"]["fields"][2]["unit"] == "current GBP"
    with pytest.raises(DataError, match="eurostat_sbs_regions_2015"):
        data.load("eurostat")


# --------------------------------------------------------------------------- a reader's own file


def csv_bytes(text: str, encoding: str = "utf-8") -> io.BytesIO:
    buffer = io.BytesIO(text.encode(encoding))
    buffer.name = "my_region.csv"
    return buffer


LONG = "région;secteur;effectifs\nRouen;C10;120\nRouen;C29;\nLe Havre;C10;80\nLe Havre;C29;300\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1"])
@pytest.mark.parametrize("sep", [";", ","])
def test_long_layout_in_any_encoding_and_separator(encoding, sep):
    tidy = data.read_employment(csv_bytes(LONG.replace(";", sep), encoding))
    assert list(tidy.columns) == ["region", "industry", "employment"]
    assert len(tidy) == 4 and tidy["employment"].isna().sum() == 1
    assert tidy.attrs["missing"] == 1 and "long" in tidy.attrs["layout"]
    assert "1 blank count kept as missing" in data.summary(tidy)


def test_english_column_names_and_explicit_columns(tmp_path):
    path = tmp_path / "employment.csv"
    path.write_text("Area,Sector code,Jobs,Note\nA,x,1\u202f234,ok\nB,x,5,\n", encoding="utf-8")
    tidy = data.read_employment(path, region="Area", industry="Sector code", value="Jobs")
    assert tidy["employment"].tolist() == [1234, 5]


def test_excel_workbook(tmp_path):
    path = tmp_path / "emploi.xlsx"
    pd.DataFrame({"Region": ["A", "A", "B"], "Industry": ["x", "y", "x"], "Employment": [3, 4, 5]}).to_excel(
        path, index=False
    )
    tidy = data.read_employment(path)
    assert tidy["employment"].sum() == 12


URSSAF_HEADER = (
    "Région;Zone d'emploi;Commune;Secteur NA38;APE;Code commune;Code APE;"
    "Nombre d'établissements 2021;Effectifs salariés 2021;Nombre d'établissements 2022;Effectifs salariés 2022\n"
)


def urssaf_file() -> io.BytesIO:
    rows = [
        "Normandie;Rouen;76005 Amfreville;CA Fabrication de denrées;1071C Boulangerie;76005;1071C;2;10;2;12",
        "Normandie;Rouen;76005 Amfreville;CA Fabrication de denrées;1013B Charcuterie;76005;1013B;1;4;;",
        "Normandie;Rouen;76540 Rouen;CA Fabrication de denrées;1071C Boulangerie;76540;1071C;5;30;6;33",
        "Normandie;Rouen;76540 Rouen;CL Fabrication de matériels de transport;2932Z Équipements automobiles;76540;2932Z;1;200;1;210",
    ]
    buffer = io.BytesIO(("\ufeff" + URSSAF_HEADER + "\n".join(rows) + "\n").encode("utf-8"))
    buffer.name = "urssaf.csv"
    return buffer


def test_urssaf_layout_reads_the_latest_year_and_adds_up_to_the_level_asked():
    tidy = data.read_employment(urssaf_file())
    assert "2022" in tidy.attrs["layout"] and tidy.attrs["missing"] == 1
    amfreville = tidy[(tidy["region"] == "76005 Amfreville") & tidy["industry"].str.startswith("CA")]
    assert amfreville["employment"].tolist() == [12]  # 12 + blank: the blank is counted, not invented
    earlier = data.read_employment(urssaf_file(), year=2021, region="Zone d'emploi", industry="APE")
    assert dict(zip(earlier["industry"], earlier["employment"])) == {
        "1013B Charcuterie": 4,
        "1071C Boulangerie": 40,
        "2932Z Équipements automobiles": 200,
    }


def errors_of(text: str | bytes, **kw) -> str:
    buffer = io.BytesIO(text if isinstance(text, bytes) else text.encode("utf-8"))
    buffer.name = "broken.csv"
    with pytest.raises(DataError) as info:
        data.read_employment(buffer, **kw)
    assert isinstance(info.value, ValueError)
    assert "broken.csv" in str(info.value)
    return str(info.value)


@pytest.mark.parametrize(
    "content, kwargs, expected",
    [
        ("", {}, "empty"),
        ("region;industry;employment\n", {}, "no data rows"),
        ("just one column\nA\n", {}, "single column"),
        ("place;sector;count\nA;x;1\n", {}, "which column holds the region"),
        ("region;zone;industry;employment\nA;B;x;1\n", {}, "several columns could hold the region"),
        ("region;industry;employment\nA;x;12a\n", {}, "line 2: '12a'"),
        ("region;industry;employment\nA;x;3.5\n", {}, "whole numbers"),
        ("region;industry;employment\nA;x;-4\n", {}, "negative"),
        ("region;industry;employment\nA;x;1\nA;x;2\n", {}, "appears on several lines"),
        ("region;industry;employment\nA;x;0\nB;x;\n", {}, "every count is zero or blank"),
        ("region;industry;employment\n;x;4\n", {}, "no region or no industry"),
        ("region;industry;employment\nA;x;1\n", {"value": "jobs"}, "no column 'jobs'"),
        (URSSAF_HEADER + "N;R;C;S;A;1;1;1;1;1;1\n", {"year": 2010}, "has 2021–2022"),
        (b"\x00\x01\x02binary\x00", {}, "not text"),
    ],
)
def test_bad_files_give_one_clear_error(content, kwargs, expected):
    assert expected in errors_of(content, **kwargs)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        data.read_employment(tmp_path / "absent.csv")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Rouen", "Évreux", "Caen"]),
            st.sampled_from(["C10", "C29", "G47"]),
            st.one_of(st.none(), st.integers(0, 10**6)),
        ),
        min_size=1,
        max_size=9,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.sampled_from([";", ","]),
    st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]),
)
def test_any_valid_long_file_reads_back_exactly(rows, sep, encoding):
    if not any(v for *_, v in rows):
        rows = rows + [("Le Havre", "C10", 1)]
    text = f"région{sep}secteur{sep}effectifs\n" + "".join(
        f"{r}{sep}{i}{sep}{'' if v is None else v}\n" for r, i, v in rows
    )
    tidy = data.read_employment(csv_bytes(text, encoding))
    expected = {(r, i): v for r, i, v in rows}
    got = {(r, i): (None if pd.isna(v) else int(v)) for r, i, v in tidy.itertuples(index=False)}
    assert got == expected
    assert tidy.attrs["missing"] == sum(v is None for *_, v in rows)


def _reference_count(cell: str):
    """What a cell means, one cell at a time: the rule `read_employment` applies to the counts column."""
    from clusterlab.employment_file import NUMBER

    text = cell.strip()
    if text == "":
        return None
    if not NUMBER.fullmatch(text):
        raise ValueError(cell)
    return int(re.sub(r"[.,]0+$", "", re.sub("[ \u00a0\u202f]", "", text)))


@given(st.lists(st.text(alphabet="0123456789 \u00a0\u202f,.-x", max_size=8), min_size=1, max_size=30))
def test_counts_read_at_once_are_the_counts_read_cell_by_cell(cells):
    from clusterlab import data

    try:
        expected = [_reference_count(c) for c in cells]
    except ValueError:
        expected = "error"
    body = "\n".join(f"r{i};i;{c}" for i, c in enumerate(cells))
    try:
        got = data.read_employment(io.BytesIO(f"region;industry;employment\n{body}\n".encode()))
    except data.DataError as err:
        assert expected == "error" or "zero or blank" in str(err) or "negative" in str(err), str(err)
        if expected != "error" and "negative" in str(err):
            assert any(v is not None and v < 0 for v in expected)
        return
    assert expected != "error"
    by_region = dict(zip(got["region"], got["employment"]))
    assert [None if pd.isna(by_region[f"r{i}"]) else int(by_region[f"r{i}"]) for i in range(len(cells))] == expected


# --------------------------------------------------------------------------- NUTS-2 regions: codes, names, shapes


def test_every_region_of_the_employment_table_is_drawn_or_listed_with_its_reason():
    sbs = data.load("eurostat_sbs_regions_2015")
    regions = data.load("nuts2_regions").set_index("geo")
    codes = set(sbs.loc[sbs["geo"].str.len() == 4, "geo"])
    assert codes <= set(regions.index)
    with_values = set(sbs.loc[(sbs["geo"].str.len() == 4) & sbs["persons_employed"].notna(), "geo"])
    table = regions.loc[sorted(codes)]
    drawn = table[table["has_geometry"]]
    assert set(drawn["status"]) == {"nuts_2013"} and (drawn["geo_2013"] == drawn.index).all()
    not_drawn = table[~table["has_geometry"]]
    assert set(not_drawn["status"]) <= {"nuts_2010", "before_2010", "extra_regio"}
    # a code without a shape carries values only when it is extra-regio (listed under the maps)
    assert with_values - set(drawn.index) == set(not_drawn.index[not_drawn["status"] == "extra_regio"]) & with_values
    assert (
        table["values_in_employment_table"] == sbs.groupby("geo")["persons_employed"].count().loc[table.index]
    ).all()


def test_recoded_regions_follow_the_official_correspondence():
    regions = data.load("nuts2_regions").set_index("geo")
    recoded = regions[(regions["status"] == "nuts_2010") & regions["geo_2013"].notna()]
    assert dict(recoded["geo_2013"]) == {
        **{
            f"EL{a}": f"EL{b}"
            for a, b in zip([11, 12, 13, 14, 21, 22, 23, 24, 25], [51, 52, 53, 61, 54, 62, 63, 64, 65])
        },
        "FR92": "FRA2",
        "FR93": "FRA3",
        "FR94": "FRA4",
    }
    # each new code is drawn, with the same official name
    for old, new in recoded["geo_2013"].items():
        assert regions.loc[new, "has_geometry"], new
        assert regions.loc[new, "name_official"] == regions.loc[old, "name_official"] or old == "FR94"
    sources = build_data.DEFAULT_SOURCES
    if sources.is_dir():
        sheet = pd.read_excel(
            sources / build_data.NUTS_NAMES / "NUTS2010-NUTS2013.xls",
            sheet_name="NUTS2010-NUTS2013",
            header=1,
            dtype=str,
        )
        official = sheet[sheet["Change"].fillna("").str.startswith("Code") & sheet["NUTS level 2"].notna()]
        assert dict(zip(official["Code 2010"], official["Code 2013"])) == dict(recoded["geo_2013"])


def test_every_drawn_region_with_data_has_its_official_name_but_those_the_sources_lack():
    regions = data.load("nuts2_regions")
    shown = regions[regions["has_geometry"] & (regions["values_in_employment_table"] > 0)]
    unnamed = set(shown.loc[shown["name_official"].isna(), "geo"])
    assert unnamed == {"IS00", *(f"NO0{i}" for i in range(1, 8))}
    steps = data.describe("nuts2_regions")["cleaning"]
    assert any(", ".join(sorted(unnamed)) in step for step in steps)
    assert regions.set_index("geo").loc["ITH5", "name_official"] == "Emilia-Romagna"
