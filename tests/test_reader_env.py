"""The reader's environment, built from scratch as Binder builds it: Binder's own JupyterLab and
Notebook first, then requirements.txt; `pip check` must agree, and every notebook must run in it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

# What Binder's base image holds before it installs a repository's requirements.txt.
BINDER_BASE = ["jupyterlab==4.4.9", "notebook==7.4.7"]


def run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert result.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_requirements_pin_every_version():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and line != ".":
            assert "==" in line, f"requirements.txt: {line!r} is not pinned to an exact version"


@pytest.mark.slow
def test_reader_environment_installs_like_binder_and_runs_every_notebook(tmp_path):
    venv = tmp_path / "reader"
    run([sys.executable, "-m", "venv", str(venv)])
    py = str(venv / "bin" / "python")
    pip = [py, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    run(pip + ["install"] + BINDER_BASE)
    run(pip + ["install", "-r", "requirements.txt"], cwd=ROOT)
    run([py, "-m", "pip", "check"])
    versions = json.loads(run([py, "-m", "pip", "list", "--format", "json"]).stdout)
    installed = {p["name"].lower(): p["version"] for p in versions}
    assert installed["clusterlab"] and installed["altair"] == "5.5.0"
    assert "jupyterlab-language-pack-fr-fr" in installed
    out = tmp_path / "executed"
    for notebook in sorted((ROOT / "chapters").rglob("*.ipynb")):
        target = out / notebook.parent.name
        run([str(venv / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.timeout=300", "--output-dir", str(target), str(notebook)],
            cwd=notebook.parent)
        executed = json.loads((target / notebook.name).read_text(encoding="utf-8"))
        errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors, f"{notebook.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
