"""Path dependence and lock-in (chapter 8): Arthur's competing technologies and the Pólya urn."""

from __future__ import annotations

import altair as alt
import pandas as pd

from clusterlab import labels
from clusterlab.charts.base import BLUE, GREY, ORANGE, WIDTH, choice, js_string, slider
from clusterlab.labels import label
from clusterlab.models import lockin


def arthur_chart(
    paths: pd.DataFrame, runs_table: pd.DataFrame, interactive: bool = True, r: float | None = None, run: int = 1
) -> alt.LayerChart:
    """Arthur's model: the difference n_A − n_B as adopters arrive, every run in grey and the chosen one in
    blue, with the absorbing barriers; menus for the returns to adoption and the run (website)."""
    choices = sorted(paths["r"].unique())
    r = float(choices[len(choices) // 2] if r is None else r)
    n_runs = int(paths["run"].max())
    returns = [float(c) for c in choices]
    params = [
        choice("returns", "lockin.returns", r, returns, lambda c: labels.fmt_number(c, 3), interactive=interactive),
        slider("run", "lockin.run", int(run), 1, n_runs, 1, interactive=interactive),
    ]
    same_r = "abs(datum.r - returns) < 1e-9"
    last = int(paths["n"].max())
    x = alt.X(
        "n:Q",
        title=label("lockin.adopters"),
        scale=alt.Scale(domain=[0, last]),
        axis=alt.Axis(values=list(range(0, last + 1, 200 if last > 500 else 100))),
    )
    y = alt.Y(
        "d:Q", title=label("lockin.difference"), scale=alt.Scale(domain=[-lockin.ARTHUR_SPAN, lockin.ARTHUR_SPAN])
    )
    others = (
        alt.Chart(paths)
        .transform_filter(same_r)
        .mark_line(color=GREY, strokeWidth=1, clip=True)
        .encode(x=x, y=y, detail="run:N")
    )
    chosen = (
        alt.Chart(paths)
        .transform_filter(f"{same_r} && datum.run == run")
        .mark_line(color=BLUE, strokeWidth=2.5, clip=True)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("n:Q", title=label("lockin.adopters")),
                alt.Tooltip("d:Q", title=label("lockin.difference")),
            ],
        )
    )
    bars = (
        alt.Chart(runs_table)
        .transform_filter(f"{same_r} && datum.run == 1 && isValid(datum.upper)")
        .transform_fold(["lower", "upper"], as_=["side", "barrier"])
        .transform_calculate(said=f"{js_string(label('lockin.barrier'))} + ': ' + format(datum.barrier, ',')")
        .mark_rule(color=ORANGE, strokeDash=[6, 4], strokeWidth=1.5)
        .encode(y="barrier:Q", description="said:N")
    )
    locked, never = label("lockin.locked"), label("lockin.never")
    caption = (
        alt.Chart(runs_table)
        .transform_filter(f"{same_r} && datum.run == run")
        .transform_calculate(
            text=f"datum.tech != '' ? replace(replace({js_string(locked)}, '{{tech}}', datum.tech), "
            f"'{{at}}', format(datum.at, ',')) : {js_string(never)}"
        )
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222")
        .encode(text="text:N")
    )
    return (
        alt.layer(others, bars, chosen, caption)
        .add_params(*params)
        .properties(width=WIDTH, height=280, description=label("lockin.description"))
    )


def urn_chart(shares: pd.DataFrame, interactive: bool = True, run: int = 1) -> alt.LayerChart:
    """The Pólya urn: the share of red balls draw after draw, every run in grey and the chosen one in blue,
    with its final share written above (website: a slider chooses the run)."""
    n_runs = int(shares["run"].max())
    run_param = slider("urn_run", "lockin.run", int(run), 1, n_runs, 1, interactive=interactive)
    x = alt.X("draw:Q", title=label("urn.draws"))
    y = alt.Y("share:Q", title=label("urn.share"), scale=alt.Scale(domain=[0, 100]))
    others = alt.Chart(shares).mark_line(color=GREY, strokeWidth=1).encode(x=x, y=y, detail="run:N")
    chosen = (
        alt.Chart(shares)
        .transform_filter("datum.run == urn_run")
        .mark_line(color=BLUE, strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("draw:Q", title=label("urn.draws")),
                alt.Tooltip("share:Q", title=label("urn.share"), format=".1f"),
            ],
        )
    )
    last = int(shares["draw"].max())
    final = label("urn.final")
    caption = (
        alt.Chart(shares)
        .transform_filter(f"datum.run == urn_run && datum.draw == {last}")
        .transform_calculate(text=f"replace({js_string(final)}, '{{share}}', format(datum.share, '.1f'))")
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222")
        .encode(text="text:N")
    )
    return (
        alt.layer(others, chosen, caption)
        .add_params(run_param)
        .properties(width=WIDTH, height=260, description=label("urn.description"))
    )


# --------------------------------------------------------------------------- value chain governance (GHS 2005)
