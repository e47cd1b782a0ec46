"""Agencies named in a text (GUIDELINES.md, "Agencies").

Three sources of mentions, in order of trust:
1. the curated reference table (``pipeline/reference/agencies.csv``), matched
   with an Aho-Corasick automaton over names, aliases and safe acronyms;
2. acronyms the text defines ("National Criminal Intelligence Service
   (NCIS)"), which also resolve later bare uses in the same question;
3. well-formed organisation names not in the table ("the Poppy Project",
   "Independent Monitoring Commission"), which become agencies of kind
   ``other``.
Names inside offices ("Secretary of State for the Home Department") and
inside instrument titles are not mentions.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from pipeline.extract.names import COMPANY_SUFFIXES, COMPASS, DAY_OR_MONTH, DEMONYMS, ESTABLISHMENT_HEADS, FUNDER_WORD, ORG_HEADS, WordGate, listed_subjects_start, match_view, slug
from pipeline.metadata.enums import AgencyKind
from pipeline.reference import AGENCIES_CSV


# Two-letter acronyms are matched from the table only when they are unambiguous.
_SAFE_SHORT_ACRONYMS = {"EU", "UN"}
# A company's legal suffix ends its name: it takes no subject ("Angel Trains Limited for the Class 390 units").
_COMPANY_GOES_ON = re.compile(rf"\b(?:{COMPANY_SUFFIXES})(?= (?:of|for) )")
_CAPWORD = r"[A-Z][\w'’&\-]*"
_TAKES_ON_HEADS = "Commission|Committee|Council|Taskforce|Task Force|Working Group|Panel|Forum"
_TAKES_ON = "(?:" + "|".join(f"(?<={head})" for head in _TAKES_ON_HEADS.split("|")) + ")"  # (the same heads, read back)
_GOVERNMENT_OF = r"(?:(?:Interim|Transitional|Provisional|Federal)[^\S\n]+Government[^\S\n]+(?:of|in)|Government[^\S\n]+of)"
# Capitalised words joined by "of (the)", "for (the)", "on", "in" or "and" (never "and the"):
# "Organised Immigration Crime Section", "Foreign and Commonwealth Office", "Government of Sudan".
# A name never runs over a line break: list items and table cells are lines of the answer.
# A body's head words: an organisation's, and a named establishment's (names.ESTABLISHMENT_HEADS).
# (and, for the agency rules alone, a named team, "the Research and Information Team", and a group's head
# words printed in lower case, "the Shipyard of the Future Task and Finish group", "the Supplier Engagement
# Sub-group"; a lower-case "group" alone is too often an ethnic or age group's)
_BODY_HEADS = f"{ORG_HEADS}|{ESTABLISHMENT_HEADS}|Team|Task and Finish group|Sub-group"
_A_HEAD_OF_ITS_OWN = re.compile(rf"\b(?:{_BODY_HEADS})\b")
# A new name's last words "for" a body of the table, a lower-case word after them: what the body serves ("for NHS dental care").
_SERVES_A_BODY = re.compile(r"^.+( for )((?:the )?[A-Z][\w'’&\- ]*)$")
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")
_HEAD_LAST = re.compile(rf"\b(?:{_BODY_HEADS})$")
# A military unit's head word, after its number ("28 Regiment", "1st Battalion").
_UNIT_HEADS = "Regiment|Brigade|Battalion|Squadron|Division|Flotilla|Wing"
_ORG_NAME = re.compile(
    rf"\b(?:{_CAPWORD}(?:[^\S\n]+(?:(?:of|for|on|in)(?:[^\S\n]+the)?|and|&))?[^\S\n]+){{1,8}}(?:{_BODY_HEADS})\b"
    # (a region's word after the head is the name's: "Coastal Partnership East")
    rf"(?:[^\S\n]+(?:{COMPASS})\b(?![^\S\n]+(?:[A-Z]|of\b)|[\w'’-]))?"
    # ... "of/for" and its subject ("International Council for the Exploration of the Seas"), or "on" and its
    # subject after a head that takes one ("UK Commission on Bereavement", "Ministerial Taskforce on Child
    # Poverty"; never a day or a month: "the Commission on Monday"; "the Home Office on Defence" is no name)
    rf"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:(?:and|&)[^\S\n]+|of[^\S\n]+(?:the[^\S\n]+)?)?{_CAPWORD}){{0,3}}"
    # (a treaty body's subject, "the ... of": "UN Committee on the Rights of Persons with Disabilities"; not a
    # topic: "Committee on the Men's Health Strategy")
    rf"|{_TAKES_ON}[^\S\n]+on(?![^\S\n]+{DAY_OR_MONTH}\b)[^\S\n]+(?:the[^\S\n]+(?={_CAPWORD}(?:[^\S\n]+{_CAPWORD})?[^\S\n]+of[^\S\n]){_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+|with[^\S\n]+|of[^\S\n]+(?:the[^\S\n]+)?)?{_CAPWORD}){{0,3}}"
    rf"|{_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+|of[^\S\n]+(?:the[^\S\n]+)?)?{_CAPWORD}){{0,3}}))?"
    # a government by its country ("the Government of the Democratic Republic of the Congo", "the Interim
    # Government in Bangladesh") or by its people or letters ("the Ethiopian Government", "the DRC Government");
    # the UK's own is "the Government" (GUIDELINES.md), and the devolved ones are in the table
    rf"|\b(?:the[^\S\n]+)?{_GOVERNMENT_OF}[^\S\n]+(?:the[^\S\n]+)?(?!United Kingdom\b){_CAPWORD}(?:[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?{_CAPWORD}){{0,3}}"
    # a head before its subject: "the Association of British Insurers", "the Board of Agriculture", "(b) Task
    # Force for International Cooperation on Air Pollution" (after "the" or a list's letter; a second subject
    # "on" two words after the heads that take one: "the Committee of Ministers on Ukraine" is the committee),
    # "a Council of Nations and Regions" (after "a", a subject of two words: "a Panel of Experts" is a kind)
    rf"|\b(?:(?<=[Tt]he )|(?<=\) ))(?:(?:{_TAKES_ON_HEADS})[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+)?{_CAPWORD}){{0,3}}"
    rf"[^\S\n]+on(?![^\S\n]+{DAY_OR_MONTH}\b)[^\S\n]+{_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+)?{_CAPWORD}){{1,3}}"
    rf"|(?:{_BODY_HEADS})[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+)?{_CAPWORD}){{0,3}})"
    rf"|\b(?:(?<=\b[Aa] )|(?<=\ban ))(?:{_BODY_HEADS})[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:and[^\S\n]+)?{_CAPWORD}){{1,3}}"
    # "University of York", "University of the West of England"
    rf"|\bUniversity of (?:the[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:of[^\S\n]+)?{_CAPWORD}){{0,3}}"
    # military units: "28 Regiment Royal Engineers", "42 Commando", "1st Battalion, The Royal Irish Regiment", "3 Commando Brigade Royal Marines"
    rf"|\b\d{{1,3}}(?:st|nd|rd|th)?[^\S\n]+(?:{_CAPWORD}[^\S\n]+){{0,3}}(?:{_UNIT_HEADS})\b"
    rf"(?:,?[^\S\n]+(?:The[^\S\n]+)?{_CAPWORD}(?:[^\S\n]+(?:of[^\S\n]+)?{_CAPWORD}){{0,4}})?"
    # (a commando by its number alone, its corps apart: "(c) 45 Commando Royal Marines"; not "120 Commando recruits")
    rf"|\b\d{{1,3}}[^\S\n]+Commando\b(?![^\S\n]+[a-z]{{3,}}s\b)"
    # (and a force by its number after its name, never a year or a count: "Commando Force 333", "Afghan
    # Territorial Force 444"; not "Border Force 2023 figures", "Royal Air Force 31,140")
    rf"|\b(?:{_CAPWORD}[^\S\n]+){{1,3}}Force[^\S\n]+(?!(?:19|20)\d\d\b)\d{{2,4}}\b(?![,.]\d)"
)
# Prisons and young offender institutions by their prefix ("HMP Garth", "HMYOI Wetherby",
# "HM Prison Pentonville", "HMP & YOI Doncaster", "HMP Isle of Wight"): named establishments of the
# prison service, a body each for the labels (GUIDELINES.md: named units with a capitalised proper name).
_ESTABLISHMENT = re.compile(
    r"\b(?:(?P<prison>HMP(?:[^\S\n]*(?:&|and|/)[^\S\n]*YOI)?|HM[^\S\n]+Prison(?:[^\S\n]+and[^\S\n]+Young[^\S\n]+Offender[^\S\n]+Institution)?)"
    r"|HMYOI|HM[^\S\n]+Young[^\S\n]+Offender[^\S\n]+Institution)"
    rf"[^\S\n]+(?P<place>{_CAPWORD}(?:[^\S\n]+(?:of[^\S\n]+)?{_CAPWORD}){{0,2}})"
)
# Words after the prefix that are not a prison's place: "HM Prison Estate", "HMP Governors".
_NOT_A_PLACE = {"The", "In", "On", "At", "And", "For", "Is", "Was", "I", "We", "It", "Estate", "Estates", "Governor", "Governors",
                "Officer", "Officers", "Staff", "Group", "Groups", "Establishments"}


def _establishments(text: str, view: str) -> list[AgencyMention]:
    """Prisons named by their prefix, one body per prison whichever prefix prints it."""
    found = []
    for m in _ESTABLISHMENT.finditer(view):
        place = re.sub(r"['’]s$", "", m.group("place")).split()
        while place and (place[-1] in _NOT_A_PLACE or place[-1] == "of" or re.fullmatch(_BODY_HEADS, place[-1])):
            place.pop()  # "HM Prison Service" is the service itself, a curated body
        if not place or place[0] in _NOT_A_PLACE:
            continue
        end = m.start("place") + len(" ".join(place))
        name = f"{'HMP' if m.group('prison') else 'HMYOI'} {' '.join(place)}"
        found.append(AgencyMention(m.start(), end, text[m.start() : end], Agency(slug(name), name, None, AgencyKind.UK_POLICE_OR_JUSTICE)))
    return found


# A foreign government by its people or its letters ("the Ethiopian Government", "the DRC Government"), from a
# list (the shape "-an Government" reads "the Callaghan Government"); the UK's own is "the Government"
# (GUIDELINES.md) and the devolved ones are in the table. Found from each " Government" (a literal the scan
# skips to), the word before it read from a short window.
# ("the French Government", and without the article after a linking word: "the European Commission and French Government")
_DEMONYM_BEFORE_GOVERNMENT = re.compile(
    rf"(?:\b[Tt]he|\b(?:and|or|both|with|by|from|of|to)|^|[.!?:;])[^\S\n]*(?<![\w'’\-])({'|'.join(sorted(DEMONYMS, key=len, reverse=True))})$", re.MULTILINE
)


def _word_ends(view: str, word: str, joiners: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``word`` in ``view`` that no letter, digit or one of ``joiners`` runs on from (str.find
    skips to it at C speed: a pattern that looks behind is tried at every position)."""
    at = view.find(word)
    while at != -1:
        end = at + len(word)
        if end == len(view) or not (view[end].isalnum() or view[end] in joiners):
            yield at, end
        at = view.find(word, end)


def _foreign_governments(text: str, view: str) -> list[AgencyMention]:
    """Foreign governments named by their people ("the Ethiopian Government"), as the country's ("Government of Ethiopia")."""
    found = []
    # (a word may follow, and a possessive: "the Israeli Government's")
    for at, end in _word_ends(view, " Government", "-"):
        if m := _DEMONYM_BEFORE_GOVERNMENT.search(view, max(0, at - 24), at):
            name = f"Government of {DEMONYMS[m.group(1)]}"
            found.append(AgencyMention(m.start(1), end, text[m.start(1) : end], Agency(slug(name), name, None, AgencyKind.OTHER)))
    return found


# A charity's or company's name ending in "UK" ("Age UK", "Prostate Cancer UK", "CARE International UK",
# "News UK"): one to three capitalised words before it, the first no sentence opener, and no capitalised
# word after ("UK Government" is the UK's). Found from each " UK" literal, like the governments.
_NAME_BEFORE_UK = re.compile(r"(?<![\w'’&\-])((?:[A-Z][\w'’&\-]*[^\S\n]+){1,3})$")


# A police force's districts and branches by their letters ("S District", "C11 Branch" of the Metropolitan
# Police in the 1985 tables; dev's "F District"): not a sentence's "A District Council" or "A Branch of ...".
# (a cell's end: the end of its line, a stop or "and"; not after a label's word, "Table B District figures")
_POLICE_UNIT = re.compile(
    r"(?<![\w'’.-])(?<![.!?:] )(?<!Table )(?<!Annex )(?<!Appendix )(?<!Schedule )(?<!Part )(?<!Section )(?<!Grade )(?<!Zone )(?<!Area )(?<!Plan )(?<!Class )(?<!Category )"
    r"[A-Z]\d{0,3}[^\S\n]+(?:District|Branch)\b(?=[^\S\n]*(?:$|\n|[,;.)]|and\b|\d))"
)


def _police_units(text: str, view: str) -> list[AgencyMention]:
    """A police force's districts and branches named by their letters."""
    return [AgencyMention(m.start(), m.end(), text[m.start() : m.end()], Agency(slug(m.group(0)), m.group(0), None, AgencyKind.OTHER)) for m in _POLICE_UNIT.finditer(view)]


def _uk_named(text: str, view: str) -> list[AgencyMention]:
    """Charities and companies named with "UK" at the end ("Age UK")."""
    found = []
    for at, end in _word_ends(view, " UK", "-’'"):
        if not _CAPITAL_AFTER.match(view, end) and (m := _NAME_BEFORE_UK.search(view, max(0, at - 60), at + 1)):
            words = m.group(1).split()
            while words and (words[0] in _NOT_NAME_START or words[0] in _NOT_BEFORE_UK):
                words = words[1:]
            if words:
                start = end - len(" ".join(words)) - 3
                name = text[start:end]
                found.append(AgencyMention(start, end, name, Agency(slug(name), name, None, AgencyKind.OTHER)))
    return found


# The UK's missions abroad, named by their place ("the British Embassy in Lima", "our High Commission in
# Dhaka", "HM Embassy Cairo"): one body each, as the labels name them ("British Embassy Lima"). Without
# "British", "UK" or "HM" before it the mission is ours only after "the" or "our" and with "in"
# ("its Embassy in London" is another country's).
_MISSION_HEADS = ("High Commission", "Embassy", "Consulate-General", "Consulate")  # (longest first: "Consulate-General")
_MISSION_GATE = WordGate(_MISSION_HEADS)
_MISSION = re.compile(
    r"(?:(?P<owner>British|UK|HM|His[^\S\n]+Majesty['’]s|Her[^\S\n]+Majesty['’]s)[^\S\n]+)?"
    r"(?<![\w'’\-])(?P<head>(?:Deputy[^\S\n]+)?(?:" + "|".join(h.replace(" ", r"[^\S\n]+") for h in _MISSION_HEADS) + "))"
    r"(?P<in>[^\S\n]+in)?[^\S\n]+(?P<place>[A-Z](?:[\w'’\-]*\w)?(?:[^\S\n]+[A-Z](?:[\w'’\-]*\w)?){0,2})"
)
# A mission's name as _missions_abroad gives it: "British High Commission Nairobi".
_MISSION_NAME = re.compile(r"^(British (?:Deputy )?(?:" + "|".join(_MISSION_HEADS) + r")) [A-Z].*$")
_WORD_BEFORE = re.compile(r"([\w'’\-]+)[^\S\n]+$")


def _missions_abroad(text: str, view: str) -> list[AgencyMention]:
    """The UK's embassies, high commissions and consulates named with their place."""
    found = []
    for m in _MISSION.finditer(view):
        if not m.group("owner"):
            # without "British", "UK" or "HM" the mission is ours only after "the" or "our", and with "in"
            # ("its Embassy in London", "a foreign Embassy in Kabul" are another country's)
            before = _WORD_BEFORE.search(view, max(0, m.start() - 30), m.start())
            if not m.group("in") or not before or before.group(1).lower() not in ("the", "our"):
                continue
        # the place's words, as (start, end) in the view: it ends before a person's title ("the Embassy in
        # Moscow Mr Smith said"), and without a possessive ("the British Embassy in Kyiv’s staff")
        spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", view[: m.end("place")]) if w.start() >= m.start("place")]
        cut = next((k for k, (a, b) in enumerate(spans) if view[a:b] in _TITLES_AFTER_PLACE), len(spans))
        spans = spans[:cut]
        if not spans:
            continue
        end = spans[-1][1] - (2 if re.search(r"['’]s$", view[spans[-1][0] : spans[-1][1]]) else 0)
        words = view[spans[0][0] : end].split()
        if words[0] in _NOT_NAME_START or " ".join(words) in _UK_PLACES:
            continue
        name = f"British {' '.join(m.group('head').split())} {' '.join(words)}"
        found.append(AgencyMention(m.start(), end, text[m.start() : end], Agency(slug(name), name, None, AgencyKind.OTHER)))
    return found


_TITLES_AFTER_PLACE = {"Mr", "Mrs", "Ms", "Dr", "Lord", "Lady", "Sir", "Dame", "Minister", "Ambassador", "Secretary", "President", "Prime"}
_UK_PLACES = {"London", "Edinburgh", "Cardiff", "Belfast", "the UK", "the United Kingdom"}


_CAPITAL_AFTER = re.compile(r"[^\S\n]+[A-Z]")
# A service's letters before a station's or a ship's name are that name's, not the service ("RAF Brize
# Norton", "RFA ARGUS": places and vessels, GUIDELINES.md); not before a head word ("RAF Regiment"), a
# figure's row ("RAF Regular 30", "RAF Total"), or the service's own things ("RAF Museum", "RAF Typhoon").
_STATION_OR_SHIP = re.compile(r"[^\S\n]+(?:(?P<ship>[A-Z]{3,})\b|(?P<station>[A-Z][a-z][\w'’\-]*)\b(?![^\S\n]+\d))")
_NOT_A_STATION = {
    "Total", "Regular", "Regulars", "Reserve", "Reserves", "Museum", "Benevolent", "Air", "Cadets", "Typhoon", "Chinook", "Voyager",
    "Atlas", "Puma", "Personnel", "Command", "Officer", "Officers", "Staff", "Families", "Veterans", "Charitable", "Sports", "Police",
}


def _prefixes_a_name(mention: AgencyMention, view: str) -> bool:
    """Whether a mention of "RAF" or "RFA" is the first word of a station's or a ship's name."""
    if mention.surface not in ("RAF", "RFA") or not (after := _STATION_OR_SHIP.match(view, mention.end)):
        return False
    if after.group("ship"):
        return mention.surface == "RFA"  # ("RFA ARGUS"; "RAF ISTAR" is no station)
    return after.group("station") not in _NOT_A_STATION and not _A_HEAD_OF_ITS_OWN.fullmatch(after.group("station"))
_COMPANY_SUFFIX_END = re.compile(rf"[^\S\n]+(?:{COMPANY_SUFFIXES})$")
_NOT_BEFORE_UK = {"Several", "Most", "Many", "Other", "Few", "Major", "Leading", "Key", "Visit", "Made", "Team", "Whole", "Rest", "Great", "Britain", "England", "Scotland", "Wales", "Ireland", "Northern", "Global", "Across", "Regions", "Nations"}


# Words that end the names of places, not bodies (a named hospital, infirmary, school or college is a body:
# names.ESTABLISHMENT_HEADS; a prison is named as an establishment by its prefix, "HMP Garth", _ESTABLISHMENT).
_PLACE_WORDS = r"(?:Medical Centre|Health Centre|Prison)"
# Names that are places or outlets, not bodies (GUIDELINES: "the Library of the House").
# (people are no body: "Members of Parliament", "Members of the House of Lords" are its members)
_NOT_AGENCIES = re.compile(rf"Librar(?:y|ies)|^Official Report$|^Hansard$|^Vote Office$|{_PLACE_WORDS}$|^(?:[Tt]he )?Members? of (?:the )?(?:Parliament|House|Scottish Parliament|Senedd|Assembly)\b")
# A place's word after a name makes the name part of the place's: "the Grove Medical Centre".
_PLACE_AFTER = re.compile(rf"[^\S\n]+{_PLACE_WORDS}s?\b")
# A new name that runs on into another capitalised word is part of a longer name, not a body's
# ("the Offence Group Classifications file"); a unit by its number is not ("45 Commando Royal Marines").
_NAME_RUNS_ON = re.compile(r"[^\S\n]+[A-Z][a-z]")
# Aliases too often used as adjectives ("Commonwealth immigrants") or as a description
# of people rather than a body ("the Civil Service" of a department's staff).
_AMBIGUOUS_ALIASES = {"Commonwealth", "Civil Service"}
_NOT_NAME_START = {
    "The", "This", "That", "These", "Those", "A", "An", "In", "Our", "His", "Her", "Its", "Their", "Each", "Every",
    "Any", "All", "No", "Some", "My", "Her", "Both", "Neither", "Such", "Which", "What", "When", "Where", "If",
    "Since", "As", "At", "By", "For", "From", "On", "To", "With", "Under", "Local", "Government", "Departmental",
    "Department", "Minister", "Ministers", "Secretary", "Whether", "How", "Why", "Further", "However", "Also",
    # prepositions that open a sentence ("Within Customer Compliance Group, staff are deployed")
    "Within", "Across", "Through", "Throughout", "Following", "During", "After", "Before", "Between", "Including", "Via", "Among", "Against", "Without",
}
# Offices held by people: names inside them are not agency mentions.
_OFFICE = re.compile(
    rf"\b(?:Secretary of State|Minister(?: of State)?|Under-Secretary(?: of State)?|Parliamentary Secretary|"
    rf"Parliamentary Under-Secretary(?: of State)?|President|Chancellor|Leader|First Lord|Lord President|"
    rf"Paymaster General|Financial Secretary|Chief Secretary|Economic Secretary|Exchequer Secretary|"
    rf"Solicitor[- ]General|Attorney[- ]General|Special Representative|Commissioner|Chairman|Chair|Director|"
    rf"Chief Executive(?: Officer)?|Chief Operating Officer|Ambassador|Governor|Permanent Secretary|Director[- ]General|Chief Inspector|Registrar|"
    rf"Comptroller and Auditor General|Chief Whip|Whip|Spokesman|Head)\s+(?:(?:of|for|to|at|in)\s+(?:the\s+)?)"
    # (the office's body ends where another office begins: "the Minister for the Cabinet Office and the
    # Secretary of State for the Home Department" is two offices)
    rf"(?:{_CAPWORD}(?:,?\s+(?:and\s+|of\s+|the\s+)*(?!(?:Secretary|Minister|Under-Secretary|Parliamentary\s+(?:Secretary|Under-Secretary)|Chancellor|Paymaster|Attorney|Solicitor)\b){_CAPWORD})*)"
    # "the UN Secretary-General", "the Treasury Solicitor": a body's name before an office
)
_OFFICE_AFTER_BODY = re.compile(
    rf"\b(?:{_CAPWORD}\s+){{1,4}}(?:Secretary-General|Secretary General|Special Representative|Special Envoy|High Commissioner|"
    rf"Solicitor|Spokesman|Ambassador|Chief Executive|Chairman|Director|Minister|Ministers)\b"
    rf"|\bHouse of Commons Library\b|\bLibrar(?:y|ies) of (?:the|both) Houses?(?: of (?:Commons|Lords|Parliament))?"
)
# Starts only where a word starts: inside one long run of capitals every position was a new start.
# (most brackets hold no acronym, "(a)", "(2023)": the definition's pattern runs only where one does)
_BRACKETED_ACRONYM = r"\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)"
_ACRONYM_DEFINITION = re.compile(rf"(?<![\w'’&\-])(?P<name>(?:{_CAPWORD},?\s+(?:(?:of|for|and|on|in|the|&)\s+)*){{1,9}}){_BRACKETED_ACRONYM}")
_ANY_BRACKETED_ACRONYM = re.compile(_BRACKETED_ACRONYM)
_STOP = {"of", "for", "and", "on", "in", "the", "&"}


# Answers go on naming a body by its acronym for some years after it ends, in tables of past years
# ("DETR, DSS and MAFF were reorganised after the 2001 general election", printed in 2009); past that,
# an acronym means something else ("ODA" in 2024 is Official Development Assistance, not the Olympic
# Delivery Authority, 1996-2014). Set between those two cases, the only ones the labelled sets hold.
ACRONYM_AFTERLIFE_YEARS = 8


@dataclass(frozen=True)
class Agency:
    agency_id: str
    name: str
    acronym: str | None
    kind: str
    start_year: int | None = None  # the years the reference table gives the body, where it gives them
    end_year: int | None = None

    def existed_in(self, year: int | None, slack: int = ACRONYM_AFTERLIFE_YEARS) -> bool:
        """Whether the body existed in ``year``, give or take ACRONYM_AFTERLIFE_YEARS (a body is named
        before it starts, while it is set up; unknown years and dates count as existing)."""
        return year is None or (
            (self.start_year is None or self.start_year - slack <= year) and (self.end_year is None or year <= self.end_year + slack)
        )


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    surface: str
    agency: Agency


@dataclass(frozen=True)
class Gazetteer:
    automaton: ahocorasick.Automaton
    by_id: dict[str, Agency]
    # A body's content words in any order, for names the page misprints ("Department for Trade and
    # Business", "Department for Health and Social Care"): only keys one body holds.
    by_words: dict[tuple[str, ...], Agency]
    # Every body of a surface several share ("ORR": Office of Rail Regulation, then Office of Rail and Road).
    sharing: dict[str, tuple[str, ...]]
    # A body named with its place in brackets is printed without it, but only a text that names the place
    # means it: "Department of Justice" is Northern Ireland's beside "Northern Ireland", not the US's or Ireland's.
    placed: dict[str, str]
    # Surfaces with their head words in lower case, as older volumes print them ("the Metropolitan police",
    # "the Greater London council", "the North West water authority"): never a sentence's first words.
    lowered: frozenset[str] = frozenset()


_HIS_MAJESTY_S = re.compile(r"\b(?:(?:His|Her)\s+)?Majesty['’]s\b")


def _content_words(name: str) -> list[str]:
    """A name's words but "of", "and", "the" ..., lower-cased and singular."""
    # "His Majesty’s" and "Her Majesty’s" are the "HM" of the table's names
    words = [w.lower() for w in re.findall(r"[\w'’\-]+", _HIS_MAJESTY_S.sub("HM", name)) if w.lower() not in _STOP]
    return [re.sub(r"(?:ies|s)$", "", w) if len(w) > 3 else w for w in words]


def word_key(name: str) -> tuple[str, ...]:
    """A name's first content word, then the others sorted: the same body however the page orders or
    links the words after its head ("Department for Trade and Business"); a head moved to the end
    ("Committee on Foreign Affairs" against "Foreign Affairs Committee") is another body."""
    words = _content_words(name)
    return (words[0], *sorted(words[1:])) if words else ()


@cache
def gazetteer(path: Path = AGENCIES_CSV) -> Gazetteer:
    """The curated agencies table as an Aho-Corasick automaton over its names."""
    automaton = ahocorasick.Automaton()
    by_id: dict[str, Agency] = {}
    by_words: dict[tuple[str, ...], set[str]] = {}
    sharing: dict[str, list[str]] = {}
    placed: dict[str, str] = {}
    lowered: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            agency = Agency(row["agency_id"], row["name"], row.get("acronym") or None, row["kind"], _year(row.get("start_year")), _year(row.get("end_year")))
            by_id[agency.agency_id] = agency
            surfaces = [agency.name, *[a for a in (row.get("aliases") or "").split("|") if a.strip()]]
            # (with "&" for "and", as pages print it: "Department for Science, Innovation & Technology")
            surfaces += [variant for surface in surfaces if " and " in surface and (variant := surface.replace(" and ", " & ")) not in surfaces]
            acronym = agency.acronym
            if acronym and (len(acronym) >= 3 or acronym in _SAFE_SHORT_ACRONYMS):
                surfaces.append(acronym)
            if (qualified := _PLACE_QUALIFIED.fullmatch(agency.name)) and qualified.group(1) not in surfaces and match_view(qualified.group(1)) not in placed:
                placed[match_view(qualified.group(1))] = qualified.group(2)
                surfaces.append(qualified.group(1))
            # (not of an ambiguous alias, nor of a name the text means only beside its place)
            for variant in [lower for surface in surfaces if match_view(surface) not in _AMBIGUOUS_ALIASES and not (qualified and surface == qualified.group(1)) and (lower := _head_lowered(surface, _a_department_of_state(agency)))]:
                key = match_view(variant)
                if key not in automaton:
                    automaton.add_word(key, (len(key), agency.agency_id))
                    lowered.add(key)
            for surface in surfaces:
                key = match_view(surface.strip())
                if key in _AMBIGUOUS_ALIASES:
                    continue
                if len(key) < 3 and key not in _SAFE_SHORT_ACRONYMS:
                    continue
                # First row wins for a shared surface: rows are sorted by id.
                if key not in automaton:
                    automaton.add_word(key, (len(key), agency.agency_id))
                if agency.agency_id not in (ids := sharing.setdefault(key, [])):
                    ids.append(agency.agency_id)
                if len(words := word_key(surface)) >= 3 and re.search(rf"\b(?:{_BODY_HEADS})\b", surface):
                    by_words.setdefault(words, set()).add(agency.agency_id)
    automaton.make_automaton()
    unique = {words: by_id[next(iter(ids))] for words, ids in by_words.items() if len(ids) == 1}
    # (a place-qualified surface another body holds as its own is that body's)
    placed = {key: place for key, place in placed.items() if sharing.get(key) and len(sharing[key]) == 1}
    return Gazetteer(automaton, by_id, unique, {key: tuple(ids) for key, ids in sharing.items() if len(ids) > 1}, placed, frozenset(lowered - set(sharing)))


def _a_department_of_state(agency: Agency) -> bool:
    """A department of the UK government (the Post Office, listed among them until 1969, is a business)."""
    return agency.kind == AgencyKind.UK_CENTRAL_GOVERNMENT and agency.name != "Post Office"


_LOWERED_HEAD = re.compile(rf"^((?:[A-Z][\w'’\-]*[^\S\n]+){{1,4}}?)((?:[A-Z][a-z]+[^\S\n]+)?(?:{ORG_HEADS}))$")
# The heads older volumes print in lower case after a place's or a body's own name; after one word only those
# of police forces and councils ("Metropolitan police", "Kent county council"), not "Home office" or "Stock
# exchange", which are as often a firm's office or another city's exchange, unless the body is a department
# of state ("the Home office is unable to state").
_LOWERED_HEADS = {"Office", "Department", "Ministry", "Police", "Constabulary", "Council", "Authority", "Board", "Service", "Commission", "Agency", "Trust", "Tribunal", "Unit", "Corporation"}
_AFTER_ONE_WORD = {"Police", "Constabulary", "Council", "Authority"}


def _head_lowered(surface: str, department: bool = False) -> str | None:
    """The surface with its head word (and one word before it, if two capitalised words stay) in lower
    case: "Metropolitan Police" -> "Metropolitan police", "North West Water Authority" -> "North West water
    authority"; None for a surface of one word or not ending in a head."""
    if not (m := _LOWERED_HEAD.match(surface.strip())):
        return None
    proper, head = m.group(1), m.group(2)
    if len(head.split()) == 2 and len(proper.split()) < 2:
        proper, head = proper + head.split()[0] + " ", head.split()[1]
    if proper.split()[0] in ("The", "HM", "His", "Her") or head.split()[-1] not in _LOWERED_HEADS:
        return None
    if len(proper.split()) < 2 and head.split()[-1] not in _AFTER_ONE_WORD and not department:
        return None
    return proper + head.lower()


_PLACE_QUALIFIED = re.compile(r"(.+?) \((Northern Ireland|Scotland|England|Wales)\)")


def _year(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # An acronym may touch a hyphen ("a hybrid AU-UN force"); a name may not ("non-Home Office").
    joiners = "" if text[start:end].isupper() else "-"
    if text[max(0, start - 4) : start].lower() == "non-" and (start == 4 or not text[start - 5].isalpha()):
        return False  # "non-EU immigration" names no body ("Lebanon-EU" does)
    if after == "." and _DOMAIN.match(text, end):
        return False  # "the NHS.UK website", "GOV.UK": a web address, not a body
    return not (before.isalnum() or before in joiners) and not (after.isalnum() or after in joiners)


# (a capitalised ".UK" only before a word for a site: "the EU.UK businesses" is a missing space)
_DOMAIN = re.compile(r"\.(?:uk|gov|org|com|net)\b|\.UK\b(?=[^\S\n]+(?:website|site|page|pages|app)\b)")


# Words every office or place pattern holds: texts without any (85% of them) skip both.
_OFFICE_WORDS = WordGate((
    "Secretary", "Minister", "President", "Chancellor", "Leader", "Lord", "Paymaster", "General", "Representative",
    "Commissioner", "Chair", "Director", "Executive", "Ambassador", "Governor", "Inspector", "Registrar", "Whip",
    "Spokesman", "Head", "Librar", "Solicitor", "Envoy",
))
# Words every new-organisation pattern holds (a head noun, "Government of", a military unit).
_NAME_WORDS = WordGate((*_BODY_HEADS.split("|"), "Government of", "Government in", *_UNIT_HEADS.split("|"), "Commando", "Force"))


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Offices held by people, and places, in which no agency is mentioned."""
    if not _OFFICE_WORDS.any(text):
        return []
    return [(m.start(), m.end()) for pattern in (_OFFICE, _OFFICE_AFTER_BODY) for m in pattern.finditer(text)]


def define_acronyms(text: str, known: Gazetteer, excluded: list[tuple[int, int]] = ()) -> dict[str, Agency]:
    """Acronyms the text defines for organisations: 'Immigration Service (IS)'; none for a name inside an
    ``excluded`` span (an instrument's: "the Restoring Your Railways (RYR) programme")."""
    defined: dict[str, Agency] = {}
    if not _ANY_BRACKETED_ACRONYM.search(text):
        return defined
    view = match_view(text)
    for m in _ACRONYM_DEFINITION.finditer(view):
        acronym = m.group("acronym")
        letters = [c for c in acronym if c.isupper()]
        if len(letters) < 2:
            continue  # a bracketed word, not letters: "The Jubilee Sailing Trust (Tenacious) Limited"
        words = re.findall(r"[\w'&\-]+", m.group("name"))
        # The shortest tail of the name whose capitalised initials spell the acronym.
        for k in range(len(words) - 1, -1, -1):
            tail = words[k:]
            initials = [w[0] for w in tail if w.lower() not in _STOP]
            if initials == letters or "".join(initials).upper() == acronym.upper():
                name_start = view.rfind(tail[0], m.start("name"), m.end("name"))
                if any(a < m.end("name") and name_start < b for a, b in excluded):
                    break
                name = view[name_start : m.end("name")].strip().rstrip(",")
                agency = _resolve_name(name, known)
                if agency is not None:
                    defined[acronym] = Agency(agency.agency_id, agency.name, agency.acronym or acronym, agency.kind)
                break
            if len(initials) > len(letters):
                break
    return defined


_LETTERS_BEFORE = re.compile(r"^(?:NHS|HM|UK) (?=[A-Z])")


def one_body_per_short_form(mentions: list[AgencyMention], known: Gazetteer) -> list[AgencyMention]:
    """New bodies of one question that share a short form the question also prints are one body.

    "the Kerslake Commission on Armed Forces Housing ... the Kerslake Commission on Armed Forces
    Accommodation ... the Kerslake Commission": one commission, named by its first full name.
    Without the short form in the text, two names stay two bodies ("Select Committee on X" and
    "Select Committee on Y" are two committees).
    """
    def unlisted(mentions: list[AgencyMention]) -> list[AgencyMention]:
        return [m for m in mentions if m.agency.agency_id not in known.by_id and m.agency.kind == AgencyKind.OTHER]

    def renamed(mentions: list[AgencyMention], names: dict[str, Agency]) -> list[AgencyMention]:
        """The new bodies whose name ``names`` holds, as the body it gives (the table's bodies as they are)."""
        new_ids = {id(m) for m in unlisted(mentions)}
        return [AgencyMention(m.start, m.end, m.surface, names.get(m.agency.name, m.agency)) if id(m) in new_ids else m for m in mentions]

    new = unlisted(mentions)
    # a mission named once with its place and once without is one mission, by its place: "the British High
    # Commission in Nairobi ... posted to the British High Commission" (of one place only: two stay two)
    by_place: dict[str, set[Agency]] = {}
    for m in new:
        if cut := _MISSION_NAME.match(m.agency.name):
            by_place.setdefault(cut.group(1), set()).add(m.agency)
    placed = {bare: next(iter(agencies)) for bare, agencies in by_place.items() if len(agencies) == 1}
    if placed and any(m.agency.name in placed for m in new):
        mentions = renamed(mentions, placed)
        new = unlisted(mentions)
    # a new name printed once with a body's letters before it and once without is one body, by its fuller
    # name: "the NHS Norfolk and Waveney Integrated Care Board ... The Norfolk and Waveney Integrated Care Board’s"
    prefixed = {rest: m.agency for m in new if (rest := _LETTERS_BEFORE.sub("", m.agency.name, count=1)) != m.agency.name}
    if prefixed and any(m.agency.name in prefixed for m in new):
        mentions = renamed(mentions, prefixed)
        new = unlisted(mentions)
    shorts = {m.agency.name for m in new}
    canonical: dict[str, Agency] = {}  # short form -> the first full name printed
    for m in new:  # in text order
        if (cut := re.match(rf"(.+?\b(?:{_BODY_HEADS})) (?:on|of|for) ", m.agency.name)) and cut.group(1) in shorts:
            canonical.setdefault(cut.group(1), m.agency)
    if not canonical:
        return mentions

    def body(m: AgencyMention) -> Agency:
        if m.agency.agency_id in known.by_id or not (cut := re.match(rf"(.+?\b(?:{_BODY_HEADS}))(?: (?:on|of|for) (.+)|$)", m.agency.name)):
            return m.agency
        first = canonical.get(cut.group(1))
        if first is None or cut.group(2) is None:
            return first or m.agency  # the short form is the first full name's
        # another full name is the same body when its subject shares a word with the first's
        # ("... on Armed Forces Housing", "... on Armed Forces Accommodation"; not "... on Banking Standards", "... on Civil Society")
        subject = set(_content_words(first.name[len(cut.group(1)) :]))
        return first if subject & set(_content_words(cut.group(2))) else m.agency

    return [AgencyMention(m.start, m.end, m.surface, body(m)) for m in mentions]


def spelled_otherwise(texts: list[str], mentions: list[AgencyMention], known: Gazetteer) -> set[str]:
    """Bare acronyms of the reference table that the question spells out as something else.

    "restore the Official Development Assistance budget ... ODA spending": the table's ODA
    (Olympic Delivery Authority) is not what this question means by "ODA". Words of a body's
    shape ("National Health Services", a misprint) do not count against the table's body.
    """
    bare = {m.surface: m.agency for m in mentions if m.surface.isupper() and m.surface == m.agency.acronym and m.agency.agency_id in known.by_id}
    other: set[str] = set()
    for acronym, agency in sorted(bare.items()):
        spelling = _spelling(acronym)
        if spelling is None:
            continue
        for text in texts:
            for m in spelling.finditer(text):
                phrase = m.group(0)
                named = _resolve_name(phrase, known)
                if _same_words(phrase, agency.name) or (named is not None and named.agency_id == agency.agency_id):
                    continue
                # Another body with those initials ("Mayoral Combined Authorities" for MCA), or words that
                # name no body at all (a budget, a measure).
                if named is not None or not reference_spans(phrase, known):
                    other.add(acronym)
    return other


@cache
def _spelling(acronym: str) -> re.Pattern[str] | None:
    """Capitalised words whose initials spell ``acronym`` ("Official Development Assistance" for ODA); None unless all letters."""
    if not (acronym.isascii() and acronym.isalpha()):
        return None  # "DE&S", "MI5": no spelling to look for
    words = r"(?:[^\S\n]+(?:of|and|for|the|on|in)){0,2}[^\S\n]+".join(rf"{letter}[a-z][\w'’\-]*" for letter in acronym)
    return re.compile(rf"\b{words}\b")


def _same_words(phrase: str, name: str) -> bool:
    """Whether a spelled-out phrase is the body's own name, misprinted or in the plural: "Department for
    Health and Social Care", "National Health Services", "Driving and Vehicle Licensing Agency"."""
    a, b = _content_words(phrase), _content_words(name)
    return len(a) == len(b) and 2 * sum(x == y for x, y in zip(a, b)) >= len(a)


def _resolve_name(name: str, known: Gazetteer) -> Agency | None:
    # The whole name (or all of it but a leading "the") is a table surface.
    for end, (key_len, agency_id) in known.automaton.iter(name):
        if end == len(name) - 1 and len(name) - key_len <= 4:
            return known.by_id[agency_id]
    if re.search(rf"\b(?:{_BODY_HEADS})$", name) and name.split()[0] not in _NOT_NAME_START and not _GENERIC_NAME.match(name):
        return Agency(slug(name), name, None, AgencyKind.OTHER)
    return None


def _reference_matches(text: str, view: str, known: Gazetteer, year: int | None = None) -> list[AgencyMention]:
    """Every name, alias and safe acronym of the reference table in the text (one automaton pass).

    A bare acronym or a short name (one or two words) names a body only in the years the body
    existed: "ODA" in 2024 is Official Development Assistance, not the Olympic Delivery Authority
    (1996-2014). A longer name stays a mention whenever it is printed ("the former Department of
    Social Security").
    """
    found = []
    for end, (key_len, agency_id) in known.automaton.iter(view):
        start = end - key_len + 1
        if _bounded(view, start, end + 1):
            agency = known.by_id[agency_id]
            surface = view[start : end + 1]
            if surface in known.lowered and (_at_sentence_start(view, start) or _LOWER_HEAD_AFTER.match(view, end + 1)):
                # a sentence's first word is capitalised whatever it is ("Metropolitan police forces"); a head
                # after it makes a longer name ("the Kent police authority", "the South Yorkshire police committee")
                continue
            if (place := known.placed.get(surface)) is not None and place not in view:
                continue
            if surface.endswith("Council") and _COMPASS_BEFORE.search(view, max(0, start - 8), start):
                continue  # "West Somerset Council" is not Somerset Council
            if surface == "Parliament" and _PARLIAMENT_AS_TERM_BEFORE.search(view, max(0, start - 24), start):
                continue  # "over this Parliament", "by the end of the Parliament": a term, not the body
            if agency.agency_id == _EUROPEAN_UNION and _EU_AS_ATTRIBUTE.match(view, end + 1):
                continue  # "EU member states", "an EU country", "European Union case law": the Union as a kind or a law, not the body
            if (surface == "UK Parliament" and view.endswith(" - ", 0, start)) or (surface == "Parliament" and view.endswith(" - UK ", 0, start)):
                continue  # the site's name at the end of a linked page's title ("Written questions, ... - UK Parliament")
            # a short name of a body long gone is today's word ("Admiralty" charts, "Animal Health" certificates);
            # another body of the same surface may be the one of the year
            if year is not None and (surface == agency.acronym or len(surface.split()) <= 2) and not agency.existed_in(year, 0):
                bodies = [known.by_id[i] for i in known.sharing.get(surface, (agency_id,))]  # the first row's body first
                then = [b for b in bodies if b.existed_in(year, 0)] or [b for b in bodies if b.existed_in(year)]
                if not then:
                    continue
                agency = then[0]
            if surface != agency.name and surface != agency.acronym and _anothers(view, start, end + 1, agency.kind == AgencyKind.DEVOLVED_OR_LOCAL):
                continue
            found.append(AgencyMention(start, end + 1, text[start : end + 1], agency))
    return found


_LOWER_HEAD_AFTER = re.compile(r"[^\S\n]+(?:(?:police|council|authority|committee|board|service|trust|association|federation)\b|of[^\S\n]+(?!(?:the|a|an|all|each|every|its|their|his|her|this|these|those|some|any|our)\b)[a-z])")
# (a list's letter is no sentence start: "(c) Palestinian authority" is a name)
_BEFORE_A_SENTENCE = re.compile(r"(?:^|[.?!:\n])[\s\"'‘“]*$")


def _at_sentence_start(view: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or a line, past spaces and quotes."""
    return bool(_BEFORE_A_SENTENCE.search(view, max(0, start - 12), start))
_PARLIAMENT_AS_TERM_BEFORE = re.compile(
    r"\b(?:this|next|current|last|previous|future|each|every|whole|new)[^\S\n]+$"
    r"|\b(?:course|end|start|beginning|lifetime|remainder|rest|duration|life|term)[^\S\n]+of[^\S\n]+(?:the|this)[^\S\n]+$"
)
_COMPASS_BEFORE = re.compile(rf"\b(?:{COMPASS}|Mid|Central)[^\S\n]+$")
_EUROPEAN_UNION = "european-union"
# The Union's name before a noun that makes it a kind of country, a law or a scheme, not the body that acts
# (labelled so in the blind batches: "ports in EU member states", "travel to an EU country", "the EU ETS").
_EU_AS_ATTRIBUTE = re.compile(r"[^\S\n]+(?:[Mm]ember[^\S\n]+[Ss]tates?|countr(?:y|ies)|ETS|[Ll]aw|case[^\S\n]+law|[Ss]ettlement[^\S\n]+[Ss]cheme)\b")
# An alias is a common phrase ("Armed Forces"): printed as part of another's name it is that other's
# ("Sudanese Armed Forces", "Armed Forces of Ukraine") or an office or event ("Armed Forces Commissioner").
# (not when shared with the UK's: "UK and US Armed Forces")
# (by the shape of a people's word, not the list of foreign governments' peoples: any "Sudanese", "Houthi" or
# "Afghan" before an alias makes it another's; the UK's own peoples do not)
_DEMONYM_BEFORE = re.compile(r"(?<!UK and )(?<!British and )(?:\b(?!British|English|Scottish|Welsh|Irish)[A-Z][a-z]+(?:ese|ian|ean|ish|i|an)|\bUS|\bUSA|\bU\.S\.|\bUnited States)[^\S\n]+$")
_NAME_GOES_ON = re.compile(r"[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?[A-Z]|(?:Commissioner|Champion|Day|Week|Covenant|Minister)\b)")


def _anothers(view: str, start: int, end: int, devolved: bool = False) -> bool:
    """Whether an alias at [start, end) is part of another body's name, an office's or an event's
    (``devolved``: the alias is of a devolved or local body, which a nation's word before does not change)."""
    before = view[max(0, start - 24) : start]
    return bool(_DEMONYM_BEFORE.search(before) or (not devolved and _NATION_BEFORE.search(before)) or _NAME_GOES_ON.match(view, end))


# A UK nation's word before a UK body's alias makes it that nation's own body: "the Scottish Sentencing
# Council", "the Scottish Police Federation" (not "the Welsh Senedd": the nation's own).
_NATION_BEFORE = re.compile(r"\b(?:Scottish|Welsh|Northern Ireland|Northern Irish)[^\S\n]+$")


def reference_spans(text: str, known: Gazetteer | None = None) -> list[tuple[int, int]]:
    """(start, end) of every reference-table body named in the text."""
    known = known or gazetteer()
    return [(m.start, m.end) for m in _reference_matches(text, match_view(text), known)]


def find_agencies(
    text: str,
    acronyms: dict[str, Agency],
    excluded: list[tuple[int, int]],
    known: Gazetteer | None = None,
    year: int | None = None,
) -> list[AgencyMention]:
    """Agency mentions in one text; ``excluded`` spans (instrument titles) hold none; ``year`` is the sitting's, where known."""
    known = known or gazetteer()
    view = match_view(text)
    candidates: list[AgencyMention] = []
    sharing: list[AgencyMention] = []  # bodies read from shared first words, over the table's reading of the same words
    # an acronym the text defines is that body, not the table's body of the same letters ("De Montfort University (DMU)")
    candidates.extend(c for c in _reference_matches(text, view, known, year) if c.surface not in acronyms or acronyms[c.surface].agency_id == c.agency.agency_id)
    for acronym, agency in acronyms.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", view):
            candidates.append(AgencyMention(m.start(), m.end(), acronym, agency))
    for m in _ORG_NAME.finditer(view) if _NAME_WORDS.any(view) else ():
        whole = re.sub(r"^[Tt]he\s+", "", m.group(0))
        if (misprinted := known.by_words.get(word_key(whole))) is not None:
            # a body of the table in other words' order or links: "Department for Health and Social Care"
            start = m.end() - len(whole)
            candidates.append(AgencyMention(start, m.end(), text[start : m.end()], misprinted))
            continue
        if (prefixed := _misprinted_before(whole, known)) is not None:
            # ... and one whose subject runs on into what it runs: "The Department of Work and Pensions Youth Offer"
            start = m.end() - len(whole)
            candidates.append(AgencyMention(start, start + len(prefixed[0]), text[start : start + len(prefixed[0])], prefixed[1]))
            continue
        name, start = _strip_name_start(m.group(0), m.start())
        for name, start in _separate_bodies(name, start, known):
            if shared := _sharing_their_words(name, known):
                # "the Northern Ireland Executive and Assembly": two bodies of the table, their first words printed once
                (first, first_body), (second_at, second_body) = shared
                pair = [AgencyMention(start, start + len(first), text[start : start + len(first)], first_body),
                        AgencyMention(start + second_at, start + len(name), text[start + second_at : start + len(name)], second_body)]
                candidates.extend(pair)
                sharing.extend(pair)
                continue
            # "the Kerslake Commission on Armed Forces Housing’s (Annual) report": the subject ends at a possessive
            if m_owned := re.search(rf"\b(?:{_BODY_HEADS}) (?:on|of|for) [^’']*?['’]s\b", name):
                name = name[: m_owned.end() - 2]
            name = re.sub(r"['’]s$|(?<=s)['’]$", "", name)  # a possessive, also a plural's ("Standards' timetable")
            if company := _COMPANY_GOES_ON.search(name):
                name = name[: company.end()]
            if (region := _REGION_END.search(name)) and _curated_name(name[: region.start()], known):
                name = name[: region.start()]  # "the Forestry Commission East and ...": the curated body, not a new one
            if (in_the := _IN_THE.match(name)) and (body := _curated_name(name[in_the.end() :], known)):
                # "my hon. Friend ... in the Department for Trade and Business": a curated body after "in the"
                # ("Enhancing Confidence in the Professional Regulators Working Group" is one name)
                name, start = name[in_the.end() :], start + in_the.end()
            else:
                # (a body of the table with its company's legal suffix is the body: "West Midlands Trains Limited")
                body = known.by_words.get(word_key(name)) or ((bare := _COMPANY_SUFFIX_END.sub("", name)) != name and _curated_name(bare, known)) or None
            if body is not None:
                candidates.append(AgencyMention(start, start + len(name), text[start : start + len(name)], body))
            elif (numbered := _NUMBER_END.search(name)) and _curated_name(name[: numbered.start()], known):
                continue  # a body of the table and a figure ("Royal Air Force 310" in a table): the body stands
            elif name and _well_formed_name(name, view, start):
                if (
                    (served := _SERVES_A_BODY.match(name)) and _HEAD_LAST.search(name, 0, served.start(1))
                    and _curated_name(served.group(2), known) and _LOWER_WORD_AFTER.match(view, start + len(name))
                ):
                    name = name[: served.start(1)]  # "... Integrated Care Board for NHS dental care": what it funds, not its name
                    if not _well_formed_name(name, view, start):
                        continue  # ("The Board for NHS England dental care": no name left)
                if (begins := listed_subjects_start(view, start, name, _A_HEAD_OF_ITS_OWN, _a_place)) < start:
                    name, start = view[begins : start + len(name)], begins  # "Bedfordshire, Luton and Milton Keynes Integrated Care Board"
                candidates.append(AgencyMention(start, start + len(name), text[start : start + len(name)], Agency(slug(name), name, None, AgencyKind.OTHER)))
    if "HM" in view:
        candidates.extend(_establishments(text, view))
    candidates.extend(_foreign_governments(text, view))
    candidates.extend(_uk_named(text, view))
    if "District" in view or "Branch" in view:
        candidates.extend(_police_units(text, view))
    if _MISSION_GATE.any(view):
        candidates.extend(_missions_abroad(text, view))
    # A name the text itself calls a body: "Homes England, the Government's housing and regeneration agency".
    taken = {c.start for c in candidates}  # a name found by another source is kept once
    for m in _CALLED_A_BODY.finditer(view) if _BODY_WORDS.search(view) else ():
        name, start = _strip_name_start(m.group("name"), m.start("name"))
        if len(name) > 3 and start not in taken:
            candidates.append(AgencyMention(start, start + len(name), text[start : start + len(name)], Agency(slug(name), name, None, AgencyKind.OTHER)))
    if sharing:  # ("the Scottish Government and Parliament": the Scottish Parliament, not the alias "Parliament")
        spans = {(c.start, c.end) for c in sharing}
        candidates = [c for c in candidates if (c.start, c.end) not in spans or any(c is k for k in sharing)]
    candidates = [c for c in candidates if not _NOT_AGENCIES.search(c.surface) and not _prefixes_a_name(c, view)]
    if not candidates:
        return []
    blocked = _blocked_spans(view)
    # A new name made of curated ones joined by "and" ("Northern Ireland Office and Foreign and
    # Commonwealth Office"), or of one word before a curated name ("Core Home Office"), is not a
    # new body: the curated names stand.
    curated = sorted((c for c in candidates if c.agency.agency_id in known.by_id or c.agency.kind != AgencyKind.OTHER), key=lambda k: k.start)
    curated_ids = {id(c) for c in curated}
    curated_starts = [k.start for k in curated]

    def absorbs_curated(c: AgencyMention) -> bool:
        # Curated mentions that start inside c (found by bisection: a text may hold thousands of candidates).
        within = curated[bisect.bisect_left(curated_starts, c.start) : bisect.bisect_right(curated_starts, c.end)]
        inner = [k for k in within if k.end <= c.end and (k.start, k.end) != (c.start, c.end)]
        # the outermost of nested curated names ("UN" inside "UN Security Council")
        inner = [k for k in inner if not any(o is not k and o.start <= k.start and k.end <= o.end and (o.end - o.start) > (k.end - k.start) for o in inner)]
        if not inner:
            return False
        rest = view[c.start : c.end]
        for k in sorted(inner, key=lambda k: -k.start):
            rest = rest[: k.start - c.start] + "\x00" + rest[k.end - c.start :]
        # "X and Y", "Core Home Office", "RAB Resource DEL for the Home Office"
        # "UN Security Council on Sudan", "Kent County Council on Highways": the curated body and a topic
        # "NHS Digital Hospital and Community ... Statistics": a body's name before a word of a title
        return bool(re.fullmatch(r"\x00(?:,?\s+and\s+\x00)+|[A-Z][\w'\-]*\s+(?:and\s+)?\x00|.+\s(?:for|of|to|in|at|from) the \x00|(?:(?:[A-Z][\w'\-]*|\x00)\s+)?\x00 on .+|.*\x00\s+(?:" + ESTABLISHMENT_HEADS + r"|Team)", rest))

    candidates = [c for c in candidates if id(c) in curated_ids or not absorbs_curated(c)]
    # A body the text gave an acronym to carries it on every mention.
    with_acronym = {a.agency_id: a for a in acronyms.values()}
    candidates = [AgencyMention(c.start, c.end, c.surface, with_acronym.get(c.agency.agency_id, c.agency)) for c in candidates]
    chosen = _Intervals()
    excluded_spans, blocked_spans = _Intervals(excluded), _Intervals(blocked)
    picked: list[AgencyMention] = []
    # Longest first; among equals, the curated table before new names.
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.agency.kind == AgencyKind.OTHER, c.start)):
        if excluded_spans.overlaps(c.start, c.end) or blocked_spans.contains(c.start, c.end):
            continue
        if c.agency.kind == AgencyKind.OTHER and c.agency.agency_id not in known.by_id and blocked_spans.runs_into(c.start, c.end):
            continue  # a new name that runs into an office: "Executive Director of the Youth Custody Service"

        if not chosen.overlaps(c.start, c.end):
            chosen.add(c.start, c.end)
            picked.append(c)
    return sorted(picked, key=lambda c: c.start)


class _Intervals:
    """Spans kept sorted by start, for overlap and containment tests by bisection.

    Overlap tests assume the spans added do not overlap one another (chosen mentions);
    excluded and blocked spans may overlap, so those tests look back over every span
    that starts before the end (usually few) rather than at one neighbour.
    """

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.spans = sorted(spans or [])
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.spans.insert(k, (start, end))
        self.longest = max(self.longest, end - start)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        # Spans that can reach [start, end): they start before end and no earlier than start - longest.
        return self.spans[bisect.bisect_left(self.starts, start - self.longest) : bisect.bisect_left(self.starts, end)]

    def overlaps(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self._near(start, end))

    def runs_into(self, start: int, end: int) -> bool:
        """Whether a span starts inside [start, end) and runs to its end or past it (an office that
        ends a name: "Executive Director of the Youth Custody Service"; not "Prime Minister's Delivery Unit")."""
        return any(start < s < end <= e for s, e in self._near(start, end))

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._near(start, end))


_BODY_WORDS = re.compile(r"\b(?:agency|body|regulator|charity|company|organisation|organization|watchdog|authority|provider|operator|contractor)\b")
_CALLED_A_BODY = re.compile(
    # (the capital first, then the look-behind: Python's re skips ahead only to a pattern's literal first characters)
    r"(?P<name>[A-Z](?<![\w'’-][A-Z])[\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|for|and)){0,5}),? (?:the|an?|our) (?:[\w'’-]+ ){1,7}?"
    r"(?:agency|body|regulator|charity|company|organisation|organization|watchdog|authority|provider|operator|contractor)\b"
)


def _a_place(words: str) -> bool:
    """Words that name a place the table's councils name, with its compass points ("Mid and South Essex")."""
    return all(w in council_places() or w in ("North", "South", "East", "West", "Mid", "Central", "Greater") for w in words.split())


@cache
def council_places(path: Path = AGENCIES_CSV) -> frozenset[str]:
    """One-word places of the reference table's councils: "Somerset" of "Somerset County Council"."""
    places = set()
    for agency in gazetteer(path).by_id.values():
        if agency.kind == AgencyKind.DEVOLVED_OR_LOCAL and (m := re.fullmatch(r"([A-Z][a-z]+) (?:County |District |Borough |City )?Council", agency.name)):
            places.add(m.group(1))
    return frozenset(places)


# A head with only a common adjective is a description, not a name ("our High Commission", "the
# British Embassy", "an Independent Panel"); a compass point before "Bank" is a place ("the West Bank").
# ("International Section" and "National Advisory Group" are units' names: the adjectives here are the
# ones that only describe.)
_GENERIC_NAME = re.compile(rf"^(?:British|High|Local|Regional|Joint|Independent|Foreign|New|Interim) (?:{_BODY_HEADS})$"
                           # a team by its work or its minister's ("the Ministerial Team", "the Robin Marshall Review Team")
                           r"|^(?:.+ )?(?:Review|Ministerial|Project|Policy|Delivery|Legal|Press|Communications|Leadership|Executive|Strategy|Finance|HR|Commercial|Operations|Office|England|GB|National) Team$"
                           rf"|^(?:{COMPASS})(?:ern)? Bank$"
                           # an establishment by its kind alone ("the Primary School", "a District General Hospital")
                           rf"|^(?:(?:Primary|Secondary|Grammar|Special|Free|General|Community|District|Dental|Medical|Catholic|Church|Infant|Junior|Nursery|Teaching|University|Royal|Sixth Form|Independent|State|Local|New|Private|Public|Secure|Training)[^\S\n]+)+(?:{ESTABLISHMENT_HEADS})$"
                           # a line is no railway company ("the North Wales Coast Railway will be electrified")
                           r"|.*\b(?:Line|Coast|Valley|Light|Branch|Main)[^\S\n]+Railways?$"
                           # the kind of body every area of the NHS has ("a national Integrated Care Board (ICB) self-assessment")
                           r"|^Integrated Care Boards?$"
                           # a union of states' policies or markets is no body ("the Customs Union", "Soviet Union" a country)
                           r"|.*\b(?:Customs|Soviet|Monetary|Banking|Energy|Markets|Trades?)[^\S\n]+Union$|^(?:European )?Political Union$|^Students'? Union$"
                           # (a country or a treaty: "the Union of Soviet Socialist Republics", "the Act of Union")
                           r"|^Union of (?:Soviet|South Africa|Burma|India)\b|^Acts? of Union$")
_REGION_END = re.compile(rf" (?:{COMPASS})$")
# A count before a plural name: bodies of a kind, not one ("there were 35 Maternal Mental Health Services").
_COUNTED = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,]*[^\S\n]+$")  # (not a year: "Since 2019 Regional Health Services")


def _well_formed_name(name: str, view: str, start: int) -> bool:
    """A new organisation name must be a proper name, not a description or a back-reference."""
    words = name.split()
    numbered = words[0][0].isdigit() if words else False  # a unit by its number ("42 Commando", "1st Battalion")
    if len(words) < 2 or _NOT_AGENCIES.search(name) or _PLACE_AFTER.match(view, start + len(name)) or (_NAME_RUNS_ON.match(view, start + len(name)) and not numbered) or _GENERIC_NAME.match(name):
        return False
    if re.search(rf"\bthe (?:{_BODY_HEADS})$", name) or _A_HEAD_OF_ITS_OWN.fullmatch(name):  # "Achievement of the Department", "a Task and Finish group"
        return False
    if name.endswith("s") and _COUNTED.search(view, max(0, start - 12), start):
        return False
    # "Housing Association property": one word and a head, with no article (or "new": "a new Ministerial
    # Taskforce was set up"), is a description; but a
    # council of a place the table's councils name is a council ("Somerset Council", a unitary
    # authority newer than the table's list); a unit by its number is a name ("42 Commando", "1st Battalion").
    if len(words) == 2 and not numbered and not (
        re.search(r"\b(?:[Tt]he|its|their|our|his|her)\s+$|\w['’]s\s+$", view[max(0, start - 6) : start])
        # ("a new Ministerial Taskforce was set up"; not "1,500 new Housing Association homes")
        or (re.search(r"\b(?:[Aa]|[Tt]he|[Oo]ur|its|their) new\s+$", view[max(0, start - 11) : start]) and not _NOUN_AFTER.match(view, start + len(name)))
    ):
        # ("Westminster Council Tax" is a tax)
        return words[1] == "Council" and words[0] in council_places() and not view.startswith(" Tax", start + len(name))
    return True


# (the first may be a head and its subject when the second is a name of three words or more: "Ministry of
# Health and Palestine Red Crescent Society"; not "Department of Health and Human Services")
_TWO_BODIES = re.compile(rf"^(.*?\b(?:{_BODY_HEADS})|.*?\b(?:{_BODY_HEADS}) (?:of|for) [A-Z][\w'’\-]*(?= and (?:\S+ ){{2,}}))"
                         rf" and (.+\b(?:{_BODY_HEADS}))$")
_IN_BODY = re.compile(rf"^.+? (?:in|at|within) (?=(?:[A-Z][\w'’&\-]* (?:[\w'’&\-]+ )*)?(?:{_BODY_HEADS})(?: (?:of|for) [A-Z].*)?$)")


# A body's own body: "World Health Organization’s Uppsala Monitoring Centre" is two. Only an owner
# that is itself a body by its head word splits ("Children’s Commissioner", "King’s College" do not).
_OWNED_BODY = re.compile(rf"^(.+?\b(?:{_BODY_HEADS}))['’]s (?=[A-Z])(.+)$")


def _separate_bodies(name: str, start: int, known: Gazetteer) -> list[tuple[str, int]]:
    """A new name that is two bodies ("Trussell Trust and Joseph Rowntree Foundation"), a body's own
    body ("World Health Organization’s Uppsala Monitoring Centre", "Royal Navy’s Carrier Strike Group"),
    a unit of a body named before ("the Department’s Sustainable Procurement Working Group"), or a
    part of a body ("Young People and Education in City of York Council"), as the bodies it names."""
    if m := _OWNED_BODY.match(name):
        return [(m.group(1), start), *_separate_bodies(m.group(2), start + m.start(2), known)]
    if m := _POSSESSIVE.match(name):
        # an owner that is a curated body, whatever its last word ("NICE’s Appraisal Committee"), is a body too;
        # one that is a back-reference or letters is not
        if _curated_name(m.group(1), known):
            return [(m.group(1), start), *_separate_bodies(m.group(2), start + m.start(2), known)]
        if _BACK_REFERENCE_OWNER.fullmatch(m.group(1)):
            return _separate_bodies(m.group(2), start + m.start(2), known)
    if m := _TWO_BODIES.match(name):
        return [(m.group(1), start), (m.group(2), start + m.start(2))]
    if unit := _unit_after_body(name, known):
        return [(unit[0], start), (unit[1], start + len(name) - len(unit[1]))]
    if m := _IN_BODY.match(name):
        return [(name[m.end():], start + m.end())]
    return [(name, start)]


_IN_THE = re.compile(r"^.+? (?:in|at|within) the (?=[A-Z])")
_HEAD_END = re.compile(rf"\b(?:{ORG_HEADS})(?= [A-Z])")
_UNIT_NAME = re.compile(rf"(?:[A-Z][\w'’\-]* ){{1,4}}(?:{ORG_HEADS})")


def _unit_after_body(name: str, known: Gazetteer) -> tuple[str, str] | None:
    """(body, unit) for a department of state's full name, or any curated body's before a unit, followed by a
    unit's name of its own: "Cabinet Office Disability Unit", "National Crime Agency International Corruption
    Unit"; not one name ("Post Office Savings Bank", "National Health Service Litigation Authority", "Civil
    Service Pay Research Unit": the Civil Service is an ambiguous alias), nor a numbered part ("United Nations
    General Assembly Second Committee")."""
    for end in sorted((m.end() for m in _HEAD_END.finditer(name)), reverse=True):  # the longest body first
        body, unit = name[:end], name[end + 1 :]
        if not _UNIT_NAME.fullmatch(unit) or _ORDINAL.match(unit) or match_view(body) in _AMBIGUOUS_ALIASES:
            continue
        if (agency := _curated_name(body, known)) and agency.name == body:
            if _a_department_of_state(agency) or unit.endswith(" Unit"):
                return body, unit
    return None


_ORDINAL = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\b")
_POSSESSIVE = re.compile(r"^(.+?)['’]s (?=[A-Z])(.+)$")
_BACK_REFERENCE_OWNER = re.compile(r"Department|Ministry|Agency|Council|Service|[A-Z]{2,6}")


def _curated_name(name: str, known: Gazetteer) -> Agency | None:
    """The table's body that ``name`` is, in its own words or in another order."""
    agency = _resolve_name(name, known)
    if agency is not None and agency.agency_id in known.by_id:
        return agency
    return known.by_words.get(word_key(name))


# Who funds or runs a body, before its name, is not its name: "the Department-funded National Institute ...".
_WHO_FUNDS = re.compile(FUNDER_WORD)


# Two words that open a name though the first alone would not ("His Majesty’s Treasury"; a church's dedication
# before a school's name: "All Saints Roman Catholic School", "Our Lady of Lourdes Catholic Primary School").
_NAME_OPENINGS = {"His Majesty's", "His Majesty’s", "Her Majesty's", "Her Majesty’s", "All Saints", "All Souls", "Our Lady"}


_NUMBER_END = re.compile(r" \d+$")
_SHARED_WORDS = re.compile(r"^(?P<words>.+) (?P<first>[A-Z][\w'’\-]*) and (?P<second>[A-Z][\w'’\-]*)$")


def _sharing_their_words(name: str, known: Gazetteer) -> tuple[tuple[str, Agency], tuple[int, Agency]] | None:
    """Two bodies of the table whose shared first words a name prints once: "Northern Ireland Executive and
    Assembly" -> (the first's surface and body, the second's offset in the name and body)."""
    if not (m := _SHARED_WORDS.match(name)):
        return None
    first = _curated_name(f"{m['words']} {m['first']}", known)
    second = _curated_name(f"{m['words']} {m['second']}", known)
    if first is None or second is None or first.agency_id == second.agency_id:
        return None
    return (name[: m.end("first")], first), (m.start("second"), second)


# A lower-case word after a name that makes the name a noun's modifier ("new Housing Association homes"): any but
# a verb's or a clause's first word.
_NOUN_AFTER = re.compile(r"[^\S\n]+(?!(?:was|is|will|has|had|would|were|are|can|could|should|may|must|met|said|set|to|and|of|in|on|at|for|which|that|with|by)\b)[a-z]")
_HEAD_FIRST = re.compile(rf"(?:{_BODY_HEADS}) (?:of|for) ")


def _misprinted_before(whole: str, known: Gazetteer) -> tuple[str, Agency] | None:
    """The longest start of a head-first name that is a body of the table in other words, and that body:
    "Department of Work and Pensions" of "The Department of Work and Pensions Youth Offer"."""
    if not _HEAD_FIRST.match(whole):
        return None
    words = whole.split(" ")
    starts = [" ".join(words[:k]) for k in range(3, len(words))]
    if any(_resolve_name(start, known) is not None for start in starts):
        return None  # a start printed as the table prints it is that body ("Department for Education Skills Bootcamps")
    for start in reversed(starts):
        if (body := known.by_words.get(word_key(start))) is not None:
            return start, body
    return None


_PEOPLE_OF = re.compile(r"(?:[Tt]he\s+)?(?:Members?|Officers?|Officials?|Staff|Employees?|Representatives?)\s+of\s+(?:the\s+)?(?=[A-Z])")


def _strip_name_start(name: str, start: int) -> tuple[str, int]:
    if re.match(rf"(?:[Tt]he\s+)?{_GOVERNMENT_OF}\s", name):
        stripped = re.sub(r"^[Tt]he\s+", "", name)
        return stripped, start + len(name) - len(stripped)
    if (people := _PEOPLE_OF.match(name)) and len(name[people.end() :].split()) >= 2:
        # "local Members of Cornwall Council", "Officials of the Environment Agency": the body is theirs
        name, start = name[people.end() :], start + people.end()
    words = name.split(" ")
    # (after the last such word, wherever it falls: "Home Office-funded Youth Custody Service")
    if (funder := max((k for k, word in enumerate(words) if _WHO_FUNDS.fullmatch(word)), default=-1)) >= 0:
        start += len(" ".join(words[: funder + 1])) + 1
        words = words[funder + 1 :]
    while words and (words[0] in _NOT_NAME_START or words[0].lower() in _STOP) and " ".join(words[:2]) not in _NAME_OPENINGS:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


