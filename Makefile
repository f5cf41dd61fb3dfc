# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    creates .venv, installs, migrates and starts the bot (BOT_TOKEN from .env)
#   make test   creates .venv, installs, lints, type-checks and runs the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test migrate lint typecheck pytest bench emulator sandbox stack faults soak clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Organizer needs Python 3.11 or newer (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/organizer run

migrate: $(STAMP)
	$(BIN)/organizer migrate

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# Two workers (the suite is mostly waiting on databases and the emulator); PYTEST_WORKERS=0
# runs it in one process.
PYTEST_WORKERS ?= 2
pytest: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

test: lint typecheck pytest

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do PYTHONPATH=. $(BIN)/python $$script || exit 1; done

emulator: $(STAMP)
	$(BIN)/python -m emulator --port 8081

# The bot with an in-process emulator and a browser chat client (see README "Sandbox").
sandbox: $(STAMP)
	$(BIN)/organizer sandbox $(SANDBOX_ARGS)

# The production topology as loopback processes (local PostgreSQL and Redis); see README "Production".
stack: $(STAMP)
	$(BIN)/python -m stack.run $(STACK_ARGS)

# Fault scripts against the same topology (see README "Production"); faults restarts PostgreSQL.
faults: $(STAMP)
	$(BIN)/python -m faults.run --allow-pg-restart $(FAULTS_ARGS)

soak: $(STAMP)
	$(BIN)/python -m faults.soak $(SOAK_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-results
