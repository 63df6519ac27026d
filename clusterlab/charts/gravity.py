"""The gravity model against the data (the chapter on the evidence): predicted and observed market shares."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from clusterlab import data, labels
from clusterlab.charts.base import BLUE, GREY, WIDTH, js_string, slider
from clusterlab.charts.maps import note_under
from clusterlab.labels import label
from clusterlab.models import gravity

#: The coefficients the reader moves (the others stay at their estimates): (term, slider's low, high).
MOVED = (("log_dist", -3.0, 1.0), ("comlang_off", -2.0, 3.0), ("colony", -2.0, 3.0), ("contig", -2.0, 3.0))
STEP = 0.01


def _significant(values: pd.Series, digits: int = 5) -> list[float]:
    return [float(f"{v:.{digits}g}") for v in values]


def gravity_data(table: pd.DataFrame, coefficients: pd.DataFrame) -> pd.DataFrame:
    """What :func:`gravity_chart` draws: one row per partner of a flows table, in its order
    (:func:`clusterlab.models.gravity.france_flows`, ``baci_flows``), its name in the reader's language, its observed share of the
    home's exports and its rank (mean rank for ties), and the regressors, log GDP and log distance centred
    on their means (the predicted shares do not change, the browser's exponentials stay small)."""
    shares = gravity.predicted_shares(table, coefficients)
    X = gravity.design(table)
    names = data.country_names()
    observed = shares["observed_share"]
    return pd.DataFrame(
        {
            "name": [str(names.get(p, p)) for p in table["partner"]],
            "observed": _significant(observed, 4),
            "observed_rank": [int(r) if r == int(r) else r for r in observed.rank(ascending=False)],
            "log_gdp": (X["log_gdp"] - X["log_gdp"].mean()).round(3).to_numpy(),
            "log_dist": (X["log_dist"] - X["log_dist"].mean()).round(3).to_numpy(),
            **{k: table[k].astype(int).to_numpy() for k in ("contig", "comlang_off", "colony")},
        }
    )


def gravity_chart(table: pd.DataFrame, coefficients: pd.DataFrame, interactive: bool = True) -> alt.LayerChart:
    """Each partner a point: its share of the home's exports predicted by the gravity equation (x) against
    the share observed (y), on log scales, with the 45° line where prediction and observation agree.

    The predicted share is exp(X b) / Σ exp(X b) (:func:`clusterlab.models.gravity.predicted_shares`),
    computed in the browser; sliders set the coefficients of log distance, common language, colonial link
    and contiguity (starting at ``coefficients``, rounded to 0.01; log GDP's stays at its estimate), and a
    line above the points gives the rank correlation of predicted and observed shares (Spearman), computed
    in the browser too. Partners with no exports count in the shares but cannot be drawn on a log scale;
    the note under the chart says how many. ``interactive=False`` gives the same parameters, unbound.
    """
    rows = gravity_data(table, coefficients)
    b = coefficients.set_index("term")["coefficient"].reindex(gravity.TERMS).fillna(0.0)
    b = _rounded(b.rename("coefficient").rename_axis("term").reset_index()).set_index("term")["coefficient"]
    params = [alt.param(name="b_log_gdp", value=float(b["log_gdp"]))]
    for term, low, high in MOVED:
        value = float(b[term])
        low, high = min(low, math.floor(value)), max(high, math.ceil(value))
        params.append(slider(f"b_{term}", f"charts.gravity.b_{term}", value, low, high, STEP, interactive=interactive))
    exponent = " + ".join(f"b_{t} * datum.{t}" for t in gravity.TERMS)
    predicted = (
        alt.Chart(rows)
        .transform_calculate(weight=f"exp({exponent})")
        .transform_joinaggregate(total="sum(weight)")
        .transform_calculate(predicted="datum.weight / datum.total")
    )
    share = label("charts.gravity.observed"), label("charts.gravity.predicted")
    start = gravity.predicted_shares(table, _rounded(coefficients))["predicted_share"]
    lowest = math.floor(math.log10(min(rows["observed"][rows["observed"] > 0].min(), start.min())))
    decades = [10.0**k for k in range(lowest, 1, max(1, math.ceil(-lowest / 6)))]
    # the same decades on both axes, so that the diagonal is at 45°; a point moved out by a slider stays on the edge
    log_scale = alt.Scale(type="log", domain=[10.0**lowest, 1.0], clamp=True)
    axis = alt.Axis(format="~%", values=decades, grid=True)
    points = (
        predicted.transform_filter("datum.observed > 0")
        .mark_circle(size=40, color=BLUE, opacity=0.7)
        .encode(
            x=alt.X("predicted:Q", title=share[1], scale=log_scale, axis=axis),
            y=alt.Y("observed:Q", title=share[0], scale=log_scale, axis=axis),
            tooltip=[
                alt.Tooltip("name:N", title=label("charts.gravity.partner")),
                alt.Tooltip("observed:Q", title=share[0], format=".2%"),
                alt.Tooltip("predicted:Q", title=share[1], format=".2%"),
            ],
        )
    )
    diagonal = (
        alt.Chart(pd.DataFrame({"share": [10.0**lowest, 1.0]}))
        .mark_line(color=GREY, strokeDash=[4, 3])
        .encode(
            x=alt.X("share:Q", scale=log_scale, title=share[1], axis=axis),
            y=alt.Y("share:Q", scale=log_scale, title=share[0], axis=axis),
        )
    )
    text = js_string(label("charts.gravity.spearman"))
    spearman = (
        predicted.transform_window(predicted_rank="rank()", sort=[alt.SortField("predicted", order="descending")])
        .transform_joinaggregate(mean_p="mean(predicted_rank)", mean_o="mean(observed_rank)")
        .transform_calculate(
            dev_p="datum.predicted_rank - datum.mean_p",
            dev_o="datum.observed_rank - datum.mean_o",
        )
        .transform_calculate(
            cross="datum.dev_p * datum.dev_o", pp="datum.dev_p * datum.dev_p", oo="datum.dev_o * datum.dev_o"
        )
        .transform_aggregate(cross="sum(cross)", pp="sum(pp)", oo="sum(oo)")
        .transform_calculate(rho="datum.cross / sqrt(datum.pp * datum.oo)")
        .transform_calculate(text=f"replace({text}, '{{rho}}', format(datum.rho, '.2f'))")
        .mark_text(align="left", x=4, y=-10, fontSize=12, color="#222")
        .encode(text="text:N")
    )
    zeros = int((rows["observed"] <= 0).sum())
    home = str(table.attrs.get("home", "FRA"))
    source = labels.message(
        f"charts.gravity.source_{table.attrs.get('source', 'tradhist')}",
        home=str(data.country_names().get(home, home)),
        year=str(table.attrs.get("year", "")),
    )
    parts = [source, labels.plural("charts.gravity.partners", len(rows))]
    parts += [labels.plural("charts.gravity.zeros", zeros)] if zeros else []
    note = " ".join([*parts, label("charts.gravity.note")])
    return (
        alt.layer(diagonal, points, spearman)
        .add_params(*params)
        .properties(
            width=WIDTH - 60,
            height=WIDTH - 60,
            title=note_under(note, WIDTH),
            description=label("charts.gravity.description"),
        )
    )


def _rounded(coefficients: pd.DataFrame) -> pd.DataFrame:
    """The coefficients as the chart starts: log GDP's to 4 decimals, the sliders' to 0.01 (their step)."""
    digits = {"log_gdp": 4} | {term: 2 for term, *_ in MOVED}
    return coefficients.assign(
        coefficient=[
            round(float(c), digits[t]) if t in digits else float(c)
            for t, c in zip(coefficients["term"], coefficients["coefficient"])
        ]
    )


def spearman_start(table: pd.DataFrame, coefficients: pd.DataFrame) -> float:
    """The rank correlation the chart shows before any slider moves (:func:`clusterlab.models.gravity.
    rank_correlation` of the predicted and observed shares, with the coefficients as the chart starts)."""
    shares = gravity.predicted_shares(table, _rounded(coefficients))
    return gravity.rank_correlation(shares["predicted_share"], shares["observed_share"])
