"""Source 3: Whole of Government Accounts designation orders 2000-2008 (govuk-orgs-openregister lists)."""

from __future__ import annotations

import os
import re

from pipeline.reference.build.common import AB, CG, DL, PJ, Row, clean_name, key, norm_space
from pipeline.reference.build.govuk import JUSTICE_RE, read_tsv
from pipeline.reference.build.inputs import fix_map, fix_set


# --------------------------------------------------------------------------
# 3. Whole of Government Accounts designation orders 2000-2008
# --------------------------------------------------------------------------

DESIG_YEARS = ("2000", "2002", "2003", "2005", "2007", "2008")


# raw name (after un-inverting) -> replacement name, or None to drop.
DESIG_FIX = fix_map("desig_fix", none_if_empty=True)


NON_LOCAL_COUNCILS = fix_set("non_local_councils")


def uninvert(n):
    n = norm_space(n).replace("’", "'")
    m = re.match(r"^(.*), (Department (?:of|for)(?: the)?|Ministry of|"
                 r"H ?M|Office of|Office for)$", n)
    if m:
        a, b = m.groups()
        if b.replace(" ", "") == "HM":
            return "HM " + a
        return b + " " + a
    return n


def fire_key(n):
    k = key(n.split(" Fire")[0])
    k = re.sub(r"\b(county|combined|royal)\b", " ", k)
    return " ".join(k.split())


def desig_kind(name, year):
    if re.search(r"Police Authority$", name):
        return PJ
    if re.search(r"\bFire\b", name) or "Passenger Transport" in name or \
            re.search(r"Waste (Disposal )?Authority$", name):
        return DL
    if name in ("Greater London Authority", "Transport for London",
                "London Development Agency", "London Pension Fund Authority",
                "London Fire and Emergency Planning Authority",
                "Common Council of the City of London"):
        return DL
    if year in ("2007", "2008") and name not in NON_LOCAL_COUNCILS and (
            re.search(r"Council$", name) or name.startswith("Borough of") or
            name.startswith("Royal Borough of") or
            name.startswith("Council of the")):
        return DL
    if re.match(r"^(Department|Ministry)\b", name):
        return CG
    if JUSTICE_RE.search(name):
        return PJ
    return AB


def load_designations(ref, store):
    base = os.path.join(ref, "govuk-orgs-openregister", "lists")
    fire_rows = {}
    for y in DESIG_YEARS:
        for r in read_tsv(os.path.join(base, "designation-of-public-bodies-"
                                       + y, "list.tsv")):
            raw = uninvert(r["name"])
            if raw in DESIG_FIX:
                fixed = DESIG_FIX[raw]
                if fixed is None:
                    continue
            else:
                fixed = raw
            fixed = clean_name(fixed)
            found = store.find([fixed])
            if found:
                if fixed != raw and not re.search(r"[(:]| - ", raw) and \
                        key(raw) not in found[0].keys():
                    found[0].add_aliases([raw])
                continue
            if re.search(r"\bFire\b", fixed):
                fk = fire_key(fixed)
                if fk in fire_rows:
                    fire_rows[fk].add_aliases([fixed])
                    continue
            kind = desig_kind(fixed, y)
            aliases = []
            if " & " in fixed:
                aliases.append(fixed)
                fixed = fixed.replace(" & ", " and ")
            row = store.add(Row(fixed, kind, "wga-designation-" + y,
                                aliases=aliases))
            if re.search(r"\bFire\b", fixed):
                fire_rows[fire_key(fixed)] = row
