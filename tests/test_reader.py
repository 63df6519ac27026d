"""The notebooks outside the website: roles written as the website shows them (clusterlab.jupyter.reader),
the server extension that serves them so and saves what the reader did not change as it was written
(clusterlab.jupyter), and links.json kept equal to what the website's build produces."""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import json
import re
from html.parser import HTMLParser

import nbformat
import pytest
from conftest import EDITIONS, ROOT

from clusterlab.jupyter import STAND_IN_PNG, for_reader, restore, wrap
from clusterlab.jupyter.reader import (
    ROLE,
    Resolver,
    UnknownTarget,
    edition_of,
    handout,
    links,
    reader_markdown,
    remove_answers,
)

SITE_URL = links()["site"]
RAW = [":::{", "```{", "{term}`", "{cite", "{ref}`", "{numref}`", ":label:", ":class:"]


def notebooks(language):
    return sorted((ROOT / "chapters" / language).glob("*.ipynb"))


# --------------------------------------------------------------------------- the transform


def test_a_parenthetical_citation_reads_as_on_the_website_and_links_its_entry():
    en, fr = Resolver("en"), Resolver("fr")
    out = reader_markdown("as shown {cite:p}`porter1990competitive`.", en)
    entry = links()["editions"]["en"]["cite"]["porter1990competitive"]
    assert out == (f"as shown ([Porter, 1990]({SITE_URL}en/chapters/en/references.html#{entry['anchor']})).")
    assert reader_markdown("{cite:t}`porter1990competitive`", fr).startswith("[Porter (1990)](")


def test_two_keys_in_one_citation_use_the_editions_separator():
    en = reader_markdown("{cite:p}`zdf2018steinkohle,dw2018prosper`", Resolver("en"))
    fr = reader_markdown("{cite:p}`zdf2018steinkohle,dw2018prosper`", Resolver("fr"))
    assert plain(en) == "(Deutsche Welle, 2018; ZDF, n.d.)"
    assert plain(fr) == "(Deutsche Welle, 2018\u202f; ZDF, s.\u00a0d.)"


def test_a_term_links_its_glossary_entry_with_the_words_of_the_text():
    out = reader_markdown("a {term}`quotient <location quotient>` and {term}`Location quotient`", Resolver("en"))
    url = f"{SITE_URL}en/chapters/en/glossary.html#term-location-quotient"
    assert out == f"a [quotient]({url}) and [Location quotient]({url})"


def test_a_reference_opens_its_target_here_in_the_notebook_beside_or_on_the_website():
    here = Resolver("en", here="01-marshall-district")
    assert reader_markdown("{ref}`ex-md-lq`", here) == "[Exercise 1.5](#ex-md-lq)"
    assert reader_markdown("{ref}`measuring-clusters`", here) == "[Measuring clusters](04-measuring-clusters.ipynb)"
    assert reader_markdown("{ref}`the glossary <glossary>`", here) == (
        f"[the glossary]({SITE_URL}en/chapters/en/glossary.html#glossary)"
    )
    assert (
        reader_markdown("{ref}`ex-md-lq`", Resolver("fr", here="01-marshall-district")) == "[Exercice 1.5](#ex-md-lq)"
    )
    numbered = reader_markdown("{numref}`l'exercice %s <ex-md-lq>`", Resolver("fr", here="01-marshall-district"))
    assert numbered == "[l'exercice 1.5](#ex-md-lq)"


def test_an_unknown_key_term_or_label_is_an_error_that_names_it():
    for text, name in [
        ("{cite:p}`nobody2099`", "nobody2099"),
        ("{term}`no such term`", "no such term"),
        ("{ref}`no-such-label`", "no-such-label"),
    ]:
        with pytest.raises(UnknownTarget, match=name):
            reader_markdown(text, Resolver("en"))
    with pytest.raises(ValueError, match="no edition 'de'"):
        Resolver("de")


@pytest.mark.parametrize("language", EDITIONS)
def test_every_role_of_every_notebook_is_resolved_and_none_is_left_as_typed(language):
    for path in notebooks(language):
        nb = nbformat.read(path, as_version=4)
        assert edition_of(nb) == language, path.name
        shown = for_reader(nb, path.name)
        for cell in shown.cells:
            if cell.cell_type == "markdown":
                assert not ROLE.search(cell.source), (path.name, ROLE.search(cell.source).group(0))


def test_other_notebooks_are_left_as_they_are():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("see {cite:p}`x`"), nbformat.v4.new_code_cell("print(1)")]
    )
    assert edition_of(nb) is None
    assert for_reader(nb).cells[0].source == "see {cite:p}`x`"


# --------------------------------------------------------------------------- what the website writes


class Citations(HTMLParser):
    """The text of each in-text citation of a page, in order."""

    def __init__(self):
        super().__init__()
        self.depth, self.texts = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif tag == "span" and "bibtex-citation" in (dict(attrs).get("class") or ""):
            self.depth, self.texts = 1, self.texts + [""]

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def plain(markdown: str) -> str:
    return re.sub(r"\[((?:[^\]\\]|\\.)*)\]\([^)]*\)", lambda m: m.group(1).replace("\\", ""), markdown)


@pytest.mark.parametrize("language", EDITIONS)
def test_citations_read_in_jupyterlab_exactly_as_on_the_website(site, language):
    """Every citation of every chapter: the text JupyterLab shows is the text of the built page."""
    resolver = Resolver(language)
    checked = 0
    for path in notebooks(language):
        nb = nbformat.read(path, as_version=4)
        ours = [
            plain(resolver.cite("t" if m.group(1) == "cite:t" else "p", m.group(2)))
            for cell in nb.cells
            if cell.cell_type == "markdown"
            for m in ROLE.finditer(cell.source)
            if m.group(1).startswith("cite")
        ]
        page = site / language / "chapters" / language / f"{path.stem}.html"
        parser = Citations()
        parser.feed(page.read_text(encoding="utf-8"))
        theirs = [html.unescape(t) for t in parser.texts]
        assert ours == theirs, path.name
        checked += len(ours)
    assert checked > 100


def test_links_json_is_what_the_website_build_produces(site):
    from bookbuild import readerlinks

    committed = (ROOT / "clusterlab" / "jupyter" / "links.json").read_text(encoding="utf-8")
    assert committed == readerlinks.render(readerlinks.collect()), (
        "clusterlab/jupyter/links.json is out of date: run `make apparatus` and commit it"
    )


@pytest.mark.parametrize("language", EDITIONS)
def test_every_link_to_the_website_points_at_a_page_and_anchor_that_exist(site, language):
    targets = set()
    for path in notebooks(language):
        for cell in for_reader(nbformat.read(path, as_version=4), path.name).cells:
            if cell.cell_type == "markdown":
                targets |= set(re.findall(re.escape(SITE_URL) + r"([^)#]+)#?([^)]*)\)", cell.source))
                for local in re.findall(r"\]\(([0-9][^)#]*\.ipynb)\)", cell.source):
                    assert (ROOT / "chapters" / language / local).is_file(), local
    assert targets
    pages = {}
    for page, anchor in sorted(targets):
        text = pages.setdefault(page, (site / page).read_text(encoding="utf-8"))
        assert not anchor or f'id="{anchor}"' in text, (page, anchor)


# --------------------------------------------------------------------------- opening and saving


def test_a_notebook_opened_and_saved_unchanged_keeps_its_bytes(tmp_path):
    """Through the server's own contents manager: open (reader's form, stand-in PNGs), save back what the
    browser would send (floats written as JavaScript writes them), and the file is byte for byte the same."""
    from jupyter_server.services.contents.filemanager import AsyncFileContentsManager

    source = ROOT / "chapters" / "en" / "04-measuring-clusters.ipynb"
    (tmp_path / source.name).write_bytes(source.read_bytes())
    manager = AsyncFileContentsManager(root_dir=str(tmp_path))
    wrap(manager)

    async def round_trip():
        model = await manager.get(source.name)
        content = model["content"]
        charts = [
            o["data"]
            for c in content["cells"]
            if c["cell_type"] == "code"
            for o in c["outputs"]
            if "data" in o and any("vegalite" in k for k in o["data"])
        ]
        assert charts and all(d["image/png"] == STAND_IN_PNG for d in charts)
        assert "{cite" not in json.dumps(content["cells"])
        # what JupyterLab sends back: JSON as JavaScript writes it (8589.0 -> 8589)
        sent = json.loads(
            json.dumps(content), parse_float=lambda s: int(float(s)) if float(s).is_integer() else float(s)
        )
        await manager.save({"type": "notebook", "format": "json", "content": sent}, source.name)

    # in a thread of its own: the browser tests' driver may hold this thread's event loop
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, round_trip()).result()
    assert (tmp_path / source.name).read_bytes() == source.read_bytes()


def test_what_the_reader_changed_is_saved_as_it_is_now():
    disk = nbformat.read(ROOT / "chapters" / "en" / "04-measuring-clusters.ipynb", as_version=4)
    shown = for_reader(disk, "04-measuring-clusters.ipynb")
    markdown = next(i for i, c in enumerate(shown.cells) if c.cell_type == "markdown" and "](" in c.source)
    code = next(i for i, c in enumerate(shown.cells) if c.cell_type == "code" and c.outputs)
    shown.cells[markdown].source += "\n\nMy own note, citing [Porter, 1990](x)."
    shown.cells[code].outputs = []
    saved = restore(json.loads(json.dumps(shown)), disk, "04-measuring-clusters.ipynb")
    assert saved["cells"][markdown]["source"].endswith("My own note, citing [Porter, 1990](x).")
    assert saved["cells"][code]["outputs"] == []
    untouched = [i for i in range(len(disk.cells)) if i not in (markdown, code)]
    assert all(saved["cells"][i]["source"] == disk.cells[i].source for i in untouched)
    assert STAND_IN_PNG not in json.dumps(saved)


# --------------------------------------------------------------------------- answers out of the students' copy


def test_solution_blocks_and_quiz_answers_are_removed_and_exercises_kept():
    cell = (
        "## Exercises\n\n:::{exercise}\n:label: ex-a\n\nDo it.\n:::\n\n:::{solution} ex-a\n:class: dropdown\n\n"
        "The answer.\n:::\n\n:::{admonition} Answers\n:class: dropdown\n\n1. Yes.\n:::\n\n"
        ":::{admonition} Learning objectives\n:class: tip\n\nKeep me.\n:::\n"
    )
    kept, removed = remove_answers(cell)
    assert "Do it." in kept and "Keep me." in kept
    assert "The answer." not in kept and "1. Yes." not in kept
    assert len(removed) == 2 and "\n\n\n" not in kept
    with pytest.raises(ValueError, match="unclosed"):
        remove_answers(":::{solution} ex-a\nno end\n")


def test_a_handout_for_an_unknown_audience_is_refused():
    nb = nbformat.read(ROOT / "chapters" / "en" / "01-marshall-district.ipynb", as_version=4)
    with pytest.raises(ValueError, match="audience must be"):
        handout(nb, "parents")
