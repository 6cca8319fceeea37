#!/usr/bin/env python3
"""Parses plancheck's JSON back with Python's json module and checks it key by
key against cli.md and against numbers computed here, independently, from the
fixture's data (semantics.md)."""
import json
import math
import sys

from support import check, finish, run

BIN = sys.argv[1]
FIXTURE = "tests/fixtures/good/"

UNIT_KEYS = {"id", "name", "file", "counts", "indicators"}
INDICATOR_KEYS = {"id", "name", "kind", "unit", "better", "stage", "baseline", "latest", "trend", "status", "milestones"}
MILESTONE_KEYS = {"year", "target", "op", "value", "low", "high", "status", "met", "gap", "gap_units", "progress",
                  "expected", "schedule", "projected", "required_pace", "pace_ratio", "attainment_year", "reason"}
STATUSES = {"met", "on-track", "at-risk", "off-track", "missed", "unknown"}


def close(a, b, what):
    check(a is not None and abs(a - b) <= 1e-6, f"{what}: {a} != {b}")


def run_json(*args):
    code, out, err = run(BIN, *args)
    check(code == 0, f"{args}: exit {code}: {err}")
    return json.loads(out)


def ols(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def indicator(doc, iid):
    return next(i for i in doc["units"][0]["indicators"] if i["id"] == iid)


def contract(doc):
    check(doc["plancheck"] == 1 and doc["as_of"] == 2026 and doc["method"] in ("linear", "cagr"), "top-level keys")
    for u in doc["units"]:
        check(UNIT_KEYS <= u.keys(), f"unit keys: {UNIT_KEYS - u.keys()}")
        check(set(u["counts"]) == STATUSES, "counts keys")
        check(sum(u["counts"].values()) == len(u["indicators"]), "counts add up to indicators")
        for i in u["indicators"]:
            check(INDICATOR_KEYS <= i.keys(), f"{i['id']}: missing {INDICATOR_KEYS - i.keys()}")
            check(i["status"] in STATUSES, f"{i['id']}: status {i['status']}")
            for m in i["milestones"]:
                check(MILESTONE_KEYS <= m.keys(), f"{i['id']}: missing {MILESTONE_KEYS - m.keys()}")
                check(m["status"] in STATUSES, f"{i['id']} {m['year']}: status")
                check((m["status"] == "met") == m["met"], f"{i['id']} {m['year']}: met and status agree")
                check((m["reason"] is None) == (m["status"] != "unknown"), f"{i['id']} {m['year']}: reason iff unknown")


def linear_numbers(doc):
    creche = indicator(doc, "preschool.creche-enrolment")
    pts = [(2024, 48.4), (2025, 50.2), (2026, 52.1)]
    b = ols(pts)
    close(creche["trend"], b, "creche trend")
    check(creche["baseline"] == {"year": 2024, "year_label": "2024", "value": 48.4, "numerator": None, "denominator": None},
          "creche baseline")
    check(creche["latest"]["value"] == 52.1 and creche["latest"]["year"] == 2026, "creche latest")
    m2030 = creche["milestones"][1]
    check(m2030["op"] == ">" and m2030["value"] == 56 and m2030["low"] is None, "creche 2030 target")
    close(m2030["gap"], 56 - 52.1, "creche gap")
    close(m2030["progress"], (52.1 - 48.4) / (56 - 48.4), "creche progress")
    # The plan's path: 48.4 (2024) -> 50 (2027) -> 56 (2030); at 2026 on the first leg.
    expected = 48.4 + (50 - 48.4) * 2 / 3
    close(m2030["expected"], expected, "creche expected")
    close(m2030["schedule"], 52.1 - expected, "creche schedule")
    close(m2030["projected"], 52.1 + b * 4, "creche projected")
    close(m2030["required_pace"], (56 - 52.1) / 4, "creche required pace")
    close(m2030["pace_ratio"], b / ((56 - 52.1) / 4), "creche pace ratio")
    check(m2030["attainment_year"] == 2029 and m2030["status"] == "on-track", "creche attainment and status")

    maln = indicator(doc, "preschool.malnutrition")
    b = ols([(2024, 3.2), (2025, 3.0), (2026, 2.6)])
    m = maln["milestones"][0]
    close(m["gap"], 0.6, "malnutrition gap (above the ceiling)")
    close(m["schedule"], -(2.6 - (3.2 + (2 - 3.2) * 2 / 6)), "malnutrition schedule (lower is better)")
    close(m["projected"], 2.6 + 4 * b, "malnutrition projected")
    check(m["status"] == "on-track", "malnutrition status")

    schools = indicator(doc, "schools.national-standard")
    m = schools["milestones"][0]
    check(m["op"] == "range" and m["value"] is None and m["low"] == 80 and m["high"] == 85, "range target")
    check(schools["latest"]["numerator"] == 5 and schools["latest"]["denominator"] == 8, "ratio counts")
    close(m["gap"], 80 - 62.5, "range gap to the nearer bound")
    check(m["gap_units"] == math.ceil(0.8 * 8 - 5), "gap_units")
    # Higher is better: a range is met from its lower bound up, so 87.5% projected is on track.
    check(m["status"] == "on-track", f"schools status {m['status']}")

    quality = indicator(doc, "lower-secondary.quality")
    check(quality["latest"]["value"] == "Đang thực hiện", "milestone value is the stage name")
    check(quality["milestones"][0]["value"] == "Hoàn thành giai đoạn 1", "milestone target is the stage name")
    check(quality["milestones"][0]["gap"] == 1 and quality["milestones"][1]["gap"] == 2, "stages to go")
    # The plan's path: stage 0 in 2024 to stage 2 in 2027 expects stage floor(4/3) = 1 in 2026.
    check(quality["milestones"][0]["expected"] == 1 and quality["milestones"][0]["schedule"] == 0, "stage schedule")
    check(quality["milestones"][0]["status"] == "on-track", "stage on the plan's path")
    flag = indicator(doc, "primary.universal-level3")
    check(flag["latest"]["value"] is True and flag["milestones"][0]["value"] is True, "flag values are booleans")
    check(flag["milestones"][0]["status"] == "met", "maintained flag met")

    classes = indicator(doc, "primary.classes")
    check(classes["milestones"][0]["year"] == 2026 and classes["milestones"][0]["year_label"] == "2025-2026",
          "school year stored as its end year, shown as written")
    check(classes["milestones"][0]["op"] == "~" and classes["milestones"][0]["low"] == 39, "approximate band")


def cagr_numbers(doc):
    check(doc["method"] == "cagr", "method cagr")
    m = indicator(doc, "preschool.creche-enrolment")["milestones"][1]
    obs = (52.1 / 48.4) ** (1 / 2) - 1
    req = (56 / 48.4) ** (1 / 6) - 1
    close(m["pace_ratio"], obs / abs(req), "cagr ratio")
    close(m["required_pace"], req, "cagr required")
    close(m["projected"], 52.1 * (1 + obs) ** 4, "cagr projected")
    check(m["status"] == "on-track", "cagr status")


def gaps_order(doc):
    rank = {"missed": 0, "off-track": 1, "at-risk": 2, "unknown": 3, "on-track": 4}
    statuses = [i["milestones"][0]["status"] for i in doc["units"][0]["indicators"]]
    check(statuses == sorted(statuses, key=rank.get), f"gaps worst first: {statuses}")
    check(all(not m["met"] for i in doc["units"][0]["indicators"] for m in i["milestones"]), "gaps has no met milestone")


def projection(doc):
    creche = indicator(doc, "preschool.creche-enrolment")
    close(creche["projection"]["value"], 52.1 + ols([(2024, 48.4), (2025, 50.2), (2026, 52.1)]) * 9, "project --to 2035")
    check(creche["projection"]["year"] == 2035, "projection year")


# Each command's document holds to the contract, then to its own numbers.
for command, options, numbers in (("evaluate", [], linear_numbers), ("evaluate", ["--method", "cagr"], cagr_numbers),
                                  ("gaps", [], gaps_order), ("project", ["--to", "2035"], projection)):
    doc = run_json(command, FIXTURE, "--format", "json", *options)
    contract(doc)
    numbers(doc)
filtered = run_json("evaluate", FIXTURE, "--format", "json", "--indicator", "preschool.*", "--status", "on-track")
check([i["id"] for i in filtered["units"][0]["indicators"]] == ["preschool.creche-enrolment", "preschool.malnutrition"],
      "filters")

finish()
