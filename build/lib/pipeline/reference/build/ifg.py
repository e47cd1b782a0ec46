"""Source 2: the Institute for Government ministers database (departments since 1979)."""

from __future__ import annotations

from collections import defaultdict
import csv
import os

from pipeline.reference.build.common import AB, CG, PA, PJ, Row, SRC_RANK, key, norm_space, year_of
from pipeline.reference.build.inputs import fix_map, fix_set


# --------------------------------------------------------------------------
# 2. IfG ministers database: departments since 1979
# --------------------------------------------------------------------------
# IfG name -> name of the row it belongs to (when the names differ).
IFG_TARGET = fix_map("ifg_target")


# The 2002-2007 "Deputy Prime Minister's Office" of IfG is the ODPM.
IFG_ID_RENAME = fix_map("ifg_id_rename")


# IfG short names that are real acronyms (others are IfG's own codes).
IFG_ACR_OK = fix_set("ifg_acr_ok")


IFG_ACR_FIX = fix_map("ifg_acr_fix")


def load_ifg(ref, store):
    path = os.path.join(ref, "ifg-ministers", "data", "organisation.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    groups = defaultdict(list)
    for r in rows:
        name = IFG_ID_RENAME.get(r["id"], norm_space(r["name"]))
        groups[name].append(r)
    for name in sorted(groups):
        rs = groups[name]
        starts = [year_of(r["start_date"]) for r in rs]
        ends = [year_of(r["end_date"]) for r in rs]
        start = None if any(s is None for s in starts) else min(starts)
        end = None if any(e is None for e in ends) else max(ends)
        sn = rs[0]["short_name"].strip()
        sn = IFG_ACR_FIX.get(sn, sn)
        acr = sn if sn in IFG_ACR_OK or sn in IFG_ACR_FIX.values() else ""
        if sn in ("DFID", "MOJ", "DEFRA", "MOD"):
            acr = sn
        target = IFG_TARGET.get(name, name)
        found = store.find([target], kinds={CG, AB, PJ, PA})
        by_name = [r for r in found if key(r.name) == key(target)]
        found = by_name or found
        if found:
            row = found[0]
            for other in found[1:]:
                store.merge(row, other, "ifg")
            row.sources.add("ifg-ministers")
            if start is not None:
                row.start = start
            if end is not None:
                row.end = end
            if acr and not row.acronym:
                row.acronym, row.acr_rank = acr, SRC_RANK["ifg-ministers"]
            if key(name) not in row.keys():
                row.add_aliases([name])
        else:
            store.add(Row(name, CG, "ifg-ministers", acronym=acr,
                          start=start, end=end))
