"""Arthur's competing technologies and the Pólya urn (clusterlab.models.lockin)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.models import lockin


def test_barriers_follow_the_natural_preferences_and_the_returns():
    assert lockin.barriers(1.0, 0.8, 0.8, 1.0, r=0.01) == pytest.approx((-20.0, 20.0))
    assert lockin.barriers(1.0, 0.7, 0.9, 1.0, r=0.01, s=0.02) == pytest.approx((-30.0, 5.0))
    assert lockin.barriers(r=0.0) == (-math.inf, math.inf)


@settings(deadline=None, max_examples=30)
@given(st.integers(0, 10_000), st.sampled_from([0.005, 0.01, 0.02, 0.05]), st.floats(0.05, 0.5), st.floats(0.05, 0.5))
def test_once_a_barrier_is_crossed_every_later_agent_chooses_the_same(seed, r, gap_r, gap_s):
    path = lockin.arthur_path(800, a_R=1.0, b_R=1.0 - gap_r, a_S=1.0 - gap_s, b_S=1.0, r=r, seed=seed)
    lower, upper = lockin.barriers(1.0, 1.0 - gap_r, 1.0 - gap_s, 1.0, r=r)
    assert lower == pytest.approx(-gap_r / r) and upper == pytest.approx(gap_s / r)
    hit = lockin.lock_in(path)
    if hit is None:  # still between the barriers: R-agents chose A and S-agents B throughout
        assert ((path["difference"] >= lower) & (path["difference"] <= upper)).all()
        assert (path["choice"] == np.where(path["agent"] == "R", "A", "B")).all()
        return
    tech, at = hit
    after = path[path["adopter"] > at]
    assert (after["choice"] == tech).all()
    assert (after["locked"] == tech).all()
    before = path[path["adopter"] < at]
    assert ((before["difference"] >= lower) & (before["difference"] <= upper)).all()
    crossed = path.loc[path["adopter"] == at, "difference"].item()
    assert crossed > upper if tech == "A" else crossed < lower


@settings(deadline=None, max_examples=30)
@given(st.integers(0, 10_000), st.floats(0.001, 0.05), st.floats(0.01, 0.5), st.floats(0.01, 0.5))
def test_every_agent_takes_the_technology_that_pays_it_more(seed, r, gap_r, gap_s):
    a_R, b_R, a_S, b_S = 1.0, 1.0 - gap_r, 1.0 - gap_s, 1.0
    path = lockin.arthur_path(400, a_R=a_R, b_R=b_R, a_S=a_S, b_S=b_S, r=r, seed=seed)
    n_a = (path["n_A"] - (path["choice"] == "A")).to_numpy()  # adopters before this one
    n_b = (path["n_B"] - (path["choice"] == "B")).to_numpy()
    is_r = (path["agent"] == "R").to_numpy()
    gain_a = np.where(is_r, (a_R + r * n_a) - (b_R + r * n_b), (a_S + r * n_a) - (b_S + r * n_b))
    clear = np.abs(gain_a) > 1e-6  # payoff ties are left to the natural preference
    assert (path["choice"].to_numpy()[clear] == np.where(gain_a[clear] > 0, "A", "B")).all()


def test_with_increasing_returns_every_run_locks_in():
    results = [lockin.lock_in(lockin.arthur_path(3000, r=0.01, seed=seed)) for seed in range(100)]
    assert all(hit is not None for hit in results)
    techs = [t for t, _ in results]
    assert 25 <= techs.count("A") <= 75  # symmetric preferences: either technology can win
    # a random walk needs about barrier² steps to leave [-20, 20]
    assert 150 < np.median([at for _, at in results]) < 1000


def test_the_technology_with_the_nearer_barrier_wins_as_often_as_arthur_says():
    # R-agents like A by 0.3, S-agents like B by 0.1: A's barrier (S-agents switching) is nearer
    kwargs = dict(a_R=1.0, b_R=0.7, a_S=0.9, b_S=1.0, r=0.01)
    assert lockin.win_probability(**kwargs) == pytest.approx(0.75)
    lower, upper = lockin.barriers(**kwargs)
    wins = [lockin.lock_in(lockin.arthur_path(4000, seed=seed, **kwargs)) for seed in range(400)]
    share_a = np.mean([hit[0] == "A" for hit in wins])
    exact = (-lower + 1) / (-lower + 1 + upper + 1)  # whole-number walk: locks at upper + 1 or lower - 1
    assert abs(share_a - exact) < 4 * math.sqrt(exact * (1 - exact) / 400)
    assert abs(exact - lockin.win_probability(**kwargs)) < 0.02
    with pytest.raises(ValueError, match="constant returns"):
        lockin.win_probability(r=0.0)


def test_with_constant_returns_nothing_locks_in_and_each_technology_keeps_half():
    path = lockin.arthur_path(4000, r=0.0, seed=3)
    assert lockin.lock_in(path) is None
    assert (path["choice"] == np.where(path["agent"] == "R", "A", "B")).all()
    assert path["share_A"].iloc[-1] == pytest.approx(0.5, abs=0.03)


def test_runs_are_seeded():
    a = lockin.arthur_path(300, seed=7)
    assert a.equals(lockin.arthur_path(300, seed=7))
    assert not a.equals(lockin.arthur_path(300, seed=8))
    assert lockin.polya_path(100, seed=2).equals(lockin.polya_path(100, seed=2))


def test_the_urn_from_one_ball_of_each_colour_gives_a_uniform_number_of_red_draws():
    # exact finite-draw property: with (1, 1) the number of reds in n draws is uniform on 0..n
    n, runs = 9, 20_000
    shares = lockin.polya_shares(runs=runs, draws=n, seed=11)
    reds = np.rint(shares * (n + 2) - 1).astype(int)
    counts = np.bincount(reds, minlength=n + 1)
    expected = runs / (n + 1)
    chi2 = ((counts - expected) ** 2 / expected).sum()
    assert chi2 < 27.9  # 99.9th percentile of chi-square with 9 degrees of freedom


@pytest.mark.parametrize("red,blue", [(1, 1), (2, 1), (1, 3), (5, 5)])
def test_the_urn_share_settles_on_a_beta_distributed_limit(red, blue):
    mean, var = lockin.polya_limit(red, blue)
    assert mean == pytest.approx(red / (red + blue))
    shares = lockin.polya_shares(runs=4000, draws=1000, red=red, blue=blue, seed=5)
    se = math.sqrt(var / 4000)
    assert abs(shares.mean() - mean) < 4 * se
    # after 1000 draws the variance is within a percent or two of the limit's
    assert shares.var() == pytest.approx(var, rel=0.1)
    # and a single run barely moves late: the urn has settled
    path = lockin.polya_path(2000, red, blue, seed=1)
    assert abs(path["share_red"].iloc[-1] - path["share_red"].iloc[999]) < 0.05


def test_polya_path_and_shares_agree():
    path = lockin.polya_path(50, 2, 3, seed=4)
    assert path["share_red"].between(0, 1).all()
    reds = 2 + (path["colour"] == "red").cumsum()
    assert np.allclose(path["share_red"], reds / (5 + path["draw"]))


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"a_R": 0.8, "b_R": 1.0}, "R-agents must prefer A"),
        ({"a_S": 1.0, "b_S": 0.9}, "S-agents must prefer B"),
        ({"r": -0.01}, "Diminishing returns"),
        ({"r": float("nan")}, "finite"),
        ({"adopters": 0}, "adopters must be a whole number"),
        ({"r": "a lot"}, "r must be a number"),
    ],
)
def test_bad_inputs_say_what_to_fix(kwargs, match):
    with pytest.raises(ValueError, match=match):
        lockin.arthur_path(**kwargs)


def test_bad_urns_and_paths_say_what_to_fix():
    with pytest.raises(ValueError, match="red must be a whole number of 1"):
        lockin.polya_path(10, red=0)
    with pytest.raises(ValueError, match="draws must be"):
        lockin.polya_shares(draws=2.5)
    import pandas as pd

    with pytest.raises(ValueError, match="arthur_path"):
        lockin.lock_in(pd.DataFrame({"adopter": [1]}))
