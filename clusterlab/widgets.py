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
import numpy as np
import pandas as pd

from clusterlab import charts, data, labels
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


def lq_explorer(
    lq: pd.DataFrame, industries: Sequence[str] | None = None, threshold: float = 2.0, top: int = 15
) -> Explorer:
    """Location quotients in JupyterLab: an industry menu, a threshold slider and an upload button.

    It starts with ``lq`` (a table from :func:`clusterlab.measures.lq_table`); a file chosen with the
    upload button is read with :func:`clusterlab.data.read_employment` and replaces it, and any
    :class:`clusterlab.data.DataError` is shown with what to fix.
    """
    import html
    import io

    from IPython.display import HTML

    from clusterlab import data, measures

    state = {"lq": lq, "note": label("lq.source_book")}
    style = {"description_width": "initial"}
    first = list(industries) if industries else sorted(lq["industry"].unique())
    controls = {
        "industry": widgets.Dropdown(
            options=_industry_options(first), value=first[0], description=label("lq.industry"), style=style
        ),
        "threshold": widgets.FloatSlider(
            value=threshold, min=1, max=6, step=0.25, description=label("lq.threshold"), style=style
        ),
        "min_employment": widgets.IntSlider(
            value=0, min=0, max=5000, step=100, description=label("lq.min_employment"), style=style
        ),
    }

    prepared: dict[str, charts.Prepared] = {}  # one chart per industry of the current table

    def draw(industry: str, threshold: float, min_employment: int) -> list:
        if industry not in prepared:
            # the first chart is checked against the Vega-Lite schema; the others differ only by their rows
            prepared[industry] = charts.Prepared(
                charts.lq_chart(state["lq"], [industry], top=top, interactive=False, industry=industry),
                validate=not state.get("checked"),
            )
            state["checked"] = True
        chart = prepared[industry].with_params(threshold=threshold, min_employment=min_employment)
        return [HTML(f"<p>{html.escape(state['note'])}</p>"), chart]  # the note names the reader's file

    explorer = Explorer(controls, draw, title="lq_explorer")
    upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False, description=label("lq.upload"))

    def on_upload(change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        buffer = io.BytesIO(bytes(item["content"]))
        buffer.name = item["name"]
        try:
            tidy = data.read_employment(buffer)
            counted, left_out = _without_empty(tidy.dropna(subset=["employment"]))
            table = measures.lq_table(counted)
        except ValueError as err:
            explorer.output.outputs = ()
            explorer.output.append_display_data(_error(err))
            return
        note = data.summary(tidy)
        if left_out["industry"] or left_out["region"]:
            note += " " + label("lq.left_out").format(industries=left_out["industry"], regions=left_out["region"])
        state["lq"], state["note"] = table, note
        prepared.clear()
        codes = sorted(table["industry"].unique())
        controls["industry"].options = _industry_options(codes)
        controls["industry"].value = codes[0]
        explorer.redraw()

    upload.observe(on_upload, names="value")
    explorer.children = (widgets.HTML(f"<p>{label('lq.choose_file')}</p>"), upload, *explorer.children)
    return explorer


def neg_explorer(model: str = "cp", mu: float = 0.4, sigma: float = 5.0, phi: float = 0.3) -> Explorer:
    """The new economic geography in JupyterLab: a menu for the model and sliders for μ, σ and φ.

    Any (μ, σ) outside the black hole can be chosen (the website offers three pairs); the equilibria
    are solved by :mod:`clusterlab.models` for each pair, then φ only moves the chart's marker and curve.
    """
    style = {"description_width": "initial"}
    wide = widgets.Layout(width="420px")
    controls = {
        "model": widgets.Dropdown(
            options=[(label(f"neg.model_{m}"), m) for m in charts.NEG_MODELS],
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
                tomahawk, gaps = charts.neg_data([model], [(mu, sigma)], phis=phis)
            except ValueError as err:
                return [_error(err)]
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
        data = charts.pooling_data([n_firms], [round(shock_sd, 6)], workers_per_firm=workers_per_firm)
        if "chart" not in state:  # made and checked once; afterwards only its table changes
            state["chart"] = charts.Prepared(charts.pooling_chart(data, interactive=False))
        return [state["chart"].with_data(data).with_params(n_firms=int(n_firms), shock_sd=round(shock_sd, 6))]

    return Explorer(controls, draw, title="pooling_explorer")


def diamond_explorer(case: str = "sassuolo") -> Explorer:
    """Porter's diamond scorecard in JupyterLab: one slider per determinant and a box to show the published
    account; below the chart, the table of scores, gaps and the account's evidence for each determinant."""
    import pandas as pd

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
        table = diamond.compare(scores, case)
        table["determinant"] = [label(f"diamond.{k}") for k in diamond.DETERMINANTS]
        table["evidence"] = [label(f"diamond.{case}.{k}") for k in diamond.DETERMINANTS]
        from clusterlab.labels import table as shown

        return [
            chart,
            shown(
                pd.DataFrame(table),
                {
                    "determinant": "diamond.determinant",
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


def profile_explorer(lq: pd.DataFrame, region: str = "ITH5") -> Explorer:
    """A region's specialisation profile in JupyterLab: any region of the LQ table (the website offers a few),
    with readable names, drawn with :func:`clusterlab.charts.profile_chart`."""
    from clusterlab import data

    codes = sorted(set(lq["region"]))
    if region not in codes:
        raise ValueError(f"region {region!r} is not in the LQ table.")
    names = data.region_names(codes)
    controls = {
        "region": widgets.Dropdown(
            options=list(zip(names, codes)),
            value=region,
            description=label("lq.region"),
            style={"description_width": "initial"},
        )
    }
    state: dict = {}

    def draw(region: str) -> list:
        rows = charts.profile_data(lq, [region])
        if "chart" not in state:  # made and checked once; afterwards only its table changes
            state["chart"] = charts.Prepared(charts.profile_chart(rows, interactive=False))
        return [state["chart"].with_data(rows).with_params(region=region)]

    return Explorer(controls, draw, title="profile_explorer")


def markets_explorer(
    pairs: pd.DataFrame, gdp: pd.DataFrame, countries: pd.DataFrame, home: str = "FRA", year: int = 2019, top: int = 15
) -> Explorer:
    """First export markets in JupyterLab: any home country of the GeoDist table (the website offers four),
    the four weights of the psychic-distance index and the weight of market size."""
    from clusterlab.models import psychic_distance

    names = data.country_names(countries).dropna().astype(str)
    in_pairs = set(pairs["iso3_a"]) | set(pairs["iso3_b"])
    homes = sorted((name, code) for code, name in names.items() if code in in_pairs)
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
            return [_error(err)]
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
            curves = charts.diffusion_data([pipelines], [local_ties], runs=runs, p=round(float(p), 4))
        except ValueError as err:
            return [_error(err)]
        if "chart" not in state:
            state["chart"] = charts.Prepared(charts.diffusion_chart(curves, interactive=False))
        return [state["chart"].with_data(curves).with_params(pipelines=int(pipelines), local_ties=int(local_ties))]

    return Explorer(controls, draw, title="diffusion_explorer")


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
            paths, table = charts.arthur_data(
                [round(float(r), 6)], runs=runs, a_R=1.0, b_R=1.0 - gap, a_S=1.0 - gap, b_S=1.0
            )
        except ValueError as err:
            return [_error(err)]
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
            paths, estimates = charts.policy_data([k], [e], [d], firms=firms, seed=int(seed))
            across = policy.summary(strength=k, effect=e, decline=d, firms=firms, seed=int(seed))[0]["across"]
        except ValueError as err:
            return [_error(err)]
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


def _error(err: Exception):
    """An error shown in an explorer's output area: its kind and its message (which says what to fix)."""
    import html

    from IPython.display import HTML

    return HTML(f'<p style="color:#b00020"><b>{type(err).__name__}</b>: {html.escape(str(err))}</p>')


def _without_empty(tidy):
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


def _industry_options(codes: Sequence[str]) -> list[tuple[str, str]]:

    return [(f"{code} {label(f'nace.{code}')}" if labels.has(f"nace.{code}") else str(code), code) for code in codes]
