"""The descriptions of the book's tables (bookbuild/tables/): every text in English and French, steps whose
two languages name the same values, French typography, and a build that writes the committed data/ again."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_data import FRENCH_TYPOGRAPHY

from bookbuild import data as build_data
from clusterlab import labels

DATA = ROOT / "data"
TABLES = build_data.TABLES
FILES = sorted(TABLES.glob("*.yml"))
TABLE_FILES = [p for p in FILES if p.stem not in ("licences", "package")]
#: Keys whose value is a text for the reader, hence written {en: ..., fr: ...}.
TEXT_KEYS = {"title", "description", "attribution", "unit"}


def texts(node: object, where: str):
    """Every text of a description file, with where it is: a mapping that names a language, or one that
    should (the value of a TEXT_KEYS key, a cleaning step)."""
    if isinstance(node, dict):
        if {"en", "fr"} & set(node):
            yield where, node
            return
        for key, value in node.items():
            if key in TEXT_KEYS and not isinstance(value, dict):
                yield f"{where}.{key}", value
            elif key == "steps":
                for i, step in enumerate(value, 1):
                    yield f"{where}.steps[{i}]", step
            else:
                yield from texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node, 1):
            yield from texts(value, f"{where}[{i}]")


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_description_files_are_the_builders_and_describe_the_committed_tables():
    assert {p.stem for p in TABLE_FILES} == {b.__name__ for b in build_data.BUILDERS}
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert list(build_data.descriptions()) != []
    assert sorted(build_data.descriptions()) == sorted(Path(r["path"]).stem for r in package["resources"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_text_has_its_english_and_its_french(path):
    found = list(texts(load(path), path.name))
    assert found, path.name
    for where, node in found:
        assert isinstance(node, dict) and set(node) == {"en", "fr"}, f"{where}: {node!r}"
        assert all(isinstance(node[lang], str) and node[lang].strip() for lang in ("en", "fr")), where


@pytest.mark.parametrize("path", TABLE_FILES, ids=lambda p: p.name)
def test_english_and_french_steps_name_the_same_values(path):
    for name, table in load(path)["tables"].items():
        for i, step in enumerate(table["steps"], 1):
            en, fr = (set(build_data.PLACEHOLDER.findall(step[lang])) for lang in ("en", "fr"))
            assert en == fr, f"{path.name}: {name}, step {i}: {sorted(en)} in English, {sorted(fr)} in French"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_french_texts_follow_french_typography(path):
    problems = [
        f"{where}: {what}: {node['fr']}"
        for where, node in texts(load(path), path.name)
        for pattern, what in FRENCH_TYPOGRAPHY
        if pattern.search(node["fr"])
    ]
    assert not problems, "\n".join(problems)


def test_the_english_texts_have_no_french_spaces():
    for path in FILES:
        for where, node in texts(load(path), path.name):
            assert not re.search("[\u00a0\u202f]", node["en"]), where


def test_the_committed_data_package_says_what_the_descriptions_say():
    """Without the sources: every text, field and licence of data/datapackage.json comes from bookbuild/tables,
    and every cleaning step is its template with the builder's values in it."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in package.items() if k != "resources"} == build_data.package()
    for resource in package["resources"]:
        t = build_data.descriptions()[Path(resource["path"]).stem]
        mine = build_data.descriptor([t])["resources"][0]
        for key in ("cleaning", "cleaning_fr"):
            templates = mine.pop(key)
            assert len(templates) == len(resource[key]), (t.name, key)
            for template, step in zip(templates, resource.pop(key)):
                pattern = "".join(
                    "(.+?)" if i % 2 else re.escape(part)
                    for i, part in enumerate(build_data.PLACEHOLDER.split(template))
                )
                assert re.fullmatch(pattern, step), f"{t.name}: {step!r} is not {template!r}"
        assert resource == mine, t.name


def test_the_tables_transcribed_by_hand_rebuild_byte_for_byte():
    """nuts_names and italian_tiles need no source file: their CSV and their entry are checked on every run."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for builder in (build_data.nuts_names, build_data.tiles):
        (table,) = builder(None)
        assert build_data.to_csv(table.frame) == (DATA / table.path).read_bytes(), table.path
        (entry,) = [r for r in package["resources"] if r["path"] == table.path]
        assert build_data.descriptor([table])["resources"][0] == entry


def test_the_build_writes_the_committed_data_byte_for_byte(tmp_path):
    sources = build_data.DEFAULT_SOURCES
    if not sources.is_dir():
        pytest.skip(f"the source datasets are not beside this clone ({sources}); nothing to rebuild from")
    build_data.build(sources, tmp_path)
    committed = sorted(p.name for p in DATA.iterdir() if p.suffix in (".csv", ".json", ".topojson"))
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        new, old = (tmp_path / name).read_bytes(), (DATA / name).read_bytes()
        if new != old and name.endswith(".json"):
            diff = difflib.unified_diff(old.decode().splitlines(), new.decode().splitlines(), "committed", "built")
            pytest.fail(f"{name} differs:\n" + "\n".join(list(diff)[:40]))
        assert new == old, name


# --------------------------------------------------------------------------- numbers and lists in the steps


@pytest.mark.parametrize("n", [0, 7, 90, 999, 1000, 5863, 11157, 46859, 1234567, 10**9])
def test_step_numbers_are_written_as_before(n):
    """fmt_number writes what the former private formatters wrote: f"{n:,}" in English, U+202F in French."""
    assert build_data.show(n, "en") == labels.fmt_number(n, 0, "en") == f"{n:,}"
    assert build_data.show(n, "fr") == labels.fmt_number(n, 0, "fr") == f"{n:,}".replace(",", "\u202f")


@pytest.mark.parametrize("items", [["2012"], ["2012", "2022"], ["2012", "2017", "2022"], list("abcd")])
def test_step_lists_are_written_as_before(items):
    """A list: commas in English; commas and a final « et » in French."""
    assert build_data.show(items, "en") == ", ".join(items)
    french = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]
    assert build_data.show(items, "fr") == french


def test_a_step_gets_its_values_in_each_language():
    table = build_data.described("wdi_gdp_population", None, n_raw=5000, n_missing_gdp=1272)
    assert table.steps[0].startswith("Read 5,000 rows;") and "1,272 missing" in table.steps[1]
    assert (
        table.steps_fr[0].startswith("Lecture de 5\u202f000 lignes") and "les 1\u202f272 valeurs" in table.steps_fr[1]
    )
    with pytest.raises(build_data.DescriptionError, match="n_missing_gdp"):
        build_data.described("wdi_gdp_population", None, n_raw=5000)
    with pytest.raises(build_data.DescriptionError, match=r"wdi_gdp_population.*n_rows"):
        build_data.described("wdi_gdp_population", None, n_raw=5000, n_missing_gdp=1, n_rows=3)
    with pytest.raises(build_data.DescriptionError, match="not described"):
        build_data.described("no_such_table", None)


# --------------------------------------------------------------------------- the loader refuses


def broken(tmp_path, name: str, old: str, new: str):
    """A copy of bookbuild/tables with one change in one file."""
    folder = tmp_path / "tables"
    shutil.copytree(TABLES, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        (
            "wdi.yml",
            '      fr: "PIB, population',
            '      fx: "PIB, population',
            r"wdi\.yml: tables\.wdi_gdp_population\.title: no French text \(fr:\)",
        ),
        (
            "geodist.yml",
            '          en: "Second country"\n',
            "",
            r"geodist\.yml: .*fields\[2\] \(iso3_b\)\.description: no English text \(en:\)",
        ),
        (
            "baci.yml",
            'en: "Read {n_raw} rows; section',
            'en: "Read {n_rows} rows; section',
            r"baci\.yml: .*steps\[1\]: the English and French steps name different values: "
            r"only in en \['n_rows'\], only in fr \['n_raw'\]",
        ),
        (
            "tradhist.yml",
            "licence: etalab",
            "licence: etalab-2",
            r"tradhist\.yml: tables\.tradhist_france\.licence: 'etalab-2' is not in licences\.yml",
        ),
        (
            "urssaf.yml",
            '      en: "Commune name"\n',
            '      en: "Commune name"\n          de: "Gemeindename"\n',
            r"urssaf\.yml: .*\(name\)\.description: unknown language \['de'\]",
        ),
        (
            "tiles.yml",
            "  italian_tiles:",
            "  nuts_names:",
            r"tiles\.yml: table nuts_names is already described",
        ),
        (
            "licences.yml",
            '    fr: "Creative Commons Attribution 4.0"\n',
            "",
            r"licences\.yml: ccby\.title: no French text",
        ),
        (
            "eurostat.yml",
            "    primary_key: [geo, nace]",
            "    primary_keys: [geo, nace]",
            r"eurostat\.yml: tables\.eurostat_sbs_regions_2015: unknown key \['primary_keys'\]",
        ),
    ],
    ids=["no-fr", "no-en", "steps-differ", "unknown-licence", "third-language", "table-twice", "licence-no-fr", "typo"],
)
def test_the_loader_refuses_a_broken_description(tmp_path, name, old, new, expected):
    folder = broken(tmp_path, name, old, new)
    with pytest.raises(build_data.DescriptionError, match=expected):
        build_data.licences(folder)
        build_data.descriptions(folder)
