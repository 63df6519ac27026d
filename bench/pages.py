"""Pages: every page of both editions (the quick run: four of each, ``QUICK_PAGES``) in headless Chromium, served on 127.0.0.1 by a plain static server.

For each page, in a fresh browser context (empty cache):

* bytes loaded: the bodies of the HTML and of every asset it requests, as the server sends them
  (uncompressed: Python's static server does not compress);
* bytes specific to the page: the same, less the assets that every page of its edition loads
  (theme styles and scripts, fonts…) and, on a page with charts, less the chart runtime that every
  chart page of its edition loads (the Vega bundle and the book's chart script), i.e. what a reader
  downloads for this page once the book's common files are in the browser cache;
* the chart runtime itself, measured once: what a reader downloads on the first chart page they open;
* chart time: from the start of navigation until every chart of the page has drawn (the page
  sets the performance mark ``clusterlab:charts-drawn``, see bookbuild/static/clusterlab-charts.js);
* load time: until the ``load`` event; on pages without a chart it is the floor;
* map redraw: on chapter 4's page, the time from a new industry in the menu to the bars and the map
  drawn again (performance marks around the change and the view's run), once per industry.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bench.stats import median, percentile
from bookbuild.browser import CHROMIUM_ARGS, require_chromium, site_failure
from bookbuild.editions import EDITIONS, ROOT
from bookbuild.site import served, site_pages

SITE = ROOT / "_build" / "site"
#: The quick run's pages in each edition: two chapters with charts (one with the map) and two pages without.
#: Every page of the site is loaded, and its charts drawn, by tests/test_browser.py in ``make test``.
QUICK_PAGES = (
    "chapters/{language}/01-marshall-district.html",
    "chapters/{language}/04-measuring-clusters.html",
    "chapters/{language}/glossary.html",
    "chapters/{language}/part1.html",
)
ALL_DRAWN = """() => {
  const blocks = document.querySelectorAll("div.cl-chart");
  return blocks.length === 0 || document.documentElement.dataset.charts === "drawn";
}"""


def chart_runtime(loads: dict[str, dict[str, int]], chart_pages: set[str]) -> dict[str, int]:
    """The assets every chart page loads and some page without charts does not: {asset URL path: bytes}."""
    if not chart_pages or not loads:
        return {}
    everywhere = set.intersection(*(set(assets) for assets in loads.values()))
    on_charts = set.intersection(*(set(loads[page]) for page in chart_pages))
    first = loads[min(chart_pages)]
    return {url: first[url] for url in sorted(on_charts - everywhere)}


def page_specific(loads: dict[str, dict[str, int]], chart_pages: set[str] = frozenset()) -> dict[str, int]:
    """Bytes of each page not shared by every page, nor, on a chart page, by every chart page (the chart
    runtime, counted apart): ``loads`` maps a page to {asset URL path: bytes}."""
    if not loads:
        return {}
    shared = set.intersection(*(set(assets) for assets in loads.values()))
    runtime = set(chart_runtime(loads, set(chart_pages)))
    return {
        page: sum(
            size for url, size in assets.items() if url not in shared and not (page in chart_pages and url in runtime)
        )
        for page, assets in loads.items()
    }


def visit(browser, url: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda r: requests.append(r))
    failed = []
    page.on("requestfailed", lambda r: failed.extend(filter(None, [site_failure(r)])))
    page.goto(url, wait_until="load")
    charts = page.locator("div.cl-chart").count()
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    page.wait_for_load_state("networkidle")
    timing = page.evaluate("""() => ({
        load: performance.getEntriesByType("navigation")[0].loadEventEnd,
        drawn: (performance.getEntriesByName("clusterlab:charts-drawn")[0] || {}).startTime ?? null,
        errors: document.querySelectorAll('div.cl-chart[data-rendered="error"]').length,
    })""")
    assets = {}
    for request in requests:
        body = request.sizes()["responseBodySize"]
        assets[urlsplit(request.url).path] = assets.get(urlsplit(request.url).path, 0) + body
    context.close()
    if failed or timing["errors"]:
        raise RuntimeError(f"{url}: {len(failed)} failed request(s) {failed[:3]}, {timing['errors']} chart error(s)")
    return {"charts": charts, "assets": assets, "load_ms": timing["load"], "chart_ms": timing["drawn"]}


MAP_PAGE = "chapters/{language}/04-measuring-clusters.html"
#: The chart of the page that has a menu and draws shapes (Vega "shape" marks: the map).
MAP_BLOCK = """() => {
  const shapes = (mark) => mark.marktype === "shape" || (mark.items || []).some(
    (item) => (item.items || []).some(shapes));
  return [...document.querySelectorAll("div.cl-chart")].find(
    (b) => b.querySelector("select") && b.clChart && shapes(b.clChart.scenegraph().root));
}"""
MAP_REDRAW = """async (option) => {
  const block = (FIND_MAP)();
  const select = block.querySelector("select");
  performance.mark("clusterlab:menu");
  select.selectedIndex = option;
  select.dispatchEvent(new Event("change"));
  await block.clChart.runAsync();
  performance.mark("clusterlab:redrawn");
  return performance.measure("clusterlab:map", "clusterlab:menu", "clusterlab:redrawn").duration;
}""".replace("FIND_MAP", MAP_BLOCK)


def map_redraws(browser, url: str, rounds: int) -> list[float]:
    """Milliseconds from a new industry in chapter 4's menu to its bars and map drawn again."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=60000)
    options = page.evaluate(f"() => ({MAP_BLOCK})().querySelector('select').options.length")
    times = [page.evaluate(MAP_REDRAW, k % options) for k in range(1, rounds * options + 1)]
    context.close()
    return times


def measured_pages(site: Path, language: str, quick: bool) -> list[Path]:
    """The pages of an edition the section measures: all, or in the quick run ``QUICK_PAGES``."""
    pages = site_pages(site, language)
    if not quick:
        return pages
    chosen = [site / language / name.format(language=language) for name in QUICK_PAGES]
    missing = [str(p.relative_to(site)) for p in chosen if p not in pages]
    if missing:
        raise RuntimeError(f"the quick run's pages are not in the site: {missing}")
    return chosen


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").exists():
        raise RuntimeError("the site is not built: run `make book` first")
    repeat = 1 if quick else 3
    details: dict[str, dict] = {}
    with served(SITE) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
            visit(browser, f"{base}/en/search.html")  # warm the browser and the server once
            runtimes = {}
            for language in EDITIONS:
                loads = {}
                for path in measured_pages(SITE, language, quick):
                    name = str(path.relative_to(SITE))
                    runs = [visit(browser, f"{base}/{name}") for _ in range(repeat)]
                    loads[name] = runs[0]["assets"]
                    details[name] = {
                        "charts": runs[0]["charts"],
                        "bytes": sum(runs[0]["assets"].values()),
                        "load_ms": median([r["load_ms"] for r in runs]),
                        "chart_ms": median([r["chart_ms"] for r in runs]) if runs[0]["charts"] else None,
                        "requests": len(runs[0]["assets"]),
                    }
                with_charts = {name for name in loads if details[name]["charts"]}
                runtimes[language] = chart_runtime(loads, with_charts)
                for name, specific in page_specific(loads, with_charts).items():
                    details[name]["specific_bytes"] = specific
            redraws = []
            for language in EDITIONS:
                url = f"{base}/{language}/" + MAP_PAGE.format(language=language)
                redraws += map_redraws(browser, url, 1 if quick else 4)
            browser.close()
    chart_pages = {k: v for k, v in details.items() if v["charts"]}
    plain_pages = {k: v for k, v in details.items() if not v["charts"]}
    if not chart_pages or not plain_pages:
        raise RuntimeError("expected pages with and without charts")
    heaviest = max(details, key=lambda k: details[k]["specific_bytes"])
    slowest = max(chart_pages, key=lambda k: chart_pages[k]["chart_ms"])
    figures = [
        {
            "key": "pages.count",
            "label": f"pages measured ({len(chart_pages)} with charts)",
            "value": len(details),
            "unit": "",
        },
        {
            "key": "pages.total_kB_median",
            "label": "total bytes loaded, median page",
            "value": median([v["bytes"] for v in details.values()]) / 1e3,
            "unit": "kB",
        },
        {
            "key": "pages.total_kB_max",
            "label": "total bytes loaded, largest page",
            "value": max(v["bytes"] for v in details.values()) / 1e3,
            "unit": "kB",
        },
        {
            "key": "pages.specific_kB_median",
            "label": "page-specific bytes, median page",
            "value": median([v["specific_bytes"] for v in details.values()]) / 1e3,
            "unit": "kB",
        },
        {
            "key": "pages.specific_kB_max",
            "label": f"page-specific bytes, largest ({heaviest})",
            "value": details[heaviest]["specific_bytes"] / 1e3,
            "unit": "kB",
        },
        {
            "key": "pages.chart_runtime_kB",
            "label": "chart runtime, loaded once by the first chart page",
            "value": max(sum(r.values()) for r in runtimes.values()) / 1e3,
            "unit": "kB",
        },
        {
            "key": "pages.chart_ms_median",
            "label": "charts drawn, median chart page",
            "value": median([v["chart_ms"] for v in chart_pages.values()]),
            "unit": "ms",
        },
        {
            "key": "pages.chart_ms_max",
            "label": f"charts drawn, slowest ({slowest})",
            "value": chart_pages[slowest]["chart_ms"],
            "unit": "ms",
        },
        {
            "key": "pages.map_redraw_ms_median",
            "label": "chapter 4 map: industry menu, bars and map drawn again, median",
            "value": median(redraws),
            "unit": "ms",
        },
        {
            "key": "pages.map_redraw_ms_p95",
            "label": "chapter 4 map: industry menu, bars and map drawn again, 95th percentile",
            "value": percentile(redraws, 95),
            "unit": "ms",
        },
        {
            "key": "pages.floor_ms",
            "label": "floor: load event, median page without chart",
            "value": median([v["load_ms"] for v in plain_pages.values()]),
            "unit": "ms",
        },
    ]
    return figures, {"pages": details, "chart_runtime": runtimes}
