# The two commands of a fresh machine: `make run` and `make test`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export ILO_QA_HOME ?= $(CURDIR)/.ilo-qa-home

.PHONY: run test install build lint bench eval calibrate clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,st]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/ilo-qa serve

build: $(STAMP)
	$(BIN)/ilo-qa build

test: $(STAMP)
	$(BIN)/ruff check corpus index assistant ui evals tests
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check corpus index assistant ui evals tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_ui

eval: $(STAMP)
	$(BIN)/python -m evals.report

calibrate: $(STAMP)
	$(BIN)/python -m evals.calibrate

clean:
	rm -rf $(VENV) .ilo-qa-home .pytest_cache .mypy_cache .ruff_cache

.PHONY: screenshots
screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots
