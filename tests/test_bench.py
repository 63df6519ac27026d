"""The benchmark (bench/): its arithmetic, and a quick run that must produce every figure.

The quick run checks that each figure is produced and is a number; it does not hold figures to
their budgets (a stopwatch on a shared machine is not a test). `make bench` does the full run.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT, site_pages
from hypothesis import given
from hypothesis import strategies as st

from bench import build, environment, pages, run, scale
from bench.stats import median, percentile


def test_percentile_is_the_nearest_rank():
    values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    assert percentile(values, 95) == 10
    assert percentile(values, 50) == 5
    assert percentile(values, 10) == 1
    assert percentile([7.5], 95) == 7.5
    assert median([3, 1, 2, 10]) == 2.5
    with pytest.raises(ValueError):
        percentile([], 95)
    with pytest.raises(ValueError):
        percentile([1, 2], 0)


@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1, max_size=200),
    st.floats(min_value=0.5, max_value=100),
)
def test_percentile_is_a_measured_value_with_q_percent_at_or_below(values, q):
    p = percentile(values, q)
    assert p in values
    at_or_below = sum(v <= p for v in values)
    assert at_or_below >= q / 100 * len(values) - 1e-9
    assert sum(v < p for v in values) < q / 100 * len(values) + 1e-9


def test_page_specific_bytes_leave_out_what_every_page_loads():
    loads = {
        "a.html": {"/a.html": 10, "/theme.css": 100, "/vega.js": 500},
        "b.html": {"/b.html": 20, "/theme.css": 100},
        "c.html": {"/c.html": 30, "/theme.css": 100, "/vega.js": 500, "/math.woff": 5},
    }
    assert pages.page_specific(loads) == {"a.html": 510, "b.html": 20, "c.html": 535}
    # with a and c as chart pages, the chart runtime (vega.js) is counted apart, once
    assert pages.chart_runtime(loads, {"a.html", "c.html"}) == {"/vega.js": 500}
    assert pages.page_specific(loads, {"a.html", "c.html"}) == {"a.html": 10, "b.html": 20, "c.html": 35}
    # a page without charts that loads the runtime all the same still pays for it
    loads["b.html"]["/vega.js"] = 500
    assert pages.chart_runtime(loads, {"a.html", "c.html"}) == {}


def test_missing_or_broken_figures_are_reported():
    results = {
        "sections": ["environment", "scale"],
        "figures": [
            {"key": "environment.MB", "value": 400.0},
            {"key": "environment.largest_MB", "value": float("nan")},
            {"key": "scale.1000.s", "value": 0.1},
        ],
    }
    problems = run.missing_figures(results)
    assert "environment.largest_MB: value nan" in problems
    assert "scale: no figure scale.*.peak_MB" in problems and "scale: no figure scale.growth" in problems
    assert not any(p.startswith("environment: no figure") for p in problems)


def test_the_warm_rebuild_edits_a_prose_line_not_a_heading(tmp_path):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Title\n\n:::{note}\nA note.\n:::"),
            nbformat.v4.new_code_cell("x = 1"),
            nbformat.v4.new_markdown_cell("- a list\nA sentence of prose.\nAnother one."),
        ]
    )
    path = tmp_path / "page.ipynb"
    nbformat.write(nb, path)
    assert build.edit_prose_line(path) == "A note. (bench)"
    after = nbformat.read(path, as_version=4)
    assert after.cells[0].source == "# Title\n\n:::{note}\nA note. (bench)\n:::"
    assert after.cells[2].source == nb.cells[2].source


def test_the_floor_project_holds_every_page_of_the_edition(tmp_path):
    project = build.write_floor_project("en", tmp_path / "en")
    toc = (project / "index.md").read_text(encoding="utf-8")
    pages_here = sorted(
        p.relative_to(project).with_suffix("").as_posix() for p in project.rglob("*.md") if p != project / "index.md"
    )
    edition = ROOT / "chapters" / "en"
    assert pages_here == sorted(
        p.relative_to(edition).with_suffix("").as_posix()
        for p in edition.rglob("*.*")
        if p.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in p.parts
    )
    assert all(name in toc for name in pages_here)
    assert "myst_parser" in (project / "conf.py").read_text() and "myst_nb" not in (project / "conf.py").read_text()


def test_generated_scale_files_are_read_as_the_rows_they_hold(tmp_path):
    from clusterlab import data, measures

    path = scale.write_file(2_000, tmp_path / "f.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == "Commune;Code APE;Effectifs"
    tidy = data.read_employment(path)
    assert tidy.attrs["rows"] == 2_000 and len(tidy) == 2_000
    assert 0 < tidy.attrs["missing"] < 100
    assert len(measures.lq_table(tidy.dropna(subset=["employment"]))) == 2_000 - tidy.attrs["missing"]
    assert scale.write_file(2_000, tmp_path / "g.csv").read_bytes() == path.read_bytes()  # seeded


def test_the_environment_follows_requirements_through_dependencies():
    found = environment.closure(["jinja2"])
    assert {"jinja2", "markupsafe"} <= set(found)
    assert "pandas" not in found
    book = environment.closure(environment.requirement_lines(ROOT / "requirements.txt"))
    assert {"clusterlab", "pandas", "numpy", "jupyterlab", "ipywidgets", "altair", "tornado"} <= set(book)
    assert "sphinx" not in book and "pytest" not in book  # book-building and test tools are not the reader's


def test_the_budgets_in_bench_readme_are_the_budgets_the_benchmark_uses():
    text = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([A-Za-z0-9_.]+)` \| ≤ ([0-9.]+) ", text, re.M))
    assert {k: float(v) for k, v in documented.items()} == {k: float(v) for k, v in run.BUDGETS.items()}


@pytest.mark.slow
@pytest.mark.browser
def test_the_quick_benchmark_produces_every_figure(tmp_path):
    output = tmp_path / "quick.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True and results["sections"] == list(run.SECTIONS)
    assert run.missing_figures(results) == []
    keys = {f["key"] for f in results["figures"]}
    notebooks = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "chapters").rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )
    assert {f"notebooks.{n}" for n in notebooks} <= keys
    measured = set(results["details"]["pages"]["pages"])
    built = {
        p.relative_to(ROOT / "_build" / "site").as_posix()
        for lang in ("fr", "en")
        for p in site_pages(ROOT / "_build" / "site", lang)
    }
    assert measured == built
    assert all(math.isfinite(f["value"]) for f in results["figures"])
    # printed as one table, each budgeted figure beside its budget
    lines = proc.stdout.splitlines()
    for f in results["figures"]:
        [line] = [x for x in lines if x.strip().startswith(f["label"] + " ")]
        assert ("≤" in line) == (f["budget"] is not None), line
    assert sum(f["budget"] is not None for f in results["figures"]) >= 15
    assert "quick run: budgets not judged" in proc.stdout
    assert results["machine"]["cores"] >= 1 and results["machine"]["python"].startswith("3.")
