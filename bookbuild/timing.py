"""How long a chapter takes, by one stated rule, so that no chapter's estimate is a guess.

The rule: the chapter's text is read at ``WORDS_PER_MINUTE`` words a minute, and each exercise takes
``MINUTES_PER_EXERCISE`` minutes. The text is every markdown cell but the exercises and their solutions
(counted as exercises), without the markup: labels, directive lines and their options, role names and
link targets, code. Both editions state the same time: the count is the mean of the two editions' words
(French runs longer than English for the same text). Reading and the total are rounded to 5 minutes.

``python -m bookbuild.apparatus`` writes each chapter's sentence (the paragraph that starts with
"Estimated time" in the chapter's first cell) and the instructor guide's table;
``tests/test_apparatus.py`` fails when they differ from what the rule gives today.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from clusterlab import labels

WORDS_PER_MINUTE = 120
MINUTES_PER_EXERCISE = 15
STEP = 5

_FENCED = re.compile(r"^(```|~~~).*?^\1\s*$", re.S | re.M)
_BLOCK = re.compile(r"^:::\{(exercise|solution)\}.*?^:::\s*$", re.S | re.M)
_EXERCISE = re.compile(r"^:::\{exercise\}", re.M)
_LABEL_LINE = re.compile(r"^\([\w-]+\)=\s*$", re.M)
_DIRECTIVE_LINE = re.compile(r"^(:::+|```+)(\{[\w-]+\})?.*$", re.M)
_OPTION_LINE = re.compile(r"^:[\w-]+:.*$", re.M)
_ROLE = re.compile(r"\{[\w:-]+\}`([^`<]*)(<[^>]*>)?`")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\]\([^)\s]*\)")
_HTML = re.compile(r"</?[A-Za-z][^>\n]*>")
_WORD = re.compile(r"\w")


def prose(markdown: str) -> str:
    """A chapter's markdown as a reader reads it: no exercises or solutions, no markup, no code, and not the
    time sentence itself (so that writing it does not change the count)."""
    text = _BLOCK.sub(" ", markdown)
    for language in labels.LANGUAGES:
        text = re.sub(re.escape(_prefix(language)) + r"[^\n]*", " ", text)
    text = _FENCED.sub(" ", text)
    for pattern in (_LABEL_LINE, _DIRECTIVE_LINE, _OPTION_LINE):
        text = pattern.sub(" ", text)
    text = _ROLE.sub(lambda m: m.group(1), text)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK.sub("]", text)
    return _HTML.sub(" ", text)


def words(markdown: str) -> int:
    """The number of words a reader reads in ``markdown`` (tokens with a letter or a digit)."""
    return sum(1 for token in prose(markdown).split() if _WORD.search(token))


def exercises(markdown: str) -> int:
    return len(_EXERCISE.findall(markdown))


def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def _round(minutes: float) -> int:
    return max(STEP, STEP * math.floor(minutes / STEP + 0.5))


@dataclass(frozen=True)
class Estimate:
    words: int
    exercises: int

    @property
    def reading(self) -> int:
        """Minutes of reading, rounded to ``STEP``."""
        return _round(self.words / WORDS_PER_MINUTE)

    @property
    def practice(self) -> int:
        return self.exercises * MINUTES_PER_EXERCISE

    @property
    def total(self) -> int:
        return self.reading + self.practice


def estimate(editions: list[Path]) -> Estimate:
    """The estimate of one chapter from its notebooks in every edition: the mean of their words, and their
    exercises (the editions must have the same number)."""
    texts = [_markdown(path) for path in editions]
    counts = {exercises(text) for text in texts}
    if len(counts) != 1:
        raise ValueError(f"the editions of {editions[0].name} have different numbers of exercises: {sorted(counts)}")
    mean = sum(words(text) for text in texts) / len(texts)
    return Estimate(words=round(mean), exercises=counts.pop())


def duration(minutes: int, language: str) -> str:
    """``minutes`` in words: "2 hours 30 minutes", « 1 heure 5 minutes », "35 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(labels.plural("book.apparatus.time_hours", hours, language))
    if rest or not hours:
        parts.append(labels.plural("book.apparatus.time_minutes", rest, language))
    return " ".join(parts)


def sentence(estimate: Estimate, language: str, extra: str = "") -> str:
    """The chapter's sentence, for example "**Estimated time:** 2 hours 30 minutes (35 minutes of reading, 2 hours
    for the 8 exercises, by the book's rule of 120 words a minute and 15 minutes an exercise)."."""
    return labels.message(
        "book.apparatus.time_sentence",
        language,
        total=duration(estimate.total, language),
        reading=duration(estimate.reading, language),
        practice=duration(estimate.practice, language),
        exercises=labels.plural("book.apparatus.time_exercises", estimate.exercises, language),
        words=WORDS_PER_MINUTE,
        minutes=MINUTES_PER_EXERCISE,
        extra=extra,
    )


# --------------------------------------------------------------------------- where the rule's results are written

#: Chapters whose time has a part the rule cannot count, with the catalogue key of the clause that says so
EXTRA = {"10-audit": "book.apparatus.time_audit"}
TABLE = ("<!-- estimated times: written by make apparatus (bookbuild/timing.py) -->", "<!-- end of estimated times -->")


def _prefix(language: str) -> str:
    """The start of the sentence, up to its first value: "**Estimated time:** "."""
    return labels.label("book.apparatus.time_sentence", language).split("{total}")[0]


def stated(source: str, language: str) -> str | None:
    """The sentence a chapter's first cell states today, or None."""
    found = re.search(re.escape(_prefix(language)) + r"[^\n]*", source)
    return found.group(0) if found else None


def restated(source: str, language: str, new: str) -> str:
    """``source`` with its time sentence replaced by ``new``."""
    if stated(source, language) is None:
        raise SystemExit(f"a chapter's first cell has no sentence starting with {_prefix(language)!r}")
    return re.sub(re.escape(_prefix(language)) + r"[^\n]*", lambda _: new, source, count=1)


def chapter_sentence(path: Path, language: str, root: Path) -> str:
    """The sentence the rule gives for the chapter at ``path`` (in ``language``'s edition)."""
    editions = sorted(p / path.name for p in (root / "chapters").iterdir() if (p / path.name).exists())
    extra = EXTRA.get(path.stem)
    return sentence(estimate(editions), language, labels.label(extra, language) if extra else "")


def chapter_notebook(path: Path, language: str, root: Path) -> str:
    """The chapter's notebook, as written on disk, with the rule's sentence in its first cell."""
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = restated(nb.cells[0].source, language, chapter_sentence(path, language, root))
    return nbformat.writes(nb) + "\n"


def table(chapters: list[tuple[int, str, Path]], language: str, root: Path) -> str:
    """The instructor guide's table of the chapters' estimates."""

    def word(key: str) -> str:
        return labels.label(f"book.apparatus.time_{key}", language)

    lines = [
        TABLE[0],
        "",
        f"| {word('chapter')} | {word('words')} | {word('reading')} | {word('practice')} | {word('total')} |",
    ]
    lines.append("|---|--:|--:|--:|--:|")
    for number, label, path in chapters:
        editions = sorted(p / path.name for p in (root / "chapters").iterdir() if (p / path.name).exists())
        found = estimate(editions)
        count = labels.message("book.apparatus.time_count", language, n=found.words)
        cells = [f"{number}. {{ref}}`{label}`", count, duration(found.reading, language)]
        cells += [f"{duration(found.practice, language)} ({found.exercises})", duration(found.total, language)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", TABLE[1]])
