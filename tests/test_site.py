"""The built website, read as files: structure, twins, languages, no other host, French typography."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import EDITIONS, ROOT, site_pages

ABSTRACT = yaml.safe_load((ROOT / "bookbuild" / "editions" / "abstract.yml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Collapse ASCII white space only: no-break spaces are part of French typography."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()


class TextAndAssets(HTMLParser):
    """Collects reader-visible text (outside code, math and scripts) and every asset URL."""

    # <title> is left out: the theme rebuilds it with Jinja's striptags, which turns every
    # no-break space into an ordinary one; the page's own heading keeps them.
    SKIP = {"script", "style", "pre", "code", "kbd", "samp", "math", "svg", "noscript", "template", "title"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.assets: list[str] = []
        self.html_lang = None
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []
        self.api_blocks = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if (
            tag == "link"
            and attrs.get("href")
            and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload")
        ):
            self.assets.append(attrs["href"])
        if tag in self.VOID:
            return
        classes = (attrs.get("class") or "").split()
        # Also left out: text marked as another language, and bibliography entries (titles of
        # works stay in the language they were published in).
        other_language = attrs.get("lang") not in (None, "", self.html_lang)
        # The exception for the reference appendix: the blocks generated from clusterlab's docstrings
        # (div.cl-api, also marked lang="en") are English in both editions, as the code is, so they are
        # not French text. They are counted: the typography test allows them on that page only, and
        # test_reference_page.py checks that the page's French introduction is still read.
        api_docs = tag == "div" and "cl-api" in classes
        self.api_blocks += api_docs
        skipping = (
            tag in self.SKIP
            or "math" in classes
            or "citation" in classes
            or other_language
            or api_docs
            or any(c.startswith("highlight") for c in classes)
        )
        self._stack.append((tag, skipping))
        self._skip += skipping

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                self._skip -= sum(skipping for _, skipping in self._stack[i:])
                del self._stack[i:]
                return

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> TextAndAssets:
    parser = TextAndAssets()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_site_layout(site):
    for part in ("index.html", "fr/index.html", "en/index.html"):
        assert (site / part).is_file(), part
    for language in EDITIONS:
        assert site_pages(site, language), f"no pages in the {language} edition"


def test_landing_page_quotes_the_abstract_in_both_languages_and_links_both_editions(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    for language in EDITIONS:
        assert squash(ABSTRACT[language]) in text, language
        assert f'href="{language}/index.html"' in page


def test_landing_page_leads_a_newcomer_to_the_guides_of_both_editions(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    for language in EDITIONS:
        for guide in ("readers-guide", "instructor-guide"):
            href = f"{language}/chapters/{language}/{guide}.html"
            assert f'href="{href}"' in page, href
            assert (site / href).is_file(), href


def test_each_preface_shows_its_abstract_verbatim(site):
    for language in EDITIONS:
        page = site / language / "chapters" / language / "00-preface.html"
        assert squash(ABSTRACT[language]) in squash(" ".join(parse(page).text)), language


def twin(path: Path, site: Path) -> Path:
    rel = path.relative_to(site)
    language = rel.parts[0]
    other = "en" if language == "fr" else "fr"
    text = str(rel.relative_to(language)).replace(f"chapters/{language}/", f"chapters/{other}/")
    return site / other / text


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_has_its_twin_and_a_switcher_to_it(site, language):
    for page in site_pages(site, language):
        other = twin(page, site)
        assert other.is_file(), f"{page.relative_to(site)} has no twin {other.relative_to(site)}"
        source = page.read_text(encoding="utf-8")
        match = re.search(r'<a class="[^"]*cl-lang-switch[^"]*" href="([^"]+)"', source)
        assert match, f"{page.relative_to(site)} has no language switcher"
        target = (page.parent / match.group(1)).resolve()
        assert target == other.resolve(), f"{page.relative_to(site)} switches to {match.group(1)}"


@pytest.mark.parametrize("language", EDITIONS)
def test_pages_declare_their_language(site, language):
    for page in site_pages(site, language):
        assert parse(page).html_lang == language, page.relative_to(site)


@pytest.mark.parametrize(
    "language, words",
    [("fr", ["précédent", "suivant", "Rechercher"]), ("en", ["previous", "next", "Search"])],
)
def test_theme_strings_are_in_the_edition_language(site, language, words):
    page = (site / language / "chapters" / language / "glossary.html").read_text(encoding="utf-8")
    for word in words:
        assert word in page, f"{word!r} missing from the {language} glossary page"


@pytest.mark.parametrize("language", EDITIONS)
def test_each_edition_has_its_own_search_index(site, language):
    options = (site / language / "_static" / "documentation_options.js").read_text(encoding="utf-8")
    assert re.search(rf"LANGUAGE:\s*'{language}'", options)
    index = (site / language / "searchindex.js").read_text(encoding="utf-8")
    # The French stem of "résumé" is only in the French index; "abstract" only in the English one, and
    # "awkward" (the English preface's "awkward sentences included") stands for it in the French check:
    # the French references page cites an address with "abstract" in it.
    own, other = {"fr": ('"r\\u00e9sum"', '"awkward"'), "en": ('"abstract"', '"r\\u00e9sum"')}[language]
    assert own in index and other not in index


@pytest.mark.parametrize("language", EDITIONS)
def test_no_asset_comes_from_another_host(site, language):
    for page in site_pages(site, language):
        for url in parse(page).assets:
            assert not re.match(r"^(https?:)?//", url), f"{page.relative_to(site)} loads {url}"


@pytest.mark.parametrize("language", EDITIONS)
def test_website_widgets_are_notes_not_dead_controls(site, language):
    for page in site_pages(site, language):
        source = page.read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget" not in source, page.relative_to(site)
        assert "html-manager" not in source and "require.min.js" not in source
    demo = (site / language / "chapters" / language / "how-this-book-works.html").read_text(encoding="utf-8")
    assert "cl-kernel-note" in demo and "JupyterLab" in demo


def test_vega_is_served_by_the_site_where_a_chart_is(site):
    for language in EDITIONS:
        for page in site_pages(site, language):
            source = page.read_text(encoding="utf-8")
            has_chart = 'class="cl-chart"' in source
            scripts = re.findall(r'<script[^>]+src="([^"]*vendor/vega-[0-9.]+-r[0-9]+\.js[^"]*)"', source)
            assert bool(scripts) == has_chart, page.relative_to(site)
            for src in scripts:
                assert (page.parent / src.split("?")[0]).is_file(), src


# The appendix whose API blocks (English docstrings) the French typography test leaves out.
REFERENCE_PAGE = "clusterlab-reference.html"

# After squash(), " " is the only ASCII space; U+00A0 and U+202F are the no-break spaces.
FRENCH_SPACING = [
    (re.compile(r"[^ ] [:;!?](?= |$)"), "ordinary space before : ; ! ?"),
    (re.compile(r"\w[;!?](?= |$)"), "no space before ; ! ?"),
    (re.compile(r"\w:(?= )"), "no space before :"),
    (re.compile(r"«[^\u00a0\u202f]"), "« without a no-break space after it"),
    (re.compile(r"[^\u00a0\u202f]»"), "» without a no-break space before it"),
]


def test_french_pages_follow_french_typography(site):
    problems = []
    for page in site_pages(site, "fr"):
        parsed = parse(page)
        if parsed.api_blocks and page.name != REFERENCE_PAGE:
            problems.append(f"{page.relative_to(site)}: generated API documentation outside the reference appendix")
        text = " ".join(parsed.text)
        text = text.replace(squash(ABSTRACT["fr"]), "")  # quoted verbatim, as received
        for pattern, what in FRENCH_SPACING:
            for m in pattern.finditer(squash(text)):
                context = squash(text)[max(0, m.start() - 30) : m.end() + 10]
                problems.append(f"{page.relative_to(site)}: {what}: …{context}…")
    assert not problems, "\n".join(problems[:40])


def test_each_bibliography_is_written_in_the_language_of_its_edition(site):
    """French entries: « et », « Dans … (éd.) », « p. », French months, « s. d. » and the book's French
    descriptions of press and agency items; the English entries keep pybtex's plain style."""
    text = {}
    for language in EDITIONS:
        page = (site / language / "chapters" / language / "references.html").read_text(encoding="utf-8")
        # pybtex joins initials with no-break spaces: compare words
        text[language] = squash(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " "))
    fr, en = text["fr"], text["en"]
    assert "Yu. M. Ermoliev et Yu. M. Kaniovski" in fr and "Yu. M. Ermoliev, and Yu. M. Kaniovski" in en
    assert "Dans Frank Pyke, Giacomo Becattini et Werner Sengenberger (éd.)" in fr
    assert "In Frank Pyke, Giacomo Becattini, and Werner Sengenberger, editors" in en
    assert "Article sur l'extension de Tanger Automotive City" in fr and "News item on the extension" not in fr
    assert "News item on the extension of Tanger Automotive City" in en and "Article sur" not in en
    assert "septembre 2010" in fr and "September 2010" in en
    assert "n.d." not in fr and "s. d." in fr
    threats = (site / "fr" / "chapters" / "fr" / "08-threats.html").read_text(encoding="utf-8")
    assert "ZDF, s.\u00a0d.</a>" in threats and "n.d." not in threats
    assert "page d'actualité sur l'extraction de la houille" in threats  # the citation's tooltip, in French
