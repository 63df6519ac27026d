"""Did the policy work? (chapter 9): supported firms against their comparison group, and the estimates of the effect."""

from __future__ import annotations

import altair as alt
import pandas as pd

from clusterlab import labels
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, choice, js_string, slider
from clusterlab.labels import label


def policy_chart(
    paths: pd.DataFrame,
    estimates: pd.DataFrame,
    interactive: bool = True,
    strength: float | None = None,
    effect: float | None = None,
    decline: float | None = None,
) -> alt.VConcatChart:
    """Top: supported firms and their comparison group, year by year (the policy starts in year 0).
    Below: the true effect, the naive before/after estimate and the difference in differences.
    Website: a slider for the selection strength, menus for the true effect and the sectors' decline."""

    def middle(column, value):
        values = sorted(estimates[column].unique())
        return float(values[len(values) // 2] if value is None else value)

    strength, effect, decline = middle("strength", strength), middle("effect", effect), middle("decline", decline)

    def menu(column: str, value: float) -> alt.Parameter:
        values = [float(v) for v in sorted(estimates[column].unique())]
        return choice(
            column, f"policy.{column}", value, values, lambda v: labels.fmt_number(v, 0), interactive=interactive
        )

    ks = sorted(estimates["strength"].unique())
    k_step = float(ks[1] - ks[0]) if len(ks) > 1 else 1.0  # one strength (the explorer): no step
    params = [
        slider("strength", "policy.strength", strength, float(ks[0]), float(ks[-1]), k_step, interactive=interactive),
        menu("effect", effect),
        menu("decline", decline),
    ]
    chosen = (
        "abs(datum.strength - strength) < 1e-9 && abs(datum.effect - effect) < 1e-9 "
        "&& abs(datum.decline - decline) < 1e-9"
    )
    supported, comparison = label("policy.supported"), label("policy.comparison")
    group = alt.Color(
        "name:N",
        title=label("policy.group"),
        scale=alt.Scale(domain=[supported, comparison], range=[BLUE, ORANGE]),
        legend=alt.Legend(orient="bottom", labelLimit=260),
    )
    lines = (
        alt.Chart(paths)
        .transform_filter(chosen)
        .transform_calculate(name=f"datum.group == 'supported' ? {js_string(supported)} : {js_string(comparison)}")
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q",
                title=label("policy.year"),
                axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domain=[-3.3, 2.3], nice=False),
            ),
            y=alt.Y("outcome:Q", title=label("policy.outcome"), scale=alt.Scale(zero=False)),
            color=group,
            tooltip=[
                alt.Tooltip("name:N", title=label("policy.group")),
                alt.Tooltip("year:Q", title=label("policy.year"), format="d"),
                alt.Tooltip("outcome:Q", title=label("policy.outcome"), format=".1f"),
            ],
        )
    )
    start = alt.Chart(pd.DataFrame({"year": [0]})).mark_rule(color="#666", strokeDash=[4, 4]).encode(x="year:Q")
    names = {"true": label("policy.true"), "naive": label("policy.naive"), "did": label("policy.did")}
    order = list(names.values())
    expr = " : ".join(f"datum.estimator == '{k}' ? {js_string(v)}" for k, v in names.items()) + " : ''"
    base = alt.Chart(estimates).transform_filter(chosen).transform_calculate(which=expr)
    bars = base.mark_bar().encode(
        y=alt.Y("which:N", sort=order, title=None),
        x=alt.X("value:Q", title=label("policy.estimate")),
        color=alt.Color("which:N", scale=alt.Scale(domain=order, range=["#4b5563", ORANGE, BLUE]), legend=None),
        tooltip=[
            alt.Tooltip("which:N", title=label("policy.estimator")),
            alt.Tooltip("value:Q", title=label("policy.estimate"), format=".2f"),
        ],
    )
    values = (
        base.transform_calculate(at="max(datum.value, 0)")
        .mark_text(align="left", dx=4, fontSize=12, fontWeight="bold", color="#222")
        .encode(y=alt.Y("which:N", sort=order), x="at:Q", text=alt.Text("value:Q", format="+.1f"))
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222").encode(x="x:Q")
    return (
        alt.vconcat(
            alt.layer(lines, start).properties(width=WIDTH, height=220),
            alt.layer(bars, zero, values).properties(width=WIDTH - 160, height=100),
        )
        .add_params(*params)
        .resolve_scale(color="independent")
        .properties(description=label("policy.description"))
    )
