"""The body that answers a question (``questions.answering_body_id``), from what the page says.

In order of trust: the Written Questions API's answering body; the
department the answer is grouped under ("HOME DEPARTMENT", "FOREIGN AND
COMMONWEALTH AFFAIRS"); the office the question is addressed to ("the
Secretary of State for Defence"); the answerer's office ("The Minister of
State, Home Office (Lord Bassam of Brighton)"). Offices and headings become
department names by a few grammatical forms ("Secretary of State for X" ->
"Department for X", "Ministry of X" ...) and by ``pipeline/reference/offices.csv``
for the offices that name no department ("Chancellor of the Exchequer"),
each dated; names resolve against the agencies reference table, the body in
office at the sitting date winning. Null only when nothing on the page says.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from pipeline.extract.agencies import Agency
from pipeline.extract.names import slug
from pipeline.metadata.enums import AgencyKind
from pipeline.reference import AGENCIES_CSV, REFERENCE_DIR

OFFICES_CSV = REFERENCE_DIR / "offices.csv"
_GOVERNMENT = re.compile(r"^(?:Her|His) Majesty(?:'|’)?s Government$", re.IGNORECASE)


def _key(name: str) -> str:
    name = name.lower().replace("’", "'").replace("&", " and ")
    name = re.sub(r"^the\s+|^h\.?\s?m\.?\s+|^her majesty's\s+|^his majesty's\s+", "", name.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.replace("'s", "s")).split())


@dataclass(frozen=True)
class _Dated:
    agency: Agency
    start: int | None
    end: int | None

    def serves(self, year: int | None) -> bool:
        return year is None or ((self.start is None or self.start <= year) and (self.end is None or year <= self.end))


def _year(value: str) -> int | None:
    return int(value) if value and value.isdigit() else None


@cache
def _by_name() -> dict[str, list[_Dated]]:
    """Every name and alias of the reference table, by its key."""
    index: dict[str, list[_Dated]] = {}
    with AGENCIES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            dated = _Dated(Agency(row["agency_id"], row["name"], row["acronym"] or None, row["kind"]), _year(row["start_year"]), _year(row["end_year"]))
            for name in [row["name"], *row["aliases"].split("|")]:
                if name.strip():
                    index.setdefault(_key(name), []).append(dated)
    return index


@cache
def _offices() -> dict[str, list[tuple[str, int | None, int | None]]]:
    table: dict[str, list[tuple[str, int | None, int | None]]] = {}
    with OFFICES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table.setdefault(_key(row["office"]), []).append((row["department"], _year(row["from_year"]), _year(row["to_year"])))
    return table


_SUBJECT_OFFICE = re.compile(
    r"\b(?:(?:Parliamentary\s+)?Under[- ]Secretary of State|Secretary of State|Minister of State|Minister|President of the Board)\s+(?:of|for)\s+(?P<article>the\s+)?(?P<subject>[A-Z].*)$"
)


def _candidate_names(phrase: str) -> list[str]:
    """Department names a heading or an office may stand for, most literal first."""
    phrase = " ".join(phrase.replace("’", "'").split()).strip(" .,;:")
    if not phrase:
        return []
    if phrase.isupper():
        phrase = " ".join(w if w in ("AND", "OF", "FOR", "THE") else w.capitalize() for w in phrase.split()).replace("AND", "and").replace(" OF ", " of ").replace(" FOR ", " for ").replace("THE ", "the ")
    names = [phrase]
    subject, article = phrase, ""
    if m := _SUBJECT_OFFICE.search(phrase):
        subject, article = m.group("subject").strip(), "the " if m.group("article") else ""
    if subject.startswith("the "):
        subject, article = subject[4:], "the "
    if subject.endswith(" Department"):
        names.append(subject[: -len(" Department")] + " Office")
    if subject.endswith(" Affairs"):
        names += [subject[: -len(" Affairs")] + " Office", f"Department of {subject}", f"Department for {subject}"]
    names += [f"Department for {article}{subject}", f"Department of {article}{subject}", f"Ministry of {article}{subject}", f"Ministry for {subject}", f"{subject} Office", subject]
    return list(dict.fromkeys(names))


def resolve(phrase: str | None, year: int | None) -> Agency | None:
    """The agency a department heading, an office or a body's name stands for at ``year``."""
    if not phrase or _GOVERNMENT.match(phrase.strip()):
        return None
    index, offices = _by_name(), _offices()
    found: list[_Dated] = []
    for name in _candidate_names(phrase):
        for department, start, end in offices.get(_key(name), []):
            if (start is None or year is None or start <= year) and (end is None or year is None or year <= end):
                return _pick(index.get(_key(department), []), year) or Agency(slug(department), department, None, AgencyKind.UK_CENTRAL_GOVERNMENT)
        found += index.get(_key(name), [])
    # The first name that was a body at that date; else the first name at all.
    return _pick(found, year)


def _pick(matches: list[_Dated], year: int | None) -> Agency | None:
    serving = [m for m in matches if m.serves(year)]
    chosen = serving or matches
    return chosen[0].agency if chosen else None


def _office_parts(office_and_name: str) -> list[str]:
    """'The Minister of State, Home Office (Lord Bassam of Brighton)' -> ['Home Office', 'The Minister of State']."""
    office = re.sub(r"\s*\([^()]*\)\s*$", "", office_and_name).strip()
    if office == office_and_name.strip() and not office.lower().startswith("the "):
        return []  # a name only ("Lord Rooker"), no office
    parts = [p.strip() for p in office.split(",") if p.strip()]
    return [*reversed(parts[1:]), parts[0]] if parts else []


_GOVERNMENT_KINDS = {AgencyKind.UK_CENTRAL_GOVERNMENT, AgencyKind.UK_AGENCY_OR_BODY, AgencyKind.UK_POLICE_OR_JUSTICE, AgencyKind.DEVOLVED_OR_LOCAL, AgencyKind.PARLIAMENT}


def named_inside(office: str) -> Agency | None:
    """The longest government body named inside an office ("The Minister of State, Department for
    Environment, Food and Rural Affairs" names the department)."""
    from pipeline.extract.agencies import find_agencies, gazetteer

    found = [m for m in find_agencies(office, {}, [], gazetteer()) if m.agency.kind in _GOVERNMENT_KINDS and m.agency.agency_id in gazetteer().by_id]
    return max(found, key=lambda m: m.end - m.start).agency if found else None


def _office_of(phrase: str, year: int | None) -> Agency | None:
    return resolve(phrase, year) or next((a for part in _office_parts(phrase) if (a := resolve(part, year))), None) or named_inside(phrase)


@cache  # the same headings and offices recur on every page of a day
def answering_body(api_body: str | None, department: str | None, addressee: str | None, answerer: str | None, year: int | None) -> Agency | None:
    """The answering body of one question, from the first piece of evidence that names one."""
    if api_body:
        return resolve(api_body, year) or Agency(slug(api_body), api_body, None, AgencyKind.UK_CENTRAL_GOVERNMENT)
    if department and (found := resolve(department, year)):
        return found
    for phrase in (addressee, answerer):
        if phrase and (found := _office_of(phrase, year)):
            return found
    return None
