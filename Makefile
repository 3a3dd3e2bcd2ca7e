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

.PHONY: all test lint typecheck system-deps clean venv html json pdf epub ics frab

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

# One target per format: `make html`, `make pdf`, ... rebuild just that output.
define format_target
$(1): $(OUT)/$(2)
$(OUT)/$(2): $(INPUTS) $(INSTALLED)
	$(NAMCONVERT) build $(SOURCE) -o $(OUT) --format $(3) > /dev/null
endef
$(eval $(call format_target,html,index.html,html))
$(eval $(call format_target,json,programme.json,json))
$(eval $(call format_target,pdf,programme.pdf,pdf))
$(eval $(call format_target,epub,programme.epub,epub))
$(eval $(call format_target,ics,programme.ics,ics))
frab: $(OUT)/schedule.xml
$(OUT)/schedule.xml: $(INPUTS) $(INSTALLED)
	$(NAMCONVERT) build $(SOURCE) -o $(OUT) --format frab_xml,frab_json > /dev/null

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
