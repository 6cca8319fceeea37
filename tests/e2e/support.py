"""Shared by the end-to-end checks: run the binary, collect failures, and
close with the plain 'N passed, N failed' line CTest logs show."""
import subprocess
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def json_output(binary, what, *args):
    """Runs a command that prints JSON, checks it ran, and validates the
    document against the shipped schema (docs/plancheck-output.schema.json)."""
    import json
    import jsonschema
    code, out, err = run(binary, *args)
    check(code == 0, f"{what}: exit {code} {err}")
    doc = json.loads(out)
    with open("docs/plancheck-output.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        check(False, f"{what}: schema: {e.message} at {list(e.path)}")
    return doc


def finish():
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)
