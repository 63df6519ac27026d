"""Diffusion of a foreign-market opportunity through a cluster (clusterlab.models.diffusion)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.models import diffusion


def test_the_graph_is_cliques_in_a_ring_plus_the_ties_asked_for():
    g = diffusion.cluster_graph(n_cliques=5, clique_size=4, local_ties=2, pipelines=3, seed=1)
    assert g.number_of_nodes() == 20
    within = sum(1 for u, v in g.edges if g.nodes[u]["clique"] == g.nodes[v]["clique"])
    assert within == 5 * (4 * 3 // 2)  # every clique complete
    kinds = [d["kind"] for _, _, d in g.edges(data=True)]
    assert kinds.count("local") == 5 * 2 and kinds.count("pipeline") == 3
    for u, v, d in g.edges(data=True):
        gap = abs(g.nodes[u]["clique"] - g.nodes[v]["clique"]) % 5
        if d["kind"] == "local":
            assert gap in (1, 4)  # neighbouring cliques on the ring
        if d["kind"] == "pipeline":
            assert gap in (2, 3)  # cliques that are not neighbours


def test_without_local_ties_or_pipelines_the_news_never_leaves_its_clique():
    g = diffusion.cluster_graph(n_cliques=4, clique_size=6, local_ties=0, pipelines=0)
    times = diffusion.learning_times(g, p=0.9, seed=3)
    informed = [n for n, t in times.items() if math.isfinite(t)]
    assert sorted(informed) == list(range(6)) and g.nodes[0]["clique"] == 0
    curve = diffusion.adoption(g, p=0.9, seed=3, periods=30)
    assert curve["share"].max() == pytest.approx(6 / 24)
    assert diffusion.time_to(curve, 0.5) is None


@settings(deadline=None, max_examples=25)
@given(st.integers(0, 10_000), st.integers(0, 5), st.integers(0, 2))
def test_adding_pipelines_or_local_ties_never_slows_anyone_for_any_seed(seed, pipes, ties):
    base = diffusion.cluster_graph(n_cliques=6, clique_size=5, local_ties=ties, pipelines=pipes, seed=11)
    more_pipes = diffusion.cluster_graph(n_cliques=6, clique_size=5, local_ties=ties, pipelines=pipes + 2, seed=11)
    more_ties = diffusion.cluster_graph(n_cliques=6, clique_size=5, local_ties=ties + 1, pipelines=pipes, seed=11)
    assert set(base.edges) <= set(more_pipes.edges) and set(base.edges) <= set(more_ties.edges)
    t0 = diffusion.learning_times(base, p=0.3, seed=seed)
    for richer in (more_pipes, more_ties):
        t1 = diffusion.learning_times(richer, p=0.3, seed=seed)
        assert all(t1[n] <= t0[n] for n in base.nodes)


def test_pipelines_cut_the_time_until_most_firms_know_on_average():
    slow = diffusion.summary(n_cliques=8, clique_size=6, local_ties=1, pipelines=0, runs=60, periods=60)
    fast = diffusion.summary(n_cliques=8, clique_size=6, local_ties=1, pipelines=6, runs=60, periods=60)
    assert fast["share"].iloc[-1] == pytest.approx(1.0) and slow["share"].iloc[-1] == pytest.approx(1.0)
    assert diffusion.time_to(fast, 0.5) < diffusion.time_to(slow, 0.5)
    assert (fast["share"].to_numpy() >= slow["share"].to_numpy() - 1e-12).all()


def test_runs_are_seeded_and_reproducible():
    a = diffusion.summary(runs=20, seed=5)
    b = diffusion.summary(runs=20, seed=5)
    assert a.equals(b)
    assert not a.equals(diffusion.summary(runs=20, seed=6))
    assert (np.diff(a["share"]) >= -1e-12).all() and a["share"].iloc[0] == pytest.approx(1 / 48)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_cliques": 1}, "n_cliques.*2 or more"),
        ({"clique_size": 0}, "clique_size.*1 or more"),
        ({"local_ties": -1}, "local_ties.*0 or more"),
        ({"n_cliques": 3, "pipelines": 1}, "no pipeline.*3 cliques.*4 or more"),
        ({"n_cliques": 4, "clique_size": 2, "pipelines": 9}, "pipelines.*at most 8"),
        ({"n_cliques": 4, "clique_size": 2, "local_ties": 5}, "local_ties.*at most 4"),
    ],
)
def test_impossible_graphs_are_refused_with_what_to_fix(kwargs, message):
    with pytest.raises(ValueError, match=message):
        diffusion.cluster_graph(**kwargs)


def test_bad_probabilities_are_refused():
    g = diffusion.cluster_graph()
    for p in (0, 1.5, float("nan")):
        with pytest.raises(ValueError, match="p must be"):
            diffusion.learning_times(g, p=p, seed=1)
