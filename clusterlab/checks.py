"""Argument checks shared by every model: one rule each, the same everywhere, with an error that says
what to give instead. A bool is never a number here (``True`` is not 1 firm), NaN and infinities are not
numbers either, and a whole number is an ``int`` (or a NumPy integer), not ``3.0``. The errors are
:class:`clusterlab.errors.InputError`, in the reader's language, with the codes ``checks.*``."""

from __future__ import annotations

import math
from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike

from clusterlab import labels
from clusterlab.errors import InputError


def whole(name: str, value: object, low: int = 0, high: int | None = None) -> int:
    """``value`` as an ``int`` if it is a whole number in ``[low, high]``; else :class:`~clusterlab.errors.InputError`."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value < low:
        raise InputError("checks.whole_low", name=name, low=low, value=value)
    if high is not None and value > high:
        raise InputError("checks.whole_high", name=name, high=high, value=value)
    return int(value)


def number(name: str, value: object, low: float | None = None, high: float | None = None) -> float:
    """``value`` as a finite ``float`` in ``[low, high]`` (either bound may be left open with None)."""
    if isinstance(value, (bool, np.bool_)):
        raise InputError("checks.number_not_bool", name=name, value=value)
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise InputError("checks.number", name=name, value=value) from None
    if not math.isfinite(out):
        raise InputError("checks.finite", name=name, value=value)
    if low is not None and out < low:
        raise InputError("checks.low", name=name, low=low, value=value)
    if high is not None and out > high:
        raise InputError("checks.high", name=name, high=high, value=value)
    return out


def positive(name: str, value: object) -> float:
    """``value`` as a finite ``float`` greater than 0."""
    out = number(name, value)
    if out <= 0:
        raise InputError("checks.positive", name=name, value=value)
    return out


def probability(name: str, value: object, meaning: str | None = None) -> float:
    """``value`` as a probability in (0, 1]; ``meaning`` is the catalogue key of what it is the chance of."""
    out = number(name, value)
    if not 0 < out <= 1:
        if meaning is None:
            raise InputError("checks.probability", name=name, value=value)
        raise InputError("checks.probability_of", name=name, value=value, meaning=labels.label(meaning))
    return out


def nonnegative_array(name: str, value: ArrayLike) -> np.ndarray:
    """``value`` (a number or an array of numbers) as a float array with no NaN and nothing below 0."""
    if isinstance(value, (bool, np.bool_)) or (isinstance(value, np.ndarray) and value.dtype == bool):
        raise InputError("checks.array_not_bool", name=name, value=value)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError("checks.array", name=name, value=value) from None
    if np.isnan(arr).any():
        raise InputError("checks.array_nan", name=name)
    if (arr < 0).any():
        raise InputError("checks.array_negative", name=name, value=value)
    return arr
