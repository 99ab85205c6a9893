# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make extract   set up, then extract corpus/ into output/
#   make test      set up, then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd tesseract-ocr-script-viet poppler-utils fonts-dejavu-core \
	python3-venv python3-dev gcc antiword
INPUT ?= corpus
OUT ?= output
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
ARGS ?=

.PHONY: setup system-packages chromium extract eval eval-dev eval-pages eval-steps test test-all bench law-names train-lm train-channel clean

setup: system-packages $(VENV)/.installed

# System packages through apt-get where missing (as root, or with sudo).
system-packages:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "Please install these packages with your system's package manager:$$missing"; exit 1; fi; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "Need root to install:$$missing (apt-get install$$missing)"; exit 1; fi; \
	  echo "Installing system packages:$$missing"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml setup.py diacritics/_search.pyx  # pip compiles _search.pyx
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "decrees needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)."; \
	  echo "Install one (apt-get install python3.11 python3.11-venv) and run: make PYTHON=python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@# pip compiled the diacritic decoder (diacritics/_search.pyx, Cython); check that it loads and decodes.
	$(BIN)/python -c "import diacritics; assert diacritics.restore('Can cu').changed"
	touch $@

extract: setup
	$(BIN)/decrees extract "$(INPUT)" --out "$(OUT)" --jobs $(JOBS) $(ARGS)

eval: extract
	$(BIN)/decrees eval --gold tests/data/gold --out $(OUT)

# Debian's Chromium, for the test that opens a review page in a real browser; where it cannot
# be installed, that test is skipped and says why.
chromium:
	@command -v chromium >/dev/null 2>&1 || $(MAKE) --no-print-directory system-packages SYSTEM_PACKAGES=chromium \
	  || echo "chromium could not be installed: the review page browser test will be skipped"

test: setup chromium
	$(BIN)/python -m pytest -q

test-all: setup chromium
	$(BIN)/python -m pytest -q -m ""

bench: setup
	@dpkg -s ghostscript >/dev/null 2>&1 || $(MAKE) system-packages SYSTEM_PACKAGES=ghostscript
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/run.py --out bench/results.md

# Accuracy on the real documents of ../shared/dev (skipped when it is missing), written to
# bench/dev-results.md. The pdf set needs OCR (minutes): make eval-dev SETS="tvpl prov"
SETS ?= tvpl prov pdf tvpl-pdf prov-pdf tvpl-stripped prov-stripped pages
eval-dev: setup
	$(BIN)/python bench/eval_dev.py --sets "$(SETS)" --out bench/dev-results.md

# OCR of the five hand-transcribed scan pages of ../shared/dev/pdf, beside plain Tesseract,
# into bench/dev-pages.md (about a minute).
eval-pages: setup
	$(BIN)/python bench/eval_dev.py --sets pages --plain --out bench/dev-pages.md

# Each OCR preparation step switched off in turn on the transcribed scan pages (bench/preparation-steps.md).
eval-steps: setup
	$(BIN)/python bench/preparation_steps.py --out bench/preparation-steps.md

# Rebuild the diacritic model (diacritics/data/model.npz) from the laws in data/lm, the broad corpus
# of legal and administrative text in LM_EXTRA (not in this repository; `LM_EXTRA=` trains on the
# laws alone; by default ../shared/lm/extra), the gazetteer and underthesea's dictionary of words.
# Deterministic; a few minutes, 1.2 GB.
train-lm: setup
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python -m training.language_model $(if $(filter undefined,$(origin LM_EXTRA)),,--extra "$(LM_EXTRA)")

# Relearn what OCR without a Vietnamese model writes for each syllable (diacritics/data/channel.json):
# renders training-law text, reads it back with tesseract -l eng, aligns; and what the pipeline's
# `-l vie` OCR does to marks on real-looking scans of training documents (diacritics/data/marks.json).
# Ten minutes or so.
train-channel: setup
	$(BIN)/python -m training.ocr_channel

# Rebuild the list of law names that the extractors use, from the legal corpus.
law-names: setup
	$(BIN)/python -m training.build_law_names

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.jsonl $(OUT)/text .pytest_cache
