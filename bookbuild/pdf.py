"""The printable edition: one PDF book per language and one PDF per chapter, in ``_build/site/pdf/``.

    python -m bookbuild.pdf        # from the built website (python -m bookbuild.site first)

Route: the pages of the built website are turned into one print document per book (and one per
chapter), which Debian's Chromium prints through its own PDF engine (Playwright, no network).
Chromium writes a tagged PDF with the document's language, bookmarks from the headings, links,
embedded fonts, and text in page margin boxes (running heads, page numbers); the same HTML the
website shows is printed, so the two cannot say different things. LaTeX was the other route:
it would need a TeX Live of several hundred megabytes, a second rendering of every page's HTML
structure (admonitions, exercises, MathML, bibliography) and of the charts, and gives an
untagged PDF.

What the print document changes from the web page:

* each chart is drawn at its default settings as a vector figure (Vega's SVG, by vl-convert, from
  the Vega specification the page carries), numbered, with the page's description as its text
  alternative and caption, and a sentence that says what the website lets the reader change and
  where;
* code is shown only where the text needs it: a cell's code is left out when it is the chapter's
  set-up (its first code cell) or a single call that displays something (a chart, a table, a
  widget), whose output is what the text discusses; cells that compute what the text reports are shown;
* the solutions of the exercises and the answers of the self-check questions are gathered at the end
  of their chapter;
* links between pages of the book become links inside the PDF, with the page number where the
  text refers to a chapter or a section; links to pages the PDF leaves out (the guides, the data
  appendix) go to the website;
* French and English text is hyphenated with the dictionaries of pyphen (soft hyphens): Chromium
  has no hyphenation dictionary without a network.

The whole book has a title page with the abstract, a table of contents with page numbers, the
parts and chapters numbered as on the website, and the glossary, the index of key terms (with
page numbers) and the bibliography. Page numbers come from a first printing (the PDF's named
destinations), written into the second; the printing is repeated until they no longer change.
"""

from __future__ import annotations

import argparse
import ast
import base64
import functools
import hashlib
import html
import json
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from bookbuild.editions import EDITIONS, ROOT, SOURCE_LANGUAGE, derive_toc, load_overrides
from clusterlab import labels

SITE = ROOT / "_build" / "site"
CACHE = ROOT / "_build" / "pdf-cache"
STYLE = Path(__file__).parent / "static" / "print.css"

#: The whole book's file name in each edition.
BOOK_FILES = {"fr": "clusters-pme-fr.pdf", "en": "industrial-clusters-en.pdf"}
#: The appendices the printed book keeps (the guides, the data appendix and the package reference
#: are about the website and the notebooks; the printed pages link to them on the website).
APPENDICES = ("glossary", "key-terms", "references")


def pdf_folder(site: Path = SITE) -> Path:
    return site / "pdf"


def book_path(language: str, site: Path = SITE) -> Path:
    return pdf_folder(site) / language / BOOK_FILES[language]


def chapter_path(language: str, stem: str, site: Path = SITE) -> Path:
    return pdf_folder(site) / language / f"{stem}.pdf"


def site_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))
    return config["sphinx"]["config"]["clusterlab_site_url"].rstrip("/") + "/"


def config(language: str) -> dict:
    root = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))
    return root if language == SOURCE_LANGUAGE else {**root, **load_overrides(language)}


# --------------------------------------------------------------------------------------------
# The plan of the printed book, from the toc


@dataclass
class Part:
    title: str
    pages: list[str] = field(default_factory=list)  # stems, in order


@dataclass
class Plan:
    front: list[str]
    parts: list[Part]
    back: list[str]


def plan(language: str) -> Plan:
    """The preface, the parts with their pages (overview, chapters, take-aways) and the appendices kept."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    if language != SOURCE_LANGUAGE:
        toc = derive_toc(toc, language, load_overrides(language)["captions"])
    stem = lambda path: path.rsplit("/", 1)[-1]  # noqa: E731
    parts: list[Part] = []
    back: list[str] = []
    appendix = False
    for entry in toc["parts"]:
        if "caption" in entry:
            appendix = entry is toc["parts"][-1]
            if not appendix:
                parts.append(Part(entry["caption"]))
        for chapter in entry.get("chapters", []):
            name = stem(chapter["file"])
            if appendix:
                if name in APPENDICES:
                    back.append(name)
            else:
                parts[-1].pages.append(name)
    missing = set(APPENDICES) - set(back)
    if missing:
        raise ValueError(f"The toc has no page {sorted(missing)} for the printed book's appendices.")
    return Plan([stem(toc["root"])], parts, sorted(back, key=APPENDICES.index))


def chapter_stems(language: str) -> list[str]:
    """The numbered chapters (their file names start with their number)."""
    return [s for part in plan(language).parts for s in part.pages if re.match(r"\d\d-", s) and s[:2] != "00"]


def printed_stems(language: str) -> list[str]:
    """The pages printed one by one (each chapter, and the preface)."""
    return plan(language).front + chapter_stems(language)


# --------------------------------------------------------------------------------------------
# One page of the website, made ready for print


@dataclass
class Printed:
    stem: str
    title: str  # the page's heading, with its number
    html: str
    cited: list[str] = field(default_factory=list)  # bibliography anchors the page cites


def _words(key: str, language: str, **values) -> str:
    return (
        labels.message(f"book.pdf.{key}", language, **values) if values else labels.label(f"book.pdf.{key}", language)
    )


def _single_call(code: str) -> bool:
    """True when a cell's code is one expression (a call that displays a chart, a table or a widget)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr)


def chart_svg(spec: dict) -> str:
    """The SVG of a chart at its default settings (Vega's own renderer, through vl-convert), cached."""
    import vl_convert

    text = json.dumps(spec, sort_keys=True)
    key = hashlib.sha256((vl_convert.__version__ + text).encode()).hexdigest()[:24]
    path = CACHE / f"{key}.svg"
    if path.exists():
        return path.read_text("utf-8")
    # Vega placed the text with the metrics of Arial's (the font it found for the charts' list of fonts);
    # Liberation Sans has the same metrics, so that labels fit where Vega put them
    svg = re.sub(r'font-family="[^"]*"', 'font-family="Liberation Sans"', vl_convert.vega_to_svg(spec))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, "utf-8")
    return svg


def print_settings(spec: dict) -> tuple[dict, list[tuple[str, bool]]]:
    """The spec as printed, and the inputs it is printed with: a chart that would print empty at its start
    (a scorecard before the reader's scores) names, in its ``usermeta`` ``print``, the check boxes to tick
    or untick on paper (signal name → value). Each must be a bound check box whose start differs; anything
    else stops the build with what to fix."""
    wanted = (spec.get("usermeta") or {}).get("print") or {}
    if not wanted:
        return spec, []
    signals = {s["name"]: s for s in spec.get("signals", [])}
    printed, settings = json.loads(json.dumps(spec)), []
    for name, value in wanted.items():
        signal = signals.get(name)
        bind = (signal or {}).get("bind")
        if not isinstance(bind, dict) or bind.get("input") != "checkbox" or not isinstance(value, bool):
            raise ValueError(f"usermeta print: {name!r} is not a check box of the chart set to true or false")
        if signal.get("value") == value:
            raise ValueError(f"usermeta print: {name!r} already starts at {value} on the website")
        next(s for s in printed["signals"] if s["name"] == name)["value"] = value
        settings.append(((bind.get("name") or name).strip().rstrip(" :\u00a0"), value))
    return printed, settings


def bound_inputs(spec: dict) -> list[str]:
    """The names of a chart's inputs (Vega signals bound to sliders, menus, boxes), in order."""
    names = []
    for signal in spec.get("signals", []):
        bind = signal.get("bind")
        if isinstance(bind, dict) and bind.get("input"):
            name = (bind.get("name") or signal["name"]).strip()
            names.append(name.rstrip(" :\u00a0"))
    return names


@functools.cache
def _dictionary(language: str):
    import pyphen

    # at least two letters before a break and three after it ("internation-al" is not a break)
    return pyphen.Pyphen(lang="fr" if language == "fr" else "en_GB", left=2, right=3)


@functools.lru_cache(maxsize=200_000)
def _hyphenated(word: str, language: str) -> str:
    return _dictionary(language).inserted(word, hyphen="\u00ad")


#: Text not hyphenated: addresses, box titles
NO_HYPHENS = {"external", "admonition-title", "caption-number", "cl-letter"}


def _hyphenate(root: Tag, language: str) -> None:
    """Soft hyphens in the words of running text (paragraphs, list items, definitions, captions)."""
    word = re.compile(r"[^\W\d_]{7,}")
    skip = {"code", "pre", "math", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "figcaption"}
    for text in root.find_all(string=True):
        if not isinstance(text, NavigableString) or text.parent is None:
            continue
        if any(p.name in skip or set(p.get("class") or []) & NO_HYPHENS for p in text.parents if isinstance(p, Tag)):
            continue
        new = word.sub(lambda m: _hyphenated(m.group(), language), str(text))
        if new != str(text):
            text.replace_with(new)


class PageMaker:
    """Turns the website's pages of one edition into print HTML (see the module's docstring)."""

    def __init__(self, language: str, site: Path = SITE, in_book: set[str] | None = None, page_numbers: bool = True):
        self.language = language
        self.page_numbers = page_numbers
        self.site = site
        self.url = site_url()
        self.in_book = in_book or set()
        self.references: dict[str, str] | None = None

    def source(self, stem: str) -> BeautifulSoup:
        path = self.site / self.language / "chapters" / self.language / f"{stem}.html"
        return BeautifulSoup(path.read_text("utf-8"), "html.parser")

    def bibliography(self) -> dict[str, str]:
        """Each bibliography entry's anchor → its HTML (for a chapter's list of the works it cites)."""
        if self.references is None:
            soup = self.source("references")
            self.references = {}
            for entry in soup.select("div.citation"):
                entry.select_one("span.label") and entry.select_one("span.label").decompose()
                for a in entry.select("a.reference.internal"):
                    a.unwrap()
                self.references[entry["id"]] = "".join(str(c) for c in entry.children).strip()
        return self.references

    def _target(self, stem: str, href: str) -> tuple[str, str | None]:
        """Where a link of page ``stem`` goes in print: ('#anchor', target stem) or (address, None)."""
        if href.startswith(("http:", "https:", "mailto:")):
            return href, None
        path, _, fragment = href.partition("#")
        fragment = unquote(fragment)
        if not path:
            target = stem
        else:
            # the link as a path of the site: the page is {language}/chapters/{language}/{stem}.html
            resolved = [self.language, "chapters", self.language]
            for part in path.split("/"):
                if part == "..":
                    if not resolved:
                        raise ValueError(f"{stem}: the link {href!r} leads outside the website")
                    resolved.pop()
                elif part not in (".", ""):
                    resolved.append(part)
            address = "/".join(resolved)
            folder, _, name = address.rpartition("/")
            page = name[: -len(".html")] if name.endswith(".html") else None
            if folder != f"{self.language}/chapters/{self.language}" or page not in self.in_book:
                return f"{self.url}{address}" + (f"#{fragment}" if fragment else ""), None
            target = page
        return f"#{target}--{fragment}" if fragment else f"#{target}", target

    def make(self, stem: str, number: str | None) -> Printed:
        language = self.language
        soup = self.source(stem)
        article = soup.select_one("article.bd-article")
        top = article.find("section") or article
        for junk in top.select("a.headerlink, script:not(.cl-chart-spec):not(.cl-question-data), style, button"):
            junk.decompose()
        for note in top.select(".cl-kernel-note, p.cl-pdf-line"):
            note.decompose()
        for details in top.select("details.cl-chart-data"):
            details.decompose()
        # folded cells: a folded input is left out (the website's author judged it not needed to follow the
        # text), a folded output is printed unfolded
        for details in top.select("details.hide"):
            if "above-input" in details.get("class", []):
                details.decompose()
            else:
                details.summary and details.summary.decompose()
                details.unwrap()
        for details in top.select("details"):
            details["open"] = ""
        title_node = top.find("h1")
        title = title_node.get_text(" ", strip=True) if title_node else stem
        title = re.sub(r"\s+", " ", title).replace("\u00a0", " ").strip()

        # code: keep what the text needs
        code_cells = [c for c in top.select("div.cell") if c.select_one(".cell_input")]
        for i, cell in enumerate(code_cells):
            code = cell.select_one(".cell_input").get_text()
            if i == 0 or _single_call(code):
                cell.select_one(".cell_input").decompose()
        for cell in top.select("div.cell"):
            if not cell.get_text(strip=True) and not cell.select(".cl-chart, img, svg, table"):
                cell.decompose()

        # charts → numbered figures
        page_url = f"{self.url}{language}/chapters/{language}/{stem}.html"
        charts = top.select("div.cl-chart")
        for k, chart in enumerate(charts, start=1):
            spec = json.loads(chart.select_one("script.cl-chart-spec").string)
            description = spec.get("description") or chart.select_one(".cl-chart-target").get("aria-label", "")
            printed, settings = print_settings(spec)
            svg = chart_svg(printed)
            label = f"{number}.{k}" if number else str(k)
            inputs = bound_inputs(spec)
            if inputs:
                change = _words(
                    "chart_inputs",
                    language,
                    inputs=labels.label("book.chart.list_separator", language).join(inputs),
                    url=page_url,
                )
            else:
                change = _words("chart_no_inputs", language, url=page_url)
            for name, ticked in settings:
                change += " " + _words(
                    "chart_printed_ticked" if ticked else "chart_printed_unticked", language, input=name
                )
            figure = soup.new_tag("figure", attrs={"class": "cl-figure", "id": chart.get("id", f"chart-{k}")})
            size = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
            img = soup.new_tag(
                "img",
                attrs={
                    "width": size.group(1),
                    "height": size.group(2),
                    "src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
                    "alt": description,
                    "class": "cl-figure-image",
                },
            )
            figure.append(img)
            caption = BeautifulSoup(
                f'<figcaption><span class="cl-figure-number">{html.escape(_words("figure", language, n=label))}</span> '
                f"{html.escape(description)} "
                f'<span class="cl-figure-web">{_link_urls(html.escape(change))}</span></figcaption>',
                "html.parser",
            )
            figure.append(caption)
            chart.replace_with(figure)

        # self-check questions: printed with their options; the answers go to the end of the chapter
        answers = []
        for k, block in enumerate(top.select("div.cl-question"), start=1):
            data = json.loads(block.select_one("script.cl-question-data").string)
            label = f"{number}.{k}" if number else str(k)
            qid = f"q-{data['id']}"
            items = ""
            if data["kind"] == "choice":
                letters = "abcdefghij"
                items = "".join(
                    f'<li><span class="cl-letter">{letters[i]})</span> {html.escape(o["text"])}</li>'
                    for i, o in enumerate(data["options"])
                )
                items = f'<ol class="cl-options">{items}</ol>'
                right = [i for i, o in enumerate(data["options"]) if o["correct"]]
                answer = ", ".join(f"{letters[i]})" for i in right)
                feedback = " ".join(html.escape(data["options"][i]["feedback"]) for i in right)
            else:
                value = data["answer"]["value"]
                unit = data["answer"].get("unit") or ""
                answer = labels.fmt_number(value, _decimals(value), language) + (f"\u00a0{unit}" if unit else "")
                feedback = html.escape(data["answer"]["feedback"])
            # a question read off a chart is answered with the chart's inputs, on the website
            on_site = (
                f'<p class="cl-on-site">{_link_urls(html.escape(_words("selfcheck_chart", language, url=page_url)))}</p>'
                if data.get("chart")
                else ""
            )
            block.replace_with(
                BeautifulSoup(
                    f'<div class="cl-selfcheck" id="{qid}"><p><strong>'
                    f"{html.escape(_words('selfcheck', language, n=label))}</strong> {html.escape(data['text'])}</p>"
                    f'{items}{on_site}<p class="cl-see-answer"><a class="cl-pageref" href="#{qid}-answer">'
                    f"{html.escape(_words('see_answer', language))}</a></p></div>",
                    "html.parser",
                )
            )
            answers.append(
                f'<div class="cl-answer" id="{qid}-answer"><p><a href="#{qid}"><strong>'
                f"{html.escape(_words('selfcheck', language, n=label))}</strong></a> "
                f"{html.escape(_words('answer', language))} {html.escape(answer)}. {feedback}</p></div>"
            )

        # exercises: a link to the solution; the solutions go to the end of the chapter
        solutions = []
        for n, solution in enumerate(top.select("div.solution"), start=1):
            solution.extract()
            solution["id"] = f"solution-{n}"
            solutions.append(solution)
        for solution in solutions:
            ref = solution.select_one("p.admonition-title a")
            exercise_id = ref["href"].lstrip("#") if ref else None
            if exercise_id:
                exercise = top.find(id=exercise_id)
                if exercise is not None:
                    link = soup.new_tag("p", attrs={"class": "cl-see-answer"})
                    a = soup.new_tag("a", attrs={"href": f"#{solution['id']}", "class": "cl-pageref"})
                    a.string = _words("see_solution", language)
                    link.append(a)
                    exercise.append(link)
            solution["class"] = [c for c in solution.get("class", []) if c != "dropdown"]

        # the quiz's answers (a folded box on the website) go to the end too, under the quiz's heading
        quizzes = []
        for box in top.select("div.dropdown.admonition"):
            section = box.find_parent("section")
            heading = section.find(re.compile(r"^h[1-6]$")) if section else None
            box.extract()
            box["class"] = [c for c in box.get("class", []) if c != "dropdown"]
            quizzes.append((heading.get_text(" ", strip=True) if heading else "", box))

        # the end of the chapter: solutions, then answers
        if solutions or answers or quizzes:
            end = soup.new_tag("section", attrs={"class": "cl-chapter-end", "id": f"{stem}-solutions"})
            heading = soup.new_tag("h2")
            heading.string = _words("solutions_heading", language)
            end.append(heading)
            for solution in solutions:
                end.append(solution)
            if answers:
                h3 = soup.new_tag("h3")
                h3.string = _words("answers_heading", language)
                end.append(h3)
                end.append(BeautifulSoup("".join(answers), "html.parser"))
            for quiz_title, box in quizzes:
                h3 = soup.new_tag("h3")
                h3.string = quiz_title
                end.append(h3)
                end.append(box)
            top.append(end)

        # an anchor just before a heading goes into it, so that a reference leads to the page the heading is on
        for span in top.find_all("span", id=True):
            following = span.find_next_sibling()
            if not span.contents and following is not None and re.fullmatch(r"h[1-6]", following.name):
                following.insert(0, span.extract())

        # ids made unique in the book, links pointed inside the PDF or to the website
        for element in top.find_all(id=True):
            if element["id"].startswith(f"{stem}--") or element["id"] == f"{stem}-solutions":
                continue
            element["id"] = f"{stem}--{element['id']}"
        cited = []
        for a in top.find_all("a", href=True):
            path, _, fragment = a["href"].partition("#")
            if path.endswith("references.html") and fragment.startswith("id"):
                cited.append(fragment)
            href, target = self._target(stem, a["href"])
            a["href"] = href
            classes = a.get("class") or []
            if (
                target
                and target != stem
                and target not in ("glossary", "references")
                and (a.select_one(".std-ref, .std-numref") or "cl-pageref" in classes)
            ):
                a["class"] = [*classes, "cl-pageref"]
        # a solution's own link back to its exercise stays within the page
        for a in top.select("a.cl-pageref"):
            if not a.get("href", "").startswith("#"):
                a["class"] = [c for c in a["class"] if c != "cl-pageref"]
        for a in top.select("a.cl-pageref") if self.page_numbers else []:
            a.append(
                BeautifulSoup(
                    '<span class="cl-pagenum" data-target="{}">000</span>'.format(a["href"][1:]), "html.parser"
                )
            )
        _hyphenate(top, language)
        if top.get("id"):  # the section's own anchor stays, inside it
            top.insert(0, soup.new_tag("span", attrs={"id": f"{stem}--{top['id']}"}))
        top["id"] = stem
        top["class"] = ["cl-page", f"cl-page-{stem}"]
        return Printed(stem, title, str(top), list(dict.fromkeys(cited)))


def _link_urls(text: str) -> str:
    return re.sub(r"(https?://[^\s<)]+[^\s<).,;:])", r'<a href="\1">\1</a>', text)


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


# --------------------------------------------------------------------------------------------
# The print documents


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _demote(fragment: str, by: int = 1) -> str:
    """Headings one level down (a page inside a part: its title under the part's)."""

    def shift(match):
        level = min(6, int(match.group(2)) + by)
        return f"<{match.group(1)}h{level}"

    return re.sub(r"<(/?)h([1-6])", shift, fragment)


def document(language: str, body: str, title: str, page_rules: str) -> str:
    css = STYLE.read_text("utf-8")
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}\n{page_rules}</style></head><body>{body}</body></html>"
    )


def _running(name: str, head: str) -> str:
    return f"@page {name} {{ @top-center {{ content: {_css_string(head)}; }} }}\n"


@dataclass
class BookSource:
    html: str
    pages: dict[str, Printed]


def book_html(language: str, site: Path = SITE) -> BookSource:
    """The print document of a whole edition (page numbers still placeholders)."""
    conf = config(language)
    book = plan(language)
    stems = book.front + [s for part in book.parts for s in part.pages] + book.back
    maker = PageMaker(language, site, set(stems))
    pages: dict[str, Printed] = {}
    for part in book.parts:
        for stem in part.pages:
            match = re.match(r"(\d\d)-", stem)
            pages[stem] = maker.make(stem, str(int(match.group(1))) if match else None)
    for stem in book.front + book.back:
        pages[stem] = maker.make(stem, None)
    abstract = yaml.safe_load((ROOT / "bookbuild" / "editions" / "abstract.yml").read_text("utf-8"))[language]
    rules = ""
    body = [
        '<section class="cl-title-page">'
        f'<h1 class="cl-book-title">{html.escape(conf["title"])}</h1>'
        f'<p class="cl-book-authors">{html.escape(str(conf.get("author", "")))}</p>'
        f'<p class="cl-book-edition">{html.escape(_words("edition", language, year=str(conf.get("copyright", ""))))}</p>'
        f'<div class="cl-abstract"><p class="cl-abstract-heading">{html.escape(labels.label("book.landing.abstract_heading", language))}</p>'
        f'<p class="cl-abstract-text">{html.escape(abstract)}</p></div>'
        f'<p class="cl-book-site">{_link_urls(html.escape(_words("website", language, url=site_url() + language + "/")))}</p>'
        "</section>"
    ]
    toc = [f'<nav class="cl-toc" id="toc"><h1>{html.escape(_words("contents", language))}</h1><ol>']

    def toc_line(stem: str, cls: str) -> str:
        return (
            f'<li class="{cls}"><a class="cl-pageref" href="#{stem}">{html.escape(pages[stem].title)}'
            f'<span class="cl-pagenum" data-target="{stem}">000</span></a></li>'
        )

    for stem in book.front:
        toc.append(toc_line(stem, "cl-toc-page"))
    for n, part in enumerate(book.parts, start=1):
        toc.append(
            f'<li class="cl-toc-part"><a class="cl-pageref" href="#part-{n}">{html.escape(part.title)}'
            f'<span class="cl-pagenum" data-target="part-{n}">000</span></a></li>'
        )
        for stem in part.pages:
            toc.append(toc_line(stem, "cl-toc-chapter" if re.match(r"\d\d-", stem) else "cl-toc-page"))
    toc.append(
        f'<li class="cl-toc-part"><a class="cl-pageref" href="#appendices">{html.escape(_words("appendices", language))}'
        '<span class="cl-pagenum" data-target="appendices">000</span></a></li>'
    )
    for stem in book.back:
        toc.append(toc_line(stem, "cl-toc-chapter"))
    toc.append("</ol></nav>")
    body += toc
    for stem in book.front:
        rules += _running(f"p-{stem}", pages[stem].title)
        body.append(f'<div class="cl-unit" style="page: p-{stem}">{pages[stem].html}</div>')
    for n, part in enumerate(book.parts, start=1):
        body.append(f'<section class="cl-part-page" id="part-{n}"><h1>{html.escape(part.title)}</h1></section>')
        for stem in part.pages:
            rules += _running(f"p-{stem}", pages[stem].title)
            body.append(f'<div class="cl-unit" style="page: p-{stem}">{_demote(pages[stem].html)}</div>')
    body.append(
        f'<section class="cl-part-page" id="appendices"><h1>{html.escape(_words("appendices", language))}</h1></section>'
    )
    for stem in book.back:
        rules += _running(f"p-{stem}", pages[stem].title)
        body.append(f'<div class="cl-unit" style="page: p-{stem}">{_demote(pages[stem].html)}</div>')
    return BookSource(document(language, "\n".join(body), conf["title"], rules), pages)


def alone(page: Printed, language: str) -> str:
    """A page of the book made to stand alone: its links to other pages of the book go to the website,
    its citations to the list of the works it cites, and it states no page number."""
    url = site_url()

    def relink(match):
        target, fragment = match.group(1), match.group(2)
        if target == page.stem:
            return match.group(0)
        if target == "references" and fragment:
            return f'href="#{page.stem}--{fragment}"'
        address = f"{url}{language}/chapters/{language}/{target}.html"
        return f'href="{address}#{fragment}"' if fragment else f'href="{address}"'

    # no page numbers in a chapter alone: it has a few pages, and its links lead to the solutions
    text = re.sub(r'<span class="cl-pagenum" data-target="[^"]*">[^<]*</span>', "", page.html)
    return re.sub(r'href="#([^"]+?)(?:--([^"]*))?"', relink, text)


@functools.cache
def _maker(language: str, site: Path) -> PageMaker:
    return PageMaker(language, site)


def chapter_html(language: str, stem: str, site: Path = SITE, page: Printed | None = None) -> str:
    """The print document of one chapter: the chapter, its solutions, and the works it cites.

    ``page`` is the chapter as the whole book prints it (made again if not given)."""
    conf = config(language)
    maker = _maker(language, site)
    if page is None:
        match = re.match(r"(\d\d)-", stem)
        number = str(int(match.group(1))) if match and match.group(1) != "00" else None
        page = maker.make(stem, number)
    bibliography = maker.bibliography()
    cited = "".join(
        f'<li id="{stem}--{key}">{bibliography[key]}</li>'
        for key in sorted(page.cited, key=lambda k: re.sub(r"<[^>]+>", "", bibliography.get(k, "")))
        if key in bibliography
    )
    works = (
        f'<section class="cl-works"><h2>{html.escape(_words("works_cited", language))}</h2><ul>{cited}</ul></section>'
        if cited
        else ""
    )
    head = (
        f'<p class="cl-chapter-book">{html.escape(conf["title"])} · '
        f"{_link_urls(html.escape(_words('website', language, url=site_url() + language + '/')))}</p>"
    )
    rules = _running(f"p-{stem}", page.title)
    body = f'<div class="cl-unit cl-single" style="page: p-{stem}">{head}{alone(page, language)}{works}</div>'
    return document(language, body, page.title, rules)


# --------------------------------------------------------------------------------------------
# Printing


def destinations(pdf: Path) -> dict[str, int]:
    """The PDF's named destinations (the anchors its links point to) → page number (from 1)."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    return {
        str(name).lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }


def print_source(out: Path) -> Path:
    """Where the print document of the PDF ``out`` is kept (the HTML Chromium printed)."""
    return CACHE / f"{out.stem}-{out.parent.name}.html"


PRINT = {"prefer_css_page_size": True, "print_background": True, "tagged": True, "outline": True}

_NUMBERS = "() => [...document.querySelectorAll('span.cl-pagenum')].map((s) => [s.dataset.target, s.textContent])"
_SET_NUMBERS = """(pages) => {
  for (const s of document.querySelectorAll('span.cl-pagenum')) s.textContent = String(pages[s.dataset.target]);
}"""


#: The width of the page's text block in CSS pixels (A4, 20 mm margins: print.css), where the page is laid out
#: to find what does not fit before it is printed.
TEXT_WIDTH = int((210 - 2 * 20) / 25.4 * 96)

# A formula cannot break across lines: one wider than its box is scaled down to fit (as LaTeX's \resizebox
# would), to no less than 60 % of its size.
_FIT_FORMULAS = """() => {
  for (const math of document.querySelectorAll('math')) {
    const box = math.parentElement.closest('p, li, dd, dt, td, th, div, section, figure, blockquote');
    const style = getComputedStyle(box);
    const outer = box.getBoundingClientRect();
    const left = outer.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = outer.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const range = document.createRange();
    range.selectNodeContents(math);
    const r = range.getBoundingClientRect();
    if (r.right > right + 0.5 || r.left < left - 0.5) {
      const display = math.getAttribute('display') === 'block';
      const room = display ? right - left : right - Math.max(left, r.left);
      math.style.zoom = Math.max(0.6, room / r.width - 0.005).toFixed(3);
    }
  }
}"""

# Everything that still runs past the text block, described for the error message.
_OVERFULL = """(width) => {
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // a box past the text block, or text past its own box (a line that cannot break)
    const past = r.right > width + 0.5 || r.left < -0.5;
    const spills = element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0
      && getComputedStyle(element).overflowX === 'visible';
    if (past || spills) found.push(element);
  }
  // the innermost of them: each says where the trouble is
  return found.filter((e) => !found.some((other) => other !== e && e.contains(other))).map((element) => {
    const r = element.getBoundingClientRect();
    const where = element.closest('[id]');
    return `${element.tagName.toLowerCase()} in #${where ? where.id : ''} (${Math.round(r.left)} to `
      + `${Math.round(Math.max(r.right, r.left + element.scrollWidth))} px of ${width}): ${element.textContent.trim().slice(0, 80)}`;
  });
}"""


def overfull(page) -> list[str]:
    """What runs past the text block on a page laid out for print (like LaTeX's overfull boxes), formulas
    fitted first. Chromium would print such a document shrunk to fit the widest line, every page smaller."""
    page.set_viewport_size({"width": TEXT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    page.evaluate(_FIT_FORMULAS)
    return page.evaluate(_OVERFULL, TEXT_WIDTH)


class OverfullError(ValueError):
    """Something in the print document is wider than the page's text block."""


_HEADINGS = "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent.replace(/\\s+/g, ' ').trim())"


def finish(path: Path, headings: list[str], metadata: dict[str, str] | None = None) -> int:
    """Give the PDF's bookmarks the words of their headings, and the document its author and subject.

    Chromium drops the space where a heading's line wraps ("seregroupent"): each bookmark is matched, in
    order, to the heading whose text without spaces is its own. Chromium writes the title alone (from
    ``<title>``): ``metadata`` adds the others (``/Author``, ``/Subject``…). Returns how many bookmarks
    were corrected."""
    import pypdf

    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    writer = pypdf.PdfWriter(clone_from=str(path))
    outlines = writer._root_object.get("/Outlines")
    items = []

    def walk(node):
        item = node.get("/First")
        while item is not None:
            item = item.get_object()
            items.append(item)
            walk(item)
            item = item.get("/Next")

    if outlines is not None:
        walk(outlines.get_object())
    fixed, start = 0, 0
    for item in items:
        title = str(item["/Title"])
        for k in range(start, len(headings)):
            if squash(headings[k]) == squash(title):
                start = k + 1
                if headings[k] != title:
                    item[pypdf.generic.NameObject("/Title")] = pypdf.generic.TextStringObject(headings[k])
                    fixed += 1
                break
        else:
            raise ValueError(f"{path.name}: the bookmark {title!r} matches no heading of the document")
    if metadata:
        writer.add_metadata(metadata)
    if fixed or metadata:
        with path.open("wb") as handle:
            writer.write(handle)
    return fixed


def print_with_page_numbers(
    browser, source: str, out: Path, rounds: int = 4, metadata: dict[str, str] | None = None
) -> None:
    """Print ``source`` into ``out``; then write into its page references (``span.cl-pagenum``, whose
    ``data-target`` is an anchor) the pages where the PDF put their anchors, and print again, until the
    numbers printed are those of the PDF. Last, the bookmarks get their headings' words and the document
    its ``metadata`` (:func:`finish`)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = print_source(out)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(source, "utf-8")
    page = browser.new_page()
    try:
        page.goto(tmp.as_uri(), wait_until="load")
        # every figure decoded before the first printing, so that each printing lays out the same pages
        page.evaluate("() => Promise.all([...document.images].map((image) => image.decode()))")
        wide = overfull(page)
        if wide:
            raise OverfullError(f"{out.name}: wider than the page ({len(wide)}): " + "; ".join(wide[:8]))
        for _ in range(rounds):
            page.pdf(path=str(out), **PRINT)
            stated = page.evaluate(_NUMBERS)
            if not stated:
                break
            pages = destinations(out)
            missing = sorted({target for target, _ in stated if target not in pages})
            if missing:
                raise ValueError(f"{out.name}: page references to anchors the PDF does not hold: {missing[:5]}")
            wrong = [(target, text, pages[target]) for target, text in stated if text != str(pages[target])]
            if not wrong:
                break
            page.evaluate(_SET_NUMBERS, {target: pages[target] for target, _ in stated})
        else:
            raise RuntimeError(f"{out.name}: the page numbers did not settle after {rounds} printings: {wrong[:5]}")
        headings = page.evaluate(_HEADINGS)
    finally:
        page.close()
    finish(out, headings, metadata)


def _task(language: str, site: Path, chapters: bool, only: list[str] | None = None) -> dict[str, float]:
    """One edition, in its own process with its own Chromium: the whole book, then each chapter
    (or the pages ``only`` names, printed one by one, without the book)."""
    from bookbuild import browser as chromium

    seconds = {}
    start = time.perf_counter()
    with chromium.launch() as browser:
        conf = config(language)
        metadata = {"/Author": str(conf.get("author", "")), "/Subject": conf["title"]}
        if only:
            for stem in only:
                print_with_page_numbers(
                    browser, chapter_html(language, stem, site), chapter_path(language, stem, site), metadata=metadata
                )
            return {f"{', '.join(only)} {language}": time.perf_counter() - start}
        book = book_html(language, site)
        print_with_page_numbers(browser, book.html, book_path(language, site), metadata=metadata)
        seconds[f"book {language}"] = time.perf_counter() - start
        if chapters:
            start = time.perf_counter()
            for stem in printed_stems(language):
                source = chapter_html(language, stem, site, book.pages[stem])
                print_with_page_numbers(browser, source, chapter_path(language, stem, site), metadata=metadata)
            seconds[f"chapters {language}"] = time.perf_counter() - start
    return seconds


def build(
    site: Path = SITE,
    languages=EDITIONS,
    chapters: bool = True,
    workers: int | None = None,
    only: list[str] | None = None,
) -> dict[str, float]:
    """Write every PDF (or only the pages ``only`` names, one PDF each), one process per edition, at most
    ``workers`` at a time (default: one per core); return seconds per step."""
    import concurrent.futures
    import os

    from bookbuild.browser import require_chromium

    require_chromium()  # a missing browser fails here, before any process starts
    for language in languages:  # no PDF left from an earlier build (a page since removed)
        shutil.rmtree(pdf_folder(site) / language, ignore_errors=True)
    workers = workers or min(len(languages), os.cpu_count() or 1)
    seconds = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(_task, language, site, chapters, only) for language in languages]:
            seconds.update(future.result())
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--book-only", action="store_true", help="the whole books, not the chapters")
    parser.add_argument("--language", choices=EDITIONS, action="append")
    parser.add_argument(
        "--workers", type=int, default=None, help="processes (default: one per edition, at most one per core)"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        raise SystemExit(f"No website in {args.site}: build it first (python -m bookbuild.site, or make book).")
    start = time.perf_counter()
    seconds = build(args.site, tuple(args.language or EDITIONS), chapters=not args.book_only, workers=args.workers)
    for step, s in seconds.items():
        print(f"{step}: {s:.1f} s")
    for language in args.language or EDITIONS:
        path = book_path(language, args.site)
        print(
            f"{path.relative_to(args.site.parent.parent) if path.is_relative_to(ROOT) else path}: {path.stat().st_size / 1e6:.1f} MB"
        )
    print(f"All PDFs in {time.perf_counter() - start:.1f} s, in {pdf_folder(args.site)}")


if __name__ == "__main__":
    main()
