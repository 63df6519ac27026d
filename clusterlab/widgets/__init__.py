"""Live controls for JupyterLab and Binder: the kernel-side twins of the book's charts.

On the website, charts are interactive without Python (Vega-Lite parameters). In JupyterLab
these functions recompute with the package itself, so a reader can change what the browser
version cannot: any value, any data. Every control's description goes through
:func:`clusterlab.labels.label`.

The charts and tables an explorer draws are placed in its output area directly (not printed
by the cell), so a notebook stores the same outputs whichever tool runs it.
"""

from __future__ import annotations

from clusterlab.widgets.base import Explorer
from clusterlab.widgets.going_abroad import consortium_explorer, diffusion_explorer, markets_explorer
from clusterlab.widgets.measuring import lq_explorer, profile_explorer
from clusterlab.widgets.threats import lockin_explorer, policy_explorer
from clusterlab.widgets.why_cluster import diamond_explorer, neg_explorer, pooling_explorer

__all__ = [
    "Explorer",
    "consortium_explorer",
    "diamond_explorer",
    "diffusion_explorer",
    "lockin_explorer",
    "lq_explorer",
    "markets_explorer",
    "neg_explorer",
    "policy_explorer",
    "pooling_explorer",
    "profile_explorer",
]
