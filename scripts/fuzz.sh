#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS, each with a seed corpus (plans/,
# tests/fixtures/, fuzz/regressions/) and the format's dictionary.
# Prints one line of figures per target; exits 1 on the first finding.
set -euo pipefail
build=$(cd "$1" && pwd) seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
for target in plan_loader target csv formula report spreadsheet; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  case $target in
    plan_loader|report) cp "$root"/plans/*.yaml "$root"/examples/*.yaml "$root"/tests/fixtures/*/*.yaml "$corpus"/ 2>/dev/null || true ;;
    spreadsheet) ;;  # its seeds are in fuzz/regressions/spreadsheet/ (the template, LibreOffice's saves)
    csv) cp "$root"/examples/*.csv "$root"/tests/fixtures/*/*.csv "$corpus"/ 2>/dev/null || true ;;
    target) grep -rhoE '"[^"]*%[^"]*"|"(trên|dưới|khoảng|từ|tối|không|ít|duy|đạt)[^"]*"' "$root"/plans "$root"/tests/fixtures \
              | sort -u | head -300 | while read -r t; do printf '%s' "${t//\"/}" > "$corpus/$(printf '%s' "$t" | md5sum | cut -c1-16)"; done ;;
    formula) grep -rhoE 'formula: "[^"]*"' "$root"/plans "$root"/tests \
              | sed 's/formula: "//; s/"$//' | while read -r f; do printf '%s' "$f" > "$corpus/$(printf '%s' "$f" | md5sum | cut -c1-16)"; done ;;
  esac
  cp "$root"/fuzz/regressions/$target/* "$corpus"/ 2>/dev/null || true
  log="$build/fuzz-$target.log"
  if ! (cd "$build" && ./fuzz_$target "$corpus" -dict="$root/fuzz/plancheck.dict" -max_total_time="$seconds" \
        -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1); then
    echo "fuzz_$target: FINDING (see $log; the input is in $build)"; tail -40 "$log"; exit 1
  fi
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  echo "fuzz_$target: ${seconds}s, ${execs:-?} executions, coverage ${cov:-?} edges, no findings"
done
