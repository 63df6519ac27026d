"""Trade over the long run (chapter 6) and within the Maghreb (chapter 7)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from clusterlab import data
from clusterlab.charts.base import WIDTH, require_columns
from clusterlab.labels import label

TRADE_PARTNERS = ("DZA", "MAR", "TUN", "BEL", "ITA", "ESP", "GBR")


def trade_shares(
    tradhist: pd.DataFrame,
    countries: pd.DataFrame,
    partners: Sequence[str] = TRADE_PARTNERS,
    without: Sequence[str] = ("DEU",),
) -> pd.DataFrame:
    """Each partner's share of France's exports, year by year, in percent of the exports to all the partners
    the ``tradhist_france`` table records that year except ``without`` (values in current pounds sterling,
    TRADHIST's unit; a share needs no conversion). Germany is left out of the total in every year by
    default, since the table has no German figures from 1950 to 1990: otherwise the total would jump when
    Germany comes back. Years where a partner has no figure are left out, not set to 0."""
    require_columns(tradhist, "tradhist")
    total = tradhist[~tradhist["partner"].isin(list(without))].groupby("year")["exports_gbp"].sum()
    rows = tradhist[tradhist["partner"].isin(list(partners))].dropna(subset=["exports_gbp"])
    names = data.country_names(countries)
    maghreb = {"DZA", "MAR", "TUN"}
    return (
        pd.DataFrame(
            {
                "year": rows["year"].astype(int),
                "partner": rows["partner"].astype(str),
                "name": [str(names.get(p, p)) for p in rows["partner"]],
                "group": [label("trade.maghreb") if p in maghreb else label("trade.europe") for p in rows["partner"]],
                "share": (100 * rows["exports_gbp"] / rows["year"].map(total)).round(2),
            }
        )
        .sort_values(["partner", "year"])
        .reset_index(drop=True)
    )


def trade_chart(shares: pd.DataFrame) -> alt.Chart:
    """Shares of France's exports over time, a line per partner (solid: Maghreb, dashed: Europe); clicking
    a name in the legend brings its line forward, in the browser."""
    pick = alt.selection_point(fields=["name"], bind="legend", name="pick")
    groups = list(dict.fromkeys(shares.sort_values("group", key=lambda g: g != label("trade.maghreb"))["group"]))
    return (
        alt.Chart(shares)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("year:Q", title=label("trade.year"), axis=alt.Axis(format="d")),
            y=alt.Y("share:Q", title=label("trade.share")),
            color=alt.Color(
                "name:N",
                title=label("trade.partner"),
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(columns=4, labelLimit=200),
            ),
            strokeDash=alt.StrokeDash(
                "group:N", title=label("trade.group"), scale=alt.Scale(domain=groups, range=[[1, 0], [5, 3]])
            ),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
            tooltip=[
                alt.Tooltip("name:N", title=label("trade.partner")),
                alt.Tooltip("year:Q", title=label("trade.year")),
                alt.Tooltip("share:Q", title=label("trade.share"), format=".1f"),
            ],
        )
        .add_params(pick)
        .properties(width=WIDTH, height=280, description=label("trade.description"))
    )


# --------------------------------------------------------------------------- trade within the Maghreb (BACI)

MAGHREB = ("DZA", "LBY", "MAR", "MRT", "TUN")


def maghreb_trade(baci: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Exports between the five Maghreb countries, all HS sections together, in millions of US dollars a
    year (the ``baci_maghreb_trade`` table: CEPII BACI, yearly average 2012–2022), with each exporter's
    share of its exports to African countries that goes to the rest of the Maghreb."""
    require_columns(baci, "baci")
    names = data.country_names(countries)
    out = baci[baci["exporter"].isin(MAGHREB)]
    to_africa = out.groupby("exporter")["value_kusd"].sum()
    flows = out[out["importer"].isin(MAGHREB)].groupby(["exporter", "importer"])["value_kusd"].sum().reset_index()
    to_maghreb = flows.groupby("exporter")["value_kusd"].sum()
    flows["value_musd"] = (flows["value_kusd"] / 1000).round(1)
    flows["exporter_name"] = [str(names.get(c, c)) for c in flows["exporter"]]
    flows["importer_name"] = [str(names.get(c, c)) for c in flows["importer"]]
    flows["maghreb_share"] = flows["exporter"].map((100 * to_maghreb / to_africa).round(1))
    return flows.drop(columns=["value_kusd"])


def maghreb_chart(flows: pd.DataFrame) -> alt.LayerChart:
    """A matrix of exports within the Maghreb: rows exporters, columns importers, shade and number the
    yearly value in millions of US dollars."""
    base = alt.Chart(flows).encode(
        y=alt.Y("exporter_name:N", title=label("maghreb.exporter")),
        x=alt.X("importer_name:N", title=label("maghreb.importer"), axis=alt.Axis(labelAngle=0)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("value_musd:Q", title=label("maghreb.value"), scale=alt.Scale(scheme="blues")),
        tooltip=[
            alt.Tooltip("exporter_name:N", title=label("maghreb.exporter")),
            alt.Tooltip("importer_name:N", title=label("maghreb.importer")),
            alt.Tooltip("value_musd:Q", title=label("maghreb.value"), format=",.1f"),
            alt.Tooltip("maghreb_share:Q", title=label("maghreb.share"), format=".1f"),
        ],
    )
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("value_musd:Q", format=",.0f"),
        color=alt.condition("datum.value_musd > 700", alt.value("white"), alt.value("#222")),
    )
    return alt.layer(cells, text).properties(width=WIDTH - 60, height=230, description=label("maghreb.description"))


# --------------------------------------------------------------------------- lock-in (Arthur 1989; the Pólya urn)

#: Returns to adoption the website offers (0: constant returns, no lock-in).
