#!/usr/bin/env bash
# Sample CI check for a district office: validates every commune's plan and
# data, writes the evaluation for scripts (JSON), for test dashboards
# (JUnit) and for people (Markdown), and fails the job when any milestone is
# missed or off track.
#
# Adapt PLANS, DATA and FAIL_ON to your repository. Exit codes:
#   0 all good, 1 some milestone missed or off track, 2 a plan or data file
#   is broken (the messages name the file and line).
set -euo pipefail

PLANCHECK=${PLANCHECK:-plancheck}
PLANS=${PLANS:-plans/}
DATA=${DATA:-examples/}
FAIL_ON=${FAIL_ON:-missed,off-track}
OUT=${OUT:-reports}

mkdir -p "$OUT"

# 1. Format errors stop the job (exit 2) with file:line:col messages.
"$PLANCHECK" validate "$PLANS" --data "$DATA" --quiet

# 2. Reports, each written atomically (a failed run keeps the last ones).
"$PLANCHECK" evaluate "$PLANS" --data "$DATA" --format json --output "$OUT/evaluation.json"
"$PLANCHECK" evaluate "$PLANS" --data "$DATA" --format junit --output "$OUT/plancheck-junit.xml"
"$PLANCHECK" gaps "$PLANS" --data "$DATA" --format markdown --output "$OUT/gaps.md"

# 3. The verdict: exit 1 when a milestone has a status in FAIL_ON.
"$PLANCHECK" gaps "$PLANS" --data "$DATA" --status "$FAIL_ON" --fail-on "$FAIL_ON" --color never
