"""News through a cluster (chapter 7): the share of firms that have heard, with local ties and global pipelines."""

from __future__ import annotations

import altair as alt
import pandas as pd

from clusterlab.charts.base import BLUE, ORANGE, WIDTH, choice, js_string
from clusterlab.labels import label


def diffusion_chart(
    curves: pd.DataFrame, interactive: bool = True, pipelines: int | None = None, local_ties: int | None = None
) -> alt.LayerChart:
    """Share of the cluster's firms that know of the opportunity, period by period, with a line at one
    half and the period it is reached; sliders for the pipelines and the local ties (website)."""
    pipes = sorted(curves["pipelines"].unique())
    ties = sorted(curves["local_ties"].unique())
    pipelines = int(pipes[len(pipes) // 2] if pipelines is None else pipelines)
    local_ties = int(ties[len(ties) // 2] if local_ties is None else local_ties)
    params = [
        choice("pipelines", "diffusion.pipelines", pipelines, [int(p) for p in pipes], interactive=interactive),
        choice("local_ties", "diffusion.local_ties", local_ties, [int(t) for t in ties], interactive=interactive),
    ]
    chosen = "datum.pipelines == pipelines && datum.local_ties == local_ties"
    x = alt.X("period:Q", title=label("diffusion.period"))
    y = alt.Y("percent:Q", title=label("diffusion.share"), scale=alt.Scale(domain=[0, 100]))
    line = (
        alt.Chart(curves)
        .transform_filter(chosen)
        .transform_calculate(percent="100 * datum.share")
        .mark_line(color=BLUE, strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("period:Q", title=label("diffusion.period")),
                alt.Tooltip("percent:Q", title=label("diffusion.share"), format=".0f"),
            ],
        )
    )
    half = alt.Chart(pd.DataFrame({"half": [50]})).mark_rule(color=ORANGE, strokeDash=[5, 4]).encode(y="half:Q")
    never, reached = label("diffusion.never_half"), label("diffusion.half_at")
    caption = (
        alt.Chart(curves)
        .transform_filter(chosen)
        .transform_calculate(hit="datum.share >= 0.5 ? datum.period : null")
        .transform_aggregate(first="min(hit)")
        .transform_calculate(
            text=f"isValid(datum.first) ? replace({js_string(reached)}, '{{period}}', datum.first) : {js_string(never)}"
        )
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222")
        .encode(text="text:N")
    )
    return (
        alt.layer(line, half, caption)
        .add_params(*params)
        .properties(width=WIDTH, height=260, description=label("diffusion.description"))
    )


# --------------------------------------------------------------------------- France's trade over time (TRADHIST)

#: Partners the chapter follows: the Maghreb, and European neighbours (Germany is left out: TRADHIST's
#: file has no German row from 1950 to 1990).
