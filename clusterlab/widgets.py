"""Live controls for JupyterLab and Binder: the kernel-side twins of the book's charts.

On the website, charts are interactive without Python (Vega-Lite parameters). In JupyterLab
these functions recompute with the package itself, so a reader can change what the browser
version cannot: any value, any data. Every control's description goes through
:func:`clusterlab.labels.label`.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import display

from clusterlab import charts
from clusterlab.labels import fmt_number, label


def consortium_explorer(fixed_costs: Sequence[float] = (60, 120, 240), profit: float = 30):
    """A slider for the profit and a dropdown for the fixed cost, redrawing chart and table."""
    style = {"description_width": "initial"}
    profit_slider = widgets.IntSlider(
        value=int(profit), min=1, max=200, step=1,
        description=label("consortium.profit_short"), style=style,
        layout=widgets.Layout(width="480px"),
    )
    cost_menu = widgets.Dropdown(
        options=[(fmt_number(c), float(c)) for c in fixed_costs],
        value=float(fixed_costs[len(fixed_costs) // 2]),
        description=label("consortium.fixed_cost_short"), style=style,
    )

    def redraw(profit: int, fixed_cost: float) -> None:
        display(charts.consortium_chart(fixed_costs, profit, interactive=False, fixed_cost=fixed_cost))
        display(charts.consortium_table(fixed_cost, profit))

    return widgets.interactive(redraw, profit=profit_slider, fixed_cost=cost_menu)
