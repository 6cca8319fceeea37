#!/usr/bin/env bash
# Runs one golden case: compares stdout, stderr and the exit code with the
# expectations in the case directory. PLANCHECK_UPDATE_GOLDEN=1 rewrites them.
# The language comes from the case's optional `env` file (e.g. LANG=vi_VN.UTF-8),
# else English whatever the caller's locale.
set -u
bin=$1 case=$2
# `args` is read as a shell would (quotes group words: --fail-on "missed, off-track").
eval "args=($(< "$case/args"))"
envs=(LANG=C.UTF-8)
[ -f "$case/env" ] && read -r -a envs < "$case/env"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
input=/dev/null
[ -f "$case/stdin" ] && input=$case/stdin
env -u LC_ALL NO_COLOR= "${envs[@]}" "$bin" "${args[@]}" < "$input" > "$out" 2> "$err"
code=$?
if [ "${PLANCHECK_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" "$case/stdout"; cp "$err" "$case/stderr"; echo "$code" > "$case/exit"
  exit 0
fi
fail=0
expected_code=$(cat "$case/exit")
if [ "$code" != "$expected_code" ]; then echo "exit code $code, expected $expected_code"; fail=1; fi
diff -u "$case/stdout" "$out" > /dev/null || { echo "stdout differs:"; diff -u "$case/stdout" "$out"; fail=1; }
diff -u "$case/stderr" "$err" > /dev/null || { echo "stderr differs:"; diff -u "$case/stderr" "$err"; fail=1; }
# Exit 2 prints nothing on stdout, except the reports of `validate --format
# json|junit|github`, whose findings are the errors (a case says so with a
# `report-on-exit-2` file).
if [ "$code" = 2 ] && [ -s "$out" ] && [ ! -f "$case/report-on-exit-2" ]; then echo "exit 2 but stdout is not empty"; fail=1; fi
exit $fail
