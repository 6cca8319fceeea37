#!/usr/bin/env python3
"""make bench: times, in one run and side by side, on the national data set
(bench/gen: 3,321 units x 60 indicators x 6 years):

  (a) plancheck summary                  (all cores)
  (b) yaml-cpp YAML::Load only, 1 thread (the floor set by the parser)
  (c) the same evaluation in Python with PyYAML's C loader
  (d) libyaml's event parser only        (the floor no YAML tool can beat)

and plancheck summary on 10x the units, for scaling. Each program runs
REPEAT times, interleaved; the median wall time is reported with its CPU
time and peak memory. Writes bench/results.md.

    run.py BUILD_DIR [REPEAT]
"""
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
UNITS = 3321


def dataset(units, per_parent=None):
    """The generated set of `units` units (made once, kept under bench/data);
    with `per_parent`, that many units share each parent."""
    name = f"parents-{units}" if per_parent else f"national-{units}"
    path = os.path.join(DATA, name)
    stamp = os.path.join(path, ".complete")
    if not os.path.exists(stamp):
        how = f", {per_parent} per parent," if per_parent else ""
        print(f"generating {units} units{how} in {path} ...", flush=True)
        subprocess.run(["rm", "-rf", path], check=True)
        extra = [str(per_parent)] if per_parent else []
        subprocess.run([sys.executable, os.path.join(HERE, "gen"), path, str(units), *extra], check=True)
        open(stamp, "w").close()
    return path


def run_measured(cmd, stdout, stderr, while_running=None):
    """Runs cmd; returns its exit code, wall seconds, CPU seconds (user +
    system) and peak RSS in MB. The peak is taken by GNU time, which forks
    the command itself: a command forked from this Python process would
    start with Python's resident pages, and Linux carries that high-water
    mark across exec into ru_maxrss, a floor of 12-17 MB under every figure
    (the figures before this were measured so). `while_running(proc)` may
    read the command's output before it is waited for."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.monotonic()
        proc = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", peak.name, *cmd], stdout=stdout, stderr=stderr)
        if while_running:
            while_running(proc)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        kb = peak.read().split()
    if not kb:
        sys.exit(f"no peak memory from /usr/bin/time for {' '.join(cmd)} (Debian package: time)")
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, int(kb[-1]) / 1024


def measure(cmd):
    """Wall seconds, CPU seconds (user + system), peak RSS in MB of one run."""
    with open(os.devnull, "w") as null, tempfile.TemporaryFile() as err:
        code, wall, cpu, mb = run_measured(cmd, null, err)
        err.seek(0)
        if code != 0:
            sys.exit(f"{' '.join(cmd)} failed: {err.read().decode()}")
    return wall, cpu, mb


def warm(path):
    """Reads every file of a data set once, untimed, so that each timed run
    finds it in the page cache: both sizes are then timed on equal footing
    (a cold 650 MB set measures the disk, not plancheck)."""
    for top, _, files in os.walk(path):
        for name in files:
            with open(os.path.join(top, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def median_run(results):
    walls = [r[0] for r in results]
    return results[walls.index(statistics.median_low(walls))]


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}"


def conditions():
    """How busy the machine was (a shared machine times slower and noisier)."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main():
    build = os.path.abspath(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    load = conditions()
    data = dataset(UNITS)
    plancheck = os.path.join(build, "plancheck")
    programs = {
        "a": ("plancheck summary (all cores)", [plancheck, "summary", data]),
        "b": ("yaml-cpp YAML::Load only, 1 thread", [os.path.join(build, "yaml_parse_only"), data]),
        "c": ("Python + PyYAML CSafeLoader", ["/usr/bin/python3", os.path.join(HERE, "evaluate.py"), data]),
        "d": ("libyaml event parser only, 1 thread", [os.path.join(build, "libyaml_events"), data]),
    }
    runs = {k: [] for k in programs}
    warm(data)
    for i in range(repeat):
        for k, (name, cmd) in programs.items():
            runs[k].append(measure(cmd))
            print(f"run {i + 1}/{repeat} {name}: {runs[k][-1][0]:.2f} s", flush=True)
    med = {k: median_run(v) for k, v in runs.items()}

    big = dataset(UNITS * 10)
    scale_runs = ([], [])
    for i in range(repeat):  # interleaved, each set warmed just before its run
        for runs_of, d in zip(scale_runs, (data, big)):
            warm(d)
            runs_of.append(measure([plancheck, "summary", d]))
            print(f"run {i + 1}/{repeat} scaling, {os.path.basename(d)}: {runs_of[-1][0]:.2f} s", flush=True)
    scale = [median_run(r) for r in scale_runs]
    one_thread = measure([plancheck, "summary", data, "--jobs", "1"])

    a, b, c, d = (med[k] for k in "abcd")
    bars = [
        ("wall time of (a) <= 0.75 x (b)", a[0] / b[0], a[0] / b[0] <= 0.75),
        ("(c) / (a) >= 4 (faster than the Python script)", c[0] / a[0], c[0] / a[0] >= 4),
        ("peak memory of (a) <= 100 MB", a[2], a[2] <= 100),
        ("10x units: time <= 11x", scale[1][0] / scale[0][0], scale[1][0] / scale[0][0] <= 11),
        ("10x units: peak memory <= 1.3x", scale[1][2] / scale[0][2], scale[1][2] / scale[0][2] <= 1.3),
    ]
    lines = ["# Benchmark results", "",
             f"Machine: {machine()}; {load} when the run began.  ",
             f"Data: `bench/gen`, {UNITS} units x 60 indicators x 6 years of actuals "
             f"({sum(len(f) for _, _, f in os.walk(data)) - 1} files). Median of {repeat} interleaved runs; "
             "each data set is read once, untimed, before it is timed, so every run finds it in the page cache. "
             "Peak memory as GNU time reports it (`run_measured`).", "",
             "| | program | wall s | CPU s | peak MB | wall / (a) |", "|---|---|--:|--:|--:|--:|"]
    for k in "abcd":
        w, cpu, mem = med[k]
        lines.append(f"| ({k}) | {programs[k][0]} | {w:.2f} | {cpu:.2f} | {mem:.1f} | {w / a[0]:.2f} |")
    lines += ["", f"plancheck summary with `--jobs 1`: {one_thread[0]:.2f} s wall, {one_thread[2]:.1f} MB.", "",
              "| units | wall s | CPU s | peak MB |", "|--:|--:|--:|--:|",
              f"| {UNITS} | {scale[0][0]:.2f} | {scale[0][1]:.2f} | {scale[0][2]:.1f} |",
              f"| {UNITS * 10} | {scale[1][0]:.2f} | {scale[1][1]:.2f} | {scale[1][2]:.1f} |", "",
              f"At 10x the units: {scale[1][0] / scale[0][0]:.2f}x the wall time, {scale[1][1] / scale[0][1]:.2f}x "
              "the CPU time (the CPU ratio is the steadier one on a shared machine).", "",
              "| bar | measured | |", "|---|--:|---|"]
    for name, value, ok in bars:
        lines.append(f"| {name} | {value:.2f} | {'met' if ok else 'NOT MET'} |")
    lines += ["", f"Ratio of (a) to the libyaml floor (d): {a[0] / d[0]:.2f} (wall), {a[1] / d[1]:.2f} (CPU).", "",
              "plancheck parses with yaml-cpp's event parser into its own flat tree (not YAML::Load's node graph), "
              "on all cores, and tells glibc not to return the heap to the system after each file "
              "(`mallopt(M_TRIM_THRESHOLD)`); (b) is YAML::Load as a user of yaml-cpp would call it."]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
