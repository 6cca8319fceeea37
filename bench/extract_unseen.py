#!/usr/bin/env python3
"""How `plancheck extract` does on a published plan it was not written
against (docs/extract.md, "On a plan it was not written against").

    python3 bench/extract_unseen.py PLANCHECK DOCUMENT KEY.yaml

KEY.yaml lists the document's commitments counted by hand (year and target,
bench/extract/qd525-key.yaml). A commitment is found when the draft's
indicators (not the commented-out candidates) have a target of that year with
the same numbers, or, for one without a number ("duy trì", "đạt"), the same
word and stage; each draft target counts once (the matching of tests/e2e/check_extract.py,
with the hand count in place of a bundled plan's lines). Prints recall over
every commitment and over those with a figure, and precision."""
import os
import subprocess
import sys
import tempfile
from collections import Counter

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "e2e"))
from check_extract import numbers, year_of  # noqa: E402


def key_of(year, target, stage):
    """(year, numbers), or for a target without a number (year, word, stage)."""
    n = numbers(target)
    return (year_of(year), n) if n else (year_of(year), str(target).strip().lower(), stage)


def main(binary, document, key_file):
    key = yaml.safe_load(open(key_file, encoding="utf-8"))
    want = Counter(key_of(c["year"], c["target"], c.get("stage")) for c in key["commitments"])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "draft.yaml")
        r = subprocess.run([binary, "extract", document, "--output", out], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"extract exits {r.returncode}: {r.stderr}")
        draft = yaml.safe_load(open(out, encoding="utf-8"))
    got = Counter(key_of(y, t, ind.get("stage")) for ind in draft.get("indicators") or []
                  for y, t in (ind.get("targets") or {}).items())
    found = want & got
    with_figure = Counter({k: v for k, v in want.items() if len(k) == 2})
    print(f"{key['document']}")
    print(f"recall {sum(found.values())}/{sum(want.values())} = {sum(found.values()) / sum(want.values()):.1%}; "
          f"with a figure {sum((found & with_figure).values())}/{sum(with_figure.values())}; "
          f"precision {sum(found.values())}/{sum(got.values())} (a lower bound: a draft target the key "
          f"files once, as one, counts as not real)")
    for k, n in sorted((want - got).items(), key=str):
        print(f"  missed {n} x {k}")
    for k, n in sorted((got - want).items(), key=str):
        print(f"  extra {n} x {k}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
