"""Source 1: the GOV.UK government-organisation register (govuk-orgs-openregister)."""

from __future__ import annotations

from collections import defaultdict
import csv
import json
import os
import re

from pipeline.reference.build.common import AB, ACRONYM_STOP, CG, DL, PJ, Row, TWO_LETTER_OK, WORD_ACRONYM_AS_ALIAS_STOP, clean_name, key, norm_space, split_aliases, year_of
from pipeline.reference.build.inputs import fix_map, fix_set


# --------------------------------------------------------------------------
# 1. GOV.UK register
# --------------------------------------------------------------------------

JUSTICE_RE = re.compile(
    r"\b(Police|Policing|Constabulary|Courts?|Tribunals?|Prisons?|Probation|"
    r"Prosecutions?|Prosecutor|Prosecuting|Crime|Criminal|Parole|Offenders?|"
    r"Sentencing|Sentence|Judicial|Judiciary|Justice|Border|Immigration|"
    r"Legal Aid|Forensic|Justices of the Peace|Magistrates|Surveillance|"
    r"Interception|Investigatory Powers|Counter Terrorism|Custody|Coroners?)\b")


REG_DROP_RE = [
    re.compile(r"\b(Inquiry|Review|Investigation)\b(?! (Body|Board|"
               r"Commission|Tribunal))"),
    re.compile(r"\bprofessions?$", re.I),
]


REG_KEEP_DESPITE_RE = fix_set("reg_keep_despite_re")


REG_DROP_NAMES = fix_set("reg_drop_names")


# Register duplicates: duplicate id -> id kept.
REG_MERGE = fix_map("reg_merge")


REG_NAME = fix_map("reg_name")


REG_ALIASES = fix_map("reg_aliases")


# Acronym overrides ('' = none).
REG_ACR = fix_map("reg_acr")


REG_KIND = fix_map("reg_kind")


def acronym_ok_uk(a, name):
    """Validate an abbreviation from a UK source.  Returns (acronym, alias)."""
    a = norm_space(a)
    if not a or a.casefold() == name.casefold() or a.lower() == "null":
        return "", ""
    if " " in a or len(a) > 8:
        return "", ""
    caps = sum(1 for ch in a if ch.isupper())
    if caps < 2:
        # Word-like short names (Cefas, Ofwat, Acas): keep as an alias.
        if len(a) >= 4 and a not in WORD_ACRONYM_AS_ALIAS_STOP and \
                re.match(r"^[A-Z][a-z]+$", a):
            return "", a
        return "", ""
    if len(a) == 2 and a not in TWO_LETTER_OK:
        return "", ""
    if a.upper() in ACRONYM_STOP:
        return "", ""
    return a, ""


def load_register(ref, store):
    base = os.path.join(ref, "govuk-orgs-openregister")
    reg = read_tsv(os.path.join(base, "data", "government-organisation",
                                "government-organisation.tsv"))
    lst = {r["government-organisation"]: r for r in read_tsv(
        os.path.join(base, "lists", "govuk", "list.tsv"))}
    closed = {}
    with open(os.path.join(base, "lists", "govuk", "data.jsonl"),
              encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                c = (d.get("details") or {}).get("closed_at")
                if c:
                    closed[d.get("analytics_identifier")] = year_of(c)
    dates = {}
    for r in read_tsv(os.path.join(base, "lists", "dates",
                                   "government-organsiations.tsv")):
        dates[r["government-organisation"]] = (year_of(r.get("start-date")),
                                               year_of(r.get("end date")))
    variants = defaultdict(list)
    for r in read_tsv(os.path.join(base, "maps", "name.tsv")):
        if r.get("government-organisation"):
            variants[r["government-organisation"]].append(r["name"])

    ids_in_reg = {r["government-organisation"] for r in reg}
    # Courts and tribunals that the register blacklisted but GOV.UK lists.
    extra = [dict(r, **{"start-date": "", "end-date": "",
                        "_src": "govuk-list"})
             for i, r in sorted(lst.items()) if i not in ids_in_reg]
    by_id = {}
    for r in reg + extra:
        rid = r["government-organisation"]
        raw = norm_space(r["name"])
        g = lst.get(rid, {})
        typ = g.get("government-organisation-type", "")
        if raw in REG_DROP_NAMES:
            continue
        if raw not in REG_KEEP_DESPITE_RE and any(
                p.search(raw) for p in REG_DROP_RE):
            continue
        name = REG_NAME.get(rid, raw)
        name = re.sub(r"\s*\((x\d+|administered by [^)]*)\)$", "", name)
        aliases = []
        if " & " in name:
            aliases.append(clean_name(name))
            name = name.replace(" & ", " and ")
        if clean_name(raw) != clean_name(name) and "(" not in raw:
            aliases.append(raw)
        aliases += split_aliases(REG_ALIASES.get(rid, ""))
        if rid in REG_ACR:
            acr, acr_alias = REG_ACR[rid], ""
        else:
            acr, acr_alias = acronym_ok_uk(g.get("abbreviation", ""), name)
        if acr_alias:
            aliases.append(acr_alias)
        slug = g.get("govuk", "")
        if not slug:
            m = re.search(r"/organisations/([^/?#]+)", r.get("website", ""))
            slug = m.group(1) if m else ""
        start = year_of(r.get("start-date"))
        end = year_of(r.get("end-date"))
        ds, de = dates.get(slug, (None, None))
        start = start or ds
        end = end or de or closed.get(rid)
        kind = REG_KIND.get(rid)
        if kind is None:
            if typ in ("Ministerial department", "Non-ministerial department",
                       "Executive office", "Civil Service"):
                kind = CG
            elif typ == "Devolved administration":
                kind = DL
            elif typ == "Court" or JUSTICE_RE.search(name):
                kind = PJ
            else:
                kind = AB
        row = Row(name, kind, r.get("_src", "govuk-register"), acronym=acr,
                  aliases=aliases, start=start, end=end, slug=slug,
                  origin=rid)
        # Name variants seen in other official lists.
        for v in variants.get(rid, []):
            v = norm_space(v)
            if (not v or v.isupper() or " - " in v or "(" in v or "/" in v
                    or re.search(r", (Department|Ministry|Office|H ?M|The|"
                                 r"Her Majesty's|His Majesty's)\b", v, re.I)
                    or re.search(r"\b(DEFRA|DFT|BEIS|BIS|MOD|MOJ)\b", v)):
                continue
            if key(v) in row.keys() or not same_words(v, row.name):
                continue
            row.add_aliases([v])
        if rid in by_id:      # the register repeats a renamed body's id
            store.rows.append(row)
            store.merge(by_id[rid], row, "register repeated id")
        else:
            by_id[rid] = store.add(row)
    for dup, keep in sorted(REG_MERGE.items()):
        if dup in by_id and keep in by_id:
            store.merge(by_id[keep], by_id[dup], "register duplicate")


STOPWORDS = fix_set("stopwords")


def same_words(a, b):
    """True when two names have the same significant words (word order,
    'and'/'&', 'the', 'HM'/'Her Majesty's' and punctuation aside)."""
    ta = set(key(a).split()) - STOPWORDS
    tb = set(key(b).split()) - STOPWORDS
    return bool(ta) and ta == tb


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))
