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

# What --output must not replace: exit 2, the message, the file untouched,
# and nothing read (the input is bad: its errors would be printed first).
refused() {  # expected-message target args...
  local msg=$1 target=$2
  shift 2
  local before
  before=$(stat -c '%F %i %s %Y' "$target" 2>&1)
  err=$("$bin" "$@" --output "$target" 2>&1 >/dev/null)
  code=$?
  [ $code -eq 2 ] || no "--output $target: exit $code, not 2"
  [ "$err" = "plancheck: error: --output $target $msg" ] || no "--output $target: $err"
  [ "$(stat -c '%F %i %s %Y' "$target" 2>&1)" = "$before" ] || no "--output $target was replaced"
}
not_regular="; give a regular file (or leave out --output to write to stdout)"
# A character device: a private /dev/null when mknod works (as root: a
# regression must not replace the real one), else the real one (harmless
# when not root).
if mknod "$dir/null" c 1 3 2>/dev/null; then dev=$dir/null; else dev=/dev/null; fi
for cmd in evaluate gaps project summary; do
  refused "is a character device$not_regular" "$dev" $cmd tests/fixtures/bad/bad-targets.yaml
done
refused "is a character device$not_regular" "$dev" evaluate tests/fixtures/bad/bad-targets.yaml --format xlsx
refused "is a character device$not_regular" "$dev" evaluate tests/fixtures/bad/bad-targets.yaml --format html
[ -c "$dev" ] || no "$dev is no longer a character device"
mkfifo "$dir/fifo"
refused "is a FIFO (named pipe)$not_regular" "$dir/fifo" evaluate tests/fixtures/bad/bad-targets.yaml
refused "is a directory$not_regular" "$dir" summary tests/fixtures/bad/bad-targets.yaml
ln -s "$dev" "$dir/to-null"
refused "is a character device$not_regular" "$dir/to-null" evaluate tests/fixtures/bad/bad-targets.yaml

# One of the inputs: the plan itself, a --data file, a file in an input
# directory, another name for it (a hard link). Compared by device and inode.
mkdir "$dir/in"
cp tests/fixtures/bad/bad-targets.yaml "$dir/in/plan.yaml"
cp tests/fixtures/good/xa-mau-2026.csv "$dir/in/data.csv"
ln "$dir/in/plan.yaml" "$dir/alias.json"
inputs="the report would replace it: give another file"
refused "is one of the inputs ($dir/in/plan.yaml); $inputs" "$dir/in/plan.yaml" evaluate "$dir/in/plan.yaml"
refused "is one of the inputs ($dir/in/data.csv); $inputs" "$dir/in/data.csv" gaps tests/fixtures/good/xa-mau.yaml --data "$dir/in/data.csv"
refused "is one of the inputs ($dir/in/plan.yaml); $inputs" "$dir/in/plan.yaml" summary "$dir/in"
refused "is one of the inputs ($dir/in/plan.yaml); $inputs" "$dir/alias.json" project "$dir/in/plan.yaml" --to 2030

# A symbolic link is written through: the link stays, its target is the report.
mkdir "$dir/reports"
echo old >"$dir/reports/2026.json"
ln -s reports/2026.json "$dir/latest.json"
for cmd in evaluate summary; do
  "$bin" $cmd tests/fixtures/good/ --format json --output "$dir/latest.json" || no "$cmd through a link failed"
  [ -L "$dir/latest.json" ] || no "$cmd: the link was replaced"
  "$bin" $cmd tests/fixtures/good/ --format json | cmp -s - "$dir/reports/2026.json" || no "$cmd: the link's target is not the report"
  [ "$(ls -A "$dir/reports")" = 2026.json ] || no "$cmd: left in reports/: $(ls -A "$dir/reports")"
done

# A name of NAME_MAX (255) bytes: the temporary file's name is shortened.
long=$dir/$(printf 'r%.0s' $(seq 250)).json
for cmd in evaluate summary; do
  "$bin" $cmd tests/fixtures/good/ --format json --output "$long" || no "$cmd: a 255-byte name failed"
  [ -s "$long" ] || no "$cmd: no report under a 255-byte name"
done

[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
