"""The ceramic-tile district of Sassuolo (chapter 1): dated figures from the industry's association."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
from pandas.io.formats.style import Styler

from clusterlab import labels
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, js_string, require_columns
from clusterlab.labels import label


def tiles_chart(tiles: pd.DataFrame) -> alt.LayerChart:
    """Ceramic tile production over time, for Italy as a whole (line) and the Sassuolo district, from the
    ``italian_tiles`` table: every point keeps its source and the source's date (shape and tooltip), so
    figures from different publications are never merged silently."""
    require_columns(tiles, "tiles")
    rows = tiles[tiles["indicator"] == "production"]
    frame = pd.DataFrame(
        {
            "year": rows["year"].astype(int),
            "scope": [label(f"tiles.{s}") for s in rows["scope"]],
            "production": rows["value"].astype(float),
            "source": [label(f"tiles.src.{s}") for s in rows["source"]],
            "source_date": rows["source_date"].astype(str),
        }
    ).reset_index(drop=True)
    italy, district = label("tiles.italy"), label("tiles.district")
    color = alt.Color(
        "scope:N", title=label("tiles.scope"), scale=alt.Scale(domain=[italy, district], range=[BLUE, ORANGE])
    )
    x = alt.X(
        "year:Q",
        title=label("tiles.year"),
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[int(frame["year"].min()) - 2, int(frame["year"].max()) + 2]),
    )
    y = alt.Y("production:Q", title=label("tiles.production_short"), scale=alt.Scale(zero=True))
    line = (
        alt.Chart(frame)
        .transform_filter(f"datum.scope == {js_string(italy)}")
        .mark_line(strokeWidth=1.5, strokeDash=[4, 3])
        .encode(x=x, y=y, color=color)
    )
    points = (
        alt.Chart(frame)
        .mark_point(size=110, filled=True, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=color,
            shape=alt.Shape(
                "source:N", title=label("tiles.source"), legend=alt.Legend(columns=1, symbolLimit=0, labelLimit=400)
            ),
            tooltip=[
                alt.Tooltip("year:Q", title=label("tiles.year"), format="d"),
                alt.Tooltip("scope:N", title=label("tiles.scope")),
                alt.Tooltip("production:Q", title=label("tiles.production_short"), format=",.1f"),
                alt.Tooltip("source:N", title=label("tiles.source")),
                alt.Tooltip("source_date:N", title=label("tiles.source_date")),
            ],
        )
    )
    return alt.layer(line, points).properties(width=WIDTH, height=260, description=label("tiles.description"))


def tiles_table(tiles: pd.DataFrame, years: Sequence[int] | None = None) -> Styler:
    """The figures of the ``italian_tiles`` table for ``years`` (default: all), one row each, in the reader's
    language: scope, indicator, value with the source's own qualification (about, more than, of turnover…),
    source and the source's date. Nothing is rounded beyond what the source gives."""
    rows = tiles if years is None else tiles[tiles["year"].isin(list(years))]
    order = {"firms": 0, "employees": 1, "production": 2, "export_share": 3}
    rows = rows.assign(_o=rows["indicator"].map(order)).sort_values(["year", "scope", "_o"])
    names = {
        "firms": "tiles.firms",
        "employees": "tiles.employees",
        "production": "tiles.production_short",
        "export_share": "tiles.export_share",
    }

    def value(row) -> str:
        text = labels.fmt_number(row.value, 0 if float(row.value).is_integer() else 1)
        basis = row.basis if isinstance(row.basis, str) and row.basis else ""
        if basis in ("about", "more_than"):
            return f"{label(f'tiles.basis.{basis}')} {text}"
        return f"{text} ({label(f'tiles.basis.{basis}')})" if basis else text

    shown = pd.DataFrame(
        {
            "year": rows["year"].astype(int).astype(str),
            "scope": [label(f"tiles.{s}") for s in rows["scope"]],
            "indicator": [label(names[i]) for i in rows["indicator"]],
            "value": [value(r) for r in rows.itertuples()],
            "source": [label(f"tiles.src.{s}") for s in rows["source"]],
        }
    )
    return labels.table(
        shown,
        {
            "year": "tiles.year",
            "scope": "tiles.scope",
            "indicator": "tiles.indicator",
            "value": "tiles.value",
            "source": "tiles.source",
        },
    )


# --------------------------------------------------------------------------- first export markets (psychic distance)
