"""The package's structure, as CONTRIBUTING.md describes it: no module reaches into another's private
names, Altair's private API is wrapped in one place, every public function has type hints."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

PACKAGE = ROOT / "clusterlab"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_uses_another_modules_private_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    imported: dict[str, str] = {}  # local name -> module of the package it stands for
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            source = node.module
            for alias in node.names:
                if source.startswith("clusterlab") and source != me and private(alias.name):
                    problems.append(f"from {source} import {alias.name}")
                if (
                    any(private(part) for part in source.split("."))
                    and not me.startswith(source.rsplit(".", 1)[0])
                    and source.startswith("clusterlab")
                ):
                    problems.append(f"from {source} import … (a private module)")
                imported[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and private(node.attr):
            target = imported.get(node.value.id, "")
            if target.startswith("clusterlab") or target.startswith("altair"):
                problems.append(f"{node.value.id}.{node.attr}")
    # Altair's private API: only in clusterlab/charts/base.py, wrapped in dataset_name (tested below)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("altair"):
            for alias in node.names:
                if private(alias.name) and me != "clusterlab.charts.base":
                    problems.append(f"Altair's private {alias.name}")
    assert problems == []


def test_altairs_dataset_names_are_what_the_wrapper_says():
    """Fails loudly if Altair changes how it names a chart's datasets (Prepared.with_data relies on it)."""
    import altair as alt

    from clusterlab.charts.base import dataset_name

    frame = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, 1.5, 2.5]})
    spec = alt.Chart(frame).mark_point().encode(x="x", y="y").to_dict()
    rows = alt.utils.sanitize_pandas_dataframe(frame).to_dict(orient="records")
    assert list(spec["datasets"]) == [dataset_name(rows)]


def public_functions():
    import importlib

    for path in MODULES:
        module = importlib.import_module(module_name(path))
        for name, value in vars(module).items():
            if private(name) or not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            if name.startswith("_jupyter_"):
                continue
            yield f"{module.__name__}.{name}", value


@pytest.mark.parametrize("name,function", list(public_functions()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_public_function_has_type_hints(name, function):
    signature = inspect.signature(function)
    missing = [
        p.name
        for p in signature.parameters.values()
        if p.annotation is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    assert missing == [], f"{name}: parameters without a type: {missing}"
    assert signature.return_annotation is not inspect.Signature.empty, f"{name}: no return type"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_does_two_jobs(path):
    """A module that passes 500 lines is doing two jobs (the book's style notes)."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def test_every_subpackage_is_in_the_distribution():
    """A subpackage left out of pyproject.toml is missing from the reader's environment (not from ours)."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts
    }
    assert found - listed == set()


def test_the_readers_distribution_is_the_package_alone():
    """Readers install clusterlab; the website's build (bookbuild, its myst-nb renderers) stays in the repository."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = project["tool"]["setuptools"]["packages"]
    assert all(name == "clusterlab" or name.startswith("clusterlab.") for name in packages)
    assert "entry-points" not in project["project"] and "bookbuild" not in project["tool"]["setuptools"]["package-data"]
    plugins = ROOT / "bookbuild" / "plugins" / "clusterlab_book_build-0.1.0.dist-info" / "entry_points.txt"
    assert "bookbuild.mime:VegaLiteRenderer" in plugins.read_text(encoding="utf-8")
