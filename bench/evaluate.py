#!/usr/bin/env python3
"""The summary evaluation written the way a user would script it: every plan
loaded with PyYAML's C loader (CSafeLoader), each indicator's latest value,
least-squares trend and projection checked against its targets, statuses
counted per unit, and a roll-up per indicator (pooled for ratios with
counts, summed for counts, else the mean). One thread, like most scripts.

    evaluate.py DIR
"""
import os
import re
import sys
from collections import defaultdict

import yaml

LOADER = yaml.CSafeLoader
TARGET = re.compile(r"^(>=|>|<=|<|~|trên|dưới|khoảng|tối thiểu|tối đa)?\s*([0-9.,]+)\s*(?:%)?\s*(?:-\s*([0-9.,]+)\s*%?)?$")
WORDS = {"trên": ">", "dưới": "<", "khoảng": "~", "tối thiểu": ">=", "tối đa": "<="}


def number(s):
    return float(str(s).replace(",", ".").rstrip("%"))


def parse_target(text, better):
    m = TARGET.match(str(text).strip().lower())
    if not m:
        return None
    op, a, b = m.groups()
    op = WORDS.get(op, op)
    if b is not None:
        return ("range", number(a), number(b))
    if op is None:
        op = ">=" if better == "higher" else "<="
    if op == "~":
        v = number(a)
        return ("range", v - 2, v + 2)
    return (op, number(a), None)


def satisfies(t, v):
    op, a, b = t
    return {"range": lambda: a <= v <= b, ">=": lambda: v >= a, ">": lambda: v > a,
            "<=": lambda: v <= a, "<": lambda: v < a}[op]()


def value_of(ind, raw):
    kind = ind.get("kind", "number")
    if kind == "ratio" and isinstance(raw, dict):
        return raw["numerator"] / raw["denominator"] * 100, raw["numerator"], raw["denominator"]
    if kind == "flag":
        return (1.0 if raw in (True, "đạt", "có") else 0.0), None, None
    if kind == "milestone":
        return float(ind["stages"].index(raw)), None, None
    return number(raw), None, None


def slope(points):
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def status(ind, points, year, target, as_of):
    latest_year, latest = points[-1]
    kind = ind.get("kind", "number")
    if kind in ("flag", "milestone"):
        need = 1.0 if kind == "flag" else float(ind["stages"].index(target))
        met = latest >= need
        return "met" if met else "missed" if year <= as_of else "unknown"
    t = parse_target(target, ind.get("better", "higher"))
    if t is None:
        return "unknown"
    if satisfies(t, latest):
        return "met"
    if year <= as_of:
        return "missed"
    b = slope(points)
    if b is None:
        return "unknown"
    projected = latest + b * (year - latest_year)
    if ind.get("unit") == "%":
        projected = min(100.0, max(0.0, projected))
    if satisfies(t, projected):
        return "on-track"
    bound = t[1]
    need = (bound - latest) / (year - latest_year)
    return "at-risk" if need and b / need >= 0.6 else "off-track"


def main():
    root = sys.argv[1]
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".yaml"))
    plans = []
    as_of = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            plan = yaml.load(f, Loader=LOADER)
        plans.append(plan)
        for series in (plan.get("actuals") or {}).values():
            as_of = max([as_of] + [int(y) for y in series])
    rollup = defaultdict(lambda: {"n": 0.0, "d": 0.0, "sum": 0.0, "units": 0, "ratio": True})
    for plan in plans:
        counts = defaultdict(int)
        actuals = plan.get("actuals") or {}
        for ind in plan["indicators"]:
            points = []
            if "baseline" in ind:
                b = ind["baseline"]
                raw = b if "numerator" in b else b["value"]
                points.append((b["year"], value_of(ind, raw)[0]))
            last = None
            for year, raw in sorted(actuals.get(ind["id"], {}).items()):
                if int(year) <= as_of:
                    v = value_of(ind, raw)
                    points = [p for p in points if p[0] != int(year)] + [(int(year), v[0])]
                    last = v
            if not points:
                counts["unknown"] += 1
                continue
            targets = sorted((int(y), t) for y, t in ind["targets"].items())
            nxt = next(((y, t) for y, t in targets if y >= as_of), targets[-1])
            counts[status(ind, points, nxt[0], nxt[1], as_of)] += 1
            if ind.get("kind") == "milestone":
                continue
            acc = rollup[ind["id"]]
            acc["units"] += 1
            acc["sum"] += points[-1][1]
            if last and last[1] is not None:
                acc["n"] += last[1]
                acc["d"] += last[2]
            else:
                acc["ratio"] = False
        print(plan["unit"]["id"], dict(counts))
    for iid, acc in rollup.items():
        value = acc["n"] / acc["d"] * 100 if acc["ratio"] and acc["d"] else acc["sum"] / max(1, acc["units"])
        print(iid, acc["units"], round(value, 3))


if __name__ == "__main__":
    main()
