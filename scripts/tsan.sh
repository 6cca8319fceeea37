#!/usr/bin/env bash
# The parallel batch path under ThreadSanitizer: any report fails the run.
set -uo pipefail
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
fail=0
for args in "summary plans/ examples/ --jobs 8" "summary tests/fixtures/rollup/ --jobs 4 --format json" \
            "evaluate plans/ examples/ --jobs 8 --format json" "validate plans/ examples/ --jobs 8" \
            "summary tests/fixtures/summary/late/ --jobs 4"; do
  # shellcheck disable=SC2086
  "$bin" $args >/dev/null 2>/tmp/tsan.$$
  code=$?
  if [ $code -eq 66 ] || grep -q "ThreadSanitizer" /tmp/tsan.$$; then
    echo "TSan report for: plancheck $args"; cat /tmp/tsan.$$; fail=1
  fi
done
rm -f /tmp/tsan.$$
[ $fail = 0 ] && echo "tsan: 5 passed, 0 failed" || echo "tsan: failed"
exit $fail
