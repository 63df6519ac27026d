"""Governance of global value chains (chapter 8): Gereffi, Humphrey and Sturgeon's table as a chart."""

from __future__ import annotations

import altair as alt

from clusterlab.charts.base import BLUE, WIDTH, choice
from clusterlab.labels import label
from clusterlab.models import gvc


def gvc_chart(
    interactive: bool = True, complexity: str = "high", codifiability: str = "high", capability: str = "low"
) -> alt.LayerChart:
    """The five governance types of Gereffi, Humphrey and Sturgeon in order of explicit coordination and
    power asymmetry, the one the three variables give highlighted; buttons for the variables (website)."""

    table = gvc.table_frame()
    table["name"] = [label(f"gvc.{t}") for t in table["type"]]
    table["what"] = [label(f"gvc.{t}.what") for t in table["type"]]
    levels = ["high", "low"]
    params = [
        choice(key, f"gvc.{key}", value, levels, lambda v: label(f"gvc.{v}"), radio=True, interactive=interactive)
        for key, value in (("complexity", complexity), ("codifiability", codifiability), ("capability", capability))
    ]
    match = "datum.complexity == complexity && datum.codifiability == codifiability && datum.capability == capability"
    types = table.dropna(subset=["rank"])
    x = alt.X("rank:O", title=label("gvc.axis"), axis=alt.Axis(labels=False, ticks=False))
    boxes = (
        alt.Chart(types)
        .transform_calculate(chosen=match)
        .mark_rect(stroke="white", strokeWidth=3)
        .encode(x=x, color=alt.condition("datum.chosen", alt.value(BLUE), alt.value("#e5e7eb")))
    )
    words = (
        alt.Chart(types)
        .transform_calculate(chosen=match)
        .mark_text(fontSize=13)
        .encode(x=x, text="name:N", color=alt.condition("datum.chosen", alt.value("white"), alt.value("#222")))
    )
    what = (
        alt.Chart(table)
        .transform_filter(match)
        .mark_text(align="left", x=0, y=110, fontSize=12, color="#222")
        .encode(text="what:N")
    )
    return (
        alt.layer(boxes, words, what)
        .add_params(*params)
        .properties(width=WIDTH, height=80, description=label("gvc.description"))
    )


# --------------------------------------------------------------------------- did the policy work? (synthetic panel)
