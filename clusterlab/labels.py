"""Every word and number a reader sees, in French or in English.

The book has two editions whose notebooks run the same code; only one line differs::

    labels.set_language("fr")   # or "en"

After it, :func:`label` returns the French (or English) text of a key, :func:`fmt_number`
writes numbers the French way (``1 234,5``, with a narrow no-break space) or the English
way (``1,234.5``), and :func:`vega_locale` gives charts the same conventions.

An unknown key or language raises an error that says what exists, so a typo in a notebook
fails loudly instead of printing a key name on a chart.
"""

from __future__ import annotations

import copy
import hashlib
import math
import numbers
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from babel import Locale, UnknownLocaleError
from pandas.io.formats.style import Styler

#: The folder of the catalogues, ``languages.toml`` (the languages, the first being the default) and one
#: ``<code>.toml`` per language with its number and date conventions and its ``[messages]``.
LOCALES = Path(__file__).with_name("locales")

#: Narrow no-break space (U+202F), the French thousands separator and space before ; ! ?
NNBSP = "\u202f"
#: No-break space (U+00A0), the French space before ``:`` and inside « guillemets ».
NBSP = "\u00a0"

LANGUAGES: tuple[str, ...] = ()
#: Every reader-visible text, ``{key: {language: text}}``, as the catalogues give it. A text that depends
#: on a count is a table of plural forms (CLDR categories: ``one``, ``many``, ``other``…), see :func:`plural`.
MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {}
_catalogues: dict[str, dict] = {}
_state = {"language": "en"}


def use_catalogues(folder: Path = LOCALES) -> None:
    """Read the catalogues of ``folder``: every language listed in its ``languages.toml``, each from its own
    ``<code>.toml``. Every catalogue must have the keys of the first; the index's default language becomes
    the current one. Adding a language is adding a catalogue and a line, not code."""
    global LANGUAGES, MESSAGES
    index = tomllib.loads((folder / "languages.toml").read_text(encoding="utf-8"))
    catalogues = {}
    for code in index["languages"]:
        path = folder / f"{code}.toml"
        if not path.is_file():
            raise FileNotFoundError(f"languages.toml lists {code!r} but {path} is missing: write that catalogue.")
        catalogues[code] = tomllib.loads(path.read_text(encoding="utf-8"))
    first, reference = next(iter(catalogues.items()))
    for code, catalogue in catalogues.items():
        for part in ("language", "number", "time", "messages"):
            if part not in catalogue:
                raise ValueError(f"the {code} catalogue has no [{part}] table.")
        rules = catalogue["language"].get("plural_rules", code)
        try:
            Locale.parse(rules)
        except (ValueError, UnknownLocaleError):
            raise ValueError(
                f"the {code} catalogue names plural_rules {rules!r}, which is not a CLDR locale."
            ) from None
        for key, text in catalogue["messages"].items():
            if isinstance(text, dict) and "other" not in text:
                raise ValueError(f"the {code} catalogue's {key!r} has plural forms but no 'other' form.")
        missing = sorted(set(reference["messages"]) - set(catalogue["messages"]))
        extra = sorted(set(catalogue["messages"]) - set(reference["messages"]))
        if missing or extra:
            raise ValueError(
                f"the {code} catalogue differs from the {first} one: missing {missing[:5]}, extra {extra[:5]}."
            )
    _catalogues.clear()
    _catalogues.update(catalogues)
    LANGUAGES = tuple(catalogues)
    MESSAGES = {key: {code: catalogues[code]["messages"][key] for code in catalogues} for key in reference["messages"]}
    _state["language"] = index.get("default", LANGUAGES[0])


use_catalogues()


def has(key: str) -> bool:
    """Whether the catalogues have a text for ``key``."""
    return key in MESSAGES


def set_language(language: str) -> None:
    """Choose the language of every label, number and chart that follows.

    Parameters
    ----------
    language : str
        A language of the catalogues: ``"fr"`` or ``"en"``.

    Raises
    ------
    ValueError
        For any other language (the message lists the languages there are).
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}: use one of {', '.join(map(repr, LANGUAGES))}.")
    _state["language"] = language


def language_name(language: str | None = None) -> str:
    """The name of ``language`` in that language (``"Français"``, ``"English"``), from its catalogue."""
    return _catalogues[_language(language)]["language"]["name"]


def get_language() -> str:
    """The language in force (``"fr"`` or ``"en"``)."""
    return _state["language"]


def label(key: str, language: str | None = None) -> str:
    """The reader-visible text of ``key`` in the current language (or in ``language``).

    Parameters
    ----------
    key : str
        A key of the catalogues, such as ``"lq.lq"`` (see :data:`MESSAGES`).
    language : str or None
        The language of the text (None: the current one, see :func:`set_language`).

    Returns
    -------
    str
        The text, as the catalogue gives it.

    Raises
    ------
    KeyError
        If no text has that key (the message lists the keys with the same prefix, if any), or if the text
        depends on a count (use :func:`plural`).
    ValueError
        For an unknown ``language``.
    """
    lang = _language(language)
    text = _entry(key, lang)
    if isinstance(text, dict):
        raise KeyError(f"{key!r} depends on a count: use labels.plural({key!r}, n).")
    return text


def _entry(key: str, lang: str) -> str | dict[str, str]:
    try:
        return MESSAGES[key][lang]
    except KeyError:
        close = sorted(k for k in MESSAGES if k.split(".")[0] == key.split(".")[0])
        hint = f" Keys with the same prefix: {', '.join(close)}." if close else ""
        raise KeyError(f"No label {key!r} in clusterlab.labels.MESSAGES.{hint}") from None


def _language(language: str | None) -> str:
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    return lang


def plural_category(n: float, language: str | None = None) -> str:
    """The CLDR plural category of the count ``n`` in ``language`` (``"one"``, ``"many"``, ``"other"``…).

    French says « 0 industrie », « 1 industrie », « 2 industries »; English "0 industries", "1 industry".
    The rules are Babel's (the Unicode CLDR), for the locale the catalogue names (``plural_rules``).
    """
    lang = _language(language)
    rules = _catalogues[lang]["language"].get("plural_rules", lang)
    return Locale.parse(rules).plural_form(abs(n))


def plural(key: str, n: float, language: str | None = None, /, **values: object) -> str:
    """The text of ``key`` for the count ``n``: the catalogue's form for ``n``'s plural category (or its
    ``other`` form), with ``{n}`` and the other ``values`` written as in :func:`message`."""
    lang = _language(language)
    forms = _entry(key, lang)
    if not isinstance(forms, dict):
        raise KeyError(f"{key!r} has no plural forms: use labels.label({key!r}).")
    text = forms.get(plural_category(n, lang), forms["other"])
    return _fill(text, lang, dict(values, n=n))


def plural_forms(key: str, language: str | None = None) -> dict[str, str]:
    """The plural forms of ``key`` in ``language``, by CLDR category (at least ``"other"``)."""
    forms = _entry(key, _language(language))
    if not isinstance(forms, dict):
        raise KeyError(f"{key!r} has no plural forms: use labels.label({key!r}).")
    return dict(forms)


def message(key: str, language: str | None = None, /, **values: object) -> str:
    """The text of ``key`` with its ``{placeholders}`` filled in: numbers written in the reader's language
    (``{low}`` gives ``0,5`` in French), ``{value!r}`` as Python writes it (what the reader typed)."""
    lang = _language(language)
    return _fill(label(key, lang), lang, values)


class _Shown:
    """A number in a message: ``str`` in the reader's language, ``repr`` as Python writes it."""

    def __init__(self, value: numbers.Real, language: str) -> None:
        self.value, self.language = value, language

    def __str__(self) -> str:
        return fmt_value(self.value, self.language)

    def __repr__(self) -> str:
        return repr(self.value)

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        number = _catalogues[self.language]["number"]
        text = format(self.value, spec).replace(",", "\0").replace(".", number["decimal"])
        return text.replace("\0", number["thousands"]).replace("-", number["minus"])


def _fill(text: str, language: str, values: Mapping[str, object]) -> str:
    shown = {
        name: _Shown(v, language) if isinstance(v, numbers.Real) and not isinstance(v, bool) else v
        for name, v in values.items()
    }
    return text.format(**shown)


def sort_key(text: str) -> tuple[str, str]:
    """The key that puts names in the order a dictionary gives them: accents and case set aside first
    (« Égypte » between « Croatie » and « Espagne », not after « Zambie »), then the name itself."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c))
    return bare.casefold(), str(text)


def fmt_value(value: numbers.Real, language: str | None = None) -> str:
    """A number as a sentence writes it, with the digits it has: ``3``, ``0,25`` in French, ``0.25`` in
    English, ``1 000`` / ``1,000``, ``−2`` with a true minus sign."""
    lang = _language(language)
    if isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return fmt_number(int(value), 0, lang)
    text = repr(float(value))
    if "e" in text or "n" in text:
        number = _catalogues[lang]["number"]
        return text.replace(".", number["decimal"]).replace("-", number["minus"])
    return fmt_number(float(value), len(text.split(".")[1]), lang)


def fmt_number(value: float, decimals: int = 0, language: str | None = None) -> str:
    """Write ``value`` with ``decimals`` digits after the decimal mark, grouped by thousands.

    French: decimal comma and narrow no-break space between thousands (``1 234,5``);
    English: decimal point and comma (``1,234.5``). A missing value (None or NaN) is ``–``.

    Parameters
    ----------
    value : float or None
        The number (an int, a float, a NumPy number…), or a missing value.
    decimals : int
        Digits after the decimal mark, 0 or more (the number is rounded to them).
    language : str or None
        The language whose conventions apply (None: the current one, see :func:`set_language`).

    Returns
    -------
    str
        The number as the reader's language writes it, with a true minus sign (``−2``).

    Raises
    ------
    ValueError
        If ``decimals`` is negative, or for an unknown ``language``.
    TypeError
        If ``value`` is not a number.
    """
    lang = _language(language)
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, not {decimals}.")
    if value is None or (isinstance(value, numbers.Real) and math.isnan(value)):
        return "–"
    if not isinstance(value, numbers.Real):
        raise TypeError(f"fmt_number needs a number, not {type(value).__name__} {value!r}.")
    number = _catalogues[lang]["number"]
    text = f"{value:,.{decimals}f}".replace(",", "\0").replace(".", number["decimal"])
    return text.replace("\0", number["thousands"]).replace("-", number["minus"])


def vega_locale(language: str | None = None) -> dict:
    """The d3 number and time locale for Vega-Lite's ``config.locale`` in ``language``, from its catalogue."""
    lang = _language(language)
    return copy.deepcopy({"number": _catalogues[lang]["number"], "time": _catalogues[lang]["time"]})


def table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    decimals: Mapping[str, int] | None = None,
    caption: str | None = None,
) -> Styler:
    """A table for the reader: columns renamed through :func:`label`, numbers formatted.

    ``columns`` maps each column to show to a label key (in that order); ``decimals`` gives
    the digits after the decimal mark per column (0 by default for numeric columns).
    Returns a pandas ``Styler`` whose HTML is stable from one run to the next.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"Columns {missing} are not in the table; it has {list(frame.columns)}.")
    decimals = dict(decimals or {})
    shown = frame[list(columns)].copy()
    formatters = {}
    for col in columns:
        if pd.api.types.is_numeric_dtype(shown[col]):
            digits = decimals.get(col, 0)
            formatters[label(columns[col])] = lambda v, d=digits: fmt_number(v, d)
    shown.columns = [label(key) for key in columns.values()]
    digest = hashlib.sha1(
        pd.util.hash_pandas_object(shown, index=False).to_numpy().tobytes() + "|".join(shown.columns).encode()
    ).hexdigest()[:8]
    styler = shown.style.format(formatters).hide(axis="index").set_uuid(f"cl{digest}")
    if caption:
        styler = styler.set_caption(caption)
    return styler
