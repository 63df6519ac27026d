"""The two editions: the root ``_config.yml`` and ``_toc.yml`` build the French edition as they
are; the English edition is derived from them with the overrides of ``editions/en.yml``.

Nothing else is kept by hand for the English edition: its toc is the French toc with
``chapters/fr/`` replaced by ``chapters/en/`` and each part caption translated.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("fr", "en")
SOURCE_LANGUAGE = "fr"


class EditionError(ValueError):
    """The English edition cannot be derived (a caption or a page has no counterpart)."""


def load_overrides(language: str) -> dict:
    path = Path(__file__).parent / "editions" / f"{language}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _swap(path: str, language: str) -> str:
    prefix = f"chapters/{SOURCE_LANGUAGE}/"
    if not path.startswith(prefix):
        raise EditionError(f"toc entry {path!r} is not under {prefix}")
    return f"chapters/{language}/" + path[len(prefix) :]


def derive_toc(toc: dict, language: str, captions: dict[str, str]) -> dict:
    """The toc of edition ``language``: files moved to its folder, captions translated."""
    toc = copy.deepcopy(toc)

    def walk(node):
        if isinstance(node, dict):
            for key in ("file", "root"):
                if key in node:
                    node[key] = _swap(node[key], language)
            if "caption" in node:
                if node["caption"] not in captions:
                    raise EditionError(
                        f"Part caption {node['caption']!r} has no {language} translation in "
                        f"bookbuild/editions/{language}.yml (captions:)."
                    )
                node["caption"] = captions[node["caption"]]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return toc


def derive_config(config: dict, overrides: dict, root: Path = ROOT) -> dict:
    """The configuration of an edition: the root config with its language overrides."""
    config = copy.deepcopy(config)
    config["title"] = overrides["title"]
    config["author"] = overrides["author"]
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["language"] = overrides["language"]
    theme = sphinx_config.setdefault("html_theme_options", {})
    theme["search_bar_text"] = overrides["search_bar_text"]
    sphinx_config["bibtex_reference_style"] = overrides["bibtex_reference_style"]
    sphinx_config["bibtex_default_style"] = overrides["bibtex_default_style"]
    sphinx_config["bibtex_tooltips_style"] = overrides["bibtex_tooltips_style"]
    # Paths in the root config are relative to the book root, not to the derived file.
    html = config.get("html", {})
    if html.get("favicon"):
        html["favicon"] = str(root / html["favicon"])
    return config


def write_edition(language: str, folder: Path, root: Path = ROOT) -> tuple[Path, Path]:
    """Write the derived ``_config.yml`` and ``_toc.yml`` of ``language`` (book sources in ``root``)
    into ``folder``."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    overrides = load_overrides(language)
    folder.mkdir(parents=True, exist_ok=True)
    config_path, toc_path = folder / "_config.yml", folder / "_toc.yml"
    config_path.write_text(
        yaml.safe_dump(derive_config(config, overrides, root), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    toc_path.write_text(
        yaml.safe_dump(
            derive_toc(toc, language, overrides.get("captions", {})),
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return config_path, toc_path


def toc_files(toc: dict) -> list[str]:
    """Every page of a toc, in reading order."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key in ("root", "file"):
                if key in node:
                    found.append(node[key])
            for key in ("parts", "chapters", "sections"):
                if key in node:
                    walk(node[key])
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return found
