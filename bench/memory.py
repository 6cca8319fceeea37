#!/usr/bin/env python3
"""The memory bench (make bench, make bench-memory): peak memory of validate,
evaluate --format json and summary on national sets whose parents grow with
the units (bench/gen with 30 units per parent: 3,321 units under 111
parents, and 9,963 under 333). Every command streams its units, so tripling
the units must cost at most 1.3x the memory, and each run stays within
100 MB. Measured in one run, each command on both sets back to back; peak
RSS as GNU time reports it (run.py, run_measured). Writes the "Memory"
section of bench/results.md. With BASELINE_BUILD_DIR (a build of the code
before a change), validate is measured with it too, in the same run.

    memory.py BUILD_DIR [BASELINE_BUILD_DIR]
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import conditions, dataset, machine, run_measured  # noqa: E402 - after the path

HERE = os.path.dirname(os.path.abspath(__file__))
PER_PARENT = 30
SIZES = (3321, 9963)
COMMANDS = (("validate", []), ("validate", ["--format", "junit"]), ("validate", ["--format", "json"]),
            ("evaluate", ["--format", "json"]), ("summary", []))
BEGIN, END = "<!-- memory bench: begin -->", "<!-- memory bench: end -->"


def peak(cmd):
    """Peak RSS in MB, output bytes (counted, not kept) and warnings printed
    (lines on stderr, counted a piece at a time) of one run."""
    size = 0

    def drain(proc):
        nonlocal size
        while chunk := proc.stdout.read(1 << 20):
            size += len(chunk)

    with tempfile.TemporaryFile() as err:
        code, _, _, mb = run_measured(cmd, subprocess.PIPE, err, drain)
        err.seek(0)
        warnings, tail = 0, b""
        while piece := err.read(1 << 20):
            text = tail + piece
            warnings += text.count(b": warning: ")
            tail = text[-len(b": warning: ") + 1:]
    if code not in (0, 1):  # 1: milestones missed, a result
        sys.exit(f"{' '.join(cmd)} exited {code}")
    return mb, size, warnings


def section(build, baseline=None):
    load = conditions()
    plancheck = os.path.join(build, "plancheck")
    sets = [(n, dataset(n, PER_PARENT)) for n in SIZES]
    rows, bars = [], []
    runs = [(plancheck, name, args, f"`{' '.join([name, *args])}`") for name, args in COMMANDS]
    if baseline:
        runs.insert(1, (os.path.join(baseline, "plancheck"), "validate", [], "`validate`, baseline build"))
    for binary, name, args, label in runs:
        measured = []
        for units, path in sets:
            mb, size, warnings = peak([binary, name, path, *args])
            measured.append(mb)
            print(f"{label} on {units} units: {mb:.1f} MB, {size / 1e6:.0f} MB of output", flush=True)
            rows.append(f"| {label} | {units} | {units // PER_PARENT + (units % PER_PARENT > 0)} "
                        f"| {mb:.1f} | {size / 1e6:.1f} | {warnings} |")
        ratio = measured[1] / measured[0]
        bars.append(f"| {label}: peak <= 100 MB at both sizes | {max(measured):.1f} MB | "
                    f"{'met' if max(measured) <= 100 else 'NOT MET'} |")
        bars.append(f"| {label}: 3x the units <= 1.3x the memory | {ratio:.2f}x | {'met' if ratio <= 1.3 else 'NOT MET'} |")
    return "\n".join([
        BEGIN, "## Memory", "",
        f"Data: `bench/gen DIR UNITS {PER_PARENT}` (60 indicators x 6 years a unit, {PER_PARENT} units per parent, "
        "so the roll-ups per parent grow with the units). Peak RSS of one run of each command, all cores, output "
        f"to a pipe; both sizes measured back to back in one run. Machine: {machine()}; {load} when the "
        "memory run began.", "",
        "| command | units | parents | peak MB | output MB | warnings |", "|---|--:|--:|--:|--:|--:|", *rows, "",
        "| bar | measured | |", "|---|--:|---|", *bars, "",
        "Warnings are printed after the walk, in file and line order (`print_diagnostics`). Each plan's own "
        "warnings (the generated plans have two lint warnings each) wait for it in a temporary file, not in "
        "memory (`src/core/rollup/walk_diagnostics.cpp`), and are merged back in their place as they are printed; "
        "before, they were held, about 430 bytes each, and grew with the units"
        + (" (the baseline build's rows: the code before that change, measured in this run)" if baseline else "")
        + ". The units themselves cost nothing that grows.", "",
        "Peak RSS is what GNU time reports for the command. Before, the bench read ru_maxrss from wait4 on a "
        "command forked from its own Python process, which Linux counts from Python's resident pages at the "
        "fork: a floor of 12-17 MB under every figure, which made growth look smaller (`validate` was reported 11.8 to "
        "18.0 MB, 1.53x).", "",
        "Before streaming (the issue's figures, same machine class): `validate` 740 MB and `evaluate --format json` "
        "1.9 GB on the 3,321-unit set, growing with the units.", END])


def main():
    text = section(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None)
    results = os.path.join(HERE, "results.md")
    old = open(results, encoding="utf-8").read() if os.path.exists(results) else "# Benchmark results\n"
    if BEGIN in old:
        old = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: text, old, flags=re.S)
    else:
        old = old.rstrip("\n") + "\n\n" + text + "\n"
    with open(results, "w", encoding="utf-8") as f:
        f.write(old)
    print(text)


if __name__ == "__main__":
    main()
