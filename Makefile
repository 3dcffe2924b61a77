# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make run    create .venv, install the app, open the window on the bundled sample pair
#   make test   create .venv, install the test extras (and Qt's system libraries when
#               run as root), then run ruff, the import contract, mypy and pytest headless

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Offscreen Qt (tests) needs these; a real window on X11 needs the xcb ones as well.
QT_LIBS   := libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
             libxkbcommon0 fonts-dejavu-core
XCB_LIBS  := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
             libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0

.PHONY: run test lint typecheck sysdeps sysdeps-run screenshot bench clean

$(STAMP): pyproject.toml setup.py
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	# pip 23.2 mis-resolves an lxml extra; upgrade first.
	$(BIN)/python -m pip install --quiet --upgrade pip
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

run: $(STAMP) sysdeps-run
	$(BIN)/collatio --sample

# import-linter needs the packages laid out on disk; the editable install only maps them.
lint: $(STAMP)
	$(BIN)/ruff check core gui tests bench scripts setup.py
	rm -rf build/import-contract
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --target build/import-contract .
	cd build && PYTHONPATH=import-contract ../$(BIN)/lint-imports --config ../pyproject.toml

typecheck: $(STAMP)
	$(BIN)/mypy core

test: $(STAMP) sysdeps lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

screenshot: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot.py

bench: $(STAMP)
	$(BIN)/python bench/deplain.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
