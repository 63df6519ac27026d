"""No block of six or more lines is repeated in the package: what is needed twice is a function, written once.

Lines are compared stripped of indentation; blank lines, comments, imports and docstrings are left out
(a docstring may say again what a parameter means; an import list is not logic)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

BLOCK = 6


def meaningful_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, stripped text) of the lines of code that are not imports, docstrings or comments."""
    source = path.read_text(encoding="utf-8")
    skipped: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skipped.update(range(node.lineno, node.end_lineno + 1))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                skipped.update(range(body[0].lineno, body[0].end_lineno + 1))
    out = []
    for number, line in enumerate(source.splitlines(), 1):
        text = line.strip()
        if text and not text.startswith("#") and number not in skipped:
            out.append((number, text))
    return out


def repeated_blocks(folder: Path) -> dict[tuple[str, ...], list[str]]:
    """Each block of ``BLOCK`` meaningful lines found in more than one place, with its places."""
    places: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in sorted(folder.rglob("*.py")):
        lines = meaningful_lines(path)
        for k in range(len(lines) - BLOCK + 1):
            window = tuple(text for _, text in lines[k : k + BLOCK])
            if sum(len(text) > 3 for text in window) < 4:  # closing brackets and "else:" are not a block
                continue
            places[window].append(f"{path.relative_to(folder.parent)}:{lines[k][0]}")
    return {window: where for window, where in places.items() if len(where) > 1}


def test_no_block_of_six_lines_is_repeated_in_the_package():
    repeated = repeated_blocks(ROOT / "clusterlab")
    report = [f"{' and '.join(where)}: {' / '.join(window)[:160]}" for window, where in repeated.items()]
    assert not report, "repeated blocks (make them one function):\n" + "\n".join(report[:10])


def test_the_duplication_check_finds_a_copied_block(tmp_path):
    block = "\n".join(f"    total = total + {k} * weight_{k}" for k in range(BLOCK))
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(f"def f():\n    total = 0\n{block}\n    return total\n", encoding="utf-8")
    (tmp_path / "c.py").write_text(
        '"""Doc."""\nimport os\nimport re\nimport sys\nimport json\nimport math\nimport time\n'
    )
    (tmp_path / "d.py").write_text(
        '"""Doc."""\nimport os\nimport re\nimport sys\nimport json\nimport math\nimport time\n'
    )
    found = repeated_blocks(tmp_path)
    files = {Path(place.split(":")[0]).name for where in found.values() for place in where}
    assert found and files == {"a.py", "b.py"}  # the copied block, not the shared imports
