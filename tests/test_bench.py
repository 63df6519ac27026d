"""The benchmark (bench/): its arithmetic, and a quick run that must produce every figure.

The quick run checks that each figure is produced and is a number; it does not hold figures to
their budgets (a stopwatch on a shared machine is not a test). `make bench` does the full run.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import subprocess
import sys
import urllib.error
import urllib.request

import nbformat
import pytest
from conftest import ROOT, site_pages
from hypothesis import given
from hypothesis import strategies as st

from bench import build, environment, pages, phone, run, scale, server
from bench import notebooks as bench_notebooks
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
    # the quick run executes one chapter in both editions (the full run executes every notebook)
    quick = {f"notebooks.chapters/{lang}/{bench_notebooks.QUICK}" for lang in ("fr", "en")}
    assert {k for k in keys if k.startswith("notebooks.chapters/")} == quick
    assert {p.relative_to(ROOT).as_posix() for p in bench_notebooks.notebooks()} >= {k[10:] for k in quick}
    # the quick run measures four pages of each edition, with and without charts (the full run, every page)
    measured = results["details"]["pages"]["pages"]
    site = ROOT / "_build" / "site"
    assert set(measured) == {
        p.relative_to(site).as_posix() for lang in ("fr", "en") for p in pages.measured_pages(site, lang, True)
    }
    assert {bool(v["charts"]) for v in measured.values()} == {True, False}
    assert {p.relative_to(site).as_posix() for lang in ("fr", "en") for p in site_pages(site, lang)} >= set(measured)
    assert all(math.isfinite(f["value"]) for f in results["figures"])
    # printed as one table, each budgeted figure beside its budget
    lines = proc.stdout.splitlines()
    for f in results["figures"]:
        [line] = [x for x in lines if x.strip().startswith(f["label"] + " ")]
        assert ("≤" in line) == (f["budget"] is not None), line
    assert sum(f["budget"] is not None for f in results["figures"]) >= 15
    assert "quick run: budgets not judged" in proc.stdout
    assert results["machine"]["cores"] >= 1 and results["machine"]["python"].startswith("3.")
    # the phone section: its figures with their budgets, one chart page of each edition and the next
    figures = {f["key"]: f for f in results["figures"] if f["key"].startswith("phone.")}
    assert set(figures) == set(run.EXPECTED["phone"])
    budgets = {k: f["budget"] for k, f in figures.items() if f["budget"] is not None}
    assert budgets == {
        "phone.lcp_ms_median": 2500,
        "phone.chart_ms_median": 3500,
        "phone.second_lcp_ms_median": 2500,
        "phone.second_chart_ms_median": 2500,
        "phone.first_kB_median": 450,
        "phone.first_kB_max": 450,
    }
    details = results["details"]["phone"]["pages"]
    assert {page.split("/")[0] for page in details} == {"fr", "en"}
    for page, d in details.items():
        assert d["first"]["bytes"] > 0 and d["first"]["chart_ms"] > 0 and d["first"]["lcp_ms"] > 0
        # the page, Vega and the stylesheets came compressed
        compressed = d["first"]["compressed"]
        assert any(url.endswith(page) for url in compressed), compressed
        assert any("/vendor/vega" in url for url in compressed) and any(".css" in url for url in compressed)
        # the second chart page reused the cache: far fewer bytes than the first visit
        assert d["second"]["bytes"] < d["first"]["bytes"] / 3, d
    assert any("vega" in url for url, _ in next(iter(details.values()))["first"]["largest"])


def _get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:  # urllib raises on 304
        return err.code, dict(err.headers), err.read()


def test_the_phone_server_compresses_validates_and_answers_304(tmp_path):
    page = "<!DOCTYPE html><p>" + "Clusters industriels et internationalisation des PME. " * 200 + "</p>"
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "app.js").write_text("console.log('x');\n" * 300, encoding="utf-8")
    font = bytes(range(256)) * 40
    (tmp_path / "_static" / "icons.woff2").write_bytes(font)
    with server.served(tmp_path) as base:
        status, headers, body = _get(f"{base}/index.html", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode("utf-8") == page
        assert int(headers["Content-Length"]) == len(body) < len(page.encode()) / 5
        assert headers["Content-Type"].startswith("text/html")
        assert re.fullmatch(r'"[0-9a-f]+"', headers["ETag"]) and headers["Last-Modified"].endswith("GMT")
        assert f"max-age={server.PAGE_MAX_AGE}" in headers["Cache-Control"]
        assert headers["Vary"] == "Accept-Encoding"
        # a browser that accepts no compression gets the file as it is
        status, headers, body = _get(f"{base}/index.html")
        assert status == 200 and "Content-Encoding" not in headers and body.decode("utf-8") == page
        # assets: compressed when text, never when compressed already; a long max-age
        status, headers, body = _get(f"{base}/_static/app.js", **{"Accept-Encoding": "gzip, deflate, br"})
        assert headers["Content-Encoding"] == ("br" if server.brotli else "gzip")
        assert f"max-age={server.ASSET_MAX_AGE}" in headers["Cache-Control"]
        status, headers, body = _get(f"{base}/_static/icons.woff2", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in headers and body == font
        # revalidation: the same ETag, or no change since Last-Modified, is a 304 with no body
        status, headers, _ = _get(f"{base}/index.html", **{"Accept-Encoding": "gzip"})
        tag, modified = headers["ETag"], headers["Last-Modified"]
        status, again, body = _get(f"{base}/index.html", **{"If-None-Match": tag, "Accept-Encoding": "gzip"})
        assert status == 304 and body == b"" and again["ETag"] == tag
        status, _, body = _get(f"{base}/index.html", **{"If-Modified-Since": modified})
        assert status == 304 and body == b""
        # a changed file is sent again, with a new ETag, even to a browser that holds the old one
        (tmp_path / "index.html").write_text(page + "<p>new</p>", encoding="utf-8")
        status, headers, body = _get(f"{base}/index.html", **{"If-None-Match": tag})
        assert status == 200 and headers["ETag"] != tag and body.decode("utf-8").endswith("<p>new</p>")
        assert _get(f"{base}/missing.html")[0] == 404
        assert _get(f"{base}/../../etc/passwd")[0] == 404


def test_accept_encoding_is_read_with_its_weights():
    assert server.choose_encoding("gzip, deflate") == "gzip"
    assert server.choose_encoding("gzip;q=0, deflate") is None
    assert server.choose_encoding(None) is None
    assert server.choose_encoding("br;q=1.0, gzip;q=0.8") == ("br" if server.brotli else "gzip")


def test_the_phone_profile_is_the_mobile_one_of_web_performance_tools():
    assert phone.CPU_SLOWDOWN == 4 and phone.ROUND_TRIP_MS == 150
    assert (phone.DOWN_BITS_PER_S, phone.UP_BITS_PER_S) == (1.6e6, 0.75e6)
    assert phone.PHONE["viewport"] == {"width": 390, "height": 844} and phone.PHONE["is_mobile"]


FONT_AWESOME = re.compile(
    r"url\([^)]*(fontawesome|fa-(solid|brands|regular)-\d+)|@font-face\s*\{[^}]*Font Awesome", re.I
)


@pytest.mark.parametrize("language", ("fr", "en"))
def test_no_page_links_font_awesome_fonts_or_script(site, language):
    for page in site_pages(site, language):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"fontawesome", html, re.I), page.relative_to(site)
    for css in (site / language / "_static").rglob("*.css"):
        assert not FONT_AWESOME.search(css.read_text(encoding="utf-8")), css.relative_to(site)
    assert not list((site / language / "_static").rglob("fa-*.woff2"))
    assert not (site / language / "_static" / "scripts" / "fontawesome.js").exists()


def test_the_icons_stylesheet_is_the_one_the_theme_s_font_awesome_gives():
    from bookbuild import icons

    assert icons.ICONS_CSS.read_text(encoding="utf-8") == icons.stylesheet(icons.icon_paths(icons._theme_fontawesome()))
    trimmed = icons.trim_stylesheet(
        '.a{color:red}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}'
        "@font-face{font-display:block;font-family:Font Awesome\\ 6 Free;src:url(x.woff2)}.b{color:blue}"
    )
    assert trimmed == ".a{color:red}.b{color:blue}"


#: Every pseudo-element the theme draws an icon in (its font is Font Awesome's), and whether it draws
#: it as a mask (no character: the fonts are gone, a character would show as a missing glyph).
ICONS = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (!style.content || style.content === "none" || style.content === "normal") continue;
      if (!/Awesome/.test(style.fontFamily)) continue;
      const mask = style.maskImage || style.webkitMaskImage;
      const named = el.closest("[aria-label],[title]");
      found.push({what: el.tagName.toLowerCase() + "." + [...el.classList].join(".") + pseudo,
                  glyph: style.content !== '""', mask: !!mask && mask.startsWith("url("),
                  name: named ? named.getAttribute("aria-label") || named.getAttribute("title") : ""});
    }
  }
  return found;
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["fr/chapters/fr/01-marshall-district.html", "en/chapters/en/04-measuring-clusters.html", "en/search.html"]
)
def test_every_icon_is_drawn_by_a_mask_and_no_font_is_fetched(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{server}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    drawn = page.evaluate(ICONS)
    context.close()
    assert not [u for u in fetched if re.search(r"\.(woff2?|ttf|otf)(\?|$)|fontawesome", u)], fetched
    header = [d for d in drawn if "fa-" in d["what"]]
    assert len(header) >= 10, drawn  # the header's buttons, sidebars, back-to-top…
    assert [d for d in drawn if d["glyph"] or not d["mask"]] == []
    # the header's buttons keep their names (fullscreen, download, theme, search, repository, sidebars)
    names = {d["name"] for d in header}
    assert len([n for n in names if n]) >= 5, names


@pytest.mark.browser
@pytest.mark.parametrize("language, word", [("fr", "Marshall"), ("en", "Marshall")])
def test_the_search_page_still_finds_a_word(browser, server, language, word):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/{language}/search.html?q={word}", wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('#search-results ul.search li').length > 0", timeout=30_000)
    hits = page.locator("#search-results ul.search li a").evaluate_all("links => links.map(a => a.href)")
    context.close()
    assert any("01-marshall-district.html" in h for h in hits), hits


@pytest.mark.browser
def test_a_chapter_loads_the_search_index_only_when_the_reader_opens_the_search(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{server}/en/chapters/en/01-marshall-district.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "searchindex.js" in u or "searchtools.js" in u]
    page.keyboard.press("Control+k")
    page.wait_for_function("() => typeof Search !== 'undefined' && Search._index !== null", timeout=30_000)
    assert [u for u in fetched if u.endswith("/en/searchindex.js")]
    assert page.locator("#pst-search-dialog input[name=q]").is_visible()
    context.close()
