# The two commands of a fresh machine: `make run` and `make test`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# The index lives in ILO_QA_HOME (default ~/.local/share/ilo-qa), the same for `make run` and
# for `.venv/bin/ilo-qa`; the tests build their own in a temporary folder.

.PHONY: run test install build lint bench eval calibrate seed clean

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

# Through the web server: /api/ask and Gradio's /ask at 1 and 16 clients, beside the
# in-process answer time (not part of `make test`).
.PHONY: load soak audit
load: $(STAMP)
	$(BIN)/python -m tests.load

# 50 users for 10 minutes (SOAK_SECONDS=…): errors and the server's memory over time.
soak: $(STAMP)
	$(BIN)/python -m tests.soak

# Known advisories in the installed packages (pip-audit needs its advisory database online).
audit: $(STAMP)
	$(BIN)/python -m tests.audit

# Adding documents: parse time per page, ingest time per 100 units, the parser's peak memory,
# and retrieval on the added standards' gold questions (its section of evals/REPORT.md).
.PHONY: bench-ingest
bench-ingest: $(STAMP)
	$(BIN)/python -m tests.bench_ingest

eval: $(STAMP)
	$(BIN)/python -m evals.report

calibrate: $(STAMP)
	$(BIN)/python -m evals.calibrate

# The thresholds for checking a model's sentences against the units they cite.
# How well the configured chat model (ILO_QA_LLM_BASE_URL) judges answerability.
.PHONY: llm-check
llm-check: $(STAMP)
	$(BIN)/python -m evals.llm_check

.PHONY: calibrate-support
calibrate-support: $(STAMP)
	$(BIN)/python -m evals.support

# The default embedder's vectors of the shipped documents, shipped so a first build embeds
# nothing; rerun after changing the documents, their translation or the chunk headers.
seed: $(STAMP)
	$(BIN)/python -c "from corpus import load_corpus; from index import make_embedder, write_seed; print(write_seed(load_corpus(), make_embedder()), 'vectors written to index/seed/')"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: screenshots
screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots
