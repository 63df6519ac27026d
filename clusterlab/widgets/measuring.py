"""Chapter 4 (and 2): location quotients of any file, the specialisation profile of a region."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from clusterlab import charts, data, labels
from clusterlab.charts import maps
from clusterlab.errors import InputError
from clusterlab.labels import label
from clusterlab.widgets.base import Explorer, error_note, industry_options, without_empty


def lq_explorer(
    lq: pd.DataFrame, industries: Sequence[str] | None = None, threshold: float = 2.0, top: int = 15
) -> Explorer:
    """Location quotients in JupyterLab: an industry menu, a threshold slider and an upload button.

    It starts with ``lq`` (a table from :func:`clusterlab.measures.lq_table`); a file chosen with the
    upload button is read with :func:`clusterlab.data.read_employment` and replaces it, and any
    :class:`clusterlab.data.DataError` is shown with what to fix. Under the bars, the map of every
    region's quotient (:func:`clusterlab.charts.lq_map`) when the regions are NUTS-2 regions; for other
    regions (a reader's communes), a note says why there is no map.
    """
    import html
    import io

    from IPython.display import HTML

    from clusterlab import measures

    state = {"lq": lq, "note": label("lq.source_book")}
    style = {"description_width": "initial"}
    first = list(industries) if industries else sorted(lq["industry"].unique())
    controls = {
        "industry": widgets.Dropdown(
            options=industry_options(first), value=first[0], description=label("lq.industry"), style=style
        ),
        "threshold": widgets.FloatSlider(
            value=threshold, min=1, max=6, step=0.25, description=label("lq.threshold"), style=style
        ),
        "min_employment": widgets.IntSlider(
            value=0, min=0, max=5000, step=100, description=label("lq.min_employment"), style=style
        ),
    }

    prepared: dict[str, charts.Prepared] = {}  # one chart per industry of the current table
    # and one map for every industry of the current table (its parameters choose), when the regions are
    # NUTS-2 regions: made once, so that a new industry only sets a parameter
    mapped: dict[str, charts.Prepared] = {}

    def draw(industry: str, threshold: float, min_employment: int) -> list:
        if industry not in prepared:
            # the first chart is checked against the Vega-Lite schema; the others differ only by their rows
            prepared[industry] = charts.Prepared(
                charts.lq_chart(state["lq"], [industry], top=top, interactive=False, industry=industry),
                validate=not state.get("checked"),
            )
            state["checked"] = True
        chart = prepared[industry].with_params(threshold=threshold, min_employment=min_employment)
        shown = [HTML(f"<p>{html.escape(state['note'])}</p>"), chart]  # the note names the reader's file
        if not maps.draws_regions(state["lq"]["region"].unique()):
            return [*shown, HTML(f"<p>{html.escape(label('map.not_nuts2'))}</p>")]
        if "map" not in mapped:
            codes = [code for _, code in controls["industry"].options]  # the menu's industries
            mapped["map"] = charts.Prepared(
                charts.lq_map(state["lq"], codes, industry=industry, interactive=False), validate=False
            )
        return [
            *shown,
            mapped["map"].with_params(industry=industry, threshold=threshold, min_employment=min_employment),
        ]

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
            counted, left_out = without_empty(tidy.dropna(subset=["employment"]))
            table = measures.lq_table(counted)
        except ValueError as err:
            explorer.output.outputs = ()
            explorer.output.append_display_data(error_note(err))
            return
        note = data.summary(tidy)
        if left_out["industry"] or left_out["region"]:
            note += " " + labels.message(
                "lq.left_out",
                industries=labels.plural("count.industries", left_out["industry"]),
                regions=labels.plural("count.regions", left_out["region"]),
            )
        state["lq"], state["note"] = table, note
        prepared.clear()
        mapped.clear()
        codes = sorted(table["industry"].unique())
        controls["industry"].options = industry_options(codes)
        controls["industry"].value = codes[0]
        explorer.redraw()

    upload.observe(on_upload, names="value")
    explorer.children = (widgets.HTML(f"<p>{label('lq.choose_file')}</p>"), upload, *explorer.children)
    return explorer


def profile_explorer(lq: pd.DataFrame, region: str = "ITH5") -> Explorer:
    """A region's specialisation profile in JupyterLab: any region of the LQ table (the website offers a few),
    with readable names, drawn with :func:`clusterlab.charts.profile_chart`."""

    codes = sorted(set(lq["region"]))
    if region not in codes:
        raise InputError("charts.not_among", name="region", value=region, among=codes)
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
