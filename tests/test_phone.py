"""Every page of both editions on a small phone (320 px), a common phone (390 px) and a laptop (1,280 px),
in Debian's Chromium: no page scrolls sideways (WCAG 1.4.10, reflow), every chart fits its column,
every control bound to a chart is on screen, sliders still move charts on a phone, and charts fit again
when the window changes size. The pages are read in the session's tab of each width (the ``shown`` fixture,
shared with tests/test_browser.py: each page is loaded once per width)."""

from __future__ import annotations

import pytest
from conftest import SCREENS, axe_problems, axe_scan
from test_browser import PAGES

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
@pytest.mark.parametrize("width", list(SCREENS))
@pytest.mark.parametrize("path", PAGES)
def test_page_reflows_and_its_charts_fit(shown, width, path):
    tab = shown(path, width)
    assert tab.response.status == 200, path
    found = problems(tab.page.evaluate(MEASURE))
    assert not found, "\n".join(found)
    assert tab.blocked == [], f"requests to other hosts: {tab.blocked}"
    assert tab.errors == [], f"console errors: {tab.errors}"


@pytest.mark.browser
@pytest.mark.axe
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
@pytest.mark.parametrize("width", [320])  # the narrowest screen: the most overflows
def test_what_scrolls_in_its_own_box_is_reached_by_the_keyboard(shown, path, width):
    response = axe_scan(shown(path, width).page, {"runOnly": ["scrollable-region-focusable"]})
    assert response["passes"] or response["inapplicable"], "axe-core ran no check"
    found = axe_problems(response)
    assert not found, "\n".join(found)


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["en/chapters/en/how-this-book-works.html", "fr/chapters/fr/03-new-economic-geography.html"],
)
def test_a_bound_slider_still_moves_the_chart_on_a_phone(visit, path):
    page = visit(path, width=390).page
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
@pytest.mark.parametrize("path", ["en/chapters/en/02-porter-cluster.html", "fr/chapters/fr/09-cluster-policy.html"])
def test_charts_fit_again_after_the_window_shrinks_and_grows(visit, path):
    page = visit(path).page
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


@pytest.mark.browser
def test_a_reader_s_setting_survives_the_chart_being_drawn_again_narrower(visit):
    page = visit("en/chapters/en/how-this-book-works.html").page
    chart = page.locator("div.cl-chart").first
    slider = chart.locator("input[type=range]")
    slider.fill("60")
    page.wait_for_timeout(300)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(CHARTS_FIT, timeout=5000)
    assert chart.get_attribute("data-fit") == "narrowed"
    assert chart.locator("input[type=range]").input_value() == "60"
    assert page.evaluate("document.querySelector('div.cl-chart').clChart.signal('profit')") == 60
