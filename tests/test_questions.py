"""The self-check questions' files: every question is complete in every language, its twin texts agree
in what can be checked (kind, right answers, number of options), every option and common wrong answer
has its feedback, and the form's rules for reading a typed number hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import settable

from clusterlab import labels, questions

CHAPTERS = Path(__file__).parents[1] / "chapters"
NOTEBOOKS = sorted(p.stem for p in (CHAPTERS / "en").glob("[0-9][0-9]-*.ipynb"))


def cells(language: str, chapter: str) -> dict[str, dict]:
    nb = json.loads((CHAPTERS / language / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    return {cell["id"]: cell for cell in nb["cells"]}


def test_every_question_file_is_named_after_a_chapter():
    assert questions.files(), "no question file"
    for path in questions.files():
        assert path.stem in NOTEBOOKS, f"{path.name} names no chapter notebook"


def test_every_question_reads_and_ids_are_unique_across_the_book():
    found = questions.all_questions()
    assert len(found) == sum(len(questions.chapter_questions(p.stem)) for p in questions.files())


@pytest.mark.parametrize("question", list(questions.all_questions().values()), ids=lambda q: q.id)
def test_each_question_is_whole_in_every_language(question):
    for language in labels.LANGUAGES:
        payload = question.payload(language)
        assert payload["text"]
        if question.kind == "choice":
            assert len(payload["options"]) >= 2
            assert all(o["feedback"] for o in payload["options"])
            # the verdict is printed by the form: a feedback does not begin by giving it again
            assert not any(re.match(r"(Right|Wrong|Juste|Faux)\b", o["feedback"]) for o in payload["options"])
        else:
            assert payload["answer"]["feedback"] and payload["answer"]["otherwise"]
            assert all(w["feedback"] for w in payload["answer"]["wrong"])
    # the right answers are the same whatever the language: they are stored once
    if question.kind == "numeric":
        assert question.check(repr(question.answer.value), "en")[0]
        assert question.check(repr(question.answer.value).replace(".", ","), "fr")[0]


@pytest.mark.parametrize("question", list(questions.all_questions().values()), ids=lambda q: q.id)
def test_each_question_sits_after_a_cell_of_its_chapter_in_both_editions(question):
    for language in labels.LANGUAGES:
        found = cells(language, question.chapter)
        assert question.after in found, f"{question.id}: no cell {question.after} in {language}/{question.chapter}"
        if question.chart:
            cell = found[question.chart["cell"]]
            spec = next(o["data"] for o in cell["outputs"] if "application/vnd.vegalite.v5+json" in o.get("data", {}))
            bound = {p["name"] for p in _params(spec["application/vnd.vegalite.v5+json"]) if "bind" in p}
            assert set(question.chart["controls"]) <= bound, f"{question.id}: the chart's controls are {bound}"


def _params(spec: dict):
    for key, value in spec.items():
        if key == "params":
            yield from value
        elif isinstance(value, dict):
            yield from _params(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from _params(item)


@pytest.mark.parametrize(
    ("typed", "language", "number"),
    [
        ("0,5", "fr", 0.5),
        ("0.5", "fr", 0.5),
        ("1\u202f234,5", "fr", 1234.5),
        ("−2", "fr", -2.0),
        ("0.5", "en", 0.5),
        ("1,234.5", "en", 1234.5),
        ("0,5", "en", None),
        ("12%", "en", None),
        ("abc", "fr", None),
        ("1,2.3", "fr", None),
    ],
)
def test_typed_numbers_are_read_as_each_language_writes_them(typed, language, number):
    assert questions.parse_number(typed, language) == number


def refused(tmp_path, monkeypatch, text: str) -> questions.QuestionFileError:
    """The error a question file holding ``text`` gets when it is read."""
    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(questions, "FOLDER", tmp_path)
    questions.chapter_file.cache_clear()
    try:
        with pytest.raises(questions.QuestionFileError) as err:
            questions.chapter_questions("x")
    finally:
        questions.chapter_file.cache_clear()
    return err.value


def test_a_bad_file_gets_an_error_that_says_what_to_fix(tmp_path, monkeypatch):
    err = refused(tmp_path, monkeypatch, "questions:\n  - id: Bad Id\n    kind: choice\n")
    assert "lowercase words joined by hyphens" in str(err)


def test_french_typography_is_checked(tmp_path, monkeypatch):
    text = 'questions:\n  - id: a\n    kind: choice\n    after: c\n    text: {en: "Why?", fr: "Pourquoi ?"}\n'
    assert "French typography" in str(refused(tmp_path, monkeypatch, text))


@pytest.mark.parametrize("question", [q for q in questions.all_questions().values() if q.chart], ids=lambda q: q.id)
def test_a_chart_question_asks_for_settings_its_controls_can_take(question):
    for language in labels.LANGUAGES:
        cell = cells(language, question.chapter)[question.chart["cell"]]
        spec = next(o["data"] for o in cell["outputs"] if "application/vnd.vegalite.v5+json" in o.get("data", {}))
        bound = {p["name"]: p["bind"] for p in _params(spec["application/vnd.vegalite.v5+json"]) if "bind" in p}
        for name, value in question.chart["controls"].items():
            bind = bound[name]
            assert settable(bind, value), f"{question.id}: {name} cannot be set to {value!r} ({bind})"


def test_every_computed_answer_is_recomputed_by_a_chapter_test():
    """A numeric answer, and every answer read on a chart, is recomputed from the package by the chapter's
    test (tests/test_chapter_*.py), which names the question."""
    tests = " ".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_chapter_*.py"))
    missing = [
        q.id
        for q in questions.all_questions().values()
        if (q.kind == "numeric" or q.chart) and f'"{q.id}"' not in tests
    ]
    assert missing == []
