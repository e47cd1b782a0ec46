"""Source 4: supraverden international organisations (EU and international bodies, Wikidata ids)."""

from __future__ import annotations

import os
import re

from pipeline.reference.build.common import AB, ACRONYM_STOP, CG, EU, IN, INTL_SHORT_OK, PJ, Row, key, norm_space, split_aliases, year_of
from pipeline.reference.build.inputs import fix_map, fix_set


# --------------------------------------------------------------------------
# 4. supraverden international organisations
# --------------------------------------------------------------------------

def parse_simple_yaml(path):
    """Parse the two-level YAML of general_list.yaml (top-level record keys,
    two-space indented scalar fields, '- ' list items)."""
    recs = []
    cur = None
    last = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                cur = {"_key": line.rstrip(":").strip()}
                recs.append(cur)
                continue
            if cur is None:
                continue
            m = re.match(r"^  ([A-Za-z0-9_]+):\s?(.*)$", line)
            if m:
                last = m.group(1)
                cur[last] = unquote(m.group(2))
            elif re.match(r"^\s+- ", line) and last:
                v = unquote(line.strip()[2:])
                prev = cur.get(last)
                cur[last] = (prev if isinstance(prev, list) else
                             ([prev] if prev else [])) + [v]
    return recs


def unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        v = v[1:-1].replace("''", "'")
    return v


SUPRA_DROP_ALIASES = fix_set("supra_drop_aliases")


SUPRA_DROP_TYPES = fix_set("supra_drop_types")


SUPRA_KIND = fix_map("supra_kind")


# Canonical renames: supraverden name -> name used here (researchers' form
# for the 1900-2020 archive).
SUPRA_RENAME = fix_map("supra_rename")


SUPRA_ACR = fix_map("supra_acr")


SUPRA_EXTRA_ALIASES = fix_map("supra_extra_aliases")


def load_supraverden(ref, store):
    path = os.path.join(ref, "intl-orgs-supraverden", "data",
                        "general_list.yaml")
    seen = set()
    for r in parse_simple_yaml(path):
        name = r.get("Name_en")
        if not name or name == "null" or not isinstance(name, str):
            continue
        if r.get("Type") in SUPRA_DROP_TYPES:
            continue
        est = year_of(r.get("Year_established"))
        if est and est > 2020:
            continue
        k = key(name)
        if k in seen:
            continue
        seen.add(k)
        fam = r.get("Org_family") or ""
        kind = EU if fam == "EU institutions and bodies" else IN
        kind = SUPRA_KIND.get(name, kind)
        aliases = []
        for f in sorted(r):
            if re.match(r"^(Name_other|Name_former)(_\d+)?_en$", f):
                v = r[f]
                for x in (v if isinstance(v, list) else [v]):
                    if x and x != "null":
                        aliases.append(x)
        for f in sorted(r):
            if re.match(r"^(Abbreviation_other|Abbreviation_former)(_\d+)?_en$",
                        f) and r[f] and r[f] != "null":
                aliases.append(r[f])
        aliases = [a for a in aliases if a not in SUPRA_DROP_ALIASES]
        aliases += split_aliases(SUPRA_EXTRA_ALIASES.get(name, ""))
        acr = r.get("Abbreviation_en") or ""
        if name in SUPRA_ACR:
            acr = SUPRA_ACR[name]
        acr = intl_acronym(acr)
        qid = r.get("Wikidata_code") or ""
        qid = qid if re.match(r"^Q\d+$", qid) else ""
        cname = SUPRA_RENAME.get(name, name)
        if cname != name:
            aliases.append(name)
        row = Row(cname, kind, "supraverden", acronym=acr, aliases=aliases,
                  start=est, qid=qid)
        if kind in (AB, PJ):
            found = store.find([cname] + aliases, kinds={AB, PJ, CG})
            if found:
                tgt = found[0]
                store.rows.append(row)
                store.merge(tgt, row, "supraverden->uk")
                tgt.kind = kind
                continue
        store.add(row)


def intl_acronym(a):
    a = norm_space(a)
    if not a or a == "null" or " " in a or len(a) > 10:
        return ""
    if a.upper() in ACRONYM_STOP:
        return ""
    if len(a) <= 3 and a not in INTL_SHORT_OK:
        return ""
    letters = [ch for ch in a if ch.isalpha()]
    caps = sum(1 for ch in letters if ch.isupper())
    if a not in ("Caricom", "Euratom", "Comecon", "eu-LISA") and (
            caps < 2 or caps < 0.6 * len(letters)):
        return ""
    return a
