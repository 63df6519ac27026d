"""A faster first cell: load jsonschema without the grammars of ``rfc3987_syntax``.

Altair validates charts with jsonschema, and jsonschema imports the optional package
``rfc3987_syntax`` when it is installed (JupyterLab's dependencies install it). That package
compiles some forty grammars at import, 1.7 s on the book's reference machine, about 40 % of
"Run All" of a chapter (bench/README.md), only to check the JSON-schema formats ``iri`` and
``iri-reference``, which no Vega-Lite schema uses (python-jsonschema/jsonschema issue 1428).

:func:`load_jsonschema` imports jsonschema with that package hidden, then makes it importable
again: the only difference in the kernel is that jsonschema's format checker does not know the
two IRI formats. If jsonschema is already loaded, nothing is done.
"""

from __future__ import annotations

import sys

SLOW_OPTIONAL = "rfc3987_syntax"


def load_jsonschema() -> None:
    if "jsonschema" in sys.modules or SLOW_OPTIONAL in sys.modules:
        return
    sys.modules[SLOW_OPTIONAL] = None  # an import of it now raises ImportError: jsonschema skips it
    try:
        import jsonschema  # noqa: F401
    except ImportError:  # jsonschema absent: Altair will say so itself
        pass
    finally:
        if sys.modules.get(SLOW_OPTIONAL, False) is None:
            del sys.modules[SLOW_OPTIONAL]
