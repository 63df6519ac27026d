"""Author-year citation styles for the editions: "(Martin et Sunley, 2003)" in French, "(Martin and Sunley,
2003)" in English, in round brackets. Registered with sphinxcontrib-bibtex as ``clusterlab_<language>`` for
every language of the catalogues (``bibtex_reference_style`` in the configuration).

The entries of a bibliography in another language than English use ``clusterlab_<language>``
(``bibtex_default_style``): pybtex's plain style with the words of that language's catalogue
(``book.cite.*``, its month names) and the descriptions the book wrote in it (``title_fr``, ``note_fr``,
``howpublished_fr``… in ``references.bib``). The English bibliography is pybtex's plain style."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pybtex.plugin import register_plugin as register_pybtex_plugin
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from clusterlab import labels

GROUP = "sphinxcontrib.bibtex.style.referencing"


def reference_style(language: str) -> type[AuthorYearReferenceStyle]:
    """The in-text citations of ``language``: round brackets, its separator between works and its "and"."""

    def brackets() -> BracketStyle:
        return BracketStyle(left="(", right=")", sep=labels.label("book.cite.separator", language))

    and_, last_and = labels.label("book.cite.and", language), labels.label("book.cite.last_and", language)

    @dataclass
    class AuthorYear(AuthorYearReferenceStyle):
        bracket_parenthetical: BracketStyle = field(default_factory=brackets)
        bracket_textual: BracketStyle = field(default_factory=brackets)
        person: PersonStyle = field(default_factory=lambda: PersonStyle(sep2=and_, last_sep=last_and))

    AuthorYear.__name__ = f"AuthorYear_{language}"
    return AuthorYear


def register() -> None:
    for language in labels.LANGUAGES:
        register_plugin(GROUP, f"clusterlab_{language}", reference_style(language), force=True)
    register_entry_styles()


# --------------------------------------------------------------------------- entries in another language

FORMATTING = "pybtex.style.formatting"
ENGLISH_MONTHS = "january february march april may june july august september october november december".split()


def localised_entry(entry, language: str):
    """The entry as the edition of ``language`` shows it: a field ``x_<language>`` (a description the book
    wrote in that language) replaces ``x``; an undated work is the catalogue's « s. d. »; months are the
    catalogue's."""
    from pybtex.database import Entry

    suffix = f"_{language}"
    months = dict(zip(ENGLISH_MONTHS, labels.vega_locale(language)["time"]["months"]))
    fields = {}
    for key, value in entry.fields.items():
        if re.search(r"_[a-z]{2}$", key):
            continue
        fields[key] = entry.fields.get(f"{key}{suffix}", value)
    if fields.get("year") == "n.d.":
        fields["year"] = labels.label("book.cite.undated", language)
    if "month" in fields:
        fields["month"] = months.get(fields["month"].strip().lower(), fields["month"])
    out = Entry(entry.type, fields=fields, persons=entry.persons)
    out.key = entry.key
    return out


def entry_style(language: str):
    from pybtex.richtext import Symbol, Text
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.template import field, join, names, optional, optional_field, sentence, together, words

    def dashify(text):
        return Text(Symbol("ndash")).join(text.split(re.compile(r"-+")))

    pages = field("pages", apply_func=dashify)
    date = words[optional_field("month"), field("year")]

    def word(key: str) -> str:
        return labels.label(f"book.cite.{key}", language)

    class LocalisedPlain(Plain):
        """pybtex's plain style with the words of the catalogue (« et », « (éd.) », « Dans », « p. »,
        « Rapport technique », the months, « s. d. ») and the book's own descriptions in the language."""

        def format_entry(self, label, entry, bib_data=None):
            return super().format_entry(label, localised_entry(entry, language), bib_data)

        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=word("and"), last_sep=word("and"))
            return sentence[formatted] if as_sentence else formatted

        def format_editor(self, e, as_sentence=True):
            editors = self.format_names("editor", as_sentence=False)
            if "editor" not in e.persons:
                return editors
            result = join(sep=" ")[editors, word("editors")]
            return sentence[result] if as_sentence else result

        def format_chapter_and_pages(self, e):
            return join(sep=", ")[
                optional[together[word("chapter"), field("chapter")]],
                optional[together[word("pages"), pages]],
            ]

        def get_article_template(self, e):
            from pybtex.style.formatting import toplevel
            from pybtex.style.template import first_of, tag

            volume_and_pages = first_of[
                optional[join[field("volume"), optional["(", field("number"), ")"], ":", pages]],
                words[word("pages"), pages],
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
                    word("in"),
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
                    words[first_of[optional_field("type"), word("techreport")], optional_field("number")],
                    field("institution"),
                    optional_field("address"),
                    date,
                ],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

    LocalisedPlain.__name__ = f"Plain_{language}"
    return LocalisedPlain


def register_entry_styles() -> None:
    for language in labels.LANGUAGES:
        if language != "en":
            register_pybtex_plugin(FORMATTING, f"clusterlab_{language}", entry_style(language), force=True)
