#!/usr/bin/env bash
# A failed write is a failure: with stdout on a full disk (/dev/full, every
# write fails with ENOSPC) every command and format exits 2 with one message,
# never 0 with the results lost.
set -u
bin=$1
[ -w /dev/full ] || { echo "no /dev/full: cannot run"; exit 1; }
expected="plancheck: error: cannot write to standard output: No space left on device"
fail=0 runs=0
check() {
  runs=$((runs + 1))
  err=$("$bin" "$@" 2>&1 >/dev/full)
  code=$?
  [ $code -eq 2 ] || { echo "FAIL: plancheck $* > /dev/full exited $code"; fail=1; }
  [ "$err" = "$expected" ] || { echo "FAIL: plancheck $* > /dev/full said: $err"; fail=1; }
}
for cmd in evaluate gaps project; do
  for format in table json csv markdown junit github html xlsx; do
    check $cmd plans/ --quiet --format $format
  done
done
for format in table json markdown; do check summary plans/ --quiet --format $format; done
check validate plans/ --quiet
for format in json junit github; do check validate plans/ --quiet --format $format; done
check init
check --version
check --help
check evaluate --help
# Exit 1 (a --fail-on status found) is no excuse either.
check evaluate plans/ --quiet --fail-on missed,off-track,at-risk
echo "$runs runs"
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
