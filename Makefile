# Two commands on a fresh machine (README "Quick start"):
#   make run    set up .venv and brief seeds/ into out/
#   make check  set up .venv and run every check: tests, lint, format, types
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run check test lint types setup clean browser smoke

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

# Headless Chromium for the email screenshot check (tests/test_mail_browser.py). Installed from
# Debian's package when we are root with apt; anywhere else the check is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 || \
	    { timeout 300 apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; }; }; } || \
	echo "browser: chromium could not be installed; the email screenshot check will be skipped"

# The wheel as a user installs it, in a fresh venv outside the tree: every method, build, --version.
smoke: $(STAMP)
	tests/smoke_wheel.sh $(BIN)/python

check: lint types browser test smoke

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
