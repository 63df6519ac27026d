"""The book's notebooks as a reader sees them outside the website.

The chapters are written in MyST for Sphinx: citations, glossary terms and cross-references are roles
(``{cite:p}`key```, ``{term}`location quotient```, ``{ref}`label```) that only the website's build
resolves. jupyterlab-myst draws the boxes, exercises, folded solutions and maths in JupyterLab, but it
cannot see the bibliography, the glossary or the other chapters. :func:`reader_markdown` writes each
role as the website shows it: a citation as its in-text citation linked to the bibliography page, a
term as its text linked to its glossary entry, a cross-reference as its title linked to the target (a
label of the same notebook, the notebook beside it, or the website page). The words come from
``links.json``, which the website's build produces (``bookbuild/readerlinks.py``).

:func:`handout` also takes out the solutions and quiz answers (the students' copy of ``make handouts``).
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from pathlib import Path

LINKS = Path(__file__).with_name("links.json")

#: the roles the book's notebooks use, with their content
ROLE = re.compile(r"\{(cite:p|cite:t|cite|term|ref|numref)\}`([^`]*)`")
EXPLICIT = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
LANGUAGE_LINE = re.compile(r"""labels\.set_language\(\s*["']([a-z]{2})["']\s*\)""")
#: a directive's opening fence: ``:::{solution} label`` or ```` ```{admonition} Answers ````
FENCE = re.compile(r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[a-z-]+)\}\s*(?P<arg>.*)$")
#: titles of the quiz answers' folded boxes, in each edition
ANSWER_TITLES = {"Answers", "Réponses"}


class UnknownTarget(KeyError):
    """A role names a key, term or label the website's build does not know."""

    def __str__(self) -> str:
        return str(self.args[0])


@lru_cache(maxsize=1)
def links() -> dict:
    """The website's words for citations, terms and labels, both editions (``links.json``)."""
    return json.loads(LINKS.read_text(encoding="utf-8"))


def edition_of(nb: dict) -> str | None:
    """The edition of a book notebook: the language its first code cells set, or None for any
    other notebook (which is then left as it is)."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            found = LANGUAGE_LINE.search(_text(cell.get("source", "")))
            if found:
                return found.group(1)
    return None


def _text(source) -> str:
    return source if isinstance(source, str) else "".join(source)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def page_url(site: str, language: str, page: str, anchor: str = "") -> str:
    return f"{site}{language}/{page}.html" + (f"#{anchor}" if anchor else "")


class Resolver:
    """Writes the roles of one edition's notebook as Markdown links."""

    def __init__(self, language: str, here: str | None = None, data: dict | None = None):
        data = data or links()
        if language not in data["editions"]:
            raise ValueError(f"no edition {language!r} in links.json (editions: {sorted(data['editions'])})")
        self.language = language
        self.site = data["site"]
        self.book = data["editions"][language]
        self.here = here  # the notebook's file name without .ipynb, for references inside it
        self._terms = {name.lower(): value for name, value in self.book["term"].items()}

    def chapter(self) -> str | None:
        """The chapter number of this notebook on the website ("4"), or None (unnumbered pages)."""
        if self.here is None:
            return None
        return self.book.get("chapter", {}).get(f"chapters/{self.language}/{self.here}")

    def url(self, entry: dict) -> str:
        return page_url(self.site, self.language, entry["page"], entry.get("anchor", ""))

    def cite(self, kind: str, target: str) -> str:
        keys = [key.strip() for key in target.split(",") if key.strip()]
        for key in keys:
            if key not in self.book["cite"]:
                raise UnknownTarget(f"no bibliography entry {key!r}")
        # as the website lists them: in the bibliography's order
        keys.sort(key=lambda key: self.book["cite"][key]["order"])
        parts = []
        for key in keys:
            entry = self.book["cite"][key]
            text = entry["t"] if kind == "t" else entry["p"]
            parts.append(f"[{_escape(text)}]({self.url(entry)})")
        brackets = self.book["brackets"]
        if kind == "t":
            return brackets["sep"].join(parts)
        return brackets["left"] + brackets["sep"].join(parts) + brackets["right"]

    def term(self, content: str) -> str:
        text, target = _split(content)
        entry = self.book["term"].get(target) or self._terms.get(target.lower())
        if entry is None:
            raise UnknownTarget(f"no glossary term {target!r}")
        return f"[{_escape(text)}]({self.url(entry)})"

    def ref(self, content: str, numbered: bool = False) -> str:
        text, label = _split(content)
        entry = self.book["label"].get(label)
        if entry is None:
            raise UnknownTarget(f"no label {label!r}")
        if text == label:
            text = entry["text"]
        elif numbered:
            # {numref}`exercise %s <label>`: the number as the website gives it ("1.5")
            number = entry["text"].rsplit(" ", 1)[-1]
            text = text.replace("%s", number).replace("{number}", number)
        page = entry["page"].rsplit("/", 1)[-1]
        if entry.get("notebook") and page == self.here:
            target = f"#{label}"
        elif entry.get("notebook"):
            target = f"{page}.ipynb"
        else:
            target = self.url(entry)
        return f"[{_escape(text)}]({target})"

    def __call__(self, match: re.Match) -> str:
        role, content = match.group(1), match.group(2)
        if role.startswith("cite"):
            return self.cite("t" if role == "cite:t" else "p", content)
        if role == "term":
            return self.term(content)
        return self.ref(content, numbered=role == "numref")


def _split(content: str) -> tuple[str, str]:
    explicit = EXPLICIT.match(content.strip())
    if explicit:
        return explicit.group(1).strip(), explicit.group(2).strip()
    return content.strip(), content.strip()


def reader_markdown(source: str, resolver: Resolver) -> str:
    """One Markdown cell with every role written as the website shows it."""
    return ROLE.sub(resolver, source)


def reader_notebook(nb: dict, here: str | None = None, data: dict | None = None) -> dict:
    """A copy of a book notebook whose Markdown reads as the website (other notebooks: unchanged)."""
    language = edition_of(nb)
    out = copy.deepcopy(nb)
    if language is None:
        return out
    resolver = Resolver(language, here, data)
    markdown = [cell for cell in out["cells"] if cell["cell_type"] == "markdown"]
    for cell in markdown:
        cell["source"] = reader_markdown(_text(cell["source"]), resolver)
    chapter = resolver.chapter()
    if chapter and markdown:
        # jupyterlab-myst numbers exercises and equations as the website does (4.1, 4.2, … in chapter 4):
        # page front matter in the first cell, which mystmd reads and does not show
        markdown[0]["source"] = f'---\nnumbering:\n  enumerator: "{chapter}.%s"\n---\n' + markdown[0]["source"]
    return out


def remove_answers(source: str) -> tuple[str, list[str]]:
    """The cell without its solution blocks and quiz answers; also the removed blocks' text."""
    lines = source.split("\n")
    kept: list[str] = []
    removed: list[str] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        answer = opening and (
            opening["name"] == "solution"
            or (opening["name"] == "admonition" and opening["arg"].strip() in ANSWER_TITLES)
        )
        if not answer:
            kept.append(lines[i])
            i += 1
            continue
        fence = opening["fence"]
        closing = re.compile("^" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        if j == len(lines):
            raise ValueError(f"unclosed {{{opening['name']}}} block: {lines[i]!r}")
        removed.append("\n".join(lines[i : j + 1]))
        i = j + 1
        # no double blank line where the block was
        while i < len(lines) and not lines[i].strip() and kept and not kept[-1].strip():
            i += 1
    text = "\n".join(kept)
    return text.rstrip("\n") + ("\n" if source.endswith("\n") and text.strip() else ""), removed


def handout(nb: dict, audience: str, here: str | None = None, data: dict | None = None) -> dict:
    """A handout of a book notebook: ``"instructor"`` keeps everything, ``"student"`` has no solution and
    no quiz answer (the blocks are removed, not hidden). Roles read as on the website; the reviewed outputs
    stay, so that a handout reads whole before any cell is run."""
    if audience not in ("student", "instructor"):
        raise ValueError(f"audience must be 'student' or 'instructor', not {audience!r}")
    out = reader_notebook(nb, here, data)
    cells = []
    for cell in out["cells"]:
        if cell["cell_type"] == "markdown" and audience == "student":
            cell["source"], _ = remove_answers(_text(cell["source"]))
            if not cell["source"].strip():
                continue
        cells.append(cell)
    out["cells"] = cells
    return out
