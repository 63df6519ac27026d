"""The maps on the website, in Chromium with every other host blocked: each map draws one shape per
region or country, chapter 4's map and bars agree on which regions are specialised whatever the industry
and the threshold, and the attribution is written under each map."""

from __future__ import annotations

import pytest
from conftest import EDITIONS

# Every item of the drawing with its datum: the mark's name and role, and the fields the tests read.
ITEMS = """(index) => {
  const view = document.querySelectorAll('div.cl-chart')[index].clChart;
  const out = [];
  const walk = (mark) => {
    for (const item of mark.items || []) {
      if (item.datum && mark.marktype !== 'group') {
        const d = item.datum;
        out.push({mark: mark.name || '', type: mark.marktype, region: d.region, name: d.name, id: d.id,
                  status: d.status, specialised: d.specialised, text: item.text === undefined ? null : String(item.text)});
      }
      for (const child of item.items || []) walk(child);
    }
  };
  walk(view.scenegraph().root);
  return out;
}"""

MAP_PAGES = {
    "04-measuring-clusters": ("lq_map", 250),
    "06-sme-internationalisation": ("markets_map", 150),
    "07-cluster-springboard": ("maghreb_map", 5),
    "10-audit": ("region_map", 250),
    "01-marshall-district": ("region_map", 250),
}


def chart_items(page, index: int) -> list[dict]:
    return page.evaluate(ITEMS, index)


def map_index(page) -> list[int]:
    """Charts of the page that draw shapes (Vega's "shape" marks)."""
    count = page.locator("div.cl-chart").count()
    return [i for i in range(count) if any(x["type"] == "shape" for x in chart_items(page, i))]


@pytest.mark.browser
@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("stem", sorted(MAP_PAGES))
def test_each_map_draws_its_shapes_and_its_attribution(visit, language, stem):
    v = visit(f"{language}/chapters/{language}/{stem}.html")
    assert v.blocked == [] and v.errors == []
    maps = map_index(v.page)
    assert maps, f"no map on {stem}"
    items = chart_items(v.page, maps[0])
    shapes = [x for x in items if x["type"] == "shape"]
    assert len(shapes) >= MAP_PAGES[stem][1], len(shapes)
    notes = " ".join(x["text"] or "" for x in items if x["type"] == "text")
    notes += " " + (v.page.locator("div.cl-chart").nth(maps[0]).locator("svg").first.text_content() or "")
    assert ("EuroGeographics" in notes) or ("Natural Earth" in notes), notes[:300]


def specialised(items: list[dict], yes: str) -> tuple[set[str], set[str], set[str]]:
    """The regions the bars mark specialised, the regions the bars show, the regions the map outlines."""
    bars = [x for x in items if x["type"] == "rect" and x["status"] is not None]
    shown = {x["region"] for x in bars}
    in_bars = {x["region"] for x in bars if x["status"] == yes}
    on_map = {x["name"] for x in items if x["type"] == "shape" and x["specialised"] == yes}
    return in_bars, shown, on_map


@pytest.mark.browser
@pytest.mark.parametrize("language, yes", [("fr", "spécialisée"), ("en", "specialised")])
def test_the_map_and_the_bars_agree_on_the_specialised_regions(visit, language, yes):
    v = visit(f"{language}/chapters/{language}/04-measuring-clusters.html")
    [index] = [i for i in map_index(v.page) if any(x["status"] == yes for x in chart_items(v.page, i))]
    block = v.page.locator("div.cl-chart").nth(index)
    select, threshold = block.locator("select").first, block.locator("input[type=range]").first
    seen = []
    for option, level in ((0, "2"), (5, "1.5"), (5, "3")):
        select.select_option(index=option)
        threshold.fill(level)
        v.page.wait_for_timeout(300)
        in_bars, shown, on_map = specialised(chart_items(v.page, index), yes)
        assert shown and on_map, (option, level)
        assert in_bars == on_map & shown, (option, level, in_bars ^ (on_map & shown))
        seen.append(frozenset(on_map))
    assert len(set(seen)) == 3  # each industry and threshold outlines its own regions
