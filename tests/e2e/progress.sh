#!/usr/bin/env bash
# summary's progress line: on stderr when it is a terminal and the run takes
# over a second; never with --quiet, never when stderr is not a terminal.
set -u
bin=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/gen "$dir/units" 120
fail=0
start=$(date +%s%N)
tty=$(script -qec "'$bin' summary '$dir/units' --jobs 1 >/dev/null" /dev/null | tr -d '\r')
ms=$(( ($(date +%s%N) - start) / 1000000 ))
quiet=$(script -qec "'$bin' summary '$dir/units' --jobs 1 --quiet >/dev/null" /dev/null | tr -d '\r')
piped=$("$bin" summary "$dir/units" --jobs 1 2>&1 >/dev/null)
# Only meaningful when the run was long enough: the line waits for a second.
if [ $ms -gt 1500 ]; then
  [[ "$tty" == *"units checked"* ]] || { echo "no progress line on a terminal (run took ${ms} ms)"; fail=1; }
fi
[[ "$quiet" == *"units checked"* ]] && { echo "progress despite --quiet"; fail=1; }
[ -z "$piped" ] || { echo "stderr not empty when not a terminal: $piped"; fail=1; }
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
