"""Pages of the book's apparatus that are generated, so that they cannot drift from what they describe.

    python -m bookbuild.apparatus          # (re)write the pages in both editions
    make apparatus                         # the same

* the data appendix, ``chapters/<lang>/data/``: one page per table of ``data/datapackage.json``
  (source, licence, attribution, columns and units, cleaning steps) and the chapters whose code reads
  it, found in the notebooks' code (directly, or through a ``clusterlab`` function that loads it);
* the index of key terms, ``chapters/<lang>/key-terms.md``: every glossary entry, its equivalent in
  the other language, and the chapters that use it with ``{term}``;
* in the instructor's guide, between two comment lines, the self-check questions of each chapter: how
  many of each kind, and the misconceptions they target (``clusterlab/questions/``), with their sections;
* each chapter's estimated time, in its first cell, and the instructor's guide's table of them, by the
  rule of ``bookbuild/timing.py`` (words read a minute, minutes an exercise).

The pages are committed; ``tests/test_apparatus.py`` fails when they differ from what this module
writes today (then run ``make apparatus``).
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import nbformat
import yaml

from bookbuild import timing
from bookbuild.editions import EDITIONS, ROOT
from clusterlab import labels

DATA = ROOT / "data"
PACKAGE = ROOT / "clusterlab"


def word(key: str, language: str, **values: object) -> str:
    """A fixed text of the generated pages, from the catalogue of ``language`` (``book.apparatus.<key>``)."""
    if values:
        return labels.message(f"book.apparatus.{key}", language, **values)
    return labels.label(f"book.apparatus.{key}", language)


# --------------------------------------------------------------------------- chapters


def chapters(language: str) -> list[tuple[int, str, Path]]:
    """The numbered chapters of an edition: (number, label, path), in the order of ``_toc.yml``."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    out = []
    for part in toc["parts"]:
        if not part.get("numbered"):
            continue
        for entry in part["chapters"]:
            path = ROOT / (entry["file"].replace("chapters/fr/", f"chapters/{language}/") + ".ipynb")
            nb = nbformat.read(path, as_version=4)
            label = re.match(r"\(([\w-]+)\)=", nb.cells[0].source).group(1)
            out.append((len(out) + 1, label, path))
    return out


def code_of(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def markdown_of(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


# --------------------------------------------------------------------------- which code reads which table


def _loaded_tables(node: ast.AST, tables: set[str], constants: dict[str, str] | None = None) -> set[str]:
    """Names of tables (or maps) passed to ``load(...)`` / ``data.load(...)`` (``shapes(...)``) inside
    ``node``: as a literal, or as a module's constant (``SHAPES = "nuts2_shapes"``) named in ``constants``."""
    found = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        arg = call.args[0]
        value = arg.value if isinstance(arg, ast.Constant) else (constants or {}).get(getattr(arg, "id", None))
        if name in ("load", "shapes") and value in tables:
            found.add(value)
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    """A module's top-level string constants: ``{"SHAPES": "nuts2_shapes"}``."""
    return {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _called(node: ast.AST, module: str, modules: set[str]) -> set[tuple[str, str]]:
    """The functions called inside ``node``, as (module, name): ``f(...)`` is ``module.f``, ``m.f(...)``
    is ``m.f`` when ``m`` is a module of ``clusterlab``; calls on other objects are not followed."""
    out = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
            out.add((func.value.id, func.attr))
        elif isinstance(func, ast.Name):
            out.add((module, func.id))
    return out


def _modules() -> dict[str, ast.Module]:
    """The package's modules by the name a notebook or another module calls them with: a module by its
    file's name (``maps``), a subpackage by its folder's (``charts``, whose ``__init__`` re-exports its
    modules' functions); the subpackage wins over a module of the same name elsewhere."""
    found = {
        path.stem: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.stem != "__init__"
    }
    for path in sorted(PACKAGE.glob("*/__init__.py")):
        found[path.parent.name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def function_tables(tables: set[str]) -> dict[tuple[str, str], set[str]]:
    """For each function of ``clusterlab`` (module, name), the tables it loads, directly or through the
    package's other functions."""
    modules = _modules()
    direct: dict[tuple[str, str], set[str]] = {}
    calls: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for module, tree in modules.items():
        constants = _constants(tree)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = (module, node.name)
                direct.setdefault(key, set()).update(_loaded_tables(node, tables, constants))
                calls.setdefault(key, set()).update(_called(node, module, set(modules)))
            # a function imported from another module of the package is that function (audit.eurostat_employment)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("clusterlab."):
                source = node.module.rsplit(".", 1)[-1]
                for alias in node.names:
                    key = (module, alias.asname or alias.name)
                    direct.setdefault(key, set())
                    calls.setdefault(key, set()).add((source, alias.name))
    closure = {key: set(found) for key, found in direct.items()}
    changed = True
    while changed:
        changed = False
        for key, callees in calls.items():
            for callee in callees:
                extra = closure.get(callee, set()) - closure[key]
                if extra:
                    closure[key] |= extra
                    changed = True
    return closure


def table_users(language: str, tables: set[str]) -> dict[str, list[tuple[int, str]]]:
    """For each table, the chapters (number, label) whose code reads it: in a code cell, or in the code of an
    exercise's solution."""
    through = function_tables(tables)
    modules = set(_modules())
    users: dict[str, list[tuple[int, str]]] = {t: [] for t in tables}
    for number, label, path in chapters(language):
        found = set()
        for source in code_of(path):
            tree = ast.parse(source)
            found |= _loaded_tables(tree, tables)
            for key in _called(tree, "__notebook__", modules):
                found |= through.get(key, set())
        for name in re.findall(r"(?:load|shapes)\(\s*[\"'](\w+)[\"']", markdown_of(path)):
            if name in tables:
                found.add(name)
        for table in found:
            users[table].append((number, label))
    return users


# --------------------------------------------------------------------------- formatting


def fmt_int(n: int, language: str) -> str:
    return labels.fmt_number(n, 0, language)


def _type(kind: str, language: str) -> str:
    key = f"book.apparatus.type.{kind}"
    return labels.label(key, language) if labels.has(key) else kind


def _colon(language: str) -> str:
    return labels.label("punctuation.colon", language).rstrip()


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _localised(resource: dict, key: str, language: str):
    """A text of the data package in ``language``: the descriptor's own field in English (the language of
    the sources), ``<key>_<language>`` in another."""
    if language == "en":
        return resource[key]
    value = resource.get(f"{key}_{language}")
    if not value:
        raise ValueError(
            f"data/datapackage.json: {resource.get('name', resource.get('path'))!r} has no {key}_{language}; "
            "run make data (bookbuild/data.py writes the French texts)."
        )
    return value


def chapter_refs(users: list[tuple[int, str]], language: str) -> str:
    if not users:
        return ""
    return labels.plural(
        "book.apparatus.chapters", len(users), language, list=", ".join(f"{{ref}}`{n} <{label}>`" for n, label in users)
    )


def _stem(resource: dict) -> str:
    """A table's or a map's name: its file name without the extension."""
    return Path(resource["path"]).stem


def _is_map(resource: dict) -> bool:
    return resource["format"] == "topojson"


def _count(resource: dict) -> int:
    """Rows of a table, or shapes of a map."""
    if _is_map(resource):
        topology = json.loads((DATA / resource["path"]).read_text(encoding="utf-8"))
        return len(topology["objects"][resource["topojson"]["object"]]["geometries"])
    with open(DATA / resource["path"], encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def table_page(resource: dict, users: list[tuple[int, str]], language: str) -> str:
    name = _stem(resource)
    is_map = _is_map(resource)
    rows = _count(resource)
    kb = (DATA / resource["path"]).stat().st_size / 1024
    kb_text = labels.fmt_number(kb, 0, language)
    colon = _colon(language)
    counted = labels.plural("count.shapes" if is_map else "count.rows", rows, language)
    size = word("size", language, rows=counted, kb=kb_text)
    source = resource["sources"][0]
    licence = resource["licenses"][0]
    lines = [
        f"(data-{resource['name']})=",
        f"# {_localised(resource, 'title', language)}",
        "",
        _localised(resource, "description", language),
        "",
        f"- **{word('file', language)}{colon}** `data/{resource['path']}` ({size})",
        f"- **{word('source', language)}{colon}** [{_localised(source, 'title', language)}]({source['path']})",
        f"- **{word('licence', language)}{colon}** [{_localised(licence, 'title', language)}]({licence['path']})",
        f"- **{word('attribution', language)}{colon}** {_localised(resource, 'attribution', language)}",
        "",
        f"## {word('properties' if is_map else 'columns', language)}",
        "",
        f"| {word('property' if is_map else 'name', language)} | {word('type', language)} | {word('unit', language)} | {word('description', language)} |",
        "|---|---|---|---|",
    ]
    fields = resource["topojson"]["properties"] if is_map else resource["schema"]["fields"]
    for fld in fields:
        unit = _localised(fld, "unit", language) if "unit" in fld else ""
        lines.append(
            f"| `{fld['name']}` | {_type(fld['type'], language)} | {_cell(unit)} | "
            f"{_cell(_localised(fld, 'description', language))} |"
        )
    if is_map:
        about = word("shapes_object", language, object=f"`{resource['topojson']['object']}`")
    else:
        key = ", ".join(f"`{k}`" for k in resource["schema"].get("primaryKey", []))
        about = f"{word('key', language)}{colon} {key}. {word('missing', language)}"
    lines += [
        "",
        about,
        "",
        f"## {word('cleaning_map' if is_map else 'cleaning', language)}",
        "",
    ]
    lines += [f"{i}. {step}" for i, step in enumerate(_localised(resource, "cleaning", language), 1)]
    lines += ["", f"## {word('usage', language)}", ""]
    refs = chapter_refs(users, language)
    lines.append(
        (refs[0].upper() + refs[1:] + ".") if refs else word("no_chapter_map" if is_map else "no_chapter", language)
    )
    lines += [
        "",
        word("load_shapes" if is_map else "load", language),
        "",
        "```python",
        "from clusterlab import data",
        "",
        f'{name} = data.{"shapes" if is_map else "load"}("{name}")',
        "```",
        "",
    ]
    return "\n".join(lines)


def appendix_index(package: dict, users: dict, language: str) -> str:
    lines = [
        "(data-appendix)=",
        f"# {word('appendix', language)}",
        "",
        word("intro", language),
        "",
        f"## {word('summary', language)}",
        "",
        f"| {word('table', language)} | {word('rows', language)} | {word('licence', language)} | {word('used', language)} |",
        "|---|---|---|---|",
    ]
    for resource in package["resources"]:
        rows = _count(resource)
        used = ", ".join(f"{{ref}}`{n} <{label}>`" for n, label in users[_stem(resource)])
        lines.append(
            f"| {{ref}}`{_cell(_localised(resource, 'title', language))} <data-{resource['name']}>` | "
            f"{fmt_int(rows, language)} | {resource['licenses'][0]['name']} | {used or '—'} |"
        )
    lines.append("")
    return "\n".join(lines)


def data_pages(language: str) -> dict[Path, str]:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names = {_stem(r) for r in package["resources"]}
    users = table_users(language, names)
    folder = ROOT / "chapters" / language / "data"
    pages = {folder / "index.md": appendix_index(package, users, language)}
    for resource in package["resources"]:
        name = _stem(resource)
        pages[folder / f"{name}.md"] = table_page(resource, users[name], language)
    return pages


def data_toc_files() -> list[str]:
    """The toc entries of the appendix's table pages, in the data package's order."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return [f"chapters/fr/data/{_stem(r)}" for r in package["resources"]]


# --------------------------------------------------------------------------- index of key terms


def glossary(language: str) -> list[tuple[list[str], str]]:
    """Each glossary entry as (its terms, the other language's equivalent)."""
    text = (ROOT / "chapters" / language / "glossary.md").read_text(encoding="utf-8")
    body = re.search(r":::\{glossary\}\n(.*?)\n:::", text, re.S).group(1)
    entries, terms, definition = [], [], []
    for line in body.splitlines() + [""]:
        if re.match(r"^:\w+:", line):
            continue
        if line.startswith("  "):
            definition.append(line.strip())
        elif line.strip():
            if definition:
                entries.append((terms, " ".join(definition)))
                terms, definition = [], []
            terms.append(line.strip())
    if terms:
        entries.append((terms, " ".join(definition)))
    other = re.escape(labels.label("book.glossary.other_language", language))
    marker = rf"\*{other}\s?: (.+?)\.\*"
    out = []
    for terms, definition in entries:
        found = re.search(marker, definition)
        if not found:
            raise ValueError(f"{language} glossary: the entry {terms[0]!r} does not give the other language's term")
        out.append((terms, found.group(1)))
    return out


def _sort_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def terms_page(language: str) -> str:
    used: dict[str, list[tuple[int, str]]] = {}
    for number, label, path in chapters(language):
        for match in re.finditer(r"\{term\}`([^`]*)`", markdown_of(path)):
            target = re.search(r"<([^>]*)>\s*$", match.group(1))
            term = (target.group(1) if target else match.group(1)).strip().casefold()
            if (number, label) not in used.setdefault(term, []):
                used[term].append((number, label))
    colon = _colon(language)
    lines = ["(key-terms)=", f"# {word('terms_title', language)}", "", word("terms_intro", language), ""]
    for terms, equivalent in sorted(glossary(language), key=lambda e: _sort_key(e[0][0])):
        where = sorted({u for t in terms for u in used.get(t.casefold(), [])})
        refs = ", ".join(f"{{ref}}`{n} <{label}>`" for n, label in where)
        line = f"- {{term}}`{terms[0]}` ({word('equivalent', language)}{colon} *{equivalent}*)"
        lines.append(line + (f" — {word('ch', language)} {refs}" if refs else ""))
    lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- self-check questions

SELF_CHECK = ("<!-- self-check questions: written by make apparatus from clusterlab/questions/ -->", "<!-- end -->")
_HEADING_LABEL = re.compile(r"^\(([\w-]+)\)=\n#+ ", re.M)


def _sections(path: Path) -> dict[str, str]:
    """The label of the section each cell of a chapter belongs to (the last labelled heading above it)."""
    nb = nbformat.read(path, as_version=4)
    found, current = {}, None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            labelled = _HEADING_LABEL.findall(cell.source)
            current = labelled[-1] if labelled else current
        found[cell.get("id")] = current
    return found


def self_check_block(language: str) -> str:
    """The instructor's guide's list of the self-check questions: per chapter, how many of each kind, and the
    misconceptions its wrong options are built on, with the sections whose questions target each."""
    from clusterlab import questions

    colon = _colon(language)
    lines = [SELF_CHECK[0], ""]
    for number, label, path in chapters(language):
        found = questions.chapter_questions(path.stem)
        if not found:
            continue
        sections = _sections(path)
        choice = sum(q.kind == "choice" for q in found)
        charts = sum(q.reads_chart for q in found)
        counts = word("selfcheck_kinds", language, total=len(found), choice=choice, numeric=len(found) - choice)
        if charts:
            counts += ", " + labels.plural("book.apparatus.selfcheck_chart", charts, language)
        title = word("selfcheck_chapter", language, n=number, title=f"{{ref}}`{label}`")
        lines += [f"**{title}**{colon} {counts}.", ""]
        for key, text in questions.misconceptions(path.stem).items():
            where = list(dict.fromkeys(sections[q.after] for q in found if key in q.misconceptions))
            refs = ", ".join(f"{{ref}}`{s}`" for s in where if s)
            sentence = text[language].rstrip(".")
            lines.append(f"- {sentence}" + (f" ({word('selfcheck_where', language)} {refs})." if refs else "."))
        lines.append("")
    lines.append(SELF_CHECK[1])
    return "\n".join(lines)


def instructor_guide(language: str) -> str:
    """The instructor's guide with its generated list of self-check questions in place."""
    path = ROOT / "chapters" / language / "instructor-guide.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.find(SELF_CHECK[0]), text.find(SELF_CHECK[1])
    if start < 0 or end < start:
        raise SystemExit(
            f"{path.relative_to(ROOT)} has no place for the self-check list: {SELF_CHECK[0]} … {SELF_CHECK[1]}"
        )
    text = text[:start] + self_check_block(language) + text[end + len(SELF_CHECK[1]) :]
    start, end = text.find(timing.TABLE[0]), text.find(timing.TABLE[1])
    if start < 0 or end < start:
        raise SystemExit(
            f"{path.relative_to(ROOT)} has no place for the table of times: {timing.TABLE[0]} … {timing.TABLE[1]}"
        )
    return text[:start] + timing.table(chapters(language), language, ROOT) + text[end + len(timing.TABLE[1]) :]


# --------------------------------------------------------------------------- all pages


def pages() -> dict[Path, str]:
    out = {}
    for language in EDITIONS:
        out.update(data_pages(language))
        out[ROOT / "chapters" / language / "key-terms.md"] = terms_page(language)
        out[ROOT / "chapters" / language / "instructor-guide.md"] = instructor_guide(language)
        for _, _, path in chapters(language):
            out[path] = timing.chapter_notebook(path, language, ROOT)
    return out


def main() -> None:
    for path, text in pages().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
