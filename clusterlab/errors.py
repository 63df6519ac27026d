"""The errors a reader can meet, in the reader's language.

Each error has a stable, language-free :attr:`~BookError.code` (``"data.negative_counts"``,
``"checks.whole_low"``…) and a message taken from the catalogue of the language in force
(``error.<code>`` in ``clusterlab/locales/<language>.toml``), filled in with the values that
say what was wrong: numbers are written the reader's way, what the reader typed as Python
writes it. Tests check the code; readers read the message::

    >>> labels.set_language("fr")
    >>> checks.whole("firms", 2.5)
    InputError: firms doit être un nombre entier supérieur ou égal à 0 ; reçu : 2.5.

Every error is a :class:`ValueError` (or, for a value of the wrong kind, also a :class:`TypeError`),
so ``except ValueError`` catches it as before.
"""

from __future__ import annotations

from clusterlab import labels


class BookError(ValueError):
    """An error whose message says, in the reader's language, what to fix.

    Parameters
    ----------
    code
        The stable name of the error, without language: its message is the catalogue's ``error.<code>``.
    **values
        The values the message names (a column, a count, what was given).

    Attributes
    ----------
    code : str
        The ``code`` given: the same in every language (what a test checks).
    values : dict
        The ``values`` given.
    """

    def __init__(self, code: str, /, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(labels.message(f"error.{code}", **values))

    def __reduce__(self) -> tuple:
        return (_rebuild, (type(self), self.code, self.values))


def _rebuild(kind: type[BookError], code: str, values: dict) -> BookError:
    return kind(code, **values)


class DataError(BookError):
    """A data file or table the book cannot use: the message says which file, where, and what to fix."""


class InputError(BookError):
    """An argument of a measure, a model or a chart that is out of range or inconsistent."""


class InputTypeError(InputError, TypeError):
    """An argument of the wrong kind (a list where a table is needed…)."""
