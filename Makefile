# The README's two commands: `make run` starts the app, `make test` runs every check.
# Both create .venv on first use and install the Debian packages they need when missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Qt's X11 platform plugin, fonts, a virtual screen for machines without one, and the
# spelling library with the English and Dutch dictionaries.
RUN_DEBS := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 \
	libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
	libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core xvfb xauth \
	libenchant-2-2 hunspell-en-us hunspell-nl
# A real Secret Service for the keyring tests, msmtp and curl for the benchmarks'
# references and valgrind for their instruction counts, desktop-file-validate, appstreamcli and
# the icon cache tools for the desktop entry, SpamAssassin for the Before-Send check's spam score.
TEST_DEBS := $(RUN_DEBS) dbus gnome-keyring msmtp curl valgrind desktop-file-utils appstream \
	gtk-update-icon-cache spamassassin

.PHONY: translations run run-deps test-deps test lint typecheck pytest bench screenshots bundle bundle-smoke clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

# The Dutch catalogue: resources/translations/*.ts is the source of truth (committed), the
# window's compiled .qm is built from it (not committed). `make translations` extracts the
# strings from the sources with pyside6-lupdate, then compiles.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

translations: $(STAMP)
	$(BIN)/python packaging/translations.py update
	$(BIN)/python packaging/translations.py release

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run-deps:
	$(call apt_install,$(RUN_DEBS))

test-deps:
	$(call apt_install,$(TEST_DEBS))

# Without a display (a server, a container) the app runs on a virtual screen, and says so.
run: run-deps $(STAMP) $(QM)
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ]; then \
		echo "No display found: starting SMTPeter Desktop on a virtual screen (Xvfb)."; \
		exec xvfb-run -a -s '-screen 0 1400x900x24' $(BIN)/smtpeter-desktop; \
	else exec $(BIN)/smtpeter-desktop; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: test-deps $(STAMP) $(QM)
	$(BIN)/pytest

test: test-deps $(STAMP) lint typecheck pytest

bench: test-deps $(STAMP)
	$(BIN)/python -m tests.benchmarks.run_all

screenshots: test-deps $(STAMP) $(QM)
	xvfb-run -a -s '-screen 0 1400x900x24' $(BIN)/python tests/screenshots.py

bundle: run-deps $(STAMP) $(QM)
	packaging/build

bundle-smoke: bundle
	packaging/smoke-test

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache $(QM)
