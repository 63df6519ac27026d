"""Every page of both editions in Debian's Chromium, with every request to another host blocked:
charts draw, nothing fails, the switcher leads to the twin page, bound controls move charts,
and axe-core, with its full rule sets, finds no accessibility violation on a phone or a desktop screen."""

from __future__ import annotations

import pytest
from conftest import DESKTOP, EDITIONS, SITE, axe_problems, axe_scan, site_pages

# axe's full rule sets: WCAG 2.0, 2.1 and 2.2 at levels A and AA, its best practices, and its
# experimental rules (which run only when their tag is asked for). Every violation fails, whatever
# its impact.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice", "experimental"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

# Accessibility exceptions: (rule id, CSS selector of the element, reason). Empty means none.
AXE_EXCEPTIONS: list[tuple[str, str, str]] = []


def all_pages() -> list[str]:
    if not (SITE / "index.html").exists():
        return ["<site not built>"]
    pages = ["index.html"]
    for language in EDITIONS:
        pages += [str(p.relative_to(SITE)) for p in site_pages(SITE, language)]
    return pages


PAGES = all_pages()

# A phone and a desktop screen (tests/conftest.py's SCREENS), both checked by axe on every page.
AXE_WIDTHS = (390, DESKTOP)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_the_site_and_draws_every_chart(shown, site, path):
    v = shown(path)
    assert v.response.status == 200
    assert v.blocked == [], f"requests to other hosts: {v.blocked}"
    assert v.errors == [], f"console errors: {v.errors}"
    assert v.failed == [], f"failed requests: {v.failed}"
    charts = v.page.locator("div.cl-chart")
    for i in range(charts.count()):
        block = charts.nth(i)
        assert block.get_attribute("data-rendered") == "true", block.inner_text()
        assert block.locator(".cl-chart-target svg").count() >= 1
    if path != "index.html":
        switch = v.page.locator("a.cl-lang-switch")
        assert switch.count() == 1 and switch.is_visible()
        response = v.page.request.get(v.page.url.rsplit("/", 1)[0] + "/" + switch.get_attribute("href"))
        assert response.status == 200, switch.get_attribute("href")


@pytest.mark.browser
@pytest.mark.axe
@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violation(shown, path, width):
    response = axe_scan(shown(path, width).page, AXE_OPTIONS)
    assert response["passes"], "axe-core ran no check on the page"
    problems = axe_problems(response, exceptions=AXE_EXCEPTIONS)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("language", EDITIONS)
def test_moving_a_bound_slider_changes_the_chart(visit, language):
    v = visit(f"{language}/chapters/{language}/how-this-book-works.html")
    chart = v.page.locator("div.cl-chart").first
    before = chart.locator("svg").first.inner_html()
    slider = chart.locator("input[type=range]")
    assert slider.count() == 1
    slider.fill("60")
    v.page.wait_for_timeout(300)
    after = chart.locator("svg").first.inner_html()
    assert after != before
    # and the dropdown too
    chart.locator("select").select_option(index=0)
    v.page.wait_for_timeout(300)
    assert chart.locator("svg").first.inner_html() != after


@pytest.mark.browser
def test_charts_keep_a_light_card_in_the_dark_theme(visit):
    v = visit("en/chapters/en/how-this-book-works.html", color_scheme="dark")
    assert v.page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = v.page.evaluate(
        "getComputedStyle(document.querySelector('div.cl-chart .cl-chart-target')).backgroundColor"
    )
    assert background == "rgb(255, 255, 255)"


@pytest.mark.browser
@pytest.mark.parametrize("language, shown, moved", [("fr", "0,12", "0,2"), ("en", "0.12", "0.2")])
def test_slider_values_are_written_in_the_page_language(visit, language, shown, moved):
    v = visit(f"{language}/chapters/{language}/03-new-economic-geography.html")
    slider = v.page.locator("div.cl-chart input[type=range]").first
    value = slider.locator("xpath=following-sibling::span[1]")
    assert value.inner_text() == shown
    slider.fill("0.2")
    assert value.inner_text() == moved


class _Failed:
    """A failed request as Playwright gives it: its address and what went wrong."""

    def __init__(self, url: str, failure: str | None):
        self.url, self.failure = url, failure


@pytest.mark.parametrize(
    "url, failure, counted",
    [
        # the browser's own fetch of the page's icon, cancelled when the tab goes on to the next page
        ("http://127.0.0.1:8000/en/_static/favicon.svg", "net::ERR_ABORTED", False),
        ("http://127.0.0.1:8000/favicon.ico?v=2", "net::ERR_ABORTED", False),
        # an icon that cannot be fetched, and anything else the page asked for, count
        ("http://127.0.0.1:8000/en/_static/favicon.svg", "net::ERR_CONNECTION_REFUSED", True),
        ("http://127.0.0.1:8000/en/_static/vega.min.js", "net::ERR_ABORTED", True),
        ("http://127.0.0.1:8000/en/_static/favicon-data.json", "net::ERR_FAILED", True),
        ("https://cdn.example.org/x.js", None, True),
    ],
)
def test_only_the_site_s_own_failed_requests_count(url, failure, counted):
    from bookbuild.browser import site_failure

    reported = site_failure(_Failed(url, failure))
    assert (reported is not None) == counted
    if counted:
        assert reported.startswith(url)
