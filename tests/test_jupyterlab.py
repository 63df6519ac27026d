"""A real JupyterLab from the reader's environment on 127.0.0.1, driven in Chromium with every other host
blocked: every notebook of both editions reads as a book page (no MyST markup, solutions folded, citations
and terms as links, numbering as on the website) and is left as it was; the demonstration page and two
chapters per edition (outputs cleared) run top to bottom and draw their charts and widgets offline."""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import EDITIONS, ROOT

from bookbuild.lab import only_this_host, running_lab

NOTEBOOK = "how-this-book-works.ipynb"
#: JupyterLab settings of the tests only: start the kernel without asking, and render every cell (no
#: windowing) so that the tests see the last ones. Everything else is the reader's environment's own.
TEST_SETTINGS = {"@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True, "windowingMode": "none"}}

#: the demonstration page of each edition, and two chapters per edition, run top to bottom
CASES = [(language, NOTEBOOK) for language in EDITIONS] + [
    ("fr", "04-measuring-clusters.ipynb"),
    ("fr", "08-threats.ipynb"),
    ("en", "10-audit.ipynb"),
    ("en", "01-marshall-district.ipynb"),
]

#: What a new user types into the audit's choices cell: their own file, next to the notebook.
AUDIT_CHOICES = (
    'MY_FILE = "my_region.csv"\nMY_FILE_OPTIONS = {}\nREGION = "Le Havre"\nINDUSTRY = "C20"\n'
    'HOME = "FRA"\nPLANT_SIZES = None\nEXPORT_SHARE = None\nEXPORT_SOURCE = None\nGOVERNANCE = None'
)
AUDIT_FILE = (
    "region,industry,employment\nRouen,C10,1200\nRouen,C20,3400\nLe Havre,C10,800\nLe Havre,C20,5200\n"
    "Dieppe,C10,450\nDieppe,C20,120\n"
)


PAGES = [
    (language, path.name) for language in EDITIONS for path in sorted((ROOT / "chapters" / language).glob("*.ipynb"))
]
#: MyST a reader must never see as typed
RAW = [
    ":::{",
    "```{",
    "{term}`",
    "{cite",
    "{ref}`",
    "{numref}`",
    "{eq}`",
    ":label:",
    ":class:",
    "Unknown Directive",
    "Unknown Role",
]
LABEL_LINE = re.compile(r"^\(\S+\)=$", re.M)
READ = """() => {
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')];
  const rendered = cells.map(c => c.querySelector('.myst')).filter(Boolean);
  const folded = [...document.querySelectorAll('.jp-Notebook .myst details')];
  return {
    cells: cells.length,
    texts: rendered.map(r => r.innerText),
    folds: folded.map(d => ({open: d.open, summary: d.querySelector('summary').innerText,
                             hidden: [...d.querySelectorAll('.details-body')].every(b => !b.checkVisibility())})),
    links: [...document.querySelectorAll('.jp-Notebook .myst a[href]')].map(a => [a.innerText, a.getAttribute('href')]),
    titles: [...document.querySelectorAll('.jp-Notebook .myst .myst-exercise-title')].map(t => t.innerText),
    dirty: [...document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty')].map(t => t.innerText),
  };
}"""


def charts_in(nb) -> int:
    """How many charts the committed notebook draws (Vega-Lite outputs)."""
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if any("vegalite" in mime for mime in output.get("data", {}))
    )


@pytest.fixture(params=CASES, ids=[f"{lang}-{name.split('.')[0]}" for lang, name in CASES])
def lab(request, tmp_path):
    """A fresh JupyterLab serving a copy of one notebook of one edition, outputs cleared."""
    (language, notebook), root = request.param, tmp_path
    nb = nbformat.read(ROOT / "chapters" / language / notebook, as_version=4)
    expected = charts_in(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, root / notebook)
    with running_lab(root, TEST_SETTINGS) as (base, token):
        yield base, token, language, notebook, root, expected


def choose_file(page, path: Path) -> None:
    """Click the upload button and pick ``path`` in the file chooser, as a reader does."""
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").first.click()
    chooser.value.set_files(str(path))


@pytest.mark.browser
def test_run_all_cells_draws_the_charts_offline(browser, lab):
    base, token, language, notebook, root, expected = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    blocked: list[str] = []
    only_this_host(page, blocked)
    try:
        page.goto(f"{base}/lab/tree/{notebook}?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
        # should JupyterLab still ask which kernel to start, take the notebook's own
        try:
            page.locator(".jp-Dialog .jp-mod-accept").click(timeout=3000)
        except Exception:
            pass
        # wait until the kernel is ready, then Run > Run All Cells
        page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60000)
        if notebook.startswith("09-"):
            # a new user puts their file next to the notebook and types their choices over the example's
            (root / "my_region.csv").write_text(AUDIT_FILE, encoding="utf-8")
            editor = page.locator(".jp-CodeCell", has_text="MY_FILE = None").locator(".cm-content").first
            editor.click()
            page.keyboard.press("Control+a")
            page.keyboard.press("Delete")
            for line in AUDIT_CHOICES.split("\n"):
                page.keyboard.type(line)
                page.keyboard.press("Enter")
            typed = page.locator(".jp-CodeCell", has_text="my_region.csv").locator(".cm-content").first.inner_text()
            assert typed.split() == AUDIT_CHOICES.split(), typed
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        # every code cell ran (execution counts 1 to 4) ...
        # (a cell whose code is folded, such as a self-check question's, shows its count on its output)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-CodeCell')].every(c => ['.jp-InputPrompt', '.jp-OutputPrompt']"
            ".some(s => /\\[\\d+\\]/.test((c.querySelector(s) || {}).textContent || '')))",
            timeout=90000,
        )
        # ... and JupyterLab's own Vega drew the kernel-free chart and the widget's chart
        charts = expected
        page.wait_for_function(
            "n => document.querySelectorAll('.jp-RenderedVegaLite canvas, .jp-RenderedVegaLite svg').length >= n",
            arg=charts,
            timeout=60000,
        )
        if notebook == NOTEBOOK:
            page.locator(".widget-slider").first.wait_for(timeout=30000)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.first.inner_text() if errors.count() else ""
        assert blocked == [], f"JupyterLab asked other hosts for: {blocked}"
        if notebook.startswith("09-"):
            # the audit read the user's file and wrote its draft for Le Havre
            page.get_by_text("my_region.csv: 6 rows read").first.wait_for(timeout=30000)
            page.get_by_text("The region Le Havre employs 5,200 people").first.wait_for(timeout=30000)
        if notebook.startswith("04-"):
            # a reader uploads their own file, then a broken one, as a new user would
            mine = root / "mon_territoire.csv"
            mine.write_text(
                "région;secteur;effectifs\nRouen;C10;120\nRouen;C29;40\nLe Havre;C10;80\nLe Havre;C29;300\n",
                encoding="utf-8",
            )
            choose_file(page, mine)
            page.get_by_text("4 lignes lues").wait_for(timeout=30000)
            broken = root / "casse.csv"
            broken.write_text("région;secteur;effectifs\nRouen;C10;-5\n", encoding="utf-8")
            choose_file(page, broken)
            # a French reader reads the error in French, under the French summary
            page.get_by_text("la colonne 'effectifs' contient des effectifs négatifs").wait_for(timeout=30000)
    except Exception:
        shot = Path(os.environ.get("TMPDIR", "/tmp")) / f"jupyterlab-{language}-failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
        raise
    finally:
        context.close()


def stop_kernels(base: str, token: str) -> None:
    """Shut down every session the server has (each notebook opened starts its kernel)."""
    headers = {"Authorization": f"token {token}"}
    sessions = json.load(urllib.request.urlopen(urllib.request.Request(f"{base}/api/sessions", headers=headers)))
    for session in sessions:
        urllib.request.urlopen(
            urllib.request.Request(f"{base}/api/sessions/{session['id']}", method="DELETE", headers=headers)
        )


@pytest.mark.browser
def test_every_notebook_reads_as_a_book_page_and_is_left_as_it_was(browser, tmp_path):
    """Open every notebook of both editions as a reader does, in the reader's environment."""
    from clusterlab.jupyter.reader import ROLE, links

    shutil.copytree(ROOT / "chapters", tmp_path / "chapters")
    before = {p: p.read_bytes() for p in (tmp_path / "chapters").rglob("*.ipynb")}
    site = links()["site"]
    settings = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
    with running_lab(tmp_path, settings) as (base, token):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        blocked: list[str] = []
        only_this_host(page, blocked)
        try:
            for language, name in PAGES:
                nb = nbformat.read(ROOT / "chapters" / language / name, as_version=4)
                markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
                solutions = sum(len(re.findall(r"^:::+\{solution\}", m, re.M)) for m in markdown)
                answers = sum(len(re.findall(r"^:::+\{admonition\} (?:Answers|Réponses)$", m, re.M)) for m in markdown)
                roles = [r for m in markdown for r in ROLE.findall(m)]
                cited = sum(len(content.split(",")) for role, content in roles if role.startswith("cite"))
                terms = sum(1 for role, _ in roles if role == "term")
                page.goto(f"{base}/lab/tree/chapters/{language}/{name}?reset&token={token}")
                page.wait_for_function(
                    "n => document.querySelectorAll('.jp-Notebook .jp-MarkdownCell .myst').length >= n",
                    arg=len(markdown),
                    timeout=60000,
                )
                page.wait_for_timeout(1500)
                seen = page.evaluate(READ)
                where = f"{language}/{name}"
                assert seen["cells"] == len(markdown) == len(seen["texts"]), where
                for text in seen["texts"]:
                    for raw in RAW:
                        assert raw not in text, (where, raw, text[:300])
                    assert not LABEL_LINE.search(text), (where, LABEL_LINE.search(text).group(0))
                # every solution and every quiz answer folded, its text hidden until clicked
                folds = seen["folds"]
                assert sum(1 for f in folds if f["summary"].startswith(("Solution", "Solution de"))) == solutions, where
                assert all(not f["open"] and f["hidden"] for f in folds), where
                assert len(folds) >= solutions + answers, where
                # citations and terms are links to the website's bibliography and glossary
                to_site = [(text, href) for text, href in seen["links"] if href.startswith(site)]
                assert sum(1 for _, h in to_site if "/references.html#" in h) >= cited, where
                assert sum(1 for _, h in to_site if "/glossary.html#term-" in h) >= terms, where
                # exercises numbered as on the website: 4.1, 4.2, … in chapter 4
                number = name[:2].lstrip("0")
                if number.isdigit() and solutions:
                    exercises = [t for t in seen["titles"] if t.startswith(("Exercise", "Exercice"))]
                    assert exercises and all(t.split()[1].startswith(f"{number}.") for t in exercises), (
                        where,
                        exercises,
                    )
                assert seen["dirty"] == [], (where, seen["dirty"])
                if solutions:
                    # a click opens a solution
                    summary = page.locator(".jp-Notebook .myst details summary", has_text="Solution").first
                    summary.click()
                    body = page.locator(".jp-Notebook .myst details[open] .details-body").first
                    body.wait_for(state="visible", timeout=10000)
                stop_kernels(base, token)
            assert blocked == [], f"JupyterLab asked other hosts for: {blocked}"
        except Exception:
            shot = Path(os.environ.get("TMPDIR", "/tmp")) / "jupyterlab-reading-failure.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"screenshot of the failure: {shot}")
            raise
        finally:
            context.close()
    # opened, read, closed: no notebook changed
    changed = [str(p.relative_to(tmp_path)) for p, data in before.items() if p.read_bytes() != data]
    assert changed == []


@pytest.mark.browser
@pytest.mark.parametrize("language", EDITIONS)
def test_the_self_check_questions_answer_the_same_way_in_jupyterlab(browser, tmp_path, language):
    """The committed notebook opened in the reader's JupyterLab, every other host blocked: each question is
    drawn by the book's renderer extension with its data-question id, and answers as on the website."""
    from test_questions_browser import answer, sample, typed, verdict

    from clusterlab import labels, questions

    chapter = "08-threats"
    found = questions.chapter_questions(chapter)
    shutil.copy(ROOT / "chapters" / language / f"{chapter}.ipynb", tmp_path)
    settings = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
    with running_lab(tmp_path, settings) as (base, token):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        blocked: list[str] = []
        only_this_host(page, blocked)
        try:
            page.goto(f"{base}/lab/tree/{chapter}.ipynb?reset&token={token}")
            page.wait_for_function(
                "n => document.querySelectorAll('.jp-Notebook .cl-question form').length >= n",
                arg=len(found),
                timeout=60000,
            )
            ids = page.eval_on_selector_all(".jp-Notebook .cl-question", "hosts => hosts.map(h => h.dataset.question)")
            assert ids == [q.id for q in found]
            right_word, wrong_word = labels.label("question.right", language), labels.label("question.wrong", language)
            for q in sample(found):
                host = page.locator(f'.jp-Notebook .cl-question[data-question="{q.id}"]')
                host.scroll_into_view_if_needed()
                if q.kind == "choice":
                    wrong = next(i for i, o in enumerate(q.options) if not o.correct)
                    answer(host, q, [wrong] if q.multiple else wrong)
                    assert verdict(host) == ("wrong", f"{wrong_word} {q.options[wrong].feedback[language]}")
                    right = [i for i, o in enumerate(q.options) if o.correct]
                    answer(host, q, right if q.multiple else right[0])
                    assert verdict(host)[0] == "right"
                else:
                    answer(host, q, typed(q.answer.value, language))
                    assert verdict(host) == ("right", f"{right_word} {q.answer.feedback[language]}")
            assert blocked == [], f"JupyterLab asked other hosts for: {blocked}"
            stop_kernels(base, token)
        finally:
            context.close()
