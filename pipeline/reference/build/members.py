"""Members of both Houses from the shared reference data: one row a person, and the names they were printed by.

Sources (each described, with its licence, in ``../shared/reference/*/SOURCE.md``):

- parlparse (mySociety/TheyWorkForYou): ``people.xml`` (person ids), ``all-members.xml``
  (Commons 1997-2008), ``all-members-2010.xml`` (Commons 2010-15, with the MNIS id),
  ``peers-ucl.xml`` (Lords since 1999);
- Evan Odell's MP list (Commons 1979-2016; its id is the MNIS id);
- the Institute for Government's ministers database (person, MNIS id, Commons and Lords spells);
- hansard-speakers-19c (Commons terms to 1947).

A person is one row however many sources know them: sources are joined by the
Parliament (MNIS) id where they carry it, by the TheyWorkForYou person id
within parlparse, and by name where neither is shared (a 1997 MP to Odell's
list, a peer to the IfG). ``member_names.csv`` holds every spell with the name
keys the linker matches printed names against (:mod:`pipeline.extract.members`).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path

from lxml import etree

from pipeline.reference import MEMBER_NAMES_CSV, MEMBER_OFFICES_CSV, MEMBERS_CSV
MEMBER_FIELDS = ["member_id", "name", "house", "party", "constituency", "twfy_person_id", "mnis_id", "odell_id", "ifg_person_id"]
NAME_FIELDS = ["member_id", "house", "surname", "forename", "lord_of", "start_date", "end_date", "source"]
OFFICE_FIELDS = ["member_id", "start_date", "end_date"]  # ministerial appointments (IfG): who could have answered
TITLES = r"Lord|Baroness|Lady|Earl|Countess|Viscount|Viscountess|Marquess|Marchioness|Duke|Duchess|Bishop|Archbishop"


def name_key(text: str) -> str:
    """A name as the linker compares it: no accents, no case, letters and hyphens only."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z-]", "", plain.casefold().replace("’", "").replace("'", ""))


def _mnis(value: str | None) -> str | None:
    """A Parliament id as text, or None for a missing, zero or malformed one."""
    try:
        number = int(float(value)) if value else 0
    except ValueError:
        return None
    return str(number) if number > 0 else None


def _person_key(mnis: str | None, twfy: str | None, other: str | None) -> str:
    return f"mnis:{mnis}" if mnis else f"twfy:{twfy}" if twfy else str(other)


def _xml(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(recover=True, resolve_entities=False, no_network=True)).getroot()


class _People:
    """Persons merged across sources, and their spells."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.spells: list[dict] = []
        self.offices: list[dict] = []
        self.alias: dict[str, str] = {}  # a person key merged into another

    def key(self, key: str) -> str:
        while key in self.alias:
            key = self.alias[key]
        return key

    def person(self, key: str, **values) -> str:
        key = self.key(key)
        row = self.rows.setdefault(key, {f: None for f in MEMBER_FIELDS})
        for field, value in values.items():
            if value and not row.get(field):
                row[field] = value
        # the same person met again by their TheyWorkForYou id (an MP later in the Lords)
        if twfy := values.get("twfy_person_id"):
            by_twfy = f"twfy:{twfy}"
            if by_twfy != key:
                if by_twfy in self.rows:
                    self.merge(key, by_twfy)
                else:
                    self.alias.setdefault(by_twfy, key)
                key = self.key(key)
        return key

    def merge(self, into: str, other: str) -> None:
        into, other = self.key(into), self.key(other)
        if into == other or other not in self.rows:
            return
        for field, value in self.rows.pop(other).items():
            if value and not self.rows[into].get(field):
                self.rows[into][field] = value
        self.alias[other] = into

    def spell(self, key: str, house: str, surname: str, forename: str = "", lord_of: str = "", start: str = "", end: str = "", source: str = "") -> None:
        self.spells.append({"key": key, "house": house, "surname": name_key(surname), "forename": name_key(forename.split()[0]) if forename.split() else "",
                            "lord_of": name_key(lord_of), "start_date": start[:10], "end_date": end[:10], "source": source})


def _split_full_name(full: str) -> tuple[str, str]:
    """(forenames, surname) of "Ian Stewart (North Hertfordshire)" or "Mr Thomas Neville Abdy"."""
    full = re.sub(r"\s*\(.*?\)\s*", " ", full).strip()
    full = re.sub(r"^(?:Mr|Mrs|Miss|Ms|Dr|Sir|Dame|Rt Hon|Hon|Lord|Lady|Captain|Colonel|Major|General|Admiral|Rev)\.?\s+", "", full)
    parts = full.split()
    return (" ".join(parts[:-1]), parts[-1]) if parts else ("", "")


def build(reference: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """(members, member_names, member_offices) rows from the reference folder."""
    people = _People()
    parlparse = reference / "parlparse" / "members"
    twfy_of: dict[str, str] = {}
    for person in _xml(parlparse / "people.xml").iter("person"):
        pid = person.get("id", "").rsplit("/", 1)[-1]
        for office in person.iter("office"):
            twfy_of[office.get("id", "")] = pid
    # Commons 2010-15 carry the MNIS id: the bridge between parlparse and the other sources.
    mnis_of_twfy: dict[str, str] = {}
    for m in _xml(parlparse / "all-members-2010.xml").iter("member"):
        twfy, mnis = twfy_of.get(m.get("id", "")), _mnis(m.get("datadotparl_id"))
        if twfy and mnis:
            mnis_of_twfy[twfy] = mnis
    # Odell: MNIS id, name, first entry
    odell_by_name: dict[str, str] = {}
    with (reference / "mps-1979-2017-odell" / "data" / "names.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            mnis = _mnis(row["proper_id"].strip())
            display = re.sub(r"\s*\(.*?\)\s*$", "", row["proper_name"]).strip()
            forename, surname = _split_full_name(row["proper_name"])
            key = people.person(_person_key(mnis, None, None), name=display, house="Commons", party=row["party"] or None, mnis_id=mnis, odell_id=mnis)
            people.spell(key, "Commons", surname, forename, start=row["house_start_date"], source="odell")
            odell_by_name.setdefault(name_key(display), mnis)
    for source, path in (("parlparse-1997", "all-members.xml"), ("parlparse-2010", "all-members-2010.xml")):
        for m in _xml(parlparse / path).iter("member"):
            twfy = twfy_of.get(m.get("id", ""))
            first, last = m.get("firstname", ""), m.get("lastname", "")
            mnis = _mnis(m.get("datadotparl_id")) or mnis_of_twfy.get(twfy or "") or odell_by_name.get(name_key(f"{first} {last}"))
            key = people.person(_person_key(mnis, twfy, None), name=f"{first} {last}".strip(), house="Commons", party=m.get("party"),
                                constituency=m.get("constituency"), twfy_person_id=twfy, mnis_id=mnis)
            if twfy and mnis:
                people.merge(key, _person_key(None, twfy, None))
            people.spell(key, "Commons", last, first, start=m.get("fromdate", ""), end=m.get("todate", ""), source=source)
    # IfG ministers: MNIS ids, every name a person had, Commons and Lords spells
    ifg = reference / "ifg-ministers" / "data"
    ifg_key: dict[str, str] = {}
    ifg_by_name: dict[str, str] = {}
    with (ifg / "person.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            mnis = _mnis(row["id_parliament"])
            key = people.person(_person_key(mnis, None, f"ifg:{row['id']}"), name=row["display_name"] or row["name"], mnis_id=mnis, ifg_person_id=row["id"])
            ifg_key[row["id"]] = key
            ifg_by_name[name_key(row["name"])] = key
            title = re.match(rf"^({TITLES})\s+(.+?)(?:\s+of\s+(.+))?$", row["name"])
            if title:
                people.spell(key, "Lords", title.group(2), title.group(1), title.group(3) or "", start=row["start_date"], end=row["end_date"], source="ifg")
    with (ifg / "appointment.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if key := ifg_key.get(row["person_id"]):
                people.offices.append({"key": key, "start_date": row["start_date"][:10], "end_date": row["end_date"][:10]})
    with (ifg / "representation.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = ifg_key.get(row["person_id"])
            if key and row["house"] == "Commons":
                name = people.rows[people.key(key)]["name"] or ""
                forename, surname = _split_full_name(name)
                people.spell(people.key(key), "Commons", surname, forename, start=row["start_date"], end=row["end_date"], source="ifg")
    # Lords since 1999
    for lord in _xml(parlparse / "peers-ucl.xml").iter("lord"):
        twfy = twfy_of.get(lord.get("id", ""))
        title, lordname, lordof = lord.get("title", ""), lord.get("lordname", ""), lord.get("lordofname", "")
        display = f"{title} {lordname}" + (f" of {lordof}" if lordof else "") if lordname else f"{title} of {lordof}"
        ifg_match = ifg_by_name.get(name_key(display)) or ifg_by_name.get(name_key(f"{title} {lordname}"))
        mnis = people.rows[people.key(ifg_match)]["mnis_id"] if ifg_match else None
        key = people.person(_person_key(mnis, twfy, None), name=display, house="Lords", party=lord.get("affiliation"), twfy_person_id=twfy, mnis_id=mnis)
        if ifg_match:
            people.merge(key, ifg_match)
        people.spell(key, "Lords", lordname or lordof, title, lordof, start=lord.get("fromdate", ""), end=lord.get("todate", ""), source="parlparse-lords")
    # Commons to 1947
    with (reference / "hansard-speakers-19c" / "data" / "mps" / "speakers-names" / "speakers_terms.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            forename, surname = _split_full_name(row["fullname"])
            # a term without a member id is a person of its own, not one person of all of them
            ident = row["member_id"] if row["member_id"].isdigit() else f"{name_key(row['fullname'])}:{row['start_term']}"
            key = people.person(f"s19:{ident}", name=re.sub(r"^(?:Mr|Sir|Dr|Mrs|Lord)\s+", "", row["fullname"]).strip(), house="Commons", constituency=row["location"] or None)
            # A term is one Parliament: without an end date it ended at most seven years
            # on (the longest a Parliament could sit before 1911), and by 1947 when the list ends.
            start = row["start_term"] if re.match(r"\d{4}-\d\d-\d\d", row["start_term"] or "") else ""
            end = row["end_term"] if re.match(r"\d{4}-\d\d-\d\d", row["end_term"] or "") else (
                f"{int(start[:4]) + 7}{start[4:]}" if start else "1947-12-31")
            people.spell(key, "Commons", surname, forename, start=start, end=end, source="hansard-speakers-19c")
    return _finish(people)


def member_id(key: str) -> str:
    """Stable id of a person from their strongest external id."""
    return "m-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _finish(people: _People) -> tuple[list[dict], list[dict], list[dict]]:
    members = []
    for key, row in people.rows.items():
        members.append({**row, "member_id": member_id(key)})
    names = []
    for spell in people.spells:
        key = people.key(spell["key"])
        if key in people.rows:
            names.append({**{k: v for k, v in spell.items() if k != "key"}, "member_id": member_id(key)})
    members.sort(key=lambda r: r["member_id"])
    names = sorted({tuple(n[f] or "" for f in NAME_FIELDS): n for n in names}.values(), key=lambda n: tuple(n[f] or "" for f in NAME_FIELDS))
    offices = sorted({(member_id(people.key(o["key"])), o["start_date"], o["end_date"]) for o in people.offices if people.key(o["key"]) in people.rows})
    return members, names, [dict(zip(OFFICE_FIELDS, o)) for o in offices]


def write(members: list[dict], names: list[dict], offices: list[dict], folder: Path = MEMBERS_CSV.parent) -> None:
    """members.csv, member_names.csv and member_offices.csv in ``folder``."""
    for path, fields, rows in (
        (folder / MEMBERS_CSV.name, MEMBER_FIELDS, members),
        (folder / MEMBER_NAMES_CSV.name, NAME_FIELDS, names),
        (folder / MEMBER_OFFICES_CSV.name, OFFICE_FIELDS, offices),
    ):
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            out.writeheader()
            for row in rows:
                out.writerow({f: row.get(f) or "" for f in fields})
