#!/usr/bin/env python3
"""`project` in CSV and Markdown carries the projections the JSON has
(issue #15): with --to YEAR one CSV row per indicator with the value
projected to YEAR, the target of YEAR and whether it would be met; without
--to one row per milestone. Parsed back with Python's csv module and
compared with `project --format json`, whose projection is the contract;
whether a projection meets its target is recomputed here from the JSON."""
import csv
import io
import os
import re
import subprocess
import sys

from support import check, finish, json_output
from support import run as support_run

BIN = sys.argv[1]
FIXTURES = [["tests/fixtures/good/"], ["tests/fixtures/escaping/"], ["plans/", "examples/"], ["tests/fixtures/long-names/"]]
COLUMNS = ["unit", "unit_name", "file", "indicator", "indicator_name", "kind", "indicator_unit", "better", "stage",
           "group", "latest_year", "latest_value", "trend", "method", "year", "year_label", "target", "op", "value",
           "low", "high", "line", "projected", "meets_target", "status"]
EPS = 1e-9


def run(*args):
    return support_run(BIN, *args)


def number(text):
    return None if text == "" else float(text)


def meets(ind, m, v):
    """The target's test (semantics.md), written from the contract."""
    op, value, low, high = m["op"], m["value"], m["low"], m["high"]
    if op == ">=":
        return v >= value - EPS
    if op == ">":
        return v > value + EPS
    if op == "<=":
        return v <= value + EPS
    if op == "<":
        return v < value - EPS
    above, below = v >= low - EPS, v <= high + EPS
    return above if ind["better"] == "higher" else below if ind["better"] == "lower" else above and below


def csv_rows(args):
    code, out, err = run("project", *args, "--format", "csv")
    check(code == 0, f"project {args} csv: exit {code} {err}")
    check(out.splitlines()[0] == ",".join(COLUMNS), f"project csv header: {out[:200]!r}")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    for r in rows:
        check(list(r.keys()) == COLUMNS and None not in r.values(), f"csv row has every column: {r}")
    return rows


def check_to(paths, year):
    doc = json_output(BIN, f"project {paths} --to {year}", "project", *paths, "--to", str(year), "--format", "json")
    rows = csv_rows([*paths, "--to", str(year)])
    want = {(u["id"], i["id"]): (u, i) for u in doc["units"] for i in u["indicators"]}
    check(len(rows) == len(want), f"--to {year} {paths}: {len(rows)} rows for {len(want)} indicators")
    for r in rows:
        key = (r["unit"], r["indicator"])
        check(key in want, f"csv row {key} in json")
        if key not in want:
            continue
        u, i = want[key]
        what = f"--to {year} {key}"
        check(r["unit_name"] == u["name"] and r["indicator_name"] == i["name"], f"{what}: names intact (UTF-8)")
        check(r["year"] == str(year) and r["method"] == doc["method"], f"{what}: year and method")
        check(number(r["projected"]) == i["projection"]["value"], f"{what}: projected {r['projected']!r} == "
              f"{i['projection']['value']!r} (unrounded)")
        check(number(r["trend"]) == i["trend"], f"{what}: trend")
        ms = [m for m in i["milestones"] if m["year"] == year]
        if not ms:
            check(r["target"] == r["meets_target"] == r["status"] == "", f"{what}: no milestone in {year}, no target")
            continue
        m = ms[0]
        check(r["target"] == m["target"] and r["op"] == m["op"] and r["status"] == m["status"], f"{what}: target")
        v = i["projection"]["value"]
        expected = "" if v is None else str(meets(i, m, v)).lower()
        check(r["meets_target"] == expected, f"{what}: meets_target {r['meets_target']!r}, expected {expected!r}")
    return doc


def check_milestones(paths):
    doc = json_output(BIN, f"project {paths}", "project", *paths, "--format", "json")
    rows = csv_rows(list(paths))
    want = {(u["id"], i["id"], m["year_label"]): (i, m) for u in doc["units"] for i in u["indicators"]
            for m in i["milestones"]}
    check(len(rows) == len(want), f"{paths}: {len(rows)} rows for {len(want)} milestones")
    for r in rows:
        key = (r["unit"], r["indicator"], r["year_label"])
        check(key in want, f"csv row {key} in json")
        if key not in want:
            continue
        i, m = want[key]
        check(number(r["projected"]) == m["projected"], f"{key}: projected")
        check(r["status"] == m["status"] and r["target"] == m["target"], f"{key}: status and target")
        expected = "" if m["projected"] is None else str(meets(i, m, m["projected"])).lower()
        check(r["meets_target"] == expected, f"{key}: meets_target {r['meets_target']!r}, expected {expected!r}")


def check_markdown(paths, year, doc):
    code, out, err = run("project", *paths, "--to", str(year), "--format", "markdown", "--lang", "en")
    check(code == 0, f"markdown: exit {code} {err}")
    check(out.startswith("# plancheck projections\n") and f"Projections to {year} from data" in out,
          f"markdown title: {out[:120]!r}")
    check("| Meets target |" in out, "markdown: the meets-target column")
    rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Indicator")]
    n = sum(len(u["indicators"]) for u in doc["units"])
    check(len(rows) == n, f"markdown {paths}: {len(rows)} rows for {n} indicators")
    for l in rows:
        check(len(re.findall(r"(?<!\\)\|", l)) == 8, f"markdown row has 7 cells (pipes escaped): {l[:100]!r}")
        check(f"| {year} |" in l, f"markdown row is for {year}: {l[:100]!r}")


def check_language_free(paths):
    outs = set()
    for lang in ("vi_VN.UTF-8", "C.UTF-8"):
        env = {k: v for k, v in os.environ.items() if k != "LC_ALL"}
        env["LANG"] = lang
        p = subprocess.run([BIN, "project", *paths, "--to", "2030", "--format", "csv"], capture_output=True, text=True,
                           env=env)
        outs.add(p.stdout)
    check(len(outs) == 1, f"{paths}: project csv is the same in every language")


for paths in FIXTURES:
    for year in (2027, 2030, 2035):
        doc = check_to(paths, year)
    check_markdown(paths, 2030, check_to(paths, 2030))
    check_milestones(paths)
    check_language_free(paths)

finish()
