"""Data in from spreadsheets (issue 14): `plancheck template` → filled in
with openpyxl as a person would (numbers, a percentage typed as 52.1% with
a percent format, "2,8" as text, stage names, đạt/chưa đạt, a ratio's
numerator and denominator) → `evaluate PLAN FILLED.xlsx` gives the same JSON
as the same figures in a YAML data file. The same workbook saved by
LibreOffice as .xlsx, .xls and .ods, with a formula in place of a number,
and a semicolon CSV with decimal commas, a BOM and CRLF read the same.
Errors are located by sheet and cell, and a value that contradicts the
plan's actuals names both places."""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

from support import check, finish, run

binary = sys.argv[1]
PLAN = "tests/fixtures/good/xa-mau.yaml"
SHEET = "Xã Mẫu Đơn"

# The figures, by indicator and year, as typed into the sheet and as written
# in YAML.
YAML = """plancheck: 1
data: {unit: xa-mau}
values:
  preschool.creche-enrolment: {2026: 52.1}
  preschool.malnutrition: {2026: "2,8"}
  schools.national-standard: {2026: {numerator: 5, denominator: 8}}
  primary.classes: {2026: 39}
  lower-secondary.quality: {2026: "Đang thực hiện"}
  primary.universal-level3: {2025: đạt, 2026: "chưa đạt"}
"""


def evaluate(*paths):
    code, out, err = run(binary, "evaluate", PLAN, *paths, "--format", "json")
    check(code in (0, 1), f"evaluate {paths}: exit {code}: {err}")
    return out


def header_columns(ws):
    """Row number of the header and the column of each heading."""
    for row in ws.iter_rows(min_row=1, max_row=10):
        names = {c.value: c.column for c in row if c.value is not None}
        if "Mã chỉ tiêu" in names:
            return row[0].row, names
    raise AssertionError("no header row in the template")


def fill(path, out, classes="39", percent_format=True):
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    header, cols = header_columns(ws)
    rows = {ws.cell(r, cols["Mã chỉ tiêu"]).value: r for r in range(header + 1, ws.max_row + 1)}

    def put(indicator, column, value, number_format=None):
        cell = ws.cell(rows[indicator], cols[column])
        cell.value = value
        if number_format:
            cell.number_format = number_format
        return cell.coordinate

    if percent_format:
        put("preschool.creche-enrolment", "2026", 0.521, "0.0%")
    else:
        put("preschool.creche-enrolment", "2026", 52.1)
    put("preschool.malnutrition", "2026", "2,8")
    put("schools.national-standard", "2026 tử số", 5)
    put("schools.national-standard", "2026 mẫu số", 8)
    put("primary.classes", "2026", int(classes) if classes.isdigit() else classes)
    put("lower-secondary.quality", "2026", "Đang thực hiện")
    put("primary.universal-level3", "2025", "đạt")
    put("primary.universal-level3", "2026", "chưa đạt")
    wb.save(out)
    return ws, rows, cols


def soffice_convert(work, src, fmt):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        check(os.environ.get("CI") != "true", "LibreOffice (libreoffice-calc-nogui) is not installed")
        return None
    outdir = os.path.join(work, fmt)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile",
                    "--convert-to", fmt, "--outdir", outdir, src], capture_output=True, timeout=180, check=True)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    check(os.path.exists(out), f"LibreOffice did not write {out}")
    return out


with tempfile.TemporaryDirectory() as work:
    yaml_path = os.path.join(work, "figures.yaml")
    with open(yaml_path, "w", encoding="utf-8") as f:
        f.write(YAML)
    expected = evaluate(yaml_path)

    template = os.path.join(work, "template.xlsx")
    code, out, err = run(binary, "template", PLAN, "--format", "xlsx", "--output", template, "--lang", "vi")
    check(code == 0 and out == "" and err == "", f"template: exit {code}: {err}")
    # Unfilled, the template adds nothing: its pre-filled cells are the plan's.
    check(evaluate(template) == evaluate(), "the unfilled template changes the results")

    filled = os.path.join(work, "filled.xlsx")
    ws, rows, cols = fill(template, filled)
    check(evaluate(filled) == expected, "openpyxl-filled workbook: JSON differs from the YAML figures")

    # A formula read through its cached value, which LibreOffice computes.
    formula = os.path.join(work, "formula.xlsx")
    fill(template, formula, classes="=38+1")
    # FreeXL gives .xls values without their formats: there a percentage is
    # typed as 52.1 (the template's way), and a fraction shown as 52.1% is
    # read as 0.521, which the data checks flag.
    plain = os.path.join(work, "plain.xlsx")
    fill(template, plain, percent_format=False)
    for fmt, src in (("xlsx", formula), ("ods", filled), ("xls", plain)):
        converted = soffice_convert(work, src, fmt)
        if converted:
            check(evaluate(converted) == expected, f"LibreOffice .{fmt}: JSON differs from the YAML figures")
    fraction = soffice_convert(os.path.join(work, "fraction"), filled, "xls")
    if fraction:
        code, out, err = run(binary, "evaluate", PLAN, fraction, "--format", "json")
        check(f"{fraction}:'{SHEET}'!" in err and "0.521 looks like a fraction; did you mean 52.1%?" in err,
              f".xls with a percent format: {err!r}")

    # The CSV template, and Excel's regional CSV: ';', decimal comma, BOM, CRLF.
    code, csv_text, err = run(binary, "template", PLAN, "--format", "csv", "--lang", "vi")
    check(code == 0 and csv_text.startswith("\ufeffSTT,Mã đơn vị,Mã chỉ tiêu"), f"csv template: {code} {err}")
    header = csv_text.lstrip("\ufeff").splitlines()[0].split(",")
    regional = os.path.join(work, "regional.csv")
    values = {("preschool.creche-enrolment", "2026"): "52,1", ("preschool.malnutrition", "2026"): "2,8",
              ("schools.national-standard", "2026 tử số"): "5", ("schools.national-standard", "2026 mẫu số"): "8",
              ("primary.classes", "2026"): "39", ("lower-secondary.quality", "2026"): "Đang thực hiện",
              ("primary.universal-level3", "2025"): "đạt", ("primary.universal-level3", "2026"): "chưa đạt"}
    with open(regional, "w", encoding="utf-8-sig", newline="") as f:
        f.write(";".join(["Mã đơn vị", "Mã chỉ tiêu"] + [h for h in header if h[:1].isdigit()]) + "\r\n")
        for indicator in sorted({k[0] for k in values}):
            cells = [values.get((indicator, h), "") for h in header if h[:1].isdigit()]
            f.write(";".join(["xa-mau", indicator] + cells) + "\r\n")
    check(evaluate(regional) == expected, "semicolon CSV: JSON differs from the YAML figures")

    # Errors: located by sheet and cell, exit 2, nothing on stdout.
    wb = openpyxl.load_workbook(filled)
    bad = wb[SHEET].cell(rows["preschool.malnutrition"], cols["2027"])
    bad.value = "abc"
    prefilled = wb[SHEET].cell(rows["preschool.creche-enrolment"], cols["2025"])
    prefilled.value = 51
    broken = os.path.join(work, "broken.xlsx")
    wb.save(broken)
    code, out, err = run(binary, "evaluate", PLAN, broken)
    want = (f"{broken}:'{SHEET}'!{bad.coordinate}: error: value \"abc\" for preschool.malnutrition in 2027 is not a "
            f"number\n")
    want_conflict = (f"{broken}:'{SHEET}'!{prefilled.coordinate}: error: value \"51\" for preschool.creche-enrolment "
                     f"in 2025 is given twice with different values (also at {PLAN}:52:38)\n")
    check(code == 2 and out == "", f"broken workbook: exit {code}, stdout {out!r}")
    check(err == want_conflict + want or err == want + want_conflict, f"broken workbook: stderr {err!r}")

finish()
