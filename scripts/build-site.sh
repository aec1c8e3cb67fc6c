#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build the generator, build the bundled site into Public/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product dermasite
.build/debug/dermasite build "$@"
