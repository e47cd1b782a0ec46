"""Shared by every source's builder: name keys, slugs, the row store, the kinds."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
import re
import unicodedata

from pipeline.metadata.enums import AgencyKind
from pipeline.reference.build.inputs import fix_map, fix_set


# The agency kinds, as the metadata defines them (short names for the source builders).
CG, AB, PJ, DL, PA, EU, IN, NG, OT = (str(kind) for kind in AgencyKind)
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


@cache  # called millions of times on a few thousand names
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


TYPO_FIX = fix_map("typo_fix")


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
GENERIC_ALIASES = fix_set("generic_aliases")


# Acronyms whose dominant meaning in UK parliamentary text is not the body
# (benefits, products, treaties, areas) or which are ordinary words.
ACRONYM_STOP = fix_set("acronym_stop")


# Two-letter acronyms are kept only when they are this well known.
TWO_LETTER_OK = fix_set("two_letter_ok")


# Short (2-3 letter) acronyms kept for EU and international bodies.
INTL_SHORT_OK = fix_set("intl_short_ok")


WORD_ACRONYM_AS_ALIAS_STOP = fix_set("word_acronym_as_alias_stop")


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
