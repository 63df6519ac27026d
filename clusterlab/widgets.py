"""Live controls for JupyterLab and Binder: the kernel-side twins of the book's charts.

On the website, charts are interactive without Python (Vega-Lite parameters). In JupyterLab
these functions recompute with the package itself, so a reader can change what the browser
version cannot: any value, any data. Every control's description goes through
:func:`clusterlab.labels.label`.

The charts and tables an explorer draws are placed in its output area directly (not printed
by the cell), so a notebook stores the same outputs whichever tool runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from clusterlab import charts
from clusterlab.labels import fmt_number, label


class Explorer(widgets.VBox):
    """Controls above an output area that ``draw`` fills with the current charts and tables."""

    def __init__(self, controls: dict[str, widgets.ValueWidget], draw: Callable[..., list], title: str):
        self._controls = controls
        self._draw = draw
        self._title = title
        self.output = widgets.Output()
        super().__init__([widgets.HBox(list(controls.values())), self.output])
        for control in controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def values(self) -> dict:
        return {name: control.value for name, control in self._controls.items()}

    def redraw(self, change=None) -> None:
        self.output.outputs = ()
        for item in self._draw(**self.values()):
            self.output.append_display_data(item)

    def __repr__(self) -> str:
        return f"{self._title} ({', '.join(f'{k}={v!r}' for k, v in self.values().items())})"


def consortium_explorer(fixed_costs: Sequence[float] = (60, 120, 240), profit: float = 30) -> Explorer:
    """A slider for the profit and a dropdown for the fixed cost, redrawing chart and table."""
    style = {"description_width": "initial"}
    controls = {
        "profit": widgets.IntSlider(
            value=int(profit), min=1, max=200, step=1,
            description=label("consortium.profit_short"), style=style,
            layout=widgets.Layout(width="420px"),
        ),
        "fixed_cost": widgets.Dropdown(
            options=[(fmt_number(c), float(c)) for c in fixed_costs],
            value=float(fixed_costs[len(fixed_costs) // 2]),
            description=label("consortium.fixed_cost_short"), style=style,
        ),
    }

    def draw(profit: int, fixed_cost: float) -> list:
        return [
            charts.consortium_chart(fixed_costs, profit, interactive=False, fixed_cost=fixed_cost),
            charts.consortium_table(fixed_cost, profit),
        ]

    return Explorer(controls, draw, title="consortium_explorer")
