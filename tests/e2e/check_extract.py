#!/usr/bin/env python3
"""plancheck extract on the five published plans (tests/fixtures/seeds):
every draft validates, and its recall and precision against the bundled
plans (plans/*.yaml) stay at or above the bars below (docs/extract.md).

A target of a bundled plan is *found* when a draft's indicator (not an
unsure, commented-out one) has a matching target, each draft target
matching at most one bundled target:

* a target with a number matches a draft target for the same year with
  the same numbers (79,3 and 79.3 alike; "06" and 6 alike) — a multiset
  intersection of (year, numbers);
* a target without a number (a flag `true` / "đạt" / "duy trì", a
  milestone's stage "Đang thực hiện") matches a draft target without a
  number for the same year whose `x-source` line is within one line of
  the bundled indicator's `x-seed-line` (any of them when it lists
  several). Without a number there is nothing else to compare; the line
  says it is the same commitment. One line either way because a table
  row spans several lines (its number, name and value cells) and a
  commitment split over a lead-in and its line may be cited by either
  line. (The drafts cite a row's flag or milestone by its name cell, as
  the transcriptions do, so on the five seeds every such match is on the
  very line: the figures are the same with no tolerance.)

recall = found targets / all targets of the bundled plans. A draft's
target is *real* when it matches a bundled target in the same way;
precision = real / all of the draft's targets."""
import os
import re
import subprocess
import sys
import tempfile

import yaml
from collections import Counter

from support import check, finish

# The bars this build reaches (the issue asks 0.95 and 0.80: see docs/extract.md).
RECALL_BAR = float(os.environ.get("EXTRACT_RECALL_BAR", "0.95"))
PRECISION_BAR = float(os.environ.get("EXTRACT_PRECISION_BAR", "0.80"))
VERBOSE = bool(os.environ.get("EXTRACT_VERBOSE"))

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def numbers(text):
    return tuple(float(n.replace(",", ".")) for n in NUMBER.findall(str(text)))


def year_of(label):
    s = str(label)
    return int(s.split("-")[-1]) if "-" in s else int(s)


def lines_of(ind, key):
    v = ind.get(key)
    if isinstance(v, dict):
        v = v.get("line")
    if v is None:
        return ()
    return tuple(v) if isinstance(v, list) else (v,)


def targets(plan, line_key):
    """(year, numbers, id, lines, target) per target of the plan."""
    out = []
    for ind in plan.get("indicators") or []:
        for year, target in (ind.get("targets") or {}).items():
            out.append((year_of(year), numbers(target), ind["id"], lines_of(ind, line_key), target))
    return out


def match_words(want, got):
    """Targets without a number: bundled and draft of the same year, the
    draft's line within one of a bundled line; each used once. Returns the
    matched (bundled, draft) index pairs."""
    used = set()
    pairs = []
    for i, (y, _, _, lines, _) in enumerate(want):
        for j, (gy, _, _, glines, _) in enumerate(got):
            if j in used or gy != y:
                continue
            if any(abs(g - w) <= 1 for g in glines for w in lines):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def main(binary):
    found_total = targets_total = real_total = drafted_total = 0
    report = []
    for name in sorted(os.listdir("plans")):
        bundled = yaml.safe_load(open(os.path.join("plans", name), encoding="utf-8"))
        seed = os.path.join("tests/fixtures/seeds", bundled["plan"]["source"])
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "draft.yaml")
            r = subprocess.run([binary, "extract", seed, "--unit", bundled["unit"]["id"], "--output", out],
                               capture_output=True, text=True)
            check(r.returncode == 0, f"extract {seed} exits {r.returncode}: {r.stderr}")
            v = subprocess.run([binary, "validate", out], capture_output=True, text=True)
            check(v.returncode == 0, f"the draft of {seed} validates: {v.stderr}")
            draft = yaml.safe_load(open(out, encoding="utf-8"))
        want = targets(bundled, "x-seed-line")
        got = targets(draft, "x-source")
        # One draft target matches one bundled target (a multiset intersection).
        want_keys = Counter((y, n) for y, n, *_ in want if n)
        got_keys = Counter((y, n) for y, n, *_ in got if n)
        found_numbers = sum((want_keys & got_keys).values())
        want_words = [t for t in want if not t[1]]
        got_words = [t for t in got if not t[1]]
        pairs = match_words(want_words, got_words)
        found = real = found_numbers + len(pairs)
        if VERBOSE:
            for key in sorted(want_keys - got_keys):
                print(f"  {name} missed {(want_keys - got_keys)[key]} of {key} {[(i, l) for y, n, i, l, _ in want if (y, n) == key]}")
            for key in sorted(got_keys - want_keys):
                print(f"  {name} extra {(got_keys - want_keys)[key]} of {key} {[(i, l) for y, n, i, l, _ in got if (y, n) == key]}")
            matched_want = {i for i, _ in pairs}
            matched_got = {j for _, j in pairs}
            for i, (y, _, ind, lines, t) in enumerate(want_words):
                if i not in matched_want:
                    print(f"  {name} missed: ({y}, {t!r}) {ind} line {lines}")
            for j, (y, _, ind, lines, t) in enumerate(got_words):
                if j not in matched_got:
                    print(f"  {name} extra: ({y}, {t!r}) {ind} line {lines}")
        found_total += found
        targets_total += len(want)
        real_total += real
        drafted_total += len(got)
        report.append(f"{name}: recall {found}/{len(want)}, precision {real}/{len(got)}")

    recall = found_total / targets_total
    precision = real_total / drafted_total
    print("\n".join(report))
    print(f"all: recall {found_total}/{targets_total} = {recall:.1%}, precision {real_total}/{drafted_total} = {precision:.1%}")
    check(recall >= RECALL_BAR, f"recall {recall:.1%} below {RECALL_BAR:.0%}")
    check(precision >= PRECISION_BAR, f"precision {precision:.1%} below {PRECISION_BAR:.0%}")
    finish()


if __name__ == "__main__":
    main(sys.argv[1])
