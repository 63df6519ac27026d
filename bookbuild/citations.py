"""Author-year citation styles for the two editions: "(Martin et Sunley, 2003)" in French,
"(Martin and Sunley, 2003)" in English, in round brackets. Registered with sphinxcontrib-bibtex
as ``clusterlab_fr`` and ``clusterlab_en`` (``bibtex_reference_style`` in the configuration).

The entries of the French bibliography use ``clusterlab_fr`` (``bibtex_default_style``): pybtex's plain style
in French, with the French descriptions the book wrote (``title_fr``, ``note_fr``, ``howpublished_fr``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pybtex.plugin import register_plugin as register_pybtex_plugin
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
    register_entry_styles()


# --------------------------------------------------------------------------- French entries

FORMATTING = "pybtex.style.formatting"
NBSP = "\u00a0"
MONTHS_FR = {
    "january": "janvier",
    "february": "février",
    "march": "mars",
    "april": "avril",
    "may": "mai",
    "june": "juin",
    "july": "juillet",
    "august": "août",
    "september": "septembre",
    "october": "octobre",
    "november": "novembre",
    "december": "décembre",
}


def french_entry(entry):
    """The entry as the French edition shows it: a field ``x_fr`` (a description the book wrote, in French)
    replaces ``x``; an undated work is « s. d. »; months are French."""
    from pybtex.database import Entry

    fields = {}
    for key, value in entry.fields.items():
        if key.endswith("_fr"):
            continue
        fields[key] = entry.fields.get(f"{key}_fr", value)
    if fields.get("year") == "n.d.":
        fields["year"] = f"s.{NBSP}d."
    if "month" in fields:
        fields["month"] = MONTHS_FR.get(fields["month"].strip().lower(), fields["month"])
    out = Entry(entry.type, fields=fields, persons=entry.persons)
    out.key = entry.key
    return out


def _french_style():
    from pybtex.richtext import Symbol, Text
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.template import field, join, names, optional, optional_field, sentence, together, words

    def dashify(text):
        return Text(Symbol("ndash")).join(text.split(re.compile(r"-+")))

    pages = field("pages", apply_func=dashify)
    date = words[optional_field("month"), field("year")]

    class FrenchPlain(Plain):
        """pybtex's plain style with French words: « et », « (éd.) », « Dans », « p. », « rapport technique »,
        French months, « s. d. », and the book's own French descriptions (``title_fr``, ``note_fr``,
        ``howpublished_fr``)."""

        def format_entry(self, label, entry, bib_data=None):
            return super().format_entry(label, french_entry(entry), bib_data)

        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=" et ", last_sep=" et ")
            return sentence[formatted] if as_sentence else formatted

        def format_editor(self, e, as_sentence=True):
            editors = self.format_names("editor", as_sentence=False)
            if "editor" not in e.persons:
                return editors
            result = join(sep=" ")[editors, "(éd.)"]
            return sentence[result] if as_sentence else result

        def format_chapter_and_pages(self, e):
            return join(sep=", ")[
                optional[together["chapitre", field("chapter")]],
                optional[together["p.", pages]],
            ]

        def get_article_template(self, e):
            from pybtex.style.formatting import toplevel
            from pybtex.style.template import first_of, tag

            volume_and_pages = first_of[
                optional[join[field("volume"), optional["(", field("number"), ")"], ":", pages]],
                words["p.", pages],
            ]
            return toplevel[
                self.format_names("author"),
                self.format_title(e, "title"),
                sentence[tag("em")[field("journal")], optional[volume_and_pages], date],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

        def get_incollection_template(self, e):
            from pybtex.style.formatting import toplevel

            return toplevel[
                sentence[self.format_names("author")],
                self.format_title(e, "title"),
                words[
                    "Dans",
                    sentence[
                        optional[self.format_editor(e, as_sentence=False)],
                        self.format_btitle(e, "booktitle", as_sentence=False),
                        self.format_volume_and_series(e, as_sentence=False),
                        self.format_chapter_and_pages(e),
                    ],
                ],
                sentence[optional_field("publisher"), optional_field("address"), self.format_edition(e), date],
                self.format_web_refs(e),
            ]

        def get_techreport_template(self, e):
            from pybtex.style.formatting import toplevel
            from pybtex.style.template import first_of

            return toplevel[
                sentence[self.format_names("author")],
                self.format_title(e, "title"),
                sentence[
                    words[first_of[optional_field("type"), "Rapport technique"], optional_field("number")],
                    field("institution"),
                    optional_field("address"),
                    date,
                ],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

    return FrenchPlain


def register_entry_styles() -> None:
    register_pybtex_plugin(FORMATTING, "clusterlab_fr", _french_style(), force=True)
