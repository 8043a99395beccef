# Two commands on a fresh machine (README "Quick start"):
#   make run    set up .venv and brief seeds/ into out/
#   make check  set up .venv and run every check: tests, lint, format, types
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run check test lint types setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

run: $(STAMP)
	$(BIN)/brief build

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

# NLTK_DATA points at an empty folder: brief must never need downloaded NLTK data.
test: $(STAMP)
	NLTK_DATA=$$(mktemp -d) $(BIN)/pytest -q

check: lint types test

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
