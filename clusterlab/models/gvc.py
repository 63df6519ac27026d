"""Global value chain governance from three variables (Gereffi, Humphrey and Sturgeon 2005).

Gereffi, Humphrey and Sturgeon explain how a lead firm governs its suppliers with three variables,
each "high" or "low": the **complexity** of the information and knowledge a transaction needs, how
far that information can be **codified** and passed on at low cost, and the **capabilities** of
the suppliers. Five of the eight combinations give their five types, in increasing order of explicit
coordination and power asymmetry: market, modular, relational, captive, hierarchy. The other
three combinations are not among the five types; :func:`governance` answers "none" for them.

:data:`TABLE` is that table; :func:`governance` reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clusterlab.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

#: (complexity, codifiability, capability) → governance type, or "none" (not one of the five types).
TABLE = {
    ("low", "high", "high"): "market",
    ("high", "high", "high"): "modular",
    ("high", "low", "high"): "relational",
    ("high", "high", "low"): "captive",
    ("high", "low", "low"): "hierarchy",
    ("low", "low", "high"): "none",
    ("low", "low", "low"): "none",
    ("low", "high", "low"): "none",
}

#: The five types, from the least to the most explicit coordination and power asymmetry.
TYPES = ("market", "modular", "relational", "captive", "hierarchy")


def _level(name: str, value) -> str:
    if isinstance(value, bool):
        return "high" if value else "low"
    text = str(value).strip().lower()
    if text not in ("high", "low"):
        raise InputError("models.gvc.level", name=name, value=value)
    return text


def governance(complexity: str | bool, codifiability: str | bool, capability: str | bool) -> str:
    """The governance type for the three variables ("high"/"low", or True/False for high/low)."""
    key = (_level("complexity", complexity), _level("codifiability", codifiability), _level("capability", capability))
    return TABLE[key]


def table_frame() -> pd.DataFrame:
    """:data:`TABLE` as a pandas DataFrame (one row per combination, with the type's rank in :data:`TYPES`,
    or no rank for the combinations that give no type)."""
    import pandas as pd

    rows = [
        {
            "complexity": c,
            "codifiability": k,
            "capability": s,
            "type": t,
            "rank": TYPES.index(t) + 1 if t in TYPES else None,
        }
        for (c, k, s), t in TABLE.items()
    ]
    return pd.DataFrame(rows)
