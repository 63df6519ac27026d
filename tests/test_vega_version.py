"""The site carries one Vega-Lite version; a chart made for another one fails the build."""

import json
import types

import pytest
from docutils.utils import new_document
from sphinx.errors import ExtensionError

from bookbuild import mime, vega
from clusterlab import charts


def test_altair_specs_match_the_version_the_site_carries():
    spec = charts.consortium_chart().to_dict()
    vega.check_spec(spec, "5.20")


def test_another_version_is_refused():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.21.0.json"}
    with pytest.raises(vega.VegaVersionError, match="5.21"):
        vega.check_spec(spec, "5.20")
    with pytest.raises(vega.VegaVersionError, match="no Vega-Lite"):
        vega.check_spec({}, "5.20")


def test_the_bundle_is_refused_for_a_version_vl_convert_lacks(tmp_path):
    with pytest.raises(vega.VegaVersionError, match="does not ship"):
        vega.write_bundle("4.1", tmp_path)


def _fake_renderer(carried):
    env = types.SimpleNamespace(config=types.SimpleNamespace(clusterlab_vegalite_version=carried, language="fr"))
    document = new_document("test")
    document.settings.env = env
    return types.SimpleNamespace(renderer=types.SimpleNamespace(document=document), source="page.ipynb")


def _data(mime_type, content):
    return types.SimpleNamespace(mime_type=mime_type, content=content, string=content, cell_index=3, output_index=0)


def test_the_website_renderer_fails_the_build_on_a_version_mismatch():
    spec = charts.consortium_chart().to_dict()
    renderer = _fake_renderer("5.19")
    with pytest.raises(ExtensionError, match="page.ipynb, cell 3"):
        mime.VegaLiteRenderer.handle_mime(renderer, _data("application/vnd.vegalite.v5+json", spec), False)


def test_the_website_renderer_embeds_the_spec_for_the_site_vega():
    spec = charts.consortium_chart().to_dict()
    [node] = mime.VegaLiteRenderer.handle_mime(
        _fake_renderer("5.20"), _data("application/vnd.vegalite.v5+json", spec), False
    )
    assert 'class="cl-chart"' in node.astext() and "cl-chart-spec" in node.astext()
    assert "cdn." not in node.astext()
    # the page holds the chart compiled to Vega (the site loads Vega alone), its inputs still bound
    embedded = json.loads(node.astext().split('class="cl-chart-spec">')[1].split("</script>")[0])
    assert embedded["$schema"].startswith("https://vega.github.io/schema/vega/v5")
    signals = {s["name"]: s for s in embedded["signals"]}
    assert signals["profit"]["bind"]["input"] == "range" and signals["fixed_cost"]["bind"]["input"] == "select"


def test_widgets_become_a_note_in_the_page_language():
    [note] = mime.WidgetNoteRenderer.handle_mime(
        _fake_renderer("5.20"), _data(mime.WIDGET_VIEW, '{"model_id": "x"}'), False
    )
    assert "JupyterLab" in note.astext() and "noyau Python" in note.astext()
    assert mime.WidgetNoteRenderer.handle_mime(_fake_renderer("5.20"), _data("text/plain", "x"), False) is None
