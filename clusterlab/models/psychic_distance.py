"""Psychic distance between countries, built from CEPII's GeoDist, and a first-export-market ranking.

The Uppsala model (Johanson and Vahlne 1977) says that firms enter first the markets they find
"close": where language, culture, institutions and business practice are familiar, not only where
kilometres are few. This module builds a simple teaching index of that closeness from four GeoDist
variables, for any home country:

* ``distance``: the log of the distance between the two countries' main cities, rescaled from 0
  (the home country's nearest partner) to 1 (its farthest);
* ``border``: 0 if the two countries share a border, else 1;
* ``language``: 0 if they share an official language, else 1;
* ``colony``: 0 if they were ever in a colonial relationship, else 1.

The index is the weighted mean of the four components (default: equal weights), between 0 and 1.
It is a device for discussion, not an estimate: the weights are the reader's to choose, and the
variables leave out much of what psychic distance means (business practice, institutions).

:func:`rank` sets the index against market size (the log of GDP in current US dollars, World Bank
WDI, rescaled from 0 to 1 among the partners that year): score = ``market_weight`` × market −
index, highest first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from clusterlab import checks, labels
from clusterlab.errors import InputError

COMPONENTS = ("distance", "border", "language", "colony")
DEFAULT_WEIGHTS = {"distance": 1.0, "border": 1.0, "language": 1.0, "colony": 1.0}


def _check_home(home: str, pairs: pd.DataFrame) -> None:
    if not isinstance(home, str) or not re.fullmatch(r"[A-Z]{3}", home):
        raise InputError("models.psychic_distance.home_code", value=home)
    if not ((pairs["iso3_a"] == home).any() or (pairs["iso3_b"] == home).any()):
        raise InputError("models.psychic_distance.home_unknown", value=home)


def components(home: str, pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per partner of ``home``: GeoDist's distance (km), and the four components of the index.

    ``pairs`` is the ``geodist_pairs`` table, each unordered pair stored once (``iso3_a``, ``iso3_b``).
    """
    _check_home(home, pairs)
    a = pairs[pairs["iso3_a"] == home].rename(columns={"iso3_b": "partner"})
    b = pairs[pairs["iso3_b"] == home].rename(columns={"iso3_a": "partner"})
    both = pd.concat([a.drop(columns=["iso3_a"]), b.drop(columns=["iso3_b"])], ignore_index=True)
    both = both[both["partner"] != home].dropna(subset=["dist_km"])
    logd = np.log(both["dist_km"].astype(float).clip(lower=1.0))
    spread = logd.max() - logd.min()
    return (
        pd.DataFrame(
            {
                "partner": both["partner"].astype(str),
                "dist_km": both["dist_km"].astype(float),
                "distance": ((logd - logd.min()) / spread if spread > 0 else logd * 0.0).round(6),
                "border": 1 - both["contig"].astype(int),
                "language": 1 - both["comlang_off"].astype(int),
                "colony": 1 - both["colony"].astype(int),
            }
        )
        .sort_values("partner")
        .reset_index(drop=True)
    )


def normalised_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    w = dict(DEFAULT_WEIGHTS if weights is None else {k: 0.0 for k in COMPONENTS} | dict(weights))
    unknown = sorted(set(w) - set(COMPONENTS))
    if unknown:
        named = labels.plural("models.psychic_distance.unknown", len(unknown), names=unknown)
        raise InputError("models.psychic_distance.unknown_components", unknown=named, components=list(COMPONENTS))
    w = {k: checks.number(f"weights[{k!r}]", v, 0) for k, v in w.items()}
    if sum(w.values()) == 0:
        raise InputError("models.psychic_distance.no_weight", components=list(COMPONENTS))
    return w


def index(comp: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.Series:
    """The psychic-distance index of each row of :func:`components`: Σ w_k c_k / Σ w_k, in [0, 1].
    Components missing from ``weights`` weigh 0; ``None`` gives equal weights."""
    w = normalised_weights(weights)
    total = sum(w.values())
    return sum(w[k] * comp[k].astype(float) for k in COMPONENTS) / total


def rank(
    home: str,
    pairs: pd.DataFrame,
    gdp: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    market_weight: float = 1.0,
    year: int = 2019,
) -> pd.DataFrame:
    """Partners of ``home`` ranked by score = ``market_weight`` × market − index (highest first).

    ``gdp`` is the ``wdi_gdp_population`` table; only partners with a GDP in ``year`` are ranked, and
    the number left out is in ``result.attrs["left_out"]``. Ties are broken by partner code.
    """
    market_weight = checks.number("market_weight", market_weight, 0)
    years = gdp["year"].dropna().astype(int)
    if year not in set(years):
        raise InputError(
            "models.psychic_distance.no_gdp", year=str(year), first=str(years.min()), last=str(years.max())
        )
    comp = components(home, pairs)
    comp["index"] = index(comp, weights)
    sizes = gdp[(gdp["year"] == year) & gdp["gdp_usd"].notna()].set_index("iso3")["gdp_usd"].astype(float)
    ranked = comp[comp["partner"].isin(sizes.index)].copy()
    logs = np.log(sizes.loc[ranked["partner"]].to_numpy())
    spread = logs.max() - logs.min()
    ranked["market"] = np.round((logs - logs.min()) / spread if spread > 0 else logs * 0.0, 6)
    ranked["score"] = market_weight * ranked["market"] - ranked["index"]
    ranked = ranked.sort_values(["score", "partner"], ascending=[False, True]).reset_index(drop=True)
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    ranked.attrs["left_out"] = len(comp) - len(ranked)
    return ranked
