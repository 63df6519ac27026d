"""The capstone's toolbox: a cluster internationalisation audit of one region and one industry.

:func:`run` gathers, for a region and an industry of a tidy employment table (``region``,
``industry``, ``employment``: the Eurostat table of the book through :func:`eurostat_employment`, or a
reader's own file through :func:`clusterlab.data.read_employment`):

* **specialisation**: the location quotient of the industry in the region, its rank among the regions
  where the industry is published, the region's most specialised industries;
* **concentration** of the industry across the table's regions: Hoover coefficient, locational Gini,
  and the Ellison–Glaeser index when the reader gives plant sizes;
* **likely first export markets** of the region's country (chapter 6's psychic-distance ranking);
* what the reader adds from other sources, each with its source: an export share, the three variables
  of value chain governance (chapter 8).

:func:`dashboard` draws it on one page (Altair), in the notebook's language or in both;
:func:`draft` writes the factual part of the written audit, leaving the judgements to the reader.
Every error says what to fix.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import data, labels, measures

# importing the charts' base also registers the book's chart theme and renderer, for the dashboard
from clusterlab.charts.base import BLUE, ORANGE
from clusterlab.charts.maps import region_map_panel
from clusterlab.data import country_names, eurostat_employment, industry_name
from clusterlab.errors import InputError
from clusterlab.labels import fmt_number, label
from clusterlab.models import gvc, psychic_distance

#: The questions of the threats checklist, each with the chapter that helps answer it (label keys).
__all__ = ["CHECKLIST", "Audit", "checklist", "country_names", "dashboard", "draft", "eurostat_employment"]
__all__ += ["figures", "industry_name", "run"]

CHECKLIST = (
    "buyers",
    "functions",
    "governance",
    "lockin_cognitive",
    "lockin_political",
    "joint_action",
    "pipelines",
    "policy",
)
_CHAPTER = {
    "buyers": "threats",
    "functions": "threats",
    "governance": "threats",
    "lockin_cognitive": "threats",
    "lockin_political": "threats",
    "joint_action": "threats",
    "pipelines": "cluster-springboard",
    "policy": "cluster-policy",
}


@dataclass
class Audit:
    """What :func:`run` found (every number the dashboard and the draft show)."""

    region: str
    industry: str
    employment: float
    region_total: float
    lq: float
    rank: int
    rank_employment: int
    share: float
    regions: int
    top: pd.DataFrame
    lq_all: pd.DataFrame
    hoover: float
    gini: float
    eg: float | None
    home: str | None
    markets: pd.DataFrame | None
    export_share: float | None = None
    export_source: str | None = None
    governance: str | None = None
    variables: tuple | None = None
    source: str = ""
    notes: list = field(default_factory=list)


def _known(values: pd.Series, value: str, what: str, column: str) -> None:
    if value not in set(values):
        codes = sorted(map(str, values.unique()))
        near = [c for c in codes if c[:2].upper() == str(value)[:2].upper()]
        sample = ", ".join((near or codes)[:12])
        raise InputError(
            "audit.unknown_code", what=labels.label(f"data.role.{what}"), value=value, column=column, sample=sample
        )


def run(
    tidy: pd.DataFrame,
    region: str,
    industry: str,
    home: str | None = None,
    plant_sizes: Sequence[float] | None = None,
    export_share: float | None = None,
    export_source: str | None = None,
    governance: tuple[str, str, str] | None = None,
    top: int = 8,
) -> Audit:
    """Audit ``industry`` in ``region`` of a tidy employment table (see the module's docstring).

    Parameters
    ----------
    tidy : pandas.DataFrame
        Columns ``region``, ``industry`` and ``employment``, from :func:`eurostat_employment` or
        :func:`clusterlab.data.read_employment` (rows with a blank or zero count are left out).
    region : str
        The region audited, as the table writes it (``"FR62"``).
    industry : str
        The industry audited, as the table writes it (``"C30"``).
    home : str or None
        The ISO 3 code of the region's country, for its likely first export markets (None: skipped).
    plant_sizes : list of float or None
        Employment of each plant of the industry, for the Ellison–Glaeser index (None: skipped).
    export_share : float or None
        The share of the cluster's sales made abroad, in percent (0 to 100), with ``export_source``.
    export_source : str or None
        Where ``export_share`` comes from (both or neither).
    governance : tuple of str or None
        (complexity, codifiability, capability), each ``"high"`` or ``"low"`` (value chain governance).
    top : int
        How many of the region's most specialised industries the result keeps (``Audit.top``).

    Returns
    -------
    Audit
        Every number the dashboard (:func:`dashboard`) and the draft (:func:`draft`) show.

    Raises
    ------
    ~clusterlab.errors.InputError
        If a column is missing, the region or the industry is not in the table, the pair has no employment,
        ``home`` is not a GeoDist country, ``export_share`` and ``export_source`` do not come together (or the
        share is not between 0 and 100), or ``governance`` is not three words ``"high"`` or ``"low"``.
    """
    missing = [c for c in ("region", "industry", "employment") if c not in tidy.columns]
    if missing:
        raise InputError("audit.missing_columns", missing=missing)
    table = tidy.dropna(subset=["employment"])
    table = table[table["employment"] > 0]
    _known(table["region"], region, "region", "region")
    _known(table["industry"], industry, "industry", "industry")
    lq = measures.lq_table(table)
    row = lq[(lq["region"] == region) & (lq["industry"] == industry)]
    if row.empty:
        raise InputError("audit.no_employment", industry=industry, region=region)
    row = row.iloc[0]
    ranked = (
        lq[lq["industry"] == industry].sort_values(["lq", "region"], ascending=[False, True]).reset_index(drop=True)
    )
    rank = int(ranked.index[ranked["region"] == region][0]) + 1
    by_jobs = ranked.sort_values(["employment", "region"], ascending=[False, True]).reset_index(drop=True)
    rank_employment = int(by_jobs.index[by_jobs["region"] == region][0]) + 1
    share = 100 * float(row["employment"]) / float(ranked["employment"].sum())
    mine = lq[lq["region"] == region].sort_values(["lq", "industry"], ascending=[False, True]).head(top)
    wide = table.pivot_table(index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0)
    totals = wide.sum(axis=1)
    hoover = measures.hoover(wide[industry], totals)
    gini = measures.locational_gini(wide[industry], totals)
    eg = None if plant_sizes is None else measures.ellison_glaeser(wide[industry], totals, plant_sizes)
    markets = None
    if home is not None:
        pairs, gdp = data.load("geodist_pairs"), data.load("wdi_gdp_population")
        markets = psychic_distance.rank(str(home).upper(), pairs, gdp).head(5)
    if (export_share is None) != (export_source is None):
        raise InputError("audit.export_source")
    if export_share is not None and not 0 <= float(export_share) <= 100:
        raise InputError("audit.export_share", value=export_share)
    if governance is not None and (isinstance(governance, str) or len(governance) != 3):
        raise InputError("audit.governance", value=governance, example=("low", "high", "high"))
    kind = None if governance is None else gvc.governance(*governance)
    return Audit(
        region=region,
        industry=industry,
        employment=float(row["employment"]),
        region_total=float(row["region_total"]),
        lq=float(row["lq"]),
        rank=rank,
        rank_employment=rank_employment,
        share=share,
        regions=len(ranked),
        top=mine.reset_index(drop=True),
        lq_all=ranked,
        hoover=hoover,
        gini=gini,
        eg=eg,
        home=None if home is None else str(home).upper(),
        markets=markets,
        export_share=None if export_share is None else float(export_share),
        export_source=export_source,
        governance=kind,
        variables=None if governance is None else tuple(governance),
        source=str(tidy.attrs.get("source", "")),
    )


def _name(kind: str, code: str) -> str:
    """A readable name for a region or an industry code when the book knows it (else the code)."""
    if kind == "industry":
        return industry_name(code)
    if kind == "region":
        names = data.region_names(pd.Series([code]))
        return str(names.iloc[0])
    return str(code)


def _both(key: str, bilingual: bool, **values) -> str | list[str]:
    """A panel title in the notebook's language, or in French and English on two lines."""
    if not bilingual:
        return labels.message(key, **values)
    return [labels.message(key, language, **values) for language in labels.LANGUAGES]


def _title(key: str, bilingual: bool, **values) -> alt.TitleParams:
    return alt.TitleParams(_both(key, bilingual, **values), anchor="start", fontSize=12)


def _markets_title(bilingual: bool, home_names: dict) -> alt.TitleParams:
    """The markets panel's title, with the country named in each title line's own language."""
    if not bilingual:
        text = labels.message("audit.markets", home=home_names[labels.get_language()])
    else:
        text = [labels.message("audit.markets", lang, home=home_names[lang]) for lang in labels.LANGUAGES]
    return alt.TitleParams(text, anchor="start", fontSize=12)


#: Width of the dashboard's panels (the labels of the bar charts come on top of it).
_W = 340


def figures(result: Audit) -> pd.DataFrame:
    """The audit's key figures as a two-column table (label, value) in the notebook's language.

    Parameters
    ----------
    result : Audit
        What :func:`run` found.

    Returns
    -------
    pandas.DataFrame
        The columns ``what`` (the figure's label) and ``value`` (the figure as text, written the reader's way).
    """
    rows = [
        (label("audit.employment"), fmt_number(result.employment)),
        (label("audit.region_total"), fmt_number(result.region_total)),
        (label("audit.lq"), fmt_number(result.lq, 2)),
        (label("audit.rank"), labels.message("audit.rank_of", rank=result.rank, regions=result.regions)),
        (
            label("audit.rank_employment"),
            labels.message("audit.rank_of", rank=result.rank_employment, regions=result.regions),
        ),
        (label("audit.hoover"), fmt_number(result.hoover, 3)),
        (label("audit.gini"), fmt_number(result.gini, 3)),
        (label("audit.eg"), label("audit.not_given") if result.eg is None else fmt_number(result.eg, 3)),
        (
            label("audit.export_share"),
            label("audit.not_given")
            if result.export_share is None
            else labels.message(
                "audit.share_with_source", share=fmt_number(result.export_share, 1), source=result.export_source
            ),
        ),
        (
            label("audit.governance"),
            label("audit.not_given") if result.governance is None else label(f"gvc.{result.governance}"),
        ),
    ]
    return pd.DataFrame(rows, columns=["what", "value"])


def dashboard(result: Audit, bilingual: bool = False) -> alt.VConcatChart:
    """One page: the key figures, the region's most specialised industries, where the region stands among all
    regions for the industry, and the likely first export markets. ``bilingual=True`` titles every panel
    in French and English (for a class that works in both).

    Parameters
    ----------
    result : Audit
        What :func:`run` found.
    bilingual : bool
        Title every panel in French and in English.

    Returns
    -------
    altair.VConcatChart
    """
    chosen_name = _name("industry", result.industry)
    region_name = _name("region", result.region)
    title = alt.TitleParams(
        " / ".join(_both("audit.title", True)) if bilingual else label("audit.title"),
        anchor="start",
        fontSize=15,
        subtitle=[f"{region_name} · {chosen_name}", labels.message("audit.subtitle", source=result.source or "—")],
    )
    keys = figures(result)
    colon = label("punctuation.colon")
    lines = []
    for what, value in zip(keys["what"], keys["value"]):
        wrapped = textwrap.wrap(f"{what}{colon}{value}", width=64)
        lines += [wrapped[0]] + ["    " + more for more in wrapped[1:]]
    facts = (
        alt.Chart(pd.DataFrame({"order": range(len(lines)), "line": lines}))
        .mark_text(align="left", baseline="middle", fontSize=12)
        .encode(y=alt.Y("order:O", axis=None), x=alt.value(0), text="line:N")
        .properties(width=_W, height=18 * len(lines), title=_title("audit.figures", bilingual))
    )
    top = result.top.assign(
        name=[_name("industry", c) for c in result.top["industry"]], chosen=result.top["industry"] == result.industry
    )
    bars = (
        alt.Chart(top)
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=170)),
            x=alt.X("lq:Q", title=label("lq.lq")),
            color=alt.condition("datum.chosen", alt.value(BLUE), alt.value("#9ca3af")),
            tooltip=[
                alt.Tooltip("name:N", title=label("lq.industry")),
                alt.Tooltip("lq:Q", title=label("lq.lq"), format=".2f"),
            ],
        )
        .properties(width=_W - 120, height=18 * len(top), title=_title("audit.top", bilingual))
    )
    one = alt.Chart(pd.DataFrame({"lq": [1.0]})).mark_rule(color="#222", strokeDash=[4, 3]).encode(x="lq:Q")
    spread = result.lq_all.assign(
        position=np.arange(1, len(result.lq_all) + 1), chosen=result.lq_all["region"] == result.region
    )
    strip = (
        alt.Chart(spread)
        .mark_bar()
        .encode(
            x=alt.X(
                "position:Q",
                title=label("audit.position"),
                axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domain=[0, len(spread) + 1], nice=False),
            ),
            y=alt.Y("lq:Q", title=label("lq.lq")),
            color=alt.condition("datum.chosen", alt.value(ORANGE), alt.value("#cbd5e1")),
        )
        .properties(width=_W, height=120, title=_title("audit.position_title", bilingual))
    )
    panels = [facts, alt.layer(bars, one), strip]
    map_title = alt.TitleParams(
        _both("audit.map_title", bilingual),
        anchor="start",
        fontSize=12,
        subtitle=[label("map.outermost_apart"), label("map.attribution_regions")],
        subtitleFontSize=10,
    )
    where = region_map_panel(result.lq_all, result.region, _W, map_title)
    datasets = {}
    if where is not None:
        panels.append(where[0])
        datasets = where[1]
    if result.markets is not None:
        names = country_names()
        markets = result.markets.assign(name=[str(names.get(p, p)) for p in result.markets["partner"]])
        countries = data.load("geodist_countries").set_index("iso3")
        home_names = {
            lang: str(countries[f"country_{lang}"].get(result.home, result.home)) for lang in labels.LANGUAGES
        }
        panels.append(
            alt.Chart(markets)
            .mark_bar(color=BLUE)
            .encode(
                y=alt.Y("name:N", sort=alt.SortField("rank"), title=None),
                x=alt.X("score:Q", title=label("markets.score")),
                tooltip=[
                    alt.Tooltip("name:N", title=label("markets.partner")),
                    alt.Tooltip("rank:Q", title=label("markets.rank")),
                ],
            )
            .properties(width=_W - 100, height=18 * len(markets), title=_markets_title(bilingual, home_names))
        )
    return (
        alt.vconcat(*panels, spacing=18, center=False, **({"datasets": datasets} if datasets else {}))
        .properties(title=title, description=label("audit.description"))
        .resolve_scale(color="independent")
    )


def checklist() -> pd.DataFrame:
    """The threats checklist: each question with the chapter (label) that helps answer it.

    Returns
    -------
    pandas.DataFrame
        The columns ``question`` and ``chapter``, one row per question.
    """
    return pd.DataFrame(
        {
            "question": [label(f"audit.q.{k}") for k in CHECKLIST],
            "chapter": [label(f"audit.ch.{_CHAPTER[k]}") for k in CHECKLIST],
        }
    )


def draft(result: Audit) -> str:
    """The factual part of the written audit (Markdown), in the notebook's language, with a prompt where
    the reader's judgement goes.

    Parameters
    ----------
    result : Audit
        What :func:`run` found.

    Returns
    -------
    str
        Markdown text: show it with ``IPython.display.Markdown``.
    """
    region, industry = _name("region", result.region), _name("industry", result.industry)
    lines = [f"**{label('audit.title')} · {region} · {industry}**", ""]
    lines.append(
        labels.message(
            "audit.draft.specialisation",
            region=region,
            industry=industry,
            employment=fmt_number(result.employment),
            lq=fmt_number(result.lq, 2),
            rank=result.rank,
            regions=result.regions,
            rank_employment=result.rank_employment,
            share=fmt_number(result.share, 1),
        )
    )
    lines.append("")
    lines.append(
        labels.message(
            "audit.draft.concentration", hoover=fmt_number(result.hoover, 3), gini=fmt_number(result.gini, 3)
        )
    )
    if result.eg is not None:
        lines.append(labels.message("audit.draft.eg", eg=fmt_number(result.eg, 3)))
    lines.append("")
    if result.markets is not None:
        names = country_names()
        first = ", ".join(str(names.get(p, p)) for p in result.markets["partner"].head(3))
        lines.append(labels.message("audit.draft.markets", home=str(names.get(result.home, result.home)), first=first))
    if result.export_share is not None:
        lines.append(
            labels.message("audit.draft.export", share=fmt_number(result.export_share, 1), source=result.export_source)
        )
    if result.governance is not None:
        lines.append(labels.message("audit.draft.governance", kind=label(f"gvc.{result.governance}")))
    lines += ["", label("audit.draft.todo")]
    return "\n".join(lines)
