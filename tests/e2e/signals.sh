#!/usr/bin/env bash
# Signals: one the parent ignores (nohup, trap '' INT) stays ignored and the
# run completes; SIGTERM half-way through --output (a report, summary's
# stream, a spreadsheet) leaves no temporary file, next to the output or in
# TMPDIR, and the previous report whole; summary --output flushes the
# directory after the rename, as evaluate does.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
export TMPDIR=$dir/tmp
mkdir -p "$TMPDIR" "$dir/out"

# Waits until a file matching the glob exists (the run is writing).
wait_for() {
  for _ in $(seq 400); do compgen -G "$1" >/dev/null && return 0; sleep 0.02; done
  return 1
}
no_temp_files() {
  compgen -G "$dir/out/.*.tmp.*" >/dev/null && no "$1: temporary file left next to the output"
  [ -z "$(ls -A "$TMPDIR")" ] || no "$1: left in TMPDIR: $(ls -A "$TMPDIR")"
}

# A batch large enough for the spreadsheet to take a while to render (the
# reports of plans/ and examples/ take seconds to write with the write delay).
mkdir -p "$dir/many"
python3 - "$dir/many" <<'PY'
import sys
for u in range(400):
    inds = "".join(f"  - {{id: i{i}, name: Indicator {i}, unit: '%', baseline: {{year: 2020, value: {i}}}, "
                   f"targets: {{2025: {i + 10}, 2030: {i + 20}}}}}\n" for i in range(25))
    acts = "".join(f"  i{i}: {{2022: {i + 2}, 2023: {i + 3}}}\n" for i in range(25))
    open(f"{sys.argv[1]}/u{u:03}.yaml", "w").write(
        f"plancheck: 1\nunit: {{id: u{u}, name: Unit {u}}}\nindicators:\n{inds}actuals:\n{acts}")
PY

# 1. Ignored by the parent: the signal is sent while the report is being
#    written (the temporary file exists), and the run still completes.
for sig in INT HUP; do
  for cmd in evaluate summary; do
    out=$dir/out/$cmd-$sig.json
    "$bin" $cmd plans/ examples/ --quiet --format json --output "$dir/expected.json"
    (
      trap '' "$sig"
      PLANCHECK_TEST_WRITE_DELAY_MS=20 exec "$bin" $cmd plans/ examples/ --quiet --format json --output "$out"
    ) &
    pid=$!
    wait_for "$dir/out/.$cmd-$sig.json.tmp.*" || no "$cmd: no temporary file seen while writing"
    sleep 0.1
    kill -"$sig" $pid
    wait $pid
    code=$?
    [ $code -le 1 ] || no "$cmd with SIG$sig ignored by the parent: exit $code"
    cmp -s "$out" "$dir/expected.json" || no "$cmd with SIG$sig ignored by the parent: report incomplete"
    no_temp_files "$cmd with SIG$sig ignored"
  done
done

# 2. SIGTERM half-way: no temporary file anywhere, the old report whole.
for cmd in evaluate summary; do
  out=$dir/out/$cmd.json
  echo "previous report" >"$out"
  PLANCHECK_TEST_WRITE_DELAY_MS=20 "$bin" $cmd plans/ examples/ --quiet --format json --output "$out" &
  pid=$!
  wait_for "$dir/out/.$cmd.json.tmp.*" || no "$cmd: no temporary file seen while writing"
  sleep 0.1
  kill -TERM $pid
  wait $pid
  code=$?
  [ $code -eq 143 ] || no "$cmd interrupted by SIGTERM: exit $code, not 143"
  [ "$(cat "$out")" = "previous report" ] || no "$cmd: old report not intact after SIGTERM"
  no_temp_files "$cmd interrupted"
done

# 3. SIGTERM while the spreadsheet is rendered (libxlsxwriter's workbook is a
#    named file in TMPDIR): the signal waits until that file is removed.
out=$dir/out/report.xlsx
echo "previous report" >"$out"
"$bin" evaluate "$dir/many" --quiet --format xlsx --output "$out" &
pid=$!
wait_for "$TMPDIR/plancheck-*.xlsx" || no "xlsx: no workbook seen in TMPDIR while rendering"
kill -TERM $pid
wait $pid
code=$?
[ $code -eq 143 ] || no "xlsx interrupted by SIGTERM: exit $code, not 143"
[ "$(cat "$out")" = "previous report" ] || no "xlsx: old report not intact after SIGTERM"
no_temp_files "xlsx interrupted"

# 4. summary --output flushes the directory after renaming, like evaluate.
if command -v strace >/dev/null; then
  for cmd in evaluate summary; do
    # LeakSanitizer cannot run under ptrace.
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=rename,openat,fsync -o "$dir/trace" "$bin" $cmd plans/ --quiet --output "$dir/out/$cmd.txt"
    python3 - "$dir/trace" "$dir/out" <<'PY' || no "$cmd --output: the directory is not flushed after the rename"
import re, sys
trace = open(sys.argv[1]).read()
renamed = trace.find('rename(')
m = re.compile(r'openat\(AT_FDCWD, "' + re.escape(sys.argv[2]) + r'", O_RDONLY\|O_DIRECTORY\) = (\d+)').search(trace, renamed)
sys.exit(0 if renamed >= 0 and m and re.search(r"fsync\(" + m.group(1) + r"\)\s+= 0", trace[m.end():]) else 1)
PY
  done
else
  no "strace is not installed (Debian package strace): the directory flush is not checked"
fi

[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
