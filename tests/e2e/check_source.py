#!/usr/bin/env python3
"""validate --source on the five bundled plans (docs/source-coverage.md):
each plan with its seed comes out clean, and removing an indicator from a
copy of the plan brings back exactly the passages only it referred to.

The passages expected back are worked out apart from the plan's
references: the lines an item refers to are read from the plan with
PyYAML; a table of one cell a line groups its lines by row.

The commitments are the lines validate warns of for a plan with one
unrelated indicator, less those the plan's items without a source line
match by number and wording (validate on a plan of those items alone)."""
import concurrent.futures
import json
import os
import re
import sys
import tempfile

import yaml

from support import check, finish, run

BIN = sys.argv[1]
PLANS = {"duong-kinh": "004", "ha-bac": "000", "ha-dong": "002", "kien-hung": "001", "vinh-bao": "003"}
LINE_KEYS = ("x-seed-line", "x-source", "x-source-line", "x-body-lines", "x-appendix-line")
WARNING = re.compile(r"^(.*?):(\d+): warning: commitment not in the plan: ", re.M)


def seed_of(plan):
    seeds = "tests/fixtures/seeds"
    return next(os.path.join(seeds, f) for f in sorted(os.listdir(seeds)) if f.startswith(PLANS[plan] + "_"))


def rows(text):
    """Line (1-based) -> the first line of its row in a table of one cell a line."""
    out, in_row = {}, False
    for n, line in enumerate(text.split("\n"), 1):
        cell = line.startswith("\t")
        out[n] = out[n - 1] if cell and in_row else n
        in_row = cell
    return out


def warned(plan_text, seed, tmp, name):
    """The lines validate --source warns of for a plan written out."""
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(plan_text)
    code, out, err = run(BIN, "validate", path, "--source", seed)
    check(code == 0, f"{name}: exit {code}\n{err}")
    return set(warning_lines(err, seed))


def lineless(plan):
    """The plan with only the items that give no source line (those match
    by number and wording) and an indicator no passage is about."""
    # A derived indicator's inputs may be gone: its own targets are what matters.
    mine = [{k: v for k, v in i.items() if k != "formula"} for i in plan["indicators"] if not line_refs(i)]
    keep = {"plancheck": 1, "unit": plan["unit"],
            "indicators": mine +
            [{"id": "z", "name": "Z", "unit": "%", "targets": {2030: "1%"}}]}
    if plan.get("tasks"):
        keep["tasks"] = [t for t in plan["tasks"] if not line_refs(t)]
    if plan.get("budget"):
        keep["budget"] = plan["budget"]
    return yaml.safe_dump(keep, allow_unicode=True, sort_keys=False)


def line_refs(item):
    refs = []
    for key in LINE_KEYS:
        v = item.get(key)
        if isinstance(v, dict):
            v = v.get("line")
        if v is None:
            continue
        refs += v if isinstance(v, list) else [v]
    return [int(r) for r in refs]


def items(plan):
    yield from plan.get("indicators") or []
    yield from plan.get("tasks") or []
    for line in (plan.get("budget") or {}).get("lines") or []:
        yield line
        yield from line.get("items") or []


def without_indicator(text, ind_id):
    """The plan's text without the indicator `ind_id` (its block under `indicators:`)."""
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if re.match(r"^  - (\{ *)?id: *\"?" + re.escape(ind_id) + r"\"?[,} ]*$", l)
                 or re.match(r"^  - \{ *id: *\"?" + re.escape(ind_id) + r"\"?,", l))
    end = start + 1
    while end < len(lines) and not re.match(r"^(  - |\S)", lines[end]):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


def warning_lines(stderr, seed):
    return sorted(int(n) for f, n in WARNING.findall(stderr) if f == seed)


def check_plan(name, tmp):
    path, seed = f"plans/{name}.yaml", seed_of(name)
    code, out, err = run(BIN, "validate", path, "--source", seed)
    check(code == 0 and warning_lines(err, seed) == [], f"{name}: not clean: exit {code}\n{err}")
    code, out, err = run(BIN, "validate", path, "--source", seed, "--format", "json")
    diags = json.loads(out).get("diagnostics", []) if code == 0 else [None]
    check(not [d for d in diags if not d or "commitment not in the plan" in d.get("message", "")],
          f"{name}: JSON not clean: exit {code}")

    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(seed, encoding="utf-8") as f:
        row = rows(f.read())
    plan = yaml.safe_load(text)
    # The commitments (what a plan of one unrelated indicator is warned of),
    # less those the plan's items without a source line match by wording.
    passages = warned(yaml.safe_dump({"plancheck": 1, "unit": plan["unit"], "indicators": [
        {"id": "z", "name": "Z", "unit": "%", "targets": {2030: "1%"}}]}), seed, tmp, f"{name}-none.yaml")
    passages &= warned(lineless(plan), seed, tmp, f"{name}-lineless.yaml")
    left_out = {row.get(l, l) for e in (plan.get("plan") or {}).get("x-not-checkable") or [] for l in
                (e["line"] if isinstance(e["line"], list) else [e["line"]])}
    # For each commitment, the indicators that refer to its row removed
    # together (one, mostly; several where they share a sentence); every
    # third commitment of a plan unless SOURCE_E2E_ALL=1.
    groups = []
    for line in sorted(passages):
        group = [i["id"] for i in plan["indicators"] if row.get(line, line) in {row.get(l, l) for l in line_refs(i)}]
        if group and group not in groups:
            groups.append(group)
    back = 0
    for n, group in enumerate(groups):
        if n % 3 and not os.environ.get("SOURCE_E2E_ALL"):
            continue
        gone = [i for i in plan["indicators"] if i["id"] in group]
        mine = {row.get(l, l) for i in gone for l in line_refs(i)}
        others = {row.get(l, l) for it in items(plan) if not any(it is g for g in gone) for l in line_refs(it)}
        expected = sorted({row.get(l, l) for l in passages if row.get(l, l) in mine - others - left_out})
        copy = text
        for ind_id in group:
            copy = without_indicator(copy, ind_id)
        path_copy = os.path.join(tmp, f"{name}-without-{n}.yaml")
        with open(path_copy, "w", encoding="utf-8") as f:
            f.write(copy)
        code, out, err = run(BIN, "validate", path_copy, "--source", seed)
        if code == 2:  # another indicator's formula needs one of them, or none would be left
            check("formula" in err or "at least one indicator" in err, f"{name} without {group}: exit 2\n{err}")
            continue
        back += bool(expected)
        got = sorted({row.get(l, l) for l in warning_lines(err, seed)})
        check(got == expected, f"{name} without {group}: passages back at rows {got}, expected {expected}")
    check(back > 0 or not passages, f"{name}: no removal brought a passage back ({len(groups)} groups)")
    return f"{name}: {len(passages)} commitments, {len(groups)} groups of indicators, {back} removals checked"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for line in pool.map(lambda n: check_plan(n, tmp), PLANS):
                print(line)
    finish()


if __name__ == "__main__":
    main()
