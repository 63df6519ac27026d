"""Measuring clusters (chapter 4): location quotients of the regions, and the dartboard simulation of Ellison and Glaeser."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import data
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, choice, js_string, require_columns, slider
from clusterlab.errors import InputError
from clusterlab.labels import label


def lq_rows(lq: pd.DataFrame, industries: Sequence[str], top: int | None = None) -> pd.DataFrame:
    """The rows a chart of location quotients embeds: ``region`` (code), ``name`` (the ``region_label``
    column when there is one), ``industry``, ``employment`` and ``lq`` (3 decimals) for ``industries``;
    only the ``top`` regions of each industry by quotient when ``top`` is given (a ranking), every region
    otherwise (a map)."""
    require_columns(lq, "lq")
    unknown = sorted(set(industries) - set(lq["industry"]))
    if unknown:
        raise InputError("charts.unknown_industries", unknown=unknown)
    part = lq[lq["industry"].isin(list(industries))]
    if top is not None:
        part = part.sort_values(["industry", "lq"], ascending=[True, False]).groupby("industry", sort=False).head(top)
    names = "region_label" if "region_label" in part.columns else "region"
    return pd.DataFrame(
        {
            "region": part["region"].astype(str),
            "name": part[names].astype(str),
            "industry": part["industry"].astype(str),
            "employment": part["employment"].astype(float),
            "lq": part["lq"].astype(float).round(3),
        }
    ).reset_index(drop=True)


def lq_chart(
    lq: pd.DataFrame,
    industries: Sequence[str],
    top: int = 15,
    threshold: float = 2.0,
    min_employment: float = 0,
    interactive: bool = True,
    industry: str | None = None,
    industry_labels: dict[str, str] | None = None,
    with_map: bool = False,
) -> alt.LayerChart | alt.VConcatChart:
    """The ``top`` regions by location quotient for an industry, coloured when they count as specialised.

    A region counts as specialised when its LQ is at least ``threshold`` *and* the industry employs
    at least ``min_employment`` persons there (the guard against small denominators). With
    ``interactive=True`` (the website) a dropdown picks the industry and two sliders move the
    threshold and the minimum employment, in the browser; only the ``top`` rows of each industry are
    embedded. With ``interactive=False`` the chart is drawn for ``industry`` as given.
    ``industry_labels`` maps codes to names (default: :func:`clusterlab.labels.label` of ``nace.<code>``).
    ``with_map=True`` adds, under the bars, the map of every region's quotient
    (:func:`clusterlab.charts.lq_map`), driven by the same menu and sliders.
    """
    industries = list(industries)
    if not industries:
        raise InputError("charts.empty", name="industries")
    if threshold < 0 or min_employment < 0:
        raise InputError("charts.threshold", threshold=threshold, min_employment=min_employment)
    names = dict(industry_labels or {})
    for code in industries:
        if code not in names:
            names[code] = data.industry_name(code, with_code=False)
    # the bars name each region by its label
    frame = lq_rows(lq, industries, top)[["industry", "name", "employment", "lq"]].rename(columns={"name": "region"})
    industry = industry or industries[0]
    if industry not in industries:
        raise InputError("charts.not_among", name="industry", value=industry, among=industries)
    top_employment = max(1000, int(np.ceil(frame["employment"].quantile(0.5) / 1000) * 1000))
    params = [
        choice("industry", "lq.industry", industry, industries, lambda c: f"{c} {names[c]}", interactive=interactive),
        slider("threshold", "lq.threshold", threshold, 1, 6, 0.25, interactive=interactive),
        slider("min_employment", "lq.min_employment", min_employment, 0, top_employment, 100, interactive=interactive),
    ]
    yes, no = label("lq.specialised"), label("lq.not_specialised")
    chart = (
        alt.Chart(frame)
        .transform_filter("datum.industry == industry")
        .transform_calculate(
            status=f"datum.lq >= threshold && datum.employment >= min_employment ? {js_string(yes)} : {js_string(no)}"
        )
        .mark_bar()
        .encode(
            # with the map, the names go on the right, so that the map under the bars starts at the left edge
            y=alt.Y(
                "region:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220, orient="right" if with_map else "left")
            ),
            x=alt.X("lq:Q", title=label("lq.lq")),
            color=alt.Color(
                "status:N", title=label("lq.status"), scale=alt.Scale(domain=[yes, no], range=[BLUE, "#b8c2cc"])
            ),
            tooltip=[
                alt.Tooltip("region:N", title=label("lq.region")),
                alt.Tooltip("lq:Q", title=label("lq.lq"), format=",.2f"),
                alt.Tooltip("employment:Q", title=label("lq.employment"), format=",.0f"),
            ],
        )
        .add_params(*params)
        .properties(width=WIDTH - 120, height=22 * top)
    )
    rule = (
        alt.Chart(frame)
        .transform_filter("datum.industry == industry")
        .transform_calculate(t="threshold")
        .mark_rule(color=ORANGE, strokeDash=[5, 4], strokeWidth=2)
        .encode(x=alt.X("mean(t):Q"))
    )
    # the description is the layer's own, at the top of the spec, where Vega and screen readers find it
    bars = alt.layer(chart, rule).properties(description=label("lq.description"))
    if not with_map:
        return bars
    from clusterlab.charts.maps import lq_map

    return lq_map(lq, industries, industry=industry, above=bars)


def dartboard_chart(simulation: pd.DataFrame, expected_G: float | None = None, bins: int = 40) -> alt.HConcatChart:
    """Histograms of the simulated raw concentration ``G`` and of ``γ`` (columns ``G``, ``gamma``).

    A dashed rule marks ``expected_G`` on the first panel and 0 on the second. The histogram is
    computed in Python, so the chart embeds ``bins`` bars, not every draw.
    """
    require_columns(simulation, "simulation", ("G", "gamma"))

    def panel(column: str, title: str, mark_at: float | None):
        counts, edges = np.histogram(simulation[column].to_numpy(), bins=bins)
        bars = pd.DataFrame({"start": edges[:-1].round(6), "end": edges[1:].round(6), "draws": counts})
        hist = (
            alt.Chart(bars)
            .mark_bar(color=BLUE, opacity=0.8)
            .encode(
                x=alt.X("start:Q", title=title, bin="binned"),
                x2="end:Q",
                y=alt.Y("draws:Q", title=label("dartboard.draws")),
            )
        )
        layers = [hist]
        if mark_at is not None:
            layers.append(
                alt.Chart(pd.DataFrame({"at": [round(float(mark_at), 6)]}))
                .mark_rule(color=ORANGE, strokeDash=[6, 4], strokeWidth=2)
                .encode(x="at:Q")
            )
        return alt.layer(*layers).properties(width=WIDTH // 2 - 30, height=220)

    return alt.hconcat(
        panel("G", label("dartboard.G"), expected_G),
        panel("gamma", label("dartboard.gamma"), 0.0),
    ).properties(description=label("dartboard.description"))


# --------------------------------------------------------------------------- new economic geography

#: The (μ, σ) pairs the website's chart offers (the book's worked examples).
