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

.PHONY: all test fuzz lint typecheck system-deps build-deps clean venv html json pdf epub ics frab

all: build-deps $(OUT)/.built

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

# Debian packages, installed when missing and we are root: the booklet's CJK font
# (build-deps), and the browser, EPUB and PDF checks' tools too (system-deps).
build-deps:
	@tools/system-deps.sh build
system-deps:
	@tools/system-deps.sh

lint: $(INSTALLED)
	$(BIN)/ruff check src tests bench tools

typecheck: $(INSTALLED)
	$(BIN)/mypy

test: $(INSTALLED) system-deps lint typecheck
	$(BIN)/python -m pytest -q

# The property tests at length: thousands of generated and mutated programmes each.
# `make test` runs the same tests with a few examples each.
fuzz: $(INSTALLED)
	NAMCONVERT_FUZZ=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py

clean:
	rm -rf $(OUT)

# Pictures for the README: the site at 360 and 1280 px (docs/site-*.png) and the booklet's
# cover and first body page (docs/booklet-*.png).
.PHONY: docs-images docs-site-images docs-booklet-images
docs-images: docs-site-images docs-booklet-images
docs-site-images: $(OUT)/index.html
	$(BIN)/python tools/site_images.py $(OUT) docs
docs-booklet-images: $(OUT)/programme.pdf system-deps
	$(BIN)/python tools/booklet_images.py $(OUT)/programme.pdf docs

# Benchmark against the plain tools (Pandoc, WeasyPrint): bench/RESULTS.md. Takes about
# 80 minutes on 2 cores with 10,000 talks; `make bench BENCH_SIZES=10,100` is a quick look.
BENCH_SIZES ?= 10,100,1000,10000
BENCH_RESULTS ?= bench/RESULTS.md
.PHONY: bench
bench: $(INSTALLED)
	@$(BIN)/python -c 'import psutil' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py --sizes $(BENCH_SIZES) --results $(BENCH_RESULTS)
