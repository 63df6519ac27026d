"""Export consortia (chapter 7 and the demonstration page): the per-firm share of a fixed cost against a firm's profit."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from clusterlab import labels
from clusterlab.charts.base import BLUE, GREEN, HEIGHT, ORANGE, WIDTH, choice, js_string, slider
from clusterlab.errors import InputError
from clusterlab.labels import label
from clusterlab.models import consortium


def consortium_chart(
    fixed_costs: Sequence[float] = (60, 120, 240),
    profit: float = 30,
    max_firms: int = 20,
    interactive: bool = True,
    fixed_cost: float | None = None,
) -> alt.LayerChart:
    """Per-firm share ``F / n`` of a fixed entry cost against the consortium size ``n``.

    Points are coloured by whether a member with operating profit ``profit`` exports
    (``profit ≥ F / n``); a dashed rule marks the profit.

    With ``interactive=True`` (the website), a slider moves the profit and a dropdown picks the
    fixed cost among ``fixed_costs``, in the browser, with no Python kernel. With
    ``interactive=False`` (the JupyterLab twin), the chart is drawn for ``fixed_cost`` and
    ``profit`` as given.
    """
    fixed_costs = [float(f) for f in fixed_costs]
    if not fixed_costs:
        raise InputError("charts.empty", name="fixed_costs")
    fixed_cost = fixed_costs[len(fixed_costs) // 2] if fixed_cost is None else float(fixed_cost)
    if max_firms < 2:
        raise InputError("checks.whole_low", name="max_firms", low=2, value=max_firms)
    n = np.arange(1, max_firms + 1)
    consortium.per_firm_cost(fixed_costs + [fixed_cost], 1)  # validates every cost
    consortium.exports(profit, fixed_cost, 1)  # validates the profit
    frame = pd.DataFrame({"n": n})

    top = max(100, int(np.ceil(max(fixed_costs) / 2 / 5) * 5))
    profit_param = slider("profit", "consortium.profit_short", profit, 5, top, 5, interactive=interactive)
    cost_param = choice(
        "fixed_cost",
        "consortium.fixed_cost_short",
        fixed_cost,
        fixed_costs,
        lambda f: labels.fmt_number(f) + " " + label("keur"),
        interactive=interactive,
    )

    yes, no = label("consortium.exports_yes"), label("consortium.exports_no")
    base = alt.Chart(frame).transform_calculate(
        share="fixed_cost / datum.n",
        profit_value="profit",
        status=f"profit >= fixed_cost / datum.n ? {js_string(yes)} : {js_string(no)}",
    )
    x = alt.X(
        "n:Q",
        title=label("consortium.n_firms"),
        scale=alt.Scale(domain=[1, max_firms], nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )
    y_title = label("consortium.share")
    line = base.mark_line(color="#555", strokeWidth=1.5).encode(x=x, y=alt.Y("share:Q", title=y_title))
    points = base.mark_point(size=70, filled=True).encode(
        x=x,
        y=alt.Y("share:Q", title=y_title),
        color=alt.Color(
            "status:N",
            title=label("consortium.exports"),
            scale=alt.Scale(domain=[yes, no], range=[GREEN, ORANGE]),
        ),
        shape=alt.Shape(
            "status:N", scale=alt.Scale(domain=[yes, no], range=["circle", "square"]), title=label("consortium.exports")
        ),
        tooltip=[
            alt.Tooltip("n:Q", title=label("consortium.n_firms")),
            alt.Tooltip("share:Q", title=y_title, format=",.1f"),
            alt.Tooltip("status:N", title=label("consortium.exports")),
        ],
    )
    rule = base.mark_rule(strokeDash=[6, 4], color=BLUE, strokeWidth=2).encode(
        y=alt.Y("mean(profit_value):Q", title=y_title)
    )
    rule_label = base.mark_text(align="right", dy=-8, color=BLUE, fontSize=12).encode(
        x=alt.datum(max_firms),
        y=alt.Y("mean(profit_value):Q"),
        text=alt.datum(label("consortium.profit_line")),
    )
    return (
        alt.layer(line, rule, rule_label, points)
        .add_params(profit_param, cost_param)
        .properties(
            width=WIDTH,
            height=HEIGHT,
            description=label("consortium.description"),
        )
    )


def consortium_table(fixed_cost: float, profit: float, sizes: Sequence[int] = (1, 2, 3, 4, 5, 6, 8, 10)) -> Styler:
    """The consortium arithmetic as a table: size, per-firm share, and whether a member exports."""
    frame = pd.DataFrame({"n": list(sizes)})
    frame["share"] = consortium.per_firm_cost(fixed_cost, frame["n"].to_numpy())
    frame["exports"] = np.where(
        consortium.exports(profit, fixed_cost, frame["n"].to_numpy()), label("yes"), label("no")
    )
    return labels.table(
        frame,
        {"n": "consortium.n_firms", "share": "consortium.share", "exports": "consortium.exports"},
        decimals={"share": 1},
    )
