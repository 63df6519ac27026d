# The book's commands. Two do all the set-up on a fresh machine with Python 3.11:
#   make book   create .venv, install everything, build both editions into _build/site/, with their PDFs
#   make test   install what the tests need (including Chromium), build, and run every test
#   (make check: the linter and the fast tests, under a minute)
# Others: make pdf (the printed edition alone: a PDF book and a PDF per chapter in each language),
# make data (rebuild data/ from the sources), make apparatus (the generated appendix pages and
# clusterlab/jupyter/links.json), make handouts (student and instructor notebooks),
# make notebooks (re-execute notebooks in place),
# make bench (figures beside their budgets; QUICK=1 for the short form), make serve, make lab, make clean.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
BOOK_STAMP := $(VENV)/.book-deps
TEST_STAMP := $(VENV)/.test-deps
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000

.PHONY: book pdf test check lint bench data apparatus handouts notebooks serve lab browser clean

$(PY):
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

LABEXT := jupyter-config/labextensions/clusterlab-questions
JUPYTER_CONFIG := jupyter-config/jupyter_server_config.d/clusterlab.json jupyter-config/lab/settings/overrides.d/clusterlab.json \
	$(LABEXT)/package.json $(LABEXT)/static/remoteEntry.js clusterlab/questions/form.js clusterlab/questions/form.css

$(BOOK_STAMP): requirements.txt requirements-book.txt pyproject.toml $(JUPYTER_CONFIG) | $(PY)
	$(PIP) install --quiet -r requirements.txt -r requirements-book.txt
	$(PIP) install --quiet --no-deps --force-reinstall -e .
	@# an editable install leaves out the package's data files: the reader's Jupyter configuration
	install -D -m 644 jupyter-config/jupyter_server_config.d/clusterlab.json $(VENV)/etc/jupyter/jupyter_server_config.d/clusterlab.json
	install -D -m 644 jupyter-config/lab/settings/overrides.d/clusterlab.json $(VENV)/share/jupyter/lab/settings/overrides.d/clusterlab.json
	install -D -m 644 $(LABEXT)/package.json $(VENV)/share/jupyter/labextensions/clusterlab-questions/package.json
	install -D -m 644 -t $(VENV)/share/jupyter/labextensions/clusterlab-questions/static $(LABEXT)/static/remoteEntry.js clusterlab/questions/form.js clusterlab/questions/form.css
	touch $@

$(TEST_STAMP): $(BOOK_STAMP) requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

book: $(BOOK_STAMP) browser
	$(PY) -m bookbuild.site
	CHROMIUM=$(CHROMIUM) $(PY) -m bookbuild.pdf

# The printed edition alone (the PDFs of both editions, from the website built by make book).
pdf: $(BOOK_STAMP) browser
	@[ -f _build/site/index.html ] || $(PY) -m bookbuild.site
	CHROMIUM=$(CHROMIUM) $(PY) -m bookbuild.pdf

# Debian's packages the book needs besides Python: Chromium, which prints the PDFs (bookbuild/pdf.py) and
# drives the browser, accessibility and JupyterLab tests (without it they fail), the fonts the PDFs embed,
# and poppler-utils, which the PDF tests read them with. Each is installed if the file it provides is missing.
DEBIAN_FILES := $(CHROMIUM):chromium \
	/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf:fonts-liberation \
	/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core \
	/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf:fonts-dejavu-extra \
	/usr/bin/pdftoppm:poppler-utils

browser:
	@missing=""; for pair in $(DEBIAN_FILES); do \
	  [ -e "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "Missing Debian packages and this user cannot install them: apt-get install$$missing" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@"$(CHROMIUM)" --version

# The tests run in TEST_WORKERS processes (pytest-xdist; auto: one per core, 0: this process only), each
# file's tests in one of them, in order (a notebook's cells run in one kernel).
TEST_WORKERS ?= auto

test: $(TEST_STAMP) browser lint
	$(PY) -m bookbuild.site
	CHROMIUM=$(CHROMIUM) $(PY) -m bookbuild.pdf
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile \
	  --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests chapters

# Ruff, configured in pyproject.toml: lint and format, clean.
lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The fast inner loop (under a minute): the linter, then the unit and property tests; no browser,
# no JupyterLab, no site build, no notebook. `make test` runs everything.
check: lint
	$(PY) -m pytest -q -n $(TEST_WORKERS) -m "not browser and not lab and not slow and not build and not notebooks" tests

# The benchmark (bench/README.md): prints every figure beside its budget, writes bench/results.json.
# QUICK=1: smaller workloads, checks that every figure is produced (make test runs it).
bench: $(TEST_STAMP) browser
	CHROMIUM=$(CHROMIUM) $(PY) -m bench $(if $(QUICK),--quick)

# Source datasets folder (as received, each with its SOURCE.md); without it data/ is left alone.
SOURCES ?= ../shared/datasets

data: $(BOOK_STAMP)
	$(PY) -m bookbuild.data --sources $(SOURCES)
	$(PY) -m bookbuild.apparatus

# The generated pages of the apparatus (data appendix, index of key terms), from data/datapackage.json,
# the glossary and the chapters, and what the notebooks' citations, terms and references read as in
# JupyterLab (clusterlab/jupyter/links.json, from the website's build); the tests fail when they are out of date.
apparatus: $(BOOK_STAMP)
	$(PY) -m bookbuild.apparatus
	$(PY) -m bookbuild.site
	$(PY) -m bookbuild.readerlinks

# Student (no solutions) and instructor notebooks of every chapter, and one zip per edition and audience,
# in _build/handouts/ (make book also puts the zips on the website, linked from the instructor's guide).
handouts: $(BOOK_STAMP)
	$(PY) -m bookbuild.handouts

notebooks: $(BOOK_STAMP)
	$(PY) -m bookbuild.execute

serve:
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/site

lab: $(BOOK_STAMP)
	$(VENV)/bin/jupyter lab chapters

clean:
	rm -rf _build build
