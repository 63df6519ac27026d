"""The book's notebooks in JupyterLab and Notebook 7: a Jupyter server extension.

Enabled by the reader's environment (``etc/jupyter/jupyter_server_config.d/clusterlab.json``, installed
with the package), it wraps the server's contents manager:

* **opening** a book notebook gives its Markdown with every citation, glossary term and cross-reference
  written as the website shows it (:mod:`clusterlab.jupyter.reader`), and gives each stored chart a tiny
  stand-in ``image/png``: JupyterLab's Vega renderer otherwise adds a PNG of the chart to the output it
  draws, which marks a notebook nobody touched as modified;
* **saving** puts back what the file on disk holds wherever the reader changed nothing: the Markdown as
  written for the website, the outputs as stored (JupyterLab writes ``8589.0`` as ``8589``), no stand-in
  PNG. A notebook opened and saved unchanged keeps its bytes; a cell the reader edited or ran is saved
  as it is now.

Files on disk are never read differently by anything else: the website's build, nbval and the tests see
the notebooks as written.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jupyter_server.services.contents.manager import ContentsManager

import copy
import inspect

from clusterlab.jupyter.reader import UnknownTarget, edition_of, reader_notebook

VEGALITE = tuple(f"application/vnd.vegalite.v{v}+json" for v in (3, 4, 5, 6))
#: a transparent 1×1 PNG: present, so the Vega renderer does not add its own; never drawn, since
#: JupyterLab prefers the Vega-Lite output; never written to disk (see :func:`restore`)
STAND_IN_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="


def _jupyter_server_extension_points():
    return [{"module": "clusterlab.jupyter"}]


def _charts(nb):
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data")
            if data and any(mime in data for mime in VEGALITE):
                yield data


def for_reader(nb: dict, name: str | None = None, log: logging.Logger | None = None) -> dict:
    """The notebook as JupyterLab should show it (see the module's docstring)."""
    if edition_of(nb) is None:
        out = copy.deepcopy(nb)
    else:
        here = name[:-6] if name and name.endswith(".ipynb") else None
        try:
            out = reader_notebook(nb, here)
        except UnknownTarget as error:
            # a notebook of the reader's own making, or a book newer than its links: show it as written
            if log:
                log.warning("clusterlab: %s left as written (%s)", name, error)
            out = nb
    for data in _charts(out):
        data.setdefault("image/png", STAND_IN_PNG)
    return out


def restore(saved: dict, disk: dict | None, name: str | None = None) -> dict:
    """What to write when JupyterLab saves ``saved`` over ``disk`` (the notebook now on disk, or None);
    ``name``: the notebook's file name."""
    for data in _charts(saved):
        if data.get("image/png") == STAND_IN_PNG:
            del data["image/png"]
    if not disk:
        return saved
    shown = for_reader(disk, name)
    for data in _charts(shown):
        if data.get("image/png") == STAND_IN_PNG:
            del data["image/png"]
    by_id = {}
    for written, reader in zip(disk.get("cells", []), shown.get("cells", [])):
        if "id" in written:
            by_id[written["id"]] = (written, reader)
    for cell in saved.get("cells", []):
        pair = by_id.get(cell.get("id"))
        if pair is None:
            continue
        written, reader = pair
        if cell.get("cell_type") != written.get("cell_type"):
            continue
        if _source(cell) == _source(reader):
            cell["source"] = written["source"]
        if cell.get("cell_type") == "code":
            if cell.get("outputs") == written.get("outputs"):
                cell["outputs"] = written["outputs"]
            if cell.get("execution_count") == written.get("execution_count"):
                cell["execution_count"] = written.get("execution_count")
        if cell.get("metadata") == written.get("metadata"):
            cell["metadata"] = written.get("metadata")
    if saved.get("metadata") == disk.get("metadata"):
        saved["metadata"] = disk["metadata"]
    return saved


def _source(cell) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def wrap(manager: ContentsManager, log: logging.Logger | None = None) -> None:
    """Wrap ``manager.get`` and ``manager.save`` (synchronous or asynchronous managers alike)."""
    if getattr(manager, "_clusterlab_wrapped", False):
        return
    get, save = manager.get, manager.save

    def shown(model, path):
        if model and model.get("type") == "notebook" and model.get("content"):
            model["content"] = for_reader(model["content"], path.rsplit("/", 1)[-1], log)
        return model

    if inspect.iscoroutinefunction(get):

        async def get_for_reader(path, content=True, type=None, format=None, **kwargs):
            return shown(await get(path, content=content, type=type, format=format, **kwargs), path)

        async def save_as_written(model, path="", **kwargs):
            if model.get("type") == "notebook" and model.get("content"):
                disk = await _on_disk(manager, get, path)
                model = {**model, "content": restore(model["content"], disk, path.rsplit("/", 1)[-1])}
            return await save(model, path, **kwargs)
    else:

        def get_for_reader(path, content=True, type=None, format=None, **kwargs):
            return shown(get(path, content=content, type=type, format=format, **kwargs), path)

        def save_as_written(model, path="", **kwargs):
            if model.get("type") == "notebook" and model.get("content"):
                disk = _on_disk_sync(manager, get, path)
                model = {**model, "content": restore(model["content"], disk, path.rsplit("/", 1)[-1])}
            return save(model, path, **kwargs)

    manager.get, manager.save = get_for_reader, save_as_written
    manager._clusterlab_wrapped = True


async def _on_disk(manager, get, path):
    if not await _maybe_await(manager.file_exists(path)):
        return None
    return (await get(path, content=True, type="notebook"))["content"]


def _on_disk_sync(manager, get, path):
    if not manager.file_exists(path):
        return None
    return get(path, content=True, type="notebook")["content"]


async def _maybe_await(value):
    return await value if inspect.isawaitable(value) else value


def _load_jupyter_server_extension(serverapp) -> None:
    wrap(serverapp.contents_manager, serverapp.log)
    serverapp.log.info("clusterlab: book notebooks shown as on the website (citations, terms, references)")
