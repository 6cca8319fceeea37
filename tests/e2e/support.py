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


def finish():
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)
