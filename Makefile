# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test setup system-deps lint-imports bench demo clean

run: setup
	env -u QT_QPA_PLATFORM $(PY) main.py run --demo-if-empty

setup: system-deps $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# Debian libraries and tools the program and its tests need (Qt's audio, PDF rasteriser, CUPS).
system-deps:
	@bash .ci/system-deps.sh

lint-imports: setup
	$(VENV)/bin/lint-imports

test: setup
	@bash .ci/start-services.sh
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

bench: setup
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
