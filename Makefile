# One task runner. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: run test setup system-deps samples bench lint score clean

run: setup
	$(BIN)/parscore run samples/ --out output/
	$(BIN)/parscore report output/

test: setup $(DEV)
	$(BIN)/python -m pytest

# `make run` installs the runtime only; `make test` (and the developer targets) add [dev].
setup: $(STAMP) system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEV)

system-deps:
	@sh tools/install-system-deps.sh
	@sh tools/install-chromium.sh

samples: setup $(DEV)
	$(BIN)/python tools/make_samples.py

bench: setup $(DEV)
	$(BIN)/python bench/run.py

lint: setup $(DEV)
	$(BIN)/ruff check parscore pipeline extractors normalizers tests bench tools
	$(BIN)/mypy

clean:
	rm -rf $(VENV) output/*.csv output/*.parquet output/*.jsonl output/*.json output/.store

# The real corpora beside the clone (../shared), scored as the gate in tests/test_real_gate.py does.
score: setup
	$(PYTHON) ../shared/realdev/score.py
	$(PYTHON) ../shared/realdev/score.py --corpus ../shared/realbin
