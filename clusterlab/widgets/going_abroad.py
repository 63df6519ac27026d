"""Chapters 6 and 7 (and the demonstration page): export consortia, first export markets, news through a cluster."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from clusterlab import charts, data
from clusterlab.labels import fmt_number, label, sort_key
from clusterlab.models import diffusion
from clusterlab.widgets.base import Explorer, error_note


def consortium_explorer(fixed_costs: Sequence[float] = (60, 120, 240), profit: float = 30) -> Explorer:
    """A slider for the profit and a dropdown for the fixed cost, redrawing chart and table."""
    style = {"description_width": "initial"}
    controls = {
        "profit": widgets.IntSlider(
            value=int(profit),
            min=1,
            max=200,
            step=1,
            description=label("consortium.profit_short"),
            style=style,
            layout=widgets.Layout(width="420px"),
        ),
        "fixed_cost": widgets.Dropdown(
            options=[(fmt_number(c), float(c)) for c in fixed_costs],
            value=float(fixed_costs[len(fixed_costs) // 2]),
            description=label("consortium.fixed_cost_short"),
            style=style,
        ),
    }

    # the chart is made once; a move of a control only sets its two parameters
    chart = charts.Prepared(charts.consortium_chart(fixed_costs, profit, interactive=False))

    def draw(profit: int, fixed_cost: float) -> list:
        return [
            chart.with_params(profit=profit, fixed_cost=fixed_cost),
            charts.consortium_table(fixed_cost, profit),
        ]

    return Explorer(controls, draw, title="consortium_explorer")


def markets_explorer(
    pairs: pd.DataFrame, gdp: pd.DataFrame, countries: pd.DataFrame, home: str = "FRA", year: int = 2019, top: int = 15
) -> Explorer:
    """First export markets in JupyterLab: any home country of the GeoDist table (the website offers four),
    the four weights of the psychic-distance index and the weight of market size."""
    from clusterlab.models import psychic_distance

    names = data.country_names(countries).dropna().astype(str)
    in_pairs = set(pairs["iso3_a"]) | set(pairs["iso3_b"])
    homes = sorted(((name, code) for code, name in names.items() if code in in_pairs), key=lambda h: sort_key(h[0]))
    style = {"description_width": "initial"}
    controls = {"home": widgets.Dropdown(options=homes, value=home, description=label("markets.home"), style=style)}
    for key in (*psychic_distance.COMPONENTS, "market"):
        controls[key] = widgets.FloatSlider(
            value=1.0,
            min=0,
            max=3,
            step=0.25,
            description=label(f"markets.w_{key}"),
            style=style,
            layout=widgets.Layout(width="420px"),
        )
    state: dict = {}
    rows_of: dict = {}  # a home's partners are ranked once; the weights only change the chart's parameters

    def draw(home: str, market: float, **weights) -> list:
        try:
            psychic_distance.normalised_weights(weights)  # a clear message if every weight is 0
            if home not in rows_of:
                rows_of[home] = charts.markets_data(pairs, gdp, countries, homes=[home], year=year)
            rows = rows_of[home]
            if "chart" not in state:  # checked once; afterwards the same chart with new rows and weights
                state["chart"] = charts.Prepared(
                    charts.markets_chart(
                        rows, interactive=False, home=home, top=top, weights=weights, market_weight=market
                    )
                )
        except ValueError as err:
            return [error_note(err)]
        values = {f"w_{k}": float(v) for k, v in weights.items()} | {"w_market": float(market), "home": home}
        return [state["chart"].with_data(rows).with_params(**values)]

    explorer = Explorer(controls, draw, title="markets_explorer")
    items = list(controls.values())
    explorer.children = (
        widgets.VBox([widgets.HBox(items[:2]), widgets.HBox(items[2:4]), widgets.HBox(items[4:])]),
        explorer.output,
    )
    return explorer


def diffusion_explorer(pipelines: int = 2, local_ties: int = 1, p: float = 0.3, runs: int = 40) -> Explorer:
    """News spreading through a cluster in JupyterLab: any number of pipelines and local ties, and the
    chance ``p`` that a firm tells a contact each period (the website offers a grid with p = 0.3)."""
    style = {"description_width": "initial"}
    wide = widgets.Layout(width="420px")
    controls = {
        "pipelines": widgets.IntSlider(
            value=pipelines, min=0, max=30, description=label("diffusion.pipelines"), style=style, layout=wide
        ),
        "local_ties": widgets.IntSlider(
            value=local_ties, min=0, max=10, description=label("diffusion.local_ties"), style=style, layout=wide
        ),
        "p": widgets.FloatSlider(
            value=p, min=0.05, max=1.0, step=0.05, description=label("diffusion.p"), style=style, layout=wide
        ),
    }
    state: dict = {}

    def draw(pipelines: int, local_ties: int, p: float) -> list:
        try:
            curves = diffusion.diffusion_data([pipelines], [local_ties], runs=runs, p=round(float(p), 4))
        except ValueError as err:
            return [error_note(err)]
        if "chart" not in state:
            state["chart"] = charts.Prepared(charts.diffusion_chart(curves, interactive=False))
        return [state["chart"].with_data(curves).with_params(pipelines=int(pipelines), local_ties=int(local_ties))]

    return Explorer(controls, draw, title="diffusion_explorer")
