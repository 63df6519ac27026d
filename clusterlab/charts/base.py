"""What every chart of the book shares: the theme, the renderer, the prepared-chart cache.

Importing this module (as importing :mod:`clusterlab.charts` does) does two things for every chart that follows:

* it enables Altair's ``mimetype`` renderer: a notebook output then holds the Vega-Lite
  specification itself (``application/vnd.vegalite.v5+json``), which JupyterLab and Notebook 7
  draw with the copy of Vega they ship, with no internet; the book turns the same output into a
  chart drawn by the website's own copy of Vega (see ``bookbuild.mime``);
* it enables the ``clusterlab`` theme: a white background (the chart stays readable when the
  website or JupyterLab is switched to a dark theme), readable font sizes, and the number and
  date conventions of the language chosen with :func:`clusterlab.labels.set_language`.

Charts meant for the website are *kernel-free*: their interactive controls are Vega-Lite
parameters bound to inputs, computed in the browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import altair as alt
import pandas as pd

from clusterlab import labels
from clusterlab.errors import InputError
from clusterlab.labels import label

#: The book's palette: the first two colours mark the two sides every chart compares (the cluster and
#: the rest, pooled and alone, supported and not); the six of :data:`CATEGORY` tell categories apart.
BLUE = "#1f5fa8"
ORANGE = "#c2410c"
GREEN = "#2f7d32"
CATEGORY = (BLUE, ORANGE, GREEN, "#7c3aed", "#a16207", "#0e7490")
#: Greys for what is context, not data: reference lines, bars of other regions.
GREY = "#b8b8b8"

#: Size of a single chart, in pixels: fits the text column of the book, legend below.
WIDTH = 460
HEIGHT = 300


@alt.theme.register("clusterlab", enable=True)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "background": "white",
        "padding": 8,
        "config": {
            "locale": labels.vega_locale(),
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222", "titleColor": "#222"},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "labelColor": "#222",
                "titleColor": "#222",
                "orient": "bottom",
                "direction": "horizontal",
                "titleLimit": 400,
            },
            "title": {"fontSize": 15, "color": "#111"},
            "range": {"category": list(CATEGORY)},
        },
    }


alt.renderers.enable("mimetype")


class Prepared:
    """A chart turned into its Vega-Lite specification once (and validated then), displayed as Altair
    displays it; :meth:`with_params` gives the same chart with new values of its parameters.

    The JupyterLab explorers redraw a chart at every move of a slider; the chart's parameters
    (``profit``, ``threshold``…) are all that changes, so they prepare it once and set the values
    at each move instead of building and validating the whole specification again.
    ``validate=False`` skips Altair's schema check, for a chart whose twin (same function, other
    data rows) has already been checked.
    """

    def __init__(self, chart: alt.TopLevelMixin | dict, validate: bool = True):
        if isinstance(chart, dict):
            self.spec = chart
        else:
            self.spec = chart.to_dict(context={"pre_transform": False}, validate=validate)
        self.params = [p["name"] for p in self.spec.get("params", []) if "name" in p]

    def with_params(self, **values) -> Prepared:
        """The same chart with new values for the named top-level parameters (others unchanged)."""
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            raise InputError("charts.no_parameter", unknown=unknown, params=self.params)
        spec = dict(self.spec)
        spec["params"] = [
            {**p, "value": values[p["name"]]} if p.get("name") in values else p for p in self.spec["params"]
        ]
        return Prepared(spec)

    def with_data(self, *frames: pd.DataFrame) -> Prepared:
        """The same chart drawn from new tables: each of ``frames`` replaces the chart's dataset that has
        exactly its columns (one such dataset each, or :class:`ValueError`). The result is the
        specification Altair writes for the chart built from those tables (tested)."""
        datasets = dict(self.spec.get("datasets", {}))
        renamed = {}
        for frame in frames:
            columns = set(frame.columns)
            names = [name for name, rows in datasets.items() if rows and set(rows[0]) == columns]
            if len(names) != 1:
                raise InputError("charts.datasets", count=len(names), columns=sorted(columns))
            rows = alt.utils.sanitize_pandas_dataframe(frame).to_dict(orient="records")
            del datasets[names[0]]
            renamed[names[0]] = dataset_name(rows)
            datasets[renamed[names[0]]] = rows
        text = json.dumps({k: v for k, v in self.spec.items() if k != "datasets"}, ensure_ascii=False)
        for old, new in renamed.items():  # names are content hashes: no other string can match
            text = text.replace(json.dumps(old), json.dumps(new))
        return Prepared({**json.loads(text), "datasets": datasets})

    def _repr_mimebundle_(self, include=None, exclude=None):
        return alt.renderers.get()(self.spec)


def dataset_name(rows: list[dict]) -> str:
    """The name Altair gives a chart's dataset of these rows (a hash of their content).

    The one use of Altair's private API in the book; ``tests/test_structure.py`` fails when Altair names
    datasets otherwise."""
    from altair.vegalite.v5.api import _dataset_name

    return _dataset_name(rows)


def js_string(text: str) -> str:
    """A string literal for a Vega expression (quotes and accents escaped)."""
    return json.dumps(text, ensure_ascii=False)


# Controls of the website's charts: a parameter with an explicit name (the JupyterLab twins set it by
# that name, see Prepared.with_params), bound to an input labelled in the reader's language; with
# ``interactive=False`` the same parameter, unbound.


def _bound(name: str, value: Any, bind: alt.Binding | None) -> alt.Parameter:
    return alt.param(value=value, name=name, bind=alt.Undefined if bind is None else bind)


def slider(
    name: str, key: str, value: float, low: float, high: float, step: float, *, interactive: bool = True
) -> alt.Parameter:
    """A chart parameter moved by a slider.

    Parameters
    ----------
    name : str
        The parameter's name, as the chart's expressions use it (``"profit"`` in ``datum.n * profit``).
    key : str
        The catalogue key of the slider's label (:func:`clusterlab.labels.label`).
    value : float
        The parameter's value when the chart is drawn.
    low, high, step : float
        The slider's range and step.
    interactive : bool
        ``False`` for the JupyterLab twin: the parameter has no input.

    Returns
    -------
    alt.Parameter
        The parameter, to pass to the chart's ``add_params``.
    """
    bind = alt.binding_range(min=low, max=high, step=step, name=label(key) + " ") if interactive else None
    return _bound(name, value, bind)


def choice(
    name: str,
    key: str,
    value: Any,
    options: Sequence[Any],
    option_label: Callable[[Any], str] | None = None,
    *,
    radio: bool = False,
    interactive: bool = True,
) -> alt.Parameter:
    """A chart parameter chosen in a menu (or, with ``radio=True``, with radio buttons).

    Parameters
    ----------
    name : str
        The parameter's name, as the chart's expressions use it.
    key : str
        The catalogue key of the menu's label (:func:`clusterlab.labels.label`).
    value : Any
        The parameter's value when the chart is drawn (one of ``options``).
    options : sequence
        The values the reader can choose.
    option_label : callable, optional
        What the reader reads for an option (default: the option itself); called only when
        ``interactive``, so a JupyterLab twin may hold options that have no label.
    radio : bool
        Radio buttons instead of a menu.
    interactive : bool
        ``False`` for the JupyterLab twin: the parameter has no input.

    Returns
    -------
    alt.Parameter
        The parameter, to pass to the chart's ``add_params``.
    """
    bind = None
    if interactive:
        binding = alt.binding_radio if radio else alt.binding_select
        shown = alt.Undefined if option_label is None else [option_label(option) for option in options]
        bind = binding(options=list(options), labels=shown, name=label(key) + " ")
    return _bound(name, value, bind)


def checkbox(name: str, key: str, value: bool, *, interactive: bool = True) -> alt.Parameter:
    """A chart parameter switched on and off by a checkbox.

    Parameters
    ----------
    name : str
        The parameter's name, as the chart's expressions use it.
    key : str
        The catalogue key of the checkbox's label (:func:`clusterlab.labels.label`).
    value : bool
        The parameter's value when the chart is drawn.
    interactive : bool
        ``False`` for the JupyterLab twin: the parameter has no input.

    Returns
    -------
    alt.Parameter
        The parameter, to pass to the chart's ``add_params``.
    """
    return _bound(name, value, alt.binding_checkbox(name=label(key) + " ") if interactive else None)


def plural_expression(key: str, count: str, counts: Iterable[int], **fixed: int) -> str:
    """A Vega expression for the text of ``key`` when the count is the expression ``count`` (a whole
    number among ``counts``): the plural form of the language in force, with ``{n}`` written by d3.

    Charts compute some counts in the browser (the gap of the diamond scorecard); the catalogue's plural
    forms are chosen there, by listing which of the possible counts take each form. ``fixed`` fills the
    other placeholders (whole numbers known in Python, such as ``{most}``) before the chart is written.
    """
    forms = dict(labels.plural_forms(key))
    for name, value in fixed.items():
        forms = {form: text.replace("{" + name + "}", labels.fmt_number(value)) for form, text in forms.items()}
    groups: dict[str, list[int]] = {}
    for n in sorted(set(counts)):
        category = labels.plural_category(n)
        groups.setdefault(category if category in forms else "other", []).append(n)
    groups.setdefault("other", [])

    def text(form: str) -> str:
        return f"replace({js_string(forms[form])}, '{{n}}', format({count}, 'd'))"

    expression = text("other")
    for category, ns in groups.items():
        if category != "other" and ns:
            expression = f"indexof({json.dumps(ns)}, {count}) >= 0 ? {text(category)} : ({expression})"
    return expression


#: The columns a chart reads in each kind of table, and the call that makes that table.
TABLES = {
    "lq": ("region", "industry", "employment", "lq"),
    "tiles": ("year", "scope", "indicator", "value", "source", "source_date"),
    "tradhist": ("partner", "year", "exports_gbp"),
    "baci": ("exporter", "importer", "value_kusd"),
    "estimates": ("question", "study", "estimate", "low", "high", "unit", "source", "year"),
    "published_estimates": (
        "question",
        "study",
        "setting_en",
        "setting_fr",
        "location",
        "estimate",
        "low",
        "high",
        "year",
    ),
}
MADE_BY = {
    "lq": "clusterlab.measures.lq_table(...)",
    "simulation": "clusterlab.measures.dartboard(...)",
    "tiles": "data.load('italian_tiles')",
    "tradhist": "data.load('tradhist_france')",
    "baci": "data.load('baci_maghreb_trade')",
    "estimates": "charts.published_rows(data.load('published_estimates')) or gravity.forest_rows(...)",
    "published_estimates": "data.load('published_estimates')",
}


def require_columns(frame: pd.DataFrame, table: str, columns: Sequence[str] | None = None) -> None:
    """Refuse ``frame`` when it lacks a column a chart reads: an :class:`~clusterlab.errors.InputError`
    naming the missing columns and how to make the table (``table`` is a key of :data:`MADE_BY`; the
    columns are those of :data:`TABLES` unless given)."""
    missing = [c for c in (columns or TABLES[table]) if c not in frame.columns]
    if missing:
        raise InputError(
            "charts.needs_columns", table=label(f"charts.table.{table}"), missing=missing, how=MADE_BY[table]
        )
