"""Pages of the book's apparatus that are generated, so that they cannot drift from what they describe.

    python -m bookbuild.apparatus          # (re)write the pages in both editions
    make apparatus                         # the same

* the data appendix, ``chapters/<lang>/data/``: one page per table of ``data/datapackage.json``
  (source, licence, attribution, columns and units, cleaning steps) and the chapters whose code reads
  it, found in the notebooks' code (directly, or through a ``clusterlab`` function that loads it);
* the index of key terms, ``chapters/<lang>/key-terms.md``: every glossary entry, its equivalent in
  the other language, and the chapters that use it with ``{term}``.

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

from bookbuild.editions import EDITIONS, ROOT

DATA = ROOT / "data"
PACKAGE = ROOT / "clusterlab"
NBSP, NNBSP = "\u00a0", "\u202f"

WORDS = {
    "en": {
        "appendix": "Data appendix",
        "intro": (
            "Every table the book uses is here, one page each. The pages are generated from the data package "
            "`data/datapackage.json` (a [Frictionless](https://specs.frictionlessdata.io/data-package/) descriptor "
            "written by `make data` together with the tables), and the chapters listed for each table are found "
            "in the notebooks' own code, so the appendix cannot drift from the data. The tables are CSV files in "
            "the `data/` folder of the repository; in a notebook, `data.load(name)` reads one with its types "
            "(`from clusterlab import data`). `data/README.md` says where each raw file comes from and how to "
            "rebuild the tables."
        ),
        "summary": "The tables",
        "table": "Table",
        "rows": "Rows",
        "licence": "Licence",
        "used": "Chapters",
        "file": "File",
        "source": "Source",
        "attribution": "Attribution",
        "columns": "Columns",
        "name": "Column",
        "type": "Type",
        "unit": "Unit",
        "description": "Description",
        "key": "Primary key",
        "missing": "Missing values are empty cells; they are never replaced by zero.",
        "cleaning": "How the table was made",
        "usage": "Where the book uses it",
        "load": "To read it in a notebook:",
        "no_chapter": "No chapter's code reads it; it is shipped for readers who need it with the other tables.",
        "chapter": "chapter",
        "chapters": "chapters",
        "size": "{rows} rows, {kb} kB",
        "types": {"string": "text", "integer": "integer", "number": "number", "boolean": "yes/no", "date": "date"},
        "terms_title": "Index of key terms",
        "terms_intro": (
            "Each key term of the {ref}`glossary <glossary>`, with its French equivalent and the chapters whose "
            "text links it to its definition. This index is generated from the glossary and the chapters, so it "
            "stays up to date."
        ),
        "equivalent": "French",
        "ch": "ch.",
    },
    "fr": {
        "appendix": "Annexe des données",
        "intro": (
            "Chaque table qu'utilise le livre est ici, une page par table. Les pages sont produites à partir du "
            "paquet de données `data/datapackage.json` (un descripteur "
            "[Frictionless](https://specs.frictionlessdata.io/data-package/) écrit par `make data` avec les "
            "tables), et les chapitres indiqués pour chaque table sont trouvés dans le code même des carnets, "
            "si bien que l'annexe ne peut pas s'écarter des données. Les tables sont des fichiers CSV du dossier "
            "`data/` du dépôt ; dans un carnet, `data.load(nom)` en lit une avec ses types "
            "(`from clusterlab import data`). Le fichier `data/README.md` dit d'où vient chaque fichier brut et "
            "comment reconstruire les tables."
        ),
        "summary": "Les tables",
        "table": "Table",
        "rows": "Lignes",
        "licence": "Licence",
        "used": "Chapitres",
        "file": "Fichier",
        "source": "Source",
        "attribution": "Attribution",
        "columns": "Colonnes",
        "name": "Colonne",
        "type": "Type",
        "unit": "Unité",
        "description": "Description",
        "key": "Clé primaire",
        "missing": "Les valeurs manquantes sont des cellules vides ; elles ne sont jamais remplacées par zéro.",
        "cleaning": "Comment la table a été faite",
        "usage": "Où le livre l'utilise",
        "load": "Pour la lire dans un carnet" + NBSP + ":",
        "no_chapter": "Aucun chapitre ne la lit dans son code ; elle est fournie pour les lecteurs qui en ont "
        "besoin avec les autres tables.",
        "chapter": "chapitre",
        "chapters": "chapitres",
        "size": "{rows} lignes, {kb} ko",
        "types": {"string": "texte", "integer": "entier", "number": "nombre", "boolean": "oui/non", "date": "date"},
        "terms_title": "Index des termes clés",
        "terms_intro": (
            "Chaque terme clé du {ref}`glossaire <glossary>`, avec son équivalent anglais et les chapitres dont le "
            "texte le relie à sa définition. Cet index est produit à partir du glossaire et des chapitres : il "
            "reste à jour."
        ),
        "equivalent": "anglais",
        "ch": "chap.",
    },
}


def _french_spaces(text: str) -> str:
    """French typography for the fixed words above: no-break space before a colon, narrow no-break space
    before ; ! ?"""
    text = re.sub(r" :(?=\s)", NBSP + ":", text)
    return re.sub(r" ([;!?])", NNBSP + r"\1", text)


WORDS["fr"] = {k: _french_spaces(v) if isinstance(v, str) else v for k, v in WORDS["fr"].items()}


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


def _loaded_tables(node: ast.AST, tables: set[str]) -> set[str]:
    """Names of tables passed as a literal to ``load(...)`` / ``data.load(...)`` inside ``node``."""
    found = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        arg = call.args[0]
        if name == "load" and isinstance(arg, ast.Constant) and arg.value in tables:
            found.add(arg.value)
    return found


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
    return {
        path.stem: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.stem != "__init__"
    }


def function_tables(tables: set[str]) -> dict[tuple[str, str], set[str]]:
    """For each function of ``clusterlab`` (module, name), the tables it loads, directly or through the
    package's other functions."""
    modules = _modules()
    direct: dict[tuple[str, str], set[str]] = {}
    calls: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for module, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = (module, node.name)
                direct.setdefault(key, set()).update(_loaded_tables(node, tables))
                calls.setdefault(key, set()).update(_called(node, module, set(modules)))
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
        for name in re.findall(r"load\(\s*[\"'](\w+)[\"']", markdown_of(path)):
            if name in tables:
                found.add(name)
        for table in found:
            users[table].append((number, label))
    return users


# --------------------------------------------------------------------------- formatting


def fmt_int(n: int, language: str) -> str:
    text = f"{n:,}"
    return text.replace(",", NNBSP) if language == "fr" else text


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _fr(resource: dict, key: str, language: str):
    if language == "en":
        return resource[key]
    value = resource.get(f"{key}_fr")
    if not value:
        raise ValueError(
            f"data/datapackage.json: {resource.get('name', resource.get('path'))!r} has no {key}_fr; "
            "run make data (bookbuild/data.py writes the French texts)."
        )
    return value


def chapter_refs(users: list[tuple[int, str]], w: dict) -> str:
    if not users:
        return ""
    word = w["chapter"] if len(users) == 1 else w["chapters"]
    return word + " " + ", ".join(f"{{ref}}`{n} <{label}>`" for n, label in users)


def table_page(resource: dict, users: list[tuple[int, str]], language: str) -> str:
    w = WORDS[language]
    name = resource["path"].removesuffix(".csv")
    with open(DATA / resource["path"], encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    kb = (DATA / resource["path"]).stat().st_size / 1024
    kb_text = f"{kb:,.0f}" if language == "en" else f"{kb:,.0f}".replace(",", NNBSP)
    colon = NBSP + ":" if language == "fr" else ":"
    source = resource["sources"][0]
    licence = resource["licenses"][0]
    lines = [
        f"(data-{resource['name']})=",
        f"# {_fr(resource, 'title', language)}",
        "",
        _fr(resource, "description", language),
        "",
        f"- **{w['file']}{colon}** `data/{resource['path']}` ({w['size'].format(rows=fmt_int(rows, language), kb=kb_text)})",
        f"- **{w['source']}{colon}** [{_fr(source, 'title', language)}]({source['path']})",
        f"- **{w['licence']}{colon}** [{_fr(licence, 'title', language)}]({licence['path']})",
        f"- **{w['attribution']}{colon}** {_fr(resource, 'attribution', language)}",
        "",
        f"## {w['columns']}",
        "",
        f"| {w['name']} | {w['type']} | {w['unit']} | {w['description']} |",
        "|---|---|---|---|",
    ]
    for fld in resource["schema"]["fields"]:
        unit = _fr(fld, "unit", language) if "unit" in fld else ""
        lines.append(
            f"| `{fld['name']}` | {w['types'].get(fld['type'], fld['type'])} | {_cell(unit)} | "
            f"{_cell(_fr(fld, 'description', language))} |"
        )
    key = ", ".join(f"`{k}`" for k in resource["schema"].get("primaryKey", []))
    lines += ["", f"{w['key']}{colon} {key}. {w['missing']}", "", f"## {w['cleaning']}", ""]
    lines += [f"{i}. {step}" for i, step in enumerate(_fr(resource, "cleaning", language), 1)]
    lines += ["", f"## {w['usage']}", ""]
    refs = chapter_refs(users, w)
    lines.append((refs[0].upper() + refs[1:] + ".") if refs else w["no_chapter"])
    lines += [
        "",
        w["load"],
        "",
        "```python",
        "from clusterlab import data",
        "",
        f'{name} = data.load("{name}")',
        "```",
        "",
    ]
    return "\n".join(lines)


def appendix_index(package: dict, users: dict, language: str) -> str:
    w = WORDS[language]
    lines = [
        "(data-appendix)=",
        f"# {w['appendix']}",
        "",
        w["intro"],
        "",
        f"## {w['summary']}",
        "",
        f"| {w['table']} | {w['rows']} | {w['licence']} | {w['used']} |",
        "|---|---|---|---|",
    ]
    for resource in package["resources"]:
        with open(DATA / resource["path"], encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        used = ", ".join(f"{{ref}}`{n} <{label}>`" for n, label in users[resource["path"].removesuffix(".csv")])
        lines.append(
            f"| {{ref}}`{_cell(_fr(resource, 'title', language))} <data-{resource['name']}>` | "
            f"{fmt_int(rows, language)} | {resource['licenses'][0]['name']} | {used or '—'} |"
        )
    lines.append("")
    return "\n".join(lines)


def data_pages(language: str) -> dict[Path, str]:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["path"].removesuffix(".csv") for r in package["resources"]}
    users = table_users(language, names)
    folder = ROOT / "chapters" / language / "data"
    pages = {folder / "index.md": appendix_index(package, users, language)}
    for resource in package["resources"]:
        name = resource["path"].removesuffix(".csv")
        pages[folder / f"{name}.md"] = table_page(resource, users[name], language)
    return pages


def data_toc_files() -> list[str]:
    """The toc entries of the appendix's table pages, in the data package's order."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return [f"chapters/fr/data/{r['path'].removesuffix('.csv')}" for r in package["resources"]]


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
    marker = r"\*In French: (.+?)\.\*" if language == "en" else r"\*En anglais\s?: (.+?)\.\*"
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
    w = WORDS[language]
    used: dict[str, list[tuple[int, str]]] = {}
    for number, label, path in chapters(language):
        for match in re.finditer(r"\{term\}`([^`]*)`", markdown_of(path)):
            target = re.search(r"<([^>]*)>\s*$", match.group(1))
            term = (target.group(1) if target else match.group(1)).strip().casefold()
            if (number, label) not in used.setdefault(term, []):
                used[term].append((number, label))
    colon = NBSP + ":" if language == "fr" else ":"
    lines = ["(key-terms)=", f"# {w['terms_title']}", "", w["terms_intro"], ""]
    for terms, equivalent in sorted(glossary(language), key=lambda e: _sort_key(e[0][0])):
        where = sorted({u for t in terms for u in used.get(t.casefold(), [])})
        refs = ", ".join(f"{{ref}}`{n} <{label}>`" for n, label in where)
        line = f"- {{term}}`{terms[0]}` ({w['equivalent']}{colon} *{equivalent}*)"
        lines.append(line + (f" — {w['ch']} {refs}" if refs else ""))
    lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- all pages


def pages() -> dict[Path, str]:
    out = {}
    for language in EDITIONS:
        out.update(data_pages(language))
        out[ROOT / "chapters" / language / "key-terms.md"] = terms_page(language)
    return out


def main() -> None:
    for path, text in pages().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
