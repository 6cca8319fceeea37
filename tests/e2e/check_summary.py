#!/usr/bin/env python3
"""summary: the JSON parses and matches the schema, units agree with
`evaluate`, output is identical on one thread and on all cores, and bad
batches (two plans for a unit, data without a plan) exit 2 with nothing on
stdout."""
import json
import sys


from support import check, finish, json_output
from support import run as support_run

BIN = sys.argv[1]


def run(*args):
    return support_run(BIN, *args)


for paths in (["plans/", "examples/"], ["tests/fixtures/rollup/"], ["tests/fixtures/summary/late/"]):
    doc = json_output(BIN, f"summary {paths}", "summary", *paths, "--format", "json")
    check({"rollup", "ranking", "units_count"} <= doc.keys(), "summary adds rollup and ranking beside units")
    for r in doc["rollup"]["indicators"]:
        check(r["aggregation"] in ("pooled", "sum", "weighted-mean", "mean"), "aggregation names")
        check(r["units_count"] >= 2, "roll-up only for ids in more than one unit")
        check(r["missing_count"] == len(r["missing_units"]), "missing units counted and named")
    _, evaluated, _ = run("evaluate", *paths, "--format", "json")
    ev = json.loads(evaluated)
    check(ev["as_of"] == doc["as_of"], f"{paths}: as_of agrees with evaluate ({ev['as_of']} vs {doc['as_of']})")
    check([u["counts"] for u in ev["units"]] == [u["counts"] for u in doc["units"]], f"{paths}: counts agree with evaluate")
    for fmt in ("table", "json", "markdown"):
        one = run("summary", *paths, "--format", fmt, "--jobs", "1")
        many = run("summary", *paths, "--format", fmt, "--jobs", "4")
        check(one == many, f"{paths} {fmt}: identical with 1 thread and 4")

code, out, _ = run("summary", "tests/fixtures/rollup/", "--format", "json")
rollup = {r["id"]: r for r in json.loads(out)["rollup"]["indicators"]}
check(abs(rollup["schools.standard"]["latest"]["value"] - (1 + 90 + 95) / (2 + 100 + 110) * 100) < 1e-9,
      "pooled over every unit: Σn/Σd")
groups = {g["id"]: g for g in json.loads(out)["rollup"]["groups"]}
h = {r["id"]: r for r in groups["huyen-h"]["indicators"]}
check(abs(h["schools.standard"]["latest"]["value"] - 91 / 102 * 100) < 1e-9, "district roll-up pools its communes")
check(groups["huyen-h"]["name"] == "Huyện H" and groups["huyen-h"]["units_count"] == 2, "group named by its plan")

code, out, err = run("summary", "tests/fixtures/summary/dup/")
check(code == 2 and out == "", "two plans for one unit: exit 2, nothing on stdout")
check("dup/b.yaml:2:7: error: unit id \"xa-trung\" is also the unit of tests/fixtures/summary/dup/a.yaml" in err,
      f"both files named: {err}")
code, out, err = run("summary", "tests/fixtures/rollup/", "tests/fixtures/bad/data-without-plan.yaml")
check(code == 2 and out == "" and 'data for unit "xa-khong-co", but no plan' in err, f"data without plan: {err}")
code, out, err = run("summary", "tests/fixtures/rollup/", "--fail-on", "off-track")
check(code == 1, "--fail-on in summary")
code, out, err = run("summary", "tests/fixtures/rollup/", "--format", "junit")
check(code == 2 and out == "", "summary formats: table, json, markdown")
code, out, err = run("summary", "tests/fixtures/rollup/")
check(err == "", "no progress line when stderr is not a terminal")

finish()
