# namconvert: `make all` builds every output into build/, `make test` runs the tests.
# Both create .venv/ first when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SOURCE ?= source/README.md
CONFIG := $(dir $(SOURCE))namconvert.toml
OUT ?= build
NAMCONVERT := $(BIN)/namconvert
INPUTS := $(SOURCE) $(wildcard $(CONFIG)) $(shell find src/namconvert templates -type f ! -name '*.pyc' 2>/dev/null)

.PHONY: all test lint typecheck system-deps clean html json venv

all: $(OUT)/.built

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# One build of every format parses the source once; per-format targets rebuild one output.
$(OUT)/.built: $(INPUTS) $(INSTALLED)
	$(NAMCONVERT) build $(SOURCE) -o $(OUT) > /dev/null
	@touch $@

html: $(OUT)/index.html
$(OUT)/index.html: $(INPUTS) $(INSTALLED)
	$(NAMCONVERT) build $(SOURCE) -o $(OUT) --format html > /dev/null

json: $(OUT)/programme.json
$(OUT)/programme.json: $(INPUTS) $(INSTALLED)
	$(NAMCONVERT) build $(SOURCE) -o $(OUT) --format json > /dev/null

# Debian packages the browser, EPUB and PDF checks use; installed when missing and we are root.
system-deps:
	@tools/system-deps.sh

lint: $(INSTALLED)
	$(BIN)/ruff check src tests

typecheck: $(INSTALLED)
	$(BIN)/mypy

test: $(INSTALLED) system-deps lint typecheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(OUT)
