"""The new economic geography (chapter 3): the tomahawk diagram above the real-wage gap, for the core–periphery and footloose-entrepreneur models."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from clusterlab import labels
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, choice, js_string, slider
from clusterlab.errors import InputError
from clusterlab.labels import label


def _preset_label(key: str) -> str:
    """``μ = 0,4 ; σ = 5,0`` for the preset ``0.4-5`` (a key of :func:`clusterlab.models.core_periphery.neg_data`)."""
    mu, sigma = map(float, key.split("-"))
    sep = " ; " if labels.get_language() == "fr" else ", "
    return f"μ = {labels.fmt_number(mu, 1)}{sep}σ = {labels.fmt_number(sigma, 1)}"


def neg_chart(
    tomahawk: pd.DataFrame,
    gaps: pd.DataFrame,
    interactive: bool = True,
    model: str | None = None,
    preset: str | None = None,
    phi: float = 0.3,
) -> alt.VConcatChart:
    """The tomahawk diagram above the real-wage gap curve at the chosen freeness of trade φ.

    ``tomahawk`` and ``gaps`` come from :func:`clusterlab.models.core_periphery.neg_data`. With
    ``interactive=True`` (the website) a menu picks the model, a menu the (μ, σ) pair and a slider φ, in
    the browser; with ``interactive=False`` the chart is drawn for ``model``, ``preset`` and ``phi`` as given.
    """
    models = list(dict.fromkeys(tomahawk["model"]))
    presets = list(dict.fromkeys(tomahawk["preset"]))
    model = model or models[0]
    preset = preset or presets[0]
    if model not in models or preset not in presets:
        raise InputError("charts.neg_choice", models=models, presets=presets)
    if not 0 < phi <= 1:
        raise InputError("charts.phi", value=phi)
    params = [
        choice("model", "neg.model", model, models, lambda m: label(f"neg.model_{m}"), interactive=interactive),
        choice("preset", "neg.preset", preset, presets, _preset_label, interactive=interactive),
        slider("phi", "neg.phi", phi, 0.02, 0.98, 0.02, interactive=interactive),
    ]
    yes, no = label("neg.stable"), label("neg.unstable")
    chosen = "datum.model == model && datum.preset == preset"
    x_phi = alt.X("phi:Q", title=label("neg.phi"), scale=alt.Scale(domain=[0, 1]))
    top_lines = (
        alt.Chart(tomahawk)
        .transform_filter(chosen)
        .transform_calculate(status=f"datum.stable ? {js_string(yes)} : {js_string(no)}")
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x_phi,
            y=alt.Y("lam:Q", title=label("neg.lam"), scale=alt.Scale(domain=[0, 1])),
            detail="branch:N",
            order="phi:Q",
            color=alt.Color(
                "status:N",
                title=label("neg.stability"),
                scale=alt.Scale(domain=[yes, no], range=[BLUE, ORANGE]),
            ),
            strokeDash=alt.StrokeDash(
                "status:N", scale=alt.Scale(domain=[yes, no], range=[[1, 0], [6, 4]]), title=label("neg.stability")
            ),
        )
    )
    now = (
        alt.Chart(pd.DataFrame({"at": [0]}))
        .transform_calculate(at="phi")
        .mark_rule(color="#555", strokeWidth=1.5)
        .encode(x=alt.X("at:Q", scale=alt.Scale(domain=[0, 1])))
    )
    top = alt.layer(top_lines, now).properties(width=WIDTH, height=220)
    lam_points = len(gaps["gap"].iloc[0])
    step = f"(datum.i - 1) / {lam_points - 1}"
    points = label("neg.points")
    curve = (
        alt.Chart(gaps)
        .transform_filter(f"{chosen} && abs(datum.phi - phi) < 0.005")
        .transform_flatten(["gap"])
        .transform_window(i="row_number()")
        .transform_calculate(lam=step)
        .mark_line(color=BLUE, strokeWidth=2.5, interpolate="monotone")
        .encode(
            x=alt.X("lam:Q", title=label("neg.lam"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("gap:Q", title=label("neg.gap")),
        )
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#555", strokeDash=[4, 3]).encode(y="zero:Q")
    caption = (
        alt.Chart(gaps)
        .transform_filter(f"{chosen} && abs(datum.phi - phi) < 0.005")
        .transform_calculate(text=_points_expression(points))
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222")
        .encode(text="text:N")
    )
    bottom = alt.layer(curve, zero, caption).properties(width=WIDTH, height=200)
    return alt.vconcat(top, bottom).add_params(*params).properties(description=label("neg.description"))


def _points_expression(template: str) -> str:
    """A Vega expression writing ``template`` with the row's φ_S and φ_B in the reader's number format."""
    fields = {"{phi_s}": "format(datum.phi_s, '.3f')", "{phi_b}": "format(datum.phi_b, '.3f')"}
    return " + ".join(fields.get(piece, js_string(piece)) for piece in re.split(r"(\{phi_[sb]\})", template) if piece)


# --------------------------------------------------------------------------- Marshall's labour pooling
