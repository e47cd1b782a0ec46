"""Build pipeline/reference/agencies.csv from the shared reference lists and the curated rows."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from pipeline.reference import AGENCIES_CSV

from pipeline.reference.build.common import KINDS, Store, key
from pipeline.reference.build.cow import load_cow
from pipeline.reference.build.curated import apply_curated
from pipeline.reference.build.designations import load_designations
from pipeline.reference.build.finalise import finalise, write_csv
from pipeline.reference.build.govuk import load_register
from pipeline.reference.build.ifg import load_ifg
from pipeline.reference.build.supraverden import load_supraverden

SHARED_REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference"


# --------------------------------------------------------------------------
# Gold coverage check
# --------------------------------------------------------------------------

def gold_check(rows, gold_dir):
    names, acrs = set(), set()
    for r in rows:
        names.add(key(r.name))
        names.update(key(a) for a in r.aliases)
        if r.acronym:
            acrs.add(r.acronym)
    total = hit = 0
    missing = []
    surf_total = surf_hit = 0
    for fn in sorted(os.listdir(gold_dir)):
        if not fn.endswith(".jsonl"):
            continue
        with open(os.path.join(gold_dir, fn), encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                for a in json.loads(line).get("agencies", []):
                    for val, isacr in ((a.get("name"), False),
                                       (a.get("acronym"), True)):
                        if not val:
                            continue
                        total += 1
                        ok = (val in acrs or key(val) in names)
                        hit += ok
                        if not ok:
                            missing.append(("acronym" if isacr else "name",
                                            val))
                    for s in a.get("surfaces", []):
                        surf_total += 1
                        surf_hit += (s in acrs or key(s) in names)
    return total, hit, sorted(set(missing)), surf_total, surf_hit


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reference_dir", nargs="?", default=str(SHARED_REFERENCE), help="shared reference folder (default: ../shared/reference beside the checkout)")
    ap.add_argument("--out", default=str(AGENCIES_CSV))
    ap.add_argument("--gold", default=None,
                    help="folder with gold *.jsonl to check coverage")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    ref = args.reference_dir
    store = Store()
    load_register(ref, store)
    load_ifg(ref, store)
    load_designations(ref, store)
    load_supraverden(ref, store)
    skipped = load_cow(ref, store)
    apply_curated(store)
    report = finalise(store)
    rows = write_csv(store, args.out)
    from pipeline.reference.build import members

    people, names, offices = members.build(Path(ref))
    members.write(people, names, offices, Path(args.out).parent)  # beside the agencies table
    print("members: %d people, %d name spells" % (len(people), len(names)), file=sys.stderr)
    kinds = Counter(r.kind for r in rows)
    print("rows: %d" % len(rows), file=sys.stderr)
    for k in KINDS:
        print("  %-22s %d" % (k, kinds.get(k, 0)), file=sys.stderr)
    print("COW rows skipped (no usable English name): %d" % skipped,
          file=sys.stderr)
    print("acronym collisions: %d" % len(report["acronym_collisions"]),
          file=sys.stderr)
    if args.verbose:
        for line in store.log:
            print(line, file=sys.stderr)
        for a in report["alias_dropped_collision"]:
            print("alias dropped: %r on %r (belongs to %r)" % a,
                  file=sys.stderr)
        for a in report["acronym_collisions"]:
            print("acronym collision: %s %s" % a, file=sys.stderr)
    if args.gold:
        total, hit, missing, st, sh = gold_check(rows, args.gold)
        print("gold names+acronyms covered: %d/%d; surfaces %d/%d"
              % (hit, total, sh, st), file=sys.stderr)
        for m in missing:
            print("  not covered: %s %r" % m, file=sys.stderr)


if __name__ == "__main__":
    main()
