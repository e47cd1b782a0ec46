"""Naming rules shared by the extractors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import ahocorasick

from pipeline.parsing.dates import MONTH_PATTERN


def slug(text: str) -> str:
    """Lower-case ASCII slug: 'Home Office' -> 'home-office'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


# A day's or a month's name: never a name's subject ("the Commission on Monday", "under the April ...").
DAY_OR_MONTH = rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{MONTH_PATTERN})"
# The compass's words, as region names print them ("North West", "Coastal Partnership East").
COMPASS = "North|South|East|West"

# Head words of organisation names ("... Agency", "... Council"), shared by the agency and instrument rules.
COMPANY_SUFFIXES = "Limited|Ltd|plc|PLC|LLP"
ORG_HEADS = (
    "Movement|League|Front|Party|Congress|Senate|Exchange|Agency|Service|Services|Office|Department|Ministry|Commission|Council|Section|Unit|Authority|Board|Committee|"
    # (not "Fund": a fund no list holds is a scheme, an instrument of kind other, GUIDELINES.md)
    "Executive|Inspectorate|Institute|Organisation|Organization|Court|Tribunal|Police|Constabulary|Trust|Bank|"
    "Foundation|Association|Society|Federation|Directorate|Division|Bureau|Centre|Center|Project|Corporation|"
    "Company|Partnership|Coalition|Forum|Panel|Secretariat|Assembly|Parliament|Programme Board|Task Force|Taskforce|Squad|Regiment|Union|"
    "Inspectorate|Ombudsman|Regulator|Registry|Agency|Institution|Laboratory|Laboratories|University|Consulate-General|Consulate|Embassy|Royal College|Faculty|"
    f"Group|Consultancy|Consulting|Consultants|{COMPANY_SUFFIXES}"
)


# Head words of named establishments: bodies for the agency rules ("Watford General Hospital", "Judicial
# College", "Frankley Hill School", "East Midlands Railway": the blind labels of G-W name them so, docs/quality.md),
# but not words of a body's name for the instrument rules ("Hospital Travel Costs" is a scheme).
ESTABLISHMENT_HEADS = "Hospital|Infirmary|College|School|Railway|Railways"


# A word naming who funds or runs something, or where it runs, printed before its name ("Defra-funded",
# "Home Office-led", "United Kingdom-wide"):
# neither is part of the name of the programme or body that follows.
FUNDER_WORD = r"[\w'’]+-(?:funded|led|run|backed|commissioned|sponsored|owned|supported|delivered|wide)"


def match_view(text: str) -> str:
    """The text as matched: curly apostrophes read as straight ones (same length)."""
    return text.replace("’", "'").replace("‘", "'")


class WordGate:
    """Which of a fixed set of words a text holds as substrings, in one Aho-Corasick pass.

    The rules' gates test dozens of literals per text; one pass over the text
    costs what one ``in`` test costs, instead of one per word.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        assert words and all(words), "a gate needs words, none of them empty"
        self.automaton = ahocorasick.Automaton()
        for word in words:
            self.automaton.add_word(word, word)
        self.automaton.make_automaton()

    def present(self, text: str) -> set[str]:
        """The words found in ``text``."""
        return {word for _end, word in self.automaton.iter(text)}

    def any(self, text: str) -> bool:
        """Whether ``text`` holds any of the words."""
        return next(self.automaton.iter(text), None) is not None

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of every word found in ``text``, as substrings (a caller checks its boundaries)."""
        for last, word in self.automaton.iter(text):
            yield last - len(word) + 1, last + 1, word


# The people of a country, as a foreign government is named by them ("the Ethiopian Government"), and the
# country (the name the body is published under: "Government of Ethiopia"). The UK's own are not here:
# "the British Government" is the Government (GUIDELINES.md).
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "American": "the United States", "Angolan": "Angola",
    "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia", "Australian": "Australia", "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain", "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium",
    "Bolivian": "Bolivia", "Bosnian": "Bosnia and Herzegovina", "Brazilian": "Brazil", "Bulgarian": "Bulgaria", "Burmese": "Burma",
    "Burundian": "Burundi", "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada", "Chadian": "Chad",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Congolese": "the Democratic Republic of the Congo",
    "Croatian": "Croatia", "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "the Czech Republic", "Danish": "Denmark", "Dutch": "the Netherlands",
    "Ecuadorian": "Ecuador", "Egyptian": "Egypt", "Emirati": "the United Arab Emirates", "Eritrean": "Eritrea", "Estonian": "Estonia",
    "Ethiopian": "Ethiopia", "Fijian": "Fiji", "Filipino": "the Philippines", "Finnish": "Finland", "French": "France", "Gambian": "the Gambia",
    "Georgian": "Georgia", "German": "Germany", "Ghanaian": "Ghana", "Greek": "Greece", "Guatemalan": "Guatemala", "Guinean": "Guinea",
    "Guyanese": "Guyana", "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary", "Icelandic": "Iceland", "Indian": "India",
    "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy",
    "Ivorian": "Côte d'Ivoire", "Jamaican": "Jamaica", "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya",
    "Kosovan": "Kosovo", "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Latvian": "Latvia", "Lebanese": "Lebanon", "Liberian": "Liberia",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Malawian": "Malawi", "Malaysian": "Malaysia", "Maldivian": "the Maldives", "Malian": "Mali",
    "Maltese": "Malta", "Mauritian": "Mauritius", "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia", "Montenegrin": "Montenegro",
    "Moroccan": "Morocco", "Mozambican": "Mozambique", "Namibian": "Namibia", "Nepalese": "Nepal", "Nepali": "Nepal", "Nicaraguan": "Nicaragua",
    "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan", "Palestinian": "Palestine", "Panamanian": "Panama",
    "Paraguayan": "Paraguay", "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania",
    "Russian": "Russia", "Rwandan": "Rwanda", "Saudi": "Saudi Arabia", "Senegalese": "Senegal", "Serbian": "Serbia", "Singaporean": "Singapore",
    "Slovak": "Slovakia", "Slovenian": "Slovenia", "Somali": "Somalia", "Spanish": "Spain", "Sudanese": "Sudan", "Swedish": "Sweden",
    "Swiss": "Switzerland", "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Thai": "Thailand",
    "Tunisian": "Tunisia", "Turkish": "Turkey", "Turkmen": "Turkmenistan", "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    # by letters
    "DRC": "the Democratic Republic of the Congo", "US": "the United States", "USA": "the United States", "UAE": "the United Arab Emirates",
    "PRC": "China", "DPRK": "North Korea",
}


def word_before(text: str, at: int) -> str:
    """The word just before ``at`` (the spaces between), or "" when none is there."""
    m = re.search(r"([\w'’\-]+)[^\S\n]+$", text[max(0, at - 20) : at])
    return m.group(1) if m else ""


# The subjects a name's words list, before where the shapes start reading it (after the last comma):
# "the Digital Markets, Competition and Consumers Bill", "to Bedfordshire, Luton and Milton Keynes
# Integrated Care Board". Capitalised words and commas after a lower-case word, the name's own words
# joined by "and"; never a date, nor a list of names with heads of their own ("the Finance Act, ...").
_SUBJECTS_BEFORE = re.compile(r"(?<![\w'’\-])(?:(?:[A-Z][\w'’\-]*[^\S\n]+)*[A-Z][\w'’\-]*,[^\S\n]+)+$")
_SUBJECTS_JOINED = re.compile(r"(?:[A-Z][\w'’\-]*[^\S\n]+)*?and[^\S\n]+[A-Z]")
_A_DATE = re.compile(rf"\b{DAY_OR_MONTH}\b")
_SENTENCE_OPENING = re.compile(r"The[^\S\n]+(?=[A-Z])")
_SENTENCE_ENDED = re.compile(r"(?:^|[.!?:][^\S\n]*|\n[^\S\n]*)$")


def listed_subjects_start(text: str, start: int, name: str, own_heads: re.Pattern, part_ok: Callable[[str], bool] | None = None) -> int:
    """Where a name read from ``start`` begins when the words before it list its subjects; ``start`` otherwise.

    ``own_heads`` are the head words that make a listed part a name of its own; ``part_ok``, where
    given, must accept every listed part (a body's parts are places: "Bedfordshire, Luton and ...").
    """
    if start < 3 or text[start - 2] != "," or not _SUBJECTS_JOINED.match(name):
        return start
    if not (m := _SUBJECTS_BEFORE.search(text, max(0, start - 120), start)):
        return start
    begins, listed = m.start(), m.group(0)
    if (opening := _SENTENCE_OPENING.match(listed)) and _SENTENCE_ENDED.search(text, max(0, begins - 8), begins):
        # at a sentence's start, after its article: "The Timeshare, Holiday Products, Resale and Exchange Contracts Regulations 2010 ..."
        begins, listed = begins + opening.end(), listed[opening.end() :]
    elif not word_before(text, begins).islower():
        return start
    if own_heads.search(listed) or _A_DATE.search(listed):
        return start
    if part_ok is not None and not all(part_ok(part.strip()) for part in listed.split(",") if part.strip()):
        return start
    return begins


# The word answers print after a scheme's name or leave out ("the JobStart programme", "JobStart"): lower-case
# only, since "the Restart Scheme" and "the Restart Programme" may be two schemes.
_SCHEME_WORD_END = re.compile(r"[^\S\n]+(?:scheme|programme)s?$")


def without_scheme_word(title: str) -> str:
    """A scheme's name without a lower-case "scheme" or "programme" after it."""
    return _SCHEME_WORD_END.sub("", title)
