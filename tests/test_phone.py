"""Every page of both editions on a small phone (320 px), a common phone (390 px) and a laptop (1,280 px),
in Debian's Chromium: no page scrolls sideways (WCAG 1.4.10, reflow), every chart fits its column,
every control bound to a chart is on screen, sliders still move charts on a phone, and charts fit again
when the window changes size. One browser context per width; its page loads one book page after another."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser import PAGES

WIDTHS = {320: 640, 390: 844, 1280: 900}

CHARTS_DRAWN = "() => [...document.querySelectorAll('div.cl-chart')].every(b => b.dataset.rendered)"

# What overflows: the page's width, each shown chart's column and drawing, each bound control.
MEASURE = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; };
  const charts = [...document.querySelectorAll('div.cl-chart')].filter((b) => b.offsetParent !== null).map((b) => {
    const svg = b.querySelector('.cl-chart-target svg');
    const style = getComputedStyle(b);
    const [left, right] = box(b);
    return {id: b.id, rendered: b.dataset.rendered, fit: b.dataset.fit || '',
            column: [left + parseFloat(style.paddingLeft), right - parseFloat(style.paddingRight)],
            svg: svg ? box(svg) : null};
  });
  const controls = [...document.querySelectorAll('.vega-bindings input, .vega-bindings select, .vega-bindings label')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({what: e.tagName + ' ' + (e.name || e.textContent.trim().slice(0, 40)), box: box(e)}));
  return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth, charts, controls};
}"""

# Every shown chart fitted (none being drawn again) and inside its column.
CHARTS_FIT = """() => [...document.querySelectorAll('div.cl-chart')].filter((b) => b.offsetParent !== null).every((b) => {
  if (b.dataset.fitting || !b.querySelector('.cl-chart-target svg')) return false;
  const svg = b.querySelector('.cl-chart-target svg').getBoundingClientRect();
  const column = b.getBoundingClientRect();
  return svg.left >= column.left - 1 && svg.right <= column.right + 1;
})"""


class Screen:
    """One browser context at one width; ``load`` opens a page of the site in it, with every request to
    another host blocked (as test_browser.Visit does), and waits until its charts are drawn."""

    def __init__(self, browser, base: str, width: int, height: int):
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        host = urlparse(base).netloc

        def route(r):
            if urlparse(r.request.url).netloc == host or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

    def load(self, path: str):
        self.blocked.clear()
        self.errors.clear()
        response = self.page.goto(f"{self.base}/{path}", wait_until="load")
        assert response.status == 200, path
        self.page.wait_for_function(CHARTS_DRAWN, timeout=15000)
        return self.page


@pytest.fixture(scope="module")
def screens(browser, server):
    opened: dict[int, Screen] = {}

    def _screen(width: int) -> Screen:
        if width not in opened:
            opened[width] = Screen(browser, server, width, WIDTHS[width])
        return opened[width]

    yield _screen
    for screen in opened.values():
        screen.context.close()


def problems(measured: dict) -> list[str]:
    found = []
    width = measured["innerWidth"]
    if measured["scrollWidth"] > width:
        found.append(f"the page scrolls sideways: {measured['scrollWidth']} px wide in a {width} px window")
    for chart in measured["charts"]:
        if chart["rendered"] != "true" or chart["svg"] is None:
            found.append(f"{chart['id']} is not drawn ({chart['rendered']})")
            continue
        (left, right), (svg_left, svg_right) = chart["column"], chart["svg"]
        if svg_left < left - 1 or svg_right > right + 1:
            found.append(
                f"{chart['id']} ({chart['fit']}) spans {svg_left:.0f}–{svg_right:.0f} px, its column {left:.0f}–{right:.0f} px"
            )
    for control in measured["controls"]:
        left, right = control["box"]
        if left < -1 or right > width + 1:
            found.append(f"the control «{control['what']}» spans {left:.0f}–{right:.0f} px in a {width} px window")
    return found


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_page_reflows_and_its_charts_fit(screens, width, path):
    screen = screens(width)
    page = screen.load(path)
    found = problems(page.evaluate(MEASURE))
    assert not found, "\n".join(found)
    assert screen.blocked == [], f"requests to other hosts: {screen.blocked}"
    assert screen.errors == [], f"console errors: {screen.errors}"


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "fr/chapters/fr/03-new-economic-geography.html",  # formulas
        "en/chapters/en/04-measuring-clusters.html",  # formulas and tables of results
        "en/chapters/en/instructor-guide.html",  # Markdown tables
        "fr/chapters/fr/data/eurostat_sbs_regions_2015.html",  # a table of columns and code
        "en/chapters/en/clusterlab-reference.html",
    ],
)
def test_what_scrolls_in_its_own_box_is_reached_by_the_keyboard(screens, path):
    page = screens(320).load(path)
    result = Axe().run(page, options={"runOnly": ["scrollable-region-focusable"]})
    assert result.response["passes"] or result.response["inapplicable"], "axe-core ran no check"
    problems = [" ".join(map(str, node["target"])) for v in result.response["violations"] for node in v["nodes"]]
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["en/chapters/en/how-this-book-works.html", "fr/chapters/fr/03-new-economic-geography.html"],
)
def test_a_bound_slider_still_moves_the_chart_on_a_phone(screens, path):
    page = screens(390).load(path)
    chart = page.locator("div.cl-chart").filter(has=page.locator("input[type=range]")).first
    slider = chart.locator("input[type=range]").first
    assert slider.is_visible()
    before = chart.locator("svg").first.inner_html()
    low, high = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
    slider.fill(str(low + 0.8 * (high - low)))
    page.wait_for_timeout(300)
    assert chart.locator("svg").first.inner_html() != before
    assert not problems(page.evaluate(MEASURE))


@pytest.mark.browser
@pytest.mark.parametrize("path", ["en/chapters/en/02-porter-cluster.html", "fr/chapters/fr/08-cluster-policy.html"])
def test_charts_fit_again_after_the_window_shrinks_and_grows(browser, server, path):
    screen = Screen(browser, server, 1280, 900)
    try:
        page = screen.load(path)
        wide = page.evaluate(MEASURE)
        assert not problems(wide)
        assert all(chart["fit"] == "natural" for chart in wide["charts"]), wide["charts"]
        natural = {c["id"]: c["svg"][1] - c["svg"][0] for c in wide["charts"]}
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_function(CHARTS_FIT, timeout=5000)
        narrow = page.evaluate(MEASURE)
        assert not problems(narrow), problems(narrow)
        # the charts were wider than a phone's column, so they really were drawn again
        column = narrow["charts"][0]["column"][1] - narrow["charts"][0]["column"][0]
        assert max(natural.values()) > column
        assert all(chart["fit"] in ("narrowed", "scaled") for chart in narrow["charts"]), narrow["charts"]
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_function(
            "() => [...document.querySelectorAll('div.cl-chart')].every(b => b.dataset.fit === 'natural' && !b.dataset.fitting)",
            timeout=5000,
        )
        assert not problems(page.evaluate(MEASURE))
    finally:
        screen.context.close()


@pytest.mark.browser
def test_a_reader_s_setting_survives_the_chart_being_drawn_again_narrower(browser, server):
    screen = Screen(browser, server, 1280, 900)
    try:
        page = screen.load("en/chapters/en/how-this-book-works.html")
        chart = page.locator("div.cl-chart").first
        slider = chart.locator("input[type=range]")
        slider.fill("60")
        page.wait_for_timeout(300)
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_function(CHARTS_FIT, timeout=5000)
        assert chart.get_attribute("data-fit") == "narrowed"
        assert chart.locator("input[type=range]").input_value() == "60"
        assert page.evaluate("document.querySelector('div.cl-chart').clChart.signal('profit')") == 60
    finally:
        screen.context.close()
