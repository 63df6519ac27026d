"""Self-check questions: each chapter's questions with feedback, read from one data file per chapter.

The questions of a chapter are in ``clusterlab/questions/<chapter notebook's name>.yml``, the languages
side by side (``{fr: …, en: …}`` for every text). A notebook shows a question where it belongs with::

    questions.ask("lq-tiny-region")

whose output carries the question, its options and every feedback in the notebook's language
(``application/vnd.clusterlab.question+json``): the website draws it as a form that answers with no
kernel, and so does JupyterLab. A plain Markdown copy goes with it for any other reader of the file.

Kinds of question (``kind`` in the file):

``choice``
    Options, one right (``multiple: false``, radio buttons) or several (``multiple: true``, check boxes).
    Every option has its ``feedback``, right or wrong, which says why.
``numeric``
    A number: ``answer.value`` with its ``tolerance`` (absolute) and ``unit``; ``answer.wrong`` lists the
    common wrong answers (a share given as a percentage, the inverse ratio…), each with the feedback that
    names the mistake; ``answer.otherwise`` is said to any other wrong answer. French pages accept ``0,5``
    and ``0.5``; English pages ``0.5``.

A question with a ``chart`` block is a "read the chart" question: it asks the reader to set the controls
of the chart drawn by the notebook cell ``chart.cell`` to ``chart.controls`` (the names of the chart's
bound parameters and their values) and read the answer off it.

``misconceptions`` names, for the instructor's guide, the mistakes the chapter's wrong options are built on;
a question lists the ones it targets.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from clusterlab import labels

#: The folder of the chapters' question files.
FOLDER = Path(__file__).parent
#: The output's MIME type, which the website and JupyterLab draw as a form.
MIME = "application/vnd.clusterlab.question+json"
KINDS = ("choice", "numeric")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class QuestionFileError(ValueError):
    """A question file an author must fix: the message names the file, the question and what is wrong."""


@dataclass(frozen=True)
class Option:
    text: dict[str, str]
    correct: bool
    feedback: dict[str, str]


@dataclass(frozen=True)
class WrongAnswer:
    value: float
    tolerance: float
    feedback: dict[str, str]


@dataclass(frozen=True)
class Answer:
    value: float
    tolerance: float
    unit: dict[str, str]
    feedback: dict[str, str]
    otherwise: dict[str, str]
    wrong: tuple[WrongAnswer, ...] = ()


@dataclass(frozen=True)
class Question:
    """One question, in every language of the catalogues."""

    id: str
    chapter: str
    kind: str
    after: str
    text: dict[str, str]
    multiple: bool = False
    options: tuple[Option, ...] = ()
    answer: Answer | None = None
    chart: dict | None = None
    misconceptions: tuple[str, ...] = field(default=())

    @property
    def reads_chart(self) -> bool:
        return self.chart is not None

    @property
    def right(self) -> list[int]:
        """The indices of the right options of a choice (none for a number)."""
        return [i for i, option in enumerate(self.options) if option.correct]

    def check(self, response: str | int | list[int] | tuple[int, ...], language: str | None = None) -> tuple[bool, str]:
        """Whether ``response`` is right, and the feedback the reader gets, as the website and JupyterLab give
        them: an option's index (or the list of indices ticked) for a choice, the typed text for a number."""
        lang = labels.get_language() if language is None else language
        if self.kind == "choice":
            chosen = {response} if isinstance(response, int) else set(response)
            right = chosen == set(self.right)
            feedback = " ".join(self.options[i].feedback[lang] for i in sorted(chosen))
            return right, feedback
        number = parse_number(str(response), lang)
        if number is None:
            return False, labels.label("question.not_a_number", lang)
        if abs(number - self.answer.value) <= self.answer.tolerance + 1e-12:
            return True, self.answer.feedback[lang]
        for wrong in self.answer.wrong:
            if abs(number - wrong.value) <= wrong.tolerance + 1e-12:
                return False, wrong.feedback[lang]
        return False, self.answer.otherwise[lang]

    def payload(self, language: str | None = None) -> dict:
        """What the output carries: the question in ``language``, with the words of the form."""
        lang = labels.get_language() if language is None else language
        data: dict = {
            "id": self.id,
            "chapter": self.chapter,
            "kind": self.kind,
            "language": lang,
            "text": self.text[lang],
            "words": {key: labels.label(f"question.{key}", lang) for key in _WORDS},
        }
        if self.kind == "choice":
            data["multiple"] = self.multiple
            data["options"] = [
                {"text": o.text[lang], "correct": o.correct, "feedback": o.feedback[lang]} for o in self.options
            ]
        else:
            a = self.answer
            data["answer"] = {
                "value": a.value,
                "tolerance": a.tolerance,
                "unit": a.unit[lang],
                "feedback": a.feedback[lang],
                "otherwise": a.otherwise[lang],
                "wrong": [{"value": w.value, "tolerance": w.tolerance, "feedback": w.feedback[lang]} for w in a.wrong],
            }
        if self.chart is not None:
            data["chart"] = {"cell": self.chart["cell"], "controls": dict(self.chart["controls"])}
        return data

    def markdown(self, language: str | None = None) -> str:
        """The question as plain Markdown (for a reader of the file without the book's renderer)."""
        lang = labels.get_language() if language is None else language
        lines = [f"**{labels.label('question.heading', lang)}** {self.text[lang]}", ""]
        if self.kind == "choice":
            lines += [f"- {o.text[lang]}" for o in self.options]
        return "\n".join(lines).rstrip() + "\n"


_WORDS = ("heading", "check", "right", "wrong", "answer_label", "not_a_number", "choose", "several", "score", "clear")


class Shown:
    """A question as a notebook output (what :func:`ask` returns)."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {MIME: self.question.payload(), "text/markdown": self.question.markdown()}

    def __repr__(self) -> str:
        return f"<question {self.question.id}>"


def ask(question_id: str) -> Shown:
    """The question ``question_id`` for a notebook cell, in the language in force."""
    questions = all_questions()
    if question_id not in questions:
        close = [q for q in questions if q.split("-")[0] == question_id.split("-")[0]][:5]
        raise KeyError(f"no question {question_id!r}; questions with the same start: {close}")
    return Shown(questions[question_id])


def parse_number(text: str, language: str) -> float | None:
    """The number a reader typed, or None: French accepts ``0,5`` and ``0.5`` (and spaces between
    thousands), English ``0.5`` and ``1,234.5``; a minus sign may be ``-`` or ``−``, a ``%`` is not a number."""
    cleaned = text.strip().replace("\u2212", "-").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if language == "fr":
        if "," in cleaned and "." in cleaned:
            return None
        cleaned = cleaned.replace(",", ".")
    elif "," in cleaned:
        if not re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
            return None
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    return float(cleaned)


# --- reading the files -------------------------------------------------------------------------------


def files() -> list[Path]:
    """The chapters' question files, in the chapters' order."""
    return sorted(FOLDER.glob("*.yml"))


@functools.cache
def all_questions() -> dict[str, Question]:
    """Every question of the book by id (ids are unique across the book)."""
    found: dict[str, Question] = {}
    for path in files():
        for question in chapter_questions(path.stem):
            if question.id in found:
                raise QuestionFileError(
                    f"{path.name}: question id {question.id!r} is already used in {found[question.id].chapter}.yml"
                )
            found[question.id] = question
    return found


@functools.cache
def chapter_file(chapter: str) -> dict:
    path = FOLDER / f"{chapter}.yml"
    if not path.is_file():
        raise FileNotFoundError(
            f"no question file {path.name}: chapters with questions are {[p.stem for p in files()]}"
        )
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def misconceptions(chapter: str) -> dict[str, dict[str, str]]:
    """The misconceptions the chapter's questions target: ``{key: {language: sentence}}``."""
    found = chapter_file(chapter).get("misconceptions") or {}
    for key, text in found.items():
        _texts(text, f"{chapter}.yml: misconception {key!r}")
    return found


def chapter_questions(chapter: str) -> list[Question]:
    """The questions of ``chapter`` (a notebook's name, e.g. ``"04-measuring-clusters"``), checked."""
    raw = chapter_file(chapter)
    known = set(misconceptions(chapter))
    return [_question(entry, chapter, known, i) for i, entry in enumerate(raw.get("questions") or [])]


def _texts(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, Mapping) or set(value) != set(labels.LANGUAGES):
        raise QuestionFileError(f"{where}: needs a text in each language {list(labels.LANGUAGES)}, got {value!r}")
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise QuestionFileError(f"{where}: the {lang} text is empty")
        if lang == "fr" and re.search(r"(?<![\u00a0\u202f]):|[ ][;!?]|(?<!\u202f)[;!?](?=\s|$)|« | »", text):
            raise QuestionFileError(
                f"{where}: French typography: no-break space (U+00A0) before ':' and inside « », narrow no-break "
                f"space (U+202F) before ; ! ? — in {text!r}"
            )
    return dict(value)


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise QuestionFileError(f"{where}: needs a number, got {value!r}")
    return float(value)


def _question(entry: dict, chapter: str, known: set[str], index: int) -> Question:
    qid = entry.get("id")
    where = f"{chapter}.yml, question {qid or index + 1}"
    if not isinstance(qid, str) or not _ID.match(qid):
        raise QuestionFileError(f"{where}: id must be lowercase words joined by hyphens, got {qid!r}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise QuestionFileError(f"{where}: kind must be one of {KINDS}, got {kind!r}")
    if not isinstance(entry.get("after"), str):
        raise QuestionFileError(f"{where}: 'after' must name the notebook cell (its id) the question follows")
    targets = tuple(entry.get("misconceptions") or ())
    unknown = [t for t in targets if t not in known]
    if unknown:
        raise QuestionFileError(f"{where}: misconceptions {unknown} are not listed under 'misconceptions'")
    chart = entry.get("chart")
    if chart is not None and (not isinstance(chart.get("cell"), str) or not isinstance(chart.get("controls"), dict)):
        raise QuestionFileError(f"{where}: a chart block needs 'cell' (the chart's cell id) and 'controls'")
    common = {
        "id": qid,
        "chapter": chapter,
        "kind": kind,
        "after": entry["after"],
        "text": _texts(entry.get("text"), f"{where}, text"),
        "chart": chart,
        "misconceptions": targets,
    }
    if kind == "choice":
        options = tuple(
            Option(
                _texts(o.get("text"), f"{where}, option {n + 1}"),
                o.get("correct") is True,
                _texts(o.get("feedback"), f"{where}, option {n + 1} feedback"),
            )
            for n, o in enumerate(entry.get("options") or [])
        )
        right = sum(o.correct for o in options)
        multiple = entry.get("multiple", False) is True
        if len(options) < 2 or right == 0 or (right > 1 and not multiple):
            raise QuestionFileError(
                f"{where}: a choice needs 2 options or more and one right option (several with 'multiple: true')"
            )
        return Question(**common, multiple=multiple, options=options)
    raw = entry.get("answer") or {}
    wrong = tuple(
        WrongAnswer(
            _number(w.get("value"), f"{where}, wrong answer {n + 1}"),
            _number(w.get("tolerance", 0), f"{where}, wrong answer {n + 1} tolerance"),
            _texts(w.get("feedback"), f"{where}, wrong answer {n + 1} feedback"),
        )
        for n, w in enumerate(raw.get("wrong") or [])
    )
    answer = Answer(
        value=_number(raw.get("value"), f"{where}, answer"),
        tolerance=_number(raw.get("tolerance"), f"{where}, tolerance"),
        unit=dict(raw.get("unit") or {lang: "" for lang in labels.LANGUAGES}),
        feedback=_texts(raw.get("feedback"), f"{where}, answer feedback"),
        otherwise=_texts(raw.get("otherwise"), f"{where}, answer otherwise"),
        wrong=wrong,
    )
    for w in wrong:
        if abs(w.value - answer.value) <= max(w.tolerance, answer.tolerance):
            raise QuestionFileError(f"{where}: wrong answer {w.value} is within the right answer's tolerance")
    return Question(**common, answer=answer)
