"""Chapters 1 to 3: labour pooling, the diamond scorecard, the new economic geography."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from clusterlab import charts
from clusterlab.labels import label
from clusterlab.models import core_periphery, labour_pooling
from clusterlab.widgets.base import Explorer, error_note


def neg_explorer(model: str = "cp", mu: float = 0.4, sigma: float = 5.0, phi: float = 0.3) -> Explorer:
    """The new economic geography in JupyterLab: a menu for the model and sliders for μ, σ and φ.

    Any (μ, σ) outside the black hole can be chosen (the website offers three pairs); the equilibria
    are solved by :mod:`clusterlab.models` for each pair, then φ only moves the chart's marker and curve.
    """
    style = {"description_width": "initial"}
    wide = widgets.Layout(width="420px")
    controls = {
        "model": widgets.Dropdown(
            options=[(label(f"neg.model_{m}"), m) for m in core_periphery.NEG_MODELS],
            value=model,
            description=label("neg.model"),
            style=style,
        ),
        "mu": widgets.FloatSlider(
            value=mu,
            min=0.05,
            max=0.8,
            step=0.05,
            continuous_update=False,
            description=label("neg.mu"),
            style=style,
            layout=wide,
        ),
        "sigma": widgets.FloatSlider(
            value=sigma,
            min=1.5,
            max=10,
            step=0.5,
            continuous_update=False,
            description=label("neg.sigma"),
            style=style,
            layout=wide,
        ),
        "phi": widgets.FloatSlider(
            value=phi, min=0.01, max=0.99, step=0.01, description=label("neg.phi"), style=style, layout=wide
        ),
    }
    prepared: dict[tuple, charts.Prepared] = {}
    phis = np.round(np.arange(1, 100) / 100, 2)

    def draw(model: str, mu: float, sigma: float, phi: float) -> list:
        key = (model, round(mu, 6), round(sigma, 6))
        if key not in prepared:
            try:
                tomahawk, gaps = core_periphery.neg_data([model], [(mu, sigma)], phis=phis)
            except ValueError as err:
                return [error_note(err)]
            tomahawk["model"], tomahawk["preset"], gaps["model"], gaps["preset"] = "live", "live", "live", "live"
            if prepared:  # the same chart with new rows: built and checked once, then its tables are swapped
                prepared[key] = next(iter(prepared.values())).with_data(tomahawk, gaps)
            else:
                prepared[key] = charts.Prepared(charts.neg_chart(tomahawk, gaps, interactive=False, phi=0.3))
        return [prepared[key].with_params(phi=round(float(phi), 2))]

    return Explorer(controls, draw, title="neg_explorer")


def pooling_explorer(n_firms: int = 6, shock_sd: float = 1.5, workers_per_firm: float = 10.0) -> Explorer:
    """Marshall's labour pooling in JupyterLab: sliders for the number of firms and the size of the shocks
    (any values, where the website offers a grid), simulated live by :mod:`clusterlab.models.labour_pooling`."""
    style = {"description_width": "initial"}
    wide = widgets.Layout(width="420px")
    controls = {
        "n_firms": widgets.IntSlider(
            value=n_firms, min=2, max=20, step=1, description=label("pool.n_firms"), style=style, layout=wide
        ),
        "shock_sd": widgets.FloatSlider(
            value=shock_sd, min=0.1, max=4.0, step=0.1, description=label("pool.shock_sd"), style=style, layout=wide
        ),
    }
    state: dict = {}

    def draw(n_firms: int, shock_sd: float) -> list:
        data = labour_pooling.pooling_data([n_firms], [round(shock_sd, 6)], workers_per_firm=workers_per_firm)
        if "chart" not in state:  # made and checked once; afterwards only its table changes
            state["chart"] = charts.Prepared(charts.pooling_chart(data, interactive=False))
        return [state["chart"].with_data(data).with_params(n_firms=int(n_firms), shock_sd=round(shock_sd, 6))]

    return Explorer(controls, draw, title="pooling_explorer")


def diamond_explorer(case: str = "sassuolo") -> Explorer:
    """Porter's diamond scorecard in JupyterLab: one slider per determinant and a box to show the published
    account; below the chart, the table of scores, gaps and the account's evidence for each determinant
    (a determinant on which the account is silent is shown as not assessed, its gap as not counted)."""

    from clusterlab.models import diamond

    style = {"description_width": "initial"}
    controls = {
        k: widgets.IntSlider(
            value=diamond.LOW,
            min=diamond.LOW,
            max=diamond.HIGH,
            step=1,
            description=label(f"diamond.{k}"),
            style=style,
            layout=widgets.Layout(width="420px"),
        )
        for k in diamond.DETERMINANTS
    }
    controls["reveal"] = widgets.Checkbox(value=False, description=label("diamond.reveal"), style=style)
    prepared = charts.Prepared(charts.diamond_chart(case, interactive=False))

    def draw(reveal: bool, **scores) -> list:
        chart = prepared.with_params(reveal=bool(reveal), **{k: int(v) for k, v in scores.items()})
        if not reveal:
            return [chart]
        # every row kept; where the account is silent, "not assessed" and "not counted" instead of a 0
        table = diamond.account_table(case, {k: int(v) for k, v in scores.items()})
        from clusterlab.labels import table as shown

        return [
            chart,
            shown(
                table,
                {
                    "name": "diamond.determinant",
                    "yours": "diamond.yours",
                    "reference": "diamond.reference",
                    "gap": "diamond.gap",
                    "evidence": "diamond.evidence",
                },
            ),
        ]

    explorer = Explorer(controls, draw, title="diamond_explorer")
    # six sliders and a box: two rows, not one long line
    explorer.children = (
        widgets.VBox([widgets.HBox(list(controls.values())[:3]), widgets.HBox(list(controls.values())[3:])]),
        explorer.output,
    )
    return explorer
