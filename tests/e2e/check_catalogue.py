#!/usr/bin/env python3
"""The catalogue and the city view, read back by real consumers:
- `plancheck catalogue --format json` parses; every entry has names in both
  languages, a stage and at least one cited national source; ids unique;
  --search finds by diacritic-free text and an unmatched search exits 2;
- every indicator of the bundled plans that `ref:`s the catalogue names an
  entry that exists, and `validate plans/ examples/` warns of no indicator
  that looks like a catalogue one without referring to it;
- `summary plans/ examples/` rolls the units up into Hải Phòng with rows
  covering at least three units for crèche and kindergarten enrolment,
  national-standard schools, smart classrooms and the universal-education
  standards; each roll-up's status agrees with how it says it was judged.
- A plan written with a catalogue name under another id gets the warning
  naming the catalogue id."""
import json
import os
import sys
import tempfile

import yaml

from support import check, finish, json_output, run

BIN = sys.argv[1]
WORST_FIRST = ["missed", "off-track", "at-risk", "unknown", "on-track", "met"]

code, out, err = run(BIN, "catalogue", "--format", "json")
check(code == 0, f"catalogue: exit {code} {err}")
entries = json.loads(out)["catalogue"]
ids = [e["id"] for e in entries]
check(len(ids) == len(set(ids)), "catalogue ids are unique")
for e in entries:
    for key in ("name", "name_en", "stage"):
        check(bool(e[key]), f"{e['id']}: {key}")
    check(len(e["sources"]) >= 1 and all(s.strip() for s in e["sources"]), f"{e['id']}: a national source cited")
    check(e["sdg"] is None or e["sdg"].startswith("4."), f"{e['id']}: an SDG 4 code")

code, out, err = run(BIN, "catalogue", "--search", "suy dinh duong", "--format", "json")
check(code == 0 and [e["id"] for e in json.loads(out)["catalogue"]] == ["preschool.malnutrition"],
      "search without diacritics finds the entry")
code, out, err = run(BIN, "catalogue", "--search", "không có chỉ tiêu này")
check(code == 2 and out == "" and "no catalogue indicator matches" in err, "an unmatched search is an error, nothing on stdout")

for path in sorted(os.listdir("plans")) + ["../examples/xa-mau.yaml"]:
    with open(os.path.join("plans", path), encoding="utf-8") as f:
        plan = yaml.safe_load(f)
    for ind in plan["indicators"]:
        if "ref" in ind:
            check(ind["ref"] in ids, f"{path}: {ind['id']} refers to {ind['ref']}, which the catalogue has")

code, out, err = run(BIN, "validate", "plans/", "examples/")
check(code == 0, f"validate plans/ examples/: exit {code}")
check("looks like the catalogue's" not in err, "every bundled indicator that matches a catalogue entry refers to it")

doc = json_output(BIN, "summary plans/ examples/", "summary", "plans/", "examples/", "--format", "json")
groups = {g["id"]: g for g in doc["rollup"]["groups"]}
check("hai-phong" in groups, "the units roll up into their common parent, Hải Phòng")
city = {r["id"]: r for r in groups.get("hai-phong", {"indicators": []})["indicators"]}
for wanted in ["preschool.creche-enrolment", "preschool.kindergarten-enrolment", "schools.national-standard",
               "schools.smart-classroom", "pcgd.primary-level3", "pcgd.lower-secondary-level3", "literacy.level2"]:
    check(wanted in city and city[wanted]["units_count"] >= 3, f"the city view pools {wanted} over at least three units")
for r in city.values():
    counts = r["unit_statuses"]
    check(sum(counts.values()) == r["units_count"], f"{r['id']}: every unit's status counted")
    if r["status_basis"] == "units":
        top = max(counts.values())
        candidates = [s for s in WORST_FIRST if counts[s] == top]
        check(r["status"] == candidates[0], f"{r['id']}: the most common unit status, a tie to the worse")

with tempfile.TemporaryDirectory() as t:
    plan = os.path.join(t, "x.yaml")
    with open(plan, "w", encoding="utf-8") as f:
        f.write('plancheck: 1\nunit: {id: xa-thu, name: "Xã Thử", type: xã}\nindicators:\n'
                '  - id: mn.suy-dinh-duong\n    name: "Tỉ lệ trẻ suy dinh dưỡng"\n    unit: "%"\n'
                '    better: lower\n    targets: {2030: "dưới 2%"}\n')
    code, out, err = run(BIN, "validate", plan)
    check("looks like the catalogue's preschool.malnutrition" in err and 'add "ref: preschool.malnutrition"' in err,
          f"a catalogue name under another id is warned of, naming the catalogue id: {err}")

finish()
