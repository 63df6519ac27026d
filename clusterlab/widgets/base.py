"""What the explorers share: the :class:`Explorer` box, and the notes a reader sees for an error or for
rows left out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from clusterlab import data
from clusterlab.labels import label


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


def error_note(err: Exception) -> HTML:
    """An error shown in an explorer's output area: its kind and its message (which says what to fix)."""
    import html

    colon = html.escape(label("punctuation.colon"))
    return HTML(f'<p style="color:#b00020"><b>{type(err).__name__}</b>{colon}{html.escape(str(err))}</p>')


def without_empty(tidy: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """The rows of the regions and industries with some employment, and how many of each were left out.

    A region or an industry whose counts are all zero has no location quotient (0/0); an uploaded
    file often has some (establishments with no employee). The explorer leaves them out and says so.
    """
    left_out = {}
    keep = None
    for key in ("region", "industry"):
        totals = tidy.groupby(key, observed=True)["employment"].sum()
        empty = totals.index[totals == 0]
        left_out[key] = len(empty)
        mask = ~tidy[key].isin(empty)
        keep = mask if keep is None else keep & mask
    return tidy[keep], left_out


def industry_options(codes: Sequence[str]) -> list[tuple[str, str]]:

    return [(data.industry_name(code), code) for code in codes]
