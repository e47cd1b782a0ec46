# The two commands of a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test unit dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## Build the sample archive into outputs/ (creates .venv and installs first).
run: $(VENV)/.installed
	$(BIN)/hansard-data build

## The whole test suite (same set-up first): both lanes, and the definitions checked by `dg`.
test: $(VENV)/.installed
	./scripts/install-browser.sh
	$(BIN)/dg check defs
	$(BIN)/pytest

## The fast lane: unit tests on functions and real snippets (no end-to-end builds).
unit: $(VENV)/.installed
	$(BIN)/pytest -m "not e2e"

## The Dagster UI on http://127.0.0.1:3000, with the sensor and schedules running; Ctrl-C stops it (within 10 s).
dev: $(VENV)/.installed
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home HANSARD_ARCHIVE_DIR=$${HANSARD_ARCHIVE_DIR:-$(CURDIR)/data/sample-archive} \
	  HANSARD_OUT_DIR=$${HANSARD_OUT_DIR:-$(CURDIR)/outputs} ./scripts/dev.sh $(BIN)/dagster dev -w workspace.yaml

## Remove the virtualenv and every release in outputs/ (the links at its top, then what they led to).
clean:
	find outputs -mindepth 1 -maxdepth 1 -type l -delete
	rm -rf $(VENV) outputs/.site outputs/.sites outputs/.data outputs/.work outputs/.lock

## Benchmarks: N = 1,000 and 10,000 synthetic pages (figures printed and written to outputs/.bench/results.json)
bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.run --sizes $(if $(SIZES),$(SIZES),1000,10000) --api-records $(or $(API),20000)
