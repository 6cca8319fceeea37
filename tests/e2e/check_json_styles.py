#!/usr/bin/env python3
"""--json-style: compact is the pretty document on one line (parsed back
equal, valid against the schema); lines is JSON Lines, one unit object per
line equal to the document's units (each valid against the schema's unit),
and for summary a last line with units_count, rollup and ranking."""
import json
import sys

from support import check, finish, json_output
from support import run as support_run

BIN = sys.argv[1]

with open("docs/plancheck-output.schema.json", encoding="utf-8") as f:
    SCHEMA = json.load(f)
UNIT_SCHEMA = {"$ref": "#/definitions/unit", "definitions": SCHEMA["definitions"]}


def valid_unit(unit, what):
    import jsonschema
    try:
        jsonschema.validate(unit, UNIT_SCHEMA)
    except jsonschema.ValidationError as e:
        check(False, f"{what}: schema: {e.message} at {list(e.path)}")


CASES = [
    ["evaluate", "plans/", "examples/"],
    ["gaps", "plans/", "examples/"],
    ["project", "plans/", "examples/", "--to", "2030"],
    ["evaluate", "tests/fixtures/good/", "--status", "missed"],
    ["summary", "plans/", "examples/"],
    ["summary", "tests/fixtures/rollup/"],
]

for args in CASES:
    what = " ".join(args)
    pretty = json_output(BIN, f"{what} pretty", *args, "--format", "json")
    compact = json_output(BIN, f"{what} compact", *args, "--format", "json", "--json-style", "compact")
    check(compact == pretty, f"{what}: compact parses to the pretty document")
    code, out, err = support_run(BIN, *args, "--format", "json", "--json-style", "compact")
    check(out.endswith("}\n") and out.count("\n") == 1, f"{what}: compact is one line")
    check(len(out) < len(json.dumps(pretty, indent=2, ensure_ascii=False)), f"{what}: compact is smaller")

    code, out, err = support_run(BIN, *args, "--format", "json", "--json-style", "lines")
    check(code in (0, 1) and out.endswith("\n"), f"{what}: lines ran ({code}) {err}")
    lines = [json.loads(line) for line in out.splitlines()]
    units = lines[:-1] if args[0] == "summary" else lines
    check(units == pretty["units"], f"{what}: one line per unit, equal to the document's units")
    for u in units:
        valid_unit(u, f"{what} lines {u.get('id')}")
    if args[0] == "summary":
        tail = lines[-1]
        check(set(tail) == {"units_count", "rollup", "ranking"}, f"{what}: last line keys {sorted(tail)}")
        check(all(tail[k] == pretty[k] for k in tail), f"{what}: last line equals the document's roll-up")

code, out, err = support_run(BIN, "evaluate", "plans/", "--json-style", "tabs")
check(code == 2 and out == "", "--json-style takes pretty, compact, lines")

finish()
