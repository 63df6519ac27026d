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
