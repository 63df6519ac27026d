"""Psychic distance from GeoDist, and a first-market ranking (clusterlab.models.psychic_distance)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab import data
from clusterlab.models import psychic_distance as pd_model

PAIRS = data.load("geodist_pairs")
GDP = data.load("wdi_gdp_population")
weights = st.fixed_dictionaries({k: st.floats(0, 5) for k in pd_model.COMPONENTS}).filter(lambda w: sum(w.values()) > 0)


def test_components_are_read_both_ways_from_pairs_stored_once():
    fra = pd_model.components("FRA", PAIRS).set_index("partner")
    mar = pd_model.components("MAR", PAIRS).set_index("partner")
    # FRA–MAR is stored once (FRA, MAR); both homes see it
    assert fra.loc["MAR", "dist_km"] == mar.loc["FRA", "dist_km"] == 1817
    assert fra.loc["MAR", "language"] == 0 and fra.loc["MAR", "colony"] == 0  # shared language and colonial link
    assert fra.loc["BEL", "border"] == 0 and fra.loc["JPN", "border"] == 1
    assert "FRA" not in fra.index
    # the distance component runs from 0 (nearest partner) to 1 (farthest)
    assert fra["distance"].min() == 0 and fra["distance"].max() == 1


@settings(deadline=None, max_examples=40)
@given(weights)
def test_the_index_is_a_weighted_mean_between_0_and_1(w):
    comp = pd_model.components("TUN", PAIRS)
    index = pd_model.index(comp, w)
    assert ((index >= -1e-12) & (index <= 1 + 1e-12)).all()
    expected = sum(w[k] * comp[k] for k in pd_model.COMPONENTS) / sum(w.values())
    assert np.allclose(index, expected)


def test_a_shared_language_or_a_colonial_link_brings_a_market_closer():
    comp = pd_model.components("DZA", PAIRS).set_index("partner")
    index = pd_model.index(comp)
    # France and Italy are about as far from Algiers; France shares a language and a colonial past
    assert abs(comp.loc["FRA", "dist_km"] - comp.loc["ITA", "dist_km"]) < 400
    assert index["FRA"] < index["ITA"]


def test_with_distance_alone_the_ranking_is_by_distance():
    ranking = pd_model.rank(
        "MAR", PAIRS, GDP, weights={"distance": 1, "border": 0, "language": 0, "colony": 0}, market_weight=0
    )
    assert list(ranking["partner"]) == list(ranking.sort_values(["dist_km", "partner"])["partner"])
    assert list(ranking["rank"]) == list(range(1, len(ranking) + 1))


def test_the_ranking_weighs_market_size_against_psychic_distance():
    small = pd_model.rank("FRA", PAIRS, GDP, market_weight=0).set_index("partner")
    large = pd_model.rank("FRA", PAIRS, GDP, market_weight=3).set_index("partner")
    # a big, distant market climbs when market size weighs more
    assert large.loc["USA", "rank"] < small.loc["USA", "rank"]
    assert large.loc["USA", "market"] == 1.0  # the largest economy in the year
    assert small.loc["BEL", "rank"] <= 3


def test_only_partners_with_a_gdp_that_year_are_ranked_and_it_is_said():
    ranking = pd_model.rank("TUN", PAIRS, GDP, year=2019)
    gdp_2019 = set(GDP[(GDP["year"] == 2019) & GDP["gdp_usd"].notna()]["iso3"])
    assert set(ranking["partner"]) <= gdp_2019
    assert ranking.attrs["left_out"] == len(pd_model.components("TUN", PAIRS)) - len(ranking)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: pd_model.components("XYZ", PAIRS), "XYZ.*not a country of the GeoDist table.*iso3"),
        (lambda: pd_model.components("fra", PAIRS), "three capital letters.*fra"),
        (lambda: pd_model.index(pd_model.components("FRA", PAIRS), {"distance": -1}), "distance.*0 or more"),
        (
            lambda: pd_model.index(pd_model.components("FRA", PAIRS), {k: 0 for k in pd_model.COMPONENTS}),
            "at least one",
        ),
        (lambda: pd_model.index(pd_model.components("FRA", PAIRS), {"religion": 1}), "unknown.*religion"),
        (lambda: pd_model.rank("FRA", PAIRS, GDP, market_weight=-1), "market_weight.*0 or more"),
        (lambda: pd_model.rank("FRA", PAIRS, GDP, year=1900), "1900.*1995.*2019"),
    ],
)
def test_bad_inputs_say_what_to_fix(call, message):
    with pytest.raises(ValueError, match=message):
        call()
