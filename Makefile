# Multi-class classification lab: set-up, headless run, tests.
# `make help` lists the targets. Everything runs from a local virtual
# environment (.venv) built from the pinned requirements.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
NOTEBOOK := C2_W2_Multiclass_TF.ipynb
# nbconvert reads its settings from here (sys.prefix/etc/jupyter), not from this folder
NBCONVERT_CONFIG := $(VENV)/etc/jupyter/jupyter_nbconvert_config.json
# the advice that ends the message about a missing or too old interpreter
NEWER_PYTHON := install one, or name it, e.g. 'make run PYTHON=python3.12'.
# TensorFlow: no start-up notices, standard CPU kernels (same numbers every run).
export TF_CPP_MIN_LOG_LEVEL ?= 2
export TF_ENABLE_ONEDNN_OPTS ?= 0

.DEFAULT_GOAL := help
.PHONY: help setup setup-dev run test lab notebook images lint clean bench e2e mutation

help: ## list the targets
	@echo "Usage: make <target>"
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# --- environment -----------------------------------------------------------
# One clear line if the interpreter is missing (or will not run) or too old.
$(VENV)/.python-ok:
	@version=$$($(PYTHON) --version 2>&1) || { \
	  echo "error: Python '$(PYTHON)' not found; this lab needs Python 3.11 or newer: $(NEWER_PYTHON)" >&2; \
	  exit 1; }; \
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: '$(PYTHON)' is $$version; this lab needs Python 3.11 or newer: $(NEWER_PYTHON)" >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.runtime: $(VENV)/.python-ok requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Plain `jupyter nbconvert --execute` in .venv then keeps each figure's PNG (no widget
# state) and embeds every image; copied again whenever the tracked file changes.
$(NBCONVERT_CONFIG): tools/jupyter/jupyter_nbconvert_config.json $(VENV)/.python-ok
	@mkdir -p $(@D)
	cp $< $@

setup: $(VENV)/.runtime $(NBCONVERT_CONFIG) ## create .venv with the pinned runtime packages

setup-dev: setup $(VENV)/.dev ## setup, plus the test and lint tools

# --- the lab ---------------------------------------------------------------
run: setup ## execute the notebook headlessly: build/*.ipynb and build/*.html
	$(PY) tools/run_notebook.py --out build

# Jupyter refuses to start as root (containers, cloud workspaces) unless told to, so
# `make lab` and `make notebook` tell it when they run as root. ARGS passes more options,
# e.g. make lab ARGS="--no-browser --ip=0.0.0.0 --port=8888".
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
ARGS ?=

lab: setup ## open the notebook in JupyterLab (options: ARGS="...")
	$(PY) -m jupyter lab $(AS_ROOT) $(ARGS) $(NOTEBOOK)

notebook: setup ## open the notebook in Jupyter Notebook 7 (options: ARGS="...")
	$(PY) -m jupyter notebook $(AS_ROOT) $(ARGS) $(NOTEBOOK)

images: setup ## redraw the pictures in images/ (tools/make_images.py)
	$(PY) tools/make_images.py

# --- checks ----------------------------------------------------------------
test: setup-dev ## run the test suite (pytest)
	$(PY) -m pytest

e2e: setup-dev ## only the browser tests: the lab in JupyterLab and Notebook 7, the report
	$(PY) -m pytest tests/e2e

lint: setup-dev ## ruff on the code and the notebook
	$(PY) -m ruff check .

mutation: setup-dev ## mutation testing of the compute code (about 40 minutes; build/mutation)
	$(PY) tools/mutation.py

bench: setup-dev ## time the notebook, its figures and memory: build/bench.json
	$(PY) benchmarks/bench.py --out build/bench.json

clean: ## remove build products (keeps .venv)
	rm -rf build .pytest_cache .ruff_cache
