# Integration Portal — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
LANGUAGE_CODES = $(shell $(BIN)/python -c "from locales.languages import INTERFACE_LANGUAGES; print(*(l.code for l in INTERFACE_LANGUAGES))")

.PHONY: run test serve install migrate demo lint format messages clean

# No pip in the venv (ensurepip costs more than the whole install with uv).
$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

# uv installs the lock from its cache in seconds; the system's pip fetches uv. Where that fails,
# the venv's own pip installs the lock (ten times slower). Neither compiles bytecode up front:
# Python compiles what it imports when it first does.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	if $(PYTHON) -m pip --python $(BIN)/python install --quiet uv; then \
	  $(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock; \
	else \
	  $(BIN)/python -m ensurepip --default-pip && \
	  $(BIN)/python -m pip install --quiet --no-compile -r requirements.lock; \
	fi
	touch $@

install: $(VENV)/.installed
	$(MANAGE) compile_catalogues

## make run: set up everything and serve the demo site on http://127.0.0.1:8000 (SQLite),
## with the task worker (mail, machine translation, calendar downloads) beside it
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) task_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

# The Nu HTML checker for the browser tests (skipped, with a hint, where npm is missing).
node_modules/.package-lock.json: package-lock.json
	command -v npm >/dev/null && npm ci --ignore-scripts --no-audit --no-fund --silent || true

## make test: lint, checks and the whole test suite (DATABASE_URL selects PostgreSQL)
## (prints the 15 slowest tests and the time taken; `make test PYTEST_ARGS=--create-db` rebuilds
## the test databases that --reuse-db keeps, e.g. after a migration was renamed)
test: install node_modules/.package-lock.json
	@started=$$(date +%s); set -ex; \
	$(BIN)/ruff check .; \
	$(BIN)/ruff format --check .; \
	$(BIN)/python manage.py check; \
	$(BIN)/python manage.py makemigrations --check --dry-run; \
	$(BIN)/pytest -n 2 --dist loadfile --durations=15 $(PYTEST_ARGS); \
	set +x; echo "make test: $$(( $$(date +%s) - started )) s"

## make serve: production server and task worker (needs SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS …)
serve: export DJANGO_SETTINGS_MODULE = portal.settings.production
serve: install
	$(MANAGE) collectstatic --noinput
	$(MANAGE) migrate --noinput
	$(MANAGE) task_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn portal.wsgi --bind 0.0.0.0:8000 --workers 3

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make messages: collect interface strings into the .po catalogues (needs GNU gettext)
messages: install
	$(MANAGE) makemessages $(foreach code,$(LANGUAGE_CODES),-l $(code)) --no-obsolete --ignore=.venv --ignore=static --ignore=tests --ignore=node_modules

clean:
	rm -rf $(VENV) static db.sqlite3
