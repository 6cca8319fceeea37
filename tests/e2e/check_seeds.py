#!/usr/bin/env python3
"""The five seed plans in plans/: every plan loads and validates without
errors, and the number of indicators and selected values match the seeds
(../shared/seeds, as listed in docs/plans/)."""
import json
import sys

from support import check, finish
from support import run as support_run

BIN = sys.argv[1]


def run(*args):
    return support_run(BIN, *args)


code, out, err = run("validate", "plans/")
check(code == 0, f"validate plans/ exits {code}: {err}")
check("error:" not in err, "validate plans/ prints no error")

code, out, err = run("evaluate", "plans/", "--format", "json")
check(code == 0, f"evaluate plans/ exits {code}: {err}")
units = {u["id"]: u for u in json.loads(out)["units"]}
ind = {(u, i["id"]): i for u in units for i in units[u]["indicators"]}

# Indicators per plan, as transcribed (docs/plans/<id>.md lists each one).
expected_counts = {"ha-bac": 9, "kien-hung": 30, "ha-dong": 39, "vinh-bao": 68, "duong-kinh": 49}
for uid, n in expected_counts.items():
    check(uid in units, f"plan {uid} present")
    if uid in units:
        check(len(units[uid]["indicators"]) == n, f"{uid}: {len(units[uid]['indicators'])} indicators, expected {n}")

# Vĩnh Bảo, Appendix I: crèche-and-kindergarten enrolment 79,3% in 2024, 78% in 2025, 86% in 2030.
enrol = ind[("vinh-bao", "preschool.enrolment")]
check(enrol["baseline"]["year"] == 2024 and enrol["baseline"]["value"] == 79.3, "Vĩnh Bảo enrolment baseline 79.3 (2024)")
check([(m["year"], m["value"]) for m in enrol["milestones"]] == [(2025, 78), (2030, 86)], "Vĩnh Bảo enrolment targets")
maln = ind[("vinh-bao", "preschool.malnutrition")]
check(maln["better"] == "lower" and maln["milestones"][0]["op"] == "<", "malnutrition is lower-is-better with a ceiling")
trained = ind[("vinh-bao", "vocational.trained-workers")]
check(trained["milestones"][0]["op"] == "range" and trained["milestones"][0]["low"] == 87, "a range target (87%-88%)")
quality = ind[("vinh-bao", "upper-secondary.quality-school-vinh-bao")]
check([m["year"] for m in quality["milestones"]] == [2025], "the '???' 2030 target is a note, not a target")
budget = units["vinh-bao"]["budget"]
check(budget["total"] == 344050 and len(budget["lines"]) == 7, "Vĩnh Bảo budget: total 344050 as printed, 7 lines")
check(len(units["vinh-bao"]["tasks"]) == 18, "Vĩnh Bảo: Appendix II as 18 tasks")

# Dương Kinh: pupils per class derived and checked against the class-size norms.
for iid, norm in (("primary.pupils-per-class", 35), ("lower-secondary.pupils-per-class", 45)):
    i = ind[("duong-kinh", iid)]
    check(all(m["op"] == "<=" and m["value"] == norm for m in i["milestones"]), f"{iid} <= {norm}")
    check(i["milestones"][0]["year_label"] == "2025-2026", f"{iid} keyed by school year")
check(ind[("duong-kinh", "preschool.malnutrition")]["better"] == "lower", "Dương Kinh malnutrition lower is better")
check(ind[("duong-kinh", "preschool.creche-enrolment")]["milestones"][0]["op"] == "~", "crèche ~80% is approximate")
schools = [i for (u, iid), i in ind.items() if u == "duong-kinh" and iid.startswith("recognition.") and iid.endswith(".standard")]
check(len(schools) == 4 and all(i["kind"] == "milestone" for i in schools), "one milestone indicator per scheduled school")

# Hà Đông: crèche > 56% by 2030; inequality < 10% (lower is better).
check(ind[("ha-dong", "preschool.creche-enrolment")]["milestones"][-1]["target"] == "> 56%", "Hà Đông crèche > 56%")
check(ind[("ha-dong", "hdi.education-inequality")]["better"] == "lower", "Hà Đông inequality lower is better")
# Kiến Hưng and Hà Bắc: maintained standards are flags.
check(any(i["kind"] == "flag" and i["milestones"][0]["maintain"] for (u, _), i in ind.items() if u == "kien-hung"),
      "Kiến Hưng maintained standards")
check(sum(i["kind"] == "flag" for (u, _), i in ind.items() if u == "ha-bac") == 4, "Hà Bắc: four maintained flags")

# Every plan names its seed file.
for uid in expected_counts:
    with open(f"plans/{uid}.yaml", encoding="utf-8") as f:
        check("source: " in f.read(), f"{uid}: plan.source names the seed")

# The plans evaluate with the illustrative data without an error or a
# warning: the data checks (semantics.md 1.1 §7) find nothing implausible in
# it, so `make run` shows a new user results, not noise.
code, out, err = run("evaluate", "plans/", "examples/")
check(code == 0 and err == "", f"evaluate plans/ examples/: exit {code}, stderr {err[:600]}")

finish()
