#!/usr/bin/env python3
"""--since YEAR, read back by real consumers: each milestone's status_since
in the JSON (valid against the schema) equals its status in a separate run
--as-of YEAR; `change` is worked out here from the two statuses; the CSV's
status_since/change columns (csv module), the xlsx columns (openpyxl) and
the HTML cells (html.parser) say the same; the summary's change counts
match the evaluate document's."""
import csv
import io
import os
import sys
import tempfile
from html.parser import HTMLParser

import openpyxl

from support import check, finish, json_output, run

BIN = sys.argv[1]
ARGS = ["tests/fixtures/since/xa-thay-doi.yaml", "plans/ha-bac.yaml", "examples/ha-bac-actuals.yaml"]
SINCE = "2024"
WORST_FIRST = ["missed", "off-track", "at-risk", "unknown", "on-track", "met"]


def expected_change(then, now):
    if now == "met" and then != "met":
        return "newly-met"
    if now == "missed" and then != "missed":
        return "newly-missed"
    if "unknown" in (then, now):
        return None
    a, b = WORST_FIRST.index(then), WORST_FIRST.index(now)
    return "improved" if b > a else "worsened" if b < a else "unchanged"


def milestones(doc):
    for u in doc["units"]:
        for ind in u["indicators"]:
            for m in ind["milestones"]:
                yield (u["id"], ind["id"], m["year_label"]), m


now = json_output(BIN, "evaluate --since", "evaluate", *ARGS, "--since", SINCE, "--format", "json")
then = json_output(BIN, "evaluate --as-of", "evaluate", *ARGS, "--as-of", SINCE, "--format", "json")
check(now.get("since") == int(SINCE), "the document names the year compared with")
then_status = {k: m["status"] for k, m in milestones(then)}
changes = {}
for key, m in milestones(now):
    check(m["status_since"] == then_status[key], f"{key}: status_since {m['status_since']} != {then_status[key]}")
    check(m["change"] == expected_change(m["status_since"], m["status"]), f"{key}: change {m['change']}")
    changes[key] = m["change"]
seen = set(changes.values())
for c in ["improved", "worsened", "newly-met", "newly-missed"]:
    check(c in seen, f"the fixture has a milestone that {c}")
for u in now["units"]:
    counts = {c: 0 for c in ["newly-missed", "worsened", "newly-met", "improved", "unchanged"]}
    for (unit, _, _), c in changes.items():
        if unit == u["id"] and c:
            counts[c] += 1
    check(u["change_counts"] == counts, f"{u['id']}: change_counts {u['change_counts']} != {counts}")

# Without --since nothing changes in the document.
plain = json_output(BIN, "evaluate", "evaluate", *ARGS, "--format", "json")
check("since" not in plain, "no since key without --since")
check(all("status_since" not in m for _, m in milestones(plain)), "no status_since without --since")

code, out, err = run(BIN, "evaluate", *ARGS, "--since", SINCE, "--format", "csv")
check(code in (0, 1), f"csv: exit {code} {err}")
rows = list(csv.DictReader(io.StringIO(out)))
check(len(rows) == len(changes), "csv: a row per milestone")
for r in rows:
    key = (r["unit"], r["indicator"], r["year_label"])
    check(r["status_since"] == then_status[key], f"csv {key}: status_since")
    check(r["change"] == (changes[key] or ""), f"csv {key}: change")

with tempfile.TemporaryDirectory() as t:
    xlsx = os.path.join(t, "r.xlsx")
    code, out, err = run(BIN, "evaluate", *ARGS, "--since", SINCE, "--format", "xlsx", "--output", xlsx, "--lang", "en")
    check(code in (0, 1), f"xlsx: exit {code} {err}")
    wb = openpyxl.load_workbook(xlsx)
    headers = [c.value for ws in wb.worksheets for c in ws[2]]
    check(f"Status 2030 in {SINCE}" in headers, "xlsx: a status-then column per milestone year")
    check("Change 2030" in headers, "xlsx: a change column per milestone year")
    words = {c.value for ws in wb.worksheets for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, str)}
    for w in ["improved", "worsened", "newly met", "newly missed"]:
        check(w in words, f"xlsx: the change '{w}' is written")


class Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headers, self.items, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "li"):
            self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "th":
            self.headers.append(data)
        elif self._in == "li":
            self.items.append(data)


code, out, err = run(BIN, "evaluate", *ARGS, "--since", SINCE, "--format", "html", "--lang", "en")
check(code in (0, 1), f"html: exit {code} {err}")
parser = Cells()
parser.feed(out)
check(f"Since {SINCE}" in parser.headers, "html: a Since column in the milestone tables")
check(any("(newly missed)" in i for i in parser.items), "html: the list of changes")

summary = json_output(BIN, "summary --since", "summary", *ARGS, "--since", SINCE, "--format", "json")
for u, v in zip(summary["units"], now["units"]):
    check(u["change_counts"] == v["change_counts"], f"summary {u['id']}: the same change counts as evaluate")

finish()
