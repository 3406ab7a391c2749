# Protokol: `make run` serves the demo on http://127.0.0.1:8000/, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

.PHONY: install run test lint bench bench-pdf bench-import clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: export DJANGO_DEBUG ?= 1
run: install
	@command -v pdftotext >/dev/null || echo "Bemærk: pdftotext (Debian-pakken poppler-utils) mangler, så import af PDF-referater afvises. .ci/run installerer den."
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py load_demo
	@# Versions locked before the hash chain are sealed; signed protocols never locked are queued.
	$(BIN)/python manage.py seal_protocols
	@# The task worker (signed protocol PDFs) runs beside the server and stops with it; at its
	@# start and every 5 minutes it queues the lock again for signed protocols not yet locked.
	$(BIN)/python manage.py worker --no-startup-delay & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST)

# Two or more workers (pytest-xdist), tests in random order (pytest-randomly; the seed is
# printed, and -p randomly -p "randomly" --randomly-seed=N repeats an order).
PYTEST_ARGS ?= -n auto --dist worksteal
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Pages at 1k, 100k and 1M items against a hello-world view, PDF time and memory, RSS growth
# (scripts/bench.py; data is generated once into bench/ and reused). Not part of make test.
bench: install
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_import.py

# Time and peak memory of rendering protocol PDFs with 20 and 100 items (not a timed test).
bench-pdf: install
	$(BIN)/python scripts/bench_pdf.py

bench-import: install
	$(BIN)/python scripts/bench_import.py

clean:
	rm -rf $(VENV) db.sqlite3 media .pytest_cache
