"""Maps: where the regions specialised in an industry lie (chapter 4), where a firm's first export
markets lie (chapter 6), where the Maghreb's exports go within the Maghreb (chapter 7), where the audited
region lies (chapter 10).

A map is a chart like the others: Vega-Lite, drawn by the website's own Vega or by JupyterLab's, with
its controls bound to inputs and no kernel. The shapes are the book's TopoJSON files
(:func:`clusterlab.data.shapes`), embedded in the chart. Europe is drawn with a Lambert azimuthal
equal-area projection centred at 10° E, 52° N, as Eurostat's maps are (EPSG:3035); the outermost regions
(Canarias, Açores, Madeira, the French overseas regions) are drawn in small boxes under the map, each
at its own place, so none is dropped. The world is drawn with the Equal Earth projection, equal-area too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from clusterlab import data, shapes
from clusterlab.charts.base import WIDTH, choice, js_string, require_columns, slider
from clusterlab.errors import InputError
from clusterlab.labels import label, message, plural, sort_key

#: Lambert azimuthal equal-area centred at 10° E, 52° N (the projection of Eurostat's maps, EPSG:3035).
EUROPE = {"type": "azimuthalEqualArea", "rotate": [-10, -52, 0]}

#: The outermost regions, far from the mainland, each drawn in its own box under the map of Europe.
OUTERMOST = ("ES70", "PT20", "PT30", "FRA1", "FRA2", "FRA3", "FRA4", "FRA5")

#: Countries of the map that are not in the Eurostat table and lie at its edge: left out of the drawing
#: (their absence is said under the map) so that Europe keeps its size on a phone.
LEFT_OUT = ("TR",)

#: The colours of the location quotient: a diverging scheme readable by colour-blind readers (purple
#: below 1, orange above), on a logarithmic scale centred on 1, so that 0.5 and 2 are as far from 1.
LQ_SCHEME = "purpleorange"
LQ_DOMAIN = (0.125, 8.0)
NO_FIGURE = "#d9d9d9"
OUTSIDE = "#f2f2f2"
BORDER = "#ffffff"
SPECIALISED_STROKE = "#111111"


SHAPES = "nuts2_shapes"
FIGURES = "lq_by_region"


def _shapes() -> alt.Data:
    """The regions' shapes, named: the chart's top-level ``datasets`` holds them once for every view."""
    feature = data.describe(SHAPES)["topojson"]["object"]
    return alt.Data(name=SHAPES, format=alt.DataFormat(type="topojson", feature=feature))


def _centre(topology: dict, feature: str, code: str) -> list[float]:
    """The middle of a shape's bounding box, in degrees (each small map is centred there)."""
    west, south, east, north = shapes.bounds(topology, feature, code)
    return [round((west + east) / 2, 2), round((south + north) / 2, 2)]


def note_under(text: str, width: int = WIDTH) -> alt.TitleParams:
    """A small note under a chart (a map's attribution), in lines that keep within ``width`` pixels."""
    import textwrap

    lines = textwrap.wrap(text, width=max(20, width // 5), break_long_words=False, break_on_hyphens=False)
    return alt.TitleParams(lines, orient="bottom", anchor="start", fontSize=10, fontWeight="normal", color="#444")


def draws_regions(codes: Iterable[str]) -> bool:
    """Whether any of these codes is a NUTS-2 region of the map (a reader's communes are not)."""
    feature = data.describe(SHAPES)["topojson"]["object"]
    return bool(set(map(str, codes)) & _ids(data.shapes(SHAPES), feature))


def _in_list(field: str, codes: Sequence[str]) -> str:
    return f"indexof([{', '.join(js_string(c) for c in codes)}], {field}) >= 0"


def region_map_rows(lq: pd.DataFrame, industries: Sequence[str]) -> pd.DataFrame:
    """The rows a map embeds: every NUTS-2 region of ``industries`` (a map shows every region, not only
    the top of the ranking), with its code, name, quotient and employment."""
    from clusterlab.charts.measures import lq_rows

    rows = lq_rows(lq, industries)
    return rows[rows["region"].str.len() == 4].reset_index(drop=True)


def lq_map(
    lq: pd.DataFrame,
    industries: Sequence[str],
    threshold: float = 2.0,
    min_employment: float = 0,
    industry: str | None = None,
    above: alt.TopLevelMixin | None = None,
    width: int = WIDTH,
    interactive: bool = True,
) -> alt.VConcatChart:
    """The location quotient of every NUTS-2 region for the chosen industry, on a map of Europe.

    Colours go from purple (under-represented, LQ below 1) to orange (over-represented), on a
    logarithmic scale centred on 1; a region that counts as specialised (LQ at least ``threshold`` and
    at least ``min_employment`` persons employed, as in :func:`~clusterlab.charts.lq_chart`) gets a
    thick dark outline. Regions of the Eurostat table without a figure for the industry (confidential
    or missing) are grey; regions outside the table (Switzerland, Liechtenstein, Montenegro,
    North Macedonia) are pale. The outermost regions are drawn in boxes under the map.

    ``above`` is a view drawn above the map that holds the parameters ``industry``, ``threshold`` and
    ``min_employment`` (the bar chart of :func:`~clusterlab.charts.lq_chart`): the map follows them, so
    that both views agree. Without it the map has its own menu and sliders (``interactive=False``: the
    same parameters without inputs, for a JupyterLab explorer that sets them).
    """
    industries = list(industries)
    if not industries:
        raise InputError("charts.empty", name="industries")
    industry = industry or industries[0]
    if industry not in industries:
        raise InputError("charts.not_among", name="industry", value=industry, among=industries)
    rows = region_map_rows(lq, industries)
    params = []
    if above is None:
        names = {c: data.industry_name(c, with_code=False) for c in industries}
        params = [
            choice(
                "industry", "lq.industry", industry, industries, lambda c: f"{c} {names[c]}", interactive=interactive
            ),
            slider("threshold", "lq.threshold", threshold, 1, 6, 0.25, interactive=interactive),
            slider("min_employment", "lq.min_employment", min_employment, 0, 5000, 100, interactive=interactive),
        ]
    regions = data.load("nuts2_regions")
    outside = sorted(regions.loc[regions["has_geometry"] & ~regions["in_employment_table"], "geo"])
    feature = data.describe(SHAPES)["topojson"]["object"]
    geometry = alt.LookupData(alt.Data(name=SHAPES, format=alt.DataFormat(type="topojson", feature=feature)), key="id")
    spec_lq = label("lq.lq")
    yes, no = label("lq.specialised"), label("lq.not_specialised")
    no_figure, not_in_table = label("map.no_figure"), label("map.not_in_table")

    def layer(projection: dict, keep: str, w: int, h: int, legends: bool = True) -> alt.LayerChart:
        def legend(**kw) -> alt.Legend | None:
            return alt.Legend(orient="bottom", **kw) if legends else None

        shapes = alt.Chart(_shapes()).transform_filter(keep)
        base = shapes.transform_calculate(
            status=f"{_in_list('datum.id', outside)} ? {js_string(not_in_table)} : {js_string(no_figure)}"
        ).mark_geoshape(stroke=BORDER, strokeWidth=0.4, aria=False)  # the figures layer speaks for the map
        base = base.encode(
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=[no_figure, not_in_table], range=[NO_FIGURE, OUTSIDE]),
                legend=None,  # said in the note under the map, to keep the legends within its width
            ),
            tooltip=[alt.Tooltip("id:N", title=label("lq.region")), alt.Tooltip("status:N", title=label("map.data"))],
        )
        figures = (
            alt.Chart(alt.Data(name=FIGURES))
            .transform_filter(f"datum.industry == industry && ({keep.replace('datum.id', 'datum.region')})")
            .transform_lookup(lookup="region", from_=geometry, as_="geo")
            .transform_calculate(
                specialised=f"datum.lq >= threshold && datum.employment >= min_employment ? {js_string(yes)} : {js_string(no)}"
            )
            .mark_geoshape(strokeJoin="round", aria=legends)  # the boxes' figures are in the data table
            .encode(
                shape=alt.Shape("geo:G"),
                color=alt.Color(
                    "lq:Q",
                    title=spec_lq,
                    scale=alt.Scale(type="log", scheme=LQ_SCHEME, domain=list(LQ_DOMAIN), domainMid=1, clamp=True),
                    legend=legend(format=".2~f", values=[0.125, 0.25, 0.5, 1, 2, 4, 8], gradientLength=200),
                ),
                stroke=alt.Stroke(
                    "specialised:N",
                    title=label("lq.status"),
                    scale=alt.Scale(domain=[yes, no], range=[SPECIALISED_STROKE, BORDER]),
                    legend=None,
                ),
                strokeWidth=alt.condition(f"datum.specialised == {js_string(yes)}", alt.value(1.8), alt.value(0.4)),
                tooltip=[
                    alt.Tooltip("name:N", title=label("lq.region")),
                    alt.Tooltip("lq:Q", title=spec_lq, format=",.2f"),
                    alt.Tooltip("employment:Q", title=label("lq.employment"), format=",.0f"),
                ],
            )
        )
        return (
            alt.layer(base, figures)
            .resolve_scale(color="independent")
            .project(**projection)
            .properties(width=w, height=h)
        )

    mainland = f"!({_in_list('datum.id', OUTERMOST)}) && !({_in_list('substring(datum.id, 0, 2)', LEFT_OUT)})"
    europe = layer(EUROPE, mainland, width, round(width * 1.05))
    if params:
        europe = europe.add_params(*params)
    topology = data.shapes(SHAPES)
    # Each small map has its own centre: Vega-Lite would otherwise merge the same projection of all the
    # boxes into one, fitted to the eight regions at once (the Caribbean to the Indian Ocean).
    boxes = [
        layer(
            {"type": "mercator", "center": _centre(topology, feature, code)},
            f"datum.id == {js_string(code)}",
            64,
            64,
            legends=False,
        ).properties(title=alt.TitleParams(label(f"map.outermost.{code}"), fontSize=11, fontWeight="normal"))
        for code in OUTERMOST
    ]
    attribution = f"{label('map.lq_key')} {label('map.attribution_nuts')}"
    return (
        alt.vconcat(
            *([above] if above is not None else []),
            europe,
            alt.concat(*boxes, columns=4, spacing=6),
            spacing=8,
            datasets={SHAPES: topology, FIGURES: rows.to_dict("records")},
        )
        .resolve_scale(color="independent", stroke="independent")
        .properties(
            description=label("map.lq_description")
            if above is None
            else f"{label('lq.description')} {label('map.lq_description')}",
            title=note_under(attribution),
        )
    )


# --------------------------------------------------------------------------- first export markets

WORLD = "world_shapes"
MARKETS = "markets_by_country"
HOME_FILL = "#1f2937"
TOP_STROKE = "#111111"


def markets_map(markets: pd.DataFrame, above: alt.TopLevelMixin | None = None, top: int = 15) -> alt.VConcatChart:
    """Every partner country of the chosen home country on a world map, coloured by its psychic-distance
    index (pale: close; dark: far), the ``top`` most appealing markets outlined, the home country in black.

    ``above`` is the bar chart of :func:`~clusterlab.charts.markets_chart`, which holds the home menu
    and the weight sliders the map follows; without it the map has its own (the chart's defaults).
    """
    from clusterlab.charts.markets import markets_chart, scored

    if above is None:
        return markets_chart(markets, top=top, with_map=True)
    feature = data.describe(WORLD)["topojson"]["object"]
    world = alt.Data(name=WORLD, format=alt.DataFormat(type="topojson", feature=feature))
    rows = markets[["home", "partner", "name", "distance", "border", "language", "colony", "market", "dist_km"]]
    index_title, top_title = label("markets.index"), plural("map.markets_top", int(top))
    yes, no = label("map.top_yes"), label("map.top_no")
    base, home_shape = _backdrop(world, "home", NO_FIGURE, BORDER, label("markets.partner"), label("markets.home"))
    figures = (
        scored(alt.Chart(alt.Data(name=MARKETS)))
        .transform_lookup(lookup="partner", from_=alt.LookupData(world, key="id"), as_="geo")
        .transform_filter("isValid(datum.geo)")
        .transform_calculate(top=f"datum.rank <= {int(top)} ? {js_string(yes)} : {js_string(no)}")
        .mark_geoshape()
        .encode(
            shape=alt.Shape("geo:G"),
            # the bars' colour scale (shared): the same index, the same colours
            color=alt.Color("index:Q", title=index_title),
            stroke=alt.Stroke(
                "top:N",
                title=top_title,
                scale=alt.Scale(domain=[yes, no], range=[TOP_STROKE, BORDER]),
                legend=alt.Legend(orient="bottom", symbolType="square", symbolFillColor="#ffffff"),
            ),
            strokeWidth=alt.condition(f"datum.top == {js_string(yes)}", alt.value(1.6), alt.value(0.4)),
            tooltip=[
                alt.Tooltip("name:N", title=label("markets.partner")),
                alt.Tooltip("rank:Q", title=label("markets.rank")),
                alt.Tooltip("index:Q", title=index_title, format=".2f"),
                alt.Tooltip("score:Q", title=label("markets.score"), format=".2f"),
            ],
        )
    )
    world_map = (
        alt.layer(base, figures, home_shape)
        .project(type="equalEarth")
        .properties(width=WIDTH, height=round(WIDTH * 0.5))
    )
    missing = sorted(set(markets["partner"]) - _ids(data.shapes(WORLD), feature))
    note = label("map.attribution_world")
    if missing:
        names = data.country_names()
        note += " " + message(
            "map.not_drawn", codes=", ".join(sorted((str(names.get(c, c)) for c in missing), key=sort_key))
        )
    return alt.vconcat(
        above,
        world_map,
        spacing=8,
        datasets={WORLD: data.shapes(WORLD), MARKETS: rows.to_dict("records")},
    ).properties(
        description=f"{label('markets.description')} {label('map.markets_description')}",
        title=note_under(note),
    )


def _backdrop(
    shapes: alt.Data, home: str, fill: str, stroke: str, country: str, home_title: str
) -> tuple[alt.Chart, alt.Chart]:
    """The decorative layers of a map of countries (hidden from screen readers: the figures' layer and the
    data table carry the map): every country in ``fill``, and the country chosen by the parameter ``home``
    in dark. Their tooltips give the country's name, titled ``country`` or ``home_title``.

    The name is read in the mark's tooltip expression: a field of the shapes' ``properties`` in the
    encoding would make Vega-Lite add a step to the shapes, and a lookup of the shapes by another layer
    would then read them before that step is defined ("Undefined data set name")."""

    def tooltip(title: str) -> alt.ExprRef:
        return alt.ExprRef(expr=f"{{{js_string(title)}: datum.properties.name}}")

    every = alt.Chart(shapes).mark_geoshape(
        fill=fill, stroke=stroke, strokeWidth=0.4, aria=False, tooltip=tooltip(country)
    )
    chosen = (
        alt.Chart(shapes)
        .transform_filter(f"datum.id == {home}")
        .mark_geoshape(fill=HOME_FILL, stroke=BORDER, strokeWidth=0.4, aria=False, tooltip=tooltip(home_title))
    )
    return every, chosen


def _ids(topology: dict, feature: str) -> set[str]:
    return {str(g.get("id", "")) for g in topology["objects"][feature]["geometries"]} - {""}


# --------------------------------------------------------------------------- trade within the Maghreb

EUROMED = "euromed_shapes"
FLOWS = "maghreb_flows"
#: The Euro-Mediterranean close-up, centred on the western Mediterranean (Lambert azimuthal equal-area).
MEDITERRANEAN = {"type": "azimuthalEqualArea", "rotate": [-8, -36, 0]}


def maghreb_map(flows: pd.DataFrame, exporter: str = "MAR") -> alt.LayerChart:
    """The exports of the chosen Maghreb country to each of the four others, on a Euro-Mediterranean
    map: each importer coloured by the yearly value (million US dollars), the exporter in black, with a
    menu to choose the exporter (``flows`` is :func:`~clusterlab.charts.maghreb_trade`'s table)."""
    from clusterlab.charts.trade import MAGHREB

    require_columns(flows, "flows", ("exporter", "importer", "value_musd", "importer_name", "maghreb_share"))
    if exporter not in MAGHREB:
        raise InputError("charts.not_among", name="exporter", value=exporter, among=list(MAGHREB))
    names = data.country_names()
    pick = choice("exporter", "maghreb.exporter", exporter, list(MAGHREB), lambda c: str(names.get(c, c)))
    feature = data.describe(EUROMED)["topojson"]["object"]
    countries = alt.Data(name=EUROMED, format=alt.DataFormat(type="topojson", feature=feature))
    rows = flows[["exporter", "importer", "importer_name", "value_musd", "maghreb_share"]]
    value = label("maghreb.value")
    base, home = _backdrop(
        countries, "exporter", OUTSIDE, "#c8c8c8", label("maghreb.importer"), label("maghreb.exporter")
    )
    figures = (
        alt.Chart(alt.Data(name=FLOWS))
        .transform_filter("datum.exporter == exporter")
        .transform_lookup(lookup="importer", from_=alt.LookupData(countries, key="id"), as_="geo")
        .mark_geoshape(stroke=BORDER, strokeWidth=0.6)
        .encode(
            shape=alt.Shape("geo:G"),
            color=alt.Color(
                "value_musd:Q",
                title=value,
                scale=alt.Scale(type="symlog", scheme="blues", domain=[0, float(flows["value_musd"].max())]),
                legend=alt.Legend(orient="bottom", format=",.0f", gradientLength=220),
            ),
            tooltip=[
                alt.Tooltip("importer_name:N", title=label("maghreb.importer")),
                alt.Tooltip("value_musd:Q", title=value, format=",.1f"),
            ],
        )
    )
    return (
        alt.layer(base, figures, home)
        .project(**MEDITERRANEAN)
        .add_params(pick)
        .properties(
            width=WIDTH,
            height=round(WIDTH * 0.75),
            datasets={EUROMED: data.shapes(EUROMED), FLOWS: rows.to_dict("records")},
            description=label("map.maghreb_description"),
            title=note_under(label("map.attribution_maghreb")),
        )
    )


# --------------------------------------------------------------------------- one region among all


def region_map(
    values: pd.DataFrame, highlight: str, width: int = WIDTH, title: alt.TitleParams | str | None = None
) -> alt.LayerChart | None:
    """The location quotient of every region in ``values`` (columns ``region``, ``lq``) on the map of
    Europe, the region ``highlight`` outlined in orange; no kernel, no control. ``None`` when the regions
    are not NUTS-2 regions of the map (a reader's communes, say): the caller says so instead of a map."""
    under = note_under(f"{label('map.outermost_apart')} {label('map.attribution_regions')}", width)
    panel = region_map_panel(values, highlight, width, title if title is not None else under)
    if panel is None:
        return None
    name = str(data.region_names([highlight]).iloc[0])
    return panel[0].properties(datasets=panel[1], description=message("map.region_description", region=name))


def region_map_panel(
    values: pd.DataFrame, highlight: str, width: int = WIDTH, title: alt.TitleParams | str | None = None
) -> tuple[alt.LayerChart, dict] | None:
    """:func:`region_map` as a panel of a larger chart, with the datasets it reads by name: Vega-Lite
    takes them only at the top of a chart, so the caller puts them there (``datasets=``)."""
    from clusterlab.charts.base import ORANGE

    feature = data.describe(SHAPES)["topojson"]["object"]
    drawn = _ids(data.shapes(SHAPES), feature)
    rows = values.loc[values["region"].isin(drawn), ["region", "lq"]].assign(lq=lambda f: f["lq"].round(3))
    rows["name"] = data.region_names(rows["region"]).to_numpy()
    if highlight not in drawn or rows.empty:
        return None
    mainland = f"!({_in_list('datum.id', OUTERMOST)}) && !({_in_list('substring(datum.id, 0, 2)', LEFT_OUT)})"
    projection = EUROPE
    if highlight in OUTERMOST:
        # an outermost region is drawn alone, at its own place, rather than lost off the map of Europe
        mainland = f"datum.id == {js_string(highlight)}"
        projection = {"type": "mercator", "center": _centre(data.shapes(SHAPES), feature, highlight)}
    shapes = alt.Chart(_shapes()).transform_filter(mainland)
    base = shapes.mark_geoshape(fill=NO_FIGURE, stroke=BORDER, strokeWidth=0.3, aria=False)
    lookup = alt.LookupData(alt.Data(name=SHAPES, format=alt.DataFormat(type="topojson", feature=feature)), key="id")
    figures = (
        alt.Chart(alt.Data(name=FIGURES))
        .transform_lookup(lookup="region", from_=lookup, as_="geo")
        .transform_filter(f"isValid(datum.geo) && {mainland.replace('datum.id', 'datum.region')}")
        .mark_geoshape(stroke=BORDER, strokeWidth=0.3)
        .encode(
            shape=alt.Shape("geo:G"),
            color=alt.Color(
                "lq:Q",
                title=label("lq.lq"),
                scale=alt.Scale(type="log", scheme=LQ_SCHEME, domain=list(LQ_DOMAIN), domainMid=1, clamp=True),
                legend=alt.Legend(orient="bottom", format=".2~f", values=[0.125, 0.25, 0.5, 1, 2, 4, 8]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=label("lq.region")),
                alt.Tooltip("lq:Q", title=label("lq.lq"), format=".2f"),
            ],
        )
    )
    chosen = figures.transform_filter(f"datum.region == {js_string(highlight)}").mark_geoshape(
        fillOpacity=0, stroke=ORANGE, strokeWidth=2.5, aria=False
    )
    properties = {"width": width, "height": round(width * 1.05)}
    if title is not None:
        properties["title"] = title
    datasets = {SHAPES: data.shapes(SHAPES), FIGURES: rows.to_dict("records")}
    return alt.layer(base, figures, chosen).project(**projection).properties(**properties), datasets
