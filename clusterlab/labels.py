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
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from pandas.io.formats.style import Styler

#: Where the catalogues are: ``languages.toml`` (the languages, the first being the default) and one
#: ``<code>.toml`` per language with its number and date conventions and its ``[messages]``.
LOCALES = Path(__file__).with_name("locales")

#: Narrow no-break space (U+202F): French thousands separator and space before ; ! ?
NNBSP = "\u202f"
#: No-break space (U+00A0): French space before : and inside « guillemets ».
NBSP = "\u00a0"

LANGUAGES: tuple[str, ...] = ()
#: Every reader-visible text, ``{key: {language: text}}``, as the catalogues give it.
MESSAGES: dict[str, dict[str, str]] = {}
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
        for part in ("number", "time", "messages"):
            if part not in catalogue:
                raise ValueError(f"the {code} catalogue has no [{part}] table.")
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

    ``language`` is ``"fr"`` or ``"en"``; anything else raises :class:`ValueError`.
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}: use one of {', '.join(map(repr, LANGUAGES))}.")
    _state["language"] = language


def get_language() -> str:
    """The language in force (``"fr"`` or ``"en"``)."""
    return _state["language"]


def label(key: str, language: str | None = None) -> str:
    """The reader-visible text of ``key`` in the current language (or in ``language``)."""
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    try:
        return MESSAGES[key][lang]
    except KeyError:
        close = sorted(k for k in MESSAGES if k.split(".")[0] == key.split(".")[0])
        hint = f" Keys with the same prefix: {', '.join(close)}." if close else ""
        raise KeyError(f"No label {key!r} in clusterlab.labels.MESSAGES.{hint}") from None


def fmt_number(value: float, decimals: int = 0, language: str | None = None) -> str:
    """Write ``value`` with ``decimals`` digits after the decimal mark, grouped by thousands.

    French: decimal comma and narrow no-break space between thousands (``1 234,5``);
    English: decimal point and comma (``1,234.5``). A missing value (None or NaN) is ``–``.
    """
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
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
    lang = language or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
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
