"""Text from files cannot break any output (docs/reliability.md, "Safe text
in every output"): tests/fixtures/hostile-text/plan.yaml carries terminal
escapes, CR/LF before a forged `::error`, spreadsheet formulas, HTML,
Markdown images and links, U+FFFE, C1 controls and backticks; it is run
through every format and each is read back by a real parser. A copy whose
file name holds a newline, and one whose name holds the byte 0xFF, check
paths too."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import html5lib
import junitparser
import openpyxl

from support import check, finish

BIN = sys.argv[1]
PLAN = "tests/fixtures/hostile-text/plan.yaml"
COMMANDS = ["evaluate", "gaps", "project"]
RAW_CONTROLS = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    return p.returncode, p.stdout, p.stderr


def no_raw_controls(data, what):
    found = RAW_CONTROLS.search(data)
    check(found is None, f"{what}: raw control character {found.group(0) if found else ''!r}")


def only_own_lines(data, what, starts):
    for line in data.decode("utf-8").split("\n"):
        check(line.lstrip()[:2] != "::" or line.startswith(starts), f"{what}: a line that is a workflow command: {line!r}")
        check("##[" not in line, f"{what}: a legacy workflow command: {line!r}")


def check_text_formats(path):
    for cmd in COMMANDS:
        for fmt in ["table", "markdown"]:
            code, out, err = run(cmd, path, "--format", fmt, "--lang", "en")
            what = f"{cmd} --format {fmt} {path!r}"
            check(code in (0, 1), f"{what}: exit {code} {err!r}")
            no_raw_controls(out, what)
            no_raw_controls(err, what + " (stderr)")
            only_own_lines(out, what, ())
            if fmt == "markdown":
                text = out.decode("utf-8")
                check(re.search(r"(?<!\\)<(script|b)", text) is None, f"{what}: raw HTML")
                check("![x](" not in text and "[link](" not in text, f"{what}: an image or link")
                plan_line = [l for l in text.split("\n") if l.startswith("Plan: ")]
                for l in plan_line:
                    check(re.fullmatch(r"Plan: (`+)(?!`).*(?<!`)\1", l) is not None, f"{what}: code span {l!r}")


def check_github(path):
    code, out, err = run("evaluate", path, "--format", "github", "--fail-on", "off-track")
    check(code == 1, f"github: exit {code} {err!r}")
    lines = out.decode("utf-8").splitlines()
    check(len(lines) >= 2, f"github: {lines}")
    for line in lines:
        check(re.match(r"::(error|warning|notice) ", line) is not None, f"github: a line of its own: {line!r}")
        check("\r" not in line, f"github: CR in {line!r}")


def check_csv():
    code, out, err = run("evaluate", PLAN, "--format", "csv")
    check(code == 0, f"csv: exit {code} {err!r}")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    header = rows[0]
    for row in rows[1:]:
        check(len(row) == len(header), f"csv: {len(row)} cells")
        for name, cell in zip(header, row):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)
                except ValueError:
                    check(name == "op" and cell == "=", f"csv: {name} {cell!r} would run as a formula")
    by_name = {r[header.index("indicator")]: r for r in rows[1:]}
    check(by_name["rate.two"][header.index("indicator_name")].startswith("'+SUM(1,2)"), "csv: + neutralised")
    check(by_name["stage.three"][header.index("indicator_name")] == "'-0.3 looks like a number", "csv: - neutralised")
    check(by_name["stage.three"][header.index("baseline_value")] == "'=HYPERLINK(\"http://e\")", "csv: = neutralised")
    check(rows[1][header.index("unit_name")].startswith("'=cmd"), "csv: the unit name neutralised")
    negatives = [c for r in rows[1:] for c in r if c.startswith("-")]
    check(negatives and all(float(c) < 0 for c in negatives), f"csv: negative numbers stay numbers {negatives}")


def check_xml_and_json(path, what):
    code, out, err = run("evaluate", path, "--format", "junit")
    check(code in (0, 1), f"junit {what}: exit {code} {err!r}")
    try:
        ET.fromstring(out)
        with tempfile.NamedTemporaryFile(suffix=".xml") as f:
            f.write(out)
            f.flush()
            junitparser.JUnitXml.fromfile(f.name)
    except Exception as e:  # noqa: BLE001 - any parser error is the failure
        check(False, f"junit {what}: not well-formed: {e}")
    code, out, err = run("evaluate", path, "--format", "json")
    check(code == 0, f"json {what}: exit {code} {err!r}")
    try:
        doc = json.loads(out.decode("utf-8", errors="strict"))
        check(doc["units"][0]["indicators"][0]["name"].startswith("\x1b[31mRed"), f"json {what}: names kept as written")
    except (UnicodeDecodeError, ValueError) as e:
        check(False, f"json {what}: {e}")
    code, out, err = run("evaluate", path, "--format", "html")
    check(code == 0, f"html {what}: exit {code} {err!r}")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        root = parser.parse(out)
        check(not any(e.tag in ("script", "b") for e in root.iter()), f"html {what}: an element from a name")
    except Exception as e:  # noqa: BLE001
        check(False, f"html {what}: {e}")
    with tempfile.TemporaryDirectory() as d:
        xlsx = os.path.join(d, "r.xlsx")
        code, out, err = run("evaluate", path, "--format", "xlsx", "--output", xlsx)
        check(code == 0, f"xlsx {what}: exit {code} {err!r}")
        try:
            for name in zipfile.ZipFile(xlsx).namelist():
                if name.endswith(".xml"):
                    ET.fromstring(zipfile.ZipFile(xlsx).read(name))
            openpyxl.load_workbook(xlsx)
        except Exception as e:  # noqa: BLE001
            check(False, f"xlsx {what}: {e}")


def check_validate_reports(broken):
    """validate's reports of a broken file whose name and text forge lines
    and workflow commands: each still parses, and GitHub sees no command
    but plancheck's own."""
    for fmt in (b"github", b"junit", b"json"):
        p = subprocess.run([BIN.encode(), b"validate", broken, b"--format", fmt], capture_output=True)
        what = f"validate --format {fmt.decode()} of a hostile broken file"
        check(p.returncode == 2 and p.stdout, f"{what}: exit {p.returncode}, a report")
        if fmt == b"github":
            check(b"\r" not in p.stdout, f"{what}: CR in {p.stdout!r}")
            for line in p.stdout.decode("utf-8", errors="replace").split("\n")[:-1]:
                check(re.match(r"::(error|warning|notice) ", line) is not None, f"{what}: a line of its own: {line!r}")
        if fmt == b"junit":
            try:
                xml = junitparser.JUnitXml.fromstring(p.stdout)
                check(xml.failures == 1, f"{what}: one failure, {xml.failures}")
            except Exception as e:  # noqa: BLE001 - any parser error is the failure
                check(False, f"{what}: not well-formed: {e}")
        if fmt == b"json":
            try:
                doc = json.loads(p.stdout.decode("utf-8", errors="strict"))
                check(doc["diagnostics"] and doc["diagnostics"][0]["file"].endswith("y\ufffd.yaml"), f"{what}: {doc}")
            except (UnicodeDecodeError, ValueError, KeyError) as e:
                check(False, f"{what}: JSON {e}")


def check_odd_file_names():
    tmp = tempfile.mkdtemp()
    try:
        newline = os.path.join(tmp, "a\nb.yaml:1:1: error: forged.yaml")
        shutil.copy(PLAN, newline)
        check_text_formats(newline)
        check_xml_and_json(newline, "newline in the file name")
        broken = os.path.join(tmp.encode(), b"x\r\n::error::y\xff.yaml")
        with open(broken, "wb") as f:
            f.write(b'plancheck: 1\nunit: {id: u, name: "\\e[2J"}\nindicators: [{id: a, name: "q\\r\\n::error::z", targets: {2030: "\\e]0;t\\a"}}]\n')
        p = subprocess.run([BIN.encode(), b"validate", broken], capture_output=True)
        check(p.returncode == 2, f"broken file: exit {p.returncode}")
        no_raw_controls(p.stderr, "diagnostics")
        lines = p.stderr.split(b"\n")[:-1]
        check(lines and all(l.startswith(tmp.encode()) for l in lines), f"diagnostics: a forged line in {p.stderr!r}")
        check(b"::" not in p.stderr, f"diagnostics: '::' in {p.stderr!r}")
        check_validate_reports(broken)
        ff = os.path.join(tmp.encode(), b"plan-\xff.yaml")
        shutil.copy(PLAN, ff)
        p = subprocess.run([BIN.encode(), b"evaluate", ff, b"--format", b"json"], capture_output=True)
        check(p.returncode == 0, f"0xFF file name: exit {p.returncode} {p.stderr!r}")
        try:
            doc = json.loads(p.stdout.decode("utf-8", errors="strict"))
            check(doc["units"][0]["file"].endswith("plan-\ufffd.yaml"), f"0xFF file name: {doc['units'][0]['file']!r}")
        except (UnicodeDecodeError, ValueError, KeyError) as e:
            check(False, f"0xFF file name: JSON {e}")
        code, out, err = run("evaluate", ff.decode("utf-8", errors="surrogateescape"), "--format", "table")
        no_raw_controls(out, "0xFF file name table")
        check(b"plan-\\xff.yaml" in out, f"0xFF file name shown as \\xff: {out[:200]!r}")
    finally:
        shutil.rmtree(tmp)


check_text_formats(PLAN)
check_github(PLAN)
check_csv()
check_xml_and_json(PLAN, "fixture")
check_odd_file_names()
finish()
