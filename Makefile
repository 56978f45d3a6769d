# Every target bootstraps .venv on first use and reinstalls when requirements.lock changes.
# The Python the lock is made for (.python-version); CI's is the same.
PYTHON ?= python$(shell cat .python-version)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

NPM_STAMP := node_modules/.installed

.PHONY: serve build test lint schemas bench audit clean link-contract editions translations lock canary zensical-build

# Exactly the locked versions, each checked against its hash (requirements.lock, made by `make lock` from
# pyproject.toml's ranges). The guide is a site, not a package: nothing of the project itself is installed.
$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@# hooks/ on the venv's path: mkdocs.yml's `ro_markdown` extension is imported before any hook runs
	$(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' | \
	  xargs -I{} sh -c 'echo "$(CURDIR)/hooks" > {}/reaching-out-hooks.pth'
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

serve: $(STAMP) $(NPM_STAMP)  ## Serve the guide on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload --no-strict --dev-addr 127.0.0.1:8000

# ENGINE picks the engine: mkdocs (the default); properdocs, the drop-in MkDocs 1.6 fork (the same hooks, the
# same site); or zensical, which ignores hooks, so hooks/ro_after.py then takes the hook's steps over site/
# (see the README's "Engines").
ENGINE ?= mkdocs
build: $(STAMP) $(NPM_STAMP)  ## Build the static site into site/ (ENGINE=mkdocs|properdocs|zensical)
	@case "$(ENGINE)" in mkdocs|properdocs|zensical) ;; *) echo "ENGINE=$(ENGINE): expected mkdocs, properdocs or zensical" >&2; exit 2;; esac
	@if [ "$(ENGINE)" = zensical ]; then $(MAKE) --no-print-directory zensical-build; \
	else $(BIN)/$(ENGINE) build --strict; fi

# Zensical keeps its page cache in the project's .cache/ and `--clean` empties that folder (our PDF cache with
# it), so it builds a copy of the project in .cache/zensical/.
# Each edition is its own build: the Spanish one from mkdocs.es.yml with its INHERIT resolved as MkDocs does
# (Zensical's would append the English menu to the Spanish; see ro_languages.flattened), into site/es/. Then the
# steps after, the Spanish edition's first, so that the English check finds es/ complete.
zensical-build:
	rm -rf .cache/zensical && mkdir -p .cache/zensical
	cp -r docs docs-es overrides hooks mkdocs.yml editions.txt editions.es.txt link-contract.txt .cache/zensical/
	$(BIN)/python hooks/ro_languages.py mkdocs.es.yml > .cache/zensical/mkdocs.es.yml
	cd .cache/zensical && RO_PDF_CACHE=$(CURDIR)/.cache/pdf $(CURDIR)/$(BIN)/zensical build --clean --strict
	cd .cache/zensical && RO_PDF_CACHE=$(CURDIR)/.cache/pdf $(CURDIR)/$(BIN)/zensical build -f mkdocs.es.yml --strict
	rm -rf site && mv .cache/zensical/site site
	RO_PDF_CACHE=$(CURDIR)/.cache/pdf $(BIN)/python hooks/ro_after.py site/es --config mkdocs.es.yml
	RO_PDF_CACHE=$(CURDIR)/.cache/pdf $(BIN)/python hooks/ro_after.py site

lint: $(STAMP)
	$(BIN)/ruff check hooks tests benchmarks

schemas: $(STAMP)  ## Regenerate the JSON Schemas in docs/data/schemas/ from the models
	$(BIN)/python hooks/ro_schemas.py docs/data/schemas

# One pytest-xdist worker per core (each with its own Chromium); work-stealing evens out the long axe pages.
# Each site is still built once per run (tests/support.py). Plain `pytest` runs the same tests in one process.
test: $(STAMP) $(NPM_STAMP)  ## Run the whole test suite (data, rendering, build, browser)
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/python -m pytest -n auto --dist worksteal

bench: $(STAMP)  ## Benchmarks, not tests: build cost, page weight, the PDFs' cost, the question filter; one table of goals
	$(BIN)/python benchmarks/bench.py

canary: $(STAMP) $(NPM_STAMP)  ## Zensical 0.0.73 beside MkDocs and ProperDocs: what builds, what differs (not a test)
	$(BIN)/python benchmarks/canary.py

audit: $(STAMP) $(NPM_STAMP)  ## Lighthouse on one page of each type (needs Chromium)
	$(BIN)/python benchmarks/audit.py

lock: $(STAMP)  ## Refresh requirements.lock (every Python package, pinned with hashes) from pyproject.toml
	$(BIN)/python -m pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --universal \
	  --python-version $(shell cat .python-version) -q -o requirements.lock

link-contract: $(STAMP)  ## Add new link targets (headings, items, questions…) and their short addresses to link-contract.txt
	$(BIN)/python hooks/ro_link_contract.py

editions: $(STAMP)  ## Date today every printed sheet whose content changed (editions.txt, editions.es.txt)
	$(BIN)/python hooks/ro_editions.py

# The Spanish edition (docs-es/): which Spanish texts are older than their English source (translations.txt).
# After carrying a change over: make translations DONE="prepare.md data/questions.yml:categories:their-path"
translations: $(STAMP)  ## List Spanish texts older than their English source; DONE="KEY …" (or all) records them
	@if [ -n "$(DONE)" ]; then $(BIN)/python hooks/ro_translation.py done $(DONE); fi
	$(BIN)/python hooks/ro_translation.py check
	$(BIN)/python hooks/ro_translation.py stale

clean:
	rm -rf site .cache
