"""Shared fixtures: paths, the built site served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookbuild.browser import CHROMIUM_ARGS, require_chromium
from bookbuild.site import served, site_pages  # noqa: F401  (the tests import site_pages from here)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "site"
EDITIONS = ("fr", "en")


def chromium_path() -> str:
    """Debian's Chromium; a missing browser is a failure, never a skip."""
    try:
        return require_chromium()
    except FileNotFoundError as err:
        pytest.fail(f"{err} The browser tests cannot pass without it.")


def pytest_collection_modifyitems(config, items):
    """Mark what a test needs, so that `make check` can leave out what is slow: ``browser`` (Chromium),
    ``lab`` (a real JupyterLab), ``build`` (the built site), ``notebooks`` (nbval runs a notebook)."""
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
