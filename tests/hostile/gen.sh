#!/usr/bin/env bash
# Writes the large hostile inputs (not kept in git) into DIR.
set -euo pipefail
dir=$1
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import os, sys
d = sys.argv[1]
open(os.path.join(d, "deep.yaml"), "w").write("[\n" * 100000 + "]\n" * 100000)
open(os.path.join(d, "long-line.yaml"), "w").write('plancheck: 1\nunit: {id: u, name: U}\nx-long: "' + "a" * 200000 + '"\n')
with open(os.path.join(d, "huge.yaml"), "w") as f:
    f.write("plancheck: 1\n")
    line = "# " + "x" * 1021 + "\n"
    f.write(line * (100 * 1024 - 1))
with open(os.path.join(d, "many-errors.yaml"), "w") as f:
    f.write("plancheck: 1\nunit: {id: u, name: U}\nindicators:\n")
    for i in range(10000):
        f.write(f"  - {{id: i{i}, name: I, targets: {{2030: \"???\"}}}}\n")
os.makedirs(os.path.join(d, "loop"), exist_ok=True)
with open(os.path.join(d, "loop", "plan.yaml"), "w") as f:
    f.write("plancheck: 1\nunit: {id: u, name: U}\nindicators: [{id: a, name: A, targets: {2030: 1}}]\n")
# 20,000 broken files: their diagnostics must sort in n log n.
many = os.path.join(d, "many-files")
os.makedirs(many, exist_ok=True)
for i in range(20000):
    path = os.path.join(many, f"plan-{i:05}.yaml")
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write("plancheck: 1\nunit: {id: u%d, name: U}\nindicators: 7\n" % i)
link = os.path.join(d, "loop", "again")
if not os.path.islink(link):
    os.symlink("..", link)
PY
