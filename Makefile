# The README's two commands: `make run` (the product with demo data) and `make test`
# (everything CI checks). Both set up what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true
HOST_PORT ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install setup run test lint format migrations-check pytest bench profile soak lock clean

help:
	@echo "make run    set up (venv, database, demo data), serve on http://$(HOST_PORT) with the worker"
	@echo "make setup  everything 'make run' does except serving"
	@echo "make test   lint, migration check and all tests (PostgreSQL and Chromium)"
	@echo "make bench  page timings against the floor page, small and large database"
	@echo "            (make bench PAGES=\"a b\": only those pages, no PDFs, to try a change)"
	@echo "make profile PAGES=\"a b\"  where the server time of these bench pages goes"
	@echo "make soak   50 people on gunicorn and PostgreSQL, calmly and through a database restart"
	@echo "make lock   recompute requirements*.txt from pyproject.toml and requirements-pip.in"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "LISO needs Python 3.12 or newer, but '$(PYTHON)' is: $$($(PYTHON) --version 2>&1)."; \
	  echo "Install Python 3.12 (for example: pyenv install 3.12) or run: make PYTHON=/path/to/python3.12 ..."; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)

# The pip that a Python release bundles rots: pip 23.2.1 (Python 3.12.0 and 3.12.1) refuses
# a lock that a newer pip reads fine. So the first thing installed is a pinned, hash-checked
# pip (requirements-pip.txt), and only that pip installs the locks.
PIP_INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes

$(VENV)/.installed-pip: requirements-pip.txt | $(BIN)/python
	$(PIP_INSTALL) --no-deps -r requirements-pip.txt
	touch $@

$(VENV)/.installed-runtime: requirements.txt $(VENV)/.installed-pip
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed-pip
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

# Both locks into $(VENV), nothing else: the install check in the test suite runs this with
# a fresh VENV and the oldest supported Python (tests/test_install.py).
install: $(VENV)/.installed-runtime $(VENV)/.installed-dev

setup: $(VENV)/.installed-runtime
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_catalogue
	$(DEV_ENV) $(BIN)/python manage.py load_demo

# The worker (mail, the daily mail) runs beside the web server and stops with it.
run: setup
	$(DEV_ENV) $(BIN)/python manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST_PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed-dev
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

# Two workers by default (these machines have two cores); each starts its own PostgreSQL
# and Chromium, and builds a module's shared test world for the tests it gets.
TEST_WORKERS ?= 2

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest -n $(TEST_WORKERS)

test: lint migrations-check pytest

bench: $(VENV)/.installed-dev
	BENCH_PAGES="$(PAGES)" $(BIN)/python -m tests.bench

# Where the time of some pages goes: make profile PAGES="session_detail draaiboek"
profile: $(VENV)/.installed-dev
	$(BIN)/python -m tests.bench --profile $(PAGES)

# The load and fault runs (tests/soak, about three minutes, all on 127.0.0.1), then the tests
# marked `soak` (the stored-script corpus in Chromium, two or three minutes). .ci/run runs it
# after `make test`. Fails on a lost or duplicated write, when the app does not recover, or
# when a stored script runs.
soak: $(VENV)/.installed-dev
	$(BIN)/python -m tests.soak
	$(BIN)/pytest -m soak -p no:xdist tests

# Locks name no package index or local folder of the machine that made them.
PIP_COMPILE = $(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
	--no-emit-index-url --no-emit-find-links

lock: $(VENV)/.installed-dev
	$(PIP_COMPILE) -o requirements-pip.txt requirements-pip.in
	$(PIP_COMPILE) -o requirements.txt pyproject.toml
	$(PIP_COMPILE) --extra dev -o requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
