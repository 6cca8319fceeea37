"""--format xlsx read back by real consumers and compared with --format json:
openpyxl (every unit's sheet, cell by cell; the summary and roll-up sheets),
then LibreOffice (the workbook converts, and its CSV of every sheet holds the
values openpyxl read). In Vietnamese and English: the words differ, the
numbers do not."""
import csv
import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

from support import check, finish, run

binary = sys.argv[1]
ARGS = ["plans/", "examples/"]

STAGES = ["preschool", "primary", "lower-secondary", "upper-secondary", "general", "continuing", "vocational", "all", None]
STATUS_WORDS = {
    "en": {"met": "met", "on-track": "on track", "at-risk": "at risk", "off-track": "off track", "missed": "missed",
           "unknown": "unknown"},
    "vi": {"met": "đạt", "on-track": "đúng tiến độ", "at-risk": "có nguy cơ", "off-track": "chậm tiến độ",
           "missed": "không đạt", "unknown": "chưa rõ"},
}
# The fills of docs/reports.md, as openpyxl reads them (ARGB).
FILLS = {"met": "FFC6EFCE", "on-track": "FFDDEBF7", "at-risk": "FFFFEB9C", "off-track": "FFF8CBAD",
         "missed": "FFFF9999", "unknown": "FFE7E6E6"}
FLAG_WORDS = {"en": {True: "done", False: "not done"}, "vi": {True: "đã xong", False: "chưa xong"}}
HEADERS = {
    "en": {"target": "Target ", "projected": "Projected ", "status_at": "Status ", "actual": "Actual",
           "actual_year": "Actual year", "next": "Next milestone", "gap": "Gap", "gap_units": "Gap (count)",
           "status": "Status", "notes": "Notes", "baseline": "Baseline", "baseline_year": "Baseline year",
           "summary": "Summary", "rollup": "Roll-up", "behind": "Furthest behind"},
    "vi": {"target": "Mục tiêu ", "projected": "Dự báo ", "status_at": "Đánh giá ", "actual": "Thực hiện",
           "actual_year": "Năm thực hiện", "next": "Mốc kế tiếp", "gap": "Khoảng cách",
           "gap_units": "Khoảng cách (số lượng)", "status": "Đánh giá", "notes": "Ghi chú", "baseline": "Hiện trạng",
           "baseline_year": "Năm hiện trạng", "summary": "Tổng hợp", "rollup": "Tổng hợp chỉ tiêu",
           "behind": "Chậm nhất"},
}


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def is_number(cell):
    return cell.data_type == "n" and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)


def check_number(cell, expected, what):
    if expected is None:
        check(cell.value is None, f"{what}: {cell.value!r}, expected an empty cell")
        return
    check(is_number(cell), f"{what}: {cell.value!r} ({cell.data_type}) is not a number cell")
    if is_number(cell):
        check(close(cell.value, expected), f"{what}: {cell.value} != {expected}")


def check_status(cell, status, lang, what):
    check(cell.value == STATUS_WORDS[lang][status], f"{what}: status {cell.value!r}, expected {status}")
    check(cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == FILLS[status],
          f"{what}: fill {cell.fill.fgColor.rgb} for {status}")


def check_value(cell, ind, value, lang, what):
    """A value of the indicator: numbers for number and ratio indicators,
    stage names and done / not done for the others."""
    if value is None:
        check(cell.value is None, f"{what}: {cell.value!r}, expected an empty cell")
    elif ind["kind"] == "flag":
        check(cell.value == FLAG_WORDS[lang][value], f"{what}: {cell.value!r} for {value}")
    elif ind["kind"] == "milestone" and isinstance(value, str):
        check(cell.value == value, f"{what}: {cell.value!r} != {value!r}")
    else:
        check_number(cell, value, what)


def next_milestone(ind, as_of):
    for m in ind["milestones"]:
        if m["year"] >= as_of:
            return m
    return ind["milestones"][-1] if ind["milestones"] else None


def columns(ws, row, lang):
    """Header text → column index (1-based); milestone columns by year."""
    h = HEADERS[lang]
    by_name, per_year = {}, {}
    for cell in ws[row]:
        text = cell.value or ""
        by_name[text] = cell.column
        for kind in ("target", "projected", "status_at"):
            if text.startswith(h[kind]) and text[len(h[kind]):][-4:].isdigit():
                per_year.setdefault(int(text[-4:]), {})[kind] = cell.column
    return by_name, per_year


def check_unit_sheet(ws, unit, as_of, lang):
    h = HEADERS[lang]
    where = f"{lang} sheet {ws.title}"
    check(ws.freeze_panes == "C3", f"{where}: frozen at {ws.freeze_panes}, expected C3 (title and header rows)")
    check(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9",
          f"{where}: page {ws.page_setup.orientation} paper {ws.page_setup.paperSize}")
    check(unit["name"] in (ws["A1"].value or ""), f"{where}: title {ws['A1'].value!r}")
    by_name, per_year = columns(ws, 2, lang)
    expected_order = [i for stage in STAGES for i in unit["indicators"] if i["stage"] == stage]
    rows = [r for r in range(3, ws.max_row + 1) if is_number(ws.cell(r, 1))]
    groups = [r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value is None and ws.cell(r, 2).value]
    stages_present = [s for s in STAGES if any(i["stage"] == s for i in unit["indicators"])]
    check(len(groups) == len(stages_present), f"{where}: {len(groups)} group rows for {len(stages_present)} stages")
    for g in groups:
        check(ws.cell(g, 2).font.b and ws.cell(g, 2).fill.fill_type == "solid", f"{where}: group row {g} not bold, shaded")
    check(ws.cell(groups[0], 2).value.startswith("I. ") if groups else True, f"{where}: first group {ws.cell(3, 2).value!r}")
    check(len(rows) == len(expected_order), f"{where}: {len(rows)} indicator rows, JSON has {len(expected_order)}")
    all_years = {m["year"] for i in unit["indicators"] for m in i["milestones"]}
    check(set(per_year) == all_years, f"{where}: milestone columns {sorted(per_year)} != {sorted(all_years)}")
    for n, (row, ind) in enumerate(zip(rows, expected_order), start=1):
        what = f"{where} row {row} {ind['id']}"
        cell = lambda header: ws.cell(row, by_name[h[header]])
        check(ws.cell(row, 1).value == n, f"{what}: STT {ws.cell(row, 1).value} != {n}")
        name = ind["name_en"] if lang == "en" and ind["name_en"] else ind["name"]
        if ind["basis"] == "norm":  # norms say so, with the norm they restate
            name += f" ({'norm' if lang == 'en' else 'định mức'}: {ind['basis_ref']})"
        check(ws.cell(row, 2).value == name, f"{what}: name {ws.cell(row, 2).value!r}")
        baseline = ind["baseline"]
        check_value(cell("baseline"), ind, baseline["value"] if baseline else None, lang, f"{what} baseline")
        check_number(cell("baseline_year"), baseline["year"] if baseline else None, f"{what} baseline year")
        seen = set()
        for m in ind["milestones"]:
            col = per_year[m["year"]]
            seen.add(m["year"])
            mw = f"{what} {m['year_label']}"
            check(ws.cell(row, col["target"]).value == m["target"], f"{mw}: target {ws.cell(row, col['target']).value!r} != {m['target']!r}")
            check_value(ws.cell(row, col["projected"]), ind, m["projected"], lang, f"{mw} projected")
            check_status(ws.cell(row, col["status_at"]), m["status"], lang, mw)
        for year in all_years - seen:
            for col in per_year[year].values():
                check(ws.cell(row, col).value is None, f"{what}: {year} has no milestone but {ws.cell(row, col).value!r}")
        latest = ind["latest"]
        check_value(cell("actual"), ind, latest["value"] if latest else None, lang, f"{what} latest")
        check_number(cell("actual_year"), latest["year"] if latest else None, f"{what} latest year")
        m = next_milestone(ind, as_of)
        check(cell("next").value == (m["year_label"] if m else None), f"{what}: next {cell('next').value!r}")
        if m is None:
            continue
        if ind["kind"] == "flag":
            check((cell("gap").value is None) == (m["gap"] is None), f"{what}: gap {cell('gap').value!r}")
        else:
            check_number(cell("gap"), m["gap"], f"{what} gap")
        check_number(cell("gap_units"), m["gap_units"], f"{what} gap in counted things")
        check(ind["status"] == m["status"], f"{what}: JSON status is not the next milestone's")
        check_status(cell("status"), m["status"], lang, f"{what} next")
        if lang == "en" and m["status"] == "unknown" and m["reason"]:
            check((cell("notes").value or "").startswith(m["reason"]), f"{what}: notes {cell('notes').value!r}")


def check_summary_sheet(ws, doc, summary, lang):
    where = f"{lang} sheet {ws.title}"
    check(ws.freeze_panes == "C3", f"{where}: frozen at {ws.freeze_panes}")
    order = ["met", "on-track", "at-risk", "off-track", "missed", "unknown"]
    for row, unit in enumerate(doc["units"], start=3):
        what = f"{where} row {row}"
        check(ws.cell(row, 1).value == unit["id"], f"{what}: {ws.cell(row, 1).value!r} != {unit['id']}")
        check(ws.cell(row, 2).value == unit["name"], f"{what}: name {ws.cell(row, 2).value!r}")
        for col, status in enumerate(order, start=3):
            check_number(ws.cell(row, col), unit["counts"][status], f"{what} {status}")
        check_number(ws.cell(row, 9), len(unit["indicators"]), f"{what} indicators")
        n, c = len(unit["indicators"]), unit["counts"]
        behind = ((c["missed"] + c["off-track"]) / n + 0.5 * c["at-risk"] / n) * 100 if n else 0
        check_number(ws.cell(row, 10), behind, f"{what} behind")
    title_row = 3 + len(doc["units"]) + 1
    check(ws.cell(title_row, 1).value == HEADERS[lang]["behind"], f"{where}: ranking title {ws.cell(title_row, 1).value!r}")
    ranked = [ws.cell(r, 1).value for r in range(title_row + 2, ws.max_row + 1)]
    check(ranked == [r["id"] for r in summary["ranking"]], f"{where}: ranking {ranked}")


def check_rollup_rows(ws, first_row, indicators, lang, where):
    """The roll-up rows from first_row (after the header); returns the row
    after the last."""
    row = first_row
    for ri in indicators:
        what = f"{where} row {row} {ri['id']}"
        check(ws.cell(row, 1).value == ri["id"], f"{what}: {ws.cell(row, 1).value!r}")
        check_number(ws.cell(row, 4), ri["units_count"], f"{what} units")
        latest = ri["latest"]
        if ri["kind"] == "flag":
            # The share of units where it is done, in percent.
            check(latest is None or (is_number(ws.cell(row, 6)) and 0 <= ws.cell(row, 6).value <= 100),
                  f"{what}: share done {ws.cell(row, 6).value!r}")
        else:
            check_value(ws.cell(row, 6), ri, latest["value"] if latest else None, lang, f"{what} latest")
        check_number(ws.cell(row, 7), latest["year"] if latest else None, f"{what} year")
        check_status(ws.cell(row, 10), ri["status"], lang, what)
        check_number(ws.cell(row, 11), ri["missing_count"], f"{what} missing")
        check((ws.cell(row, 12).value or "") == ", ".join(ri["missing_units"]), f"{what}: missing {ws.cell(row, 12).value!r}")
        row += 1
    return row


def check_rollup_sheet(ws, summary, lang):
    where = f"{lang} sheet {ws.title}"
    check(ws.freeze_panes == "C3", f"{where}: frozen at {ws.freeze_panes}")
    rollup = summary["rollup"]
    row = check_rollup_rows(ws, 3, rollup["indicators"], lang, where)
    for g in rollup["groups"]:
        title = ws.cell(row + 1, 1).value or ""
        check(g["id"] in title, f"{where}: group title {title!r} lacks {g['id']}")
        row = check_rollup_rows(ws, row + 3, g["indicators"], lang, f"{where} {g['id']}")
    check(row - 1 == ws.max_row, f"{where}: {ws.max_row} rows, expected {row - 1}")


def csv_matches(ws, path, what):
    """LibreOffice's CSV of a sheet holds the values openpyxl read."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    check(len(rows) == ws.max_row, f"{what}: {len(rows)} CSV rows, sheet has {ws.max_row}")
    for r, row in enumerate(rows, start=1):
        for c in range(1, ws.max_column + 1):
            value = ws.cell(r, c).value
            text = row[c - 1] if c <= len(row) else ""
            if value is None:
                ok = text == ""
            elif isinstance(value, (int, float)):
                try:
                    ok = close(float(text), value)
                except ValueError:
                    ok = False
            else:
                ok = text == value
            if not ok:
                check(False, f"{what} {ws.cell(r, c).coordinate}: CSV {text!r}, openpyxl {value!r}")
                return


def check_libreoffice(xlsx, wb):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        check(os.environ.get("CI") != "true", "LibreOffice (libreoffice-calc-nogui) is not installed")
        print("note: LibreOffice not installed; its conversion is not checked")
        return
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "csv")
        # One CSV per sheet (LibreOffice >= 7.2): UTF-8, values as stored.
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
               "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, xlsx]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            check(False, "LibreOffice did not convert the workbook within 120 s")
            return
        check(p.returncode == 0, f"LibreOffice exit {p.returncode}: {p.stderr}")
        base = os.path.splitext(os.path.basename(xlsx))[0]
        produced = sorted(glob.glob(os.path.join(out, "*.csv")))
        check(len(produced) == len(wb.sheetnames), f"LibreOffice wrote {len(produced)} CSV files for {len(wb.sheetnames)} sheets")
        for name in wb.sheetnames:
            path = os.path.join(out, f"{base}-{name}.csv")
            check(os.path.exists(path), f"LibreOffice: no CSV for sheet {name}")
            if os.path.exists(path):
                csv_matches(wb[name], path, f"LibreOffice CSV of {name}")


def main():
    code, out, err = run(binary, "evaluate", *ARGS, "--format", "json")
    check(code == 0, f"evaluate --format json: exit {code} {err}")
    doc = json.loads(out)
    code, out, err = run(binary, "summary", *ARGS, "--format", "json")
    check(code == 0, f"summary --format json: exit {code} {err}")
    summary = json.loads(out)
    with tempfile.TemporaryDirectory() as t:
        for lang in ("vi", "en"):
            xlsx = os.path.join(t, f"plans-{lang}.xlsx")
            # --quiet: the illustrative data's two warnings (check_seeds.py) are not this test's.
            code, out, err = run(binary, "evaluate", *ARGS, "--format", "xlsx", "--output", xlsx, "--lang", lang,
                                 "--quiet")
            check(code == 0 and out == "" and err == "", f"{lang}: exit {code}, stdout {out[:40]!r}, stderr {err!r}")
            wb = openpyxl.load_workbook(xlsx)
            h = HEADERS[lang]
            expected = [h["summary"], h["rollup"]] + [u["id"] for u in doc["units"]]
            check(wb.sheetnames == expected, f"{lang}: sheets {wb.sheetnames}, expected {expected}")
            for unit in doc["units"]:
                if unit["id"] in wb.sheetnames:
                    check_unit_sheet(wb[unit["id"]], unit, doc["as_of"], lang)
            if h["summary"] in wb.sheetnames:
                check_summary_sheet(wb[h["summary"]], doc, summary, lang)
            if h["rollup"] in wb.sheetnames:
                check_rollup_sheet(wb[h["rollup"]], summary, lang)
            if lang == "vi":
                check_libreoffice(xlsx, wb)
    finish()


main()
