"""Shared fixtures: paths, the built site served on 127.0.0.1, Debian's Chromium, the site's pages opened
in it (``visit`` for a test of its own, ``shown`` for tests that only read a page), and axe-core's findings."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import settings

from bookbuild.browser import CHROMIUM_ARGS, require_chromium, site_failure
from bookbuild.site import served, site_pages  # noqa: F401  (the tests import site_pages from here)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "site"
EDITIONS = ("fr", "en")

# The screens the pages are opened on, width: height (CSS px): a small phone, a common phone, a laptop.
SCREENS = {320: 640, 390: 844, 1280: 900}
DESKTOP = 1280

# The property tests: the same examples on every run (a seeded search, no example database), and no
# deadline: a first example that imports pandas or meets a busy machine takes longer, and a test's verdict
# must not depend on the machine's load. A test sets its own max_examples.
settings.register_profile("book", derandomize=True, database=None, deadline=None)
settings.load_profile("book")

CHARTS_DRAWN = "() => [...document.querySelectorAll('div.cl-chart')].every(b => b.dataset.rendered)"


def chromium_path() -> str:
    """Debian's Chromium; a missing browser is a failure, never a skip."""
    try:
        return require_chromium()
    except FileNotFoundError as err:
        pytest.fail(f"{err} The browser tests cannot pass without it.")


def _page_and_width(item) -> tuple[int, str]:
    params = item.callspec.params if hasattr(item, "callspec") else {}
    return params.get("width", DESKTOP), params.get("path", "")


def _reading_order(item) -> tuple[int, str, bool]:
    """Width, page, and the axe scans last: axe fetches the page's style sheets again to read them (some
    at a wrong address, a 404 the page never asked for), and the other tests check what the page loaded."""
    return (*_page_and_width(item), item.get_closest_marker("axe") is not None)


def pytest_collection_modifyitems(config, items):
    """Mark what a test needs, so that `make check` can leave out what is slow: ``browser`` (Chromium),
    ``lab`` (a real JupyterLab), ``build`` (the built site), ``notebooks`` (nbval runs a notebook).

    The tests that only read a page (the ``shown`` fixture) run one after another by width and page, where
    the first of them stands, so that a process loads each page once per width for all of them; those that
    scan it with axe (marked ``axe``) come last."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & {"site", "server"}:
            item.add_marker(pytest.mark.build)
        if item.path.name == "test_jupyterlab.py":
            item.add_marker(pytest.mark.lab)
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)

    readers = sorted((item for item in items if "shown" in getattr(item, "fixturenames", ())), key=_reading_order)
    if readers:
        first = next(i for i, item in enumerate(items) if "shown" in getattr(item, "fixturenames", ()))
        others = [item for item in items if "shown" not in getattr(item, "fixturenames", ())]
        items[:] = others[:first] + readers + others[first:]


@pytest.fixture(autouse=True)
def _restore_language():
    """Each test may switch clusterlab's language; the next one starts with it unchanged."""
    from clusterlab import labels

    before = labels.get_language()
    yield
    labels.set_language(before)


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("The site is not built: run `make book` (make test builds it first).")
    return SITE


@pytest.fixture(scope="session")
def server(site):
    """The built site over HTTP on 127.0.0.1 (a free port); yields its base URL."""
    with served(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A browser tab on the built site, on a screen of ``width`` CSS px, every request to another host
    blocked. ``load`` opens a page of the site and waits until its charts are drawn; the tab records what
    that page logged as errors, what failed to load and what was blocked."""

    def __init__(self, browser, base: str, width: int = DESKTOP, color_scheme: str = "light"):
        self.base = base
        self.context = browser.new_context(
            viewport={"width": width, "height": SCREENS.get(width, 900)}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.path: str | None = None
        self.response = None
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
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
        self.page.on("requestfailed", lambda r: self.failed.extend(filter(None, [site_failure(r)])))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} → {r.status}"))

    def load(self, path: str) -> Visit:
        self.path = None
        for found in (self.blocked, self.errors, self.failed):
            found.clear()
        self.response = self.page.goto(f"{self.base}/{path}", wait_until="load")
        self.page.wait_for_function(CHARTS_DRAWN, timeout=15000)
        # The page's scripts settle at the next frames: the regions that scroll once the charts are drawn
        # are made reachable by the keyboard (cl-scrollers.js).
        self.page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.path = path
        return self

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    """``visit(path, width=1280, color_scheme="light")``: the page in a tab of its own, for a test that
    clicks, types, scrolls or resizes; closed after the test."""
    opened: list[Visit] = []

    def _visit(path: str, width: int = DESKTOP, color_scheme: str = "light") -> Visit:
        opened.append(Visit(browser, server, width, color_scheme))
        return opened[-1].load(path)

    yield _visit
    for v in opened:
        v.close()


@pytest.fixture(scope="session")
def shown(browser, server):
    """``shown(path, width=1280)``: the page in the session's tab for that width, for tests that only read
    it (a test that changes the page takes ``visit``). The page is loaded again only when the tab shows
    another one: the tests that read it at that width run one after another (pytest_collection_modifyitems),
    so each page is loaded once per width. The parameters ``path`` and ``width`` of such a test order them."""
    tabs: dict[int, Visit] = {}

    def _shown(path: str, width: int = DESKTOP) -> Visit:
        if width not in tabs:
            tabs[width] = Visit(browser, server, width)
        tab = tabs[width]
        if tab.path != path:
            tab.load(path)
        return tab

    yield _shown
    for tab in tabs.values():
        tab.close()


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_scan(page, options: dict | None = None) -> dict:
    """axe-core's response on the page as it is now, with ``options`` (axe's run options; by default its
    default rules); it reports the violations in full, the other results by rule."""
    return _axe().run(page, options={"resultTypes": ["violations"], **(options or {})}).response


SERIOUS = ("serious", "critical")


def axe_problems(response: dict, impacts: tuple[str, ...] | None = None, exceptions=()) -> list[str]:
    """One line per element that violates a rule of axe's ``response``: the rule, its impact, the element
    and why. ``impacts``: only the violations of these impacts (None: all of them); ``exceptions``:
    (rule id, CSS selector, reason) of the elements left out."""
    problems = []
    for violation in response["violations"]:
        if impacts is not None and violation["impact"] not in impacts:
            continue
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if any(rule == violation["id"] and selector in target for rule, selector, _ in exceptions):
                continue
            problems.append(f"{violation['id']} ({violation['impact']}): {target}: {node['failureSummary'][:200]}")
    return problems


def settable(bind: dict, value) -> bool:
    """Whether a reader can set a chart's bound control to ``value``: a menu's or a radio's option, a
    check box's true or false, a slider's value on its step grid within its range."""
    if "options" in bind:
        return value in bind["options"]
    if bind.get("input") == "checkbox":
        return isinstance(value, bool)
    steps = (value - bind["min"]) / bind["step"]
    return bind["min"] <= value <= bind["max"] and abs(steps - round(steps)) < 1e-9


# --------------------------------------------------------------------------- the chapters' text


def chapter_prose(stem: str, language: str) -> str:
    """The markdown cells of chapter ``stem`` in one edition, joined: what the chapter tests read."""
    import json

    nb = json.loads((ROOT / "chapters" / language / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def cited_unalike(en: str, fr: str, keys) -> list[str]:
    """The bibliography ``keys`` that the two editions' texts do not both cite the same number of times (at
    least once): empty when they cite them alike."""
    return [key for key in keys if not en.count(key) == fr.count(key) >= 1]
