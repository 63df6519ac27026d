"""The printed edition (bookbuild/pdf.py): the PDF books and chapters that `make book` and `make test` write
into the built site, read with poppler's tools and pypdf as a reader's PDF viewer or a screen reader would.

The helpers' own behaviour is tested first (no build needed); then the PDFs of the built site."""

from __future__ import annotations

import html
import re
import subprocess
from functools import cache
from pathlib import Path

import pypdf
import pytest
import yaml
from conftest import EDITIONS, ROOT

from bookbuild import pdf
from clusterlab import labels

ABSTRACT = yaml.safe_load((ROOT / "bookbuild" / "editions" / "abstract.yml").read_text(encoding="utf-8"))
BUDGET_MB = 15


# ---------------------------------------------------------------------------------------------
# the helpers


@pytest.mark.parametrize("language", EDITIONS)
def test_the_printed_book_has_the_preface_four_parts_of_chapters_and_three_appendices(language):
    plan = pdf.plan(language)
    assert plan.front == ["00-preface"]
    assert len(plan.parts) == 4
    assert [s[:2] for s in pdf.chapter_stems(language)] == [f"{n:02d}" for n in range(1, 11)]
    for n, part in enumerate(plan.parts, start=1):
        assert part.pages[0] == f"part{n}" and part.pages[-1] == f"part{n}-takeaways"
    assert plan.back == ["glossary", "key-terms", "references"]


def test_a_cell_is_printed_without_its_code_only_when_the_code_is_a_single_display_call():
    assert pdf._single_call("charts.tiles_chart(tiles)\n")
    assert pdf._single_call("labels.table(reference, {'a': 'b'})")
    assert not pdf._single_call("x = data.load('t')\nprint(x)")
    assert not pdf._single_call("lq = measures.location_quotient(1, 2, 3, 4)")
    assert not pdf._single_call("this is not python (")


def test_a_charts_inputs_are_named_as_the_website_shows_them():
    spec = {
        "signals": [
            {"name": "n", "value": 6, "bind": {"input": "range", "name": "Number of firms "}},
            {"name": "width", "value": 300},
            {"name": "k", "value": 1, "bind": {"input": "checkbox"}},
            {"name": "hover", "bind": {"element": "#x"}},
        ]
    }
    assert pdf.bound_inputs(spec) == ["Number of firms", "k"]


@pytest.mark.parametrize("language", EDITIONS)
def test_the_scorecard_is_printed_with_the_published_account_shown(language):
    import vl_convert

    from clusterlab.charts.base import ORANGE
    from clusterlab.charts.porter import diamond_chart
    from clusterlab.models import diamond

    before = labels.get_language()
    labels.set_language(language)
    try:
        spec = vl_convert.vegalite_to_vega(diamond_chart().to_dict())
        fixed = vl_convert.vegalite_to_vega(diamond_chart(interactive=False, reveal=True).to_dict())
    finally:
        labels.set_language(before)
    reveal_name = labels.label("diamond.reveal", language)
    printed, settings = pdf.print_settings(spec)
    assert settings == [(reveal_name, True)]
    assert [s["value"] for s in printed["signals"] if s["name"] == "reveal"] == [True]
    assert [s["value"] for s in spec["signals"] if s["name"] == "reveal"] == [False]  # the website's start
    # on paper, in the reference's colour: a bar for each determinant the account assesses and a "not
    # assessed" note for each it is silent on; at the website's start, only the legend's square
    orange = f'fill="{ORANGE}"'
    scores = diamond.case_study("sassuolo")["scores"].values()
    assessed, silent = sum(v is not None for v in scores), sum(v is None for v in scores)
    assert assessed >= 4 and silent >= 1
    assert pdf.chart_svg(spec).count(orange) == 1
    assert pdf.chart_svg(printed).count(orange) == 1 + assessed + silent
    # a chart drawn for given scores (not interactive) has nothing to set on paper
    assert pdf.print_settings(fixed) == (fixed, [])


@pytest.mark.parametrize(
    "wanted, why",
    [({"n": 3}, "not a check box"), ({"k": True}, "already starts"), ({"gone": True}, "not a check box")],
)
def test_a_print_setting_that_is_not_a_box_to_change_stops_the_build(wanted, why):
    spec = {
        "usermeta": {"print": wanted},
        "signals": [
            {"name": "n", "value": 6, "bind": {"input": "range"}},
            {"name": "k", "value": True, "bind": {"input": "checkbox"}},
        ],
    }
    with pytest.raises(ValueError, match=why):
        pdf.print_settings(spec)


def test_a_chapter_printed_alone_links_other_pages_to_the_website_and_its_citations_to_its_own_list():
    page = pdf.Printed(
        "01-x",
        "1. X",
        '<a class="cl-pageref" href="#02-y--sec">2<span class="cl-pagenum" data-target="02-y--sec">12</span></a>'
        ' <a href="#references--id7">Marshall</a> <a href="#01-x--box">box</a> <a href="#02-y">ch. 2</a>'
        ' <a href="#01-x--solution-1">s<span class="cl-pagenum" data-target="01-x--solution-1">5</span></a>',
    )
    text = pdf.alone(page, "en")
    site = pdf.site_url()
    assert f'href="{site}en/chapters/en/02-y.html#sec"' in text
    assert f'href="{site}en/chapters/en/02-y.html"' in text
    assert 'href="#01-x--id7"' in text and 'href="#01-x--box"' in text
    # no page number: the PDF of a chapter has a few pages, and links
    assert "cl-pagenum" not in text


def test_hyphenation_inserts_soft_hyphens_in_running_text_but_not_in_code_headings_or_addresses():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        "<div><h2>Internationalisation</h2><p>internationalisation <code>internationalisation</code> "
        '<a class="reference external" href="x">internationalisation</a></p></div>',
        "html.parser",
    )
    pdf._hyphenate(soup.div, "fr")
    h2, p = soup.h2.get_text(), soup.p
    assert "\u00ad" not in h2
    assert p.contents[0].replace("\u00ad", "") == "internationalisation " and "\u00ad" in p.contents[0]
    assert "\u00ad" not in p.code.get_text() and "\u00ad" not in p.a.get_text()


# ---------------------------------------------------------------------------------------------
# the built PDFs


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _book(site: Path, language: str) -> Path:
    path = pdf.book_path(language, site)
    if not path.exists():
        pytest.fail(f"{path.name} is missing: `make book` (or `make pdf`) writes the PDFs; make test does it first.")
    return path


@cache
def _text(path: Path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(path), "-")


def _squash(text: str) -> str:
    """pdftotext's text as one line: lines joined, a word cut by a hyphen at a line's end made whole again."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _site_text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True).replace("\u00a0", " ").replace("\u202f", " ")).strip()


@cache
def _site_page(site: Path, language: str, stem: str):
    from bs4 import BeautifulSoup

    path = site / language / "chapters" / language / f"{stem}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")


def _title(site: Path, language: str, stem: str) -> str:
    h1 = _site_page(site, language, stem).find("h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return _site_text(h1)


def _outline(reader: pypdf.PdfReader) -> list[tuple[str, int]]:
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((re.sub(r"\s+", " ", item.title).strip(), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found


def _figures(reader: pypdf.PdfReader) -> list[str]:
    """The text alternatives of the PDF's tagged figures (structure elements /Figure with /Alt)."""
    alts = []
    seen = set()

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if id(node) in seen:
                return
            seen.add(id(node))
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return alts


def _charts(site: Path, language: str, stems: list[str]) -> list[str]:
    """The description of every chart of these pages of the website, in order."""
    return [
        html.unescape(target["aria-label"])
        for stem in stems
        for target in _site_page(site, language, stem).select(".cl-chart .cl-chart-target")
    ]


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_each_book_opens_tagged_in_a4_in_its_language_with_every_font_embedded_and_within_budget(site, language):
    path = _book(site, language)
    info = dict(line.split(":", 1) for line in _run("pdfinfo", str(path)).splitlines() if ":" in line)
    assert info["Tagged"].strip() == "yes"
    assert int(info["Pages"]) > 100
    assert "A4" in info["Page size"]
    reader = pypdf.PdfReader(str(path))
    assert reader.trailer["/Root"]["/Lang"] == language
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "pdffonts lists no font"
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not not_embedded, not_embedded
    assert path.stat().st_size <= BUDGET_MB * 1e6, f"{path.name}: {path.stat().st_size / 1e6:.1f} MB"


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_each_book_has_a_bookmark_for_each_part_and_chapter_at_the_page_its_contents_give(site, language):
    path = _book(site, language)
    reader = pypdf.PdfReader(str(path))
    outline = _outline(reader)
    titles = [title for title, _ in outline]
    plan = pdf.plan(language)
    for part in plan.parts:
        assert part.title in titles
    pages = {title.replace("\u00a0", " "): page for title, page in outline}
    # the table of contents (its page or pages, up to the next bookmark) read line by line: title, page
    heading = pdf._words("contents", language)
    first = pages[heading]
    last = min(page for page in pages.values() if page > first) - 1
    layout = _run("pdftotext", "-layout", "-f", str(first), "-l", str(last), "-enc", "UTF-8", str(path), "-")
    contents = {
        match.group(1).replace("\u00a0", " "): int(match.group(2))
        for match in re.finditer(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", layout, re.M)
    }
    for part in plan.parts:
        assert contents[part.title] == pages[part.title]
    for stem in plan.front + pdf.chapter_stems(language) + plan.back:
        title = _title(site, language, stem)
        assert title in pages, f"no bookmark {title!r}"
        # the table of contents gives the page where the bookmark leads
        assert contents.get(title) == pages[title], f"contents: {title} is on page {pages[title]}"


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_each_book_holds_the_abstract_verbatim_every_chapter_title_and_every_exercise(site, language):
    path = _book(site, language)
    text = _squash(_text(path))
    assert _squash(ABSTRACT[language]) in text
    for stem in pdf.chapter_stems(language):
        assert _title(site, language, stem) in text
        labels = [_site_text(n) for n in _site_page(site, language, stem).select(".exercise .caption-number")]
        assert labels, stem
        for label in labels:
            assert label in text, f"{stem}: {label}"


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_every_chart_of_the_website_is_a_figure_of_the_book_with_its_description(site, language):
    path = _book(site, language)
    plan = pdf.plan(language)
    stems = plan.front + [s for part in plan.parts for s in part.pages] + plan.back
    charts = _charts(site, language, stems)
    assert len(charts) > 15
    assert _figures(pypdf.PdfReader(str(path))) == charts
    # and each caption says what the website lets the reader change, and where
    text = _squash(_text(path))
    for key in ("chart_inputs", "chart_no_inputs"):
        assert _squash(labels.label(f"book.pdf.{key}", language).split("{url}")[0]) in text
    openings = {
        _squash(labels.label(f"book.pdf.{key}", language).split("{url}")[0])
        for key in ("chart_inputs", "chart_no_inputs")
    }
    assert sum(text.count(opening) for opening in openings) == len(charts)


@pytest.mark.browser
def test_a_line_wider_than_the_page_stops_the_printing_with_what_and_where(tmp_path, browser):
    """Chromium would print such a document shrunk to fit, every page smaller: the build refuses it."""
    source = pdf.document(
        "en", "<section id='here'><p style='white-space: nowrap'>" + "wide " * 60 + "</p></section>", "t", ""
    )
    with pytest.raises(pdf.OverfullError, match=r"#here .*wide wide"):
        pdf.print_with_page_numbers(browser, source, tmp_path / "wide.pdf")


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("language", EDITIONS)
def test_nothing_in_the_printed_documents_is_wider_than_the_page(site, language, browser):
    # the whole book holds every page the chapters' PDFs print
    page = browser.new_page()
    try:
        for path in [pdf.book_path(language, site)]:
            source = pdf.print_source(path)
            assert source.exists(), f"{source.name}: make pdf keeps the document it printed"
            page.goto(source.as_uri())
            assert pdf.overfull(page) == [], path.name
    finally:
        page.close()


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_each_chapter_pdf_holds_its_chapter_its_figures_solutions_and_the_works_it_cites(site, language):
    for stem in pdf.printed_stems(language):
        path = pdf.chapter_path(language, stem, site)
        assert path.exists(), path
        reader = pypdf.PdfReader(str(path))
        assert reader.trailer["/Root"]["/Lang"] == language
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        text = _squash(_text(path))
        assert _title(site, language, stem) in text
        assert _figures(reader) == _charts(site, language, [stem])
        labels = [_site_text(n) for n in _site_page(site, language, stem).select(".exercise .caption-number")]
        for label in labels:
            assert label in text
        if labels:
            assert _squash(pdf._words("solutions_heading", language)) in text
            assert _squash(pdf._words("works_cited", language)) in text
        # the chapter's links to other pages go to the website; none points into a PDF it does not hold
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action and "/URI" in action:
                    assert str(action["/URI"]).startswith(("http://", "https://", "mailto:"))


@pytest.mark.build
def test_the_website_links_to_every_pdf_and_every_pdf_link_resolves(site):
    landing = (site / "index.html").read_text(encoding="utf-8")
    for language in EDITIONS:
        assert f'href="pdf/{language}/{pdf.BOOK_FILES[language]}"' in landing
    linked = set()
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+\.pdf)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to {href}, which is not there"
            linked.add(target)
    for language in EDITIONS:
        for stem in pdf.printed_stems(language):
            path = pdf.chapter_path(language, stem, site).resolve()
            assert path in linked, f"no page links to {path.name} ({language})"
            chapter = (site / language / "chapters" / language / f"{stem}.html").read_text(encoding="utf-8")
            assert f'href="../../../pdf/{language}/{stem}.pdf"' in chapter
        for guide in ("readers-guide", "instructor-guide"):
            page = (site / language / "chapters" / language / f"{guide}.html").read_text(encoding="utf-8")
            assert f"pdf/{language}/{pdf.BOOK_FILES[language]}" in page, guide
        # the edition's first page (where its address leads) offers the whole book beside its own PDF
        first = pdf.printed_stems(language)[0]
        assert f"url=chapters/{language}/{first}.html" in (site / language / "index.html").read_text(encoding="utf-8")
        page = (site / language / "chapters" / language / f"{first}.html").read_text(encoding="utf-8")
        line = re.search(r'<p class="cl-pdf-line">(.*?)</p>', page).group(1)
        assert f'href="../../../pdf/{language}/{pdf.BOOK_FILES[language]}"' in line
        assert labels.label("book.pdf.download_book", language) in html.unescape(line)
        assert f'href="../../../pdf/{language}/{first}.pdf"' in line


def test_links_of_a_printed_page_lead_into_the_pdf_or_to_the_website():
    maker = pdf.PageMaker("en", in_book={"01-x", "glossary"})
    site = pdf.site_url()
    assert maker._target("01-x", "#box") == ("#01-x--box", "01-x")
    assert maker._target("01-x", "glossary.html#term-cluster") == ("#glossary--term-cluster", "glossary")
    assert maker._target("01-x", "02-y.html#s") == (f"{site}en/chapters/en/02-y.html#s", None)
    assert maker._target("01-x", "data/index.html") == (f"{site}en/chapters/en/data/index.html", None)
    assert maker._target("01-x", "../../../pdf/en/01-x.pdf") == (f"{site}pdf/en/01-x.pdf", None)
    assert maker._target("01-x", "https://doi.org/x") == ("https://doi.org/x", None)
    with pytest.raises(ValueError, match="outside the website"):
        maker._target("01-x", "../../../../x.html")


@pytest.mark.build
@pytest.mark.parametrize("language", EDITIONS)
def test_every_link_inside_a_pdf_leads_to_a_place_it_holds(site, language):
    """Chromium prints a link to an anchor the document lacks as a link to nowhere: none may be left."""
    for path in [pdf.book_path(language, site)] + [
        pdf.chapter_path(language, s, site) for s in pdf.printed_stems(language)
    ]:
        reader = pypdf.PdfReader(str(path))
        names = {str(name).lstrip("/") for name in reader.named_destinations}
        inside = 0
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                dest = annotation.get("/Dest")
                if isinstance(dest, (pypdf.generic.NameObject, pypdf.generic.TextStringObject, str)):
                    inside += 1
                    assert str(dest).lstrip("/") in names, f"{path.name}: a link to {dest}"
        assert inside > 0, path.name
