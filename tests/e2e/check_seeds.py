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
# Every indicator that is a catalogue indicator refers to it (or has its id).
code, out, err = run("validate", "plans/", "examples/")
check("the catalogue's" not in err, f"no indicator looks like an unreferenced catalogue entry: {err}")

code, out, err = run("evaluate", "plans/", "--format", "json")
check(code == 0, f"evaluate plans/ exits {code}: {err}")
units = {u["id"]: u for u in json.loads(out)["units"]}
ind = {(u, i["id"]): i for u in units for i in units[u]["indicators"]}

# Indicators per plan, as transcribed (docs/plans/<id>.md lists each one).
expected_counts = {"ha-bac": 9, "kien-hung": 32, "ha-dong": 40, "vinh-bao": 72, "duong-kinh": 51}
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
trained = ind[("vinh-bao", "workforce.trained")]
check(trained["milestones"][0]["op"] == "range" and trained["milestones"][0]["low"] == 87, "a range target (87%-88%)")
quality = ind[("vinh-bao", "upper-secondary.quality-school-vinh-bao")]
check([m["year"] for m in quality["milestones"]] == [2025], "the '???' 2030 target is a note, not a target")
budget = units["vinh-bao"]["budget"]
check(budget["total"] == 344050 and len(budget["lines"]) == 7, "Vĩnh Bảo budget: total 344050 as printed, 7 lines")
check(len(units["vinh-bao"]["tasks"]) == 18, "Vĩnh Bảo: Appendix II as 18 tasks")
# Line 188, "Xây dựng mỗi cấp học, bậc học 03 lớp học thông minh" (2025): rooms per level, apart
# from line 63's "ít nhất 03 trường mỗi cấp học" (schools).
for stage in ("preschool", "primary", "lower-secondary"):
    rooms = ind[("vinh-bao", f"{stage}.smart-classrooms")]
    check(rooms["unit"] == "rooms" and [(m["year"], m["value"]) for m in rooms["milestones"]] == [(2025, 3)],
          f"Vĩnh Bảo {stage}: 3 smart classrooms by 2025")
    check(ind[("vinh-bao", f"{stage}.smart-classroom-schools")]["unit"] == "schools", f"{stage}: schools apart")
# Lines 119 and 130: English familiarisation in 100% of preschools (2025), for 100% of children aged 3-5 (2030).
check([m["year"] for m in ind[("vinh-bao", "preschool.english-familiarisation-schools")]["milestones"]] == [2025],
      "English familiarisation: the share of preschools by 2025")
check([m["year"] for m in ind[("vinh-bao", "preschool.english-familiarisation-children")]["milestones"]] == [2030],
      "English familiarisation: the share of children by 2030")

# Dương Kinh: pupils per class derived and checked against the class-size norms.
for iid, norm in (("primary.pupils-per-class", 35), ("lower-secondary.pupils-per-class", 45)):
    i = ind[("duong-kinh", iid)]
    check(all(m["op"] == "<=" and m["value"] == norm for m in i["milestones"]), f"{iid} <= {norm}")
    check(i["milestones"][0]["year_label"] == "2025-2026", f"{iid} keyed by school year")
check(ind[("duong-kinh", "preschool.malnutrition")]["better"] == "lower", "Dương Kinh malnutrition lower is better")
check(ind[("duong-kinh", "preschool.creche-enrolment")]["milestones"][0]["op"] == "~", "crèche ~80% is approximate")
schools = [i for (u, iid), i in ind.items() if u == "duong-kinh" and iid.startswith("recognition.") and iid.endswith(".standard")]
check(len(schools) == 4 and all(i["kind"] == "milestone" for i in schools), "one milestone indicator per scheduled school")

# Dương Kinh line 149: every school with its subject rooms; line 75: keep the share of accredited schools
# (3 of the 8 public schools listed in lines 77-81).
check(ind[("duong-kinh", "facilities.subject-rooms")]["milestones"][0]["target"] == "100%", "Dương Kinh subject rooms 100%")
accredited = ind[("duong-kinh", "schools.quality-accreditation")]
check(accredited["baseline"]["value"] == 37.5 and accredited["milestones"][0]["maintain"], "Dương Kinh keeps 3/8 accredited")

# Hà Đông: crèche > 56% by 2030; inequality < 10% (lower is better).
check(ind[("ha-dong", "preschool.creche-enrolment")]["milestones"][-1]["target"] == "> 56%", "Hà Đông crèche > 56%")
check(ind[("ha-dong", "hdi.education-inequality")]["better"] == "lower", "Hà Đông inequality lower is better")
# Line 41: "Duy trì tỷ lệ trường học các cấp đạt chuẩn Quốc gia mức độ 2", no figure: a maintained flag.
level2 = ind[("ha-dong", "schools.national-standard-level2-maintained")]
check(level2["kind"] == "flag" and level2["milestones"][0]["maintain"], "Hà Đông keeps its level-2 share")
for iid in ("digital.general-level2", "digital.digital-skills-programme", "general.stem"):
    check(ind[("ha-dong", iid)]["stage"] != "all", f"Hà Đông {iid}: general schools, not every stage")
# Kiến Hưng line 89, worded as Hà Đông's line 101: no pupil drops out for financial reasons (every
# year 2026-2030), a study-promotion and scholarship fund.
for uid in ("ha-dong", "kien-hung"):
    dropout = ind[(uid, "finance.dropout-financial-hardship")]
    check([(m["year"], m["op"], m["value"]) for m in dropout["milestones"]] == [(y, "<=", 0) for y in range(2026, 2031)],
          f"{uid}: no pupil drops out for financial reasons, 2026-2030")
    check(ind[(uid, "finance.study-promotion-fund")]["kind"] == "flag", f"{uid}: study-promotion fund")
check(ind[("kien-hung", "schools.national-standard-level2")]["name"].startswith("Tỷ lệ"), "Kiến Hưng level 2: a share")
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
