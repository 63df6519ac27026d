"""The book's benchmark (``make bench``): what readers and instructors wait for, beside its budget.

    python -m bench                 # every section; prints one table, writes bench/results.json
    python -m bench --quick         # the same figures on smaller workloads (checks the benchmark runs)
    python -m bench --only pages    # some sections only

Sections: ``build`` (site build cold, warm, floor), ``notebooks`` (each notebook in a fresh kernel),
``pages`` (bytes and chart time of every page in headless Chromium), ``phone`` (each chart page on a
throttled phone profile, from a server that compresses and caches as static hosts do), ``callbacks`` (the Python work
behind each ipywidgets control), ``scale`` (reading and measuring 10 thousand to 1 million rows),
``environment`` (installed size of the reader's environment). Method and budgets: bench/README.md.
"""
