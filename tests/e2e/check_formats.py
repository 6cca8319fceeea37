#!/usr/bin/env python3
"""One set of facts, every renderer: the same fixtures rendered as JSON, CSV,
JUnit, GitHub commands and Markdown, each parsed back by a real consumer
(jsonschema, csv, junitparser) and compared with the JSON; exit codes for
--fail-on."""
import csv
import io
import json
import re
import sys

from support import check, finish, json_output
from support import run as support_run

import junitparser

BIN = sys.argv[1]
FIXTURES = [["tests/fixtures/good/"], ["tests/fixtures/escaping/"], ["plans/", "examples/"]]
STATUSES = ["met", "on-track", "at-risk", "off-track", "missed", "unknown"]


def run(*args):
    return support_run(BIN, *args)


def facts(doc):
    """(unit, indicator, year_label) -> milestone, from the JSON."""
    return {(u["id"], i["id"], m["year_label"]): (u, i, m)
            for u in doc["units"] for i in u["indicators"] for m in i["milestones"]}


def number(text):
    return None if text == "" else float(text)


def check_json(paths, cmd):
    return json_output(BIN, f"{cmd} {paths}", cmd, *paths, "--format", "json")


def check_csv(paths, doc):
    code, out, _ = run("evaluate", *paths, "--format", "csv")
    check(code == 0, "csv exit")
    check(out.startswith("unit,unit_name,file,indicator,"), "csv header row, no byte-order mark")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    want = facts(doc)
    check(len(rows) == len(want), f"csv rows {len(rows)} == milestones {len(want)}")
    for r in rows:
        key = (r["unit"], r["indicator"], r["year_label"])
        check(key in want, f"csv row {key} in json")
        if key not in want:
            continue
        u, i, m = want[key]
        check(r["unit_name"] == u["name"] and r["indicator_name"] == i["name"], f"{key}: names intact (UTF-8)")
        check(r["status"] == m["status"] and r["met"] == str(m["met"]).lower(), f"{key}: status")
        for k in ("gap", "gap_units", "progress", "expected", "schedule", "projected", "required_pace", "pace_ratio"):
            check(number(r[k]) == m[k], f"{key}: {k} {r[k]!r} == {m[k]!r} (unrounded)")
        check(number(r["trend"]) == i["trend"], f"{key}: trend")
        check(r["target"] == m["target"] and r["op"] == m["op"], f"{key}: target")
        check(r["basis"] == i["basis"] and r["basis_ref"] == (i["basis_ref"] or ""), f"{key}: basis")


def check_junit(paths, doc, fail_on):
    args = ["evaluate", *paths, "--format", "junit"] + (["--fail-on", ",".join(fail_on)] if fail_on else [])
    code, out, _ = run(*args)
    failing = set(fail_on or ["missed", "off-track"])
    xml = junitparser.JUnitXml.fromstring(out.encode("utf-8"))
    suites = {s.name: s for s in xml}
    for u in doc["units"]:
        s = suites.get(u["id"])
        check(s is not None, f"junit suite for {u['id']}")
        if s is None:
            continue
        ms = [m for i in u["indicators"] for m in i["milestones"]]
        want_fail = sum(m["status"] in failing for m in ms)
        want_skip = sum(m["status"] == "unknown" and "unknown" not in failing for m in ms)
        check((s.tests, s.failures, s.skipped) == (len(ms), want_fail, want_skip),
              f"junit {u['id']} {fail_on}: {(s.tests, s.failures, s.skipped)} != {(len(ms), want_fail, want_skip)}")
        for case in s:
            check(case.classname == u["id"], "testcase classname is the unit")
            check(re.fullmatch(r"[a-z0-9._-]+ \S+", case.name) is not None, f"testcase name {case.name!r}")
            for r in case.result:
                if isinstance(r, junitparser.Failure):
                    gap_words = (" short", " over", " to go", "not done", "re-recognition due", "lapsed")
                    reason = r.message.startswith("unknown") and ("no value" in r.message or "needs" in r.message
                                                                   or "no trend" in r.message)
                    check(any(w in r.message for w in gap_words) or reason,
                          f"failure message carries the gap (or why it is unknown): {r.message!r}")


UNESCAPE = [("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


def unescape(s):
    for a, b in UNESCAPE:
        s = s.replace(a, b)
    return s


def check_github(paths, doc):
    code, out, _ = run("evaluate", *paths, "--format", "github")
    want = facts(doc)
    errors = warnings = 0
    failing = {"missed", "off-track"}
    for line in out.splitlines():
        m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        check(m is not None, f"workflow command syntax: {line[:120]!r}")
        if not m:
            continue
        kind, props, data = m.groups()
        check("\n" not in data and "\r" not in data, "data escaped")
        check(re.search(r"%(?!25|0A|0D)", data) is None, f"every % in data escaped: {data[:80]!r}")
        fields = dict(p.split("=", 1) for p in props.split(","))
        for v in fields.values():
            check(":" not in v and "," not in v, f"property escaped: {v!r}")
        if kind == "notice":
            check("not shown" in unescape(data), "the note on hidden findings")
            continue
        errors += kind == "error"
        warnings += kind == "warning"
        plan_files = {u["file"] for u in doc["units"]}
        check(unescape(fields["file"]) in plan_files, f"file= names the plan: {fields['file']}")
        check(fields["line"].isdigit(), "line= is the target's line")
    n_fail = sum(m["status"] in failing for (_, _, m) in want.values())
    n_warn = sum(m["status"] == "at-risk" for (_, _, m) in want.values())
    check(errors == min(n_fail, 10) and warnings == min(n_warn, 10), f"github counts {errors}/{warnings} vs {n_fail}/{n_warn}")
    check(("::notice" in out) == (n_fail > 10 or n_warn > 10), "a note exactly when findings are hidden")
    lines = [l for l in out.splitlines() if l.startswith("::error")]
    order = [l.split("title=")[1].split("%3A")[0] for l in lines]
    check(order == sorted(order, key=lambda s: 0 if s == "missed" else 1), "worst first")


def check_markdown(paths, doc):
    code, out, _ = run("evaluate", *paths, "--format", "markdown")
    check(out.startswith("# plancheck report"), "markdown title")
    for u in doc["units"]:
        check(f"(`{u['id']}`)" in out, f"markdown section for {u['id']}")
    rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Status")]
    check(len(rows) == len(facts(doc)), f"markdown rows {len(rows)} == milestones {len(facts(doc))}")
    for l in rows:
        check(len(re.findall(r"(?<!\\)\|", l)) == 9, f"markdown row has 8 cells (pipes escaped): {l[:100]!r}")


def check_exit_codes(paths, doc):
    present = {m["status"] for (_, _, m) in facts(doc).values()}
    for s in STATUSES:
        code, out, _ = run("evaluate", *paths, "--fail-on", s, "--format", "json")
        check(code == (1 if s in present else 0), f"--fail-on {s}: exit {code}")
    code, _, _ = run("evaluate", *paths, "--fail-on", ",".join(STATUSES))
    check(code == (1 if present else 0), "--fail-on all")
    code, _, _ = run("evaluate", *paths)
    check(code == 0, "default --fail-on none")
    code, out, err = run("evaluate", *paths, "--fail-on", "late")
    check(code == 2 and out == "" and "not a status" in err, "--fail-on with a wrong status: exit 2, nothing on stdout")
    code, out, err = run("gaps", "tests/fixtures/bad/bad-targets.yaml", "--fail-on", "missed", "--format", "json")
    check(code == 2 and out == "", "bad input: exit 2, nothing on stdout")


def check_language_free(paths):
    """Machine formats never change with --lang or the locale; Markdown does."""
    import os
    import subprocess
    for fmt in ("json", "csv", "junit", "github", "markdown"):
        outs = {}
        for lang, env_lang in (("en", "vi_VN.UTF-8"), ("vi", "C.UTF-8"), ("", "vi_VN.UTF-8"), ("", "C.UTF-8")):
            env = dict(os.environ, LANG=env_lang)
            env.pop("LC_ALL", None)
            args = [BIN, "evaluate", *paths, "--format", fmt] + (["--lang", lang] if lang else [])
            outs[(lang, env_lang)] = subprocess.run(args, capture_output=True, text=True, env=env).stdout
        same = len(set(outs.values())) == 1
        if fmt == "markdown":
            check(not same and outs[("vi", "C.UTF-8")] == outs[("", "vi_VN.UTF-8")],
                  f"{paths}: markdown follows --lang, and LANG=vi_VN by default")
            check(outs[("en", "vi_VN.UTF-8")] == outs[("", "C.UTF-8")], f"{paths}: markdown is English by default, --lang en overrides LANG")
        else:
            check(same, f"{paths}: {fmt} is the same in every language")


for paths in FIXTURES:
    check_language_free(paths)
    doc = check_json(paths, "evaluate")
    check_json(paths, "gaps")
    check_json(paths, "project")
    check_csv(paths, doc)
    for fail_on in (None, ["missed"], ["at-risk", "unknown"]):
        check_junit(paths, doc, fail_on)
    check_github(paths, doc)
    check_markdown(paths, doc)
    check_exit_codes(paths, doc)

finish()
