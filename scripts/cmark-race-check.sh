#!/usr/bin/env bash
# Parallel cmark-gfm parses: Valgrind's race detectors (helgrind, DRD) over a C program that parses
# on four threads through Sources/CCmarkParallel, as dermasite does. ThreadSanitizer cannot see
# inside Debian's uninstrumented libcmark-gfm; Valgrind can. The library's own bookkeeping is run
# too, and must show its race: a checker that finds nothing there proves nothing here.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -g -O1 -pthread -I Sources/CCmarkParallel/include scripts/cmark/parallel_parses.c \
    Sources/CCmarkParallel/cmark_parallel.c -o "$work/parallel_parses" \
    $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -ldl

"$work/parallel_parses" fixed 2000 | tee "$work/out"
grep -q "^fixed: 0 of" "$work/out" || { echo "cmark-race-check: parses differed"; exit 1; }
for tool in helgrind drd; do
    valgrind --tool=$tool --error-exitcode=1 -q "$work/parallel_parses" fixed 20
    echo "cmark-race-check: $tool found no race with the characters fixed"
done
if valgrind --tool=helgrind --error-exitcode=1 -q "$work/parallel_parses" library 20 >/dev/null 2>"$work/library.log"; then
    echo "cmark-race-check: helgrind found no race in the library's own bookkeeping: the check is blind"
    exit 1
fi
echo "cmark-race-check: helgrind finds the race without the fix ($(grep -c 'Possible data race' "$work/library.log") reports), as it should"
