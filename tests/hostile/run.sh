#!/usr/bin/env bash
# One hostile input: plancheck must end within the time limit with the
# expected exit code, the expected message (file name and line), and nothing
# on stdout when it fails. Usage: run.sh PLANCHECK GENERATED_DIR CASE
set -u
bin=$1 gen=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
line=$(grep -E "^$case \|" "$here/cases.txt") || { echo "no case $case"; exit 1; }
IFS='|' read -r _ input command code fragment <<<"$line"
input=$(echo "$input" | xargs) command=$(echo "$command" | xargs) code=$(echo "$code" | xargs)
fragment=$(echo "$fragment" | sed 's/^ *//; s/ *$//')
if [[ $input == @* ]]; then path="$gen/${input#@}"; elif [[ $input == /* ]]; then path=$input; else path="$here/$input"; fi
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
start=$(date +%s%N)
case $command in
  stdin) timeout 20 "$bin" validate - <"$path" >"$out" 2>"$err"; got=$? ;;
  procsub) timeout 20 bash -c "'$bin' validate <(cat '$path')" >"$out" 2>"$err"; got=$? ;;  # a pipe with a name
  pipe) timeout 20 bash -c "set -o pipefail; '$bin' evaluate '$path' | head -1 >/dev/null" 2>"$err"; got=$?
        [ $got -eq 141 ] && got=0 ;;  # SIGPIPE on a closed pipe is a quiet end
  *) timeout 20 "$bin" "$command" "$path" >"$out" 2>"$err"; got=$? ;;
esac
ms=$(( ($(date +%s%N) - start) / 1000000 ))
fail=0
[ "$got" = "$code" ] || { echo "exit $got, expected $code"; fail=1; }
[ "$got" = 124 ] && echo "timed out"
if [ "$code" = 2 ] && [ -s "$out" ]; then echo "stdout not empty"; fail=1; fi
if [ -n "$fragment" ]; then
  grep -qF -- "$fragment" "$err" || { echo "expected message: $fragment"; echo "got:"; head -c 2000 "$err"; fail=1; }
elif [ "$command" = pipe ] && [ -s "$err" ]; then
  echo "a closed pipe printed:"; cat "$err"; fail=1
fi
# Sanitized builds run several times slower: the limit is for them.
[ $ms -lt 20000 ] || { echo "took ${ms} ms (limit 20 s)"; fail=1; }
echo "$case: exit $got in ${ms} ms"
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
