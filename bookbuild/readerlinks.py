"""What a citation, a glossary term and a cross-reference read as on the website, for the notebooks
opened in JupyterLab, Notebook 7 and the handouts (:mod:`clusterlab.jupyter`).

Each edition's build writes ``reader-links.json`` beside its HTML (:func:`dump`, called by the Sphinx
extension when the build ends): for every bibliography key its in-text citation in both forms and its
entry's anchor, for every glossary term its anchor, for every label its page, anchor and the text a
reference to it shows. ``python -m bookbuild.readerlinks`` (``make apparatus``) gathers both editions
and the website's address into ``clusterlab/jupyter/links.json``, the file the reader's environment
ships; a test fails when that file differs from what the build produces.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
PACKAGED = ROOT / "clusterlab" / "jupyter" / "links.json"
NAME = "reader-links.json"


def _plain(node) -> str:
    return node.astext() if hasattr(node, "astext") else "".join(n.astext() for n in node)


def citation_texts(app) -> dict:
    """``{key: {"p": "Martin and Sunley, 2003", "t": "Martin and Sunley (2003)", "page": ..., "anchor": ...}}``
    and the bracket style, as sphinxcontrib-bibtex formats them for this edition."""
    import docutils.nodes
    from sphinxcontrib.bibtex.style.referencing import format_references
    from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

    domain = app.env.get_domain("cite")
    out = {}
    for citation in domain.citations:
        if citation.key in out:
            continue
        texts = {}
        for typ in ("p", "t"):
            info = SphinxReferenceInfo(
                builder=app.builder,
                fromdocname=citation.bibliography_key.docname,
                todocname=citation.bibliography_key.docname,
                citation_id=citation.citation_id,
                title=None,
                pre_text="",
                post_text="",
            )
            rich = format_references(domain.reference_style, typ, [(citation.entry, citation.formatted_entry, info)])
            holder = docutils.nodes.inline()
            holder += rich.render(domain.backend)
            texts[typ] = _plain(holder)
        style = domain.reference_style
        left, right = style.bracket_parenthetical.left, style.bracket_parenthetical.right
        p = texts["p"]
        if p.startswith(left) and p.endswith(right):
            p = p[len(left) : len(p) - len(right)]
        # a citation of several works lists them in this order, whatever the order of the keys
        out[citation.key] = {
            "p": p,
            "t": texts["t"],
            "page": citation.bibliography_key.docname,
            "anchor": citation.citation_id,
            "order": len(out),
        }
    return out


def dump(app) -> Path | None:
    """Write this edition's ``reader-links.json`` beside its HTML folder."""
    env = app.env
    language = (app.config.language or "en")[:2]
    std = env.domaindata["std"]
    if "cite" not in env.domaindata:
        return None  # a book without sphinxcontrib-bibtex (the build's own tests): nothing to write
    style = env.get_domain("cite").reference_style
    terms = {
        name: {"page": doc, "anchor": anchor}
        for (kind, name), (doc, anchor) in std["objects"].items()
        if kind == "term"
    }
    labels = {}
    for label, (doc, anchor, title) in std["labels"].items():
        if doc in ("genindex", "py-modindex", "search"):
            continue
        text = str(title)
        numbers = env.toc_fignumbers.get(doc, {}).get("exercise", {}).get(anchor)
        if numbers:
            text = f"{text} {'.'.join(str(n) for n in numbers)}"
        labels[label] = {"page": doc, "anchor": anchor, "text": text}
        if str(env.doc2path(doc)).endswith(".ipynb"):
            labels[label]["notebook"] = True
    # a label before a block without a title (a box): a link to it gives its own text, {ref}`the box <label>`
    for label, (doc, anchor) in std["anonlabels"].items():
        if label not in labels and doc not in ("genindex", "py-modindex", "search"):
            labels[label] = {"page": doc, "anchor": anchor, "text": label}
            if str(env.doc2path(doc)).endswith(".ipynb"):
                labels[label]["notebook"] = True
    # chapter numbers: exercises and equations are numbered 4.1, 4.2… in chapter 4, on the website as in JupyterLab
    chapters = {
        doc: ".".join(str(n) for n in numbers[""]) for doc, numbers in env.toc_secnumbers.items() if numbers.get("")
    }
    cites = citation_texts(app)
    # the French edition writes an undated work « s. d. » in the text (see sphinx_ext), not "n.d."
    if language == "fr":
        for entry in cites.values():
            for typ in ("p", "t"):
                entry[typ] = entry[typ].replace("n.d.", "s.\u00a0d.")
    data = {
        "language": language,
        "brackets": {
            "left": style.bracket_parenthetical.left,
            "right": style.bracket_parenthetical.right,
            "sep": style.bracket_parenthetical.sep,
        },
        "cite": dict(sorted(cites.items())),
        "term": dict(sorted(terms.items())),
        "label": dict(sorted(labels.items())),
        "chapter": dict(sorted(chapters.items())),
    }
    path = Path(app.outdir).parent / NAME
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def site_url(root: Path = ROOT) -> str:
    """The website's address, set once in ``_config.yml`` (``sphinx.config.clusterlab_site_url``)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    url = config["sphinx"]["config"]["clusterlab_site_url"]
    return url if url.endswith("/") else url + "/"


def collect(build: Path = BUILD, root: Path = ROOT) -> dict:
    """Both editions' links as the latest build wrote them, with the website's address."""
    from bookbuild.editions import EDITIONS

    editions = {}
    for language in EDITIONS:
        path = build / "editions" / language / "_build" / NAME
        if not path.exists():
            raise SystemExit(f"{path} is missing: build the website first (make book)")
        editions[language] = json.loads(path.read_text(encoding="utf-8"))
    return {"site": site_url(root), "editions": editions}


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    text = render(collect())
    if PACKAGED.exists() and PACKAGED.read_text(encoding="utf-8") == text:
        print(f"{PACKAGED.relative_to(ROOT)} is up to date")
    else:
        PACKAGED.write_text(text, encoding="utf-8")
        print(f"wrote {PACKAGED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
