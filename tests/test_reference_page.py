"""The appendix « Référence de clusterlab » / "The clusterlab reference", read in the built site: both
editions document the functions the capstone audit calls with their signatures and numpydoc sections,
every public function of clusterlab.data and clusterlab.measures has its entry, no private name is
listed, and the French page's own text is still checked for French typography."""

from __future__ import annotations

import html
import importlib
import inspect
import re

import pytest
from conftest import EDITIONS
from test_site import REFERENCE_PAGE, parse, squash

# What a student calls in the audit (chapter 10): each needs its entry, its signature and its sections.
AUDIT_FUNCTIONS = [
    "clusterlab.data.load",
    "clusterlab.data.read_employment",
    "clusterlab.data.describe",
    "clusterlab.measures.location_quotient",
    "clusterlab.measures.lq_table",
    "clusterlab.measures.hoover",
    "clusterlab.measures.locational_gini",
    "clusterlab.measures.herfindahl",
    "clusterlab.measures.ellison_glaeser",
    "clusterlab.measures.dartboard",
    "clusterlab.labels.set_language",
    "clusterlab.labels.label",
    "clusterlab.labels.fmt_number",
    "clusterlab.audit.eurostat_employment",
    "clusterlab.audit.run",
    "clusterlab.audit.figures",
    "clusterlab.audit.dashboard",
    "clusterlab.audit.draft",
    "clusterlab.audit.checklist",
]


def page_of(site, language: str) -> str:
    path = site / language / "chapters" / language / REFERENCE_PAGE
    assert path.is_file(), f"{path.relative_to(site)} is missing"
    return path.read_text(encoding="utf-8")


def entry(page: str, name: str) -> tuple[str, str]:
    """The signature (``<dt>``) and the description (``<dd>``) of the documented object ``name``."""
    start = page.find(f'<dt class="sig sig-object py" id="{name}">')
    assert start >= 0, f"{name} has no entry in the reference"
    end = page.find("</dt>", start)
    description = page[end : page.find("</dd>\n</dl>", end)]
    return page[start:end], description


def signature_parameters(dt: str) -> list[str]:
    """The parameter names a rendered signature shows, in order (``*`` and ``/`` left out)."""
    names = []
    for param in re.findall(r'<em class="sig-param">(.*?)</em>', dt, re.S):
        found = re.search(r'<span class="n"><span class="pre">(\w+)</span>', param)
        if found:
            names.append(found.group(1))
    return names


def raised(doc: str) -> list[str]:
    """The exceptions a numpydoc Raises section names (the lines of the section that are not indented)."""
    section = re.search(r"\nRaises\n-+\n(.*?)(?:\n\n(?=\S+\n-+\n)|\Z)", doc, re.S)
    if not section:
        return []
    return [line.strip().lstrip("~").rsplit(".", 1)[-1] for line in section.group(1).splitlines() if line[:1].strip()]


def resolve(name: str):
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def public_functions(module_name: str) -> list[str]:
    """What ``from clusterlab import <module>`` offers: the names of its ``__all__`` and every function of the
    package without a leading underscore (a new function not added to ``__all__`` counts too)."""
    module = importlib.import_module(module_name)
    names = set(getattr(module, "__all__", []))
    for name, value in vars(module).items():
        if (
            not name.startswith("_")
            and inspect.isfunction(value)
            and value.__module__.startswith(module_name)
            and value.__module__.split(".")[-1][:1] != "_"
        ):
            names.add(name)
    return sorted(f"{module_name}.{name}" for name in names)


@pytest.mark.parametrize("language", EDITIONS)
def test_the_functions_of_the_audit_are_documented_with_their_signatures_and_sections(site, language):
    page = page_of(site, language)
    for name in AUDIT_FUNCTIONS:
        dt, dd = entry(page, name)
        expected = [p.name for p in inspect.signature(resolve(name)).parameters.values()]
        assert signature_parameters(dt) == expected, f"{name}: the signature shown differs from the code's"
        doc = inspect.getdoc(resolve(name))
        for section in ("Parameters", "Returns", "Raises"):
            if f"\n{section}\n---" in doc:
                assert 'class="field-list' in dd, f"{name}: its {section} section is not rendered"
        text = html.unescape(re.sub(r"<[^>]+>", "", dd))
        for exception in raised(doc):
            assert exception in text, f"{name}: {exception} is not shown among the errors it raises"
        if expected:
            assert "\nParameters\n---" in doc, f"{name}: the docstring has no numpydoc Parameters section"
        assert "\nReturns\n---" in doc or inspect.signature(resolve(name)).return_annotation in (None, "None")


@pytest.mark.parametrize("module", ["clusterlab.data", "clusterlab.measures"])
@pytest.mark.parametrize("language", EDITIONS)
def test_every_public_function_of_data_and_measures_has_its_entry(site, language, module):
    page = page_of(site, language)
    names = public_functions(module)
    assert len(names) >= 7
    missing = [name for name in names if f'id="{name}"' not in page]
    assert missing == [], f"public, but not in the {language} reference: {missing}"


def documented(page: str) -> list[str]:
    return re.findall(r'<dt class="sig sig-object py" id="([^"]+)"', page)


def test_both_editions_document_the_same_objects_and_no_private_name(site):
    fr, en = documented(page_of(site, "fr")), documented(page_of(site, "en"))
    assert fr == en and len(fr) > 100
    private = [name for name in fr if any(part.startswith("_") for part in name.split("."))]
    assert private == []


def test_the_french_introduction_is_checked_and_the_english_docstrings_are_not(site):
    """The exception of the French typography test covers the generated blocks, not the page."""
    path = site / "fr" / "chapters" / "fr" / REFERENCE_PAGE
    parsed = parse(path)
    checked = squash(" ".join(parsed.text))
    assert parsed.api_blocks >= 10
    assert "est le paquet Python qui accompagne ce livre\u00a0: chaque carnet" in checked
    assert "Les modules de l'audit" in checked and "elles sont écrites en anglais" in checked
    source = html.unescape(path.read_text(encoding="utf-8"))
    assert "A shipped table as a typed DataFrame" in source
    assert "A shipped table as a typed DataFrame" not in checked


def test_french_field_labels_are_french_text(site):
    page = page_of(site, "fr")
    assert '<dt class="field-odd" lang="fr">Paramètres<span class="colon">\u00a0:</span>' in page
    assert " -- " not in re.sub(r"<pre>.*?</pre>", "", page, flags=re.S)
