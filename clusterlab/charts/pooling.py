"""Labour-market pooling (chapter 1): the profits of firms that share a pool of workers or stand alone."""

from __future__ import annotations

import altair as alt
import pandas as pd

from clusterlab.charts.base import BLUE, ORANGE, js_string, slider
from clusterlab.labels import label


def pooling_chart(
    data: pd.DataFrame, interactive: bool = True, n_firms: int | None = None, shock_sd: float | None = None
) -> alt.HConcatChart:
    """Pooled against isolated firms: expected profit, wage risk and unemployment (rigid wage).

    ``data`` comes from :func:`~clusterlab.models.labour_pooling.pooling_data`. With ``interactive=True`` (the
    website), sliders choose the number of firms and the size of the shocks among the simulated values, in the
    browser.
    """
    firms = sorted(data["n_firms"].unique())
    sds = sorted(data["shock_sd"].unique())
    n_firms = int(n_firms if n_firms is not None else firms[len(firms) // 2])
    shock_sd = float(shock_sd if shock_sd is not None else sds[len(sds) // 2])
    steps_n = sorted({b - a for a, b in zip(firms, firms[1:])}) or [1]
    steps_sd = sorted({round(b - a, 6) for a, b in zip(sds, sds[1:])}) or [1]
    params = [
        slider("n_firms", "pool.n_firms", n_firms, firms[0], firms[-1], steps_n[0], interactive=interactive),
        slider("shock_sd", "pool.shock_sd", shock_sd, sds[0], sds[-1], steps_sd[0], interactive=interactive),
    ]
    pooled, isolated = label("pool.pooled"), label("pool.isolated")
    base = (
        alt.Chart(data)
        .transform_filter("datum.n_firms == n_firms && abs(datum.shock_sd - shock_sd) < 1e-6")
        .transform_calculate(label=f"datum.setting == 'pooled' ? {js_string(pooled)} : {js_string(isolated)}")
    )
    color = alt.Color(
        "label:N", title=label("pool.setting"), scale=alt.Scale(domain=[pooled, isolated], range=[BLUE, ORANGE])
    )

    def panel(field: str, title: str):
        return (
            base.mark_bar()
            .encode(
                x=alt.X("label:N", title=None, sort=[pooled, isolated], axis=alt.Axis(labels=False, ticks=False)),
                y=alt.Y(f"{field}:Q", title=title),
                color=color,
                tooltip=[
                    alt.Tooltip("label:N", title=label("pool.setting")),
                    alt.Tooltip(f"{field}:Q", title=title, format=",.2f"),
                ],
            )
            .properties(width=110, height=220)
        )

    return (
        alt.hconcat(
            panel("profit", label("pool.profit")),
            panel("wage_sd", label("pool.wage_sd")),
            panel("unemployment", label("pool.unemployment")),
        )
        .add_params(*params)
        .properties(description=label("pool.description"))
    )


# --------------------------------------------------------------------------- Porter's diamond
