# Every target creates .venv and installs what it needs, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
CHROMIUM := /usr/bin/chromium
# Printed pages are laid out for Arial-metric fonts; Liberation Sans is Debian's.
PRINT_FONT := /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
JAVA := /usr/bin/java
OFFLINE_DIR ?= offline
# The names the site's own words are marked with (wording/__init__.py): `make wording` and its test use these.
WORDING_KEYWORDS := -k _ -k N_ -k w -k words -k wording
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline test test-fast mutate check addresses bench clean new-topic new-treatment wording

# The editors' preview. Not strict: mistakes and warnings are shown in the browser instead of stopping it.
# TOPICS=a,b previews only those topics: a save then costs the same in a library of 10 or 1,000 topics.
SERVE_ADDR ?= 127.0.0.1:8000
TOPICS ?=
serve: $(STAMP) $(NODE_STAMP)
	@echo "make serve leaves out the PDFs (/<topic>/summary.pdf, /<topic>/summary-large-print.pdf); make build makes them."
	PATIENT_INFO_PREVIEW=1 PATIENT_INFO_TOPICS='$(TOPICS)' $(BIN)/mkdocs serve --no-strict --dev-addr $(SERVE_ADDR)

# The site, then each topic's printable summaries as PDFs, printed by Debian's Chromium (patient-info pdfs).
build: $(STAMP) $(NODE_STAMP) $(CHROMIUM) $(PRINT_FONT)
	$(BIN)/mkdocs build --strict
	$(BIN)/patient-info pdfs site

# A copy of the whole site in one zip that works opened from a folder or a USB stick (file://), search
# included: Material's offline plugin, built apart into $(OFFLINE_DIR)/ (its addresses end in .html), so the
# published site's addresses stay as they are. Unzipped, open patient-info/index.html.
offline: $(STAMP) $(NODE_STAMP)
	rm -rf "$(OFFLINE_DIR)/patient-info" "$(OFFLINE_DIR)/patient-info-offline.zip"
	PATIENT_INFO_OFFLINE=true $(BIN)/mkdocs build --strict -d "$(OFFLINE_DIR)/patient-info"
	cd "$(OFFLINE_DIR)" && "$(abspath $(BIN))/python" -m zipfile -c patient-info-offline.zip patient-info
	@echo "Made $(OFFLINE_DIR)/patient-info-offline.zip: unzip it and open patient-info/index.html."

test: $(STAMP) $(NODE_STAMP) $(CHROMIUM) $(JAVA) $(PRINT_FONT)
	$(BIN)/pytest

# The quick loop while coding: every test that neither builds a site nor opens a browser (under 30 s).
test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not build"

# Mutation testing of the rule modules against the fast tier (benchmarks/mutation/): slow, not part of make test.
# MODULES="text.py model/selection.py" picks modules under hooks/patient_info, MUTATE_ARGS="--timeout 1800" stops
# the run early; results in benchmarks/mutation/<module>.txt.
MODULES ?=
MUTATE_STAMP := $(VENV)/.mutate-stamp
mutate: $(STAMP) $(MUTATE_STAMP)
	nice -n 19 $(BIN)/python benchmarks/mutation/run.py $(MUTATE_ARGS) $(MODULES)

$(MUTATE_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,pdf,mutate]'
	touch $@

# Not part of make test: builds hundreds of made-up topics and takes a long while (see README).
bench: $(STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The same content folder as make build: content/, or PATIENT_INFO_CONTENT.
check: $(STAMP)
	$(BIN)/patient-info check

# Records every address the site publishes in content/published-addresses.txt: review the change, then commit it.
addresses: $(STAMP)
	$(BIN)/patient-info addresses

# The catalogue translators start from: every string of the site's own words, marked in the code and templates.
wording: $(STAMP)
	$(BIN)/pybabel extract $(WORDING_KEYWORDS) -F babel.cfg --no-location --sort-output --omit-header \
		-o hooks/patient_info/wording/messages.pot .

# New content with placeholders to fill in: make new-topic ID=<topic>, make new-treatment TOPIC=<topic> ID=<treatment>.
new-topic: $(STAMP)
	$(BIN)/patient-info new topic '$(ID)'

new-treatment: $(STAMP)
	$(BIN)/patient-info new treatment '$(TOPIC)' '$(ID)'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,pdf]'
	touch $@

# From npm, pinned by package-lock.json: qrcode-generator (served with the site: the situation finder draws
# QR codes with it, so serve and build need it), iframe-worker (make offline), and the test tools axe-core
# (injected into pages by the browser tests) and vnu-jar (the Nu Html Checker). --ignore-scripts: vnu-jar's
# install script would download a Java runtime; Debian's Java runs the checker instead.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18 or later with npm, then 'make $(MAKECMDGOALS)' again." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium is missing: run 'sudo apt-get install chromium', then 'make $(MAKECMDGOALS)' again." >&2; exit 1; \
	fi

$(PRINT_FONT):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null; \
	else \
		echo "Liberation fonts are missing: run 'sudo apt-get install fonts-liberation', then 'make $(MAKECMDGOALS)' again." >&2; exit 1; \
	fi

# The Nu Html Checker is a Java program.
$(JAVA):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
		echo "Java is missing: run 'sudo apt-get install default-jre-headless', then 'make test' again." >&2; exit 1; \
	fi

clean:
	rm -rf $(VENV) .venv-properdocs .mutate site offline node_modules
