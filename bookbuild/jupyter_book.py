"""``jupyter-book`` as the site build runs it: ``python -m bookbuild.jupyter_book build …``.

The same command-line program, 1.7 s faster to start for each edition: jsonschema, which Jupyter
Book and myst-nb load, is loaded without the grammars of ``rfc3987_syntax`` (see
:mod:`clusterlab._startup`; measured by ``make bench``, bench/README.md).
"""

from clusterlab._startup import load_jsonschema

load_jsonschema()

from jupyter_book.cli.main import main  # noqa: E402

if __name__ == "__main__":
    main()
