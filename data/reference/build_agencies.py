#!/usr/bin/env python3
"""Build data/reference/agencies.csv, the curated table of organisations
("agencies") used to recognise and normalise agency mentions in UK Parliament
written answers (1900-2020).

Usage:
    python build_agencies.py REFERENCE_DIR [--out agencies.csv] [--gold GOLD_DIR]

REFERENCE_DIR is the shared reference folder (e.g. ../../../shared/reference
relative to this file).  The script uses the Python standard library only and
is deterministic: running it again on the same inputs gives the same CSV byte
for byte.  Sources, in the order they are applied:

  1. govuk-orgs-openregister: the GOV.UK government-organisation register
     (data/government-organisation/government-organisation.tsv), enriched with
     lists/govuk/list.tsv (abbreviation, type, slug; also the courts and
     tribunals that the register left out), lists/govuk/data.jsonl (closing
     dates), lists/dates/government-organsiations.tsv (end dates) and
     maps/name.tsv (name variants -> aliases).
  2. ifg-ministers data/organisation.csv (departments since 1979, dates).
  3. govuk-orgs-openregister designation-of-public-bodies 2000-2008 lists
     (bodies named in the Whole of Government Accounts designation orders,
     including the local authorities, police and fire authorities of 2007/08).
  4. intl-orgs-supraverden data/general_list.yaml (international and EU
     bodies, Wikidata ids).
  5. intl-orgs-cow-igo data/igo_year_format3.csv (historic IGOs 1815-2014).
  6. CURATED (in this file): historic departments, police forces, courts,
     parliament, devolved bodies, NGOs, companies and corrections.

See agencies.SOURCE.md for licences and the rules applied.
"""
import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

CG = "uk_central_government"
AB = "uk_agency_or_body"
PJ = "uk_police_or_justice"
DL = "devolved_or_local"
PA = "parliament"
EU = "eu"
IN = "international"
NG = "ngo_or_company"
OT = "other"
KINDS = (CG, AB, PJ, DL, PA, EU, IN, NG, OT)

HEADER = ["agency_id", "name", "acronym", "kind", "aliases", "start_year",
          "end_year", "wikidata_qid", "govuk_slug", "source"]

# Source priority (lower = stronger) when two sources disagree.
SRC_RANK = {"curated": 0, "govuk-register": 1, "govuk-list": 1,
            "ifg-ministers": 2, "supraverden": 3, "cow-igo": 4}


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

def norm_space(s):
    return " ".join((s or "").replace("\u00a0", " ").split())


def key(s):
    """Matching key: case, '&'/'and', apostrophes, punctuation, 'the' and
    British/American spellings are ignored.  'of'/'for' are kept
    (Department of Transport != Department for Transport)."""
    s = norm_space(s).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("&", " and ")
    s = re.sub(r"\bh\.\s*m\.|\bh\s+m\b|\bher majesty's\b|\bhis majesty's\b|"
               r"\bher majestys\b|\bhis majestys\b", " hm ", s)
    s = re.sub(r"\bco-operation\b", "cooperation", s)
    s = re.sub(r"organisation", "organization", s)
    s = re.sub(r"\bcentre", "center", s)
    s = re.sub(r"\bprogramme", "program", s)
    s = re.sub(r"\blabour\b", "labor", s)
    s = re.sub(r"\bdefence\b", "defense", s)
    s = re.sub(r"'s\b", "s", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"\bthe\b", " ", s)
    return " ".join(s.split())


def slugify(s):
    s = unicodedata.normalize("NFKD", norm_space(s))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("&", " and ")
    s = s.replace("’", "").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def year_of(v):
    v = (v or "").strip()
    m = re.match(r"^(\d{4})", v)
    return int(m.group(1)) if m else None


TYPO_FIX = {"Adminstrative": "Administrative", "Commision": "Commission",
            "Adminstrations": "Administrations", "Cultual": "Cultural",
            "Maritanian": "Mauritanian", "Batallion": "Battalion",
            "Aribtral": "Arbitral", "Secreriat": "Secretariat",
            "Damahe": "Damage", "Assocation": "Association",
            "Mediterranian": "Mediterranean", "Insitit": "Institute"}


def clean_name(n):
    n = norm_space(n).replace("’", "'").replace("\u2010", "-")
    n = n.replace("Ê", "").strip()
    n = re.sub(r"^The (?!Royal Borough)", "", n)
    n = re.sub(r"\bH\.\s?M\.\s", "HM ", n)
    for bad, good in TYPO_FIX.items():
        n = re.sub(r"\b%s\b" % bad, good, n)
    return n


def split_aliases(s):
    if not s:
        return []
    if isinstance(s, (list, tuple)):
        return [norm_space(x) for x in s if norm_space(x)]
    return [norm_space(x) for x in s.split("|") if norm_space(x)]


# Aliases never kept: generic words and back-references.
GENERIC_ALIASES = {key(x) for x in [
    "the department", "department", "the commission", "commission",
    "government", "the government", "her majesty's government",
    "parliament", "council", "council of ministers", "ministry", "agency",
    "board", "office", "service", "executive", "assembly", "house", "police",
    "army", "navy", "the met", "met", "court", "customs", "revenue", "crown",
    "union", "community", "bank", "committee", "authority", "tribunal",
    "inspectorate", "ombudsman", "null", "monitor", "metro", "nexus",
    "statistics", "forestry", "the ombudsman", "number 10", "tate",
    "secretariat", "the secretariat", "fund", "the fund", "the tote", "tote",
    "resource", "the insolvency service", "liberty", "shelter", "mind",
    "crisis", "the union", "the league", "league", "the bank",
    "the treasury solicitor", "the executive", "the assembly",
]}

# Acronyms whose dominant meaning in UK parliamentary text is not the body
# (benefits, products, treaties, areas) or which are ordinary words.
ACRONYM_STOP = {
    "ESA", "ISA", "EEA", "EMA", "CFP", "CAP", "IS", "IT", "PSA", "ECHR",
    "LEASE", "BIG", "ICE", "FEE", "COM", "GEM", "HOS", "TLS", "NDNAD",
    "IMBPIRC", "SACMILL", "NCARRB", "GMUS", "E2025", "ACE", "SHARE", "ERA",
    "ETF", "ECA", "CBD", "WB", "IDB", "ITC", "ISC", "PCA", "PCB", "IRU",
    "IMC", "CIP", "CIAT", "CPD", "CSW", "JIU", "ICO", "ISBA", "NIB", "NAM",
    "SCO", "TDB", "PAT", "TAB", "VAP", "CDB",
}
# Two-letter acronyms are kept only when they are this well known.
TWO_LETTER_OK = {"EU", "UN", "AU", "EC", "EA", "DH"}
# Short (2-3 letter) acronyms kept for EU and international bodies.
INTL_SHORT_OK = {
    "UN", "EU", "AU", "EC", "EEC", "ECB", "EIB", "ECJ", "EDA", "EBA", "ESM",
    "IMF", "WHO", "WTO", "ILO", "FAO", "IMO", "ITU", "UPU", "WMO", "ICC",
    "ICJ", "OAU", "OAS", "CIS", "GCC", "OIC", "ACP", "IEA", "IOM", "IFC",
    "IDA", "WFP", "WEU", "WCO", "FRA", "EDPS", "SRB", "IWC", "ECE", "EPO",
    "NEA", "OSCE", "EFTA", "G7", "G8", "G20", "UNU", "UNV", "ADB",
}

WORD_ACRONYM_AS_ALIAS_STOP = {"Forestry", "Statistics", "Monitor", "Tate",
                              "Exmoor",
                              "Soane's", "Horniman", "Chevening", "Phoenix"}


# --------------------------------------------------------------------------
# Row store
# --------------------------------------------------------------------------

class Row:
    __slots__ = ("name", "acronym", "acr_rank", "kind", "aliases", "start",
                 "end", "qid", "slug", "sources", "protected_aliases",
                 "locked_acronym", "origin", "slug_id")

    def __init__(self, name, kind, source, acronym="", aliases=(), start=None,
                 end=None, qid="", slug="", origin=""):
        self.name = clean_name(name)
        self.kind = kind
        self.acronym = acronym or ""
        self.acr_rank = SRC_RANK.get(source, 9) if acronym else 99
        self.aliases = []
        self.add_aliases(aliases)
        self.start = start
        self.end = end
        self.qid = qid or ""
        self.slug = slug or ""
        self.sources = {source}
        self.protected_aliases = set()
        self.locked_acronym = False
        self.origin = origin

    def add_aliases(self, al):
        for a in split_aliases(al):
            a = a.replace("’", "'").replace("\u2010", "-").replace("Ê", "")
            a = a.strip()
            if a not in self.aliases:
                self.aliases.append(a)

    def keys(self):
        ks = {key(self.name)}
        ks.update(key(a) for a in self.aliases)
        ks.discard("")
        return ks


class Store:
    def __init__(self):
        self.rows = []
        self.log = []

    def add(self, row):
        self.rows.append(row)
        return row

    def index(self):
        idx = defaultdict(list)
        for r in self.rows:
            for k in r.keys():
                if r not in idx[k]:
                    idx[k].append(r)
        return idx

    def find(self, names, kinds=None):
        idx = self.index()
        found = []
        for n in names:
            for r in idx.get(key(n), []):
                if (kinds is None or r.kind in kinds) and r not in found:
                    found.append(r)
        return found

    def merge(self, target, other, why=""):
        """Fold `other` into `target`."""
        if other is target:
            return target
        self.log.append("merge [%s] %r <- %r" % (why, target.name, other.name))
        target.add_aliases([other.name] + other.aliases)
        if other.acronym and (not target.acronym or
                              other.acr_rank < target.acr_rank):
            if not target.locked_acronym:
                target.acronym, target.acr_rank = other.acronym, other.acr_rank
        target.start = min_known(target.start, other.start)
        target.end = max_known(target.end, other.end)
        target.qid = target.qid or other.qid
        target.slug = target.slug or other.slug
        target.sources |= other.sources
        target.protected_aliases |= other.protected_aliases
        self.rows.remove(other)
        return target


def min_known(a, b):
    vals = [v for v in (a, b) if v is not None]
    return min(vals) if vals else None


def max_known(a, b):
    vals = [v for v in (a, b) if v is not None]
    return max(vals) if vals else None


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
REG_KEEP_DESPITE_RE = {"Criminal Cases Review Commission",
                       "Life Sentence Review Commissioners",
                       "Sentence Review Commissioners",
                       "Independent Reviewer of Terrorism Legislation",
                       "Review Body on Doctors' and Dentists' Remuneration",
                       "Senior Salaries Review Body",
                       "Prison Service Pay Review Body",
                       "School Teachers' Review Body", "NHS Pay Review Body",
                       "Armed Forces' Pay Review Body",
                       "Police Remuneration Review Body",
                       "National Crime Agency Remuneration Review Body",
                       "Review Body for Nursing and Other Health Professions",
                       "Review Board for Government Contracts",
                       "Regulatory Policy Committee"}
REG_DROP_NAMES = {
    "Civil Service Fast Stream", "Civil Service Fast Track Apprenticeship",
    "Civil Service Reform", "Civil Service Board", "Cabinet Office Board",
    "Civil Service Resourcing", "Open Public Services",
    "National security and intelligence", "Intelligence Analysis",
    "Government Commercial Function", "Government Planning Inspectors",
    "Trust ports", "Phoenix Sports", "Regulatory Delivery",
    "Preventing Sexual Violence Initiative", "Chevening Scholarship Programme",
    "Rural Development Programme for England Network", "Queen's Harbour Master",
    "Chief Fire and Rescue Adviser", "Broadmoor Hospital investigation",
    "Examination team on child care procedures and practice in North Wales",
    "Digital, data and technology professions", "Procurement profession",
}
# Register duplicates: duplicate id -> id kept.
REG_MERGE = {
    "D598": "D587",     # Department of/for Constitutional Affairs
    "OT594": "D631",    # Board of / Department of Inland Revenue
    "OT978": "OT977",   # Oftel / Office of Telecommunications
    "OT1025": "OT1208",  # Academy for (Social) Justice Commissioning
    "DA1146": "D853",   # Department of Culture, Arts and Leisure (NI)
    "EA756": "EA675",   # (Northern Ireland) Social Security Agency
    "EA959": "EA920",   # North West / Northwest Regional Development Agency
}
REG_NAME = {
    "PB421": "Agricultural Dwelling House Advisory Committees",
    "PC390": "Heritage Lottery Fund",
    "PB842": "Commission for Architecture and the Built Environment",
    "OT733": "Gas and Electricity Consumer Council",
    "OT1080": "District Valuer Services",
    "EA912": "East Midlands Development Agency",
    "OT237": "National Employment Savings Trust Corporation",
    "PB460": "High Speed Two Limited",
    "OT742": "HM Customs and Excise",
    "D631": "Inland Revenue",
    "OT304": "Security Service",
    "OT977": "Office of Telecommunications",
    "PC388": "British Broadcasting Corporation",
    "PB255": "Independent Regulator of NHS Foundation Trusts",
    "PB571": "Tate Gallery",
    "OT817": "OGC Buying Solutions",
    "OT802": "NHS Direct",
    "OT825": "Forest Service (Northern Ireland)",
    "EA675": "Northern Ireland Social Security Agency",
    "D24": "Wales Office",
    "D587": "Department for Constitutional Affairs",
    "D853": "Department of Culture, Arts and Leisure",
    "OT532": "Prime Minister's Office",
    "OT1179": "Executive Office (Northern Ireland)",
    "D5": "Department for Digital, Culture, Media and Sport",
    "OT488": "NHS Litigation Authority",
}
REG_ALIASES = {
    "PB842": "CABE", "OT733": "Energywatch|energywatch",
    "OT237": "NEST Corporation",
    "PB460": "HS2 Ltd|HS2 Limited|High Speed Two (HS2) Limited",
    "PC388": "BBC", "PB571": "Tate Britain|Tate Modern",
    "OT817": "OGCbuying.solutions|OGCbuyingsolutions",
    "OT802": "NHS Direct National Health Service Trust",
    "OT825": "Northern Ireland Forest Service",
    "D24": "Office of the Secretary of State for Wales",
    "OT532": "Prime Minister's Office, 10 Downing Street",
    "OT1179": "The Executive Office",
    "OT488": "NHS Resolution",
    "PB255": "Monitor - Independent Regulator of NHS Foundation Trusts",
}
# Acronym overrides ('' = none).
REG_ACR = {
    "D16": "", "D2": "", "D23": "", "D24": "", "EA26": "", "EA32": "",
    "EA39": "", "EA41": "", "EA62": "", "EA66": "", "D69": "", "D85": "",
    "D98": "", "D116": "", "D1117": "ORR", "D9": "DfT", "D7": "DEFRA",
    "D8": "DFID", "D18": "MOJ", "D17": "MOD", "D6": "DfE", "D12": "DH",
    "PB842": "CABE", "OT1080": "DVS", "OT237": "", "PB460": "",
    "OT304": "MI5", "OT532": "", "OT537": "DPMO", "PB28": "ACAS",
    "OT488": "NHSLA", "PB255": "", "PC386": "", "D25": "HMRC",
    "PB168": "", "PB190": "", "PB1164": "", "OT1069": "", "OT535": "",
    "PB188": "", "PB372": "", "PB373": "", "OT579": "", "OT549": "",
    "EA55": "", "PB526": "", "PB576": "", "PB276": "", "PB462": "",
    "PB402": "", "OT444": "", "PB580": "", "PB230": "", "PB510": "",
    "PB1194": "", "PB395": "", "OT1067": "", "OT1068": "", "OT1026": "",
    "OT1060": "", "OT484": "NHS TDA", "OT553": "", "PB170": "",
    "D303": "ONS", "D1198": "BEIS", "D13": "FCO", "D1197": "DExEU",
    "EA104": "NS&I", "OT495": "DE&S", "PB57": "MMO", "OT1074": "",
    "D241": "UKEF", "EA1213": "HMPPS", "OT1086": "", "OT1022": "",
}
REG_KIND = {}
for _i in ("D106 D108 D109 D110 D1117 D240 D98 D85 D102 D352 D550 D116 "
           "D303").split():
    REG_KIND[_i] = AB
for _i in "D101 D115 D435 PB558 OT304 OT305 OT306 OT1211 OT567 PB509 EA698 " \
          "PB300 EA556 OT994".split():
    REG_KIND[_i] = PJ
for _i in ("D585 D591 D605 D746 D747 D748 D750 D753 D853 D854 OT749 OT1173 "
           "OT1174 OT1175 OT1176 OT1177 OT1178 OT1179 D1073 DA1019 DA1020 "
           "DA1021").split():
    REG_KIND[_i] = DL
for _i in "D974 OT627 OT661 OT519".split():
    REG_KIND[_i] = PA
for _i in "OT532 OT537 CS1028 OT618 OT506 D631 OT742 OT590 OT993 " \
          "OT1002 OT610".split():
    REG_KIND[_i] = CG
REG_KIND["OT610"] = PJ   # Office for Criminal Justice Reform


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


STOPWORDS = {"of", "for", "the", "and", "on", "in", "to", "hm", "uk", "her",
             "majestys", "s"}


def same_words(a, b):
    """True when two names have the same significant words (word order,
    'and'/'&', 'the', 'HM'/'Her Majesty's' and punctuation aside)."""
    ta = set(key(a).split()) - STOPWORDS
    tb = set(key(b).split()) - STOPWORDS
    return bool(ta) and ta == tb


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


# --------------------------------------------------------------------------
# 2. IfG ministers database: departments since 1979
# --------------------------------------------------------------------------

# IfG name -> name of the row it belongs to (when the names differ).
IFG_TARGET = {
    "Prime Minister's Office": "Prime Minister's Office",
    "Office of the Secretary of State for Scotland": "Scotland Office",
    "Office of the Secretary of State for Wales": "Wales Office",
    "Department for Exiting the EU":
        "Department for Exiting the European Union",
    "Department of Environment, Transport and the Regions":
        "Department of the Environment, Transport and the Regions",
}
# The 2002-2007 "Deputy Prime Minister's Office" of IfG is the ODPM.
IFG_ID_RENAME = {"1c22b544-e3e8-40f2-815e-21a2d2a2e519":
                 "Office of the Deputy Prime Minister"}
# IfG short names that are real acronyms (others are IfG's own codes).
IFG_ACR_OK = {"DTLR", "DH", "DfT", "MHCLG", "BEIS", "DBT", "GEO", "MAFF",
              "DHSC", "DCLG", "DCSF", "DCMS", "DNH", "DfE", "LCD", "DCA",
              "FCDO", "DfEE", "DSS", "BIS", "DHSS", "DfES", "DTI", "DETR",
              "DIT", "CSD", "OAG", "DExEU", "DIUS", "DESNZ", "DECC", "OPSS",
              "AGO", "NIO", "BERR", "FCO", "DLUHC", "DWP", "DSIT", "HMT",
              "DPM"}
IFG_ACR_FIX = {"DfID": "DFID", "MoJ": "MOJ", "Defra": "DEFRA", "MoD": "MOD",
               "DPM": ""}


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


# --------------------------------------------------------------------------
# 3. Whole of Government Accounts designation orders 2000-2008
# --------------------------------------------------------------------------

DESIG_YEARS = ("2000", "2002", "2003", "2005", "2007", "2008")
# raw name (after un-inverting) -> replacement name, or None to drop.
DESIG_FIX = {
    "Security and Intelligence Agencies": None,
    "Security and Intelligence Agency": None,
    "Security and Intelligence Services": None,
    "National Criminal Investigation Service": None,   # typo for NCIS
    "Commission for Patent and Public Involvement in Health": None,
    "National Clinic Assessment Authority": None,
    "Nuclear Decommission Authority": None,
    "Public Health Laboratory Science Board": None,
    "Exports Credit Guarantee Department": None,
    "Guaranteed Export Financing Corporation": None,
    "Competition Service and Competition Appeal Tribunal": None,
    "Valuation Tribunals": None,
    "Health and Safety Commission and Executive": None,
    "London Thames Gateway": None,
    "Audit Wales": None,
    "Public Lending Right": None,
    "Channel Four Television Corporation": "Channel 4",
    "Vehicle and Operator Services Agency - VOSA":
        "Vehicle and Operator Services Agency",
    "Child and Family Court Advisory and Support Service":
        "Children and Family Court Advisory and Support Service",
    "West Northants UDC": "West Northamptonshire Development Corporation",
    "West Northants Development Corporation":
        "West Northamptonshire Development Corporation",
    "Thurrock Development Corporation":
        "Thurrock Thames Gateway Development Corporation",
    "Thurrock Urban Development Corporation":
        "Thurrock Thames Gateway Development Corporation",
    "English Heritage (The Historic Buildings and Monuments Commission for "
    "England)": "English Heritage",
    "Estyn: Her Majesty's Inspectorate for Education and Training in Wales":
        "Estyn",
    "Estyn: Her Majesty's Inspector for Education & Training for Wales":
        "Estyn",
    "Estyn: Her Majesty's Inspectorate for Education & Training for Wales":
        "Estyn",
    "Monitor - Independent Regulator of NHS Foundation Trusts":
        "Independent Regulator of NHS Foundation Trusts",
    "Commission for Healthcare & Audit Inspection (The Healthcare "
    "Commission)": "Healthcare Commission",
    "Commission for Healthcare Audit and Inspection": "Healthcare Commission",
    "Centro (West Midlands Passenger Transport Executive)":
        "West Midlands Passenger Transport Executive",
    "Merseytravel (Merseyside Passenger Transport Executive)":
        "Merseyside Passenger Transport Executive",
    "Metro (West Yorkshire Passenger Transport Executive)":
        "West Yorkshire Passenger Transport Executive",
    "Nexus (Tyne & Wear Passenger Transport Executive)":
        "Tyne and Wear Passenger Transport Executive",
    "Sianel Pedwar Cymru (Welsh Fourth Channel Authority)": "S4C",
    "Welsh Fourth Channel Authority": "S4C",
    "Consumer Council for Postal Services - Post Watch":
        "Consumer Council for Postal Services",
    "Postwatch": "Consumer Council for Postal Services",
    "Capacity Builders": "Capacitybuilders",
    "FiReBuy Ltd": "Firebuy", "Firebuy Limited": "Firebuy",
    "OGC Buying Solutions": "OGC Buying Solutions",
    "One NorthEast": "One North East",
    "North West Regional Development Agency":
        "Northwest Regional Development Agency",
    "South West England Development Agency":
        "South West of England Regional Development Agency",
    "South West of England Development Agency":
        "South West of England Regional Development Agency",
    "East Midlands Regional Development Agency":
        "East Midlands Development Agency",
    "Resource: the Council for Museums, Archives and Libraries":
        "Museums, Libraries and Archives Council",
    "Resource: Museums, Libraries & Archives Council":
        "Museums, Libraries and Archives Council",
    "Meteorological Office": "Met Office",
    "Horniman Museum": "Horniman Public Museum and Public Park Trust",
    "HM Procurator General and Treasury Solicitor":
        "Treasury Solicitor's Department",
    "Independent Housing Ombudsman Limited": "Housing Ombudsman",
    "Children's Commissioner for England": "Office of the Children's "
                                           "Commissioner",
    "Office for the Children's Commissioner":
        "Office of the Children's Commissioner",
    "Commission for Social Care Inspection for England":
        "Commission for Social Care Inspection",
    "Asset Recovery Agency": "Assets Recovery Agency",
    "Central Police Training and Development Agency":
        "Central Police Training and Development Authority",
    "Horticulture Research International": "Horticultural Research "
                                           "International",
    "Health Professionals Wales": "Health Professions Wales",
    "National Biological Standards Commission":
        "National Biological Standards Board",
    "Commonwealth Development Corporation (CDC)":
        "Commonwealth Development Corporation",
    "British Railways Board (Residuary) Ltd": "BRB (Residuary) Ltd",
    "Civil Nuclear Police Authority and Constabulary":
        "Civil Nuclear Police Authority",
    "Energy Watch": "Gas and Electricity Consumer Council",
    "Gas and Electricity Consumers' Council":
        "Gas and Electricity Consumer Council",
    "London Organising Committee of the Olympic Games Limited":
        "London Organising Committee of the Olympic Games",
    "Public-Private Partnership Agreement Arbiter": "Office of the PPP "
                                                    "Arbiter",
    "Arts and Humanities Research Board": "Arts and Humanities Research "
                                          "Board",
    "SITPRO Ltd": "SITPRO", "Student Loans Company Ltd":
        "Student Loans Company",
    "Seafish Industry Authority": "Sea Fish Industry Authority",
    "Wine Standards Board": "Wine Standards Board of the Vintners' Company",
    "Office of Her Majesty's Chief Inspector of Schools in England": "Ofsted",
    "Learning and Skills Council for England": "Learning and Skills Council",
    "National Council for Education and Training in Wales":
        "National Council for Education and Training for Wales",
    "Isles of Scilly (Council of the)": "Council of the Isles of Scilly",
    "The Council of the Isles of Scilly": "Council of the Isles of Scilly",
    "Kensington and Chelsea Council (Royal Borough of)":
        "Royal Borough of Kensington and Chelsea Council",
    "The Royal Borough of Kensington and Chelsea Council":
        "Royal Borough of Kensington and Chelsea Council",
    "Kingston upon Thames Council (Royal Borough of)":
        "Royal Borough of Kingston upon Thames Council",
    "Merthyr Tydfil County Borough Council": "Merthyr Tydfil Council",
    "Monmouthshire County Council": "Monmouthshire Council",
    "Poole (Borough of)": "Borough of Poole",
    "Telford and Wrekin (Borough of)": "Borough of Telford and Wrekin",
    "The Borough of Telford and Wrekin": "Borough of Telford and Wrekin",
    "Windsor and Maidenhead (Royal Borough of)":
        "Royal Borough of Windsor and Maidenhead",
    "The Royal Borough of Windsor and Maidenhead":
        "Royal Borough of Windsor and Maidenhead",
    "Buckinghamshire and Milton Keynes Fire Authority":
        "Buckinghamshire Fire and Rescue Service",
    "Cambridgeshire and Peterborough Fire Authority":
        "Cambridgeshire Fire and Rescue Service",
    "Shropshire and Wrekin Fire Authority":
        "Shropshire Fire and Rescue Service",
    "Stoke-on-Trent and Staffordshire Fire Authority":
        "Staffordshire Fire and Rescue Service",
    "Leicester, Leicestershire and Rutland Combined Fire Authority":
        "Leicestershire Fire and Rescue Service",
    "Nottinghamshire and City of Nottingham Fire and Rescue Authority":
        "Nottinghamshire Fire and Rescue Service",
    "Hereford and Worcester Fire and Rescue Authority":
        "Hereford and Worcester Fire Brigade",
    "County Durham and Darlington Fire and Rescue Authority":
        "County Durham and Darlington Combined Fire and Rescue Authority",
    "Culture East Midlands Limited": "Culture East Midlands",
    "University for Industry Limited": "University for Industry",
    "University for Industry Charitable Trust": None,
    "North Northants Ltd": None,
    "Plasma Resources": None,
    "Sports Council Trust Company": None,
    "Commission for the Compact Ltd": "Commission for the Compact",
    "Welsh Assembly Government": "Welsh Government",
    "Forest Enterprise Agency": "Forest Enterprise",
    "Olympic Lottery Distributor": "Olympic Lottery Distributor",
    "Legacy Trust UK Limited": None,
    "Royal Mail Holdings plc": "Royal Mail",
}
NON_LOCAL_COUNCILS = {"General Teaching Council"}


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


SUPRA_DROP_ALIASES = {"IDEA", "5Cs", "null", "ERIC", "Council of ministers"}
SUPRA_DROP_TYPES = {"European Research Infrastructure Consortium",
                    "EU joint undertaking"}
SUPRA_KIND = {"Judicial Committee of the Privy Council": PJ,
              "Safefood": AB, "Special EU Programmes Body": AB,
              "Waterways Ireland": AB, "InterTradeIreland": AB,
              "Tourism Ireland": AB, "North/South Language Body": AB,
              "Foyle, Carlingford and Irish Lights Commission": AB}
# Canonical renames: supraverden name -> name used here (researchers' form
# for the 1900-2020 archive).
SUPRA_RENAME = {
    "European Union Agency for Criminal Justice Cooperation": "Eurojust",
    "European Border and Coast Guard Agency": "Frontex",
    "International Criminal Police Organization": "Interpol",
    "European Union Drugs Agency":
        "European Monitoring Centre for Drugs and Drug Addiction",
    "European Union Agency for Asylum": "European Asylum Support Office",
    "North Atlantic Treaty Organisation": "North Atlantic Treaty "
                                          "Organisation",
    "United Nations Tourism": "World Tourism Organization",
    "United Nations Children’s Fund": "United Nations Children's Fund",
    "Office of the United Nations High Commissioner for Refugees":
        "United Nations High Commissioner for Refugees",
    "Court of Justice of the European Union": "European Court of Justice",
    "Foyle, Carlingford and Irish Lights Commission":
        "Foyle, Carlingford and Irish Lights Commission",
}
SUPRA_ACR = {"European Union Drugs Agency": "EMCDDA",
             "European Union Agency for Asylum": "EASO",
             "International Criminal Police Organization": "",
             "Court of Justice of the European Union": "ECJ",
             "United Nations Tourism": "UNWTO",
             "World Bank": "", "Council of Europe": "",
             "European Court of Human Rights": "ECtHR",
             "European Ombudsman": ""}
SUPRA_EXTRA_ALIASES = {
    "European Union Drugs Agency": "EUDA|EU Drugs Agency",
    "European Union Agency for Asylum": "European Union Agency for Asylum|"
                                        "EUAA",
    "Court of Justice of the European Union":
        "Court of Justice of the European Union|CJEU|"
        "Court of Justice of the European Communities|"
        "European Court of Justice",
    "International Criminal Police Organization":
        "International Criminal Police Organization|INTERPOL|"
        "International Criminal Police Organisation",
    "European Union Agency for Criminal Justice Cooperation":
        "European Union Agency for Criminal Justice Cooperation",
    "European Border and Coast Guard Agency":
        "European Border and Coast Guard Agency|European Agency for the "
        "Management of Operational Cooperation at the External Borders",
    "United Nations Tourism": "UN Tourism",
}


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


# --------------------------------------------------------------------------
# 5. Correlates of War IGO v3
# --------------------------------------------------------------------------

COW_EU = {"EEC", "ECSC", "EURATOM", "EU", "EMI", "ECB", "EIB"}
COW_NAME_FIX = {
    "IUPLAW": "International Union for the Protection of Literary and "
              "Artistic Works",
    "IUPCT": "International Union for the Publication of Customs Tariffs",
    "EAPC": "Euro-Atlantic Partnership Council",
    "INTERPOL": "International Criminal Police Organization",
    "G24": "Intergovernmental Group of Twenty-Four on International Monetary "
           "Affairs and Development",
    "ARCAL": "Regional Co-operation Agreement for the Promotion of Nuclear "
             "Science and Technology in Latin America and the Caribbean",
    "EFILWC": "European Foundation for the Improvement of Living and Working "
              "Conditions",
    "FDIPLAC": "Fund for the Development of the Indigenous Peoples of Latin "
               "America and the Caribbean",
    "IEXB": "International Exhibition Bureau",
    "DLCOEA": "Desert Locust Control Organisation for Eastern Africa",
    "CILSS": "Permanent Inter-State Committee for Drought Control in the "
             "Sahel",
    "ICMMP": "International Committee of Military Medicine",
    "IORARC": "Indian Ocean Rim Association",
    "IUPNVP": "International Union for the Protection of New Varieties of "
              "Plants",
    "IOLM": "International Organisation of Legal Metrology",
    "LGIDA": "Liptako-Gourma Region Integrated Development Authority",
    "SRDO": "Organisation for the Development of the Senegal River",
    "IDC": "Committee of Imperial Defence",
    "SELA": "Latin American and the Caribbean Economic System",
    "OMVG": "Gambia River Development Organization",
    "ASECNA": "Agency for Aerial Navigation Safety in Africa and Madagascar",
    "AALCO": "Asian-African Legal Consultative Organisation",
    "EUROFIMA": "European Company for the Financing of Railroad Rolling Stock",
    "EEC": "European Economic Community",
    "FAO": "Food and Agriculture Organization",
    "PAHO": "Pan American Health Organization",
    "OAS": "Organization of American States",
    "EPO": "European Patent Office",
    "WCO": "World Customs Organization",
    "IOMig": "International Organization for Migration",
    "OEEC": "Organisation for European Economic Co-operation",
    "CWGC": "Commonwealth War Graves Commission",
    "IOEz": "World Organisation for Animal Health",
    "IGC": "International Grains Council",
    "EURATOM": "European Atomic Energy Community",
    "ComSec": "Commonwealth Secretariat",
    "BCSC": "Commonwealth Science Council",
    "CTO": "Commonwealth Telecommunications Organisation",
    "PIF": "Pacific Islands Forum",
    "SPC": "Pacific Community",
    "IBRD": "International Bank for Reconstruction and Development",
    "WTOURO": "World Tourism Organization",
    "LOAS": "Arab League",
    "APFIC": "Asia-Pacific Fishery Commission",
}
COW_ALIASES = {
    "EEC": "European Economic Community|Common Market|European Common Market",
    "CWGC": "Imperial War Graves Commission",
    "IOEz": "International Office of Epizootics",
    "IOMig": "Intergovernmental Committee for European Migration",
    "OEEC": "Organization for European Economic Cooperation",
    "ICAO": "International Commission for Air Navigation",
    "INTERPOL": "International Criminal Police Commission",
    "IBRD": "World Bank",
    "WCO": "Customs Co-operation Council|Customs Cooperation Council",
    "LOAS": "League of Arab States",
}
COW_DROP_ALIASES = {"European Community", "WP states", "Africare"}
COW_DROP = {"ISHREST", "CAMRSD", "IOATHRE",
            "SCHENGEN", "BONN", "Wassen", "NAFTA",
            "UKDWD", "Iocean", "ISB", "IPedI", "PED"}
COW_ACR = {"GATT": "GATT", "NATO": "NATO", "UN": "UN", "WEU": "WEU",
           "OEEC": "OEEC", "SEATO": "SEATO", "CENTO": "CENTO",
           "EFTA": "EFTA", "OAU": "OAU", "ECSC": "ECSC", "EEC": "EEC",
           "CMEA": "Comecon", "WPact": "", "LoN": "", "WTOURO": "UNWTO",
           "INTERPOL": "", "EURATOM": "Euratom", "COE": "", "IRO": "IRO",
           "ILO": "ILO", "WHO": "WHO", "WMO": "WMO", "UPU": "UPU",
           "ITU": "ITU", "IMF": "IMF", "IAEA": "IAEA", "CWGC": "CWGC",
           "ComSec": "", "AsDB": "ADB", "IBRD": "IBRD", "OSCE": "OSCE",
           "EU": "EU", "CIS": "CIS", "OIC": "OIC", "NAM": ""}
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


# --------------------------------------------------------------------------
# 6. Curated rows (historic departments, police, courts, parliament,
#    devolved bodies, NGOs, companies) and corrections to the sources.
#
#    C(name, acronym, kind, aliases, start, end, match=..., qid=...)
#    acronym None = keep what the sources give; "" = none.
#    A curated row is merged with every existing row whose name or alias
#    matches its name, one of its aliases or a name in `match`.
# --------------------------------------------------------------------------

def C(name, acronym=None, kind=None, aliases="", start=None, end=None,
      match="", qid=None, drop=""):
    return dict(name=name, acronym=acronym, kind=kind,
                aliases=split_aliases(aliases), start=start, end=end,
                match=split_aliases(match), qid=qid, drop=split_aliases(drop))


CURATED = [
    # ---- Central government: current departments (corrections/aliases) --
    C("Home Office", "", CG, "", 1782),
    C("HM Treasury", "HMT", CG, "Treasury|Her Majesty's Treasury|"
      "His Majesty's Treasury|HM Treasury"),
    C("Cabinet Office", "", CG, "", 1916),
    C("Ministry of Defence", "MOD", CG, "MoD", 1964),
    C("Foreign and Commonwealth Office", "FCO", CG,
      "Foreign & Commonwealth Office", 1968, 2020),
    C("Foreign, Commonwealth and Development Office", "FCDO", CG,
      "Foreign, Commonwealth & Development Office", 2020),
    C("Department for International Development", "DFID", CG, "DfID", 1997,
      2020),
    C("Department for Environment, Food and Rural Affairs", "DEFRA", CG,
      "Defra|Department for Environment, Food & Rural Affairs|"
      "Department of Environment, Food and Rural Affairs|"
      "Department for the Environment, Food and Rural Affairs", 2001),
    C("Department for Transport", "DfT", CG, "DFT", 2002),
    C("Department of Transport", "", CG, "", 1976, 1997),
    C("Department of Health", "DH", CG, "DoH", 1988, 2018),
    C("Department of Health and Social Care", "DHSC", CG, "", 2018),
    C("Department for Work and Pensions", "DWP", CG, "", 2001),
    C("Department of Social Security", "DSS", CG, "", 1988, 2001),
    C("Department of Health and Social Security", "DHSS", CG, "", 1968,
      1988),
    C("Department for Culture, Media and Sport", "DCMS", CG,
      "Department of Culture, Media and Sport", 1997),
    C("Department for Digital, Culture, Media and Sport", "DDCMS", CG,
      "Department for Digital, Culture, Media & Sport", 2017, 2023),
    C("Department of National Heritage", "DNH", CG, "", 1992, 1997),
    C("Department of the Environment, Transport and the Regions", "DETR", CG,
      "Department of Environment, Transport and the Regions|"
      "Department for the Environment, Transport and the Regions|"
      "Department for Environment, Transport and the Regions", 1997, 2001),
    C("Department for Transport, Local Government and the Regions", "DTLR",
      CG, "", 2001, 2002),
    C("Office of the Deputy Prime Minister", "ODPM", CG, "", 2002, 2006),
    C("Deputy Prime Minister's Office", "DPMO", CG, "", 2010, 2015),
    C("Department for Communities and Local Government", "DCLG", CG,
      "Communities and Local Government", 2006, 2018),
    C("Department of the Environment", "DoE", CG, "", 1970, 1997),
    C("Department of Trade and Industry", "DTI", CG, "", 1970, 2007),
    C("Department of Trade", "", CG, "", 1974, 1983),
    C("Department of Industry", "", CG, "", 1974, 1983),
    C("Department of Prices and Consumer Protection", "", CG, "", 1974,
      1979),
    C("Department of Energy", "", CG, "", 1974, 1992),
    C("Department of Employment", "", CG, "Employment Department", 1970,
      1995),
    C("Department of Employment and Productivity", "", CG, "", 1968, 1970),
    C("Department of Education and Science", "DES", CG, "", 1964, 1992),
    C("Department for Education", "DfE", CG, "", 1992),
    C("Department for Education and Employment", "DfEE", CG, "", 1995,
      2001),
    C("Department for Education and Skills", "DfES", CG, "", 2001, 2007),
    C("Department for Children, Schools and Families", "DCSF", CG, "", 2007,
      2010),
    C("Department for Innovation, Universities and Skills", "DIUS", CG, "",
      2007, 2009),
    C("Department for Business, Enterprise and Regulatory Reform", "BERR",
      CG, "", 2007, 2009),
    C("Department for Business, Innovation and Skills", "BIS", CG, "", 2009,
      2016),
    C("Department of Energy and Climate Change", "DECC", CG, "", 2008, 2016),
    C("Department for Constitutional Affairs", "DCA", CG,
      "Department of Constitutional Affairs", 2003, 2007),
    C("Lord Chancellor's Department", "LCD", CG, "Lord Chancellor's Office",
      None, 2003),
    C("Ministry of Justice", "MOJ", CG, "MoJ", 2007),
    C("Attorney General's Office", "AGO", CG, "Law Officers' Department|"
      "Legal Secretariat to the Law Officers"),
    C("Northern Ireland Office", "NIO", CG, "", 1972),
    C("Scotland Office", "", CG, "Office of the Secretary of State for "
      "Scotland", 1999),
    C("Wales Office", "", CG, "Office of the Secretary of State for Wales",
      1999),
    C("Scottish Office", "", CG, "", 1885, 1999),
    C("Welsh Office", "", CG, "", 1964, 1999),
    C("Privy Council Office", "PCO", CG, "", None),
    C("Prime Minister's Office", "", CG, "Prime Minister's Office, 10 "
      "Downing Street|Office of the Prime Minister"),
    C("Civil Service Department", "CSD", CG, "", 1968, 1981),
    C("HM Revenue and Customs", "HMRC", CG,
      "HM Revenue & Customs|Her Majesty's Revenue and Customs|"
      "Her Majesty's Revenue & Customs", 2005),
    C("Inland Revenue", "", CG, "Board of Inland Revenue|Department of "
      "Inland Revenue|HM Inland Revenue", None, 2005),
    C("HM Customs and Excise", "HMCE", CG, "Customs and Excise|"
      "H.M. Customs and Excise|Her Majesty's Customs and Excise|"
      "HM Customs & Excise|Board of Customs and Excise", 1909, 2005),
    C("Treasury Solicitor's Department", "TSol", CG, "Treasury Solicitor's "
      "Office", None, 2015),
    C("Government Legal Department", "GLD", CG, "", 2015),
    C("Export Credits Guarantee Department", "ECGD", CG,
      "Export Credit Guarantee Department", 1919, 2011),
    C("UK Export Finance", "UKEF", CG, "", 2011),
    C("Department for Exiting the European Union", "DExEU", CG,
      "Department for Exiting the EU", 2016, 2020),
    C("Department for International Trade", "DIT", CG, "", 2016),
    C("Department for Business, Energy and Industrial Strategy", "BEIS", CG,
      "Department for Business, Energy & Industrial Strategy", 2016),
    C("Office of Public Service", "OPS", CG, "", 1995, 1998),
    C("Government Equalities Office", "GEO", CG, "", 2007),
    C("Department for National Savings", "", CG, "National Savings", None,
      2002),
    C("National Savings and Investments", "NS&I", CG, "Department for "
      "National Savings and Investments", 2002, match="NS&I"),
    # ---- Central government: historic departments (1900-2000) ----------
    C("Admiralty", "", CG, "Board of Admiralty", None, 1964),
    C("War Office", "", CG, "", None, 1964),
    C("Air Ministry", "", CG, "", 1918, 1964),
    C("Ministry of Munitions", "", CG, "", 1915, 1921),
    C("Ministry of Blockade", "", CG, "", 1916, 1919),
    C("Ministry of National Service", "", CG, "", 1917, 1919),
    C("Ministry of Reconstruction", "", CG, "", 1917, 1919),
    C("Ministry of Shipping", "", CG, "", 1917, 1941),
    C("Ministry of Labour", "", CG, "", 1916, 1968),
    C("Ministry of Labour and National Service", "", CG, "", 1939, 1959),
    C("Ministry of Pensions", "", CG, "", 1916, 1953),
    C("Ministry of National Insurance", "", CG, "", 1944, 1953),
    C("Ministry of Pensions and National Insurance", "", CG, "", 1953, 1966),
    C("Ministry of Social Security", "", CG, "", 1966, 1968),
    C("Local Government Board", "", CG, "", 1871, 1919),
    C("Ministry of Health", "", CG, "", 1919, 1968),
    C("Board of Agriculture", "", CG, "", 1889, 1903),
    C("Board of Agriculture and Fisheries", "", CG, "", 1903, 1919),
    C("Ministry of Agriculture and Fisheries", "", CG, "", 1919, 1955),
    C("Ministry of Agriculture, Fisheries and Food", "MAFF", CG,
      "Ministry of Agriculture|Ministry of Agriculture, Fisheries & Food",
      1955, 2001),
    C("Ministry of Food", "", CG, "", 1916, 1954),
    C("Board of Education", "", CG, "", 1899, 1944),
    C("Ministry of Education", "", CG, "", 1944, 1964),
    C("Board of Trade", "", CG, "", None, 1970),
    C("Ministry of Transport", "", CG, "", 1919, 1970),
    C("Ministry of War Transport", "", CG, "", 1941, 1946),
    C("Ministry of Civil Aviation", "", CG, "", 1944, 1953),
    C("Ministry of Transport and Civil Aviation", "", CG, "", 1953, 1959),
    C("Ministry of Aviation", "", CG, "", 1959, 1967),
    C("Ministry of Aircraft Production", "", CG, "", 1940, 1946),
    C("Ministry of Supply", "", CG, "", 1939, 1959),
    C("Ministry of Information", "", CG, "", 1918, 1946),
    C("Ministry of Economic Warfare", "", CG, "", 1939, 1945),
    C("Ministry of Home Security", "", CG, "", 1939, 1945),
    C("Ministry of Production", "", CG, "", 1942, 1945),
    C("Ministry of Fuel and Power", "", CG, "", 1942, 1957),
    C("Ministry of Power", "", CG, "", 1957, 1969),
    C("Ministry of Materials", "", CG, "", 1951, 1954),
    C("Ministry of Technology", "", CG, "Mintech", 1964, 1970),
    C("Ministry of Aviation Supply", "", CG, "", 1970, 1971),
    C("Office of Works", "", CG, "HM Office of Works|His Majesty's Office "
      "of Works", None, 1940),
    C("Ministry of Works", "", CG, "Ministry of Works and Buildings|"
      "Ministry of Works and Planning", 1940, 1962),
    C("Ministry of Public Building and Works", "", CG, "", 1962, 1970),
    C("Ministry of Town and Country Planning", "", CG, "", 1943, 1951),
    C("Ministry of Local Government and Planning", "", CG, "", 1951, 1951),
    C("Ministry of Housing and Local Government", "", CG, "", 1951, 1970),
    C("Ministry of Land and Natural Resources", "", CG, "", 1964, 1967),
    C("Department of Economic Affairs", "DEA", CG, "", 1964, 1969),
    C("Ministry of Overseas Development", "", CG, "", 1964, 1979),
    C("Overseas Development Administration", "", CG, "", 1970, 1997),
    C("Department of Technical Co-operation", "", CG, "", 1961, 1964),
    C("Foreign Office", "", CG, "", None, 1968),
    C("Colonial Office", "", CG, "", 1854, 1966),
    C("Dominions Office", "", CG, "", 1925, 1947),
    C("Commonwealth Relations Office", "CRO", CG, "", 1947, 1966),
    C("Commonwealth Office", "", CG, "", 1966, 1968),
    C("India Office", "", CG, "", 1858, 1947),
    C("Burma Office", "", CG, "", 1937, 1948),
    C("Irish Office", "", CG, "Chief Secretary's Office", None, 1922),
    C("Post Office", "GPO", CG, "General Post Office|Post Office "
      "Corporation", None, 2001),
    C("Stationery Office", "HMSO", CG, "Her Majesty's Stationery Office|"
      "HM Stationery Office|His Majesty's Stationery Office", None, None),
    C("Central Office of Information", "COI", AB, "", 1946, 2011),
    C("Central Statistical Office", "CSO", CG, "", 1941, 1996),
    C("Office of Population Censuses and Surveys", "OPCS", AB, "", 1970,
      1996),
    C("General Register Office", "", AB, "", None, None),
    C("Public Record Office", "PRO", AB, "", 1838, 2003),
    C("Property Services Agency", "", AB, "", 1972, 1996),
    C("Paymaster General's Office", "", CG, "Office of HM Paymaster General"),
    C("Government Actuary's Department", "GAD", CG, "", 1919),
    C("Parliamentary Counsel Office", "", CG, "Office of the Parliamentary "
      "Counsel", None, None),
    # Scottish Office departments (pre-devolution)
    C("Scottish Home Department", "", CG, "", 1939, 1962),
    C("Scottish Education Department", "", CG, "", None, 1991),
    C("Scottish Home and Health Department", "", CG, "", 1962, 1995),
    C("Department of Agriculture and Fisheries for Scotland", "DAFS", CG, "",
      1960, 1991),
    C("Scottish Development Department", "", CG, "", 1962, 1999),
    # ---- Agencies and bodies: 20th-century public bodies ---------------
    C("National Health Service", "NHS", AB, "", 1948),
    C("Arts Council of Great Britain", "", AB, "Arts Council", 1946, 1994),
    C("Arts Council England", "", AB, "Arts Council of England", 1994),
    C("British Council", "", AB, "", 1934),
    C("Independent Broadcasting Authority", "IBA", AB, "", 1972, 1990),
    C("Independent Television Authority", "ITA", AB, "", 1954, 1972),
    C("Radio Authority", "", AB, "", 1991, 2003),
    C("Broadcasting Standards Council", "", AB, "", 1988, 1996),
    C("National Coal Board", "NCB", AB, "", 1947, 1987),
    C("British Coal Corporation", "", AB, "British Coal", 1987, 1997),
    C("British Railways Board", "BRB", AB, "British Rail|British Railways",
      1963, 2001),
    C("British Transport Commission", "BTC", AB, "", 1948, 1962),
    C("British Steel Corporation", "BSC", AB, "", 1967, 1988),
    C("Central Electricity Generating Board", "CEGB", AB, "", 1958, 1990),
    C("Electricity Council", "", AB, "", 1957, 1990),
    C("Gas Council", "", AB, "", 1949, 1972),
    C("British Gas Corporation", "", AB, "", 1972, 1986),
    C("British Airports Authority", "BAA", AB, "", 1965, 1986),
    C("British Overseas Airways Corporation", "BOAC", AB, "", 1939, 1974),
    C("British European Airways", "BEA", AB, "", 1946, 1974),
    C("National Enterprise Board", "NEB", AB, "", 1975, 1981),
    C("National Economic Development Council", "NEDC", AB, "", 1962, 1992),
    C("National Board for Prices and Incomes", "", AB, "", 1965, 1971),
    C("Price Commission", "", AB, "", 1973, 1980),
    C("Manpower Services Commission", "MSC", AB, "", 1974, 1988),
    C("Health and Safety Commission", "HSC", AB, "", 1974, 2008),
    C("Health and Safety Executive", "HSE", AB, "", 1975),
    C("Race Relations Board", "", AB, "", 1965, 1976),
    C("Monopolies and Mergers Commission", "MMC", AB, "Monopolies "
      "Commission", 1949, 1999),
    C("Countryside Commission", "", AB, "", 1968, 1999),
    C("Nature Conservancy", "", AB, "", 1949, 1973),
    C("National Rivers Authority", "NRA", AB, "", 1989, 1996),
    C("Office of Gas Supply", "Ofgas", AB, "", 1986, 2000),
    C("Office of Electricity Regulation", "Offer", AB, "", 1989, 2000),
    C("Office of the Rail Regulator", "", AB, "", 1993, 2004),
    C("Office of Telecommunications", "Oftel", AB, "", 1984, 2003),
    C("Water Services Regulation Authority", "Ofwat", AB, "Office of Water "
      "Services", 1989),
    C("Ofsted", "", AB, "Office for Standards in Education|Office for "
      "Standards in Education, Children's Services and Skills|"
      "Office of Her Majesty's Chief Inspector of Schools in England", 1992),
    C("Office of Communications", "", AB, "Ofcom", 2003, match="Ofcom"),
    C("Office of Gas and Electricity Markets", "", AB, "Ofgem", 2000,
      match="Ofgem"),
    C("Office of Qualifications and Examinations Regulation", "", AB,
      "Ofqual", 2010, match="Ofqual"),
    C("Child Support Agency", "CSA", AB, "", 1993, 2012),
    C("Benefits Agency", "", AB, "", 1991, 2002),
    C("Employment Service", "", AB, "", 1990, 2002),
    C("Jobcentre Plus", "", AB, "", 2002),
    C("Contributions Agency", "", AB, "", 1991, 1999),
    C("War Pensions Agency", "", AB, "", 1994, 2001),
    C("Training Agency", "", AB, "Training Commission", 1988, 1990),
    C("UK Passport Agency", "", AB, "Passport Agency|United Kingdom Passport "
      "Agency|Passport Office", 1991, 2001),
    C("Driver and Vehicle Licensing Centre", "DVLC", AB, "", 1965, 1990),
    C("Highways Agency", "HA", AB, "", 1994, 2015),
    C("Vehicle Inspectorate", "", AB, "", 1990, 2003),
    C("Court Service", "", PJ, "", 1995, 2005),
    C("Patent Office", "", AB, "UK Patent Office", 1852, 2007),
    C("Intellectual Property Office", "IPO", AB, "UK Intellectual Property "
      "Office", 2007),
    C("Met Office", "", AB, "Meteorological Office", 1854),
    C("Ordnance Survey", "", CG, "", 1791),
    C("Forestry Commission", "", AB, "", 1919),
    C("Royal Mint", "", AB, "", None),
    C("Bank of England", "", AB, "", 1694),
    C("Crown Agents", "", AB, "Crown Agents for Overseas Governments and "
      "Administrations|Crown Agents for the Colonies", 1833),
    C("Commonwealth Development Corporation", "CDC", AB, "Colonial "
      "Development Corporation", 1948),
    C("British Waterways Board", "", AB, "British Waterways", 1963, 2012),
    C("United Kingdom Atomic Energy Authority", "UKAEA", AB,
      "UK Atomic Energy Authority", 1954),
    C("British Nuclear Fuels", "BNFL", AB, "British Nuclear Fuels plc|"
      "British Nuclear Fuels Limited", 1971, 2010),
    C("Medical Research Council", "MRC", AB, "", 1913),
    C("Agricultural Research Council", "ARC", AB, "", 1931, 1983),
    C("Science Research Council", "SRC", AB, "Science and Engineering "
      "Research Council", 1965, 1994),
    C("Social Science Research Council", "", AB, "", 1965, 1983),
    C("University Grants Committee", "UGC", AB, "", 1919, 1989),
    C("Higher Education Funding Council for England", "HEFCE", AB, "", 1992,
      2018),
    C("Housing Corporation", "", AB, "", 1964, 2008),
    C("Commission for New Towns", "", AB, "", 1961, 1999),
    C("Development Commission", "", AB, "Rural Development Commission",
      1909, 1999),
    C("Public Health Laboratory Service", "PHLS", AB, "Public Health "
      "Laboratory Service Board", 1946, 2003),
    C("National Institute for Health and Care Excellence", "NICE", AB,
      "National Institute for Clinical Excellence|National Institute for "
      "Health and Clinical Excellence", 1999),
    C("NHS Executive", "", AB, "National Health Service Executive", 1989,
      2002),
    C("Commission for Health Improvement", "CHI", AB, "", 1999, 2004),
    C("Healthcare Commission", "", AB, "Commission for Healthcare Audit and "
      "Inspection|Commission for Healthcare & Audit Inspection", 2004, 2009),
    C("English Heritage", "", AB, "Historic Buildings and Monuments "
      "Commission for England", 1984, 2015),
    C("Historic England", "", AB, "", 2015),
    C("Rural Payments Agency", "RPA", AB, "", 2001),
    C("Intervention Board", "", AB, "Intervention Board for Agricultural "
      "Produce|Intervention Board Executive Agency", 1972, 2001),
    C("Environment Agency", "EA", AB, "", 1996),
    C("Countryside Agency", "", AB, "", 1999, 2006),
    C("English Nature", "", AB, "", 1991, 2006),
    C("Natural England", "", AB, "", 2006),
    C("Audit Commission", "", AB, "Audit Commission for Local Authorities "
      "and the National Health Service in England and Wales", 1983, 2015),
    C("Charity Commission", "", AB, "Charity Commission for England and "
      "Wales|Charity Commissioners", 1853),
    C("Equal Opportunities Commission", "EOC", AB, "", 1975, 2007),
    C("Commission for Racial Equality", "CRE", AB, "", 1976, 2007),
    C("Disability Rights Commission", "DRC", AB, "", 2000, 2007),
    C("Government Car and Despatch Agency", "GCDA", AB, "", 1997, 2009),
    C("Government Car Service", "", AB, "", None, None),
    C("Postal Services Commission", "", AB, "Postcomm", 2000, 2011),
    C("Independent Monitoring Commission", "IMC", AB, "", 2004, 2011),
    C("Northern Ireland Housing Executive", "NIHE", AB, "Housing Executive",
      1971),
    C("Student Loans Company", "SLC", AB, "Student Loans Company Ltd", 1989),
    C("Design Council", "", AB, "Council of Industrial Design", 1944),
    C("Arts and Humanities Research Board", "AHRB", AB, "", 1998, 2005),
    C("Teacher Training Agency", "TTA", AB, "", 1994, 2005),
    C("Qualifications and Curriculum Authority", "QCA", AB, "", 1997, 2010),
    C("School Curriculum and Assessment Authority", "SCAA", AB, "", 1993,
      1997),
    C("National Curriculum Council", "", AB, "", 1988, 1993),
    C("Further Education Funding Council", "FEFC", AB, "", 1992, 2001),
    C("Learning and Skills Council", "LSC", AB, "", 2001, 2010),
    C("Training and Enterprise Councils", "", AB, "", 1990, 2001),
    C("Legal Aid Board", "", PJ, "", 1989, 2000),
    C("Legal Services Commission", "", PJ, "", 2000, 2013),
    C("Criminal Injuries Compensation Board", "CICB", PJ, "", 1964, 1996),
    C("Criminal Injuries Compensation Authority", "CICA", PJ, "", 1996),
    C("Security Service", "MI5", PJ, "", 1909),
    C("Secret Intelligence Service", "SIS", PJ, "MI6", 1909),
    C("Government Communications Headquarters", "GCHQ", PJ, "", 1946),
    C("Government Code and Cypher School", "", PJ, "", 1919, 1946),
    C("Joint Intelligence Committee", "JIC", CG, "", 1936),
    C("Defence Intelligence Staff", "DIS", AB, "Defence Intelligence", 1964),
    C("Special Operations Executive", "SOE", AB, "", 1940, 1946),
    C("Royal Navy", "RN", AB, "", None),
    C("British Army", "", AB, "", None),
    C("Royal Air Force", "RAF", AB, "", 1918),
    C("Royal Marines", "", AB, "", None),
    C("Royal Flying Corps", "RFC", AB, "", 1912, 1918),
    C("Royal Naval Air Service", "RNAS", AB, "", 1914, 1918),
    C("Royal Fleet Auxiliary", "RFA", AB, "", 1905),
    C("Territorial Army", "", AB, "Territorial Force|Army Reserve", 1908),
    C("Home Guard", "", AB, "Local Defence Volunteers", 1940, 1957),
    C("Women's Royal Naval Service", "WRNS", AB, "", 1917, 1993),
    C("Auxiliary Territorial Service", "ATS", AB, "", 1938, 1949),
    C("Women's Auxiliary Air Force", "WAAF", AB, "", 1939, 1949),
    C("Ulster Defence Regiment", "UDR", AB, "", 1970, 1992),
    C("Royal Irish Regiment", "", AB, "", 1992),
    C("Civil Nuclear Constabulary", "CNC", PJ, "UK Atomic Energy Authority "
      "Constabulary", 2005),
    C("Ministry of Defence Police", "MDP", PJ, "MoD Police", 1971),
    # ---- Police and justice ---------------------------------------------
    C("Metropolitan Police Service", "MPS", PJ, "Metropolitan Police|"
      "Metropolitan Police Force|Scotland Yard|New Scotland Yard|"
      "Met Police", 1829),
    C("City of London Police", "", PJ, "", 1839),
    C("British Transport Police", "BTP", PJ, "British Transport Commission "
      "Police", 1949),
    C("Royal Ulster Constabulary", "RUC", PJ, "", 1922, 2001),
    C("Police Service of Northern Ireland", "PSNI", PJ, "", 2001),
    C("Royal Irish Constabulary", "RIC", PJ, "", 1822, 1922),
    C("Dublin Metropolitan Police", "DMP", PJ, "", 1836, 1925),
    C("Police Scotland", "", PJ, "Police Service of Scotland", 2013),
    C("Strathclyde Police", "", PJ, "", 1975, 2013),
    C("Lothian and Borders Police", "", PJ, "", 1975, 2013),
    C("Grampian Police", "", PJ, "", 1975, 2013),
    C("Northern Constabulary", "", PJ, "", 1975, 2013),
    C("Tayside Police", "", PJ, "", 1975, 2013),
    C("Fife Constabulary", "", PJ, "", 1975, 2013),
    C("Central Scotland Police", "", PJ, "", 1975, 2013),
    C("Dumfries and Galloway Constabulary", "", PJ, "", 1975, 2013),
    C("Avon and Somerset Constabulary", "", PJ, "Avon and Somerset Police",
      1974),
    C("Bedfordshire Police", "", PJ, "Bedfordshire Constabulary"),
    C("Cambridgeshire Constabulary", "", PJ, "Cambridgeshire Police"),
    C("Cheshire Constabulary", "", PJ, "Cheshire Police"),
    C("Cleveland Police", "", PJ, "Cleveland Constabulary", 1974),
    C("Cumbria Constabulary", "", PJ, "Cumbria Police"),
    C("Derbyshire Constabulary", "", PJ, "Derbyshire Police"),
    C("Devon and Cornwall Police", "", PJ, "Devon and Cornwall "
      "Constabulary", 1967),
    C("Dorset Police", "", PJ, "Dorset Constabulary"),
    C("Durham Constabulary", "", PJ, "Durham Police"),
    C("Dyfed-Powys Police", "", PJ, "Dyfed Powys Police", 1968),
    C("Essex Police", "", PJ, "Essex Constabulary"),
    C("Gloucestershire Constabulary", "", PJ, "Gloucestershire Police"),
    C("Greater Manchester Police", "GMP", PJ, "", 1974),
    C("Gwent Police", "", PJ, "Gwent Constabulary", 1967),
    C("Hampshire Constabulary", "", PJ, "Hampshire Police"),
    C("Hertfordshire Constabulary", "", PJ, "Hertfordshire Police"),
    C("Humberside Police", "", PJ, "", 1974),
    C("Kent Police", "", PJ, "Kent County Constabulary"),
    C("Lancashire Constabulary", "", PJ, "Lancashire Police"),
    C("Leicestershire Police", "", PJ, "Leicestershire Constabulary"),
    C("Lincolnshire Police", "", PJ, "Lincolnshire Constabulary"),
    C("Merseyside Police", "", PJ, "", 1974),
    C("Norfolk Constabulary", "", PJ, "Norfolk Police"),
    C("North Wales Police", "", PJ, ""),
    C("North Yorkshire Police", "", PJ, "", 1974),
    C("Northamptonshire Police", "", PJ, "Northamptonshire Constabulary"),
    C("Northumbria Police", "", PJ, "", 1974),
    C("Nottinghamshire Police", "", PJ, "Nottinghamshire Constabulary"),
    C("South Wales Police", "", PJ, "", 1969),
    C("South Yorkshire Police", "", PJ, "", 1974),
    C("Staffordshire Police", "", PJ, "Staffordshire Constabulary"),
    C("Suffolk Constabulary", "", PJ, "Suffolk Police"),
    C("Surrey Police", "", PJ, "Surrey Constabulary"),
    C("Sussex Police", "", PJ, "Sussex Constabulary", 1968),
    C("Thames Valley Police", "", PJ, "", 1968),
    C("Warwickshire Police", "", PJ, "Warwickshire Constabulary"),
    C("West Mercia Police", "", PJ, "West Mercia Constabulary", 1967),
    C("West Midlands Police", "", PJ, "", 1974),
    C("West Yorkshire Police", "", PJ, "West Yorkshire Metropolitan Police",
      1974),
    C("Wiltshire Police", "", PJ, "Wiltshire Constabulary"),
    C("Immigration Service", "", PJ, "UK Immigration Service|HM Immigration "
      "Service|United Kingdom Immigration Service|Immigration Service of "
      "the Home Office", None, 2007),
    C("Immigration and Nationality Directorate", "IND", PJ, "Immigration and "
      "Nationality Department", None, 2007),
    C("Border and Immigration Agency", "BIA", PJ, "", 2007, 2008),
    C("UK Border Agency", "UKBA", PJ, "United Kingdom Border Agency", 2008,
      2013),
    C("UK Border Force", "", PJ, "Border Force", 2012, match="Border Force"),
    C("National Criminal Intelligence Service", "NCIS", PJ, "", 1992, 2006),
    C("Organised Immigration Crime Section", "OICS", PJ, "", None, None),
    C("National Crime Squad", "NCS", PJ, "", 1998, 2006),
    C("Regional Crime Squads", "", PJ, "Regional Crime Squad", 1964, 1998),
    C("Serious Organised Crime Agency", "SOCA", PJ, "", 2006, 2013),
    C("National Crime Agency", "NCA", PJ, "", 2013),
    C("Serious Fraud Office", "SFO", PJ, "", 1988),
    C("Crown Prosecution Service", "CPS", PJ, "", 1986),
    C("Crown Office and Procurator Fiscal Service", "COPFS", PJ, "Crown "
      "Office", None),
    C("Public Prosecution Service for Northern Ireland", "PPS", PJ, "", 2005),
    C("HM Prison Service", "HMPS", PJ, "Prison Service|Her Majesty's Prison "
      "Service", 1993, 2008),
    C("Prison Commission", "", PJ, "Prison Commissioners", 1877, 1963),
    C("Scottish Prison Service", "SPS", PJ, "", 1993),
    C("Northern Ireland Prison Service", "NIPS", PJ, "", 1995),
    C("National Probation Service", "NPS", PJ, "", 2001),
    C("National Offender Management Service", "NOMS", PJ, "", 2004, 2017),
    C("Her Majesty's Prison and Probation Service", "HMPPS", PJ, "HM Prison "
      "and Probation Service", 2017),
    C("Youth Justice Board for England and Wales", "YJB", PJ, "Youth Justice "
      "Board", 1998),
    C("Parole Board", "", PJ, "Parole Board for England and Wales", 1967),
    C("Criminal Cases Review Commission", "CCRC", PJ, "", 1997),
    C("Police Complaints Board", "", PJ, "", 1977, 1985),
    C("Police Complaints Authority", "PCA", PJ, "", 1985, 2004),
    C("Independent Police Complaints Commission", "IPCC", PJ, "", 2004, 2018),
    C("Independent Office for Police Conduct", "IOPC", PJ, "", 2018),
    C("Police Ombudsman for Northern Ireland", "", PJ, "Office of the Police "
      "Ombudsman for Northern Ireland", 2000),
    C("HM Inspectorate of Constabulary", "HMIC", PJ, "Her Majesty's "
      "Inspectorate of Constabulary", 1856),
    C("HM Inspectorate of Prisons", "HMIP", PJ, "Her Majesty's Inspectorate "
      "of Prisons", 1981),
    C("HM Inspectorate of Probation", "", PJ, "Her Majesty's Inspectorate of "
      "Probation"),
    C("Association of Chief Police Officers", "ACPO", PJ, "", 1948, 2015),
    C("National Police Chiefs' Council", "NPCC", PJ, "", 2015),
    C("Police Federation of England and Wales", "", PJ, "Police Federation",
      1919),
    C("Forensic Science Service", "FSS", PJ, "", 1991, 2012),
    C("Criminal Records Bureau", "CRB", PJ, "", 2002, 2012),
    C("Disclosure and Barring Service", "DBS", PJ, "", 2012),
    C("Assets Recovery Agency", "ARA", PJ, "", 2003, 2008),
    C("HM Courts Service", "HMCS", PJ, "Her Majesty's Courts Service", 2005,
      2011),
    C("HM Courts and Tribunals Service", "HMCTS", PJ, "HM Courts & Tribunals "
      "Service|Her Majesty's Courts and Tribunals Service", 2011),
    C("Tribunals Service", "", PJ, "", 2006, 2011),
    C("Supreme Court of the United Kingdom", "", PJ, "UK Supreme Court|"
      "United Kingdom Supreme Court", 2009),
    C("Court of Appeal", "", PJ, "Court of Appeal of England and Wales"),
    C("High Court of Justice", "", PJ, "High Court"),
    C("Crown Court", "", PJ, "", 1972),
    C("Central Criminal Court", "", PJ, "Old Bailey", 1834),
    C("Court of Session", "", PJ, ""),
    C("High Court of Justiciary", "", PJ, ""),
    C("House of Lords Appellate Committee", "", PJ, "Appellate Committee of "
      "the House of Lords|Appellate Committee", None, 2009),
    C("Judicial Committee of the Privy Council", "JCPC", PJ, "Privy Council "
      "Judicial Committee", 1833),
    C("Employment Appeal Tribunal", "EAT", PJ, "", 1976),
    C("Immigration Appellate Authority", "", PJ, "", 1970, 2005),
    C("Asylum and Immigration Tribunal", "AIT", PJ, "", 2005, 2010),
    C("Special Immigration Appeals Commission", "SIAC", PJ, "", 1997),
    C("Investigatory Powers Tribunal", "IPT", PJ, "", 2000),
    C("Independent Anti-slavery Commissioner", "", AB, "Independent "
      "Anti-Slavery Commissioner", 2014),
    # ---- Parliament -------------------------------------------------------
    C("House of Commons", "", PA, ""),
    C("House of Lords", "", PA, ""),
    C("Parliament of the United Kingdom", "", PA, "UK Parliament|United "
      "Kingdom Parliament|Houses of Parliament|Westminster Parliament"),
    C("National Audit Office", "NAO", PA, "", 1983),
    C("Exchequer and Audit Department", "", PA, "", 1866, 1983),
    C("Public Accounts Commission", "", PA, "", 1983),
    C("Parliamentary and Health Service Ombudsman", "PHSO", PA,
      "Parliamentary Ombudsman|Health Service Ombudsman|Office of the "
      "Parliamentary Commissioner for Administration|Parliamentary "
      "Commissioner for Administration", 1967),
    C("House of Commons Commission", "", PA, "", 1978),
    C("Intelligence and Security Committee", "ISC", PA, "Intelligence and "
      "Security Committee of Parliament", 1994),
    C("Public Accounts Committee", "PAC", PA, "Committee of Public Accounts|"
      "Public Accounts Select Committee", 1861),
    C("Liaison Committee", "", PA, ""),
    C("Home Affairs Committee", "", PA, "Home Affairs Select Committee|"
      "Select Committee on Home Affairs", 1979),
    C("Foreign Affairs Committee", "", PA, "Foreign Affairs Select Committee|"
      "Select Committee on Foreign Affairs", 1979),
    C("Defence Committee", "", PA, "Defence Select Committee|Select "
      "Committee on Defence", 1979),
    C("Treasury Committee", "", PA, "Treasury Select Committee|Treasury and "
      "Civil Service Committee|Treasury and Civil Service Select Committee",
      1979),
    C("Health Committee", "", PA, "Health Select Committee|Select Committee "
      "on Health", 1991),
    C("Social Services Committee", "", PA, "Social Services Select "
      "Committee", 1979, 1991),
    C("Employment Committee", "", PA, "Employment Select Committee", 1979,
      1995),
    C("Energy Committee", "", PA, "Energy Select Committee", 1979, 1992),
    C("Agriculture Committee", "", PA, "Agriculture Select Committee", 1979,
      2001),
    C("Environment Committee", "", PA, "Environment Select Committee", 1979,
      1997),
    C("Environment, Food and Rural Affairs Committee", "EFRA", PA,
      "Environment, Food and Rural Affairs Select Committee|EFRA Committee",
      2001),
    C("Environmental Audit Committee", "EAC", PA, "Environmental Audit "
      "Select Committee", 1997),
    C("Education and Skills Committee", "", PA, "Education and Skills Select "
      "Committee", 2001, 2007),
    C("Education Committee", "", PA, "Education Select Committee|Education, "
      "Science and Arts Committee", 1979),
    C("Science and Technology Committee", "", PA, "Science and Technology "
      "Select Committee|Select Committee on Science and Technology", 1966),
    C("Trade and Industry Committee", "", PA, "Trade and Industry Select "
      "Committee", 1979, 2007),
    C("Transport Committee", "", PA, "Transport Select Committee", 1979),
    C("Culture, Media and Sport Committee", "", PA, "Culture, Media and Sport "
      "Select Committee", 1997),
    C("International Development Committee", "", PA, "International "
      "Development Select Committee", 1997),
    C("Northern Ireland Affairs Committee", "", PA, "Northern Ireland "
      "Affairs Select Committee", 1994),
    C("Scottish Affairs Committee", "", PA, "Scottish Affairs Select "
      "Committee", 1979),
    C("Welsh Affairs Committee", "", PA, "Welsh Affairs Select Committee",
      1979),
    C("Work and Pensions Committee", "", PA, "Work and Pensions Select "
      "Committee", 2001),
    C("Justice Committee", "", PA, "Justice Select Committee", 2007),
    C("Constitutional Affairs Committee", "", PA, "Constitutional Affairs "
      "Select Committee", 2003, 2007),
    C("Public Administration Select Committee", "PASC", PA, "Public "
      "Administration Committee|Select Committee on Public Administration",
      1997),
    C("Procedure Committee", "", PA, "Select Committee on Procedure"),
    C("Committee on Standards and Privileges", "", PA, "Standards and "
      "Privileges Committee", 1995, 2013),
    C("Joint Committee on Human Rights", "JCHR", PA, "", 2001),
    C("Joint Committee on Statutory Instruments", "JCSI", PA, "", 1973),
    C("European Scrutiny Committee", "", PA, "Select Committee on European "
      "Legislation|European Legislation Committee", 1974),
    C("European Union Committee", "", PA, "House of Lords European Union "
      "Committee|Select Committee on the European Union|Select Committee on "
      "the European Communities|European Communities Committee", 1974),
    C("Delegated Powers and Regulatory Reform Committee", "", PA, "Delegated "
      "Powers Scrutiny Committee|Delegated Powers Committee", 1992),
    C("Constitution Committee", "", PA, "Select Committee on the "
      "Constitution", 2001),
    C("Economic Affairs Committee", "", PA, "Select Committee on Economic "
      "Affairs", 2001),
    C("Modernisation Committee", "", PA, "Select Committee on Modernisation "
      "of the House of Commons", 1997, 2010),
    C("Parliamentary Commissioner for Standards", "", PA, "Office of the "
      "Parliamentary Commissioner for Standards", 1995),
    C("Independent Parliamentary Standards Authority", "IPSA", AB, "", 2009),
    C("Electoral Commission", "", AB, "", 2000),
    C("Boundary Commission for England", "BCE", AB, "", 1944),
    C("Committee on Standards in Public Life", "CSPL", AB, "Nolan "
      "Committee", 1994),
    # ---- Devolved and local ---------------------------------------------
    C("Scottish Executive", "", DL, "", 1999, 2007),
    C("Scottish Government", "", DL, "", 2007),
    C("Scottish Parliament", "", DL, "", 1999),
    C("National Assembly for Wales", "", DL, "Welsh Assembly", 1999, 2020),
    C("Welsh Government", "", DL, "Welsh Assembly Government|Llywodraeth "
      "Cymru", 2007),
    C("Senedd Cymru", "", DL, "Welsh Parliament|Senedd", 2020),
    C("Northern Ireland Assembly", "", DL, "", 1998),
    C("Northern Ireland Executive", "", DL, "Northern Ireland Executive "
      "Committee", 1999),
    C("Office of the First Minister and Deputy First Minister", "OFMDFM", DL,
      "", 1999, 2016),
    C("Executive Office (Northern Ireland)", "", DL, "", 2016),
    C("Government of Northern Ireland", "", DL, "", 1921, 1972),
    C("Parliament of Northern Ireland", "", DL, "", 1921, 1972),
    C("Ministry of Home Affairs (Northern Ireland)", "", DL, "Ministry of "
      "Home Affairs for Northern Ireland", 1921, 1972),
    C("Northern Ireland Civil Service", "NICS", DL, "", 1921),
    C("Greater London Authority", "", DL, "", 2000),
    C("Greater London Council", "GLC", DL, "", 1965, 1986),
    C("London County Council", "LCC", DL, "", 1889, 1965),
    C("Transport for London", "TfL", DL, "", 2000),
    C("London Transport", "", DL, "London Passenger Transport Board|London "
      "Transport Executive|London Regional Transport", 1933, 2000),
    C("Common Council of the City of London", "", DL, "City of London "
      "Corporation|Corporation of London", None),
    C("Local Government Association", "LGA", DL, "", 1997),
    C("Convention of Scottish Local Authorities", "COSLA", DL, "", 1975),
    C("Association of Metropolitan Authorities", "AMA", DL, "", 1974, 1997),
    C("Association of County Councils", "ACC", DL, "", 1974, 1997),
    C("Association of District Councils", "ADC", DL, "", 1974, 1997),
    C("Inner London Education Authority", "ILEA", DL, "", 1965, 1990),
    C("Metropolitan Police Authority", "MPA", PJ, "", 2000, 2012),
    C("British-Irish Council", "BIC", IN, "British Irish Council", 1999),
    C("North/South Ministerial Council", "NSMC", IN, "North South "
      "Ministerial Council|North-South Ministerial Council", 1999),
    C("Council of Ireland", "", IN, "", 1920, 1925),
    # ---- EU ------------------------------------------------------------
    C("European Union", "EU", EU, "", 1993, qid="Q458"),
    C("European Communities", "EC", EU, "European Community", 1967, 2009),
    C("European Economic Community", "EEC", EU, "Common Market|European "
      "Common Market", 1958, 1993),
    C("European Coal and Steel Community", "ECSC", EU, "", 1952, 2002),
    C("European Atomic Energy Community", "Euratom", EU, "EURATOM", 1958,
      None),
    C("European Commission", "", EU, "Commission of the European "
      "Communities|Commission of the European Union|EU Commission|European "
      "Union Commission", 1958),
    C("Council of the European Union", "", EU, "Council of the EU|Council of "
      "the European Communities|Council of Ministers of the European Union|"
      "EU Council of Ministers|Council of the European Community",
      drop="Council of ministers"),
    C("European Parliament", "", EU, "European Assembly", 1952),
    C("European Court of Justice", "ECJ", EU, "", 1952),
    C("European Anti-Fraud Office", "OLAF", EU, "", 1999),
    C("Europol", "", EU, "European Police Office|Europol Drugs Unit", 1998),
    C("Eurojust", "", EU, "", 2002),
    C("Frontex", "", EU, "", 2004),
    C("European Asylum Support Office", "EASO", EU, "", 2010),
    C("European Monitoring Centre on Racism and Xenophobia", "EUMC", EU, "",
      1997, 2007),
    C("European Union Agency for Fundamental Rights", "FRA", EU, "EU Agency "
      "for Fundamental Rights|Fundamental Rights Agency", 2007),
    C("European Medicines Agency", "", EU, "European Medicines Evaluation "
      "Agency|European Agency for the Evaluation of Medicinal Products", 1995),
    C("European Environment Agency", "", EU, "", 1990),
    C("European Space Agency", "", IN, "", 1975),
    C("Office for Harmonization in the Internal Market", "OHIM", EU, "",
      1994, 2016),
    C("European Union Intellectual Property Office", "EUIPO", EU, "", 2016),
    C("European Court of Auditors", "", EU, "Court of Auditors", 1977),
    C("European Investment Bank", "EIB", EU, "", 1958),
    C("Committee of Permanent Representatives", "COREPER", EU, "", 1958),
    C("European Patent Organisation", "EPO", IN, "European Patent Office",
      1977),
    C("European Free Trade Association", "EFTA", IN, "", 1960),
    C("European Commission of Human Rights", "", IN, "", 1954, 1998),
    C("European Court of Human Rights", "ECtHR", IN, "", 1959),
    C("Council of Europe", "", IN, "", 1949),
    C("Western European Union", "WEU", IN, "", 1954, 2011),
    # ---- International --------------------------------------------------
    C("United Nations", "UN", IN, "United Nations Organisation|United "
      "Nations Organization", 1945),
    C("United Nations Security Council", "UNSC", IN, "UN Security Council|"
      "Security Council of the United Nations", 1945),
    C("United Nations General Assembly", "UNGA", IN, "UN General Assembly|"
      "General Assembly of the United Nations", 1945),
    C("United Nations Office on Drugs and Crime", "UNODC", IN, "UN Office on "
      "Drugs and Crime|United Nations International Drug Control Programme|"
      "UNDCP", 1997),
    C("Office of the United Nations High Commissioner for Human Rights",
      "OHCHR", IN, "UN High Commissioner for Human Rights|United Nations "
      "High Commissioner for Human Rights|UN Office of the High Commissioner "
      "for Human Rights", 1993),
    C("United Nations Commission on Human Rights", "UNCHR", IN, "UN "
      "Commission on Human Rights|UN Human Rights Commission", 1946, 2006),
    C("United Nations Human Rights Council", "UNHRC", IN, "UN Human Rights "
      "Council|Human Rights Council", 2006),
    C("United Nations Office for the Coordination of Humanitarian Affairs",
      "OCHA", IN, "UN Office for the Coordination of Humanitarian Affairs",
      1998),
    C("United Nations Department of Peacekeeping Operations", "DPKO", IN,
      "UN Department of Peacekeeping Operations", 1992, 2019),
    C("Joint United Nations Programme on HIV/AIDS", "UNAIDS", IN, "", 1996),
    C("United Nations Children's Fund", "UNICEF", IN, "UN Children's Fund",
      1946),
    C("United Nations High Commissioner for Refugees", "UNHCR", IN,
      "Office of the United Nations High Commissioner for Refugees|UN High "
      "Commissioner for Refugees|UN Refugee Agency", 1950),
    C("United Nations Relief and Rehabilitation Administration", "UNRRA", IN,
      "", 1943, 1947),
    C("International Criminal Tribunal for the former Yugoslavia", "ICTY",
      IN, "International Criminal Tribunal for the Former Yugoslavia|"
      "Yugoslav War Crimes Tribunal", 1993, 2017),
    C("International Criminal Tribunal for Rwanda", "ICTR", IN, "", 1994,
      2015),
    C("Special Court for Sierra Leone", "", IN, "", 2002, 2013),
    C("Permanent Court of International Justice", "PCIJ", IN, "", 1922,
      1946),
    C("International Court of Justice", "ICJ", IN, "World Court", 1945),
    C("International Criminal Court", "ICC", IN, "", 2002),
    C("United Nations Protection Force", "UNPROFOR", IN, "UN Protection "
      "Force", 1992, 1995),
    C("United Nations Peacekeeping Force in Cyprus", "UNFICYP", IN, "", 1964),
    C("United Nations Interim Force in Lebanon", "UNIFIL", IN, "", 1978),
    C("United Nations Mission in Sudan", "UNMIS", IN, "UN Mission in Sudan",
      2005, 2011),
    C("African Union-United Nations Hybrid Operation in Darfur", "UNAMID",
      IN, "African Union/United Nations Hybrid Operation in Darfur|AU/UN "
      "Hybrid Operation in Darfur", 2007, 2020),
    C("African Union Mission in Sudan", "AMIS", IN, "AU Mission in Sudan",
      2004, 2007),
    C("United Nations Mission in Sierra Leone", "UNAMSIL", IN, "", 1999,
      2005),
    C("United Nations Organization Mission in the Democratic Republic of the "
      "Congo", "MONUC", IN, "", 1999, 2010),
    C("International Security Assistance Force", "ISAF", IN, "", 2001, 2014),
    C("Kosovo Force", "KFOR", IN, "", 1999),
    C("Stabilisation Force", "SFOR", IN, "Stabilization Force", 1996, 2004),
    C("Implementation Force", "IFOR", IN, "", 1995, 1996),
    C("European Union Force", "EUFOR", EU, "", 2004),
    C("European Union Rule of Law Mission in Kosovo", "EULEX", EU, "", 2008),
    C("North Atlantic Treaty Organisation", "NATO", IN, "North Atlantic "
      "Treaty Organization", 1949),
    C("Organization for Security and Co-operation in Europe", "OSCE", IN,
      "Organisation for Security and Co-operation in Europe|Organization for "
      "Security and Cooperation in Europe", 1995),
    C("Conference on Security and Co-operation in Europe", "CSCE", IN,
      "Conference on Security and Cooperation in Europe", 1973, 1994),
    C("Organisation for Economic Co-operation and Development", "OECD", IN,
      "Organization for Economic Cooperation and Development|Organisation "
      "for Economic Cooperation and Development", 1961),
    C("Commonwealth of Nations", "", IN, "Commonwealth|British Commonwealth|"
      "British Commonwealth of Nations", 1931),
    C("Commonwealth Secretariat", "", IN, "", 1965),
    C("Group of Seven", "G7", IN, "", 1975),
    C("Group of Eight", "G8", IN, "", 1997, 2014),
    C("Group of Twenty", "G20", IN, "", 1999),
    C("League of Nations", "", IN, "", 1919, 1946),
    C("Interpol", "", IN, "International Criminal Police Organization|"
      "International Criminal Police Organisation", 1923),
    C("International Labour Organization", "ILO", IN, "International Labour "
      "Organisation|International Labour Office", 1919),
    C("World Bank", "", IN, "", 1944,
      match="International Bank for Reconstruction and Development"),
    C("World Trade Organization", "WTO", IN, "World Trade Organisation",
      1995),
    C("General Agreement on Tariffs and Trade", "GATT", IN, "", 1948, 1994),
    C("International Whaling Commission", "IWC", IN, "", 1946),
    C("Global Fund to Fight AIDS, Tuberculosis and Malaria", "", IN, "Global "
      "Fund", 2002),
    C("GAVI Alliance", "GAVI", IN, "Global Alliance for Vaccines and "
      "Immunisation|Gavi, the Vaccine Alliance", 2000),
    C("International Olympic Committee", "IOC", NG, "", 1894),
    C("International Committee of the Red Cross", "ICRC", IN, "", 1863),
    C("Comecon", "", IN, "Council for Mutual Economic Assistance|Council "
      "for Mutual Economic Aid", 1949, 1991),
    C("Warsaw Pact", "", IN, "Warsaw Treaty Organization|Warsaw Treaty "
      "Organisation", 1955, 1991),
    C("Organisation of African Unity", "OAU", IN, "Organization of African "
      "Unity|Organization for African Unity", 1963, 2002),
    C("African Union", "AU", IN, "", 2002),
    C("Arab League", "", IN, "League of Arab States", 1945),
    C("Palestinian Authority", "", OT, "Palestinian National Authority",
      1994),
    # ---- Foreign government bodies (kind other) ---------------------------
    C("United States Department of Defense", "DoD", OT, "US Department of "
      "Defense|U.S. Department of Defense|Department of Defense"),
    C("United States Department of State", "", OT, "US State Department|"
      "State Department|US Department of State|U.S. Department of State"),
    C("United States Department of Justice", "", OT, "US Department of "
      "Justice|U.S. Department of Justice"),
    C("United States Department of Homeland Security", "DHS", OT, "US "
      "Department of Homeland Security|Department of Homeland Security",
      2002),
    C("Federal Bureau of Investigation", "FBI", OT, "", 1908),
    C("Central Intelligence Agency", "CIA", OT, "", 1947),
    C("Drug Enforcement Administration", "DEA", OT, "US Drug Enforcement "
      "Administration", 1973),
    C("Immigration and Naturalization Service", "INS", OT, "US Immigration "
      "and Naturalization Service", 1933, 2003),
    C("United States Congress", "", OT, "US Congress|U.S. Congress"),
    C("Garda Síochána", "", OT, "An Garda Síochána|Garda Siochana|An Garda "
      "Siochana|Gardaí|Garda", 1923),
    # ---- Armed groups and proscribed organisations (kind other) -----------
    C("Irish Republican Army", "IRA", OT, "Provisional IRA|Provisional Irish "
      "Republican Army|PIRA"),
    C("Real IRA", "RIRA", OT, "Real Irish Republican Army", 1997),
    C("Continuity IRA", "CIRA", OT, "Continuity Irish Republican Army", 1986),
    C("Irish National Liberation Army", "INLA", OT, "", 1974),
    C("Ulster Volunteer Force", "UVF", OT, "", 1966),
    C("Ulster Defence Association", "UDA", OT, "", 1971),
    C("Ulster Freedom Fighters", "UFF", OT, "", 1973),
    C("Loyalist Volunteer Force", "LVF", OT, "", 1996),
    C("Red Hand Commando", "", OT, "", 1972),
    C("Al-Qaeda", "", OT, "al-Qaeda|Al Qaeda|al Qaeda|Al-Qaida|al-Qaida|"
      "Al Qaida", 1988),
    C("Taliban", "", OT, ""),
    C("Hamas", "", OT, "", 1987),
    C("Hezbollah", "", OT, "Hizballah|Hizbollah", 1982),
    C("Palestine Liberation Organisation", "PLO", OT, "Palestine Liberation "
      "Organization", 1964),
    C("Kurdistan Workers' Party", "PKK", OT, "", 1978),
    C("Liberation Tigers of Tamil Eelam", "LTTE", OT, "Tamil Tigers", 1976),
    C("Sudan Liberation Army", "SLA", OT, "Sudan Liberation Movement|Sudan "
      "Liberation Movement/Army|SLM/A", 2002),
    C("Justice and Equality Movement", "JEM", OT, "", 2001),
    C("Sudan People's Liberation Movement", "SPLM", OT, "Sudan People's "
      "Liberation Army|SPLA|Sudan People's Liberation Movement/Army", 1983),
    C("Janjaweed", "", OT, "Janjawid"),
    C("Lord's Resistance Army", "LRA", OT, "", 1987),
    # ---- NGOs, charities, professional bodies and companies ---------------
    C("Poppy Project", "", NG, "POPPY Project|The Poppy Project", 2003),
    C("Eaves Housing for Women", "", NG, "", 1977),
    C("Oxfam", "", NG, "Oxford Committee for Famine Relief|Oxfam GB", 1942),
    C("Amnesty International", "", NG, "", 1961),
    C("Human Rights Watch", "HRW", NG, "", 1978),
    C("Save the Children", "", NG, "Save the Children Fund|Save the Children "
      "UK", 1919),
    C("British Red Cross", "", NG, "British Red Cross Society", 1870),
    C("Médecins Sans Frontières", "MSF", NG, "Medecins Sans Frontieres|"
      "Doctors Without Borders", 1971),
    C("Christian Aid", "", NG, "", 1945),
    C("Anti-Slavery International", "", NG, "Anti-Slavery Society", 1839),
    C("ECPAT UK", "", NG, "End Child Prostitution, Pornography and "
      "Trafficking", 1994),
    C("Refugee Council", "", NG, "British Refugee Council", 1981),
    C("Barnardo's", "", NG, "Dr Barnardo's Homes|Barnardos", 1866),
    C("National Society for the Prevention of Cruelty to Children", "NSPCC",
      NG, "", 1884),
    C("Royal Society for the Prevention of Cruelty to Animals", "RSPCA", NG,
      "", 1824),
    C("Royal National Lifeboat Institution", "RNLI", NG, "", 1824),
    C("Royal British Legion", "", NG, "British Legion", 1921),
    C("Victim Support", "", NG, "", 1974),
    C("National Association for the Care and Resettlement of Offenders",
      "NACRO", NG, "Nacro", 1966),
    C("Citizens Advice", "", NG, "National Association of Citizens Advice "
      "Bureaux|Citizens Advice Bureau|Citizens Advice Bureaux|NACAB", 1939),
    C("Age Concern", "", NG, "Age Concern England", 1940, 2009),
    C("Help the Aged", "", NG, "", 1961, 2009),
    C("National Trust", "", NG, "National Trust for Places of Historic "
      "Interest or Natural Beauty", 1895),
    C("National Trust for Scotland", "", NG, "", 1931),
    C("Royal Society", "", NG, "Royal Society of London", 1660),
    C("Greenpeace", "", NG, "Greenpeace UK|Greenpeace International", 1971),
    C("Friends of the Earth", "", NG, "", 1969),
    C("Royal Society for the Protection of Birds", "RSPB", NG, "", 1889),
    C("National Council for Civil Liberties", "NCCL", NG, "", 1934),
    C("Trades Union Congress", "TUC", NG, "", 1868),
    C("Confederation of British Industry", "CBI", NG, "", 1965),
    C("National Farmers' Union", "NFU", NG, "National Farmers Union", 1908),
    C("British Medical Association", "BMA", NG, "", 1832),
    C("Law Society", "", NG, "Law Society of England and Wales", 1825),
    C("General Council of the Bar", "", NG, "Bar Council", 1894),
    C("General Medical Council", "GMC", AB, "", 1858),
    C("Lloyd's of London", "", NG, "Lloyd's", 1686),
    C("London Stock Exchange", "", NG, "Stock Exchange", 1801),
    C("Network Rail", "", NG, "Network Rail Ltd|Network Rail Limited", 2002),
    C("Railtrack", "", NG, "Railtrack plc|Railtrack Group", 1994, 2002),
    C("London Underground", "", NG, "London Underground Ltd|London "
      "Underground Limited", 1985),
    C("Consignia", "", NG, "Consignia plc", 2001, 2002),
    C("Royal Mail", "", AB, "Royal Mail Group|Royal Mail Holdings plc|Royal "
      "Mail Group plc", 2002, match="Royal Mail Holdings plc"),
    C("Post Office Limited", "", NG, "Post Office Ltd|Post Office Ltd.|Post "
      "Office Counters Ltd|Post Office Counters Limited", 1987),
    C("British Telecommunications", "BT", NG, "British Telecom|British "
      "Telecommunications plc", 1981),
    C("Cable and Wireless", "", NG, "Cable & Wireless", 1929),
    C("British Airways", "", NG, "British Airways plc", 1974),
    C("British Aerospace", "", NG, "British Aerospace plc", 1977, 1999),
    C("BAE Systems", "", NG, "BAE Systems plc", 1999),
    C("Rolls-Royce", "", NG, "Rolls-Royce plc|Rolls-Royce Ltd|Rolls Royce",
      1906),
    C("Royal Ordnance", "", NG, "Royal Ordnance Factories|Royal Ordnance plc",
      None),
    C("QinetiQ", "", NG, "", 2001),
    C("British Petroleum", "BP", NG, "Anglo-Persian Oil Company|Anglo-Iranian "
      "Oil Company", 1909),
    C("Imperial Chemical Industries", "ICI", NG, "", 1926, 2008),
    C("Northern Rock", "", NG, "Northern Rock plc", 1997, 2012),
    C("Royal Bank of Scotland", "RBS", NG, "Royal Bank of Scotland Group|"
      "Royal Bank of Scotland plc", 1727),
    C("British Energy", "", NG, "British Energy plc", 1995, 2009),
    C("Eurotunnel", "", NG, "", 1986),
    C("Capita", "", NG, "Capita plc|Capita Group", 1984),
    C("Serco", "", NG, "Serco Group|Serco plc", 1987),
    C("G4S", "", NG, "Group 4 Securicor|Group 4", 2004),
    C("Remploy", "", AB, "Remploy Ltd|Remploy Limited", 1945),
    C("Privy Council", "", CG, "Her Majesty's Most Honourable Privy Council|"
      "Privy Council of the United Kingdom"),
    C("Central Policy Review Staff", "CPRS", CG, "", 1971, 1983),
    C("Social Exclusion Unit", "", CG, "", 1997, 2006),
    C("Immigration Appeal Tribunal", "", PJ, "", 1970, 2005),
    C("Equality and Human Rights Commission", "EHRC", AB, "Commission for "
      "Equality and Human Rights", 2007),
    C("Audit Scotland", "", AB, "", 2000),
    C("Scottish Enterprise", "", AB, "", 1991),
    C("Highlands and Islands Enterprise", "HIE", AB, "", 1991),
    C("Highlands and Islands Development Board", "HIDB", AB, "", 1965,
      1991),
    C("Scottish Development Agency", "SDA", AB, "", 1975, 1991),
    C("Scottish Natural Heritage", "SNH", AB, "", 1992, 2020),
    C("Scottish Environment Protection Agency", "SEPA", AB, "", 1996),
    C("Historic Scotland", "", AB, "", 1991, 2015),
    C("Cadw", "", AB, "", 1984),
    C("Countryside Council for Wales", "CCW", AB, "", 1991, 2013),
    # ---- Register/designation duplicates and name variants ---------------
    C("Channel 4", "", AB, "Channel Four Television Corporation|Channel "
      "Four", 1982),
    C("Local Government Ombudsman", "LGO", AB, "Commission for Local "
      "Administration in England|Commission for Local Administration", 1974),
    C("Commonwealth Scholarship Commission in the UK", "", AB,
      "Commonwealth Scholarship Commission in the United Kingdom|"
      "Commonwealth Scholarship Commission", 1959),
    C("Broads Authority", "", AB, "Broads National Park Authority", 1989),
    C("General Teaching Council for England", "GTCE", AB, "General Teaching "
      "Council", 2000, 2012),
    C("VisitBritain", "", AB, "Visit Britain", 2003),
    C("British Tourist Authority", "BTA", AB, "", 1969, 2003),
    C("Royal Parks", "", AB, "Royal Parks Agency", None),
    C("Public Lending Right Office", "", AB, "Registrar of the Public Lending "
      "Right|Registrar of Public Lending Right", None, 2013),
    C("Office of the PPP Arbiter", "", AB, "Public-Private Partnership "
      "Agreement Arbiter|PPP Arbiter", 2003),
    C("English Nature", "", AB, "Nature Conservancy Council for England",
      1991, 2006),
    C("UK Film Council", "", AB, "Film Council", 2000, 2011),
    C("One North East", "", AB, "One NorthEast|North East Development Agency",
      1999, 2012),
    C("Yorkshire Forward", "", AB, "Yorkshire and Humber Development Agency",
      1999, 2012),
    C("Advantage West Midlands", "", AB, "West Midlands Development Agency",
      1999, 2012),
    C("Sea Fish Industry Authority", "", AB, "SeaFish Industry Authority|"
      "Seafish Industry Authority|Seafish", 1981),
    C("Committee of Imperial Defence", "", CG, "Imperial Defence Committee|"
      "Imperial Defense Committee", 1902, 1939),
    C("Empire Marketing Board", "", AB, "", 1926, 1933),
    C("National Archives", "", CG, "The National Archives", 2003),
    C("Government Whips' Office (House of Commons)", "", CG, "Government "
      "Whips-House of Commons|Government Whips Office", None, None,
      match="Government Whips-House of Commons"),
    C("Government Whips' Office (House of Lords)", "", CG, "Government "
      "Whips-House of Lords", None, None,
      match="Government Whips-House of Lords"),
]


def apply_curated(store):
    for c in CURATED:
        # A curated entry takes over the rows whose *name* is its name, one
        # of its aliases or a name in `match`, and rows that list its name
        # as an alias.  (Alias-to-alias overlaps do not merge rows.)
        wanted = {key(n) for n in [c["name"]] + c["aliases"] + c["match"]}
        found = [r for r in store.rows if key(r.name) in wanted or
                 key(c["name"]) in {key(a) for a in r.aliases}]
        # Do not fold in a row whose *name* is one of the curated aliases but
        # which is a different body of a different kind, e.g. the curated
        # "Council of the European Union" alias against the Nordic council.
        if found:
            tgt = None
            for r in found:
                if key(r.name) == key(c["name"]):
                    tgt = r
                    break
            tgt = tgt or found[0]
            for other in found:
                if other is not tgt:
                    store.merge(tgt, other, "curated " + c["name"])
            if key(tgt.name) != key(c["name"]):
                tgt.add_aliases([tgt.name])
                tgt.name = c["name"]
            tgt.sources.add("curated")
        else:
            tgt = store.add(Row(c["name"], c["kind"] or OT, "curated"))
        if c["kind"]:
            tgt.kind = c["kind"]
        if c["acronym"] is not None:
            tgt.acronym = c["acronym"]
            tgt.acr_rank = 0
            tgt.locked_acronym = True
        tgt.add_aliases(c["aliases"])
        tgt.protected_aliases |= {key(a) for a in c["aliases"]}
        for d in c["drop"]:
            tgt.aliases = [a for a in tgt.aliases if key(a) != key(d)]
        if c["start"] is not None:
            tgt.start = c["start"]
        if c["end"] is not None:
            tgt.end = c["end"]
        if c["qid"]:
            tgt.qid = c["qid"]


# --------------------------------------------------------------------------
# Post-processing
# --------------------------------------------------------------------------

def finalise(store):
    rows = store.rows
    report = {"alias_dropped_collision": [], "acronym_collisions": []}
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
            if not k or k in GENERIC_ALIASES:
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
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reference_dir", help="shared reference folder")
    ap.add_argument("--out", default=os.path.join(here, "agencies.csv"))
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
