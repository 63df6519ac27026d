"""Charts of the book, drawn with Altair in the reader's language.

Importing this module does two things for every chart that follows:

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
import re
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import labels
from clusterlab.labels import label
from clusterlab.models import consortium, core_periphery, diamond, footloose, labour_pooling

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
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222", "titleColor": "#222",
                       "orient": "bottom", "direction": "horizontal", "titleLimit": 400},
            "title": {"fontSize": 15, "color": "#111"},
            "range": {"category": ["#1f5fa8", "#c2410c", "#2f7d32", "#7c3aed", "#a16207", "#0e7490"]},
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
            raise ValueError(f"the chart has no parameter {unknown}; its parameters are {self.params}.")
        spec = dict(self.spec)
        spec["params"] = [{**p, "value": values[p["name"]]} if p.get("name") in values else p
                          for p in self.spec["params"]]
        return Prepared(spec)

    def with_data(self, *frames: pd.DataFrame) -> Prepared:
        """The same chart drawn from new tables: each of ``frames`` replaces the chart's dataset that has
        exactly its columns (one such dataset each, or :class:`ValueError`). The result is the
        specification Altair writes for the chart built from those tables (tested)."""
        from altair.vegalite.v5.api import _dataset_name

        datasets = dict(self.spec.get("datasets", {}))
        renamed = {}
        for frame in frames:
            columns = set(frame.columns)
            names = [name for name, rows in datasets.items() if rows and set(rows[0]) == columns]
            if len(names) != 1:
                raise ValueError(f"the chart has {len(names)} datasets with the columns {sorted(columns)}; expected 1.")
            rows = alt.utils.sanitize_pandas_dataframe(frame).to_dict(orient="records")
            del datasets[names[0]]
            renamed[names[0]] = _dataset_name(rows)
            datasets[renamed[names[0]]] = rows
        text = json.dumps({k: v for k, v in self.spec.items() if k != "datasets"}, ensure_ascii=False)
        for old, new in renamed.items():  # names are content hashes: no other string can match
            text = text.replace(json.dumps(old), json.dumps(new))
        return Prepared({**json.loads(text), "datasets": datasets})

    def _repr_mimebundle_(self, include=None, exclude=None):
        return alt.renderers.get()(self.spec)


def _js(text: str) -> str:
    """A string literal for a Vega expression (quotes and accents escaped)."""
    return json.dumps(text, ensure_ascii=False)


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
        raise ValueError("fixed_costs needs at least one value.")
    fixed_cost = fixed_costs[len(fixed_costs) // 2] if fixed_cost is None else float(fixed_cost)
    if max_firms < 2:
        raise ValueError(f"max_firms must be 2 or more; got {max_firms}.")
    n = np.arange(1, max_firms + 1)
    consortium.per_firm_cost(fixed_costs + [fixed_cost], 1)  # validates every cost
    consortium.exports(profit, fixed_cost, 1)  # validates the profit
    frame = pd.DataFrame({"n": n})

    kwargs_profit = {"value": profit, "name": "profit"}
    kwargs_cost = {"value": fixed_cost, "name": "fixed_cost"}
    if interactive:
        top = max(100, int(np.ceil(max(fixed_costs) / 2 / 5) * 5))
        kwargs_profit["bind"] = alt.binding_range(
            min=5, max=top, step=5, name=label("consortium.profit_short") + " "
        )
        kwargs_cost["bind"] = alt.binding_select(
            options=fixed_costs,
            labels=[labels.fmt_number(f) + " " + label("keur") for f in fixed_costs],
            name=label("consortium.fixed_cost_short") + " ",
        )
    profit_param = alt.param(**kwargs_profit)
    cost_param = alt.param(**kwargs_cost)

    yes, no = label("consortium.exports_yes"), label("consortium.exports_no")
    base = alt.Chart(frame).transform_calculate(
        share="fixed_cost / datum.n",
        profit_value="profit",
        status=f"profit >= fixed_cost / datum.n ? {_js(yes)} : {_js(no)}",
    )
    x = alt.X("n:Q", title=label("consortium.n_firms"), scale=alt.Scale(domain=[1, max_firms], nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    y_title = label("consortium.share")
    line = base.mark_line(color="#555", strokeWidth=1.5).encode(
        x=x, y=alt.Y("share:Q", title=y_title)
    )
    points = base.mark_point(size=70, filled=True).encode(
        x=x,
        y=alt.Y("share:Q", title=y_title),
        color=alt.Color(
            "status:N",
            title=label("consortium.exports"),
            scale=alt.Scale(domain=[yes, no], range=["#2f7d32", "#c2410c"]),
        ),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=[yes, no], range=["circle", "square"]),
                        title=label("consortium.exports")),
        tooltip=[
            alt.Tooltip("n:Q", title=label("consortium.n_firms")),
            alt.Tooltip("share:Q", title=y_title, format=",.1f"),
            alt.Tooltip("status:N", title=label("consortium.exports")),
        ],
    )
    rule = base.mark_rule(strokeDash=[6, 4], color="#1f5fa8", strokeWidth=2).encode(
        y=alt.Y("mean(profit_value):Q", title=y_title)
    )
    rule_label = base.mark_text(align="right", dy=-8, color="#1f5fa8", fontSize=12).encode(
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


def consortium_table(fixed_cost: float, profit: float, sizes: Sequence[int] = (1, 2, 3, 4, 5, 6, 8, 10)):
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


def _top_regions(lq: pd.DataFrame, industries: Sequence[str], top: int) -> pd.DataFrame:
    missing = [c for c in ("region", "industry", "employment", "lq") if c not in lq.columns]
    if missing:
        raise ValueError(f"the LQ table needs columns {missing}; make it with clusterlab.measures.lq_table.")
    unknown = sorted(set(industries) - set(lq["industry"]))
    if unknown:
        raise ValueError(f"industries {unknown} are not in the LQ table.")
    part = lq[lq["industry"].isin(industries)]
    part = part.sort_values(["industry", "lq"], ascending=[True, False]).groupby("industry", sort=False).head(top)
    label_col = "region_label" if "region_label" in part.columns else "region"
    return pd.DataFrame({
        "industry": part["industry"].astype(str),
        "region": part[label_col].astype(str),
        "employment": part["employment"].astype(float),
        "lq": part["lq"].astype(float).round(3),
    }).reset_index(drop=True)


def lq_chart(
    lq: pd.DataFrame,
    industries: Sequence[str],
    top: int = 15,
    threshold: float = 2.0,
    min_employment: float = 0,
    interactive: bool = True,
    industry: str | None = None,
    industry_labels: dict[str, str] | None = None,
) -> alt.Chart:
    """The ``top`` regions by location quotient for an industry, coloured when they count as specialised.

    A region counts as specialised when its LQ is at least ``threshold`` *and* the industry employs
    at least ``min_employment`` persons there (the guard against small denominators). With
    ``interactive=True`` (the website) a dropdown picks the industry and two sliders move the
    threshold and the minimum employment, in the browser; only the ``top`` rows of each industry are
    embedded. With ``interactive=False`` the chart is drawn for ``industry`` as given.
    ``industry_labels`` maps codes to names (default: :func:`clusterlab.labels.label` of ``nace.<code>``).
    """
    industries = list(industries)
    if not industries:
        raise ValueError("industries needs at least one industry code.")
    if threshold < 0 or min_employment < 0:
        raise ValueError("threshold and min_employment must be 0 or more.")
    names = dict(industry_labels or {})
    for code in industries:
        if code not in names:
            names[code] = label(f"nace.{code}") if f"nace.{code}" in labels.MESSAGES else code
    frame = _top_regions(lq, industries, top)
    industry = industry or industries[0]
    if industry not in industries:
        raise ValueError(f"industry {industry!r} is not among {industries}.")
    p_industry = {"value": industry, "name": "industry"}
    p_threshold = {"value": threshold, "name": "threshold"}
    p_min = {"value": min_employment, "name": "min_employment"}
    if interactive:
        p_industry["bind"] = alt.binding_select(options=industries, labels=[f"{c} {names[c]}" for c in industries],
                                                name=label("lq.industry") + " ")
        p_threshold["bind"] = alt.binding_range(min=1, max=6, step=0.25, name=label("lq.threshold") + " ")
        top_employment = max(1000, int(np.ceil(frame["employment"].quantile(0.5) / 1000) * 1000))
        p_min["bind"] = alt.binding_range(min=0, max=top_employment, step=100, name=label("lq.min_employment") + " ")
    params = [alt.param(**p_industry), alt.param(**p_threshold), alt.param(**p_min)]
    yes, no = label("lq.specialised"), label("lq.not_specialised")
    chart = (
        alt.Chart(frame)
        .transform_filter("datum.industry == industry")
        .transform_calculate(status=f"datum.lq >= threshold && datum.employment >= min_employment ? {_js(yes)} : {_js(no)}")
        .mark_bar()
        .encode(
            y=alt.Y("region:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("lq:Q", title=label("lq.lq")),
            color=alt.Color("status:N", title=label("lq.status"),
                            scale=alt.Scale(domain=[yes, no], range=["#1f5fa8", "#b8c2cc"])),
            tooltip=[alt.Tooltip("region:N", title=label("lq.region")),
                     alt.Tooltip("lq:Q", title=label("lq.lq"), format=",.2f"),
                     alt.Tooltip("employment:Q", title=label("lq.employment"), format=",.0f")],
        )
        .add_params(*params)
        .properties(width=WIDTH - 120, height=22 * top, description=label("lq.description"))
    )
    rule = (alt.Chart(frame).transform_filter("datum.industry == industry").transform_calculate(t="threshold")
            .mark_rule(color="#c2410c", strokeDash=[5, 4], strokeWidth=2)
            .encode(x=alt.X("mean(t):Q")))
    return alt.layer(chart, rule)


def dartboard_chart(simulation: pd.DataFrame, expected_G: float | None = None, bins: int = 40) -> alt.HConcatChart:
    """Histograms of the simulated raw concentration ``G`` and of ``γ`` (columns ``G``, ``gamma``).

    A dashed rule marks ``expected_G`` on the first panel and 0 on the second. The histogram is
    computed in Python, so the chart embeds ``bins`` bars, not every draw.
    """
    for col in ("G", "gamma"):
        if col not in simulation.columns:
            raise ValueError(f"the simulation needs a column {col!r}; make it with clusterlab.measures.dartboard.")

    def panel(column: str, title: str, mark_at: float | None):
        counts, edges = np.histogram(simulation[column].to_numpy(), bins=bins)
        bars = pd.DataFrame({"start": edges[:-1].round(6), "end": edges[1:].round(6), "draws": counts})
        hist = alt.Chart(bars).mark_bar(color="#1f5fa8", opacity=0.8).encode(
            x=alt.X("start:Q", title=title, bin="binned"), x2="end:Q",
            y=alt.Y("draws:Q", title=label("dartboard.draws")),
        )
        layers = [hist]
        if mark_at is not None:
            layers.append(alt.Chart(pd.DataFrame({"at": [round(float(mark_at), 6)]}))
                          .mark_rule(color="#c2410c", strokeDash=[6, 4], strokeWidth=2).encode(x="at:Q"))
        return alt.layer(*layers).properties(width=WIDTH // 2 - 30, height=220)

    return alt.hconcat(
        panel("G", label("dartboard.G"), expected_G),
        panel("gamma", label("dartboard.gamma"), 0.0),
    ).properties(description=label("dartboard.description"))


# --------------------------------------------------------------------------- new economic geography

#: The (μ, σ) pairs the website's chart offers (the book's worked examples).
NEG_PRESETS = ((0.4, 5.0), (0.3, 4.0), (0.2, 6.0))
NEG_MODELS = {"cp": core_periphery, "fe": footloose}


def _preset_key(mu: float, sigma: float) -> str:
    return f"{mu:g}-{sigma:g}"


def _preset_label(mu: float, sigma: float) -> str:
    sep = " ; " if labels.get_language() == "fr" else ", "
    return f"μ = {labels.fmt_number(mu, 1)}{sep}σ = {labels.fmt_number(sigma, 1)}"


def neg_data(models: Sequence[str] = ("cp", "fe"), presets: Sequence[tuple[float, float]] = NEG_PRESETS,
             phis: Sequence[float] | None = None, lam_points: int = 21) -> tuple[pd.DataFrame, pd.DataFrame]:
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
            gaps.append(pd.DataFrame({
                "model": code, "preset": key, "phi": phis,
                "gap": [[float(f"{v:.3g}") for v in row] for row in values],
                "phi_s": model.sustain_point(mu, sigma), "phi_b": model.break_point(mu, sigma),
            }))
    tomahawk = pd.concat(tomahawks, ignore_index=True)
    tomahawk["phi"], tomahawk["lam"] = tomahawk["phi"].round(5), tomahawk["lam"].round(4)
    return tomahawk, pd.concat(gaps, ignore_index=True)


def neg_chart(tomahawk: pd.DataFrame, gaps: pd.DataFrame, interactive: bool = True, model: str | None = None,
              preset: str | None = None, phi: float = 0.3) -> alt.VConcatChart:
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
        p_model["bind"] = alt.binding_select(options=models, labels=[label(f"neg.model_{m}") for m in models],
                                             name=label("neg.model") + " ")
        preset_labels = [_preset_label(*map(float, key.split("-"))) for key in presets]
        p_preset["bind"] = alt.binding_select(options=presets, labels=preset_labels, name=label("neg.preset") + " ")
        p_phi["bind"] = alt.binding_range(min=0.02, max=0.98, step=0.02, name=label("neg.phi") + " ")
    params = [alt.param(**p_model), alt.param(**p_preset), alt.param(**p_phi)]
    yes, no = label("neg.stable"), label("neg.unstable")
    chosen = "datum.model == model && datum.preset == preset"
    x_phi = alt.X("phi:Q", title=label("neg.phi"), scale=alt.Scale(domain=[0, 1]))
    top_lines = (
        alt.Chart(tomahawk).transform_filter(chosen)
        .transform_calculate(status=f"datum.stable ? {_js(yes)} : {_js(no)}")
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x_phi,
            y=alt.Y("lam:Q", title=label("neg.lam"), scale=alt.Scale(domain=[0, 1])),
            detail="branch:N",
            order="phi:Q",
            color=alt.Color("status:N", title=label("neg.stability"),
                            scale=alt.Scale(domain=[yes, no], range=["#1f5fa8", "#c2410c"])),
            strokeDash=alt.StrokeDash("status:N", scale=alt.Scale(domain=[yes, no], range=[[1, 0], [6, 4]]),
                                      title=label("neg.stability")),
        )
    )
    now = (alt.Chart(pd.DataFrame({"at": [0]})).transform_calculate(at="phi")
           .mark_rule(color="#555", strokeWidth=1.5).encode(x=alt.X("at:Q", scale=alt.Scale(domain=[0, 1]))))
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
        .mark_line(color="#1f5fa8", strokeWidth=2.5, interpolate="monotone")
        .encode(x=alt.X("lam:Q", title=label("neg.lam"), scale=alt.Scale(domain=[0, 1])),
                y=alt.Y("gap:Q", title=label("neg.gap")))
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#555", strokeDash=[4, 3]).encode(y="zero:Q")
    caption = (
        alt.Chart(gaps).transform_filter(f"{chosen} && abs(datum.phi - phi) < 0.005")
        .transform_calculate(text=_points_expression(points))
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222").encode(text="text:N")
    )
    bottom = alt.layer(curve, zero, caption).properties(width=WIDTH, height=200)
    return alt.vconcat(top, bottom).add_params(*params).properties(description=label("neg.description"))


def _points_expression(template: str) -> str:
    """A Vega expression writing ``template`` with the row's φ_S and φ_B in the reader's number format."""
    fields = {"{phi_s}": "format(datum.phi_s, '.3f')", "{phi_b}": "format(datum.phi_b, '.3f')"}
    return " + ".join(fields.get(piece, _js(piece)) for piece in re.split(r"(\{phi_[sb]\})", template) if piece)


# --------------------------------------------------------------------------- Marshall's labour pooling

def pooling_data(n_firms: Sequence[int] = (2, 4, 6, 8, 10, 12), shock_sds: Sequence[float] = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
                 workers_per_firm: float = 10.0, value: float = 20.0, slope: float = 1.0, draws: int = 4000,
                 seed: int = 1890) -> pd.DataFrame:
    """What :func:`pooling_chart` draws, simulated with :mod:`clusterlab.models.labour_pooling` (seeded):
    for each number of firms and size of shocks, and for one shared pool or every firm on its own,
    the expected profit per firm and the wage risk (flexible wage), and the expected unemployment
    rate when the wage cannot fall below its average level (value − slope × workers per firm)."""
    rows = []
    floor = value - slope * workers_per_firm
    for n in n_firms:
        for sd in shock_sds:
            for setting, towns in (("pooled", 1), ("isolated", n)):
                common = dict(workers=workers_per_firm * n, shock_sd=float(sd), value=value, slope=slope,
                              draws=draws, seed=seed)
                flexible = labour_pooling.summary(int(n), int(towns), **common)
                rigid = labour_pooling.summary(int(n), int(towns), wage_floor=floor, **common)
                rows.append({"n_firms": int(n), "shock_sd": float(sd), "setting": setting,
                             "profit": round(flexible["profit"], 3), "wage_sd": round(flexible["wage_sd"], 3),
                             "unemployment": round(100 * rigid["unemployment"], 2)})
    return pd.DataFrame(rows)


def pooling_chart(data: pd.DataFrame, interactive: bool = True, n_firms: int | None = None,
                  shock_sd: float | None = None) -> alt.HConcatChart:
    """Pooled against isolated firms: expected profit, wage risk and unemployment (rigid wage).

    ``data`` comes from :func:`pooling_data`. With ``interactive=True`` (the website), sliders choose
    the number of firms and the size of the shocks among the simulated values, in the browser.
    """
    firms = sorted(data["n_firms"].unique())
    sds = sorted(data["shock_sd"].unique())
    n_firms = int(n_firms if n_firms is not None else firms[len(firms) // 2])
    shock_sd = float(shock_sd if shock_sd is not None else sds[len(sds) // 2])
    p_n = {"value": n_firms, "name": "n_firms"}
    p_sd = {"value": shock_sd, "name": "shock_sd"}
    if interactive:
        steps_n = sorted({b - a for a, b in zip(firms, firms[1:])}) or [1]
        steps_sd = sorted({round(b - a, 6) for a, b in zip(sds, sds[1:])}) or [1]
        p_n["bind"] = alt.binding_range(min=firms[0], max=firms[-1], step=steps_n[0], name=label("pool.n_firms") + " ")
        p_sd["bind"] = alt.binding_range(min=sds[0], max=sds[-1], step=steps_sd[0], name=label("pool.shock_sd") + " ")
    pooled, isolated = label("pool.pooled"), label("pool.isolated")
    base = (alt.Chart(data)
            .transform_filter("datum.n_firms == n_firms && abs(datum.shock_sd - shock_sd) < 1e-6")
            .transform_calculate(label=f"datum.setting == 'pooled' ? {_js(pooled)} : {_js(isolated)}"))
    color = alt.Color("label:N", title=label("pool.setting"),
                      scale=alt.Scale(domain=[pooled, isolated], range=["#1f5fa8", "#c2410c"]))

    def panel(field: str, title: str):
        return base.mark_bar().encode(
            x=alt.X("label:N", title=None, sort=[pooled, isolated], axis=alt.Axis(labels=False, ticks=False)),
            y=alt.Y(f"{field}:Q", title=title),
            color=color,
            tooltip=[alt.Tooltip("label:N", title=label("pool.setting")),
                     alt.Tooltip(f"{field}:Q", title=title, format=",.2f")],
        ).properties(width=110, height=220)

    return (alt.hconcat(panel("profit", label("pool.profit")), panel("wage_sd", label("pool.wage_sd")),
                        panel("unemployment", label("pool.unemployment")))
            .add_params(alt.param(**p_n), alt.param(**p_sd))
            .properties(description=label("pool.description")))


# --------------------------------------------------------------------------- Porter's diamond

def diamond_chart(case: str = "sassuolo", scores: dict | None = None, interactive: bool = True,
                  reveal: bool = False) -> alt.VConcatChart:
    """A diamond scorecard: the reader's score of each determinant (0 to 3) beside the reference
    score of ``case`` (:mod:`clusterlab.models.diamond`), and the total gap between the two.

    With ``interactive=True`` (the website) one slider per determinant sets the reader's scores and a
    box shows the reference, hidden at first so that the reader scores before comparing; all in the
    browser. With ``interactive=False`` the chart is drawn for ``scores`` (default: all 0) and ``reveal``.
    """
    reference = diamond._case(case)["scores"]
    mine = diamond.check_scores(scores if scores is not None else {k: diamond.LOW for k in diamond.DETERMINANTS})
    keys = diamond.DETERMINANTS
    names = [label(f"diamond.{k}") for k in keys]
    frame = pd.DataFrame({"key": list(keys), "name": names, "order": range(len(keys)),
                          "reference": [reference[k] for k in keys]})
    params = []
    for k in keys:
        spec = {"value": mine[k], "name": k}
        if interactive:
            spec["bind"] = alt.binding_range(min=diamond.LOW, max=diamond.HIGH, step=1, name=label(f"diamond.{k}") + " ")
        params.append(alt.param(**spec))
    p_reveal = {"value": bool(reveal), "name": "reveal"}
    if interactive:
        p_reveal["bind"] = alt.binding_checkbox(name=label("diamond.reveal") + " ")
    params.append(alt.param(**p_reveal))
    yours_label, reference_label = label("diamond.yours"), label("diamond.reference")
    yours = " : ".join(f"datum.key == {_js(k)} ? {k}" for k in keys[:-1]) + f" : {keys[-1]}"
    base = alt.Chart(frame).transform_calculate(yours=yours)
    bars = (
        base.transform_fold(["yours", "reference"], as_=["series", "score"])
        .transform_filter("datum.series == 'yours' || reveal")
        .transform_calculate(who=f"datum.series == 'yours' ? {_js(yours_label)} : {_js(reference_label)}")
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort=names, title=None, axis=alt.Axis(labelLimit=330)),
            yOffset=alt.YOffset("who:N", sort=[yours_label, reference_label]),
            x=alt.X("score:Q", title=label("diamond.score"), scale=alt.Scale(domain=[diamond.LOW, diamond.HIGH]),
                    axis=alt.Axis(values=list(range(diamond.LOW, diamond.HIGH + 1)), format="d")),
            color=alt.Color("who:N", title=None, legend=alt.Legend(labelLimit=400),
                            scale=alt.Scale(domain=[yours_label, reference_label], range=["#1f5fa8", "#c2410c"])),
            tooltip=[alt.Tooltip("name:N", title=label("diamond.determinant")),
                     alt.Tooltip("who:N", title=label("diamond.whose")),
                     alt.Tooltip("score:Q", title=label("diamond.score"))],
        )
        .properties(width=WIDTH - 200, height=34 * len(keys))
    )
    before, after = label("diamond.before_reveal"), label("diamond.gap_total")
    gap_text = (
        base.transform_calculate(gap="abs(datum.yours - datum.reference)")
        .transform_aggregate(total="sum(gap)")
        .transform_calculate(text=f"reveal ? replace({_js(after)}, '{{total}}', format(datum.total, 'd')) : {_js(before)}")
        .mark_text(align="left", baseline="top", x=0, y=0, fontSize=13, color="#222", lineBreak="\n")
        .encode(text="text:N")
        .properties(width=WIDTH - 200, height=36)
    )
    return alt.vconcat(bars, gap_text).add_params(*params).properties(description=label("diamond.description"))


# --------------------------------------------------------------------------- regional specialisation profiles

def profile_data(lq: pd.DataFrame, regions: Sequence[str]) -> pd.DataFrame:
    """What :func:`profile_chart` draws: for each of ``regions``, the location quotient of every industry
    of the LQ table (:func:`clusterlab.measures.lq_table`), with readable region and industry names."""
    from clusterlab import data

    missing = [c for c in ("region", "industry", "employment", "lq") if c not in lq.columns]
    if missing:
        raise ValueError(f"the LQ table needs columns {missing}; make it with clusterlab.measures.lq_table.")
    regions = list(regions)
    unknown = [r for r in regions if r not in set(lq["region"])]
    if not regions or unknown:
        raise ValueError(f"regions must be codes of the LQ table; not found: {unknown or 'none given'}.")
    part = lq[lq["region"].isin(regions)]
    part = part.iloc[np.argsort(part["region"].map({r: i for i, r in enumerate(regions)}).to_numpy(), kind="stable")]
    codes = part["industry"].astype(str)
    return pd.DataFrame({
        "region": part["region"].astype(str),
        "region_label": data.region_names(part["region"]).astype(str),
        "industry": [label(f"nace.{c}") if f"nace.{c}" in labels.MESSAGES else c for c in codes],
        "employment": part["employment"].astype(float),
        "lq": part["lq"].astype(float).round(3),
    }).reset_index(drop=True)


def profile_chart(profiles: pd.DataFrame, interactive: bool = True, region: str | None = None) -> alt.LayerChart:
    """A region's specialisation profile: the location quotient of each of its industries, sorted, with
    the line LQ = 1 (the industry's share of employment equals its share in all regions together).

    ``profiles`` comes from :func:`profile_data`. With ``interactive=True`` (the website) a menu picks
    the region, in the browser; with ``interactive=False`` the chart is drawn for ``region``.
    """
    regions = list(dict.fromkeys(profiles["region"]))
    region = region or regions[0]
    if region not in regions:
        raise ValueError(f"region {region!r} is not among {regions}.")
    p_region = {"value": region, "name": "region"}
    if interactive:
        names = profiles.drop_duplicates("region").set_index("region")["region_label"]
        p_region["bind"] = alt.binding_select(options=regions, labels=[names[r] for r in regions],
                                              name=label("lq.region") + " ")
    above, below = label("profile.above"), label("profile.below")
    n_bars = int(profiles.groupby("region").size().max())
    base = alt.Chart(profiles).transform_filter("datum.region == region")
    bars = (
        base.transform_calculate(status=f"datum.lq >= 1 ? {_js(above)} : {_js(below)}")
        .mark_bar()
        .encode(
            y=alt.Y("industry:N", sort="-x", title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("lq:Q", title=label("lq.lq"), axis=alt.Axis(tickCount=5)),
            color=alt.Color("status:N", title=None, legend=alt.Legend(labelLimit=400, columns=1),
                            scale=alt.Scale(domain=[above, below], range=["#1f5fa8", "#b8c2cc"])),
            tooltip=[alt.Tooltip("region_label:N", title=label("lq.region")),
                     alt.Tooltip("industry:N", title=label("lq.industry")),
                     alt.Tooltip("employment:Q", title=label("lq.employment"), format=",.0f"),
                     alt.Tooltip("lq:Q", title=label("lq.lq"), format=",.2f")],
        )
    )
    one = alt.Chart(pd.DataFrame({"one": [1]})).mark_rule(color="#c2410c", strokeDash=[5, 4], strokeWidth=2).encode(
        x="one:Q")
    return (alt.layer(bars, one).add_params(alt.param(**p_region))
            .properties(width=WIDTH - 230, height=17 * n_bars, description=label("profile.description")))


# --------------------------------------------------------------------------- the Italian tile industry

def tiles_chart(tiles: pd.DataFrame) -> alt.LayerChart:
    """Ceramic tile production over time, for Italy as a whole (line) and the Sassuolo district, from the
    ``italian_tiles`` table: every point keeps its source and the source's date (shape and tooltip), so
    figures from different publications are never merged silently."""
    missing = [c for c in ("year", "scope", "indicator", "value", "source", "source_date") if c not in tiles.columns]
    if missing:
        raise ValueError(f"the tiles table needs columns {missing}; load it with clusterlab.data.load('italian_tiles').")
    rows = tiles[tiles["indicator"] == "production"]
    frame = pd.DataFrame({
        "year": rows["year"].astype(int),
        "scope": [label(f"tiles.{s}") for s in rows["scope"]],
        "production": rows["value"].astype(float),
        "source": [label(f"tiles.src.{s}") for s in rows["source"]],
        "source_date": rows["source_date"].astype(str),
    }).reset_index(drop=True)
    italy, district = label("tiles.italy"), label("tiles.district")
    color = alt.Color("scope:N", title=label("tiles.scope"), scale=alt.Scale(domain=[italy, district],
                                                                             range=["#1f5fa8", "#c2410c"]))
    x = alt.X("year:Q", title=label("tiles.year"), axis=alt.Axis(format="d"),
              scale=alt.Scale(domain=[int(frame["year"].min()) - 2, int(frame["year"].max()) + 2]))
    y = alt.Y("production:Q", title=label("tiles.production_short"), scale=alt.Scale(zero=True))
    line = (alt.Chart(frame).transform_filter(f"datum.scope == {_js(italy)}")
            .mark_line(strokeWidth=1.5, strokeDash=[4, 3]).encode(x=x, y=y, color=color))
    points = alt.Chart(frame).mark_point(size=110, filled=True, opacity=0.9).encode(
        x=x, y=y, color=color,
        shape=alt.Shape("source:N", title=label("tiles.source"), legend=alt.Legend(columns=1, symbolLimit=0, labelLimit=400)),
        tooltip=[alt.Tooltip("year:Q", title=label("tiles.year"), format="d"),
                 alt.Tooltip("scope:N", title=label("tiles.scope")),
                 alt.Tooltip("production:Q", title=label("tiles.production_short"), format=",.1f"),
                 alt.Tooltip("source:N", title=label("tiles.source")),
                 alt.Tooltip("source_date:N", title=label("tiles.source_date"))],
    )
    return alt.layer(line, points).properties(width=WIDTH, height=260, description=label("tiles.description"))


def tiles_table(tiles: pd.DataFrame, years: Sequence[int] | None = None):
    """The figures of the ``italian_tiles`` table for ``years`` (default: all), one row each, in the reader's
    language: scope, indicator, value with the source's own qualification (about, more than, of turnover…),
    source and the source's date. Nothing is rounded beyond what the source gives."""
    rows = tiles if years is None else tiles[tiles["year"].isin(list(years))]
    order = {"firms": 0, "employees": 1, "production": 2, "export_share": 3}
    rows = rows.assign(_o=rows["indicator"].map(order)).sort_values(["year", "scope", "_o"])
    names = {"firms": "tiles.firms", "employees": "tiles.employees", "production": "tiles.production_short",
             "export_share": "tiles.export_share"}

    def value(row) -> str:
        text = labels.fmt_number(row.value, 0 if float(row.value).is_integer() else 1)
        basis = row.basis if isinstance(row.basis, str) and row.basis else ""
        if basis in ("about", "more_than"):
            return f"{label(f'tiles.basis.{basis}')} {text}"
        return f"{text} ({label(f'tiles.basis.{basis}')})" if basis else text

    shown = pd.DataFrame({
        "year": rows["year"].astype(int).astype(str),
        "scope": [label(f"tiles.{s}") for s in rows["scope"]],
        "indicator": [label(names[i]) for i in rows["indicator"]],
        "value": [value(r) for r in rows.itertuples()],
        "source": [label(f"tiles.src.{s}") for s in rows["source"]],
    })
    return labels.table(shown, {"year": "tiles.year", "scope": "tiles.scope", "indicator": "tiles.indicator",
                                "value": "tiles.value", "source": "tiles.source"})


# --------------------------------------------------------------------------- first export markets (psychic distance)

def _country_names(countries: pd.DataFrame) -> pd.Series:
    """Country names in the reader's language from ``geodist_countries``; GeoDist names BEL "Belgium and
    Luxembourg" although Luxembourg has its own row (and its own trade figures): it is called Belgium here."""
    names = countries.set_index("iso3")[f"country_{labels.get_language()}"].copy()
    if "BEL" in names.index:
        names["BEL"] = label("country.BEL")
    return names


#: Home countries the website's chart offers (the book's cases).
MARKET_HOMES = ("FRA", "MAR", "TUN", "DZA")


def markets_data(pairs: pd.DataFrame, gdp: pd.DataFrame, countries: pd.DataFrame,
                 homes: Sequence[str] = MARKET_HOMES, year: int = 2019) -> pd.DataFrame:
    """What :func:`markets_chart` draws: for each home country, every partner with a GDP in ``year``, its
    four psychic-distance components and its market size (:mod:`clusterlab.models.psychic_distance`),
    with the partner's name in the reader's language (``countries`` is the ``geodist_countries`` table)."""
    from clusterlab.models import psychic_distance

    names = _country_names(countries)
    frames = []
    for home in homes:
        ranked = psychic_distance.rank(home, pairs, gdp, year=year)
        frames.append(pd.DataFrame({
            "home": home, "partner": ranked["partner"],
            "name": [str(names.get(p, p)) for p in ranked["partner"]],
            "dist_km": ranked["dist_km"].round(0), "distance": ranked["distance"].round(4),
            "border": ranked["border"], "language": ranked["language"], "colony": ranked["colony"],
            "market": ranked["market"].round(4),
        }))
    return pd.concat(frames, ignore_index=True)


def markets_chart(markets: pd.DataFrame, interactive: bool = True, home: str | None = None, top: int = 15,
                  weights: dict | None = None, market_weight: float = 1.0) -> alt.Chart:
    """The ``top`` first-market candidates of a home country: score = market weight × market size −
    psychic-distance index, the index being the weighted mean of the four components.

    With ``interactive=True`` (the website) a menu picks the home country and five sliders set the
    weights, all computed in the browser; otherwise the chart is drawn for the values given.
    """
    from clusterlab.models import psychic_distance

    w = psychic_distance._weights(weights)
    if not np.isfinite(market_weight) or market_weight < 0:
        raise ValueError(f"market_weight must be 0 or more; got {market_weight!r}.")
    homes = list(dict.fromkeys(markets["home"]))
    home = home or homes[0]
    if home not in homes:
        raise ValueError(f"home {home!r} is not among {homes}.")
    specs = [{"value": home, "name": "home"}] + [{"value": w[k], "name": f"w_{k}"} for k in psychic_distance.COMPONENTS]
    specs.append({"value": market_weight, "name": "w_market"})
    if interactive:
        specs[0]["bind"] = alt.binding_select(options=homes, labels=[label(f"markets.home_{h}") for h in homes],
                                              name=label("markets.home") + " ")
        for spec in specs[1:]:
            spec["bind"] = alt.binding_range(min=0, max=3, step=0.5, name=label(f"markets.{spec['name']}") + " ")
    total = " + ".join(f"w_{k}" for k in psychic_distance.COMPONENTS)
    weighted = " + ".join(f"w_{k} * datum.{k}" for k in psychic_distance.COMPONENTS)
    return (
        alt.Chart(markets)
        .transform_filter("datum.home == home")
        .transform_calculate(index=f"({total}) > 0 ? ({weighted}) / ({total}) : 0")
        .transform_calculate(score="w_market * datum.market - datum.index")
        .transform_window(rank="row_number()", sort=[alt.SortField("score", order="descending"),
                                                     alt.SortField("partner", order="ascending")])
        .transform_filter(f"datum.rank <= {int(top)}")
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort=alt.EncodingSortField("rank", order="ascending"), title=None,
                    axis=alt.Axis(labelLimit=200)),
            x=alt.X("score:Q", title=label("markets.score")),
            color=alt.Color("index:Q", title=label("markets.index"), scale=alt.Scale(scheme="oranges", domain=[0, 1])),
            tooltip=[alt.Tooltip("rank:Q", title=label("markets.rank")), alt.Tooltip("name:N", title=label("markets.partner")),
                     alt.Tooltip("dist_km:Q", title=label("markets.dist_km"), format=",.0f"),
                     alt.Tooltip("index:Q", title=label("markets.index"), format=".2f"),
                     alt.Tooltip("market:Q", title=label("markets.market"), format=".2f"),
                     alt.Tooltip("score:Q", title=label("markets.score"), format=".2f")],
        )
        .add_params(*[alt.param(**s) for s in specs])
        .properties(width=WIDTH - 160, height=20 * int(top), description=label("markets.description"))
    )


# --------------------------------------------------------------------------- diffusion through a cluster

def diffusion_data(pipelines: Sequence[int] = (0, 1, 2, 4, 6, 8), local_ties: Sequence[int] = (0, 1, 2, 3),
                   runs: int = 40, periods: int = 30, **kwargs) -> pd.DataFrame:
    """What :func:`diffusion_chart` draws: the mean share of firms that know, period by period, for each
    number of pipelines and of local ties (:func:`clusterlab.models.diffusion.summary`, seeded)."""
    from clusterlab.models import diffusion

    frames = []
    for pipes in pipelines:
        for ties in local_ties:
            curve = diffusion.summary(pipelines=int(pipes), local_ties=int(ties), runs=runs, periods=periods, **kwargs)
            curve["pipelines"], curve["local_ties"] = int(pipes), int(ties)
            frames.append(curve)
    out = pd.concat(frames, ignore_index=True)
    out["share"] = out["share"].round(4)
    return out[["pipelines", "local_ties", "period", "share"]]


def diffusion_chart(curves: pd.DataFrame, interactive: bool = True, pipelines: int | None = None,
                    local_ties: int | None = None) -> alt.LayerChart:
    """Share of the cluster's firms that know of the opportunity, period by period, with a line at one
    half and the period it is reached; sliders for the pipelines and the local ties (website)."""
    pipes = sorted(curves["pipelines"].unique())
    ties = sorted(curves["local_ties"].unique())
    pipelines = int(pipes[len(pipes) // 2] if pipelines is None else pipelines)
    local_ties = int(ties[len(ties) // 2] if local_ties is None else local_ties)
    p_pipes = {"value": pipelines, "name": "pipelines"}
    p_ties = {"value": local_ties, "name": "local_ties"}
    if interactive:
        p_pipes["bind"] = alt.binding_select(options=[int(p) for p in pipes], name=label("diffusion.pipelines") + " ")
        p_ties["bind"] = alt.binding_select(options=[int(t) for t in ties], name=label("diffusion.local_ties") + " ")
    chosen = "datum.pipelines == pipelines && datum.local_ties == local_ties"
    x = alt.X("period:Q", title=label("diffusion.period"))
    y = alt.Y("percent:Q", title=label("diffusion.share"), scale=alt.Scale(domain=[0, 100]))
    line = (alt.Chart(curves).transform_filter(chosen).transform_calculate(percent="100 * datum.share")
            .mark_line(color="#1f5fa8", strokeWidth=2.5)
            .encode(x=x, y=y, tooltip=[alt.Tooltip("period:Q", title=label("diffusion.period")),
                                       alt.Tooltip("percent:Q", title=label("diffusion.share"), format=".0f")]))
    half = alt.Chart(pd.DataFrame({"half": [50]})).mark_rule(color="#c2410c", strokeDash=[5, 4]).encode(y="half:Q")
    never, reached = label("diffusion.never_half"), label("diffusion.half_at")
    caption = (
        alt.Chart(curves).transform_filter(chosen)
        .transform_calculate(hit="datum.share >= 0.5 ? datum.period : null").transform_aggregate(first="min(hit)")
        .transform_calculate(text=f"isValid(datum.first) ? replace({_js(reached)}, '{{period}}', datum.first) : {_js(never)}")
        .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222").encode(text="text:N")
    )
    return (alt.layer(line, half, caption).add_params(alt.param(**p_pipes), alt.param(**p_ties))
            .properties(width=WIDTH, height=260, description=label("diffusion.description")))


# --------------------------------------------------------------------------- France's trade over time (TRADHIST)

#: Partners the chapter follows: the Maghreb, and European neighbours (Germany is left out: TRADHIST's
#: file has no German row from 1950 to 1990).
TRADE_PARTNERS = ("DZA", "MAR", "TUN", "BEL", "ITA", "ESP", "GBR")


def trade_shares(tradhist: pd.DataFrame, countries: pd.DataFrame,
                 partners: Sequence[str] = TRADE_PARTNERS, without: Sequence[str] = ("DEU",)) -> pd.DataFrame:
    """Each partner's share of France's exports, year by year, in percent of the exports to all the partners
    the ``tradhist_france`` table records that year except ``without`` (values in current pounds sterling,
    TRADHIST's unit; a share needs no conversion). Germany is left out of the total in every year by
    default, since the table has no German figures from 1950 to 1990: otherwise the total would jump when
    Germany comes back. Years where a partner has no figure are left out, not set to 0."""
    missing = [c for c in ("partner", "year", "exports_gbp") if c not in tradhist.columns]
    if missing:
        raise ValueError(f"the TRADHIST table needs columns {missing}; load it with data.load('tradhist_france').")
    total = tradhist[~tradhist["partner"].isin(list(without))].groupby("year")["exports_gbp"].sum()
    rows = tradhist[tradhist["partner"].isin(list(partners))].dropna(subset=["exports_gbp"])
    names = _country_names(countries)
    maghreb = {"DZA", "MAR", "TUN"}
    return pd.DataFrame({
        "year": rows["year"].astype(int),
        "partner": rows["partner"].astype(str),
        "name": [str(names.get(p, p)) for p in rows["partner"]],
        "group": [label("trade.maghreb") if p in maghreb else label("trade.europe") for p in rows["partner"]],
        "share": (100 * rows["exports_gbp"] / rows["year"].map(total)).round(2),
    }).sort_values(["partner", "year"]).reset_index(drop=True)


def trade_chart(shares: pd.DataFrame) -> alt.Chart:
    """Shares of France's exports over time, a line per partner (solid: Maghreb, dashed: Europe); clicking
    a name in the legend brings its line forward, in the browser."""
    pick = alt.selection_point(fields=["name"], bind="legend", name="pick")
    groups = list(dict.fromkeys(shares.sort_values("group", key=lambda g: g != label("trade.maghreb"))["group"]))
    return (
        alt.Chart(shares).mark_line(strokeWidth=2)
        .encode(
            x=alt.X("year:Q", title=label("trade.year"), axis=alt.Axis(format="d")),
            y=alt.Y("share:Q", title=label("trade.share")),
            color=alt.Color("name:N", title=label("trade.partner"), scale=alt.Scale(scheme="tableau10"),
                            legend=alt.Legend(columns=4, labelLimit=200)),
            strokeDash=alt.StrokeDash("group:N", title=label("trade.group"),
                                      scale=alt.Scale(domain=groups, range=[[1, 0], [5, 3]])),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
            tooltip=[alt.Tooltip("name:N", title=label("trade.partner")), alt.Tooltip("year:Q", title=label("trade.year")),
                     alt.Tooltip("share:Q", title=label("trade.share"), format=".1f")],
        )
        .add_params(pick)
        .properties(width=WIDTH, height=280, description=label("trade.description"))
    )


# --------------------------------------------------------------------------- trade within the Maghreb (BACI)

MAGHREB = ("DZA", "LBY", "MAR", "MRT", "TUN")


def maghreb_trade(baci: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Exports between the five Maghreb countries, all HS sections together, in millions of US dollars a
    year (the ``baci_maghreb_trade`` table: CEPII BACI, yearly average 2012–2022), with each exporter's
    share of its exports to African countries that goes to the rest of the Maghreb."""
    missing = [c for c in ("exporter", "importer", "value_kusd") if c not in baci.columns]
    if missing:
        raise ValueError(f"the BACI table needs columns {missing}; load it with data.load('baci_maghreb_trade').")
    names = _country_names(countries)
    out = baci[baci["exporter"].isin(MAGHREB)]
    to_africa = out.groupby("exporter")["value_kusd"].sum()
    flows = (out[out["importer"].isin(MAGHREB)].groupby(["exporter", "importer"])["value_kusd"].sum().reset_index())
    to_maghreb = flows.groupby("exporter")["value_kusd"].sum()
    flows["value_musd"] = (flows["value_kusd"] / 1000).round(1)
    flows["exporter_name"] = [str(names.get(c, c)) for c in flows["exporter"]]
    flows["importer_name"] = [str(names.get(c, c)) for c in flows["importer"]]
    flows["maghreb_share"] = flows["exporter"].map((100 * to_maghreb / to_africa).round(1))
    return flows.drop(columns=["value_kusd"])


def maghreb_chart(flows: pd.DataFrame) -> alt.LayerChart:
    """A matrix of exports within the Maghreb: rows exporters, columns importers, shade and number the
    yearly value in millions of US dollars."""
    base = alt.Chart(flows).encode(
        y=alt.Y("exporter_name:N", title=label("maghreb.exporter")),
        x=alt.X("importer_name:N", title=label("maghreb.importer"), axis=alt.Axis(labelAngle=0)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("value_musd:Q", title=label("maghreb.value"), scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("exporter_name:N", title=label("maghreb.exporter")),
                 alt.Tooltip("importer_name:N", title=label("maghreb.importer")),
                 alt.Tooltip("value_musd:Q", title=label("maghreb.value"), format=",.1f"),
                 alt.Tooltip("maghreb_share:Q", title=label("maghreb.share"), format=".1f")],
    )
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("value_musd:Q", format=",.0f"),
        color=alt.condition("datum.value_musd > 700", alt.value("white"), alt.value("#222")),
    )
    return alt.layer(cells, text).properties(width=WIDTH - 60, height=230, description=label("maghreb.description"))


# --------------------------------------------------------------------------- lock-in (Arthur 1989; the Pólya urn)

#: Returns to adoption the website offers (0: constant returns, no lock-in).
ARTHUR_RETURNS = (0.0, 0.005, 0.01, 0.02)
#: The chart shows the adoption difference up to this size; a run that locks in leaves it.
ARTHUR_SPAN = 60


def arthur_data(returns: Sequence[float] = ARTHUR_RETURNS, runs: int = 12, adopters: int = 1000, every: int = 10,
                **preferences) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What :func:`arthur_chart` draws, from :func:`clusterlab.models.lockin.arthur_path` (seeds 1 to ``runs``).

    Returns ``(paths, runs_table)``: the adoption difference n_A − n_B every ``every`` adopters (a path
    stops once it is more than :data:`ARTHUR_SPAN` from 0, off the chart), and for each run the
    barriers, the technology it locked into ("" if none) and when (0 if never).
    """
    from clusterlab.models import lockin

    paths, table = [], []
    for r in returns:
        lower, upper = lockin.barriers(r=float(r), **preferences)
        for run in range(1, runs + 1):
            path = lockin.arthur_path(adopters, r=float(r), seed=run, **preferences)
            keep = path[(path["adopter"] % every == 0) | (path["adopter"] == 1)]
            outside = np.flatnonzero(keep["difference"].abs().to_numpy() > ARTHUR_SPAN)
            if outside.size:
                keep = keep.iloc[: outside[0] + 1]
            paths.append(pd.DataFrame({"r": float(r), "run": run, "n": keep["adopter"].to_numpy(),
                                       "d": keep["difference"].to_numpy()}))
            hit = lockin.lock_in(path)
            table.append({"r": float(r), "run": run,
                          "lower": lower if np.isfinite(lower) else None, "upper": upper if np.isfinite(upper) else None,
                          "tech": hit[0] if hit else "", "at": hit[1] if hit else 0})
    return pd.concat(paths, ignore_index=True), pd.DataFrame(table)


def arthur_chart(paths: pd.DataFrame, runs_table: pd.DataFrame, interactive: bool = True, r: float | None = None,
                 run: int = 1) -> alt.LayerChart:
    """Arthur's model: the difference n_A − n_B as adopters arrive, every run in grey and the chosen one in
    blue, with the absorbing barriers; menus for the returns to adoption and the run (website)."""
    choices = sorted(paths["r"].unique())
    r = float(choices[len(choices) // 2] if r is None else r)
    n_runs = int(paths["run"].max())
    p_r = {"value": r, "name": "returns"}
    p_run = {"value": int(run), "name": "run"}
    if interactive:
        p_r["bind"] = alt.binding_select(options=[float(c) for c in choices],
                                         labels=[labels.fmt_number(float(c), 3) for c in choices],
                                         name=label("lockin.returns") + " ")
        p_run["bind"] = alt.binding_range(min=1, max=n_runs, step=1, name=label("lockin.run") + " ")
    same_r = "abs(datum.r - returns) < 1e-9"
    last = int(paths["n"].max())
    x = alt.X("n:Q", title=label("lockin.adopters"), scale=alt.Scale(domain=[0, last]),
              axis=alt.Axis(values=list(range(0, last + 1, 200 if last > 500 else 100))))
    y = alt.Y("d:Q", title=label("lockin.difference"), scale=alt.Scale(domain=[-ARTHUR_SPAN, ARTHUR_SPAN]))
    others = (alt.Chart(paths).transform_filter(same_r).mark_line(color="#b8b8b8", strokeWidth=1, clip=True)
              .encode(x=x, y=y, detail="run:N"))
    chosen = (alt.Chart(paths).transform_filter(f"{same_r} && datum.run == run")
              .mark_line(color="#1f5fa8", strokeWidth=2.5, clip=True)
              .encode(x=x, y=y, tooltip=[alt.Tooltip("n:Q", title=label("lockin.adopters")),
                                         alt.Tooltip("d:Q", title=label("lockin.difference"))]))
    bars = (alt.Chart(runs_table).transform_filter(f"{same_r} && datum.run == 1 && isValid(datum.upper)")
            .transform_fold(["lower", "upper"], as_=["side", "barrier"])
            .transform_calculate(said=f"{_js(label('lockin.barrier'))} + ': ' + format(datum.barrier, ',')")
            .mark_rule(color="#c2410c", strokeDash=[6, 4], strokeWidth=1.5)
            .encode(y="barrier:Q", description="said:N"))
    locked, never = label("lockin.locked"), label("lockin.never")
    caption = (alt.Chart(runs_table).transform_filter(f"{same_r} && datum.run == run")
               .transform_calculate(text=f"datum.tech != '' ? replace(replace({_js(locked)}, '{{tech}}', datum.tech), "
                                         f"'{{at}}', format(datum.at, ',')) : {_js(never)}")
               .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222").encode(text="text:N"))
    return (alt.layer(others, bars, chosen, caption).add_params(alt.param(**p_r), alt.param(**p_run))
            .properties(width=WIDTH, height=280, description=label("lockin.description")))


def urn_data(runs: int = 12, draws: int = 500, red: int = 1, blue: int = 1, every: int = 5) -> pd.DataFrame:
    """What :func:`urn_chart` draws: the share of red balls every ``every`` draws, runs seeded 1 to ``runs``."""
    from clusterlab.models import lockin

    frames = []
    for run in range(1, runs + 1):
        path = lockin.polya_path(draws, red, blue, seed=run)
        keep = path[(path["draw"] % every == 0) | (path["draw"] == 1)]
        frames.append(pd.DataFrame({"run": run, "draw": keep["draw"].to_numpy(),
                                    "share": (100 * keep["share_red"]).round(2).to_numpy()}))
    return pd.concat(frames, ignore_index=True)


def urn_chart(shares: pd.DataFrame, interactive: bool = True, run: int = 1) -> alt.LayerChart:
    """The Pólya urn: the share of red balls draw after draw, every run in grey and the chosen one in blue,
    with its final share written above (website: a slider chooses the run)."""
    n_runs = int(shares["run"].max())
    p_run = {"value": int(run), "name": "urn_run"}
    if interactive:
        p_run["bind"] = alt.binding_range(min=1, max=n_runs, step=1, name=label("lockin.run") + " ")
    x = alt.X("draw:Q", title=label("urn.draws"))
    y = alt.Y("share:Q", title=label("urn.share"), scale=alt.Scale(domain=[0, 100]))
    others = alt.Chart(shares).mark_line(color="#b8b8b8", strokeWidth=1).encode(x=x, y=y, detail="run:N")
    chosen = (alt.Chart(shares).transform_filter("datum.run == urn_run")
              .mark_line(color="#1f5fa8", strokeWidth=2.5)
              .encode(x=x, y=y, tooltip=[alt.Tooltip("draw:Q", title=label("urn.draws")),
                                         alt.Tooltip("share:Q", title=label("urn.share"), format=".1f")]))
    last = int(shares["draw"].max())
    final = label("urn.final")
    caption = (alt.Chart(shares).transform_filter(f"datum.run == urn_run && datum.draw == {last}")
               .transform_calculate(text=f"replace({_js(final)}, '{{share}}', format(datum.share, '.1f'))")
               .mark_text(align="left", x=4, y=-8, fontSize=12, color="#222").encode(text="text:N"))
    return (alt.layer(others, chosen, caption).add_params(alt.param(**p_run))
            .properties(width=WIDTH, height=260, description=label("urn.description")))


# --------------------------------------------------------------------------- value chain governance (GHS 2005)

def gvc_chart(interactive: bool = True, complexity: str = "high", codifiability: str = "high",
              capability: str = "low") -> alt.LayerChart:
    """The five governance types of Gereffi, Humphrey and Sturgeon in order of explicit coordination and
    power asymmetry, the one the three variables give highlighted; buttons for the variables (website)."""
    from clusterlab.models import gvc

    table = gvc.table_frame()
    table["name"] = [label(f"gvc.{t}") for t in table["type"]]
    table["what"] = [label(f"gvc.{t}.what") for t in table["type"]]
    levels = ["high", "low"]
    names = [label("gvc.high"), label("gvc.low")]
    params = []
    for key, value in (("complexity", complexity), ("codifiability", codifiability), ("capability", capability)):
        p = {"value": value, "name": key}
        if interactive:
            p["bind"] = alt.binding_radio(options=levels, labels=names, name=label(f"gvc.{key}") + " ")
        params.append(alt.param(**p))
    match = "datum.complexity == complexity && datum.codifiability == codifiability && datum.capability == capability"
    types = table.dropna(subset=["rank"])
    x = alt.X("rank:O", title=label("gvc.axis"), axis=alt.Axis(labels=False, ticks=False))
    boxes = (alt.Chart(types).transform_calculate(chosen=match).mark_rect(stroke="white", strokeWidth=3)
             .encode(x=x, color=alt.condition("datum.chosen", alt.value("#1f5fa8"), alt.value("#e5e7eb"))))
    words = (alt.Chart(types).transform_calculate(chosen=match).mark_text(fontSize=13)
             .encode(x=x, text="name:N", color=alt.condition("datum.chosen", alt.value("white"), alt.value("#222"))))
    what = (alt.Chart(table).transform_filter(match).mark_text(align="left", x=0, y=110, fontSize=12, color="#222")
            .encode(text="what:N"))
    return (alt.layer(boxes, words, what).add_params(*params)
            .properties(width=WIDTH, height=80, description=label("gvc.description")))


# --------------------------------------------------------------------------- did the policy work? (synthetic panel)

POLICY_STRENGTHS = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
POLICY_EFFECTS = (-2.0, 0.0, 2.0, 4.0)
POLICY_DECLINES = (0.0, 1.0, 2.0, 3.0)


def policy_data(strengths: Sequence[float] = POLICY_STRENGTHS, effects: Sequence[float] = POLICY_EFFECTS,
                declines: Sequence[float] = POLICY_DECLINES, firms: int = 5000, seed: int = 1
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What :func:`policy_chart` draws, from :mod:`clusterlab.models.policy` (one seeded synthetic panel per
    setting): ``(paths, estimates)``, the yearly means of supported firms and of their comparison group,
    and the three numbers (true effect, naive before/after, difference in differences)."""
    from clusterlab.models import policy

    paths, estimates = [], []
    for k in strengths:
        for effect in effects:
            for decline in declines:
                found, m = policy.summary(strength=float(k), effect=float(effect), decline=float(decline),
                                          firms=firms, seed=seed)
                key = {"strength": float(k), "effect": float(effect), "decline": float(decline)}
                paths.append(m.assign(**key, outcome=m["outcome"].round(2)))
                for name, value in (("true", effect), ("naive", found["naive"]), ("did", found["did"])):
                    estimates.append({**key, "estimator": name, "value": round(float(value), 2)})
    cols = ["strength", "effect", "decline"]
    return (pd.concat(paths, ignore_index=True)[cols + ["year", "group", "outcome"]],
            pd.DataFrame(estimates)[cols + ["estimator", "value"]])


def policy_chart(paths: pd.DataFrame, estimates: pd.DataFrame, interactive: bool = True,
                 strength: float | None = None, effect: float | None = None,
                 decline: float | None = None) -> alt.VConcatChart:
    """Top: supported firms and their comparison group, year by year (the policy starts in year 0).
    Below: the true effect, the naive before/after estimate and the difference in differences.
    Website: a slider for the selection strength, menus for the true effect and the sectors' decline."""
    def middle(column, value):
        values = sorted(estimates[column].unique())
        return float(values[len(values) // 2] if value is None else value)

    strength, effect, decline = middle("strength", strength), middle("effect", effect), middle("decline", decline)
    p_k = {"value": strength, "name": "strength"}
    p_e = {"value": effect, "name": "effect"}
    p_d = {"value": decline, "name": "decline"}
    if interactive:
        ks = sorted(estimates["strength"].unique())
        p_k["bind"] = alt.binding_range(min=float(ks[0]), max=float(ks[-1]), step=float(ks[1] - ks[0]),
                                        name=label("policy.strength") + " ")
        effects = sorted(estimates["effect"].unique())
        declines = sorted(estimates["decline"].unique())
        p_e["bind"] = alt.binding_select(options=[float(v) for v in effects],
                                         labels=[labels.fmt_number(float(v), 0) for v in effects],
                                         name=label("policy.effect") + " ")
        p_d["bind"] = alt.binding_select(options=[float(v) for v in declines],
                                         labels=[labels.fmt_number(float(v), 0) for v in declines],
                                         name=label("policy.decline") + " ")
    chosen = ("abs(datum.strength - strength) < 1e-9 && abs(datum.effect - effect) < 1e-9 "
              "&& abs(datum.decline - decline) < 1e-9")
    supported, comparison = label("policy.supported"), label("policy.comparison")
    group = alt.Color("name:N", title=label("policy.group"),
                      scale=alt.Scale(domain=[supported, comparison], range=["#1f5fa8", "#c2410c"]),
                      legend=alt.Legend(orient="bottom", labelLimit=260))
    lines = (alt.Chart(paths).transform_filter(chosen)
             .transform_calculate(name=f"datum.group == 'supported' ? {_js(supported)} : {_js(comparison)}")
             .mark_line(point=True)
             .encode(x=alt.X("year:Q", title=label("policy.year"), axis=alt.Axis(tickMinStep=1, format="d"),
                             scale=alt.Scale(domain=[-3.3, 2.3], nice=False)),
                     y=alt.Y("outcome:Q", title=label("policy.outcome"), scale=alt.Scale(zero=False)),
                     color=group,
                     tooltip=[alt.Tooltip("name:N", title=label("policy.group")),
                              alt.Tooltip("year:Q", title=label("policy.year"), format="d"),
                              alt.Tooltip("outcome:Q", title=label("policy.outcome"), format=".1f")]))
    start = alt.Chart(pd.DataFrame({"year": [0]})).mark_rule(color="#666", strokeDash=[4, 4]).encode(x="year:Q")
    names = {"true": label("policy.true"), "naive": label("policy.naive"), "did": label("policy.did")}
    order = list(names.values())
    expr = " : ".join(f"datum.estimator == '{k}' ? {_js(v)}" for k, v in names.items()) + " : ''"
    base = alt.Chart(estimates).transform_filter(chosen).transform_calculate(which=expr)
    bars = base.mark_bar().encode(
        y=alt.Y("which:N", sort=order, title=None),
        x=alt.X("value:Q", title=label("policy.estimate")),
        color=alt.Color("which:N", scale=alt.Scale(domain=order, range=["#4b5563", "#c2410c", "#1f5fa8"]), legend=None),
        tooltip=[alt.Tooltip("which:N", title=label("policy.estimator")),
                 alt.Tooltip("value:Q", title=label("policy.estimate"), format=".2f")])
    values = (base.transform_calculate(at="max(datum.value, 0)")
              .mark_text(align="left", dx=4, fontSize=12, fontWeight="bold", color="#222")
              .encode(y=alt.Y("which:N", sort=order), x="at:Q", text=alt.Text("value:Q", format="+.1f")))
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222").encode(x="x:Q")
    return (alt.vconcat(alt.layer(lines, start).properties(width=WIDTH, height=220),
                        alt.layer(bars, zero, values).properties(width=WIDTH - 160, height=100))
            .add_params(alt.param(**p_k), alt.param(**p_e), alt.param(**p_d))
            .resolve_scale(color="independent")
            .properties(description=label("policy.description")))
