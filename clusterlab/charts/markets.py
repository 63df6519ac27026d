"""First export markets (chapter 6): markets ranked by the psychic-distance index and market size, for a chosen home country."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import data
from clusterlab.charts.base import WIDTH, choice, slider
from clusterlab.errors import InputError
from clusterlab.labels import label
from clusterlab.models import psychic_distance

#: Home countries the website's chart offers (the book's cases).
MARKET_HOMES = ("FRA", "MAR", "TUN", "DZA")


def markets_data(
    pairs: pd.DataFrame,
    gdp: pd.DataFrame,
    countries: pd.DataFrame,
    homes: Sequence[str] = MARKET_HOMES,
    year: int = 2019,
) -> pd.DataFrame:
    """What :func:`markets_chart` draws: for each home country, every partner with a GDP in ``year``, its
    four psychic-distance components and its market size (:mod:`clusterlab.models.psychic_distance`),
    with the partner's name in the reader's language (``countries`` is the ``geodist_countries`` table)."""

    names = data.country_names(countries)
    frames = []
    for home in homes:
        ranked = psychic_distance.rank(home, pairs, gdp, year=year)
        frames.append(
            pd.DataFrame(
                {
                    "home": home,
                    "partner": ranked["partner"],
                    "name": [str(names.get(p, p)) for p in ranked["partner"]],
                    "dist_km": ranked["dist_km"].round(0),
                    "distance": ranked["distance"].round(4),
                    "border": ranked["border"],
                    "language": ranked["language"],
                    "colony": ranked["colony"],
                    "market": ranked["market"].round(4),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def markets_chart(
    markets: pd.DataFrame,
    interactive: bool = True,
    home: str | None = None,
    top: int = 15,
    weights: dict | None = None,
    market_weight: float = 1.0,
    with_map: bool = False,
) -> alt.Chart | alt.VConcatChart:
    """The ``top`` first-market candidates of a home country: score = market weight × market size −
    psychic-distance index, the index being the weighted mean of the four components.

    With ``interactive=True`` (the website) a menu picks the home country and five sliders set the
    weights, all computed in the browser; otherwise the chart is drawn for the values given.
    ``with_map=True`` adds, under the bars, a map of every partner's index with the ``top`` outlined
    (:func:`clusterlab.charts.markets_map`), driven by the same menu and sliders.
    """

    w = psychic_distance.normalised_weights(weights)
    if not np.isfinite(market_weight) or market_weight < 0:
        raise InputError("checks.low", name="market_weight", low=0, value=market_weight)
    homes = list(dict.fromkeys(markets["home"]))
    home = home or homes[0]
    if home not in homes:
        raise InputError("charts.not_among", name="home", value=home, among=homes)
    params = [
        choice("home", "markets.home", home, homes, lambda h: label(f"markets.home_{h}"), interactive=interactive)
    ]
    weights_given = [(f"w_{k}", w[k]) for k in psychic_distance.COMPONENTS] + [("w_market", market_weight)]
    params += [
        slider(name, f"markets.{name}", value, 0, 3, 0.5, interactive=interactive) for name, value in weights_given
    ]
    if with_map:
        from clusterlab.charts.maps import MARKETS

        # the bars and the map read one set of rows, which the map's chart holds once
        source = alt.Data(name=MARKETS)
    else:
        source = markets
    bars = (
        scored(alt.Chart(source))
        .transform_filter(f"datum.rank <= {int(top)}")
        .mark_bar()
        .encode(
            y=alt.Y(
                "name:N",
                sort=alt.EncodingSortField("rank", order="ascending"),
                title=None,
                # with the map, the names go on the right, so that the map under the bars starts at the left edge
                axis=alt.Axis(labelLimit=200, orient="right" if with_map else "left"),
            ),
            x=alt.X("score:Q", title=label("markets.score")),
            color=alt.Color("index:Q", title=label("markets.index"), scale=alt.Scale(scheme="oranges", domain=[0, 1])),
            tooltip=[
                alt.Tooltip("rank:Q", title=label("markets.rank")),
                alt.Tooltip("name:N", title=label("markets.partner")),
                alt.Tooltip("dist_km:Q", title=label("markets.dist_km"), format=",.0f"),
                alt.Tooltip("index:Q", title=label("markets.index"), format=".2f"),
                alt.Tooltip("market:Q", title=label("markets.market"), format=".2f"),
                alt.Tooltip("score:Q", title=label("markets.score"), format=".2f"),
            ],
        )
        .add_params(*params)
        .properties(width=WIDTH - 160, height=20 * int(top), description=label("markets.description"))
    )
    if not with_map:
        return bars
    from clusterlab.charts.maps import markets_map

    return markets_map(markets, above=bars, top=top)


def scored(chart: alt.Chart) -> alt.Chart:
    """The partners of the chosen ``home`` with their index, appeal (``score``) and rank, computed in the
    browser from the weight parameters (``w_distance``… ``w_market``) as :func:`markets_chart` binds them."""
    total = " + ".join(f"w_{k}" for k in psychic_distance.COMPONENTS)
    weighted = " + ".join(f"w_{k} * datum.{k}" for k in psychic_distance.COMPONENTS)
    return (
        chart.transform_filter("datum.home == home")
        .transform_calculate(index=f"({total}) > 0 ? ({weighted}) / ({total}) : 0")
        .transform_calculate(score="w_market * datum.market - datum.index")
        .transform_window(
            rank="row_number()",
            sort=[alt.SortField("score", order="descending"), alt.SortField("partner", order="ascending")],
        )
    )


# --------------------------------------------------------------------------- diffusion through a cluster
