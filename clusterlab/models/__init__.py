"""Didactic economic models used in the book's chapters, one module per model.

* :mod:`~clusterlab.models.consortium`: sharing the fixed cost of exporting (export consortia);
* :mod:`~clusterlab.models.labour_pooling`: Marshall's labour-market pooling, simulated;
* :mod:`~clusterlab.models.diamond`: Porter's diamond as a scorecard compared with a published account;
* :mod:`~clusterlab.models.core_periphery`: Krugman's core–periphery model;
* :mod:`~clusterlab.models.footloose`: the footloose-entrepreneur model (Forslid and Ottaviano).
"""

from clusterlab.models import consortium, core_periphery, diamond, footloose, labour_pooling

__all__ = ["consortium", "core_periphery", "diamond", "footloose", "labour_pooling"]
