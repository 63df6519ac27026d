"""The reader's environment, built from scratch as Binder builds it: Binder's own JupyterLab and
Notebook first, then requirements.txt; `pip check` must agree, and every chapter's code must run in it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# What Binder's base image holds before it installs a repository's requirements.txt.
BINDER_BASE = ["jupyterlab==4.4.9", "notebook==7.4.7"]


def run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert result.returncode == 0, (
        f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
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
    # setuptools reuses build/lib from an earlier wheel build of this folder: modules since removed
    # would be installed again (a fresh clone, as Binder's, has none)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    run(pip + ["install", "-r", "requirements.txt"], cwd=ROOT)
    run([py, "-m", "pip", "check"])
    versions = json.loads(run([py, "-m", "pip", "list", "--format", "json"]).stdout)
    installed = {p["name"].lower().replace("_", "-"): p["version"] for p in versions}
    assert installed["clusterlab"] and installed["altair"] == "5.5.0"
    assert "jupyterlab-language-pack-fr-fr" in installed
    # MyST in JupyterLab, the book's server extension and its quiet settings come with the environment
    assert installed["jupyterlab"] == "4.5.11" and installed["jupyterlab-myst"] == "2.7.0"
    jupyter = str(venv / "bin" / "jupyter")
    extensions = (
        run([jupyter, "server", "extension", "list"]).stderr + run([jupyter, "server", "extension", "list"]).stdout
    )
    assert re.search(r"clusterlab\.jupyter\s+(\x1b\[\d+m)?enabled", extensions), extensions
    labextensions = run([jupyter, "labextension", "list"])
    assert "jupyterlab-myst" in labextensions.stdout + labextensions.stderr
    overrides = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "clusterlab.json"
    assert json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    # the package as the reader gets it (a wheel, not this folder): every file of clusterlab is in it, the
    # French catalogue and questions as much as the English ones
    tracked = run(["git", "ls-files", "clusterlab"], cwd=ROOT).stdout.split()
    installed = run([py, "-c", INSTALLED_FILES], cwd=tmp_path).stdout.split()
    assert sorted(installed) == sorted(tracked), set(tracked) ^ set(installed)
    # every chapter's code, executed in the reader's environment by its own nbclient (Jupyter's executor,
    # as nbconvert --execute runs it), in one process: a fresh kernel per notebook, in the notebook's folder.
    # The English edition's notebooks hold all of it: the French ones run the same code cells but for the
    # language line (tests/test_editions.py), and nbval runs both editions in full; what this test adds is
    # the reader's packages, which are the same for both.
    notebooks = sorted(p for p in (ROOT / "chapters" / "en").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    assert len(notebooks) == len(list((ROOT / "chapters" / "fr").rglob("*.ipynb"))) >= 11
    report = json.loads(run([py, "-c", EXECUTE_ALL, *map(str, notebooks)]).stdout)
    assert sorted(report) == sorted(map(str, notebooks))
    failed = {Path(k).relative_to(ROOT).as_posix(): v for k, v in report.items() if v}
    assert not failed, failed


#: Run in the reader's Python (outside this folder): the files of the installed clusterlab package, as
#: paths from its parent folder, bytecode caches left out.
INSTALLED_FILES = """
from pathlib import Path
import clusterlab
top = Path(clusterlab.__file__).parent
assert "site-packages" in top.parts, top
for path in sorted(top.rglob("*")):
    if path.is_file() and "__pycache__" not in path.parts:
        print(path.relative_to(top.parent).as_posix())
"""

#: Run in the reader's Python: executes each notebook given, prints {path: "" or the error}.
EXECUTE_ALL = """
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
report = {}
for name in sys.argv[1:]:
    path = Path(name)
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute()
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
        report[name] = f"{errors[0]['ename']}: {errors[0]['evalue']}" if errors else ""
    except CellExecutionError as err:
        report[name] = str(err)[-2000:]
print(json.dumps(report))
"""


def offline_commands(language: str) -> list[str]:
    """The shell commands of the reader's guide section on preparing a classroom with no internet."""
    text = (ROOT / "chapters" / language / "readers-guide.md").read_text(encoding="utf-8")
    section = text.split("(rg-offline)=", 1)[1].split("\n(rg-", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_both_editions_give_the_same_offline_commands():
    assert offline_commands("en") == offline_commands("fr")
    commands = offline_commands("en")
    assert any(c.startswith("python3.11 -m pip download") for c in commands)
    assert any("--no-index" in c for c in commands)


@pytest.mark.slow
def test_the_offline_classroom_route_of_the_readers_guide_works_with_no_network(tmp_path):
    """Runs the guide's own commands: download a wheelhouse (network), then create the environment
    from it with no network (a new network namespace when the machine allows one, and in any case
    a dead proxy and pip's --no-index), and run a chapter notebook in it."""
    commands = offline_commands("en")
    download = [c for c in commands if " download " in c]
    offline = [c for c in commands if c not in download and not c.startswith(".venv/bin/jupyter lab")]
    assert download and offline
    assert any(c.startswith(".venv/bin/jupyter lab") for c in commands)
    wheelhouse, venv = tmp_path / "wheelhouse", tmp_path / "venv"

    def shell(command: str) -> str:
        # the guide's names first, then the interpreter (whose own path may hold ".venv/")
        command = command.replace(".venv/", f"{venv}/").replace("-m venv .venv", f"-m venv {venv}")
        return command.replace("wheelhouse", str(wheelhouse)).replace("python3.11", sys.executable)

    for command in download:
        run(["bash", "-c", shell(command)], cwd=ROOT)
    no_network = dict(
        os.environ,
        http_proxy="http://127.0.0.1:9",
        https_proxy="http://127.0.0.1:9",
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
        PIP_NO_INDEX="1",
    )
    isolate = (
        ["unshare", "-n"]
        if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
        else []
    )
    for command in offline:
        run(isolate + ["bash", "-c", shell(command)], cwd=ROOT, env=no_network)
    py = str(venv / "bin" / "python")
    run([py, "-m", "pip", "check"])
    notebook = ROOT / "chapters" / "en" / "04-measuring-clusters.ipynb"
    out = tmp_path / "executed"
    run(
        [
            str(venv / "bin" / "jupyter"),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=300",
            "--output-dir",
            str(out),
            str(notebook),
        ],
        cwd=notebook.parent,
        env=no_network,
    )
    executed = json.loads((out / notebook.name).read_text(encoding="utf-8"))
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, f"{errors[0]['ename']}: {errors[0]['evalue']}"
