"""Reader environment: the installed size of what ``requirements.txt`` gives (the packages and
everything they depend on), as a reader's ``pip install -r requirements.txt`` puts it on disk.

The distributions are found by following ``Requires-Dist`` from each line of requirements.txt
through the packages installed here (the same pinned versions a fresh environment gets, since
``make book`` installs requirements.txt into .venv); their size is the sum of the files their
installation recorded (``RECORD``: code, data, compiled bytecode, scripts).
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bookbuild.editions import ROOT


def requirement_lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _project_name() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^name\s*=\s*"([^"]+)"', text, re.M).group(1)


def closure(lines: list[str]) -> dict[str, metadata.Distribution]:
    """Every installed distribution ``lines`` require, directly or not (canonical name → distribution)."""
    installed = {canonicalize_name(d.metadata["Name"]): d for d in metadata.distributions()}
    todo: list[tuple[str, frozenset]] = []
    for line in lines:
        if line in (".", "-e ."):
            todo.append((canonicalize_name(_project_name()), frozenset()))
        else:
            req = Requirement(line)
            todo.append((canonicalize_name(req.name), frozenset(req.extras)))
    found: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        done.add((name, extras))
        if name not in installed:
            raise RuntimeError(f"{name} (required by requirements.txt) is not installed here: run `make book` first")
        dist = found[name] = installed[name]
        for text in dist.requires or []:
            req = Requirement(text)
            wanted = [{**default_environment(), "extra": e} for e in (extras or {""})]
            if req.marker is None or any(req.marker.evaluate(env) for env in wanted):
                todo.append((canonicalize_name(req.name), frozenset(req.extras)))
    return found


def installed_bytes(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        path = Path(dist.locate_file(file))
        if path.is_file():
            total += path.stat().st_size
    return total


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    dists = closure(requirement_lines(ROOT / "requirements.txt"))
    sizes = {name: installed_bytes(d) for name, d in sorted(dists.items())}
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:8]
    figures = [
        {
            "key": "environment.MB",
            "label": f"installed size of requirements.txt ({len(sizes)} distributions)",
            "value": sum(sizes.values()) / 1e6,
            "unit": "MB",
        },
        {
            "key": "environment.largest_MB",
            "label": f"largest: {largest[0][0]}",
            "value": largest[0][1] / 1e6,
            "unit": "MB",
        },
    ]
    return figures, {
        "distributions": {k: round(v / 1e6, 2) for k, v in sizes.items()},
        "largest_MB": {k: round(v / 1e6, 1) for k, v in largest},
    }
