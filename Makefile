# narrative: run `make help` for the targets.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NLTK := $(VENV)/nltk_data/sentiment/vader_lexicon.zip

.DEFAULT_GOAL := help
.PHONY: help setup browser report test clean-reports lab

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PY) >/dev/null || { echo "narrative needs $(PY) on PATH (or run: make PY=python3 ...)"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(NLTK): $(STAMP)
	$(BIN)/python -m narrative.infra.nltkdata

setup: $(STAMP) $(NLTK) ## create .venv, install pinned requirements and the package, build offline NLTK data

browser: ## install Debian's Chromium for the report's browser test (needs root; the test skips without it)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "could not install chromium: the browser test will be skipped"; \
	  else echo "chromium not installed and not root: the browser test will be skipped"; fi; }

report: setup ## run the notebook suite on the demo corpus into reports/<UTC time>/
	$(BIN)/narrative run --corpus data/raw/press-releases --out reports --keep 10

test: setup browser ## run the test suite
	$(BIN)/python -m pytest

LAB := $(BIN)/jupyter-lab

$(LAB): $(STAMP)
	$(BIN)/python -m pip install --quiet "jupyterlab>=4,<5"

lab: setup $(LAB) ## open the notebooks in JupyterLab (installs jupyterlab into .venv on first use)
	$(LAB) --notebook-dir=. notebooks/01_claims.ipynb

clean-reports: ## delete every run under reports/
	rm -rf reports/*/ reports/latest reports/.tmp-*
