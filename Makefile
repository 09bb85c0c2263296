# The two commands every newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8000
VENV := .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py
# Production-like local serving: DEBUG off, a secret generated once, plain HTTP on loopback.
PROD_ENV = DJANGO_SETTINGS_MODULE=freelanceguide.settings.prod \
	DJANGO_SECURE=$${DJANGO_SECURE:-0} \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(scripts/secret_key.sh $(PYTHON))}"
TEST_ENV = DJANGO_SETTINGS_MODULE=freelanceguide.settings.test

.PHONY: run test system-libs check-links test-services test-postgres prepare lint format messages clean page-stats bench-search bench-search-ab bench-checks browser backup restore bench bench-scale lighthouse

# npm checkers (axe-core, vnu-jar, lighthouse), pinned in package-lock.json; never served.
# Without npm the axe and HTML-checker tests are skipped with a message (under CI=true they fail).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is missing: the axe and HTML checker tests will be skipped (they fail under CI=true)"; fi

$(PYTHON):
	"$$(scripts/python312.sh)" -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Database, content, translations and static files, ready for gunicorn.
prepare: $(VENV)/.run-deps system-libs
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(MANAGE) load_content
	$(PROD_ENV) $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(MANAGE) build_books

# Beside gunicorn, the PDF books are rebuilt every 5 minutes when their text changed (what the
# systemd timer in docs/deploy.md does in production) and the schedule runner applies due
# "publish at / unpublish at" changes every 30 s (a systemd service in production); both end
# with gunicorn.
run: prepare
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	( while sleep 300; do $(PROD_ENV) $(MANAGE) build_books --verbosity 0 || true; done ) & books=$$!; \
	$(PROD_ENV) $(MANAGE) run_schedules & schedules=$$!; \
	trap 'kill $$books $$schedules 2>/dev/null' EXIT; \
	$(PROD_ENV) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(find templates -name '*.html')

format: $(VENV)/.test-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find templates -name '*.html')

# Refresh locale/bn/LC_MESSAGES/django.po from the code and templates (small diffs: no locations).
messages: $(VENV)/.run-deps
	$(TEST_ENV) $(MANAGE) makemessages --locale bn --no-location --ignore=.venv --ignore=staticfiles --ignore=node_modules

# Debian's chromium for the browser tests (Playwright drives it; it downloads no browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and this user cannot install it: browser tests will be skipped (they fail under CI=true)"; fi; }

# HarfBuzz's subsetter, which WeasyPrint uses to embed only the glyphs a PDF book needs (without
# it WeasyPrint falls back to fontTools and warns; the book test fails on the warning).
system-libs:
	@/sbin/ldconfig -p | grep -q libharfbuzz-subset || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libharfbuzz-subset0 >/dev/null; \
	  else echo "libharfbuzz-subset0 is missing and this user cannot install it: the PDF book test will fail"; fi; }

test: $(VENV)/.test-deps browser system-libs node_modules/.installed
	$(TEST_ENV) $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=freelanceguide.settings.prod DJANGO_SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  $(MANAGE) check --deploy --fail-level WARNING
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(MAKE) --no-print-directory lint
	$(VENV)/bin/pytest
	$(MAKE) --no-print-directory check-links

# Every internal link in the shipped content (both languages), loaded into a throwaway database.
check-links: $(VENV)/.run-deps
	@tmp="$$(mktemp -d)"; export DATABASE_URL="sqlite:///$$tmp/links.sqlite3" $(TEST_ENV); status=0; \
	{ $(MANAGE) migrate --noinput -v0 && $(MANAGE) load_content -v0 >/dev/null && $(MANAGE) check_links; } || status=$$?; \
	rm -rf "$$tmp"; exit $$status

# What CI runs: `make test` (SQLite) with a Redis server, then the whole suite again on
# PostgreSQL 15. Both servers are throwaway (scripts/with_services.sh) and removed at the end.
test-services: $(VENV)/.test-deps
	scripts/with_services.sh $(MAKE) --no-print-directory test test-postgres

# The suite on the PostgreSQL in POSTGRES_URL (make test-services starts one).
test-postgres: $(VENV)/.test-deps
	DATABASE_URL="$${POSTGRES_URL:?set POSTGRES_URL, or run make test-services}" $(VENV)/bin/pytest

# A consistent dump of all content (both languages), revisions and editors into backups/.
backup: $(VENV)/.run-deps
	$(PROD_ENV) $(MANAGE) backup

# Restore a backup into an empty database: make restore FILE=backups/freelanceguide-....fulljson.gz
restore: $(VENV)/.run-deps
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/freelanceguide-....fulljson.gz"; exit 2; }
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(MANAGE) restore "$(FILE)"

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache .coverage htmlcov

# Queries and bytes per reader page on the shipped content.
page-stats: $(VENV)/.test-deps
	$(PYTHON) bench/page_stats.py

# Cold search results pages against 10,000 generated guides on SQLite and, with POSTGRES_URL,
# on PostgreSQL (figures in docs/performance.md).
# The three checks at the marketplace door: median time for a 5,000-character message.
bench-checks: $(VENV)/.test-deps
	$(PYTHON) bench/checks_bench.py

bench-search: $(VENV)/.test-deps
	DATABASE_URL= $(PYTHON) bench/search_bench.py
	@if [ -n "$${POSTGRES_URL:-}" ]; then DATABASE_URL="$$POSTGRES_URL" $(PYTHON) bench/search_bench.py; fi

# The same pages served by two checkouts in turn, request by request (this machine's speed
# drifts too much to compare two runs): A=<other checkout> DATABASE_URL=<a database kept by
# SEARCH_BENCH_KEEP=1 make bench-search> make bench-search-ab.
bench-search-ab: $(VENV)/.test-deps
	$(PYTHON) bench/search_ab.py

# Load benchmark under production settings on a throwaway database and a free loopback port
# (bench/run.py; installs wrk from Debian if missing). DURATION=15 make bench for steadier figures.
bench: $(VENV)/.run-deps
	$(PYTHON) bench/run.py

# The lists' latency and queries at 10,000 guides against 100.
bench-scale: $(VENV)/.run-deps
	$(PYTHON) bench/run.py --scale

# Lighthouse 12 (mobile) in Debian's chromium against a local production-settings site.
lighthouse: $(VENV)/.run-deps node_modules/.installed browser
	$(PYTHON) bench/lighthouse.py
