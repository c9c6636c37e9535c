# The two commands: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install setup run test lint format bench clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py charger_territoire
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# --preload: the engines are built and warmed up once, then the 2 workers fork.
# --threads 8: concurrent « Mes droits » requests of a worker meet in its micro-batcher
# (guichet.simulator.batcher) and share one vectorised simulation (bench/web_bench.py).
run: setup
	$(BIN)/gunicorn guichet_web.wsgi --preload --bind $(HOST):$(PORT) --workers 2 --threads 8 --timeout 60

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: setup lint
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var staticfiles
