"""How news of a foreign-market opportunity spreads through a cluster: local buzz and pipelines.

Bathelt, Malmberg and Maskell (2004) contrast the "local buzz" of a cluster, dense and easy
exchange between neighbours, with "pipelines", deliberate links to distant partners. This module
is a didactic model written for this book, in that spirit:

* the cluster is ``n_cliques`` groups of ``clique_size`` firms (a trade, a street, a family of
  suppliers): inside a group, every firm knows every other one;
* the groups sit on a ring; ``local_ties`` links join each group to the next one (firm to firm);
* ``pipelines`` links join firms of groups that are *not* neighbours on the ring: the long-range
  ties through which news can jump across the cluster;
* one firm of group 0 learns of the opportunity at period 0; each period, a firm that knows tells
  each of its contacts with probability ``p``.

With the per-contact chances drawn once for each link (a firm told through a link after a
geometric number of periods), the period at which each firm learns is a shortest path
(:func:`learning_times`). Two properties follow and are tested: with no local ties and no pipelines
the news never leaves group 0; adding links (pipelines or local ties) never makes any firm learn
later, for any seed, since the links already there keep their draws. Everything is seeded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from clusterlab import checks
from clusterlab.errors import InputError

if TYPE_CHECKING:  # networkx is imported when a graph is made (0.3 s): not at `import clusterlab`
    import networkx as nx


def _edge_list(n_cliques: int, clique_size: int, local_ties: int, pipelines: int, seed: int):
    """The cluster's links as an array of (firm, firm) with their kinds: what :func:`cluster_graph` builds."""
    n_cliques = checks.whole("n_cliques", n_cliques, 2)
    clique_size = checks.whole("clique_size", clique_size, 1)
    local_ties = checks.whole("local_ties", local_ties, 0)
    pipelines = checks.whole("pipelines", pipelines, 0)
    if local_ties > clique_size**2:
        raise InputError("models.diffusion.local_ties", most=clique_size**2, size=clique_size, value=local_ties)
    far_pairs = [
        (a, b)
        for a in range(n_cliques)
        for b in range(a + 1, n_cliques)
        if (b - a) % n_cliques not in (1, n_cliques - 1)
    ]
    if pipelines and not far_pairs:
        raise InputError("models.diffusion.no_pipeline", n_cliques=n_cliques)
    most = len(far_pairs) * clique_size**2
    if pipelines > most:
        raise InputError("models.diffusion.pipelines", most=most, value=pipelines)
    rng = np.random.default_rng(seed)
    size = clique_size
    inside = np.array([(i, j) for i in range(size) for j in range(i + 1, size)], dtype=np.int64).reshape(-1, 2)
    parts = [inside + c * size for c in range(n_cliques)]
    kinds = ["buzz"] * (len(inside) * n_cliques)
    across = np.array([(i, j) for i in range(size) for j in range(size)], dtype=np.int64)
    ring = [(c, (c + 1) % n_cliques) for c in range(n_cliques)] if n_cliques > 2 else [(0, 1)]
    for a, b in ring:
        chosen = across[rng.permutation(len(across))[:local_ties]]
        parts.append(np.column_stack([chosen[:, 0] + a * size, chosen[:, 1] + b * size]))
        kinds += ["local"] * len(chosen)
    if far_pairs:
        candidates = np.concatenate(
            [np.column_stack([across[:, 0] + a * size, across[:, 1] + b * size]) for a, b in far_pairs]
        )
        parts.append(candidates[rng.permutation(len(candidates))[:pipelines]])
        kinds += ["pipeline"] * min(pipelines, len(candidates))
    return np.concatenate(parts).reshape(-1, 2), kinds, n_cliques * size


def cluster_graph(
    n_cliques: int = 8, clique_size: int = 6, local_ties: int = 1, pipelines: int = 2, seed: int = 2004
) -> nx.Graph:
    """The cluster: complete groups on a ring, ``local_ties`` links between neighbouring groups and
    ``pipelines`` links between groups that are not neighbours, chosen at random (seeded).

    A graph with more ties contains the graph with fewer (same seed): ties are taken in a fixed
    random order. Firms are numbered 0, 1, …; node attribute ``clique``; edge attribute ``kind``
    (``"buzz"`` inside a group, ``"local"``, ``"pipeline"``).
    """
    import networkx as nx

    edges, kinds, n = _edge_list(n_cliques, clique_size, local_ties, pipelines, seed)
    g = nx.Graph()
    g.add_nodes_from((v, {"clique": v // int(clique_size)}) for v in range(n))
    g.add_edges_from((int(u), int(v), {"kind": k}) for (u, v), k in zip(edges, kinds))
    return g


def _times(n: int, edges: np.ndarray, p: float, seed: int, source: int = 0) -> np.ndarray:
    """Learning period of each of ``n`` firms: shortest paths from ``source`` over the links, each with a
    geometric delay drawn from the seed and its two ends (relaxed until nothing changes)."""
    a, b = np.minimum(edges[:, 0], edges[:, 1]), np.maximum(edges[:, 0], edges[:, 1])
    u = _uniform(seed, a, b)
    delay = np.ones(len(a)) if p == 1 else np.ceil(np.log(u) / math.log(1 - p))  # geometric: 1, 2, …
    times = np.full(n, np.inf)
    times[source] = 0.0
    while True:
        before = times.copy()
        np.minimum.at(times, b, times[a] + delay)
        np.minimum.at(times, a, times[b] + delay)
        if np.array_equal(before, times):
            return times


_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def _uniform(seed: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A uniform number in (0, 1) for each link (a, b), a function of the seed and the link alone
    (SplitMix64 of the three), so that adding links leaves the draws of the others unchanged."""
    with np.errstate(over="ignore"):
        x = (
            (np.uint64(seed & 0xFFFFFFFF) << np.uint64(40))
            ^ (a.astype(np.uint64) << np.uint64(20))
            ^ b.astype(np.uint64)
        )
        for _ in range(2):
            x = (x + np.uint64(0x9E3779B97F4A7C15)) & _MASK
            z = x
            z = ((z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)) & _MASK
            z = ((z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)) & _MASK
            x = z ^ (z >> np.uint64(31))
    return ((x >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)


def learning_times(graph: nx.Graph, p: float = 0.3, seed: int = 0, source: int = 0) -> dict[int, float]:
    """The period at which each firm learns (``math.inf`` if never): firm ``source`` at 0, and through
    each link after a geometric number of periods with success probability ``p``, drawn once per link
    from ``seed`` and the link's two ends (so other links do not change it). Firms are numbered 0 … n − 1."""
    p = checks.probability("p", p, "diffusion.p_meaning")
    edges = np.array(list(graph.edges), dtype=np.int64).reshape(-1, 2)
    times = _times(graph.number_of_nodes(), edges, p, seed, source)
    return {int(v): float(times[v]) for v in graph.nodes}


def adoption(graph: nx.Graph, p: float = 0.3, seed: int = 0, periods: int = 40) -> pd.DataFrame:
    """Share of the cluster's firms that know, at each period 0 … ``periods`` (one run)."""
    times = np.array(list(learning_times(graph, p, seed).values()))
    return _curve(times, periods)


def _curve(times: np.ndarray, periods: int) -> pd.DataFrame:
    steps = np.arange(periods + 1)
    return pd.DataFrame({"period": steps, "share": (times[None, :] <= steps[:, None]).mean(axis=1)})


def summary(
    n_cliques: int = 8,
    clique_size: int = 6,
    local_ties: int = 1,
    pipelines: int = 2,
    p: float = 0.3,
    runs: int = 100,
    periods: int = 40,
    seed: int = 2004,
) -> pd.DataFrame:
    """Mean share of firms that know at each period, over ``runs`` runs; run k draws its graph (which
    firms the ties join) and its diffusion with seed ``seed + k``, so the mean is over both."""
    runs = checks.whole("runs", runs, 1)
    p = checks.probability("p", p, "diffusion.p_meaning")
    shares = []
    for k in range(runs):
        edges, _, n = _edge_list(n_cliques, clique_size, local_ties, pipelines, seed + k)
        shares.append(_curve(_times(n, edges, p, seed + k), periods)["share"].to_numpy())
    shares = np.mean(shares, axis=0)
    return pd.DataFrame({"period": np.arange(periods + 1), "share": shares})


def time_to(curve: pd.DataFrame, share: float = 0.5) -> int | None:
    """The first period at which ``curve`` (from :func:`adoption` or :func:`summary`) reaches ``share``;
    ``None`` if it never does within its periods."""
    hit = curve.loc[curve["share"] >= share - 1e-12, "period"]
    return int(hit.iloc[0]) if len(hit) else None


def diffusion_data(
    pipelines: Sequence[int] = (0, 1, 2, 4, 6, 8),
    local_ties: Sequence[int] = (0, 1, 2, 3),
    runs: int = 40,
    periods: int = 30,
    **kwargs,
) -> pd.DataFrame:
    """What :func:`~clusterlab.charts.diffusion_chart` draws: the mean share of firms that know, period by period,
    for each number of pipelines and of local ties (:func:`summary`, seeded)."""

    frames = []
    for pipes in pipelines:
        for ties in local_ties:
            curve = summary(pipelines=int(pipes), local_ties=int(ties), runs=runs, periods=periods, **kwargs)
            curve["pipelines"], curve["local_ties"] = int(pipes), int(ties)
            frames.append(curve)
    out = pd.concat(frames, ignore_index=True)
    out["share"] = out["share"].round(4)
    return out[["pipelines", "local_ties", "period", "share"]]
