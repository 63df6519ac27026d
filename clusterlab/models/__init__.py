"""Didactic economic models used in the book's chapters, one module per model.

* :mod:`~clusterlab.models.agglomeration`: agglomeration elasticities, doublings, selection against agglomeration;
* :mod:`~clusterlab.models.consortium`: sharing the fixed cost of exporting (export consortia);
* :mod:`~clusterlab.models.labour_pooling`: Marshall's labour-market pooling, simulated;
* :mod:`~clusterlab.models.diamond`: Porter's diamond as a scorecard compared with a published account;
* :mod:`~clusterlab.models.core_periphery`: Krugman's core–periphery model;
* :mod:`~clusterlab.models.footloose`: the footloose-entrepreneur model (Forslid and Ottaviano);
* :mod:`~clusterlab.models.psychic_distance`: a psychic-distance index from GeoDist, and first export markets;
* :mod:`~clusterlab.models.gravity`: a gravity model of exports (OLS and PPML) on the book's data, set against that index;
* :mod:`~clusterlab.models.diffusion`: news of a foreign opportunity spreading through local buzz and pipelines;
* :mod:`~clusterlab.models.lockin`: path dependence, Arthur's competing technologies and the Pólya urn;
* :mod:`~clusterlab.models.gvc`: value chain governance from three variables (Gereffi, Humphrey and Sturgeon);
* :mod:`~clusterlab.models.policy`: a synthetic panel to evaluate a cluster policy, naive and difference in differences;
* :mod:`~clusterlab.models.melitz`: heterogeneous firms, which of them export and their share of sales (Melitz, Pareto case).
"""

from clusterlab.models import (
    agglomeration,
    consortium,
    core_periphery,
    diamond,
    diffusion,
    footloose,
    gravity,
    gvc,
    labour_pooling,
    lockin,
    melitz,
    policy,
    psychic_distance,
)

__all__ = [
    "agglomeration",
    "consortium",
    "core_periphery",
    "diamond",
    "diffusion",
    "footloose",
    "gravity",
    "gvc",
    "labour_pooling",
    "lockin",
    "melitz",
    "policy",
    "psychic_distance",
]
