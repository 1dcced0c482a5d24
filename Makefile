# newsx — the two Quick-start commands are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
NEWSX := $(VENV)/bin/newsx
GOLD := $(wildcard corpus/gold/*.jsonl)
TEST_GOLD := $(wildcard corpus/gold-test/*.jsonl)
TEST2_GOLD := $(wildcard corpus/gold-test2/*.jsonl)

.PHONY: run test install install-test bench score gold-check peers schemas results clean help

help:
	@echo "make run    - install into $(VENV) and run the main job on the shipped corpus (out/)"
	@echo "make test   - install with test extras and run the whole suite"
	@echo "make score  - score the extractor on the dev gold (corpus/gold) and the held-out test split (corpus/gold-test)"
	@echo "make peers  - run the peer suites from ../shared/peers (skips when absent)"
	@echo "make bench  - throughput benchmarks (bench extra)"
	@echo "make results - regenerate the README results table from newsx score --json"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[bench]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(NEWSX) run corpus/texts --db sqlite:///out/newsx.sqlite --out out

test: install-test
	$(PY) -m pytest -q

bench: $(VENV)/.installed-bench
	$(PY) -m bench

score: install
	@echo "== dev gold (corpus/gold) =="
	$(NEWSX) score $(GOLD)
	@echo "== held-out test split (corpus/gold-test) =="
	$(NEWSX) score $(TEST_GOLD)
	@echo "== second held-out PARK test split (corpus/gold-test2, never consulted during development) =="
	$(NEWSX) score $(TEST2_GOLD)
	@echo "== facts: dev gold (corpus/facts/dev-*.jsonl) =="
	$(NEWSX) score --facts corpus/facts/dev-*.jsonl
	@echo "== facts: held-out test split (corpus/facts/test-*.jsonl) =="
	$(NEWSX) score --facts corpus/facts/test-*.jsonl

gold-check: install
	$(NEWSX) gold check $(GOLD)

peers: install
	@if [ -d ../shared/peers ]; then $(NEWSX) peers ../shared/peers; else echo "no ../shared/peers: peer suites skipped"; fi

results: install
	@mkdir -p out
	$(NEWSX) score $(GOLD) --json > out/score-dev.json
	$(NEWSX) score $(TEST_GOLD) --json > out/score-test.json
	$(NEWSX) score $(TEST2_GOLD) --json > out/score-test2.json
	$(PY) tools/results_table.py README.md out/score-dev.json out/score-test.json out/score-test2.json

schemas: install
	$(PY) -m schemas.export

clean:
	rm -rf out .pytest_cache
