"""After every source: names and aliases cleaned, collisions resolved, ids given, the CSV written."""

from __future__ import annotations

from collections import Counter
from collections import defaultdict
import csv
import os
import re

from pipeline.reference.build.common import ACRONYM_STOP, EU, GENERIC_ALIASES, HEADER, IN, SRC_RANK, key, norm_space, slugify
from pipeline.reference.build.cow import TRUNCATED_RE


# --------------------------------------------------------------------------
# Post-processing
# --------------------------------------------------------------------------

def finalise(store):
    rows = store.rows
    report = {"alias_dropped_collision": [], "acronym_collisions": []}
    # A body named for its jurisdiction is printed without it as often as with it ("the Sentencing
    # Council" is the Sentencing Council for England and Wales); a row of the short name keeps it (below).
    # So is one whose place the register adds in brackets ("Department of Agriculture, Environment and Rural
    # Affairs (Northern Ireland)"), unless the name without it is another country's as well: two words, or
    # a department of one subject ("Department of Justice", "Executive Office").
    for r in rows:
        if m := re.fullmatch(r"(.+?) (?:for|of) England and Wales", r.name):
            r.add_aliases([m.group(1)])
        elif (m := re.fullmatch(r"(.+?) \((?:Northern Ireland|England|Scotland|Wales)\)", r.name)) and len(m.group(1).split()) >= 3 \
                and not re.fullmatch(r"(?:Department|Ministry) of [^,]+", m.group(1)):
            r.add_aliases([m.group(1)])
    # Names: & -> and; remove generic and duplicate aliases.
    for r in rows:
        if " & " in r.name:
            r.add_aliases([r.name])
            r.name = r.name.replace(" & ", " and ")
        r.name = norm_space(r.name)
        out = []
        seen = set()
        for a in r.aliases:
            a = norm_space(a).replace("’", "'")
            if not a or a.casefold() == r.name.casefold() or a == r.acronym:
                continue
            if " - " in a:
                continue
            k = key(a)
            if not k or (k in GENERIC_ALIASES and k not in r.protected_aliases):  # a curated alias is meant
                continue
            if re.fullmatch(r"[a-z]+", a):        # plain lower-case word
                continue
            if TRUNCATED_RE.search(a) or re.search(r"[()\ufffd]", a):
                continue
            if len(a) <= 4 and a[0].isdigit():
                continue
            if len(a) < 3:
                continue
            if a in seen:
                continue
            seen.add(a)
            out.append(a)
        r.aliases = out
        if r.acronym and r.acronym.upper() in ACRONYM_STOP and \
                not r.locked_acronym:
            r.acronym = ""
    # Alias collisions between rows.
    name_keys = defaultdict(list)
    for r in rows:
        name_keys[key(r.name)].append(r)
    owners = defaultdict(list)
    for r in rows:
        for a in r.aliases:
            owners[key(a)].append(r)
    for r in rows:
        keep = []
        for a in r.aliases:
            k = key(a)
            others_name = [o for o in name_keys.get(k, []) if o is not r]
            if others_name:
                report["alias_dropped_collision"].append(
                    (a, r.name, others_name[0].name))
                continue
            holders = [o for o in owners[k] if o is not r]
            if holders:
                prot = [o for o in [r] + holders if k in o.protected_aliases]
                if prot and r not in prot:
                    report["alias_dropped_collision"].append(
                        (a, r.name, prot[0].name))
                    continue
                if not prot:
                    report["alias_dropped_collision"].append(
                        (a, r.name, holders[0].name))
                    continue
            keep.append(a)
        r.aliases = keep
    # Acronyms equal to another row's name or alias are dropped.
    all_keys = {}
    for r in rows:
        for k in r.keys():
            all_keys.setdefault(k, r)
    acr_owner = defaultdict(list)
    for r in rows:
        if r.acronym:
            acr_owner[r.acronym].append(r)
    # A UK body keeps a shared acronym; EU/international rows lose it unless
    # it was set in CURATED.
    for a, rs in acr_owner.items():
        if len(rs) > 1 and any(x.kind not in (EU, IN) for x in rs):
            for x in rs:
                if x.kind in (EU, IN) and not x.locked_acronym:
                    x.acronym = ""
    acr_owner = defaultdict(list)
    for r in rows:
        if r.acronym:
            acr_owner[r.acronym].append(r)
    for a, rs in sorted(acr_owner.items()):
        if len(rs) > 1:
            report["acronym_collisions"].append(
                (a, sorted(x.name for x in rs)))
    # ids
    ids = Counter()
    for r in rows:
        r.slug_id = slugify(r.name)
        ids[r.slug_id] += 1
    for r in rows:
        if ids[r.slug_id] > 1:
            suffix = str(r.start) if r.start else r.kind.split("_")[0]
            r.slug_id = r.slug_id + "-" + suffix
    c2 = Counter(r.slug_id for r in rows)
    dup = [k for k, v in c2.items() if v > 1]
    if dup:
        raise SystemExit("duplicate agency_id: %s" % dup)
    # Wikidata ids must be unique.
    qids = Counter(r.qid for r in rows if r.qid)
    for r in rows:
        if r.qid and qids[r.qid] > 1:
            r.qid = ""
    return report


def write_csv(store, path):
    rows = sorted(store.rows, key=lambda r: r.slug_id)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            srcs = sorted(r.sources, key=lambda s: (SRC_RANK.get(s, 5), s))
            w.writerow([r.slug_id, r.name, r.acronym, r.kind,
                        "|".join(r.aliases),
                        "" if r.start is None else r.start,
                        "" if r.end is None else r.end,
                        r.qid, r.slug, ";".join(srcs)])
    return rows
