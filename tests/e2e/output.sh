#!/usr/bin/env bash
# --output FILE is written atomically: the whole report or the old file,
# never half of one, and no temporary file left behind.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

# A complete report, nothing on stdout.
out=$("$bin" evaluate plans/ examples/ --format json --output "$dir/report.json")
[ -z "$out" ] || no "stdout not empty with --output"
"$bin" evaluate plans/ examples/ --format json | cmp -s - "$dir/report.json" || no "file differs from stdout output"
[ "$(stat -c %a "$dir/report.json")" != 600 ] || no "report left private (0600)"

# Interrupted half-way (the test hook slows writing down): the old report
# stays whole and no temporary file is left.
echo "previous report" > "$dir/report.json"
PLANCHECK_TEST_WRITE_DELAY_MS=50 "$bin" evaluate plans/ examples/ --format json --output "$dir/report.json" &
pid=$!
for _ in $(seq 100); do ls "$dir"/.report.json.tmp.* >/dev/null 2>&1 && break; sleep 0.05; done
ls "$dir"/.report.json.tmp.* >/dev/null 2>&1 || no "no temporary file seen while writing"
kill -TERM $pid
wait $pid
code=$?
[ $code -ne 0 ] || no "the interrupted run exited 0"
[ "$(cat "$dir/report.json")" = "previous report" ] || no "old report not intact after an interrupted run"
ls "$dir"/.report.json.tmp.* >/dev/null 2>&1 && no "temporary file left after an interrupted run"

# Bad input: exit 2, the old report untouched.
"$bin" evaluate tests/fixtures/bad/bad-targets.yaml --output "$dir/report.json" 2>/dev/null
[ $? -eq 2 ] || no "bad input did not exit 2"
[ "$(cat "$dir/report.json")" = "previous report" ] || no "old report changed by a failed run"

# An unwritable place: exit 2 with a message naming the file.
err=$("$bin" evaluate tests/fixtures/good/ --output "$dir/missing/report.json" 2>&1 >/dev/null)
[ $? -eq 2 ] || no "unwritable --output did not exit 2"
[[ "$err" == "$dir/missing/report.json: error: cannot write the report: cannot create a temporary file next to it: No such file or directory" ]] || no "message: $err"

[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
