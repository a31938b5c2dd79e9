# narrative: run `make help` for the targets.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NLTK := $(VENV)/nltk_data/sentiment/vader_lexicon.zip

.DEFAULT_GOAL := help
.PHONY: help setup report test bench clean-reports

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
	$(BIN)/python -m narrative.nltkdata

setup: $(STAMP) $(NLTK) ## create .venv, install pinned requirements and the package, build offline NLTK data

report: setup ## run the notebook suite on the demo corpus into reports/<UTC time>/
	$(BIN)/narrative run --corpus data/raw/press-releases --out reports --keep 10

test: setup ## run the test suite
	$(BIN)/python -m pytest

clean-reports: ## delete every run under reports/
	rm -rf reports/*/ reports/latest reports/.tmp-*
