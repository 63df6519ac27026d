"""Every chart in words: its accessible name in the page's language, and its data as a folded table
(bookbuild/chart_text.py, drawn by bookbuild/mime.py, followed by clusterlab-charts.js)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import EDITIONS, ROOT, SERIOUS, axe_problems, axe_scan

from bookbuild import chart_text
from bookbuild.vega import compile_spec
from clusterlab import labels

VEGALITE = re.compile(r"application/vnd\.vegalite\.v\d+\+json")
CHAPTERS = sorted(p.name for p in (ROOT / "chapters" / "fr").glob("*.ipynb"))


def notebook_charts(path: Path) -> list[dict]:
    charts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", ()):
            charts += [spec for mime, spec in output.get("data", {}).items() if VEGALITE.fullmatch(mime)]
    return charts


def small_spec(rows: list[dict], description: str | None = None) -> dict:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
        "datasets": {"data-test": rows},
        "params": [
            {
                "name": "pick",
                "value": "a",
                "bind": {"input": "select", "options": ["a", "b"], "labels": ["Alpha", "Beta"], "name": "Group "},
            }
        ],
        "layer": [
            {
                "data": {"name": "data-test"},
                "transform": [{"filter": "datum.group == pick"}, {"calculate": "100 * datum.share", "as": "percent"}],
                "mark": "bar",
                "encoding": {
                    "x": {"field": "percent", "type": "quantitative", "title": "Share (%)"},
                    "y": {"field": "name", "type": "nominal", "title": None},
                    "tooltip": [{"field": "name", "type": "nominal", "title": "Firm"}],
                },
            },
            {
                "data": {"values": [{"at": 5}]},
                "mark": "rule",
                "encoding": {"x": {"field": "at", "type": "quantitative"}},
            },
        ],
    }
    if description is not None:
        spec["description"] = description
    return spec


ROWS = [{"group": "a", "name": "North", "share": 0.125}, {"group": "b", "name": "South", "share": 12.5}]


def test_a_table_has_the_columns_the_chart_names_and_leaves_out_the_unnamed():
    spec = small_spec(ROWS)
    (table,) = chart_text.chart_tables(spec, compile_spec(spec, "5.20"), "en")
    assert [(c.field, c.header) for c in table.columns] == [
        ("group", "Group"),
        ("percent", "Share (%)"),
        ("name", "Firm"),
    ]
    assert [r["percent"] for r in table.rows] == [12.5, 1250.0]  # computed as the chart computes it
    assert table.follow is not None  # the input filters it: the browser re-fills it from this Vega data set
    assert table.inputs == {"pick": ("Group", "a")}


def test_the_table_writes_numbers_and_words_in_the_page_language():
    spec = small_spec(ROWS)
    french = chart_text.chart_tables_html(spec, compile_spec(spec, "5.20"), "fr")
    english = chart_text.chart_tables_html(spec, compile_spec(spec, "5.20"), "en")
    assert "<summary>Données du graphique</summary>" in french and "<summary>Data of the chart</summary>" in english
    assert ">1\u202f250,0<" in french and ">1,250.0<" in english
    assert ">12,5<" in french and ">Alpha<" in french  # the menu's label, not its value
    assert "2 lignes" in french and "2 rows" in english
    # the inputs' starting values
    assert "départ\u00a0: Group = Alpha." in french and "start: Group = Alpha." in english
    assert "<caption>" in french and '<th scope="col" class="cl-num">Share (%)</th>' in english


def test_columns_are_computed_only_where_the_build_can_compute_them_as_the_chart_does():
    rows = [{"key": "a", "name": "North"}, {"key": "b", "name": "South"}]
    spec = small_spec(rows)
    spec["params"].append(
        {"name": "level", "value": 3, "bind": {"input": "range", "min": 0, "max": 5, "name": "Level "}}
    )
    unit = spec["layer"][0]
    unit["transform"] = [
        {"calculate": 'datum.key == "a" ? level : 1', "as": "score"},  # a field's value picks an input or a number
        {"calculate": "datum.score >= level && datum.key === 'a' ? \"high\" : 'low'", "as": "band"},  # a test
        {"fold": ["score"], "as": ["series", "folded"]},
        {"calculate": 'datum.series == \'score\' ? "yours" : "theirs"', "as": "who"},  # after a fold: the browser's
    ]
    unit["encoding"]["x"] = {"field": "score", "type": "quantitative", "title": "Score"}
    unit["encoding"]["color"] = {"field": "who", "type": "nominal", "title": "Who"}
    unit["encoding"]["shape"] = {"field": "band", "type": "nominal", "title": "Band"}
    (table,) = chart_text.chart_tables(spec, None, "en")
    assert [c.header for c in table.columns] == ["Score", "Firm", "Band"]
    assert [(r["score"], r["band"]) for r in table.rows] == [(3, "high"), (1, "low")]
    assert table.inputs == {"level": ("Level", 3)}
    assert "at the start: Level = 3." in chart_text.chart_tables_html(spec, None, "en")


def test_a_long_table_is_capped_and_says_so():
    rows = [{"group": "a", "name": f"firm {i}", "share": i / 1000} for i in range(400)]
    spec = small_spec(rows)
    html = chart_text.chart_tables_html(spec, None, "en")
    assert html.count("<tr>") == chart_text.MAX_ROWS + 1  # the header row and MAX_ROWS rows
    assert "400 rows; the first 150 are shown" in html


def test_a_chart_without_description_gets_one_from_its_spec_in_each_language():
    spec = small_spec(ROWS)
    english, french = chart_text.description(spec, "en"), chart_text.description(spec, "fr")
    assert english == "Chart drawn with bars; rules; axes: Share (%); at."
    assert french.startswith("Graphique fait de barres\u202f; traits\u202f; axes\u00a0: Share (%)")
    assert chart_text.description(small_spec(ROWS, "Bars of shares"), "fr") == "Bars of shares"


@pytest.mark.parametrize("language", EDITIONS)
def test_the_website_renderer_names_a_chart_without_description_and_puts_its_table_under_it(language):
    """The safety net: a chart whose spec has no description is named from its spec, in the page's language,
    on the page and in the Vega spec (Vega writes it on the chart)."""
    import types

    from docutils.utils import new_document

    from bookbuild import mime

    config = types.SimpleNamespace(clusterlab_vegalite_version="5.20", language=language)
    document = new_document("test")
    document.settings.env = types.SimpleNamespace(config=config)
    renderer = types.SimpleNamespace(renderer=types.SimpleNamespace(document=document), source="page.ipynb")
    spec = small_spec(ROWS)
    data = types.SimpleNamespace(
        mime_type="application/vnd.vegalite.v5+json", content=spec, string="", cell_index=0, output_index=0
    )
    [node] = mime.VegaLiteRenderer.handle_mime(renderer, data, False)
    markup = node.astext()
    named = chart_text.description(spec, language)
    assert named.startswith({"en": "Chart drawn with bars", "fr": "Graphique fait de barres"}[language])
    assert f'aria-label="{named}"' in markup
    embedded = json.loads(markup.split('class="cl-chart-spec">')[1].split("</script>")[0])
    assert embedded["description"] == named
    assert markup.index("cl-chart-spec") < markup.index('<details class="cl-chart-data">')


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chart_of_both_editions_has_its_own_description_and_a_table(name):
    """The notebooks' charts carry their description (no derived safety net is needed), French in French."""
    french, english = (notebook_charts(ROOT / "chapters" / lang / name) for lang in ("fr", "en"))
    assert len(french) == len(english)
    for fr_spec, en_spec in zip(french, english, strict=True):
        assert fr_spec.get("description", "").strip(), f"{name}: a chart has no description"
        assert fr_spec["description"] != en_spec["description"]
        for spec, language in ((fr_spec, "fr"), (en_spec, "en")):
            tables = chart_text.chart_tables(spec, None, language)
            assert tables, f"{name}: a chart has no data table"
            data = {key: rows for key, rows in spec.get("datasets", {}).items()}
            for table in tables:  # the table's rows are the chart's own data
                assert len(table.rows) == len(data[table.dataset])


# --- in the browser -------------------------------------------------------------------------------

CHART_PAGES = [
    f"{lang}/chapters/{lang}/{name.replace('.ipynb', '.html')}"
    for lang in EDITIONS
    for name in CHAPTERS
    if notebook_charts(ROOT / "chapters" / lang / name)
]

NAMES = """() => [...document.querySelectorAll('div.cl-chart')].map(b => ({
  target: b.querySelector('.cl-chart-target').getAttribute('aria-label'),
  role: b.querySelector('.cl-chart-target').getAttribute('role'),
  svg: b.querySelectorAll('.cl-chart-target svg').length,
  tables: b.querySelectorAll('details.cl-chart-data table.cl-chart-table').length,
  rows: b.querySelectorAll('details.cl-chart-data tbody tr').length,
  open: b.querySelector('details.cl-chart-data').open,
}))"""


def number(text: str, language: str) -> float:
    """A number as the table of a ``language`` page writes it, back to a float."""
    text = text.replace("\u202f", "").replace("\u00a0", "").replace("\u2212", "-")
    return float(text.replace(",", "") if language == "en" else text.replace(",", "."))


@pytest.fixture
def page(browser, server):
    opened = []

    def _page(path):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        opened.append(context)
        p = context.new_page()
        errors = []
        p.on("pageerror", lambda e: errors.append(str(e)))
        p.goto(f"{server}/{path}", wait_until="load")
        p.wait_for_function("() => document.documentElement.dataset.charts === 'drawn'", timeout=20000)
        assert errors == [], errors
        return p

    yield _page
    for context in opened:
        context.close()


@pytest.mark.parametrize("path", [p for p in CHART_PAGES if p.startswith("fr/")])
def test_every_chart_is_named_in_the_page_language_and_has_its_data_folded_under_it(page, path):
    twin = path.replace("fr/", "en/").replace("/fr/", "/en/")
    french, english = page(path).evaluate(NAMES), page(twin).evaluate(NAMES)
    assert french and len(french) == len(english)
    for fr_chart, en_chart in zip(french, english, strict=True):
        for chart in (fr_chart, en_chart):
            # Vega names the chart's container from the spec's description (role graphics-document)
            assert chart["role"] == "graphics-document" and chart["svg"] >= 1
            assert chart["target"] and chart["target"].strip()
            assert chart["tables"] >= 1 and chart["rows"] >= 1
            assert chart["open"] is False  # folded by default
        assert fr_chart["target"] != en_chart["target"]  # the French page's name is French


TABLE_AND_DATA = """(block) => {
  const table = block.querySelector('table.cl-chart-table');
  const name = table.dataset.follow || table.dataset.dataset;
  const columns = JSON.parse(table.dataset.columns);
  return {
    data: block.clChart.data(name).map(r => columns.map(c => r[c.field] ?? null)),
    cells: [...table.tBodies[0].rows].map(tr => [...tr.cells].map(td => td.textContent)),
    numeric: columns.map(c => c.numeric),
    decimals: columns.map(c => c.decimals),
  };
}"""


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize(
    "chapter, index",
    [("04-measuring-clusters", 0), ("07-cluster-springboard", 1), ("06-sme-internationalisation", 1)],
)
def test_the_table_holds_the_chart_s_own_data(page, language, chapter, index):
    p = page(f"{language}/chapters/{language}/{chapter}.html")
    found = p.locator("div.cl-chart").nth(index).evaluate(TABLE_AND_DATA)
    assert found["cells"], "an empty table"
    assert len(found["cells"]) == min(len(found["data"]), chart_text.MAX_ROWS)
    for row, cells in zip(found["data"], found["cells"], strict=False):
        for value, text, numeric, decimals in zip(row, cells, found["numeric"], found["decimals"], strict=True):
            if numeric and value is not None:
                assert number(text, language) == pytest.approx(value, abs=0.51 * 10**-decimals), (text, value)


@pytest.mark.parametrize("language", EDITIONS)
def test_moving_a_bound_slider_changes_the_table_that_follows_it(page, language):
    p = page(f"{language}/chapters/{language}/09-cluster-policy.html")
    block = p.locator("div.cl-chart").first
    table = block.locator("table.cl-chart-table[data-follow]").first
    before = table.locator("tbody").text_content(), table.locator("caption").text_content()
    slider = block.locator("input[type=range]").first
    slider.fill(slider.get_attribute("max"))
    p.wait_for_timeout(300)
    after = table.locator("tbody").text_content()
    assert after != before[0]
    found = block.evaluate(TABLE_AND_DATA)
    assert len(found["cells"]) == min(len(found["data"]), chart_text.MAX_ROWS) > 0
    # the starting values stay in the caption, and the row count follows
    assert labels.plural("book.chart.rows", len(found["data"]), language, n=len(found["data"])).split()[-1] in (
        table.locator("caption").text_content()
    )


@pytest.mark.parametrize("language", EDITIONS)
def test_a_menu_changes_the_table_of_the_location_quotients(page, language):
    p = page(f"{language}/chapters/{language}/04-measuring-clusters.html")
    block = p.locator("div.cl-chart").first
    first = block.locator("table.cl-chart-table tbody tr").first.text_content()
    block.locator("select").select_option(index=1)
    p.wait_for_timeout(300)
    assert block.locator("table.cl-chart-table tbody tr").first.text_content() != first
    found = block.evaluate(TABLE_AND_DATA)
    assert len(found["cells"]) == len(found["data"]) == 15  # one industry's fifteen regions
    # the threshold slider re-colours the bars: the table's "specialised?" column follows, as the chart has it
    status = [
        c["field"] for c in json.loads(block.locator("table.cl-chart-table").first.get_attribute("data-columns"))
    ].index("status")
    before = [row[status] for row in found["cells"]]
    block.locator("input[type=range]").first.fill("6")
    p.wait_for_timeout(300)
    found = block.evaluate(TABLE_AND_DATA)
    after = [row[status] for row in found["cells"]]
    assert after != before
    assert after == [row[status] for row in found["data"]]
    assert set(after) <= {labels.label("lq.specialised", language), labels.label("lq.not_specialised", language)}


def test_the_built_pages_carry_the_tables(site):
    for language in EDITIONS:
        text = (site / language / "chapters" / language / "04-measuring-clusters.html").read_text(encoding="utf-8")
        assert text.count('<details class="cl-chart-data">') == 2
        assert labels.label("book.chart.summary", language) in text


@pytest.mark.parametrize("language", EDITIONS)
def test_open_tables_have_no_serious_accessibility_violation(page, language):
    p = page(f"{language}/chapters/{language}/09-cluster-policy.html")
    opened = p.evaluate(
        "() => [...document.querySelectorAll('details.cl-chart-data')].map(d => (d.open = true)).length"
    )
    assert opened >= 1
    response = axe_scan(p)
    problems = axe_problems(response, impacts=SERIOUS)
    assert response["passes"] and not problems, "\n".join(problems)


# --- in JupyterLab --------------------------------------------------------------------------------

LAB_NAMES = """() => [...document.querySelectorAll('.jp-RenderedVegaLite')].map(r => {
  const named = r.querySelector('[role="graphics-document"]');
  return named ? named.getAttribute('aria-label') : null;
})"""


@pytest.mark.lab
@pytest.mark.parametrize("language", EDITIONS)
def test_jupyterlab_names_the_location_quotient_chart_from_its_description(browser, tmp_path, language):
    """JupyterLab's own Vega reads the description at the top of the notebook's spec (kernel-free: the
    committed outputs are drawn as they are)."""
    from bookbuild.lab import only_this_host, running_lab

    name = "04-measuring-clusters.ipynb"
    specs = notebook_charts(ROOT / "chapters" / language / name)
    (tmp_path / name).write_bytes((ROOT / "chapters" / language / name).read_bytes())
    with running_lab(tmp_path, {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}) as (base, token):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        blocked: list[str] = []
        only_this_host(page, blocked)
        try:
            page.goto(f"{base}/lab/tree/{name}?token={token}")
            page.wait_for_function(
                "n => document.querySelectorAll('.jp-RenderedVegaLite svg, .jp-RenderedVegaLite canvas').length >= n",
                arg=len(specs),
                timeout=90000,
            )
            names = page.evaluate(LAB_NAMES)
        finally:
            context.close()
    assert names == [spec["description"] for spec in specs]
    assert blocked == []
