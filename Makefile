# Multi-class classification lab: set-up, headless run, tests.
# `make help` lists the targets. Everything runs from a local virtual
# environment (.venv) built from the pinned requirements.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
NOTEBOOK := C2_W2_Multiclass_TF.ipynb
# TensorFlow: no start-up notices, standard CPU kernels (same numbers every run).
export TF_CPP_MIN_LOG_LEVEL ?= 2
export TF_ENABLE_ONEDNN_OPTS ?= 0

.DEFAULT_GOAL := help
.PHONY: help setup setup-dev run test lab images lint clean bench e2e mutation

help: ## list the targets
	@echo "Usage: make <target>"
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# --- environment -----------------------------------------------------------
$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: this lab needs Python 3.11 or newer (today's NumPy and TensorFlow need it);" >&2; \
	  echo "       '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo 'not found')." >&2; \
	  echo "       Install a newer Python, or run e.g. 'make PYTHON=python3.12 ...'." >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.runtime: $(VENV)/.python-ok requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

setup: $(VENV)/.runtime ## create .venv with the pinned runtime packages

setup-dev: $(VENV)/.dev ## setup, plus the test and lint tools

# --- the lab ---------------------------------------------------------------
run: $(VENV)/.runtime ## execute the notebook headlessly: build/*.ipynb and build/*.html
	$(PY) tools/run_notebook.py --out build

lab: $(VENV)/.runtime ## open the notebook in JupyterLab
	$(PY) -m jupyter lab $(NOTEBOOK)

images: $(VENV)/.runtime ## redraw the pictures in images/ (tools/make_images.py)
	$(PY) tools/make_images.py

# --- checks ----------------------------------------------------------------
test: $(VENV)/.dev ## run the test suite (pytest)
	$(PY) -m pytest

e2e: $(VENV)/.dev ## only the browser tests: the lab in JupyterLab, the report (Chromium)
	$(PY) -m pytest tests/e2e

lint: $(VENV)/.dev ## ruff on the code and the notebook
	$(PY) -m ruff check .

mutation: $(VENV)/.dev ## mutation testing of the compute code (about an hour; build/mutation)
	$(PY) tools/mutation.py

bench: $(VENV)/.dev ## time the notebook, its figures and memory: build/bench.json
	$(PY) benchmarks/bench.py --out build/bench.json

clean: ## remove build products (keeps .venv)
	rm -rf build .pytest_cache .ruff_cache
