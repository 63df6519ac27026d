"""The new economic geography (chapter 3): the tomahawk diagram above the real-wage gap, for the core–periphery and footloose-entrepreneur models."""

from __future__ import annotations

import re
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import labels
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, js_string
from clusterlab.labels import label
from clusterlab.models import core_periphery, footloose

NEG_PRESETS = ((0.4, 5.0), (0.3, 4.0), (0.2, 6.0))
NEG_MODELS = {"cp": core_periphery, "fe": footloose}


def _preset_key(mu: float, sigma: float) -> str:
    return f"{mu:g}-{sigma:g}"


def _preset_label(mu: float, sigma: float) -> str:
    sep = " ; " if labels.get_language() == "fr" else ", "
    return f"μ = {labels.fmt_number(mu, 1)}{sep}σ = {labels.fmt_number(sigma, 1)}"


def neg_data(
    models: Sequence[str] = ("cp", "fe"),
    presets: Sequence[tuple[float, float]] = NEG_PRESETS,
    phis: Sequence[float] | None = None,
    lam_points: int = 21,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What :func:`neg_chart` draws, computed with :mod:`clusterlab.models`: the tomahawk rows and, for
    each freeness ``phis`` (default 0.02, 0.04, …, 0.98), the real-wage gap at ``lam_points`` values of λ."""
    phis = np.round(np.arange(1, 50) * 0.02, 2) if phis is None else np.asarray(phis, dtype=float)
    lams = np.linspace(0, 1, lam_points)
    tomahawks, gaps = [], []
    for code in models:
        model = NEG_MODELS[code]
        for mu, sigma in presets:
            key = _preset_key(mu, sigma)
            rows = pd.DataFrame(model.tomahawk(mu, sigma))
            rows["model"], rows["preset"] = code, key
            tomahawks.append(rows)
            values = np.asarray(model.wage_gap(lams[None, :], phis[:, None], mu, sigma))
            gaps.append(
                pd.DataFrame(
                    {
                        "model": code,
                        "preset": key,
                        "phi": phis,
                        "gap": [[float(f"{v:.3g}") for v in row] for row in values],
                        "phi_s": model.sustain_point(mu, sigma),
                        "phi_b": model.break_point(mu, sigma),
                    }
                )
            )
    tomahawk = pd.concat(tomahawks, ignore_index=True)
    tomahawk["phi"], tomahawk["lam"] = tomahawk["phi"].round(5), tomahawk["lam"].round(4)
    return tomahawk, pd.concat(gaps, ignore_index=True)


def neg_chart(
    tomahawk: pd.DataFrame,
    gaps: pd.DataFrame,
    interactive: bool = True,
    model: str | None = None,
    preset: str | None = None,
    phi: float = 0.3,
) -> alt.VConcatChart:
    """The tomahawk diagram above the real-wage gap curve at the chosen freeness of trade φ.

    ``tomahawk`` and ``gaps`` come from :func:`neg_data`. With ``interactive=True`` (the website) a menu
    picks the model, a menu the (μ, σ) pair and a slider φ, in the browser; with ``interactive=False``
    the chart is drawn for ``model``, ``preset`` and ``phi`` as given.
    """
    models = list(dict.fromkeys(tomahawk["model"]))
    presets = list(dict.fromkeys(tomahawk["preset"]))
    model = model or models[0]
    preset = preset or presets[0]
    if model not in models or preset not in presets:
        raise ValueError(f"model must be one of {models} and preset one of {presets}.")
    if not 0 < phi <= 1:
        raise ValueError(f"phi must be in (0, 1]; got {phi}.")
    p_model = {"value": model, "name": "model"}
    p_preset = {"value": preset, "name": "preset"}
    p_phi = {"value": phi, "name": "phi"}
    if interactive:
        p_model["bind"] = alt.binding_select(
            options=models, labels=[label(f"neg.model_{m}") for m in models], name=label("neg.model") + " "
        )
        preset_labels = [_preset_label(*map(float, key.split("-"))) for key in presets]
        p_preset["bind"] = alt.binding_select(options=presets, labels=preset_labels, name=label("neg.preset") + " ")
        p_phi["bind"] = alt.binding_range(min=0.02, max=0.98, step=0.02, name=label("neg.phi") + " ")
    params = [alt.param(**p_model), alt.param(**p_preset), alt.param(**p_phi)]
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
