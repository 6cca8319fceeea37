#!/usr/bin/env bash
# Sample CI check for a district office: validates every commune's plan and
# data, writes the evaluation as JSON for scripts and as a table for people,
# and fails the job when any milestone is missed or off track.
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
"$PLANCHECK" validate "$PLANS" --data "$DATA"

# 2. Results for scripts (JSON) and for people (table, gaps worst first).
"$PLANCHECK" evaluate "$PLANS" --data "$DATA" --format json > "$OUT/evaluation.json"
"$PLANCHECK" gaps "$PLANS" --data "$DATA" --color never > "$OUT/gaps.txt"

# 3. Fail when a milestone has one of the statuses in FAIL_ON.
python3 - "$OUT/evaluation.json" "$FAIL_ON" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
fail_on = set(sys.argv[2].split(","))
bad = [(u["id"], i["id"], m["year_label"], m["status"])
       for u in report["units"] for i in u["indicators"] for m in i["milestones"] if m["status"] in fail_on]
for unit, indicator, year, status in bad:
    print(f"{status}: {unit} {indicator} ({year})")
print(f"{len(bad)} milestone(s) with status in {sorted(fail_on)} as of {report['as_of']}")
sys.exit(1 if bad else 0)
PY
