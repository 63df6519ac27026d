"""make handouts: student notebooks with every exercise and no solution, instructor copies with everything,
one zip per edition and audience that runs where it is unzipped, linked from the instructor's guide."""

from __future__ import annotations

import re
import zipfile

import nbformat
import pytest
from conftest import EDITIONS, ROOT
from nbclient import NotebookClient

from bookbuild import handouts
from clusterlab.jupyter.reader import ROLE, remove_answers

LABEL = re.compile(r"^:label: (\S+)", re.M)

# Making the handouts reads and writes every notebook of both editions (several seconds): `make test`
# runs these tests, `make check` leaves them out.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    zips = handouts.write(out)
    return out, zips


def markdown(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def read(out, language, audience):
    folder = out / language / audience
    return {p.name: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}


def solution_lines(text: str) -> list[str]:
    """The lines of a removed block that carry its content (not its fence, options or blank lines)."""
    return [
        line.strip()
        for line in text.split("\n")[1:-1]
        if line.strip() and not line.startswith(":") and len(line.strip()) > 25
    ]


@pytest.mark.parametrize("language", EDITIONS)
def test_student_notebooks_have_every_exercise_and_no_solution(made, language):
    out, _ = made
    students, instructors = read(out, language, "student"), read(out, language, "instructor")
    assert sorted(students) == [p.name for p in handouts.chapters(language)]
    assert sorted(students) == sorted(instructors)
    removed_blocks = 0
    for name, instructor in instructors.items():
        student_text = "\n".join(markdown(students[name]))
        teacher_text = "\n".join(markdown(instructor))
        assert LABEL.findall(student_text) == LABEL.findall(teacher_text), name
        assert "{solution}" not in student_text and "{solution}" in teacher_text, name
        for cell in markdown(instructor):
            _, removed = remove_answers(cell)
            removed_blocks += len(removed)
            for block in removed:
                for line in solution_lines(block):
                    assert line not in student_text, (name, line)
        # the code is the book's, which nbval runs: only the Markdown differs
        source = nbformat.read(ROOT / "chapters" / language / name, as_version=4)
        for copy in (students[name], instructor):
            assert [c.source for c in copy.cells if c.cell_type == "code"] == [
                c.source for c in source.cells if c.cell_type == "code"
            ], name
            assert not any(ROLE.search(m) for m in markdown(copy)), name
    assert removed_blocks >= 40


def test_both_editions_hand_out_the_same_exercises(made):
    out, _ = made
    labels = {
        language: {name: LABEL.findall("\n".join(markdown(nb))) for name, nb in read(out, language, "student").items()}
        for language in EDITIONS
    }
    assert labels["fr"] == labels["en"]
    exercises = sum(
        len(re.findall(r"^:::+\{exercise\}", m, re.M))
        for path in handouts.chapters("fr")
        for m in markdown(nbformat.read(path, as_version=4))
    )
    assert sum(len(v) for v in labels["fr"].values()) == exercises > 30


def test_each_zip_holds_the_notebooks_the_data_and_a_readme(made):
    _, zips = made
    assert sorted(z.name for z in zips) == sorted(
        handouts.zip_name(lang, who) for lang in EDITIONS for who in handouts.AUDIENCES
    )
    for path in zips:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
        top = path.stem
        assert all(n.startswith(f"{top}/") for n in names)
        assert sum(1 for n in names if n.endswith(".ipynb")) == 10
        assert f"{top}/data/datapackage.json" in names
        assert f"{top}/README.txt" in names or f"{top}/LISEZ-MOI.txt" in names


def test_a_second_run_gives_the_same_bytes(made, tmp_path):
    _, zips = made
    again = handouts.write(tmp_path)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in zips]


@pytest.mark.slow
@pytest.mark.parametrize(
    "language,name",
    [
        ("fr", "04-measuring-clusters.ipynb"),
        ("en", "10-audit.ipynb"),
        ("en", "06-sme-internationalisation.ipynb"),
        ("fr", "01-marshall-district.ipynb"),
    ],
)
def test_student_notebooks_run_top_to_bottom_where_the_zip_is_unzipped(made, tmp_path, language, name, monkeypatch):
    """Unzipped outside the book's folder: the notebooks find their tables in the zip's data/."""
    _, zips = made
    path = next(z for z in zips if z.name == handouts.zip_name(language, "student"))
    with zipfile.ZipFile(path) as z:
        z.extractall(tmp_path)
    folder = tmp_path / path.stem
    monkeypatch.delenv("CLUSTERLAB_DATA", raising=False)
    nb = nbformat.read(folder / name, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize("language", EDITIONS)
def test_the_instructors_guide_links_every_zip(site, language):
    page = site / language / "chapters" / language / "instructor-guide.html"
    text = page.read_text(encoding="utf-8")
    for zip_name in (handouts.zip_name(lang, who) for lang in EDITIONS for who in handouts.AUDIENCES):
        href = f"../../../handouts/{zip_name}"
        assert f'href="{href}"' in text, zip_name
        assert (page.parent / href).resolve().is_file(), zip_name
