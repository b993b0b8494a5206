# The two commands README.md promises; each sets up everything it needs on a fresh machine.
#   make demo   the whole pipeline offline on the bundled demo data
#   make test   ruff + the test suite on SQLite (PostgreSQL-only tests included), then the back-end dependent
#               tests (`db_url`) again on PostgreSQL

VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
PYTEST  := $(BIN)/pytest -p no:cacheprovider

.PHONY: demo test test-sqlite test-postgres lint setup chromium

# The project's bytecode is compiled as `pip install .` would (an editable install leaves it to the first run, and
# environments with PYTHONDONTWRITEBYTECODE=1 never write it: every command would compile the sources again).
PACKAGES := analytics bids crawlers crm demo digest matching pipeline store tenderflow web

setup: $(STAMP)
	@$(BIN)/python -m compileall -q -j 0 $(PACKAGES) > /dev/null

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Playwright drives Debian's Chromium (browser downloads are impossible here).
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

demo: setup chromium
	$(BIN)/tenderflow demo

lint: setup
	$(BIN)/ruff check .

test-sqlite: setup chromium
	$(PYTEST) -n 2 tests

test-postgres: setup
	TENDERFLOW_TEST_BACKEND=postgresql $(PYTEST) -n 2 -m "not browser" tests

test: lint test-sqlite test-postgres
