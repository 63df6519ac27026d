"""The rule that gives every chapter its estimated time (bookbuild/timing.py)."""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import ROOT

from bookbuild import apparatus, timing

SAMPLE = """(md-sample)=
## Two forces

:::{admonition} Definition: a cluster
:class: tip
A cluster is {term}`localised <localisation economies>` and cited by {cite:t}`porter2000location`.
:::

```python
data.load("italian_tiles")
```

Read `the code` and [the guide](readers-guide.md) <span>now</span>.

:::{exercise}
:label: ex-one
Compute the gain for four firms.
:::

:::{solution} ex-one
:class: dropdown
The gain is 0.5.
:::

:::{exercise}
:label: ex-two
Say why.
:::
"""


def test_words_count_the_text_a_reader_reads_and_leave_out_markup_code_and_exercises():
    assert timing.prose(SAMPLE).split() == [
        "##", "Two", "forces", "A", "cluster", "is", "localised", "and", "cited", "by", "porter2000location.",
        "Read", "and", "[the", "guide]", "now", ".",
    ]  # fmt: skip
    assert timing.words(SAMPLE) == 15  # "##" and "." are not words
    assert timing.exercises(SAMPLE) == 2


@pytest.mark.parametrize(
    ("words", "reading"),
    [(0, 5), (299, 5), (300, 5), (301, 5), (899, 5), (900, 10), (1499, 10), (1500, 15), (4157, 35)],
)
def test_reading_is_words_at_120_a_minute_rounded_to_5_minutes(words, reading):
    assert timing.Estimate(words=words, exercises=3).reading == reading
    assert timing.Estimate(words=words, exercises=3).total == reading + 45


def test_durations_and_the_sentence_in_both_languages():
    assert timing.duration(35, "en") == "35 minutes" and timing.duration(60, "en") == "1 hour"
    assert timing.duration(95, "en") == "1 hour 35 minutes" and timing.duration(150, "fr") == "2 heures 30 minutes"
    assert timing.duration(61, "fr") == "1 heure 1 minute"
    estimate = timing.Estimate(words=4200, exercises=8)
    assert timing.sentence(estimate, "en") == (
        "**Estimated time:** 2 hours 35 minutes (35 minutes of reading, 2 hours for the 8 exercises, "
        "by the book's rule of 120 words a minute and 15 minutes an exercise)."
    )
    assert timing.sentence(timing.Estimate(words=600, exercises=1), "fr") == (
        "**Durée estimée\u00a0:** 20 minutes (5 minutes de lecture, 15 minutes pour l'exercice, "
        "selon la règle du livre\u00a0: 120 mots par minute et 15 minutes par exercice)."
    )


def test_editions_with_different_numbers_of_exercises_are_refused(tmp_path):
    for language, text in (("fr", SAMPLE), ("en", SAMPLE.replace(":::{exercise}\n:label: ex-two", ":::{note}"))):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
        (tmp_path / language).mkdir()
        nbformat.write(nb, tmp_path / language / "01-x.ipynb")
    with pytest.raises(ValueError, match="different numbers of exercises"):
        timing.estimate([tmp_path / "fr" / "01-x.ipynb", tmp_path / "en" / "01-x.ipynb"])


def test_a_first_cell_without_the_sentence_stops_the_apparatus():
    with pytest.raises(SystemExit, match="Estimated time"):
        timing.restated("**Prerequisites:** none.", "en", "**Estimated time:** 1 hour.")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_chapter_states_the_time_the_rule_gives_and_both_editions_agree(language):
    for _, _, path in apparatus.chapters(language):
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
        assert timing.stated("".join(first["source"]), language) == timing.chapter_sentence(path, language, ROOT), (
            f"{path.relative_to(ROOT)}: run make apparatus"
        )
    totals = {
        language: [
            timing.estimate(sorted((ROOT / "chapters").glob(f"*/{p.name}"))).total
            for _, _, p in apparatus.chapters(language)
        ]
        for language in ("fr", "en")
    }
    assert totals["fr"] == totals["en"]
    assert len(set(totals["en"])) > 3  # no longer "2 hours" for every chapter
