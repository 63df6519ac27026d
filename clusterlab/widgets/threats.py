"""Chapters 8 and 9: lock-in, and whether a policy worked."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from clusterlab import charts, labels
from clusterlab.labels import label
from clusterlab.models import lockin
from clusterlab.widgets.base import Explorer, error_note


def lockin_explorer(r: float = 0.01, gap: float = 0.2, run: int = 1, runs: int = 12) -> Explorer:
    """Arthur's model live in JupyterLab: any returns to adoption ``r``, any gap between natural preferences
    (a_R − b_R = b_S − a_S = ``gap``) and any run (the website offers four values of r with gap 0.2)."""
    style = {"description_width": "initial"}
    wide = widgets.Layout(width="380px")
    controls = {
        "r": widgets.FloatSlider(
            value=r,
            min=0.0,
            max=0.05,
            step=0.001,
            readout_format=".3f",
            description=label("lockin.returns"),
            style=style,
            layout=wide,
        ),
        "gap": widgets.FloatSlider(
            value=gap, min=0.02, max=0.6, step=0.02, description=label("lockin.gap"), style=style, layout=wide
        ),
        "run": widgets.IntSlider(value=run, min=1, max=runs, description=label("lockin.run"), style=style),
    }
    state: dict = {}

    def draw(r: float, gap: float, run: int) -> list:
        try:
            paths, table = lockin.arthur_data(
                [round(float(r), 6)], runs=runs, a_R=1.0, b_R=1.0 - gap, a_S=1.0 - gap, b_S=1.0
            )
        except ValueError as err:
            return [error_note(err)]
        if "chart" not in state:
            state["chart"] = charts.Prepared(charts.arthur_chart(paths, table, interactive=False))
        return [state["chart"].with_data(paths, table).with_params(returns=round(float(r), 6), run=int(run))]

    return Explorer(controls, draw, title="lockin_explorer")


def policy_explorer(
    strength: float = 1.5, effect: float = 2.0, decline: float = 2.0, firms: int = 5000, seed: int = 1
) -> Explorer:
    """The synthetic policy panel live in JupyterLab: any selection strength, true effect, sectors' decline and
    seed, with a table of the estimates (including the difference in differences against all unsupported
    firms, which mixes sectors)."""
    from clusterlab.models import policy

    style = {"description_width": "initial"}
    wide = widgets.Layout(width="380px")
    controls = {
        "strength": widgets.FloatSlider(
            value=strength, min=0.0, max=5.0, step=0.1, description=label("policy.strength"), style=style, layout=wide
        ),
        "effect": widgets.FloatSlider(
            value=effect, min=-5.0, max=5.0, step=0.5, description=label("policy.effect"), style=style, layout=wide
        ),
        "decline": widgets.FloatSlider(
            value=decline, min=0.0, max=5.0, step=0.5, description=label("policy.decline"), style=style, layout=wide
        ),
        "seed": widgets.IntSlider(value=seed, min=1, max=50, description=label("policy.seed"), style=style),
    }
    state: dict = {}

    def draw(strength: float, effect: float, decline: float, seed: int) -> list:
        k, e, d = round(float(strength), 4), round(float(effect), 4), round(float(decline), 4)
        try:
            paths, estimates = policy.policy_data([k], [e], [d], firms=firms, seed=int(seed))
            across = policy.summary(strength=k, effect=e, decline=d, firms=firms, seed=int(seed))[0]["across"]
        except ValueError as err:
            return [error_note(err)]
        if "chart" not in state:
            state["chart"] = charts.Prepared(charts.policy_chart(paths, estimates, interactive=False))
        chart = state["chart"].with_data(paths, estimates).with_params(strength=k, effect=e, decline=d)
        rows = [(label(f"policy.{key}"), value) for key, value in zip(("true", "naive", "did"), estimates["value"])] + [
            (label("policy.across"), across)
        ]
        table = labels.table(
            pd.DataFrame(rows, columns=["estimator", "value"]),
            {"estimator": "policy.estimator", "value": "policy.estimate"},
            decimals={"value": 2},
        )
        return [chart, table]

    return Explorer(controls, draw, title="policy_explorer")
