PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint samples soak bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/acta run data/raw --out-dir data/processed

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py data/raw

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts
	$(BIN)/ruff format --check pipeline tests scripts
	$(BIN)/mypy  # files and settings: pyproject.toml [tool.mypy]

test: lint
	$(BIN)/python -m pytest -q

soak: $(STAMP)  # 1,000 damaged PDFs through acta run --workers 2 (several minutes; not part of test)
	$(BIN)/python scripts/soak.py

# acta against bare pdfplumber and pypdfium2 on a generated archive (cached in data/bench/) and on
# ../shared/corpus/real; takes about fifteen minutes (BENCH_ARGS="--docs 100 --no-real" for a quick look)
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data/processed/*.parquet data/processed/*.duckdb
