#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (unit tests, fixture sites, the command line).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The command-line tests run the built executable, so build everything first.
swift build --build-tests
swift test --skip-build
