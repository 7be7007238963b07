# Timeline: two commands for a newcomer — `make run` (service + demo data) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The local demo runs with DEBUG on and SQLite under var/ unless DATABASE_URL is set.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-True}

.PHONY: help install run serve migrate demo worker beat test test-fast test-e2e lint format \
        typecheck eval eval-pages eval-temporal eval-quotes eval-seed eval-events bench schema check-compose clean

help:  ## list targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed  ## create the venv and install everything (runtime + dev)

migrate: install  ## apply database migrations
	$(RUN_ENV) $(PY) manage.py migrate --noinput

demo: migrate  ## load the demo articles through the ingestion pipeline
	$(RUN_ENV) $(PY) manage.py timeline_demo

run: demo  ## set up, load demo data, print the URLs and serve on 127.0.0.1:8000
	@echo ""
	@echo "  Timeline page   http://$(HOST):$(PORT)/"
	@echo "  GraphiQL        http://$(HOST):$(PORT)/graphql/"
	@echo "  REST API        http://$(HOST):$(PORT)/api/v1/"
	@echo "  OpenAPI docs    http://$(HOST):$(PORT)/api/docs/"
	@echo "  Admin           http://$(HOST):$(PORT)/admin/"
	@echo "  Health          http://$(HOST):$(PORT)/healthz"
	@echo ""
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

worker: install  ## run a Celery worker (needs CELERY_BROKER_URL or REDIS_URL)
	$(BIN)/celery -A config worker --loglevel=INFO --concurrency=2

beat: install  ## run Celery beat (feed polling, stuck-article sweeper)
	$(BIN)/celery -A config beat --loglevel=INFO

test: install  ## run the test suite (SQLite by default; PostgreSQL when DATABASE_URL says so)
	$(BIN)/pytest

test-fast: install  ## unit tests only (no database, no services)
	$(BIN)/pytest tests/unit

test-e2e: install  ## end-to-end tests (Redis, PostgreSQL and real celery workers)
	$(BIN)/pytest tests/e2e

lint: install  ## ruff lint + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install  ## mypy --strict on the domain core (as CI runs it)
	DJANGO_DEBUG=True $(BIN)/mypy timeline/extract timeline/ingest timeline/services \
	  timeline/selectors timeline/models timeline/normalize.py timeline/dto.py timeline/exceptions.py

eval: install  ## extraction quality on the dev sets, with baselines (rewrites docs/quality.md)
	$(PY) -m timeline.extract.eval temporal
	$(PY) -m timeline.extract.eval quotes
	$(PY) -m timeline.extract.eval extract
	$(PY) -m timeline.extract.eval events
	$(PY) -m timeline.extract.eval pages

eval-pages: install  ## article text and dates from real web pages (ingestion parsing)
	$(PY) -m timeline.extract.eval pages

eval-temporal: install
	$(PY) -m timeline.extract.eval temporal

eval-quotes: install
	$(PY) -m timeline.extract.eval quotes

eval-seed: install
	$(PY) -m timeline.extract.eval extract

eval-events: install
	$(PY) -m timeline.extract.eval events

check-compose: install  ## validate docker/compose.yml against the Compose Specification
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker/compose.yml

clean:
	rm -rf var/ .pytest_cache .ruff_cache .mypy_cache
