"""The book with a keyboard and on a phone, in Debian's Chromium, in both editions: the Tab key walks a
chart page in the page's order and reaches every chart's controls, an arrow key moves a slider and
redraws its chart, the focused control shows a ring that can be seen, and the book's own controls are
touch targets of 24 × 24 CSS px or more (WCAG 2.5.8)."""

from __future__ import annotations

import pytest
from conftest import EDITIONS

pytestmark = pytest.mark.browser

CHART_PAGE = "{lang}/chapters/{lang}/08-threats.html"  # three charts: a slider, radio buttons, a menu
CONTROLS = ".vega-bindings input, .vega-bindings select"

# Where each focused element stands in the page (its index among all elements, in document order).
DOCUMENT_ORDER = """(selector) => {
  window.clOrder = new Map([...document.querySelectorAll("*")].map((element, i) => [element, i]));
  return [...document.querySelectorAll("div.cl-chart")]
    .map((chart) => chart.querySelector(selector))
    .filter(Boolean)
    .map((control) => window.clOrder.get(control));
}"""
FOCUSED = "() => window.clOrder.get(document.activeElement) ?? -1"


@pytest.mark.parametrize("language", EDITIONS)
def test_tab_reaches_each_charts_first_control_in_page_order(visit, language):
    v = visit(CHART_PAGE.format(lang=language))
    page = v.page
    positive = page.evaluate("[...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length")
    assert positive == 0, "an element with a positive tabindex takes the page out of its order"
    firsts = page.evaluate(DOCUMENT_ORDER, CONTROLS)
    assert len(firsts) >= 3, "the page should hold three charts with controls"
    visited: list[int] = []
    for _ in range(1500):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUSED))
        if visited[-1] == firsts[-1]:
            break
    assert -1 not in visited, "the focus went to an element that was not in the page when it loaded"
    assert visited == sorted(visited) and len(set(visited)) == len(visited), "Tab does not follow the page's order"
    reached = [position for position in visited if position in firsts]
    assert reached == firsts, f"Tab reached {len(reached)} of the {len(firsts)} charts' first controls"


@pytest.mark.parametrize("language", EDITIONS)
def test_an_arrow_key_moves_a_focused_slider_and_redraws_its_chart(visit, language):
    v = visit(CHART_PAGE.format(lang=language))
    chart = v.page.locator("div.cl-chart").filter(has=v.page.locator("input[type=range]")).first
    slider = chart.locator("input[type=range]").first
    before, drawn = slider.input_value(), chart.locator("svg").first.inner_html()
    slider.focus()
    v.page.keyboard.press("ArrowRight")
    v.page.wait_for_timeout(300)
    assert slider.input_value() != before
    assert chart.locator("svg").first.inner_html() != drawn


# The ring of the focused element: its width, style and colour, and the colour behind it (the ring is
# drawn around the element: the background of the first ancestor that has an opaque one; white if none).
RING = """(element) => {
  const style = getComputedStyle(element);
  let behind = "rgb(255, 255, 255)";
  for (let e = element.parentElement; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (colour && colour !== "transparent" && !colour.endsWith(", 0)")) { behind = colour; break; }
  }
  return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, colour: style.outlineColor, behind,
           focused: document.activeElement === element, visible: element.matches(":focus-visible") };
}"""


def _rgb(colour: str) -> tuple[float, ...]:
    return tuple(float(x) for x in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", EDITIONS)
def test_the_focused_control_shows_a_visible_ring(visit, language, scheme):
    v = visit(f"{language}/chapters/{language}/how-this-book-works.html", color_scheme=scheme)
    page = v.page
    page.keyboard.press("Tab")  # the reader is using the keyboard
    controls = {
        "link": page.locator("article.bd-article p a.reference:visible").first,
        "slider": page.locator("div.cl-chart input[type=range]").first,
        "select": page.locator("div.cl-chart select").first,
        "language switch": page.locator("a.cl-lang-switch"),
    }
    for name, control in controls.items():
        control.focus()
        ring = control.evaluate(RING)
        assert ring["focused"] and ring["visible"], name
        assert ring["width"] >= 2 and ring["style"] != "none", f"{name}: no ring ({ring})"
        assert _rgb(ring["colour"]) != _rgb(ring["behind"]), f"{name}: the ring has the background's colour"
        assert _contrast(ring["colour"], ring["behind"]) >= 3, f"{name}: the ring is too faint ({ring})"


# The book's own controls: the edition switch, charts' inputs and menus, folded cells' toggles.
OWN_CONTROLS = (
    "a.cl-lang-switch, div.cl-chart .vega-bindings input, div.cl-chart .vega-bindings select, "
    "details.hide > summary, details.toggle-details > summary, button.toggle-button"
)


@pytest.mark.parametrize(
    "chapter", ["how-this-book-works", "02-porter-cluster", "08-threats", "03-new-economic-geography"]
)
@pytest.mark.parametrize("language", EDITIONS)
def test_the_books_controls_are_touch_targets_of_24_px_on_a_phone(visit, language, chapter):
    v = visit(f"{language}/chapters/{language}/{chapter}.html", width=390)
    sizes = v.page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map((e) => {
             const box = e.getBoundingClientRect();
             return [e.outerHTML.slice(0, 80), box.width, box.height];
           })""",
        OWN_CONTROLS,
    )
    assert sizes, "the page has none of the book's controls"
    small = [(html, round(w, 1), round(h, 1)) for html, w, h in sizes if w < 24 or h < 24]
    assert not small, f"touch targets smaller than 24 × 24 px: {small}"


@pytest.mark.parametrize("language", EDITIONS)
def test_folding_buttons_and_scrolling_regions_are_named_in_the_pages_language(visit, language):
    from clusterlab import labels

    v = visit(f"{language}/chapters/{language}/02-porter-cluster.html", width=390)
    folds = v.page.eval_on_selector_all("button.toggle-button", "(all) => all.map((b) => b.getAttribute('aria-label'))")
    assert folds and set(folds) == {labels.label("book.toggle_button", language)}
    cells = v.page.eval_on_selector_all("details.hide > summary", "(all) => all.map((s) => s.innerText.trim())")
    assert cells and all(
        cell in {labels.label(f"book.cell_show_{k}", language) for k in ("output", "outputs", "source", "content")}
        for cell in cells
    )
    regions = v.page.eval_on_selector_all(
        "#main-content [role=region][tabindex='0']", "(all) => all.map((r) => r.getAttribute('aria-label'))"
    )
    # the charts fit the phone's column (tests/test_phone.py), so none is a region to scroll; the code and
    # the tables that overflow are, each with its own name
    chart = labels.label("book.scroll.chart", language)
    assert regions and not [r for r in regions if r.startswith(chart)], regions
    assert f"{labels.label('book.scroll.code', language)} 1" in regions
    assert len(set(regions)) == len(regions), regions
