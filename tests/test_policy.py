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


# --- difference in differences between two groups of real units (policy.group_gaps, policy.group_diff_in_diff) ---


def tiny_panel(values: dict[str, list[float]], first: int = 2000):
    import pandas as pd

    rows = [(u, first + t, y) for u, ys in values.items() for t, y in enumerate(ys)]
    return pd.DataFrame(rows, columns=["unit", "year", "outcome"])


def test_group_diff_in_diff_is_the_change_of_the_gap_worked_by_hand():
    # years 2000-2003; the event between 2001 and 2002
    p = tiny_panel({"a": [1, 2, 6, 7], "b": [3, 4, 8, 9], "c": [1, 2, 3, 4], "d": [5, 6, 7, 8]})
    gaps = policy.group_gaps(p, treated=["a", "b"], control=["c", "d"])
    # treated means 2, 3, 7, 8; control means 3, 4, 5, 6
    assert gaps.tolist() == [-1.0, -1.0, 2.0, 2.0] and gaps.index.tolist() == [2000, 2001, 2002, 2003]
    did = policy.group_diff_in_diff(p, ["a", "b"], ["c", "d"], before=(2000, 2001), after=(2002, 2003))
    assert did == pytest.approx((7.5 - 2.5) - (5.5 - 3.5)) == 3.0
    # a placebo on the before years alone finds nothing: the trends were parallel
    assert policy.group_diff_in_diff(p, ["a", "b"], ["c", "d"], before=(2000, 2000), after=(2001, 2001)) == 0


def test_common_shocks_and_unit_levels_cancel_but_a_diverging_trend_does_not():
    rng = np.random.default_rng(0)
    years = 8
    base = {u: list(rng.normal(0, 1, years)) for u in "abcdef"}
    p = tiny_panel(base)
    args = (["a", "b", "c"], ["d", "e"], (2000, 2003), (2004, 2007))
    did = policy.group_diff_in_diff(p, *args)
    shock = rng.normal(0, 5, years)  # a shock common to every unit (say, the exchange rate)
    shifted = p.assign(outcome=p["outcome"] + shock[p["year"] - 2000] + p["unit"].map(dict(zip("abcdef", range(6)))))
    assert policy.group_diff_in_diff(shifted, *args) == pytest.approx(did, abs=1e-12)
    # treated units growing 0.1 a year faster: the estimate adds 0.1 x (mean after year - mean before year) = 0.4
    trend = p.assign(outcome=p["outcome"] + 0.1 * (p["year"] - 2000) * p["unit"].isin(["a", "b", "c"]))
    assert policy.group_diff_in_diff(trend, *args) == pytest.approx(did + 0.4, abs=1e-12)


def test_group_diff_in_diff_refuses_what_it_cannot_compare():
    p = tiny_panel({"a": [1, 2, 3, 4], "b": [1, 2, 3, 4], "c": [1, 2, 3, 4]})
    with pytest.raises(ValueError, match="in both groups: .b.") as err:
        policy.group_diff_in_diff(p, ["a", "b"], ["b", "c"], (2000, 2001), (2002, 2003))
    assert err.value.code == "models.policy.groups"
    with pytest.raises(ValueError, match="no unit in the table: .z."):
        policy.group_diff_in_diff(p, ["a"], ["z"], (2000, 2001), (2002, 2003))
    with pytest.raises(ValueError, match="before must end before after starts"):
        policy.group_diff_in_diff(p, ["a"], ["c"], (2000, 2002), (2002, 2003))
    with pytest.raises(ValueError, match="'c' has no outcome in 2003"):
        policy.group_diff_in_diff(
            p[~((p["unit"] == "c") & (p["year"] == 2003))], ["a"], ["c"], (2000, 2001), (2002, 2003)
        )
    with pytest.raises(ValueError, match="'a' has no outcome in 1999"):
        policy.group_diff_in_diff(p, ["a"], ["c"], (1999, 2001), (2002, 2003))
    with pytest.raises(ValueError, match=r"needs a column \['unit'\]"):
        policy.group_gaps(p.rename(columns={"unit": "partner"}), ["a"], ["c"])
