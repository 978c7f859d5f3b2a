# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test setup system-deps lint-imports bench bench-quick demo clean translations

# The screens' translations: .ts sources in git, .qm compiled from them (build output).
TS_FILES := resources/translations/repairbench_zh_CN.ts resources/translations/repairbench_zh_TW.ts
QM_FILES := $(TS_FILES:.ts=.qm)

run: setup
	env -u QT_QPA_PLATFORM $(PY) main.py run --demo-if-empty

setup: system-deps $(STAMP) $(QM_FILES)

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

# The suite on the million-work-order demo database (built once, about 3 minutes, cached in
# benchmarks/.cache/); PostgreSQL for the 8-station row. bench-quick tries it on a small one.
bench: setup
	@bash .ci/start-services.sh
	$(PY) -m benchmarks $(BENCH_ARGS)

bench-quick: setup
	@bash .ci/start-services.sh
	$(PY) -m benchmarks --quick $(BENCH_ARGS)

# Regenerate the .ts from every tr() in ui/ and main.py (translations made so far are kept,
# strings gone from the sources dropped), then compile them.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -locations relative -no-obsolete \
		ui main.py -ts $(TS_FILES)
	$(MAKE) --no-print-directory $(QM_FILES)

%.qm: %.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

clean:
	rm -rf $(VENV) build *.egg-info
