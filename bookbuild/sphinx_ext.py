"""The Sphinx extension both editions load (``sphinx.extra_extensions`` in ``_config.yml``).

* Language switcher: every page links to the same page in the other edition
  (template ``templates/lang-switch.html``, placed in the article header).
* Vega served by the site: pages holding a chart load the site's own Vega bundle and
  ``clusterlab-charts.js`` (as modules, only where a chart is); nothing comes from another host.
* Icons without Font Awesome's web fonts (:mod:`bookbuild.icons`): the few icons the pages show are
  CSS masks (``static/icons.css``), and the theme's stylesheets lose the fonts' rules; the search index
  is loaded when the reader opens the search (``templates/layout.html``), the search page excepted.
* Mathematics as MathML written at build time (:mod:`bookbuild.mathml`): no script needed.
* No dead controls: the ipywidgets state that notebooks store for JupyterLab is not sent
  to the website, whose widget outputs are notes (see :mod:`bookbuild.mime`).
* Keyboard and screen readers: folded code cells and the buttons that fold solutions
  (``cl-toggles.js``) are named in the page's language, and
  ``cl-scrollers.js`` lets the keyboard reach the regions that scroll (wide tables, code, formulas,
  charts), named with the catalogues' words (``book.scroll.*``).
* The reference appendix (autodoc): :mod:`clusterlab.charts` lists its own chart functions; the data
  a chart draws, computed by a model and re-exported there, is described once, with its model. A
  parameter and its description are separated by a dash, and in French the labels of the fields
  (« Paramètres », « Lève »…) are French text, with French spacing, inside the English docstrings.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from bookbuild import citations, icons, mathml, readerlinks, vega
from clusterlab import labels, questions

HERE = Path(__file__).parent


def _other_language(language: str, editions: list[str]) -> str | None:
    others = [lang for lang in editions if lang != language]
    return others[0] if others else None


def _on_config_inited(app: Sphinx, config) -> None:
    config.templates_path.append(str(HERE / "templates"))
    config.html_static_path.append(str(HERE / "static"))
    # the self-check questions' form: the very files JupyterLab's renderer loads (clusterlab/questions/),
    # served as the site's own static files (so that each page names them with their checksum)
    form = Path(app.outdir).parent / ".questions-form"
    form.mkdir(parents=True, exist_ok=True)
    for suffix in (".js", ".css"):
        shutil.copy2(questions.FOLDER / f"form{suffix}", form / f"cl-questions{suffix}")
    config.html_static_path.append(str(form))
    for css in ("book.css", "icons.css"):
        if css not in [c if isinstance(c, str) else c[0] for c in config.html_css_files]:
            config.html_css_files.append(css)
    if "autodoc-skip-member" in app.events.events:  # a book that loads autodoc (every extension is set up by now)
        app.connect("autodoc-skip-member", _skip_reexported_member)


def _on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    cache = Path(app.outdir).parent / ".vendor"
    app._cl_bundle = vega.write_bundle(app.config.clusterlab_vegalite_version, cache)
    # in place before any page is written, so that every page links it with the same checksum (?v=…), in a
    # clean build as in an incremental one, and the browser's cache serves it from one chapter to the next
    _copy_bundle(app)
    # Regions that scroll sideways (tables, code, formulas, charts) can be reached and scrolled with the
    # keyboard; the script names them with the words of the edition, given as its data attributes.
    language = (app.config.language or "en")[:2]
    names = {f"data-{kind}": labels.label(f"book.scroll.{kind}", language) for kind in SCROLLER_KINDS}
    app.add_js_file("cl-scrollers.js", defer="defer", **names)
    # the buttons that fold solutions and dropdown boxes, named in the edition's language
    app.add_js_file("cl-toggles.js", defer="defer", **{"data-name": labels.label("book.toggle_button", language)})


SCROLLER_KINDS = ("table", "code", "math", "chart", "other")


def _on_header_buttons(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """On a page printed as a PDF, the download menu's ".pdf" is that PDF, not the browser's print dialog."""
    url = context.get("cl_pdf_url")
    if not url:
        return
    language = (app.config.language or "en")[:2]
    for group in context.get("header_buttons", []):
        for i, button in enumerate(group.get("buttons", [])):
            if button.get("label") == "download-pdf-button":
                link = {key: value for key, value in button.items() if key != "javascript"}
                link.update(type="link", url=url, tooltip=labels.label("book.pdf.download_chapter", language))
                group["buttons"][i] = link


@functools.cache
def _printed(language: str) -> tuple[str, ...]:
    """The pages printed one by one as PDFs, in the book's order: the preface (the edition's first page), then each chapter."""
    from bookbuild import pdf

    return tuple(pdf.printed_stems(language))


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    language = (app.config.language or "en")[:2]
    other = _other_language(language, list(app.config.clusterlab_editions))
    # Website widgets are notes: drop the stored ipywidgets state myst-nb would embed.
    nb_meta = getattr(app.env, "nb_metadata", {}).get(pagename, {})
    nb_meta.get("js_files", {}).pop("ipywidgets_state", None)
    if other:
        prefix = app.config.clusterlab_chapter_prefix
        target = pagename
        if pagename.startswith(prefix.format(lang=language)):
            target = prefix.format(lang=other) + pagename[len(prefix.format(lang=language)) :]
        to_site_root = "../" * (pagename.count("/") + 1)
        url = f"{to_site_root}{other}/{target}.html"
        context["cl_other_lang"] = other
        context["cl_other_name"] = labels.language_name(other)
        context["cl_other_url"] = url
        context["cl_other_title"] = labels.label("book.read_this_page", other)
        context["metatags"] = context.get("metatags", "") + (
            f'\n<link rel="alternate" hreflang="{other}" href="{url}" />'
        )
    context["cl_home_label"] = labels.label("book.home_landmark", language)
    body = context.get("body", "")
    # The chapter's PDF (bookbuild.pdf), under the chapter's title; the download menu's ".pdf" gives it too
    # (_on_header_buttons).
    stem = pagename.rsplit("/", 1)[-1]
    if pagename == f"chapters/{language}/{stem}" and stem in _printed(language) and "</h1>" in body:
        to_site_root = "../" * (pagename.count("/") + 1)
        context["cl_pdf_url"] = f"{to_site_root}pdf/{language}/{stem}.pdf"
        links = [(context["cl_pdf_url"], "book.pdf.download_chapter")]
        if stem == _printed(language)[0]:
            # the edition's first page, where a reader arrives: the whole book too
            from bookbuild.pdf import BOOK_FILES

            links.append((f"{to_site_root}pdf/{language}/{BOOK_FILES[language]}", "book.pdf.download_book"))
        line = (
            '<p class="cl-pdf-line">'
            + '<span aria-hidden="true"> · </span>'.join(
                f'<a href="{url}" type="application/pdf">{html.escape(labels.label(key, language))}</a>'
                for url, key in links
            )
            + "</p>"
        )
        body = body.replace("</h1>", "</h1>\n" + line, 1)
        context["body"] = body
    # Docutils marks bibliography entries role="doc-biblioentry" inside role="list"; that role
    # is deprecated in DPUB-ARIA 1.1 and axe-core does not accept it as a list item.
    if 'role="doc-biblioentry"' in body:
        body = body.replace('role="doc-biblioentry"', 'role="listitem"')
        context["body"] = body
    # sphinx-exercise's French catalogue titles a solution "Solution de Exercice 1"; French
    # grammar wants "Solution de l'exercice 1".
    if language == "fr" and "Solution de<a " in body:
        body = re.sub(r"Solution de<a ([^>]*)> Exercice ", r"Solution de l'<a \1>exercice ", body)
        context["body"] = body
    # The in-text citation of an undated work reads "n.d." (sphinxcontrib-bibtex's year template); in
    # French it is « s. d. » (sans date), as in the French bibliography.
    if language == "fr" and "n.d.</a>" in body:
        body = body.replace("n.d.</a>", "s.\u00a0d.</a>")
        context["body"] = body
    # The labels of a docstring's fields (Parameters, Returns…) are Sphinx's French words in the reference
    # appendix's English blocks: marked as French, with the no-break space before the colon.
    if language == "fr" and '<span class="colon">:</span>' in body:
        body = re.sub(r'<dt class="(field-(?:odd|even))">', r'<dt class="\1" lang="fr">', body)
        body = body.replace('<span class="colon">:</span>', '<span class="colon">\u00a0:</span>')
        context["body"] = body
    # myst-nb writes a folded cell's prompts and the name of its toggle in English on every page; the
    # toggle is named by what it shows (WCAG 2.5.3), in the page's language.
    if FOLDED_CELL.search(body):
        body = FOLDED_CELL.sub(lambda m: _folded_cell(m, language), body)
        context["body"] = body
    if 'class="cl-chart"' in body:
        app.add_js_file(f"vendor/{app._cl_bundle.name}", type="module", **{"async": "async"})
        app.add_js_file("clusterlab-charts.js", type="module", **{"async": "async"})
    if 'class="cl-question"' in body:
        app.add_js_file("cl-questions.js", defer="defer")
        app.add_css_file("cl-questions.css")


FOLDED_CELL = re.compile(
    r'<summary aria-label="Toggle hidden content">\n'
    r'<p class="collapsed admonition-title">Show code cell (content|source|outputs?)</p>\n'
    r'<p class="expanded admonition-title">Hide code cell \1</p>'
)


def _folded_cell(match: re.Match, language: str) -> str:
    kind = match.group(1)
    show = labels.label(f"book.cell_show_{kind}", language)
    hide = labels.label(f"book.cell_hide_{kind}", language)
    return (
        f'<summary>\n<p class="collapsed admonition-title">{show}</p>\n<p class="expanded admonition-title">{hide}</p>'
    )


def _copy_bundle(app: Sphinx) -> None:
    vendor = Path(app.outdir) / "_static" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy2(app._cl_bundle, vendor / app._cl_bundle.name)


def _on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _copy_bundle(app)
    icons.trim_theme(Path(app.outdir) / "_static")
    _name_sidebar_toggles(Path(app.outdir), app.config.language)
    # what citations, terms and references read as, for the notebooks opened in JupyterLab
    readerlinks.dump(app)


# The theme folds a page's sub-pages in the sidebar (the data appendix's tables) behind a <summary>
# that holds only an icon: screen readers get no name for it (axe: summary-name). The sidebar is
# drawn by the theme's templates, so the name is added to the written pages.
TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'


def _name_sidebar_toggles(outdir: Path, language: str) -> None:
    name = labels.label("book.sidebar_toggle", language)
    named = f'<summary aria-label="{name}"><span class="toctree-toggle" role="presentation">'
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if TOGGLE in text:
            page.write_text(text.replace(TOGGLE, named), encoding="utf-8")


class _FieldDashes(SphinxPostTransform):
    """Sphinx separates a parameter (and its type) from its description with " -- ", which smart quotes
    would turn into a dash; the book types its own typography (``smartquotes: false``), so the dash is
    set here, in the descriptions of Python objects only and never in code."""

    default_priority = 800

    def run(self, **kwargs) -> None:
        for content in self.document.findall(addnodes.desc_content):
            for text in list(content.findall(nodes.Text)):
                if " -- " not in text or any(
                    isinstance(node, (nodes.FixedTextElement, nodes.literal)) for node in _ancestors(text)
                ):
                    continue
                text.parent.replace(text, nodes.Text(text.replace(" -- ", " \u2013 ")))


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


# Packages whose reference lists only what they define: a name they re-export from another module of
# clusterlab is described in that module's section (where its docstring's references resolve).
OWN_MEMBERS_ONLY = ("clusterlab.charts",)


def _skip_reexported_member(app: Sphinx, what: str, name: str, obj, skip: bool, options) -> bool | None:
    documenting = app.env.temp_data.get("autodoc:module")
    home = getattr(obj, "__module__", None) or ""
    if documenting in OWN_MEMBERS_ONLY and home.startswith("clusterlab.") and not home.startswith(documenting + "."):
        return True
    return None


def setup(app: Sphinx) -> dict:
    citations.register()
    mathml.setup(app)
    app.add_config_value("clusterlab_vegalite_version", "5.20", "html")
    app.add_config_value("clusterlab_editions", ["fr", "en"], "html")
    app.add_config_value("clusterlab_site_url", "", "html")
    app.add_config_value("clusterlab_chapter_prefix", "chapters/{lang}/", "html")
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_page_context, priority=100)
    # after the theme has made its header buttons (priority 501)
    app.connect("html-page-context", _on_header_buttons, priority=600)
    app.connect("build-finished", _on_build_finished)
    app.add_post_transform(_FieldDashes)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
