#!/usr/bin/env bash
# A malformed input: `validate` must exit 2, print nothing on stdout, and give
# exactly the diagnostics in <input>.expected, each "file:line:col: error: …".
# With a language (vi), `validate --lang vi` must give those of
# <input>.vi.expected: the message in Vietnamese, the place and the word
# "error" as in English.
# A data file checked against a plan names it in <input>.with (more
# arguments, given after the input).
set -u
bin=$1 input=$2 lang=${3:-}
expected="${input%.*}${lang:+.$lang}.expected"
with=()
if [ -f "${input%.*}.with" ]; then read -r -a with < "${input%.*}.with"; fi
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$bin" validate ${lang:+--lang "$lang"} "$input" "${with[@]}" > "$out" 2> "$err"
code=$?
if [ "${PLANCHECK_UPDATE_GOLDEN:-}" = 1 ]; then cp "$err" "$expected"; fi
fail=0
[ "$code" = 2 ] || { echo "exit code $code, expected 2"; fail=1; }
[ -s "$out" ] && { echo "stdout is not empty:"; cat "$out"; fail=1; }
grep -q "^$input:[0-9][0-9]*:[0-9][0-9]*: error: " "$err" || { echo "no file:line:col error in:"; cat "$err"; fail=1; }
diff -u "$expected" "$err" || fail=1
exit $fail
