#!/usr/bin/env bash
# The randomised equivalence test at full size: SEQUENCES random edit sequences (500 unless set)
# on a small site, each rebuild compared with a clean build byte for byte. Release mode, in its
# own build folder so it never shares one with a debug build. Replay a failure with the seed it
# prints: SEQUENCES=1 SEED=<seed> bash scripts/equivalence.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
scratch=.build/equivalence
swift build -c release --build-tests --scratch-path "$scratch" -Xswiftc -enable-testing
start=$(date +%s)
DERMASITE_SEQUENCES="${SEQUENCES:-500}" DERMASITE_SEED="${SEED:-20261202}" \
  swift test -c release --skip-build --scratch-path "$scratch" --filter RandomisedEquivalenceTests
echo "equivalence: ${SEQUENCES:-500} sequences of 8 edits from seed ${SEED:-20261202} in $(( $(date +%s) - start )) s"
