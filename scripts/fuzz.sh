#!/usr/bin/env bash
# Fuzz the input parsers with libFuzzer (coverage-guided, with AddressSanitizer).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
#
# Targets: front-matter, directives, data-set, article, site-config (default: all), 180 s each,
# two at a time. Crashes, hangs (-timeout) and out-of-memory inputs (-rss_limit_mb) are kept in
# fuzz-findings/; add each one to Tests/DermaSiteTests/Fuzz/Regressions/<target>/ once fixed.
# Not part of the normal test run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-180}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front-matter directives data-set article site-config templates)

bash scripts/install-deps.sh
DERMASITE_FUZZ=1 swift build --product dermasite-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -g
binary=.build-fuzz/debug/dermasite-fuzz

# Seeds: the bundled content and the regression inputs.
seeds=.build-fuzz/seeds
rm -rf "$seeds"
for t in front-matter directives data-set article site-config templates; do mkdir -p "$seeds/$t"; done
cp Content/articles/*.md "$seeds/front-matter/"
cp Content/articles/*.md "$seeds/article/"
cp Content/site.yml "$seeds/site-config/"
{ cat Content/data/dermatomes.yml; printf '\n=====\n'; cat Content/data/leg-map.yml; } > "$seeds/data-set/bundled"
printf 'view: both\nhighlight: L4\nkey-points: false\ncaption: A map\n' > "$seeds/directives/map"
printf 'roots: L4, L5, S1\ncolumns: root, area, key-point, muscle, reflex, disc\ncaption: Roots\n' > "$seeds/directives/table"
{ cat Templates/pages/home.mustache; printf '\n=====\n'; cat Templates/partials/footer.mustache; } > "$seeds/templates/bundled"
for t in front-matter directives data-set article site-config templates; do
  [ -d "Tests/DermaSiteTests/Fuzz/Regressions/$t" ] && cp Tests/DermaSiteTests/Fuzz/Regressions/$t/* "$seeds/$t/" 2>/dev/null || true
done

mkdir -p fuzz-findings
run() {
  local t=$1 corpus=.build-fuzz/corpus/$1
  mkdir -p "$corpus"
  FUZZ_TARGET=$t "$binary" "$corpus" "$seeds/$t" -dict="scripts/fuzz/$t.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=200000 \
    -artifact_prefix="fuzz-findings/$t-" -print_final_stats=1 > "fuzz-findings/$t.log" 2>&1 \
    && echo "$t: no finding in ${seconds}s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "fuzz-findings/$t.log" | grep -o '[0-9]*$') runs)" \
    || { echo "$t: FINDING, see fuzz-findings/$t.log"; return 1; }
}
status=0
pids=()
for t in "${targets[@]}"; do
  run "$t" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
