# Two entry points for a fresh machine with Python 3.11 and make:
#   make run   - create .venv, install guarantor, run `guarantor assess` on the bundled data
#   make test  - create .venv, install guarantor with its test tools, run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint typecheck bench fit train train-v2 clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,scale,web]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/guarantor assess

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# Refit beliefs.logodds.v2 and rewrite its published track record (out-of-fold backtests).
fit: $(VENV)/.installed
	mkdir -p src/guarantor/data/beliefs
	GUARANTOR_DB= GUARANTOR_REGISTRY_DIR=/nonexistent $(BIN)/guarantor backtest --fit --format json > src/guarantor/data/beliefs/fit.json.tmp
	mv src/guarantor/data/beliefs/fit.json.tmp src/guarantor/data/beliefs/fit.json

bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks

# Train the released stance model (extract.hybrid.v3) on corpus/real (texts restored into the
# corpus cache, see docs/corpus.md) plus the seeds, with the options its model card records
# (all 708 train articles; the document-level holder loss), and export it where the package
# looks for it. v2 is rebuilt by `make train-v2`.
train: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/guarantor train-extractor --compare --name extract.hybrid.v3 \
	  --out src/guarantor/data/models/stance-v3 \
	  --freeze-encoder --layers 3 --head-epochs 25 --stance-weight 4 --first 708 \
	  --doc-weight 1 --dropout 0.3 \
	  --extra ../shared/corpus/gold/seeds.yaml --extra-folder ../shared/corpus/seeds

# The previous release, extract.hybrid.v2 (the first 537 train articles, pair labels only).
train-v2: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/guarantor train-extractor --compare --name extract.hybrid.v2 \
	  --out src/guarantor/data/models/stance-v2 \
	  --freeze-encoder --layers 3 --head-epochs 25 --stance-weight 4 --first 537 \
	  --extra ../shared/corpus/gold/seeds.yaml --extra-folder ../shared/corpus/seeds

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
