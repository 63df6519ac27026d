"""The JupyterLab twins: controls labelled in the reader's language, outputs redrawn on change."""

import pytest

from clusterlab import labels, widgets


@pytest.fixture(autouse=True)
def _restore_language():
    before = labels.get_language()
    yield
    labels.set_language(before)


def test_explorer_labels_follow_the_language():
    labels.set_language("fr")
    explorer = widgets.consortium_explorer()
    slider, menu = explorer.children[0].children
    assert slider.description == labels.label("consortium.profit_short", "fr")
    assert [name for name, _ in menu.options] == ["60", "120", "240"]


def test_explorer_draws_a_chart_and_a_table_and_redraws_on_change():
    explorer = widgets.consortium_explorer(profit=30)
    first = explorer.output.outputs
    assert len(first) == 2
    assert "application/vnd.vegalite.v5+json" in first[0]["data"]
    assert "text/html" in first[1]["data"]
    slider = explorer.children[0].children[0]
    slider.value = 80
    assert explorer.output.outputs != first
    assert '"value": 80' in str(explorer.output.outputs[0]["data"]).replace("'", '"')
    assert repr(explorer) == "consortium_explorer (profit=80, fixed_cost=120.0)"
