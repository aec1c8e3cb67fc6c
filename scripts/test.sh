#!/usr/bin/env bash
# Quick start, step 2: the whole test suite: unit tests, fixture sites and the command line, then
# the acceptance checks of the built site in a real browser (scripts/acceptance.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The command-line tests run the built executable, so build everything first.
swift build --build-tests
# The core first, then the preview (servers, watchers, a 200-connection load) on its own, so the
# preview's deadlines are not shared with the core's many builds on a two-core machine.
swift test --skip-build --filter DermaSiteTests
swift test --skip-build --filter DermaSitePreviewTests
# The browser side of site search (query terms, synonyms, typos, ranking) under Node.
node --test Tests/search/
# Markdown parses run in parallel: Valgrind's race detectors on the C side (libcmark-gfm).
bash scripts/cmark-race-check.sh
# A real build killed with SIGKILL at random moments leaves the whole old or the whole new site
# (a few kills here; scripts/crash/kill_test.py with more articles and kills for the full run).
python3 scripts/crash/kill_test.py --articles 60 --kills 5
# SIGTERM during a long rebuild of `build --watch`: exits within 2 s, the output still whole.
python3 scripts/crash/sigterm_test.py --articles 100 --runs 2
# The built site checked by tools this project did not write: HTML validity, accessibility, keyboard.
bash scripts/acceptance.sh
# Speed kept: instructions executed by a cold build of the bundled site and of 400 articles, against
# bench/instructions.json (Valgrind's count does not move with a busy machine); fails above 1.10 x.
python3 bench/instructions.py
