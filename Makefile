PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint samples soak clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/acta run data/raw --out data/processed

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py data/raw

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts
	$(BIN)/ruff format --check pipeline tests scripts

test: lint
	$(BIN)/python -m pytest -q

soak: $(STAMP)  # 1,000 damaged PDFs through acta run --workers 2 (several minutes; not part of test)
	$(BIN)/python scripts/soak.py

clean:
	rm -rf $(VENV) data/processed/*.parquet data/processed/*.duckdb
