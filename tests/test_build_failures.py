"""A real (tiny) book build fails when a chart needs a Vega-Lite version the site does not carry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from clusterlab import charts


def tiny_book(folder: Path, schema_version: str) -> None:
    spec = charts.consortium_chart().to_dict()
    spec["$schema"] = f"https://vega.github.io/schema/vega-lite/v{schema_version}.json"
    cell = new_code_cell(
        "chart",
        outputs=[
            new_output(
                "execute_result",
                data={"application/vnd.vegalite.v5+json": spec, "text/plain": "chart"},
                execution_count=1,
            )
        ],
    )
    nb = new_notebook(
        cells=[new_code_cell("1"), cell],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("# A chart"))
    nbformat.write(nb, folder / "page.ipynb")
    (folder / "_config.yml").write_text(
        "title: t\nexecute:\n  execute_notebooks: 'off'\nsphinx:\n  recursive_update: true\n"
        "  config:\n    extensions: [myst_nb, jupyter_book, sphinx_external_toc, sphinx_book_theme, "
        "sphinx_comments, bookbuild.sphinx_ext]\n    clusterlab_vegalite_version: '5.20'\n",
        encoding="utf-8",
    )
    (folder / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")


def build(folder: Path) -> subprocess.CompletedProcess:
    """``jupyter-book build`` as the site build runs it (its renderers, bookbuild on the path)."""
    from bookbuild.site import build_environment

    command = [sys.executable, "-m", "bookbuild.jupyter_book", "build", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=build_environment())


@pytest.mark.slow
def test_a_chart_for_another_vega_lite_fails_the_build(tmp_path):
    tiny_book(tmp_path, "5.21.0")
    result = build(tmp_path)
    assert result.returncode != 0
    assert "Vega-Lite 5.21 but the site carries Vega-Lite 5.20" in result.stdout + result.stderr


@pytest.mark.slow
def test_the_same_book_builds_with_the_version_the_site_carries(tmp_path):
    tiny_book(tmp_path, "5.20.1")
    result = build(tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    page = (tmp_path / "_build" / "html" / "page.html").read_text(encoding="utf-8")
    assert 'class="cl-chart"' in page and re.search(r"vendor/vega-[0-9.]+-r[0-9]+\.js", page)


def test_a_page_whose_source_is_gone_leaves_the_site(tmp_path):
    """Sphinx keeps the HTML of a page removed from the toc; the site build deletes it, and only it."""
    from bookbuild.site import prune_stale_pages

    html = tmp_path / "html"
    pages = [
        "chapters/fr/a.html",
        "chapters/fr/old.html",
        "chapters/fr/data/t.html",
        "_static/x.html",
        "_sources/y.html",
        "genindex.html",
        "search.html",
        "index.html",
    ]
    for page in pages:
        (html / page).parent.mkdir(parents=True, exist_ok=True)
        (html / page).write_text("<html></html>", encoding="utf-8")
    removed = prune_stale_pages(html, ["chapters/fr/a", "chapters/fr/data/t"])
    assert [p.relative_to(html).as_posix() for p in removed] == ["chapters/fr/old.html"]
    assert sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")) == sorted(
        set(pages) - {"chapters/fr/old.html"}
    )


def test_pages_are_all_rewritten_when_what_every_page_depends_on_changes(tmp_path):
    """The site build rewrites every page when the configuration, toc, bibliography, a glossary, a
    catalogue of words or the build's own code changes, and only the edited pages when a chapter's source changes."""
    from bookbuild.site import inputs_fingerprint

    root = tmp_path / "book"
    for name in (
        "_config.yml",
        "_toc.yml",
        "references.bib",
        "chapters/fr/glossary.md",
        "chapters/fr/01-a.ipynb",
        "bookbuild/sphinx_ext.py",
        "clusterlab/locales/fr.toml",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    before = inputs_fingerprint(root)
    (root / "chapters/fr/01-a.ipynb").write_text("edited prose", encoding="utf-8")
    assert inputs_fingerprint(root) == before
    for name in (
        "references.bib",
        "chapters/fr/glossary.md",
        "bookbuild/sphinx_ext.py",
        "_toc.yml",
        "clusterlab/locales/fr.toml",
    ):
        (root / name).write_text(name + " changed", encoding="utf-8")
        assert inputs_fingerprint(root) != before, name
        before = inputs_fingerprint(root)
