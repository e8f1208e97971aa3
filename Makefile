# omni_generalist — set-up, demo and tests. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
DEMO_OUT ?= demo_world

.PHONY: venv install demo test lint bench clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (Python 3.11 is required)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PIP) install -q -e ".[dev]"
	@touch $(STAMP)

venv: $(PY)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/omni-generalist generate "A cozy bedroom with a queen bed, two nightstands with lamps, a dresser and a wardrobe" \
		--actions data/examples/bedroom.py --out $(DEMO_OUT) --format usda --force
	@echo "demo world: $(abspath $(DEMO_OUT))/world.usda"

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check omni_generalist tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/bench_actions.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache build *.egg-info
