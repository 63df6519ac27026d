"""Argument checks shared by every model: one rule each, the same everywhere, with an error that says
what to give instead. A bool is never a number here (``True`` is not 1 firm), NaN and infinities are not
numbers either, and a whole number is an ``int`` (or a NumPy integer), not ``3.0``."""

from __future__ import annotations

import math
from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike


def whole(name: str, value: object, low: int = 0, high: int | None = None) -> int:
    """``value`` as an ``int`` if it is a whole number in ``[low, high]``; else :class:`ValueError`."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value < low:
        raise ValueError(f"{name} must be a whole number of {low} or more; got {value!r}.")
    if high is not None and value > high:
        raise ValueError(f"{name} must be a whole number of {high} or less; got {value!r}.")
    return int(value)


def number(name: str, value: object, low: float | None = None, high: float | None = None) -> float:
    """``value`` as a finite ``float`` in ``[low, high]`` (either bound may be left open with None)."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be a number, not True/False; got {value!r}.")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number; got {value!r}.") from None
    if not math.isfinite(out):
        raise ValueError(f"{name} must be a finite number; got {value!r}.")
    if low is not None and out < low:
        raise ValueError(f"{name} must be {low} or more; got {value!r}.")
    if high is not None and out > high:
        raise ValueError(f"{name} must be {high} or less; got {value!r}.")
    return out


def positive(name: str, value: object) -> float:
    """``value`` as a finite ``float`` greater than 0."""
    out = number(name, value)
    if out <= 0:
        raise ValueError(f"{name} must be a positive number; got {value!r}.")
    return out


def probability(name: str, value: object, what: str = "") -> float:
    """``value`` as a probability in (0, 1]; ``what`` says what it is the chance of, for the message."""
    out = number(name, value)
    if not 0 < out <= 1:
        meaning = f" ({what})" if what else ""
        raise ValueError(f"{name} must be a probability in (0, 1]{meaning}; got {value!r}.")
    return out


def nonnegative_array(name: str, value: ArrayLike) -> np.ndarray:
    """``value`` (a number or an array of numbers) as a float array with no NaN and nothing below 0."""
    if isinstance(value, (bool, np.bool_)) or (isinstance(value, np.ndarray) and value.dtype == bool):
        raise ValueError(f"{name} must be a number or numbers, not True/False; got {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or numbers; got {value!r}.") from None
    if np.isnan(arr).any():
        raise ValueError(f"{name} has a missing value (NaN); give a number.")
    if (arr < 0).any():
        raise ValueError(f"{name} must be 0 or more; got {value!r}.")
    return arr
