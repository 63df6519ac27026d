"""The synthetic policy panel and its two estimators (clusterlab.models.policy)."""

import numpy as np
import pytest

from clusterlab.models import policy


def test_selection_favours_declining_sectors_as_strength_grows():
    assert policy.selection_probabilities(0) == pytest.approx((0.2689, 0.2689), abs=1e-4)
    previous = 0.0
    for k in (0.5, 1, 2, 3):
        dec, stable = policy.selection_probabilities(k)
        assert dec > stable and dec - stable > previous
        previous = dec - stable


def test_the_panel_has_the_documented_shape_and_is_seeded():
    p = policy.panel(firms=200, sectors=4, seed=3)
    assert len(p) == 200 * 6 and sorted(p["year"].unique()) == list(policy.YEARS)
    assert p.groupby("firm")["supported"].nunique().max() == 1
    assert p["declining"].groupby(p["sector"]).first().tolist() == [True, True, False, False]
    assert p.equals(policy.panel(firms=200, sectors=4, seed=3))


@pytest.mark.parametrize(
    "strength,effect,decline", [(0.0, 2.0, 2.0), (1.0, 0.0, 2.0), (2.0, 2.0, 3.0), (3.0, -1.0, 1.0), (1.5, 4.0, 0.0)]
)
def test_over_seeds_diff_in_diff_is_unbiased_and_the_naive_estimate_is_not(strength, effect, decline):
    naive, did, across = [], [], []
    for seed in range(40):
        p = policy.panel(strength=strength, effect=effect, decline=decline, firms=1000, seed=seed)
        naive.append(policy.naive(p))
        did.append(policy.diff_in_diff(p))
        across.append(policy.diff_in_diff(p, by=None))
    did_mean, did_se = np.mean(did), np.std(did) / np.sqrt(len(did))
    assert abs(did_mean - effect) < 4 * did_se + 0.02
    expected = policy.expected_naive(strength, effect, decline)
    assert np.mean(naive) == pytest.approx(expected, abs=0.15)
    if decline > 0:
        assert np.mean(naive) < effect - 2  # biased down by the sectors' own decline
    # comparing with every unsupported firm mixes trends: biased whenever selection follows the sector
    if decline > 0 and strength > 0:
        assert np.mean(across) < effect - 0.5


def test_the_naive_bias_grows_with_selection_strength():
    biases = [policy.expected_naive(k, 2.0, 2.0) - 2.0 for k in (0, 0.5, 1, 2, 3)]
    assert all(b < 0 for b in biases) and biases == sorted(biases, reverse=True)
    # with no decline there is nothing to confuse the policy with
    assert policy.expected_naive(3, 2.0, 0.0) == pytest.approx(2.0)


def test_mean_paths_show_parallel_comparison_before_the_policy():
    p = policy.panel(strength=2, effect=4, decline=2, firms=4000, seed=1)
    paths = policy.mean_paths(p).pivot(index="year", columns="group", values="outcome")
    gap = paths["supported"] - paths["comparison"]
    assert gap.loc[[-3, -2, -1]].std() < 0.5  # same trend before
    assert gap.loc[[0, 1, 2]].mean() - gap.loc[[-3, -2, -1]].mean() == pytest.approx(policy.diff_in_diff(p), abs=1e-9)


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"strength": -1}, "strength must be 0 or more"),
        ({"strength": 11}, "strength must be 10 or less"),
        ({"decline": -2}, "decline must be 0 or more"),
        ({"firms": 10, "sectors": 10}, "at least twice"),
        ({"sectors": 1}, "sectors must be a whole number of 2"),
        ({"effect": "big"}, "effect must be a number"),
    ],
)
def test_bad_inputs_say_what_to_fix(kwargs, match):
    with pytest.raises(ValueError, match=match):
        policy.panel(**kwargs)


def test_estimators_refuse_what_they_cannot_estimate():
    p = policy.panel(firms=100, sectors=2, seed=0)
    with pytest.raises(ValueError, match=r"needs a column \['outcome'\]") as err:
        policy.naive(p.drop(columns="outcome"))
    assert err.value.code == "models.policy.columns"
    with pytest.raises(ValueError, match=r"needs columns \['year', 'outcome'\]"):
        policy.naive(p.drop(columns=["year", "outcome"]))
    with pytest.raises(ValueError, match="no firm in the panel is supported"):
        policy.naive(p.assign(supported=False))
    lone = p.copy()
    lone.loc[lone["sector"] == 0, "supported"] = True
    with pytest.raises(ValueError, match="sector 0 has no unsupported firm"):
        policy.diff_in_diff(lone)
    with pytest.raises(ValueError, match="by must be"):
        policy.diff_in_diff(p, by="region")
    with pytest.raises(ValueError, match="both before 0 and from 0"):
        policy.naive(p[(p["year"] >= 0) | (p["firm"] != 3)])


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"strength": 3.0, "effect": -1.0, "decline": 3.0, "firms": 500, "seed": 4},
        {"strength": 0.0, "sectors": 4, "declining_share": 0.25, "seed": 9},
    ],
)
def test_the_fast_summary_gives_what_the_table_gives(kwargs):
    p = policy.panel(**kwargs)
    found, paths = policy.summary(**kwargs)
    assert found["naive"] == pytest.approx(policy.naive(p), abs=1e-9)
    assert found["did"] == pytest.approx(policy.diff_in_diff(p), abs=1e-9)
    assert found["across"] == pytest.approx(policy.diff_in_diff(p, by=None), abs=1e-9)
    slow = policy.mean_paths(p)
    assert paths["group"].tolist() == slow["group"].tolist() and paths["year"].tolist() == slow["year"].tolist()
    assert np.allclose(paths["outcome"], slow["outcome"], atol=1e-9)
