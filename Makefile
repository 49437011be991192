# Two commands for a fresh machine: `make run` (the service on the embedded default) and
# `make test` (the whole suite). Both create the virtualenv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test check bench docs client

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: setup
	$(BIN)/python -m app run

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The gates CI runs before the tests: lint and import order, then types (docs/development.md).
check: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# Needs PostgreSQL and Redis on 127.0.0.1 and wrk (apt-get install wrk); writes bench/RESULTS.md.
# BENCH_REDIS picks the Redis database the suites flush (default redis://127.0.0.1:6379/14).
bench: setup
	for suite in foundation identity catalog appointments prereview push ledger; do $(BIN)/python -m bench.$$suite || exit 1; done

# Rewrite the generated parts of the docs (the application lifecycle tables).
docs: setup
	$(BIN)/python -m services.applications.lifecycle

# Regenerate the TypeScript client's types from the OpenAPI document (docs/frontend-client.md).
client: setup
	$(BIN)/python -m app openapi --output build/openapi.json
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run -s generate
