#!/usr/bin/env python3
"""validate --format json|junit|github (issue 15): the same findings as the
table format's stderr, read back by real consumers. On a directory with a
good and a broken plan (exit 2, the report written all the same), on
warnings only (exit 0; --strict exit 1), and on a workbook whose cell holds
a suspicious value: the JSON's diagnostics are the stderr lines, field by
field; junitparser counts the broken file as a failure and the good one as
a pass; the GitHub annotations point at the lines stderr names. The result
commands, given the broken plan, print nothing on stdout in these formats."""
import json
import os
import re
import sys
import tempfile

import jsonschema
import junitparser
import openpyxl

from support import check, finish, run

BIN = sys.argv[1]
MIXED = "tests/fixtures/mixed/"
WARNINGS = ["tests/fixtures/suspicious/", "tests/fixtures/lint/"]

with open("docs/plancheck-output.schema.json", encoding="utf-8") as f:
    SCHEMA = json.load(f)
VALIDATE_SCHEMA = {"$ref": "#/definitions/validate", "definitions": SCHEMA["definitions"]}


def column_letters(n):
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("A") + r) + letters
    return letters


def line_of(d):
    """A JSON diagnostic as stderr writes it (plain names: nothing to show
    differently)."""
    where = d["file"]
    if d["sheet"] is not None:
        sheet = d["sheet"] if re.fullmatch(r"[\w.]+", d["sheet"]) else "'" + d["sheet"].replace("'", "''") + "'"
        where += f":{sheet}!{column_letters(d['column'])}{d['line']}"
    elif d["line"] is not None:
        where += f":{d['line']}" + (f":{d['column']}" if d["column"] is not None else "")
    return f"{where}: {d['severity']}: {d['message']}"


def table(*args):
    code, out, err = run(BIN, "validate", *args)
    return code, err.splitlines()


def check_json(what, args, code):
    want_code, want_lines = table(*args)
    check(want_code == code, f"{what}: table exit {want_code}, expected {code}")
    got_code, out, err = run(BIN, "validate", *args, "--format", "json")
    check(got_code == code, f"{what}: json exit {got_code}, expected {code}")
    check(err.splitlines() == want_lines, f"{what}: stderr as the table format's")
    doc = json.loads(out)
    try:
        jsonschema.validate(doc, VALIDATE_SCHEMA)
    except jsonschema.ValidationError as e:
        check(False, f"{what}: schema: {e.message} at {list(e.path)}")
    check(doc["plancheck"] == 1, f"{what}: format version")
    lines = [line_of(d) for d in doc["diagnostics"]]
    check(lines == want_lines, f"{what}: diagnostics == stderr lines:\n{lines}\n{want_lines}")
    severities = [d["severity"] for d in doc["diagnostics"]]
    check(doc["errors"] == severities.count("error"), f"{what}: errors count")
    check(doc["warnings"] == severities.count("warning"), f"{what}: warnings count")
    return doc, want_lines


def junit(args, code):
    got_code, out, _ = run(BIN, "validate", *args, "--format", "junit")
    check(got_code == code, f"junit {args}: exit {got_code}, expected {code}")
    xml = junitparser.JUnitXml.fromstring(out.encode("utf-8"))
    cases = {}
    for suite in xml:
        for case in suite:
            failed = any(isinstance(r, junitparser.Failure) for r in case.result)
            cases[case.name] = (case.classname, failed, case.system_out or "")
    return xml, cases


def annotations(args, code):
    got_code, out, _ = run(BIN, "validate", *args, "--format", "github")
    check(got_code == code, f"github {args}: exit {got_code}, expected {code}")
    found = []
    for line in out.splitlines():
        m = re.fullmatch(r"::(error|warning) file=([^,:]*)(?:,line=(\d+))?(?:,col=(\d+))?::(.*)", line)
        if m:
            found.append(m.groups())
        else:
            check(line.startswith("::notice "), f"github: not an annotation: {line!r}")
    return found


# One good plan and one broken: exit 2, every report written.
doc, stderr_lines = check_json("mixed", [MIXED], 2)
check(doc["files"] == 2 and doc["plans"] == 2 and doc["data_files"] == 0, "mixed: files and plans")
check(doc["errors"] > 0 and all(d["file"] == MIXED + "b-broken.yaml" for d in doc["diagnostics"]), "mixed: errors in the broken file")
xml, cases = junit([MIXED], 2)
check(xml.tests == 2 and xml.failures == 1, f"junit: 2 tests, 1 failure ({xml.tests}, {xml.failures})")
check(cases.get(MIXED + "b-broken.yaml", (None, False))[1], "junit: the broken file is a failure")
check(cases.get(MIXED + "a-good.yaml", (None, True))[1] is False, "junit: the good file passes")
found = annotations([MIXED], 2)
check(len(found) == min(10, len(stderr_lines)), "github: one annotation per error (ten at most)")
for (kind, file, line, col, _), text in zip(found, stderr_lines):
    check(text.startswith(f"{file}:{line}:{col}: {kind}: "), f"github: {file}:{line}:{col} is where stderr says: {text}")

# The result commands print no result from broken input, in any format:
# the same errors on stderr, exit 2, nothing on stdout (docs/output-formats.md).
for cmd, formats in [("evaluate", ["json", "junit", "github"]), ("gaps", ["json", "junit", "github"]),
                     ("project", ["json", "junit", "github"]), ("summary", ["json"])]:
    for fmt in formats:
        code, out, err = run(BIN, cmd, MIXED, "--format", fmt)
        check(code == 2 and out == "", f"{cmd} --format {fmt}: exit {code}, stdout {out[:80]!r}")
        check(err.splitlines() == stderr_lines, f"{cmd} --format {fmt}: the errors validate reports, on stderr")

# Warnings only: exit 0, 1 with --strict.
doc, stderr_lines = check_json("warnings", WARNINGS, 0)
check(doc["warnings"] == 15 and doc["errors"] == 0, "warnings: counts")
_, cases = junit(WARNINGS, 0)
check(not any(failed for _, failed, _ in cases.values()), "junit: warnings pass")
check("weak-targets.yaml:10:21: warning:" in cases["tests/fixtures/lint/weak-targets.yaml"][2], "junit: warnings in system-out")
check(cases["tests/fixtures/suspicious/xa-thu-actuals.yaml"][0] == "data", "junit: a data file's classname")
xml, cases = junit(["--strict", *WARNINGS], 1)
check(xml.failures == 3, "junit --strict: files with warnings fail")
found = annotations(WARNINGS, 0)
for (kind, file, line, col, _), text in zip(found, stderr_lines):
    check(kind == "warning" and text.startswith(f"{file}:{line}:{col}: warning: "), f"github: {text}")

# A workbook: the warning is at a cell, which JSON gives as sheet, row and
# column, and GitHub names in the message.
with tempfile.TemporaryDirectory() as tmp:
    template = os.path.join(tmp, "template.xlsx")
    code, _, err = run(BIN, "template", "tests/fixtures/good/xa-mau.yaml", "--format", "xlsx", "--output", template,
                       "--lang", "vi")
    check(code == 0, f"template: {err}")
    wb = openpyxl.load_workbook(template)
    ws = wb["Xã Mẫu Đơn"]
    header = next(r for r in ws.iter_rows(min_row=1, max_row=10) if any(c.value == "Mã chỉ tiêu" for c in r))
    cols = {c.value: c.column for c in header if c.value is not None}
    for r in range(header[0].row + 1, ws.max_row + 1):
        if ws.cell(r, cols["Mã chỉ tiêu"]).value == "preschool.creche-enrolment":
            ws.cell(r, cols["2026"]).value = 0.521  # a percentage typed as a fraction
    data = os.path.join(tmp, "data.xlsx")
    wb.save(data)
    args = ["tests/fixtures/good/xa-mau.yaml", data]
    doc, stderr_lines = check_json("workbook", args, 0)
    cells = [d for d in doc["diagnostics"] if d["sheet"] is not None]
    check(len(cells) == 1 and cells[0]["sheet"] == "Xã Mẫu Đơn" and cells[0]["file"] == data, f"workbook: a cell: {cells}")
    found = annotations(args, 0)
    check(any(f == data and line is None and msg.startswith("'Xã Mẫu Đơn'!") for _, f, line, _, msg in found),
          f"github: the cell named in the message: {found}")

finish()
