"""Measures of localisation: where an industry sits compared with employment as a whole.

The book measures a cluster with a handful of classic indices, all computed from employment:

* :func:`location_quotient` and :func:`lq_table`: how over- or under-represented an industry
  is in a region, ``LQ = (e_ri / e_r) / (e_i / e)``;
* :func:`hoover` and :func:`locational_gini`: how unevenly one industry is spread over the
  regions compared with total employment (0 when it is spread exactly like it);
* :func:`herfindahl`: how concentrated an industry is in a few large plants;
* :func:`ellison_glaeser` and :func:`dartboard`: the Ellison–Glaeser index γ, which nets out
  the concentration that a few large plants thrown at random would produce anyway.

Conventions shared by every function:

* inputs may be numbers, Python lists, NumPy arrays or pandas Series (a DataFrame for
  :func:`lq_table`); regional vectors are matched **by position**, so two Series with different
  indexes raise an error instead of being silently misaligned;
* nothing is dropped, filled or clipped: a negative, missing (NaN or None), infinite or
  non-numeric value, a mismatch of lengths, a division by zero or an impossible combination
  raises :class:`~clusterlab.errors.InputError` (a :class:`ValueError`) whose message, in the
  reader's language, names the argument and says what to fix, and whose ``code`` (``measures.*``)
  is the same in every language;
* results are plain floats for scalars and NumPy arrays (or a pandas Series / DataFrame where
  documented) otherwise; nothing is printed; only :func:`dartboard` draws random numbers, from
  ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

from clusterlab.measures.concentration import dartboard, ellison_glaeser, herfindahl, hoover, locational_gini
from clusterlab.measures.specialisation import location_quotient, lq_table

__all__ = [
    "location_quotient",
    "lq_table",
    "hoover",
    "locational_gini",
    "herfindahl",
    "ellison_glaeser",
    "dartboard",
]
