"""Author-year citation styles for the two editions: "(Martin et Sunley, 2003)" in French,
"(Martin and Sunley, 2003)" in English, in round brackets. Registered with sphinxcontrib-bibtex
as ``clusterlab_fr`` and ``clusterlab_en`` (``bibtex_reference_style`` in the configuration)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

GROUP = "sphinxcontrib.bibtex.style.referencing"


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


def _round_fr() -> BracketStyle:
    # French typography: narrow no-break space before the semicolon between two citations.
    return BracketStyle(left="(", right=")", sep="\u202f; ")


@dataclass
class FrenchAuthorYear(AuthorYearReferenceStyle):
    bracket_parenthetical: BracketStyle = field(default_factory=_round_fr)
    bracket_textual: BracketStyle = field(default_factory=_round_fr)
    person: PersonStyle = field(default_factory=lambda: PersonStyle(sep2=" et ", last_sep=" et "))


@dataclass
class EnglishAuthorYear(AuthorYearReferenceStyle):
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)


def register() -> None:
    register_plugin(GROUP, "clusterlab_fr", FrenchAuthorYear, force=True)
    register_plugin(GROUP, "clusterlab_en", EnglishAuthorYear, force=True)
