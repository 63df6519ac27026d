"""Put each self-check question in its place in both editions (``python -m bookbuild.questions place``).

A question of ``clusterlab/questions/<chapter>.yml`` is shown by a code cell ``questions.ask("<id>")``
with the cell id ``q-<id>``, right after the cell its ``after`` names (after the questions already placed
there, in the file's order). The cell's code is hidden on the website (``remove-input``) and folded in
JupyterLab; the chapter's first code cell imports ``questions``. Cells of questions no longer in the file
are removed. Run ``make notebooks`` afterwards to store the outputs.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import nbformat

from bookbuild.editions import ROOT
from clusterlab import labels, questions

PREFIX = "q-"


def cell_for(question_id: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(f'questions.ask("{question_id}")')
    cell["id"] = PREFIX + question_id
    cell["metadata"] = {"tags": ["remove-input"], "jupyter": {"source_hidden": True}}
    return cell


def _imports_questions(nb: nbformat.NotebookNode) -> None:
    first = next(c for c in nb.cells if c.cell_type == "code")
    match = re.search(r"^from clusterlab import (.+)$", first.source, re.M)
    if match is None:
        raise SystemExit("the chapter's first code cell has no 'from clusterlab import …' line to extend")
    names = [n.strip() for n in match.group(1).split(",")]
    if "questions" not in names:
        names = sorted([*names, "questions"])
        first.source = first.source[: match.start(1)] + ", ".join(names) + first.source[match.end(1) :]


def place(path: Path, chapter_questions: list[questions.Question]) -> bool:
    """Place ``chapter_questions`` in the notebook at ``path``; return whether it changed."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    cells = [c for c in nb.cells if not c.get("id", "").startswith(PREFIX)]
    for question in chapter_questions:
        ids = [c.get("id") for c in cells]
        if question.after not in ids:
            raise SystemExit(f"{path}: no cell {question.after!r} for question {question.id!r}")
        at = ids.index(question.after) + 1
        while at < len(cells) and cells[at].get("id", "").startswith(PREFIX):
            at += 1
        kept = next((c for c in nb.cells if c.get("id") == PREFIX + question.id), None)
        cells.insert(at, kept if kept is not None else cell_for(question.id))
    nb.cells = cells
    if chapter_questions:
        _imports_questions(nb)
    if nbformat.writes(nb) == before:
        return False
    nbformat.write(nb, path)
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["place"])
    parser.parse_args(argv)
    for path in questions.files():
        found = questions.chapter_questions(path.stem)
        for language in labels.LANGUAGES:
            notebook = ROOT / "chapters" / language / f"{path.stem}.ipynb"
            if place(notebook, found):
                print(f"placed {len(found)} questions in {notebook.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
