"""Source 5: Correlates of War intergovernmental organisations v3 (historic IGOs 1815-2014)."""

from __future__ import annotations

import csv
import os
import re

from pipeline.reference.build.common import EU, IN, Row, SRC_RANK, norm_space, split_aliases, year_of
from pipeline.reference.build.inputs import fix_map, fix_set
from pipeline.reference.build.supraverden import intl_acronym


# --------------------------------------------------------------------------
# 5. Correlates of War IGO v3
# --------------------------------------------------------------------------
COW_EU = fix_set("cow_eu")


COW_NAME_FIX = fix_map("cow_name_fix")


COW_ALIASES = fix_map("cow_aliases")


COW_DROP_ALIASES = fix_set("cow_drop_aliases")


COW_DROP = fix_set("cow_drop")


COW_ACR = fix_map("cow_acr")


LONG_ABBREV_RE = re.compile(r"\b(Intl|Int'l|Org|Comm|Cmte|Assn|Assoc|Instit|"
                            r"Afr|Am|Perm|Sec)\b|[.&]")


TRUNCATED_RE = re.compile(r"\b(the|of|and|for|in|on|to|a|an)$", re.I)


FRENCH_RE = re.compile(r"\b(de|des|du|la|le|et|pour|en|internationale|"
                       r"Conseil|Confrence|conomique|Rserve|Ple|Union "
                       r"conomique)\b")


ABBREV_TOKEN_RE = re.compile(r"\b(Intl|Int'l|Org|Comm|Cmte|Comte|Assn|Assoc|"
                             r"Instit|Dev|Devel|Econ|Coop|Afr|Am|Euro|Eur|"
                             r"Cent|Cntrl|Gov|Intgvt|Perm|Reg|Sci|Tech|Prot|"
                             r"Comp|Ag|Sec|Fed|Stat|Res|Nord|Exp|Info)\b|"
                             r"[.&/]")


def load_cow(ref, store):
    path = os.path.join(ref, "intl-orgs-cow-igo", "data",
                        "igo_year_format3.csv")
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    skipped = 0
    for r in sorted(rows, key=lambda x: int(x["ionum"])):
        code = r["ioname"].strip()
        if code in COW_DROP or int(r["last_year_in_data"]) < 1900:
            continue
        long = r["longorgname"]
        truncated = len(long) == 80
        parts = [norm_space(p) for p in long.split("/")]
        if truncated:
            parts = parts[:-1]
        if code in COW_NAME_FIX:
            parts = [COW_NAME_FIX[code]] + parts
        names, acrs = [], []
        for p in parts:
            for a in re.findall(r"\(([A-Za-z0-9\- ]{2,12})\)", p):
                acrs.append(a.strip())
            p = norm_space(re.sub(r"\([^)]*\)?", "", p))
            if len(p) < 6 or p.isupper() or "\ufffd" in p or FRENCH_RE.search(
                    p) or LONG_ABBREV_RE.search(p) or p in COW_DROP_ALIASES \
                    or TRUNCATED_RE.search(p):
                continue
            if p not in names:
                names.append(p)
        org = norm_space(r["orgname"])
        if org and not ABBREV_TOKEN_RE.search(org) and len(org) > 6 and \
                org not in COW_DROP_ALIASES and \
                not org.isupper() and not FRENCH_RE.search(org) and \
                org not in names:
            names.append(org)
        names += split_aliases(COW_ALIASES.get(code, ""))
        if not names:
            skipped += 1
            continue
        start = year_of(r["sdate"])
        dead = year_of(r["deaddate"])
        acr = COW_ACR.get(code)
        if acr is None:
            acr = intl_acronym(acrs[0]) if acrs else ""
        found = store.find(names, kinds={EU, IN})
        if not found:
            for a in acrs:
                a = a.strip()
                if len(a) >= 4 and a.isupper():
                    found = [x for x in store.rows if x.kind in (EU, IN)
                             and x.acronym == a]
                    if found:
                        break
        if found:
            tgt = found[0]
            for other in found[1:]:
                store.merge(tgt, other, "cow")
            tgt.sources.add("cow-igo")
            tgt.add_aliases(names)
            if tgt.start is None:
                tgt.start = start
            if "supraverden" not in tgt.sources and dead:
                tgt.end = dead
            if acr and not tgt.acronym:
                tgt.acronym, tgt.acr_rank = acr, SRC_RANK["cow-igo"]
            continue
        kind = EU if code in COW_EU else IN
        store.add(Row(names[0], kind, "cow-igo", acronym=acr,
                      aliases=names[1:], start=start, end=dead))
    return skipped
