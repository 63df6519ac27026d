"""``jupyter-book`` as the site build runs it: ``python -m bookbuild.jupyter_book build …``.

The same command-line program, with the book's MIME renderers (``bookbuild/plugins``), 1.7 s faster to start for each edition: jsonschema, which Jupyter
Book and myst-nb load, is loaded without the grammars of ``rfc3987_syntax`` (see
:mod:`clusterlab._startup`; measured by ``make bench``, bench/README.md).
"""

import sys
from pathlib import Path

from clusterlab._startup import load_jsonschema

# the build's myst-nb renderers, declared in a metadata folder that only this process sees (plugins/README.md)
sys.path.append(str(Path(__file__).with_name("plugins")))
load_jsonschema()

from jupyter_book.cli.main import main  # noqa: E402

if __name__ == "__main__":
    main()
