"""The evidence on agglomeration, exporters and gravity: Melitz's heterogeneous firms, and published estimates as a forest plot."""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from clusterlab import checks, labels
from clusterlab.charts.base import BLUE, ORANGE, WIDTH, js_string, require_columns, slider
from clusterlab.errors import InputError
from clusterlab.labels import label
from clusterlab.models import melitz

#: The sliders' ranges: the trade cost τ and the fixed-cost ratio f_x/f_d.
TAU_RANGE = (1.0, 3.0, 0.05)
FX_RANGE = (1.0, 5.0, 0.1)


def melitz_expressions(sigma: float, k: float) -> dict[str, str]:
    """The Vega expressions of the chart's computed parameters, from the sliders ``tau`` and ``fx`` (f_x/f_d):
    ``cutoff`` (:func:`~clusterlab.models.melitz.export_cutoff_ratio`), ``exporters``
    (:func:`~clusterlab.models.melitz.share_exporting`) and ``sales`` (``exporter_share_of_sales``)."""
    tail, abroad = f"pow(cutoff, {sigma - 1 - k!r})", f"pow(tau, {1 - sigma!r})"
    return {
        "cutoff": f"tau * pow(fx, {1 / (sigma - 1)!r})",
        "exporters": f"pow(cutoff, {-k!r})",
        "sales": f"{tail} * (1 + {abroad}) / (1 + {abroad} * {tail})",
    }


def _percent_text(key: str, share: str) -> str:
    """A Vega expression writing the catalogue's ``key`` with ``{share}`` as 100 × ``share``, one decimal."""
    return f"replace({js_string(label(key))}, '{{share}}', format(100 * {share}, '.1f'))"


def melitz_chart(
    interactive: bool = True,
    tau: float = melitz.TAU,
    fx: float = melitz.FX_RATIO,
    sigma: float = melitz.SIGMA,
    k: float = melitz.SHAPE,
) -> alt.LayerChart:
    """Melitz's model: the density of productivity among producing firms (from the domestic cutoff, 1),
    in blue the firms that sell only at home, in orange those beyond the export cutoff that also export,
    with the share of firms that export and their share of sales written above, all computed in the
    browser from the sliders (trade cost ``tau`` from 1 to 3, fixed-cost ratio ``fx`` = f_x/f_d from 1 to
    5); ``sigma`` and ``k`` are fixed (illustrative values, :mod:`clusterlab.models.melitz`)."""
    tau = checks.number("tau", tau, *TAU_RANGE[:2])
    fx = checks.number("fx", fx, *FX_RANGE[:2])
    melitz.share_exporting(tau, fx, 1.0, sigma, k)  # checks sigma and k
    sigma, k = float(sigma), float(k)
    upper = math.ceil(1.1 * TAU_RANGE[1] * FX_RANGE[1] ** (1 / (sigma - 1)))  # the farthest cutoff, and room
    grid = melitz.melitz_data(k, upper)
    params = [
        slider("tau", "charts.melitz.tau", tau, *TAU_RANGE, interactive=interactive),
        slider("fx", "charts.melitz.fx", fx, *FX_RANGE, interactive=interactive),
        *(alt.param(name=name, expr=expr) for name, expr in melitz_expressions(sigma, k).items()),
    ]
    x_title, y_title = label("charts.melitz.productivity"), label("charts.melitz.density")
    home, exporters = label("charts.melitz.home"), label("charts.melitz.exporters")
    scale = alt.Scale(domain=[1, upper], nice=False)
    colour = alt.Color(
        "who:N",
        title=label("charts.melitz.firms"),
        scale=alt.Scale(domain=[home, exporters], range=[BLUE, ORANGE]),
        legend=alt.Legend(labelLimit=320),
    )

    def area(who: str, clamp: str) -> alt.Chart:
        # every productivity on one side of the cutoff is moved onto it: the area ends exactly at the cutoff
        return (
            alt.Chart(grid)
            .transform_calculate(x=f"{clamp}(datum.phi, cutoff)", who=js_string(who))
            .transform_calculate(y=f"{k!r} * pow(datum.x, {-k - 1!r})")
            .mark_area(opacity=0.75)
            .encode(x=alt.X("x:Q", title=x_title, scale=scale), y=alt.Y("y:Q", title=y_title, stack=None), color=colour)
        )

    outline = (
        alt.Chart(grid)
        .mark_line(color="#222", strokeWidth=1.5)
        .encode(
            x=alt.X("phi:Q", title=x_title, scale=scale),
            y=alt.Y("density:Q", title=y_title),
            tooltip=[alt.Tooltip("phi:Q", title=x_title), alt.Tooltip("density:Q", title=y_title, format=".3f")],
        )
    )
    one = pd.DataFrame({"at": [0]})
    rule = (
        alt.Chart(one)
        .transform_calculate(at="cutoff")
        .mark_rule(color="#222", strokeWidth=2, strokeDash=[6, 3])
        .encode(x=alt.X("at:Q", scale=scale))
    )
    near_right = f"cutoff > {upper - 1.5!r}"
    rule_text = (
        alt.Chart(one)
        .transform_calculate(at="cutoff", text=js_string(label("charts.melitz.cutoff")))
        .mark_text(
            y=120,
            fontSize=12,
            color="#222",
            align=alt.ExprRef(f"{near_right} ? 'right' : 'left'"),
            dx=alt.ExprRef(f"{near_right} ? -5 : 5"),
        )
        .encode(x=alt.X("at:Q", scale=scale), text="text:N")
    )
    lines = [
        _percent_text("charts.melitz.share", "exporters"),
        _percent_text("charts.melitz.sales", "sales"),
        js_string(labels.message("charts.melitz.values", sigma=sigma, k=k)),
    ]
    texts = [
        alt.Chart(one)
        .transform_calculate(text=text)
        .mark_text(align="left", x=0, y=18 * row - 50, fontSize=12, color="#222" if row < 2 else "#555")
        .encode(text="text:N")
        for row, text in enumerate(lines)
    ]
    return (
        alt.layer(area(home, "min"), area(exporters, "max"), outline, rule, rule_text, *texts)
        .add_params(*params)
        .properties(width=WIDTH, height=300, description=labels.message("charts.melitz.description", sigma=sigma, k=k))
    )


def _checked_estimates(estimates: pd.DataFrame) -> pd.DataFrame:
    """The table of published estimates, checked: numbers where numbers are needed, intervals whole and
    ordered, one estimate per study and question, one unit per question."""
    require_columns(estimates, "estimates")
    if estimates.empty:
        raise InputError("charts.empty", name="estimates")
    rows = estimates.copy()
    rows["question"] = rows["question"].astype(str)
    # a study that gives only a range (low and high) may have no point estimate
    ranged = pd.to_numeric(rows["low"], errors="coerce").notna() & pd.to_numeric(rows["high"], errors="coerce").notna()
    for column, needed in (("estimate", ~ranged), ("year", True), ("low", False), ("high", False)):
        numbers = pd.to_numeric(rows[column], errors="coerce")
        bad = numbers.isna() & (rows[column].notna() | needed)
        if bad.any():
            raise InputError("charts.forest_numbers", column=column, rows=list(rows.index[bad]))
        rows[column] = numbers
    given = rows["low"].notna() & rows["high"].notna()
    bad = (rows["low"].notna() != rows["high"].notna()) | (given & (rows["low"] > rows["high"]))
    if bad.any():
        raise InputError("charts.forest_interval", rows=list(rows.index[bad]))
    twice = rows.duplicated(["question", "study"], keep=False)
    if twice.any():
        raise InputError(
            "charts.forest_duplicates", pairs=sorted(set(zip(rows["question"][twice], rows["study"][twice])))
        )
    units = rows.groupby("question", sort=False)["unit"].unique()
    mixed = {question: list(found) for question, found in units.items() if len(found) > 1}
    if mixed:
        raise InputError("charts.forest_units", mixed=mixed)
    return rows


def _titles(questions: list, titles: Mapping[str, str] | None) -> dict:
    """Each question's panel title: from ``titles``, else from the catalogue (``charts.forest.question.<key>``)."""
    found = {}
    for question in questions:
        if titles is not None and question in titles:
            found[question] = str(titles[question])
        elif labels.has(f"charts.forest.question.{question}"):
            found[question] = label(f"charts.forest.question.{question}")
    missing = [q for q in questions if q not in found]
    if missing:
        raise InputError("charts.forest_titles", missing=missing)
    return found


def forest_chart(
    estimates: pd.DataFrame,
    titles: Mapping[str, str] | None = None,
    reference: float | None | Mapping[str, float | None] = 0.0,
) -> alt.VConcatChart:
    """A forest plot of published estimates: one panel per question (in the table's order), each with its
    own x scale and unit; a point per study at its estimate, a line across its interval where it gives one,
    a tooltip with the study, estimate, interval (both to three significant digits), source and year.

    ``estimates`` has the columns ``question`` (a short key), ``study`` (the label shown), ``estimate``
    (missing when the study gives only a range), ``low`` and ``high`` (missing when it gives no interval), ``unit`` (one per question),
    ``source`` (where the figure is, e.g. a table of the paper) and ``year``; one row per estimate.
    ``titles`` maps each question to its panel's title (default: the catalogue's
    ``charts.forest.question.<key>``). ``reference`` is the value of no effect, drawn as a dashed rule:
    one value for every panel, None for none, or a mapping question → value (a question it does not
    name has no rule).
    """
    rows = _checked_estimates(estimates)
    questions = list(dict.fromkeys(rows["question"]))
    panel_titles = _titles(questions, titles)
    none, study = label("charts.forest.no_interval"), label("charts.forest.study")
    rows = pd.DataFrame(
        {
            "question": rows["question"],
            "panel": rows["question"].map(panel_titles),
            "study": rows["study"].astype(str),
            "estimate": rows["estimate"].astype(float),
            "low": rows["low"].astype(float),
            "high": rows["high"].astype(float),
            "interval": [
                labels.message("charts.forest.interval", low=float(lo), high=float(hi)) if pd.notna(lo) else none
                for lo, hi in zip(rows["low"], rows["high"], strict=True)
            ],
            "unit": rows["unit"].astype(str),
            "source": rows["source"].astype(str),
            "year": rows["year"].astype(int),
        }
    )
    tooltip = [
        alt.Tooltip("panel:N", title=label("charts.forest.question")),
        alt.Tooltip("study:N", title=study),
        # three significant digits, as the interval: a converted or estimated value has many more
        alt.Tooltip("estimate:Q", title=label("charts.forest.estimate"), format=".3~r"),
        alt.Tooltip("interval:N", title=label("charts.forest.interval_title")),
        alt.Tooltip("source:N", title=label("charts.forest.source")),
        alt.Tooltip("year:Q", title=label("charts.forest.year"), format="d"),
    ]
    panels, drawn = [], False
    for question in questions:
        mine = rows[rows["question"] == question]
        unit = str(mine["unit"].iloc[0])
        scale = alt.Scale(zero=False, padding=12)  # a rule at an end of the axis stays visible
        y = alt.Y("study:N", title=study, sort=list(mine["study"]), axis=alt.Axis(title=None, labelLimit=200))
        # positions are computed in the browser (toNumber), so that the data under the chart on the website
        # is headed by the tooltip's titles, the same for every panel, not by each panel's unit
        base = (
            alt.Chart(rows)
            .transform_filter(f"datum.question == {js_string(question)}")
            .transform_calculate(at="toNumber(datum.estimate)", lo="toNumber(datum.low)", hi="toNumber(datum.high)")
        )
        interval = (
            base.transform_filter("isValid(datum.low) && isValid(datum.high)")
            .mark_rule(color=BLUE, strokeWidth=2)
            .encode(x=alt.X("lo:Q", title=unit, scale=scale), x2="hi:Q", y=y, tooltip=tooltip)
        )
        point = (
            base.transform_filter("isValid(datum.estimate)")
            .mark_point(filled=True, size=70, color=BLUE, opacity=1)
            .encode(x=alt.X("at:Q", title=unit, scale=scale, axis=alt.Axis(tickCount=6)), y=y, tooltip=tooltip)
        )
        layers = [interval, point]
        value = reference.get(question) if isinstance(reference, Mapping) else reference
        if value is not None:
            value, drawn = checks.number("reference", value), True
            rule = alt.Chart(pd.DataFrame({"reference": [value]})).transform_calculate(ref="toNumber(datum.reference)")
            layers.insert(
                0, rule.mark_rule(color="#777", strokeDash=[5, 4]).encode(x=alt.X("ref:Q", title=unit, scale=scale))
            )
        panels.append(
            alt.layer(*layers).properties(
                title=alt.TitleParams(panel_titles[question], anchor="start"), width=WIDTH, height=alt.Step(24)
            )
        )
    listed = label("book.chart.list_separator").join(panel_titles[q] for q in questions)
    description = labels.message("charts.forest.description", questions=listed)
    if drawn:
        description += " " + label("charts.forest.reference_note")
    return alt.vconcat(*panels, spacing=28).properties(description=description)


def published_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The book's table ``published_estimates`` (``data.load("published_estimates")``) as the rows that
    :func:`forest_chart` draws, in the reader's language: each study labelled with its setting, the
    place of the figure in the study as its source, every estimate as an elasticity."""
    require_columns(table, "published_estimates")
    language = labels.get_language()
    where = table["location"].map(lambda at: label("charts.forest.abstract") if at == "abstract" else at)
    return pd.DataFrame(
        {
            "question": table["question"].astype(str),
            "study": table["study"] + ", " + table[f"setting_{language}"],
            "estimate": table["estimate"],
            "low": table["low"],
            "high": table["high"],
            "unit": label("charts.forest.unit.elasticity"),
            "source": table["study"] + ", " + where,
            "year": table["year"].astype(int),
        }
    )
