"""Porter's cluster (chapter 2): the diamond scorecard and the specialisation profile of regions."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import data
from clusterlab.charts.base import (
    BLUE,
    ORANGE,
    WIDTH,
    checkbox,
    choice,
    js_string,
    plural_expression,
    require_columns,
    slider,
)
from clusterlab.errors import InputError
from clusterlab.labels import label
from clusterlab.models import diamond


def diamond_chart(
    case: str = "sassuolo", scores: dict | None = None, interactive: bool = True, reveal: bool = False
) -> alt.VConcatChart:
    """A diamond scorecard: the reader's score of each determinant (0 to 3) beside the reference
    score of ``case`` (:mod:`clusterlab.models.diamond`), and the total gap between the two.

    With ``interactive=True`` (the website) one slider per determinant sets the reader's scores and a
    box shows the reference, hidden at first so that the reader scores before comparing; all in the
    browser. With ``interactive=False`` the chart is drawn for ``scores`` (default: all 0) and ``reveal``.

    Where the account is silent (:data:`clusterlab.models.diamond.SILENT`), there is no reference bar, the
    row does not count in the gap (out of :func:`~clusterlab.models.diamond.most` points), and the line
    under the chart names these rows as not assessed: silence is not a zero.

    The printed edition draws the interactive chart with the reference shown (its ``usermeta``), since
    the scorecard has no bar before the reader scores.
    """
    reference = diamond.case_study(case)["scores"]
    silent_note = diamond.silent_note(case)
    mine = diamond.check_scores(scores if scores is not None else {k: diamond.LOW for k in diamond.DETERMINANTS})
    keys = diamond.DETERMINANTS
    names = [label(f"diamond.{k}") for k in keys]
    frame = pd.DataFrame(
        {"key": list(keys), "name": names, "order": range(len(keys)), "reference": [reference[k] for k in keys]}
    )
    params = [slider(k, f"diamond.{k}", mine[k], diamond.LOW, diamond.HIGH, 1, interactive=interactive) for k in keys]
    params.append(checkbox("reveal", "diamond.reveal", bool(reveal), interactive=interactive))
    yours_label, reference_label = label("diamond.yours"), label("diamond.reference")
    yours = " : ".join(f"datum.key == {js_string(k)} ? {k}" for k in keys[:-1]) + f" : {keys[-1]}"
    base = alt.Chart(frame).transform_calculate(yours=yours)
    bars = (
        base.transform_fold(["yours", "reference"], as_=["series", "score"])
        .transform_filter("datum.series == 'yours' || (reveal && isValid(datum.score))")
        .transform_calculate(who=f"datum.series == 'yours' ? {js_string(yours_label)} : {js_string(reference_label)}")
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort=names, title=None, axis=alt.Axis(labelLimit=330)),
            yOffset=alt.YOffset("who:N", sort=[yours_label, reference_label]),
            x=alt.X(
                "score:Q",
                title=label("diamond.score"),
                scale=alt.Scale(domain=[diamond.LOW, diamond.HIGH]),
                axis=alt.Axis(values=list(range(diamond.LOW, diamond.HIGH + 1)), format="d"),
            ),
            color=alt.Color(
                "who:N",
                title=None,
                legend=alt.Legend(labelLimit=400),
                scale=alt.Scale(domain=[yours_label, reference_label], range=[BLUE, ORANGE]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=label("diamond.determinant")),
                alt.Tooltip("who:N", title=label("diamond.whose")),
                alt.Tooltip("score:Q", title=label("diamond.score")),
            ],
        )
    )
    # where the account is silent, a note takes the place of the reference bar (the lower half of the
    # row): not assessed, not a zero
    silent_rows = (
        base.transform_filter("reveal && !isValid(datum.reference)")
        .mark_text(align="left", baseline="middle", dx=4, dy=8, fontSize=11, fontStyle="italic", color=ORANGE)
        .encode(
            y=alt.Y("name:N", sort=names, title=None),
            x=alt.datum(diamond.LOW),
            text=alt.value(label("diamond.not_assessed")),
        )
    )
    bars = alt.layer(bars, silent_rows).properties(width=WIDTH - 200, height=34 * len(keys))
    before = label("diamond.before_reveal")
    # the gap is a count of points over the determinants the account assesses, from 0 to each of them
    # scored at the far end of the scale; a silent determinant (no reference) never counts
    most = diamond.most(case)
    after = plural_expression("diamond.gap_total", "datum.total", range(most + 1), most=most)
    if silent_note:
        after = f"({after}) + {js_string(chr(10) + silent_note)}"
    gap_text = (
        base.transform_filter("isValid(datum.reference)")
        .transform_calculate(gap="abs(datum.yours - datum.reference)")
        .transform_aggregate(total="sum(gap)")
        .transform_calculate(text=f"reveal ? ({after}) : {js_string(before)}")
        .mark_text(align="left", baseline="top", x=0, y=0, fontSize=13, color="#222", lineBreak="\n")
        .encode(text="text:N")
        .properties(width=WIDTH - 200, height=54)
    )
    # on paper (bookbuild.pdf) the published account is shown: at its start the scorecard has no bar
    printed = {"print": {"reveal": True}} if interactive and not reveal else {}
    return (
        alt.vconcat(bars, gap_text)
        .add_params(*params)
        .properties(description=label("diamond.description"), **({"usermeta": printed} if printed else {}))
    )


# --------------------------------------------------------------------------- regional specialisation profiles


def profile_data(lq: pd.DataFrame, regions: Sequence[str]) -> pd.DataFrame:
    """What :func:`profile_chart` draws: for each of ``regions``, the location quotient of every industry
    of the LQ table (:func:`clusterlab.measures.lq_table`), with readable region and industry names."""

    require_columns(lq, "lq")
    regions = list(regions)
    unknown = [r for r in regions if r not in set(lq["region"])]
    if not regions or unknown:
        raise InputError("charts.unknown_regions" if regions else "charts.empty", name="regions", unknown=unknown)
    part = lq[lq["region"].isin(regions)]
    part = part.iloc[np.argsort(part["region"].map({r: i for i, r in enumerate(regions)}).to_numpy(), kind="stable")]
    codes = part["industry"].astype(str)
    return pd.DataFrame(
        {
            "region": part["region"].astype(str),
            "region_label": data.region_names(part["region"]).astype(str),
            "industry": [data.industry_name(c, with_code=False) for c in codes],
            "employment": part["employment"].astype(float),
            "lq": part["lq"].astype(float).round(3),
        }
    ).reset_index(drop=True)


def profile_chart(profiles: pd.DataFrame, interactive: bool = True, region: str | None = None) -> alt.LayerChart:
    """A region's specialisation profile: the location quotient of each of its industries, sorted, with
    the line LQ = 1 (the industry's share of employment equals its share in all regions together).

    ``profiles`` comes from :func:`profile_data`. With ``interactive=True`` (the website) a menu picks
    the region, in the browser; with ``interactive=False`` the chart is drawn for ``region``.
    """
    regions = list(dict.fromkeys(profiles["region"]))
    region = region or regions[0]
    if region not in regions:
        raise InputError("charts.not_among", name="region", value=region, among=regions)
    names = profiles.drop_duplicates("region").set_index("region")["region_label"]
    region_param = choice("region", "lq.region", region, regions, names.get, interactive=interactive)
    above, below = label("profile.above"), label("profile.below")
    n_bars = int(profiles.groupby("region").size().max())
    base = alt.Chart(profiles).transform_filter("datum.region == region")
    bars = (
        base.transform_calculate(status=f"datum.lq >= 1 ? {js_string(above)} : {js_string(below)}")
        .mark_bar()
        .encode(
            y=alt.Y("industry:N", sort="-x", title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("lq:Q", title=label("lq.lq"), axis=alt.Axis(tickCount=5)),
            color=alt.Color(
                "status:N",
                title=None,
                legend=alt.Legend(labelLimit=400, columns=1),
                scale=alt.Scale(domain=[above, below], range=[BLUE, "#b8c2cc"]),
            ),
            tooltip=[
                alt.Tooltip("region_label:N", title=label("lq.region")),
                alt.Tooltip("industry:N", title=label("lq.industry")),
                alt.Tooltip("employment:Q", title=label("lq.employment"), format=",.0f"),
                alt.Tooltip("lq:Q", title=label("lq.lq"), format=",.2f"),
            ],
        )
    )
    one = (
        alt.Chart(pd.DataFrame({"one": [1]}))
        .mark_rule(color=ORANGE, strokeDash=[5, 4], strokeWidth=2)
        .encode(x="one:Q")
    )
    return (
        alt.layer(bars, one)
        .add_params(region_param)
        .properties(width=WIDTH - 230, height=17 * n_bars, description=label("profile.description"))
    )


# --------------------------------------------------------------------------- the Italian tile industry
