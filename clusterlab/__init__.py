"""clusterlab: the companion package of the book « Clusters industriels et internationalisation
des PME » / "Industrial clusters and SME internationalisation".

Modules, one concept each:

* :mod:`clusterlab.labels`: every reader-visible word and number, in French or English;
* :mod:`clusterlab.charts`: the book's Altair charts (kernel-free interactivity on the website);
* :mod:`clusterlab.widgets`: their live twins for JupyterLab and Binder (ipywidgets);
* :mod:`clusterlab.models`: the didactic economic models, one module per model.
"""

from clusterlab._startup import load_jsonschema

load_jsonschema()  # before Altair: 1.7 s less at the first cell of every notebook (see _startup)

__version__ = "0.1.0"
