"""The capstone's audit toolbox (clusterlab.audit) and the template notebook run as a new user would."""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

from clusterlab import audit, data, labels, measures

OWN_FILE = (
    "région;secteur;effectifs\n"
    "Rouen;C10;1200\nRouen;C20;3400\nRouen;C29;\n"
    "Le Havre;C10;800\nLe Havre;C20;5200\nLe Havre;C29;300\n"
    "Dieppe;C10;450\nDieppe;C20;120\nDieppe;C29;900\n"
)


@pytest.fixture
def own_file(tmp_path):
    path = tmp_path / "ma_region.csv"
    path.write_text(OWN_FILE, encoding="utf-8")
    return path


def test_the_worked_example_gives_the_figures_of_chapter_one():
    result = audit.run(audit.eurostat_employment(), "ITH5", "C23", home="ITA")
    assert (result.employment, round(result.lq, 2), result.rank, result.regions) == (30110, 1.70, 49, 278)
    assert list(result.markets["partner"][:3]) == ["CHE", "FRA", "AUT"]
    assert result.top.iloc[0]["industry"] == "C28" and result.eg is None
    assert result.rank_employment == 2 and round(result.share, 1) == 2.6  # second by jobs (chapter 1)


def test_an_own_file_with_plant_sizes_gives_the_measures_of_chapter_four(own_file):
    tidy = data.read_employment(own_file)
    result = audit.run(tidy, "Rouen", "C10", plant_sizes=[600, 400, 200, 800, 450, 400])
    complete = tidy.dropna(subset=["employment"])
    wide = complete.pivot_table(index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0)
    assert result.hoover == pytest.approx(measures.hoover(wide["C10"], wide.sum(axis=1)))
    assert result.eg == pytest.approx(
        measures.ellison_glaeser(wide["C10"], wide.sum(axis=1), [600, 400, 200, 800, 450, 400])
    )
    lq = measures.lq_table(complete)
    assert result.lq == pytest.approx(lq[(lq["region"] == "Rouen") & (lq["industry"] == "C10")]["lq"].item())
    assert result.markets is None and result.regions == 3


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"region": "ITX9"}, "region 'ITX9' is not in the table"),
        ({"industry": "C99"}, "industry 'C99' is not in the table"),
        ({"export_share": 70.0}, "export_share and export_source together"),
        ({"export_share": 170.0, "export_source": "x"}, "between 0 and 100"),
        ({"governance": ("high", "average", "low")}, "codifiability must be 'high' or 'low'"),
        ({"home": "XXX"}, "XXX"),
        ({"governance": "low, high, high"}, "three words in brackets"),
        ({"region": "FRK2"}, "FR10, FR21.*NUTS 2013"),
    ],
)
def test_bad_choices_say_what_to_fix(kwargs, match):
    args = {"region": "ITH5", "industry": "C23", **kwargs}
    with pytest.raises(ValueError, match=match):
        audit.run(audit.eurostat_employment(), **args)


def test_a_table_without_the_three_columns_is_refused():
    with pytest.raises(ValueError, match="read your file with data.read_employment"):
        audit.run(data.load("eurostat_sbs_regions_2015"), "ITH5", "C23")


def test_the_dashboard_and_the_draft_show_the_audit_s_numbers():
    import vl_convert as vlc

    labels.set_language("fr")
    result = audit.run(
        audit.eurostat_employment(),
        "ITH5",
        "C23",
        home="ITA",
        export_share=84.4,
        export_source="Confindustria Ceramica",
        governance=("low", "high", "high"),
    )
    svg = vlc.vegalite_to_svg(audit.dashboard(result, bilingual=True).to_json())
    for text in (
        "30\u202f110",
        "1,70",
        "49 sur 278",
        "84,4",
        labels.label("gvc.market"),
        "Suisse",
        labels.label("audit.top", "fr"),
        labels.label("audit.top", "en"),
    ):
        assert text in svg, text
    draft = audit.draft(result)
    assert "30\u202f110" in draft and "rang 49 sur 278" in draft
    assert labels.label("audit.draft.todo") in draft
    labels.set_language("en")
    plain = vlc.vegalite_to_svg(audit.dashboard(result).to_json())
    assert labels.label("audit.top", "fr") not in plain and "30,110" in plain


def test_the_checklist_points_to_chapters_that_exist():
    chapters = {
        json.loads(p.read_text(encoding="utf-8"))["cells"][0]["source"][0].strip()
        for p in (ROOT / "chapters" / "en").glob("0*.ipynb")
    }
    for key in set(audit._CHAPTER.values()):
        assert f"({key})=" in chapters
    labels.set_language("fr")
    table = audit.checklist()
    assert len(table) == len(audit.CHECKLIST) and table["question"].str.endswith("\u202f?").all()
    labels.set_language("en")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_template_runs_end_to_end_on_a_reader_s_own_file(own_file, tmp_path, language):
    """What a new user does: open the notebook, change the choices cell, Run All."""
    nb = nbformat.read(ROOT / "chapters" / language / "10-audit.ipynb", as_version=4)
    choices = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("MY_FILE"))
    choices.source = (
        f'MY_FILE = {str(own_file)!r}\nMY_FILE_OPTIONS = {{}}\nREGION = "Le Havre"\nINDUSTRY = "C20"\nHOME = "FRA"\n'
        "PLANT_SIZES = [3000, 2500, 1800, 1320]\nEXPORT_SHARE = None\nEXPORT_SOURCE = None\n"
        'GOVERNANCE = ("high", "low", "high")'
    )
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "chapters" / language)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = json.dumps([o.get("data", o.get("text")) for o in outputs], ensure_ascii=False)
    assert "Le Havre" in text and "application/vnd.vegalite.v5+json" in text
    assert labels.label("gvc.relational", language) in text
