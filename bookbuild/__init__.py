"""How the book is made: the build glue around Jupyter Book 1.

* :mod:`bookbuild.site` builds both editions and the bilingual landing page into ``_build/site``;
* :mod:`bookbuild.editions` derives the English edition's configuration and toc from the root
  ``_config.yml`` and ``_toc.yml`` (which build the French edition);
* :mod:`bookbuild.sphinx_ext` is the Sphinx extension both editions load: language switcher,
  the site's own copy of Vega, and the check that it carries the Vega-Lite version Altair asks for;
* :mod:`bookbuild.mime` renders notebook outputs on the website (Vega-Lite charts, widget notes);
* :mod:`bookbuild.execute` re-executes the notebooks in place (``make notebooks``).
"""
