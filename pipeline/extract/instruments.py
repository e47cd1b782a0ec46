"""Legal and policy instruments named in a text (GUIDELINES.md, "Instruments").

Each rule is a regular expression for one family of instrument (Acts, Bills,
statutory instruments, EU law, treaties, numbered papers, titled reports and
policy papers). :func:`find_instruments` runs them over one question's texts
and resolves short forms ("Stopping Traffic") and identifiers ("published as
Police Research Series Paper 125") to the instrument they name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.extract.names import COMPASS, DAY_OR_MONTH, FUNDER_WORD, ORG_HEADS, WordGate, listed_subjects_start, slug, word_before
from pipeline.metadata.enums import InstrumentKind
from pipeline.reference import NAMED_INSTRUMENTS_CSV
from pipeline.parsing.dates import MONTH_PATTERN

# a capitalised word, "&" inside it too ("Team Tempest R&D programme"), or a year
# (a slash inside a title's word, "Belfast/Good Friday Agreement", "UK/Ukraine ... Treaty"; not after a title's
# head, where it joins two titles: "Future Combat Air System/Global Combat Air Programme")
CAP = r"(?:[A-Z][\w'’\-]*(?:(?:&|" + "".join(f"(?<!{head})" for head in (
    "System", "Programme", "Scheme", "Fund", "Plan", "Strategy", "Framework", "Agreement", "Protocol", "Act", "Bill", "Review",
    "Report", "Treaty", "Convention", "Regulations", "Order", "Guidance", "Statement", "Office")) + r"/)[A-Z][\w'’\-]*)*|\d{4})"
LINK = r"(?:with respect to|of|on|for|and|the|in|to|against|concerning|relating|with|from|at|de|des|du|la|le|&)"
# Titles never run over a line break: list items and table cells are lines of the answer.
TITLE = rf"[A-Z][\w'’\-]*(?:,?[^\S\n]+(?:{LINK}[^\S\n]+)*{CAP})*"
# Words in brackets inside a title: hyphens and a possessive's apostrophe, never a quote opening the
# bracket ("Immigration (Citizens’ Rights Appeals) (EU Exit) Regulations 2020"; not "the Act 2022 ('the Act')").
# An Act's brackets hold no commas or full stops.
def _bracketed(characters: str) -> str:
    return rf"\((?:[{characters}]|(?<=[A-Za-z])['’])+\)"


BRACKETED = _bracketed(r"A-Za-z ,.\-")
BRACKETED_ACT = _bracketed(r"A-Za-z \-")
# Words that start a sentence or a phrase, not a title.
_LEADING = {
    "the", "a", "an", "this", "that", "these", "those", "under", "in", "since", "as", "by", "for", "from",
    "with", "following", "section", "sections", "part", "schedule", "clause", "if", "when", "while", "both",
    "each", "neither", "our", "their", "its", "his", "her", "my", "new", "any", "all", "no", "some", "and", "refresh",
    "of", "on", "to", "at", "after", "before", "through", "whether", "what", "which", "how", "further",
    "paragraph", "article", "regulation", "provisions", "amendments", "amendment", "we", "i", "it", "there",
    "within", "during", "also", "but", "or", "not", "until", "unless", "because", "although", "though", "whereas", "once", "where",
    # what is done to an instrument, before "to" and its name ("Changes to Pension Credit")
    "changes", "improvements", "reforms", "increases", "cuts", "updates", "uplifts", "uprating",
}


@dataclass(frozen=True)
class InstrumentMention:
    """One instrument named in one text."""

    start: int
    end: int
    surface: str
    kind: str
    title: str
    identifier: str | None
    year: int | None


# "Section 5 of the", "Schedule 2 to the": a provision word with its number ("Regulation of
# Investigatory Powers Act" is a title).
# (the meeting of a treaty's parties is an event, not a title: "the Conference of the Parties to the Convention on Biological Diversity")
# Words that make "... Policy" an area, a party's or an office's, not a named policy's: title heads, areas, parties.
_POLICY_NOT_NAMES = (
    r"(?:Acts?|Bills?|Scheme|Schemes|Strategy|Policy|Programme|Fund|Plan|Framework|Code|Review|Report|Directorate|Division|Department|"
    r"Unit|Team|Group|Command|Office|Head|Deputy|Director|General|Chief|Adviser|Advisor|Owner|Minister|Secretary|Officer|Lead|Currently|Reform|"
    r"Foreign|Social|Economic|Trade|Energy|Public|Fiscal|Monetary|Industrial|Defence|Nuclear|Regional|Health|Housing|Transport|"
    r"Education|Immigration|Drugs?|Agricultural|Fisheries|Counter|Prices|Incomes|Departmental|National|UK|British|EU|European|NATO|"
    r"Labour|Conservative|Liberal|Democrat|Democratic|Party|Open|New|Climate|Aid|Overseas|Poverty|Rights|Middle|East|Northern|Ireland|Hong|"
    r"Scotland|Wales|England|Africa|Asia|Europe|China|Russia|India)"
)
# an old act's jurisdiction after its name: "Administration of Justice (Language) Act (Ireland) 1737", "... Act (Ireland 1737)"
_JURISDICTION = r"(?:Ireland|Scotland|Northern[^\S\n]+Ireland|England|Wales|England[^\S\n]+and[^\S\n]+Wales)"
_PARTIES_TO = re.compile(r"^(?:(?:[Tt]he[^\S\n]+)?(?:(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|(?:19|20)\d\d[^\S\n]+Review)[^\S\n]+)?(?:Conference|Meeting)[^\S\n]+of[^\S\n]+the[^\S\n]+Parties[^\S\n]+(?:to|of)[^\S\n]+(?:the[^\S\n]+)?"
                         r"|(?:[Tt]he[^\S\n]+|[Aa][^\S\n]+)?(?:States?|High[^\S\n]+Contracting)[^\S\n]+Part(?:y|ies)[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?)(?=[A-Z])")
_PROVISION = re.compile(r"^.*?\b(?:Schedule|Section|Part|Article|Clause|Paragraph|Regulation|Chapter)s?\b(?![^\S\n]+of[^\S\n]+[A-Z]).*?\b(?:of|to|under)[^\S\n]+(?:the[^\S\n]+)?(?=[A-Z])")


# Only "’s" names an owner ("the Carbon Trust’s ..."); a plural possessive, "s’", names whom the
# instrument is for and belongs to its title ("Mineworkers’ Pension Scheme", "Teachers’ Pension Scheme").
_OWNER = re.compile(
    r"^.*(?<!Children)(?<!Women)(?<!\bMen)(?<!People)(?<!^Carer)(?<!^Victim)(?<!^Child)(?<!^Parent)(?<!^Patient)(?<!^Tenant)(?<!^Worker)"
    r"(?<!^Consumer)(?<!^Veteran)(?<!^Student)(?<!^Pensioner)(?<!^Passenger)['’]s[^\S\n]+(?=[A-Z0-9])"
)
# (a plural's possessive is whom the instrument is for, not its owner: "Children’s Wellbeing Bill"; so is a person
# the title opens with: "Carer’s Leave Regulations 2024", "Victim’s Code")


# A date before a title is the sentence's ("on 8 September 2021 on the Environment Bill").
# So is a cited question ("... to Question 5691 on the Gulf Strategy").
_LEADING_DATE = re.compile(
    rf"^(?:\d{{1,2}}[^\S\n]+)?{MONTH_PATTERN}[^\S\n]+(?:19|20)\d\d,?[^\S\n]+"
    r"(?:to[^\S\n]+Questions?[^\S\n]+(?:UIN[^\S\n]+)?\d+[^\S\n]+(?:on|about)[^\S\n]+(?:the[^\S\n]+)?)?"
)


# Who funds or runs a programme, before its name, is not its name.
_WHO_FUNDS = re.compile(rf"^(?:[Tt]he[^\S\n]+)?(?:[A-Z][\w]*[^\S\n]+){{0,2}}(?=[A-Z]){FUNDER_WORD}[^\S\n]+(?=[A-Z])")


def _trim_leading(text: str, start: int, before: str = "") -> tuple[str, int]:
    """Drop sentence words before a title: 'Under the Immigration Act' -> 'Immigration Act'.

    ``before`` is the text's word before the match ("the" of "the New Hospital Programme").
    """
    if (m := _LEADING_DATE.match(text)) and m.end() < len(text):
        text, start = text[m.end() :], start + m.end()
    if (m := _WHO_FUNDS.match(text)) and m.end() < len(text):
        text, start = text[m.end() :], start + m.end()  # "the Defra-funded Counter IWT Ranger Training Programme"
    if (m := _PROVISION.match(text) or _PARTIES_TO.match(text)) and m.end() < len(text):
        text, start = text[m.end() :], start + m.end()
    if (m := _OWNER.match(text)) and len(text[m.end() :].split()) >= 2:
        # "the Carbon Trust’s Carbon Management Programme": the owner is not part of the title
        text, start = text[m.end() :], start + m.end()
    previous = before
    while True:
        m = re.match(r"([\w'’\-]+),?[^\S\n]+", text)
        if not m or m.end() >= len(text) or m.group(1).lower() not in _LEADING:
            return text, start
        if m.group(1)[0].isupper() and re.match(r"of[^\S\n]+[A-Z]", text[m.end() :]):
            return text, start  # "Regulation of Investigatory Powers Act 2000" is the title, not a provision of it
        if m.group(1).lower() == "regulation" and re.match(r"\(?(?:EC|EU|EEC)\b|\d", text[m.end() :]):
            return text, start  # "Regulation 261/2004" is the regulation's own name
        if m.group(1)[0].isupper() and previous.lower() == "the":
            return text, start  # "the New Hospital Programme", "the Once for Wales Programme": a capital after the article is the title's
        previous = m.group(1)
        text, start = text[m.end() :], start + m.end()


# A title's words before the shapes' start: a number joined to its first word ("the 10-Year Health Plan"), and the
# subjects its words list ("the Digital Markets, Competition and Consumers Bill"), none a title's own head.
_NUMBER_JOINED = re.compile(r"(?<![\w.,])\d{1,3}-$")
_HEAD_OF_ITS_OWN = re.compile(
    r"\b(?:Act|Bill|Order|Regulations?|Rules|Strategy|Review|Report|Plan|Fund|Scheme|Programme|Framework|Code|Credit|Allowance|Benefit|"
    r"Payment|Grant|Budget|Statement|Agreement|Treaty|Convention|Protocol|Directive|Charter|Standard|Guidance|Policy|Paper|Survey|Inquiry|"
    r"Deal|Settlement|Annex|Schedule|Section|Part|Article|Appendix)\b"
)


def _whole_title(text: str, surface: str, start: int) -> tuple[str, int]:
    if start and (m := _NUMBER_JOINED.search(text, max(0, start - 4), start)):
        return text[m.start() : start + len(surface)], m.start()
    begins = listed_subjects_start(text, start, surface, _HEAD_OF_ITS_OWN)
    return text[begins : start + len(surface)], begins


# A colon inside a title, but not after a table's furniture ("Source: Labour Force Survey").
_TITLE_COLON = r"(?::(?<!Source:)(?<!Sources:)(?<!Note:)(?<!Notes:)(?<!Table:)(?<!Figure:)(?<!Chart:)(?<!Key:))"


# A title's subject after "for", "on", "of" or "into": capitalised words and their links, never a month or a
# trailing apostrophe ("Plan for Drivers’ measures").
_CAPITALISED_SUBJECT = (
    rf"(?!{MONTH_PATTERN}\b)[A-Z][\w'’\-]*(?<!['’])(?:[^\S\n]+(?:(?:to|of|and|for)[^\S\n]+(?:the[^\S\n]+)?)?(?!{MONTH_PATTERN}\b)[A-Z][\w'’\-]*(?<!['’])){{0,6}}"
    # (whole: not a list's first item, "the Integrated Review of Security, Defence, Development and Foreign Policy")
    # (nor cut off by a clipped text: "the Integrated Review of Securit...")
    r"(?![\w\-])(?!,?[^\S\n]+[A-Z]|,?[^\S\n]+(?:and|of|for|to|in)[^\S\n]+[A-Z]|\.\.\.|…)"
)


# A standard's number, its own identifier (British, European and international standards, BSI's published documents).
_STANDARD = r"(?:BS(?:[^\S\n]+EN)?(?:[^\S\n]+ISO)?|PD|ISO|PAS)[^\S\n]+\d{3,5}(?:-\d+)*(?::\d{4})?\b"


# A rule whose kind is decided from the quoted title it finds (report or policy paper).
QUOTED = "quoted"
# (kind, gate, pattern). The gate: words one of which a text must hold for the rule to be
# worth running — most answers name no instrument, so most rules stop at a substring test.
# Not right after a capitalised word (a look-behind a word length at a time: Python's are of fixed width):
# a rule that must start at a name's first word.
_NOT_AFTER_A_CAPITALISED_WORD = "".join(rf"(?<![A-Z][\w'’\-]{{{n}}} )" for n in range(16))
_RULES: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    ("secondary_legislation", ("S.I", "SI ", "S. I", "S I "), re.compile(r"\bS\.?[^\S\n]?I\.?[^\S\n]+(?:No\.?[^\S\n]*)?\d{4}[^\S\n]*/[^\S\n]*\d+")),
    (
        "secondary_legislation", ("Regulations", "Order", "Rules"),
        # (the year in brackets too: "The Victims Payments Regulations (2020) requires")
        # (a year among its words only before brackets, "The Equality Act 2010 (Specific Duties) Regulations 2011":
        # "the Flags Regulations (Northern Ireland) 2000 and The Flags (Northern Ireland) Order 2000" are two)
        re.compile(rf"\b(?:(?:(?!(?:19|20)\d\d\b){CAP}|(?:19|20)\d\d(?=[^\S\n]+\())[^\S\n]+(?:{LINK}[^\S\n]+|{BRACKETED}[^\S\n]+)*)+(?:Regulations|Order|Rules)(?:[^\S\n]+{BRACKETED})?[^\S\n]+(?:(?:19|20)\d\d\b|\((?:19|20)\d\d\))"),
    ),
    ("act", ("Act",), re.compile(rf"\b(?:(?!(?:Acts?|Bill)\b){CAP}[^\S\n]+(?:{LINK}[^\S\n]+|{BRACKETED_ACT}[^\S\n]+)*)+Acts?\b(?:[^\S\n]+\({_JURISDICTION}(?:\)(?=[^\S\n]+(?:1[6-9]|20)\d\d\b)|[^\S\n]+(?:1[6-9]|20)\d\d\)))?(?:,?[^\S\n]+(?:1[6-9]|20)\d\d\b(?:[^\S\n]+to[^\S\n]+(?:1[6-9]|20)\d\d\b)?)?"
                                 # (an act named head first, with its year: "the Act of Union 1707", "the Act of Settlement 1701")
                                 r"|\bAct[^\S\n]+of[^\S\n]+(?!Parliament\b)[A-Z][a-z]+[^\S\n]+(?:1[5-9]|20)\d\d\b")),
    ("bill", ("Bill",), re.compile(rf"\b(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+|{BRACKETED}[^\S\n]+)*)+Bill\b(?![^\S\n]+[A-Z])")),
    (
        "eu_law", ("Directive", "Regulation", "regulation"),
        re.compile(
            r"\b(?:(?:EC|EEC|EU)[^\S\n]+)?(?:(?:Council|Commission|European Parliament and Council)[^\S\n]+)?(?:Framework[^\S\n]+)?Directive[^\S\n]+(?:No\.?[^\S\n]*)?\d{2,4}/\d+(?:/E[CU]C?)?"
            r"|\bRegulation[^\S\n]+\((?:EC|EEC|EU|Euratom)\)[^\S\n]+No\.?[^\S\n]*\d+/\d+"
            # printed without "(EC) No": "Regulation 261/2004", "regulation EU 261/2004", "Regulation (EU) 2016/679"
            r"|\b[Rr]egulation[^\S\n]+(?:\(?(?:EC|EU)\)?[^\S\n]+)?(?:\d{1,4}/(?:19|20)\d\d|(?:19|20)\d\d/\d{3,4})\b"  # ("2022/23" is a year)
            r"|\bCouncil[^\S\n]+Regulation[^\S\n]+(?:No\.?[^\S\n]*)?\d+/\d+"
        ),
    ),
    (
        "eu_law", ("Framework Decision", "Directive", "Council Decision"),
        re.compile(rf"\b(?:(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*)*)(?:Framework Decision|Directive|Council Decision)[^\S\n]+(?:on|concerning|relating to)[^\S\n]+{TITLE}"),
    ),
    ("treaty", ("Convention", "Protocol", "Treaty", "Charter", "Covenant", "Declaration"), re.compile(rf"\b(?:(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*)*)(?:Convention|Protocol|Treaty|Charter|Covenant|Declaration)[^\S\n]+(?:[Oo]n|[Oo]f|[Ff]or|[Aa]gainst|[Rr]elating to|[Cc]oncerning)[^\S\n]+(?:the[^\S\n]+)?{TITLE}")),
    ("treaty", ("Convention", "Protocol", "Treaty", "Charter", "Covenant", "Agreement", "Accord", "Declaration", "Pledge"), re.compile(rf"\b(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*)+(?:Convention|Treaty|Conventions|Covenant|Protocol|Agreement|Accord|Declaration|Pledge)\b(?![^\S\n]+(?:Series|Organi[sz]ation|Association|Council|Commission|Secretariat|Committee))")),
    ("treaty", ("Agreement between",), re.compile(rf"\bAgreement[^\S\n]+between[^\S\n]+(?:the[^\S\n]+)?{TITLE}")),
    ("treaty", ("Protocol No",), re.compile(rf"\bProtocol[^\S\n]+No\.?[^\S\n]?\d+(?:[^\S\n]+(?:amending|to)[^\S\n]+(?:the[^\S\n]+)?{TITLE})?")),
    ("other", ("Resolution",), re.compile(r"\b(?:(?:UN|United Nations)[^\S\n]+)?(?:Security Council[^\S\n]+)?Resolution[^\S\n]+(?:No\.?[^\S\n]*)?\d{2,4}\b")),
    ("other", ("Mechanism",), re.compile(rf"\b(?:{CAP}[^\S\n]+)+Mechanism\b")),
    (
        "report", ("Cm", "Cd", "HL Paper", "HC "),
        re.compile(r"\b(?:Cm|Cmnd|Cd|Cmd)\.?[^\S\n]?\d{3,5}\b|\bHL[^\S\n]+Paper[^\S\n]+\d+(?:-[IVX]+)?|\bHC[^\S\n]+\d{1,4}(?:-[IVX]+)?(?=[\s,;.)])"),
    ),
    ("report", ("Paper",), re.compile(rf"\b(?:{CAP}[^\S\n]+)+(?:Series[^\S\n]+)?Paper[^\S\n]+(?:No\.?[^\S\n]*)?\d+\b")),
    # Numbers under which treaties are published: "UK Treaty Series No. 3, 2014", "CETS No.213".
    ("treaty", ("Series", "ETS"), re.compile(r"\b(?:UK[^\S\n]+)?(?:Treaty|Miscellaneous|European|Country)[^\S\n]+Series[^\S\n]+No\.?[^\S\n]?\d+(?:,[^\S\n]+\d{4})?|\b(?:CETS|ETS)[^\S\n]?No\.?[^\S\n]?\d+")),
    ("policy_paper", ("Book",), re.compile(rf"\b(?:{CAP}[^\S\n]+)*(?:Green|White|Orange|Blue|Red)[^\S\n]+Books?(?::[^\S\n]+{TITLE})?")),
    # (a Command Paper by its title too: "the Network North Command Paper", "Safeguarding the Union Command Paper")
    ("policy_paper", ("Paper",), re.compile(rf"\b(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*)+(?:White|Green|Command)[^\S\n]+Paper\b(?:(?:[^\S\n]+[-–])?[^\S\n]+(?:Refresh|Update)\b)?")),
    (
        # any capitalised plan ("Bus Service Improvement Plan", "York Local Plan"), its refresh ("Defence Command Plan
        # Refresh"), and the period a plan or a strategy covers ("Diversity and Inclusion Strategy 2022-25", "Environmental Improvement Plan 2023")
        # (the gate is the word with what follows it: "Planning" and "Plant" hold no plan)
        "policy_paper", ("Strategy", *(f"Plan{end}" for end in " ,.;:)?!'’\"”\n"), "Code", "Guidance", "Framework", "Criteria", "Roadmap"),
        re.compile(rf"\b(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*){{1,12}}(?:Strategy|Plan|Code of Practice|Code|Guidance|Framework|Criteria|Roadmap)\b(?:[^\S\n]+(?:Refresh|Update)\b)?(?:[^\S\n]+(?:19|20)\d\d(?:[/–-]\d{{2,4}}|[^\S\n]+to[^\S\n]+(?:19|20)\d\d)?\b)?(?![^\S\n]+(?:for|on|of)[^\S\n]+[A-Z])"),
    ),
    # a named policy ("the Child Safeguarding Policy", "the MOD’s Acceptable Use Policy"): two to four capitalised
    # words of its own, none a link, after an article or an owner, none a title's head, a policy's area or a
    # party ("the Government's Drugs Policy", "the Common Fisheries Policy and the ... Policy" are areas;
    # "the Head of Asylum Policy" an office), and nothing after it that makes it a longer name or a policy on a subject
    ("policy_paper", ("Policy",), re.compile(
        r"(?:(?<=\b[Tt]he )|(?<=\b[Oo]ur )|(?<=\b[Ii]ts )|(?<=\b[Tt]heir )|(?<=\b[Tt]his )|(?<=['’]s ))"
        rf"(?:(?!{_POLICY_NOT_NAMES}\b)[A-Z][\w\-]*[^\S\n]){{2,4}}"
        r"Policy\b(?![^\S\n]+(?:[A-Z]|(?:on|for|of|and|team|unit|division|directorate|group|officials?|leads?|advisers?|areas?|colleagues|makers?)\b)|[\w’'\-])")),
    ("policy_paper", ("Rules", "Guidelines", "Manual", "Handbook"), re.compile(rf"\b(?:{CAP}[^\S\n]+(?:{LINK}[^\S\n]+)*)+(?:Rules|Guidelines|Manual|Handbook)\b(?![^\S\n]+(?:19|20)\d\d)")),
    # "Guidance on Charging", "Framework for Sustainable Development on the Government Estate"
    # a policy statement with two words of its own at least, neither an article nor a year ("Cash Access Policy
    # Statement"; "a National Policy Statement", one word of its own, is a kind of paper)
    ("policy_paper", ("Policy Statement",), re.compile(rf"\b(?:(?!The\b|A\b|An\b)[A-Z][\w'’\-]*[^\S\n]+(?:{LINK}[^\S\n]+)*){{2,8}}Policy[^\S\n]+Statement\b(?![^\S\n]+(?:for|on)[^\S\n]+[A-Z])")),
    ("policy_paper", ("Guidance", "Code", "Strategy", "Framework", "Action Plan", "Policy Statement"), re.compile(rf"\b(?:{CAP}[^\S\n]+){{0,12}}(?:(?:Guidance|Code of Practice|Strategy|Framework|Action Plan|Policy Statement)[^\S\n]+(?:on|for)|Code[^\S\n]+on)[^\S\n]+(?:the[^\S\n]+)?{TITLE}")),
    # a plan for, a report on, a review of, an inquiry into or a survey of a capitalised subject, its words alone ("Delivery Plan
    # for Recovering Access to Primary Care", "Annual Report on Special Advisers"; not "Plan for Water, the Government
    # ..." nor "... in April 2023")
    ("policy_paper", ("Plan for",), re.compile(rf"\b(?:{CAP}[^\S\n]+){{0,12}}Plan[^\S\n]+for[^\S\n]+{_CAPITALISED_SUBJECT}")),
    ("report", ("Report on", "Report into", "Review of", "Review into", "Inquiry into", "Survey of", "Survey for"),
     re.compile(rf"\b(?:{CAP}[^\S\n]+){{1,12}}(?:Report[^\S\n]+(?:on|into)|Review[^\S\n]+(?:of|into)|Inquiry[^\S\n]+into|Survey[^\S\n]+(?:of|for))[^\S\n]+(?:the[^\S\n]+)?{_CAPITALISED_SUBJECT}")),
    # "Code of Conduct for Board Members of Public Bodies"; words before it are its owner's ("House of Commons Code of Conduct for Members")
    ("policy_paper", ("Code of Conduct",), re.compile(rf"\bCode of Conduct[^\S\n]+(?:on|for)[^\S\n]+(?:the[^\S\n]+)?{TITLE}")),
    # statistical series: "Public Transport Statistics Bulletin GB: 2005 Edition", "Immigration Statistics Quarterly Release"
    ("report", ("Bulletin", "Statistics"), re.compile(rf"\b(?:{CAP}[^\S\n]+)+(?:Bulletin|Statistics)(?:[^\S\n]+(?:Quarterly|Annual)\b(?:[^\S\n]+Release\b)?)?(?:[^\S\n]+[A-Z]{{2,3}})?(?::[^\S\n]+(?:19|20)\d\d[^\S\n]+Edition)?")),
    # named programmes and schemes (capitalised: "the single payment scheme" is not one)
    # (their words joined as the funds' are, and by "to": "Flood and Coastal Resilience Innovation Programme", "Armed Forces
    # Help to Buy Scheme"; a period after: "... Initiative 2022-25")
    ("other", ("Scheme", "Programme", "Initiative"), re.compile(rf"\b(?:{CAP}[^\S\n]+(?:and[^\S\n]+|&[^\S\n]+|of[^\S\n]+|for[^\S\n]+|to[^\S\n]+)?){{1,5}}(?:Scheme|Programme|Initiative)\b(?:[^\S\n]+(?:19|20)\d\d(?:[/–-]\d{{2,4}})?\b)?")),
    # the Chancellor's fiscal events: "Autumn Statement 2023", "Spring Budget 2023", "Budget 2021"; a season's
    # names one without its year ("announced in the Autumn Statement"), a bare "Budget" only with one
    ("policy_paper", ("Budget", "Statement"), re.compile(r"\b(?:(?:Autumn|Spring|Summer|Emergency)[^\S\n]+(?:Statement|Budget)(?:[^\S\n]+(?:19|20)\d\d\b)?|Budget[^\S\n]+(?:19|20)\d\d\b)(?:[^\S\n]+Policy Costings)?")),
    # named statements of policy: "Joint Fisheries Statement", "Road Safety Statement", "National Policy
    # Statements"; not a statement made to the House ("Oral Statement", "Written Ministerial Statement",
    # "the Home Secretary's Statement"), by governments together ("Joint Statement"), or one every project or
    # firm makes ("Environmental Statement", "Modern Slavery Statement");
    # and operating models ("Border Target Operating Model")
    # (the first capitalised word, and not after "a" or "a new": "a National Policy Statement sets out" is a kind of paper)
    ("policy_paper", ("Statement", "Operating Model"), re.compile(
        rf"\b(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\b[Aa] new ){_NOT_AFTER_A_CAPITALISED_WORD}(?:{CAP}[^\S\n]+(?:(?<!Act )(?<!Bill )and[^\S\n]+|of[^\S\n]+|for[^\S\n]+)?){{1,4}}"  # ("the Fisheries Act and Joint ...": two)
        r"(?:(?<=Policy )Statements|(?<!Oral )(?<!Written )(?<!Ministerial )(?<!'s )(?<!’s )(?<!Autumn )(?<!Spring )(?<!Joint )(?<!Environmental )(?<!Slavery )Statement|(?<=[A-Za-z] )Operating[^\S\n]+Model)\b")),
    # named funds, benefits, visas and programmes (GUIDELINES.md, named schemes): capitalised words
    # ending in the word for what they are ("Pothole Fund", "Local Housing Allowance", "Graduate visa"),
    # up to seven, and by "to" before a programme's, a scheme's or a relief's last words ("Reduce to Produce
    # programme", "Right to Buy Discount"; not "Migration Notices to Housing Benefit", nor "the Work Programme to
    # Restart scheme", two)
    (
        "other",
        ("Fund", "Allowance", "Benefit", "Credit", "Payment", "Bursary", "Formula", "Package", "Partnership", "Zones", "Grant", "Guarantee", "Relief", "Discount", "Loan",
         "programme", "scheme", "visa", "route", "pilots", "Standard", "Certificate", "Levy", "mandate", "Mandate",
         "Incentive", "Obligation", "Settlements", "Block", "Meals"),
        re.compile(
            # (an acronym in brackets before a capitalised head: "Decent Home (DH) Standard"; not "... (NELI) programme")
            rf"\b(?:{CAP}[^\S\n]+(?:and[^\S\n]+|of[^\S\n]+|for[^\S\n]+|(?<!Programme )(?<!Scheme )(?<!Fund )(?<!Initiative )to[^\S\n]+(?=(?:[A-Z][\w'’\-]*[^\S\n]+){{1,4}}(?:programme|scheme|Discount|Relief|Loans?)\b))?){{1,7}}(?:\([A-Z]{{2,6}}\)[^\S\n]+(?=[A-Z]))?"
            r"(?:Fund|Allowance|Benefit|Credit|Payment|Bursary|Formula|Package|Partnership|Zones|Grant|Guarantee|Relief|Discount|Loans?|programme|scheme|(?<!\bUK )(?<!\bEU )visas?|route|(?<!\b[A-Z]{2} )(?<!\b[A-Z]{3} )(?<!\b[A-Z]{4} )pilots|Standard|Certificate|Levy|[Mm]andate"
            r"|Incentive|Obligation|Settlements|Block|Meals)\b"
            r"(?!(?<=Benefit)[^\S\n]+[A-Z])"  # "Community Benefit Society" is a body
            # and "Public Works Loan Board", "Coastal Partnership East"
            + "".join(rf"(?!(?<={head})[^\S\n]+(?:{ORG_HEADS})\b)" for head in ("Relief", "Discount", "Loan", "Loans"))
            + rf"(?!(?<=Partnership)[^\S\n]+(?:{COMPASS})\b)"
            # a fund's subject is its name's ("Trust Fund for Victims", "International Fund for Ukraine")
            # (its subject whole words, never a month, a date or "the" body it funds: "Household Support Fund for April")
            rf"(?:(?<=Fund)[^\S\n]+(?:for|of)[^\S\n]+(?!{MONTH_PATTERN}\b|the\b){CAP}\b(?:[^\S\n]+(?:and[^\S\n]+)?{CAP}\b){{0,4}})?"
            rf"(?![^\S\n]+(?:for|of)[^\S\n]+(?!{MONTH_PATTERN}\b)[A-Z])"
        ),
    ),
    # a series title before a colon belongs to the title: "State of the Environment: Soil Report"
    ("report", ("Report", "Review", "Inquiry", "Survey"), re.compile(rf"\b(?:{CAP}{_TITLE_COLON}?[^\S\n]+(?:{LINK}[^\S\n]+)*){{1,16}}(?:Report|Review|Inquiry|Survey)\b(?:[^\S\n]+and[^\S\n]+Accounts\b)?(?:[^\S\n]+(?:Refresh|Update)\b)?(?:[^\S\n]+(?:19|20)\d\d(?:[/–-]\d{{2,4}})?\b)?(?![^\S\n]+(?:of|on|into)[^\S\n]+[A-Z])"
    # (not a body's name: "Pay Review Bodies", "the Case Review Manager")
    rf"(?![^\S\n]+(?:{ORG_HEADS}|Bod(?:y|ies)|Manager|Team|Officer|Lead)\b)")),
    # standards by their number: "BS 3841", "BS 40102-1:2023", "BS EN ISO 14001", "PAS 2035"
    ("policy_paper", ("BS ", "PD ", "ISO ", "PAS "), re.compile(rf"\b{_STANDARD}")),
    # a statistical series by its title and year, "statistics" after it: "his Department's Departmental Resource
    # 2023 statistics" (last: a title another rule reads, "Autumn Statement 2023", is of that rule's kind)
    # (its owner's possessive before it: "The Home Office 2023 statistics show" names the body, not a series)
    ("report", ("statistics",), re.compile(rf"(?<=['’]s )(?:(?!(?:19|20)\d\d\b|(?:{MONTH_PATTERN}|In|By|From|Since|The)\b)[A-Z][\w'’\-]*[^\S\n]+){{1,6}}(?:19|20)\d\d(?:[/–-]\d{{2,4}})?(?=[^\S\n]+statistics\b)")),
    # A title in quotation marks: "the “Ministerial Code” and “Travel by Ministers”".
    (QUOTED, ("“", '"'), re.compile(r"(?<=[“\"])[A-Z][^“”\"\n]{2,150}?(?=[”\"])")),
    # (in single quotes too, where the closing one is no apostrophe: "‘Response to the Independent Review of ...’",
    # "‘The Children’s Plan’")
    (QUOTED, ("‘",), re.compile(r"(?<=‘)[A-Z](?:[^‘’\n]|’(?=[a-z])){2,150}?(?=’(?![a-z]))")),
]

_GATE_WORDS = WordGate({w for _, gate, _ in _RULES for w in gate})
_TITLED_GATE = re.compile(r"report|review|study|paper|Paper|strategy|document|action plan|guidance")

# "the report Stopping Traffic: ... by Liz Kelly", "a review of sexual offences, Setting the Boundaries, in July"
_TITLED_AFTER = re.compile(
    r"\b(?:report|review|study|paper|strategy|consultation document|consultation paper|document|action plan|guidance)"
    r"(?:\s+(?:of|on|into)\s+[a-z][\w\s\-]{0,60}?,)?,?\s+(?:entitled\s+|called\s+)?[‘“\"']?"
    r"(?P<title>[A-Z][^.;\[\]\n‘’“”\"]*?)(?=[’”\"']?(?:\s+by\s|,\s*published|,\s+in\s|,\s+which|\s*\[|\.\s|\.$|;|,\s+[a-z]|$|"
    r"\s+(?:is|was|are|were|will|has|have|had|would|should|can|may|sets|set|said|says)\s))"
    r"|(?:White|Green)\s+Paper,?\s*[‘“\"']?(?P<paper>[A-Z][^.;\[\]\n‘’“”\"]*?)(?=[’”\"']?(?:\.\s|\.$|;|\s*\(|$))"
)
# A title the text introduces by name: "the policy paper entitled Our Long-Term Plan for Towns,
# published on 1 October 2023, what ...". Government titles are often in sentence case with
# commas and colons, so the title runs to what ends it in a question: a publication date, a
# paper number, the comma before the question's next clause, a full stop.
# Found by its literal word; the word naming what the title is comes from the few characters before.
_ENTITLED = re.compile(
    r"\b(?:entitled|titled),?[^\S\n]+[‘“\"']?(?P<title>[A-Z0-9£][^\n‘’“”\"]{2,250}?)"
    r"(?=[’”\"']?(?:,?[^\S\n]+(?:published|updated|dated|issued|released|launched|which closed)\b|,[^\S\n]+(?:CP|Cm|HC|HL)[^\S\n]+\d"
    r"|,[^\S\n]+(?:which|whether|what|how|if|when|for what|on what|by what|with what|in what|to what|who|whom|where|why|and if|and what|and whether)\b"
    rf"|,?[^\S\n]+(?:on|in)[^\S\n]+(?:\d{{1,2}}[^\S\n]+)?(?:{MONTH_PATTERN}|(?:19|20)\d\d)\b|,[^\S\n]+[a-z]+ed[^\S\n]+by\b"
    # ("... since the guidance entitled Official definition of an XL Bully dog was published on ...";
    # "... and what needs to change – found that ...": a dash and what the paper found)
    r"|[^\S\n]+[–—-][^\S\n]+(?:found|finds|showed|shows|said|says|sets?[^\S\n]+out|stated|states|concluded|highlighted|recommended)\b"
    r"|[^\S\n]+(?:was|were|is|are|has[^\S\n]+been|have[^\S\n]+been)[^\S\n]+(?:first[^\S\n]+)?(?:published|updated|issued|released|launched|laid|produced)\b"
    r"|[^\S\n]+and[^\S\n]+(?:its|will|has|have|is|was|would)\b|[^\S\n]+(?:by|from)[^\S\n]+(?:the[^\S\n]+)?[A-Z]|\.(?:\s|$)|\?|;|$))"
)
_ENTITLED_HEAD = re.compile(r"([\w’'-]+),?[^\S\n]+$")
_ENTITLED_KIND = {"release": "other", "notice": "other", "report": "report", "review": "report", "study": "report", "research": "report",
                  "survey": "report", "statistics": "report", "data": "report", "analysis": "report", "evaluation": "report"}
# Things with titles that are not instruments: "a debate entitled ...", "an article entitled ...".
_NOT_INSTRUMENT_HEADS = {"debate", "debates", "article", "articles", "petition", "petitions", "motion", "book", "event", "conference", "programme", "podcast", "film"}
# Two titles joined by "and the" ("Powering Up Britain and the Green Finance Strategy", "Cabinet
# Manual and the Directory of Civil Service Guidance"): the second ends in a title's head word, and
# the first does too or is at least three words ("Mental Health and the Workplace Review" is one title).
_TITLE_HEADS = r"(?:Acts?|Bill|Strategy|Report|Review|Protocol|Convention|Treaty|Charter|Agreement|Directive|Plan|Regulations|Order|Rules|Fund|Scheme|Programme|Framework|Code|Paper|Guidance|Guidelines|Manual|Handbook)"
_TITLE_HEAD_END = re.compile(rf"(?:^|[^\S\n]){_TITLE_HEADS}(?:[^\S\n]+(?:19|20)\d\d)?$")


# Two named benefits or payments joined by "and": "Child Benefit and Housing Benefit".
_NAMED_HEAD = r"(?:Benefit|Credit|Allowance|Payment|Fund|Grant|Relief|Discount|Loans?)"
_TWO_NAMED = re.compile(rf"^(.+?[^\S\n]{_NAMED_HEAD})[^\S\n]+and[^\S\n]+(?=[A-Z])(.+[^\S\n]{_NAMED_HEAD})$")


def _two_titles(surface: str, before: str = "") -> tuple[str, str, int] | None:
    """(first, second, offset of second) when ``surface`` is two titles joined by "and the" (first "" when only the second is one)."""
    if m := _TWO_NAMED.match(surface):
        return m.group(1), m.group(2), m.start(2)
    # two titles each with its head word, or a listed name and a title, joined by a bare "and" ("Defence and
    # Security Industrial Strategy and Defence Command Paper", "Powering Up Britain and British Energy Security Strategy")
    if (at := surface.rfind(" and ")) > 0 and not surface.startswith(" and the ", at):
        first, second = surface[:at], surface[at + len(" and ") :]
        listed = _named_instruments().titles
        if (first in listed and second in listed) or (second[:1].isupper() and len(second.split()) >= 2 and _TITLE_HEAD_END.search(second) and (
            (_TITLE_HEAD_END.search(first) and len(first.split()) >= 2) or first in listed
        )):
            return first, second, at + len(" and ")
    at = surface.rfind(" and the ")
    if at < 0:
        return None
    first, second = surface[:at], surface[at + len(" and the ") :]
    words = first.split()
    if not second[:1].isupper() or not _TITLE_HEAD_END.search(second) or words[-1].lower() in _LEADING:
        return None
    if len(words) >= 3 or _TITLE_HEAD_END.search(first):
        return first, second, at + len(" and the ")
    # A short first part with no head word is the sentence's topic when the second is a title of three
    # words or more ("Renewable Energy and the National Planning Policy Framework"); before a short
    # second, or after "the", both are one title ("Mental Health and the Workplace Review", "the Women
    # and the Economy Action Plan").
    return ("", second, at + len(" and the ")) if len(second.split()) >= 3 and before.lower() != "the" else None


_GENERIC_TITLES = {"official statistics", "national statistics", "official report", "the official report", "hansard", "the convention", "the protocol", "the treaty", "the act", "the bill", "the report", "act", "bill", "convention", "protocol", "treaty", "the government", "government",
                   "white paper", "green paper", "command paper", "british standard", "british standards"}  # a kind of paper: "her Department's White Paper entitled High stakes: ..." is titled by what follows
# Words before a back-reference are no title: "Work on the Bill", "the timetable for the Review".
_BACK_REFERENCE = re.compile(r"[^\S\n]the[^\S\n]+(?:Bill|Act|Report|Review|Strategy|Plan|Programme|Scheme|Fund|Framework|Guidance|Code|Inquiry)$")
# A spending review printed without its year is an event, not a document (the Report rule reads "Spending Review";
# a season's Statement or Budget is its paper, the fiscal-event rule). So are a kind of pension ("Defined Benefit
# schemes") and a scheme's own rules.
_NOT_TITLES = re.compile(r"^(?:Defined (?:Benefit|Contribution)s?|Scheme Rules|(?:Comprehensive )?Spending (?:Review|Round)|Government (?:Strategy|Plan|Guidance|Framework|Code)|(?:Education, )?Health and Care Plans?|(?:Annual )?Business Plan|Repayment Plan|Local Plan|Care Plan|Point Plan|(?:Action|Delivery|Implementation) Plan|Strategy (?:19|20)\d\d|Official Report|Act of Parliament|Acts of Parliament|Statutory Declarations?(?: .*)?|Private Bill|Public Bill|Hybrid Bill|Government Bill|Money Bill|Parliament Act)$")


# A report named only by its number or frequency: whose, the words do not say ("the Third Report",
# "the Annual Report"), unless its owner follows ("First Report of the Administration Committee").
_BARE_REPORT = re.compile(r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Annual|Final|Interim) Report$")


def _titled(surface: str, following: str = "") -> bool:
    """Whether a rule's match carries a title: not a generic word ("the Treaty"), and two words or a number."""
    if not surface or surface.lower() in _GENERIC_TITLES or _NOT_TITLES.match(surface) or _BACK_REFERENCE.search(surface):
        return False
    if _BARE_REPORT.match(surface) and not re.match(r"[^\S\n]+(?:of|for|by)[^\S\n]", following):
        return False
    return len(surface.split()) >= 2 or re.search(r"\d", surface) is not None


def _year(text: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    return int(m.group(1)) if m else None


def _identifier(kind: str, surface: str) -> str | None:
    if re.match(r"^(?:S\.?\s?I|Cm|Cmnd|Cd|Cmd|HL Paper|HC|CETS|ETS)\b", surface) or re.fullmatch(_STANDARD, surface) or re.search(r"(?:Paper|Series\s+No\.?)\s*(?:No\.?\s*)?\d+(?:,\s+\d{4})?$", surface):
        return re.sub(r"\s+", " ", surface)
    if kind == "other" and (m := re.search(r"Resolution\s+(?:No\.?\s*)?\d+", surface)):
        return m.group(0)
    if kind == "eu_law" and (number := re.search(r"(?:No\.?\s*)?\d{1,4}/\d+(?:/E[CU]C?)?", surface)):
        return number.group(0)
    return None


def find_instruments(text: str, links: Sequence[str] = ()) -> list[InstrumentMention]:
    """Instrument mentions in one text, longest first where they overlap; ``links`` are the texts of its links (an HTML answer's)."""
    candidates: list[InstrumentMention] = []
    present = _GATE_WORDS.present(text + "\n")  # a gate's word with what follows it may end the text
    for kind, gate, rule in _RULES:
        if present.isdisjoint(gate):
            continue
        for m in rule.finditer(text):
            if kind == QUOTED:
                title = m.group(0).rstrip(" ,:;")
                words = title.split()
                # Quoted speech is not a title: a title is short, has no full stop, and is mostly capitalised.
                if not 2 <= len(words) <= 16 or re.search(r"[.!?]$|\.\s", title) or sum(w[:1].isupper() for w in words) * 2 < len(words):
                    continue
                if text[m.start() - 1] == "‘":
                    # single quotes mark terms and slogans as often as titles ("‘Control Periods’", "‘Table 1_1652’",
                    # "the ‘Burn Better, Breathe Better’ campaign"): a title is longer, has no figure but its year,
                    # and what follows it may say what it is ("the ‘Stable Homes, Built on Love’ strategy")
                    after = _WORD_AFTER_QUOTE.match(text, m.end() + 1)
                    called = after.group(1).lower() if after else ""
                    if len(words) < 4 or re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", title)) or called in _NOT_A_DOCUMENT:
                        continue
                    candidates.append(_mention(_DOCUMENT_KIND.get(called) or _marked_kind(title), title, m.start()))
                    continue
                candidates.append(_mention(_marked_kind(title), title, m.start()))
                continue
            surface, start = _trim_leading(m.group(0), m.start(), word_before(text, m.start()))
            surface = surface.rstrip(" ,")
            surface, start = _whole_title(text, surface, start)
            if kind == "other" and (year := re.match(r"(?:19|20)\d\d[^\S\n]+(?=[A-Z])", surface)):
                # "the 2014 Clean Vehicle Technology Fund": the year is the round's, not the fund's name
                surface, start = surface[year.end() :], start + year.end()
            if two := _two_titles(surface, word_before(text, start)):
                # "the Treaty and the Safety of Rwanda (Asylum and Immigration) Bill": each title stands on its own
                candidates.extend(_mention(kind, title, at) for title, at in ((two[0], start), (two[1], start + two[2])) if _titled(title))
            elif _titled(surface, text[start + len(surface) : start + len(surface) + 6]):
                candidates.append(_mention(kind, surface, start))
    entitled: list[tuple[int, int]] = []  # spans of titles named by "entitled": the surer reading where both rules read one
    for m in (_ENTITLED.finditer(text) if "titled" in text else ()):
        entitled.append(m.span("title"))
        title = m.group("title").strip(" ,:")
        head = _ENTITLED_HEAD.search(text, max(0, m.start() - 40), m.start())
        head_word = head.group(1).lower() if head else ""
        if len(title.split()) >= 2 and title.lower() not in _GENERIC_TITLES and head_word not in _NOT_INSTRUMENT_HEADS:
            candidates.append(_mention(_ENTITLED_KIND.get(head_word, "policy_paper"), title, m.start("title")))
    for m in (_TITLED_AFTER.finditer(text) if _TITLED_GATE.search(text) else ()):
        group = "title" if m.group("title") else "paper"
        if any(start < m.end(group) and m.start(group) < end for start, end in entitled):
            continue
        title = m.group(group).strip(" ,:")
        if len(title) < 6 or title.lower() in _GENERIC_TITLES or not re.search(r"[A-Z]", title):
            continue
        head = m.group(0)[: m.start(group) - m.start()].lower()
        kind = "report" if re.search(r"report|review|study|paper", head) and "consultation" not in head and group == "title" else "policy_paper"
        candidates.append(_mention(kind, title, m.start(group)))
        if ":" in title:  # "Stopping Traffic: Exploring ..." is also called "Stopping Traffic"
            short = title.split(":", 1)[0].strip()
            for s in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                if s.start() != m.start(group):
                    candidates.append(InstrumentMention(s.start(), s.end(), short, kind, title, None, _year(title)))
    # A capitalised name after the words people use of schemes and benefits ("eligible for Access for All",
    # "through the Places for Growth", "in receipt of Neonatal Care Leave and Pay"); the keyword rules' own
    # readings of the same words come first, and a body's or an office's name is none.
    # (the cue words found in one automaton pass, the name read where each ends: a pattern that starts with
    # a choice of words is tried at every position by Python's re)
    for cue_start, cue_end, _cue in _SCHEME_CUE_WORDS.spans(text):
        if (cue_start and (text[cue_start - 1].isalnum() or text[cue_start - 1] == "-")) or not (m := _SCHEME_NAME.match(text, cue_end)):
            continue
        name = m.group("name")
        if not _NOT_A_SCHEME.search(name) and _titled(name):
            candidates.append(_mention("other", name, m.start("name")))
    # The named schemes and publications no shape reads ("Triple Lock", "Managing Public Money"), from the list.
    named = _named_instruments()
    listed: list[InstrumentMention] = []
    for start, end, printed in named.gate.spans(text):
        if (start and (text[start - 1].isalnum() or text[start - 1] in "-'’")) or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
            continue
        if (after := _NAMED_GOES_ON.match(text, end)) and not after.group("scheme_word"):
            continue  # part of a longer name after it: "the UK ETS Authority" is a body
        if (before := _NAMED_AFTER.search(text, max(0, start - 30), start)) and before.group(1) not in _NAMED_MAY_FOLLOW and not re.search(r"['’]s?$", before.group(1)):
            continue  # or before it: "Community Right to Buy", "the Armed Forces Help to Buy Scheme" are other schemes
        title, kind = named.titles[printed]
        end = after.end() if after else end  # "the voluntary Right to Buy scheme": the scheme's word is the title's
        identifier = None
        if numbered := _EU_NUMBER_AFTER.match(text, end):  # "General Data Protection Regulation (EU) 2016/679"
            end, identifier = numbered.end(), numbered.group(1)
        listed.append(InstrumentMention(start, end, text[start:end], kind, title, identifier, None))
    # a listed name the shapes read with the same span is the list's ("the Restoring Your Railway programme")
    spans = {(m.start, m.end) for m in listed}
    return _longest_non_overlapping([*listed, *(c for c in candidates if (c.start, c.end) not in spans), *(linked_titles(text, links) if links else ())])


# What follows a listed name: a scheme's own word, which joins it, or another capitalised word, which makes it
# part of a longer name; "age" makes it the age, not the benefit ("people over State Pension age").
_NAMED_GOES_ON = re.compile(r"[^\S\n]+(?:(?P<scheme_word>[Ss]cheme|[Pp]rogramme|[Pp]ayments?|[Pp]olicy)\b|[A-Z]|ages?\b)")
# An EU act's number after its listed name.
_EU_NUMBER_AFTER = re.compile(r"[^\S\n]+\((?:EU|EC|EEC)\)[^\S\n]+(?:No[^\S\n]+)?(\d+/\d+)\b")
# A capitalised word just before a listed name (not a sentence's first word: the search starts after a stop
# or at a line's start) makes it part of a longer name, unless the word only says whose it is ("HM Treasury’s
# Managing Public Money").
_NAMED_AFTER = re.compile(r"(?<![.!?:\n])(?<![.!?:\n] )\b([A-Z][\w'’\-]*)[^\S\n]+$")
_NAMED_MAY_FOLLOW = {"UK", "HM", "The", "A", "An", "Our", "This", "Government"}


@dataclass(frozen=True)
class _NamedInstruments:
    gate: WordGate  # every title and alias, as printed
    titles: dict[str, tuple[str, str]]  # printed -> (title, kind)


@cache
def _named_instruments() -> _NamedInstruments:
    """pipeline/reference/named_instruments.csv, read once."""
    titles: dict[str, tuple[str, str]] = {}
    with NAMED_INSTRUMENTS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind = InstrumentKind(row["kind"]).value  # a kind the tables know, or the list is wrong
            for printed in [row["title"], *filter(None, row["aliases"].split("|"))]:
                titles[printed] = (row["title"], kind)
    return _NamedInstruments(WordGate(titles), titles)


_SCHEME_CUES = (
    "eligible for", "claiming", "claim", "receive", "receiving", "apply for", "applied for", "application for", "applications for",
    "application to", "applications to", "in receipt of", "entitled to", "recipients of", "through the", "under the", "via the",
    "funded by the", "funding from the",
)
_SCHEME_CUE_WORDS = WordGate(_SCHEME_CUES)
_SCHEME_NAME = re.compile(
    r"[^\S\n]+(?:the[^\S\n]+)?"
    r"(?P<name>[A-Z][a-z]+(?:-[a-z]+)?(?:[^\S\n]+(?:(?:for|of|to|and)[^\S\n]+)?[A-Z][a-z]+(?:-[a-z]+)?){1,3})"
    # the name whole: not running on into more capitalised words, and not cut off with a clipped text
    r"(?=[^\S\n]*(?:[,;:)?!]|\.(?!\.))|[^\S\n]+[a-z])(?![^\S\n]+(?:and|of|for|to|&)[^\S\n]+[A-Z]|,[^\S\n]+[A-Z])"
    # (nor a name of something else: "the School Capacity survey", "the Manage Your Referral tool")
    r"(?![^\S\n]+(?:survey|tool|metrics?|element|website|data|dataset|model|system|database|portal|form|app|team|unit|service)\b)"
)
# Names that are bodies, offices, governments, waters and crossings, dates, rates or other kinds of document, not schemes.
_NOT_A_SCHEME = re.compile(
    rf"\b(?:{ORG_HEADS}|General|Secretary|Minister|Commissioner|Officer|Director|Chief|Chancellor|Mayor|Lords|Commons|House|Government|Regime)\b"
    r"|\b(?:Wage|Act|Bill|Round|Phase|Tranche|Stage|Wave|Database|Portal|Website|Channel|Constituency|Reports?|Sea|Strait|Canal|Tunnel|Port"
    r"|Assent|Directive|Statement|Procedure)$"
    rf"|\b{DAY_OR_MONTH}\b"
    r"|^(?:United Kingdom|Great Britain|Northern Ireland|European Union|United Nations|United States|Middle East|Armed Forces)$"
)


def title_of(surface: str) -> str:
    """An instrument's title as printed, without a leading "the"."""
    return re.sub(r"^the\s+", "", surface, flags=re.I)


# The word after a quoted title, which may say what it is, or that it is none.
_WORD_AFTER_QUOTE = re.compile(r"[^\S\n]+([A-Za-z]+)")
_DOCUMENT_KIND = {"strategy": "policy_paper", "guidance": "policy_paper", "plan": "policy_paper", "framework": "policy_paper",
                  "consultation": "policy_paper", "regulations": "secondary_legislation", "report": "report", "review": "report"}
_NOT_A_DOCUMENT = {"campaign", "campaigns", "service", "register", "website", "test", "category", "categories", "status",
                   "definition", "classification", "group", "column", "contract", "base", "facility", "slogan", "message"}


def _marked_kind(title: str) -> str:
    """The kind of a title the page marks (quotes, a link): a paper of rules or policy by its words, else a report."""
    return "policy_paper" if re.search(r"\b(?:[Cc]ode|[Gg]uidance|[Ss]trategy|[Pp]lan|[Pp]aper|[Ff]ramework|[Cc]harter|[Rr]ules|[Hh]andbook|[Mm]anual)\b", title) else "report"


# The site's name a linked page's title ends with ("... - GOV.UK (www.gov.uk)", "... (publishing.service.gov.uk)",
# its bracket sometimes outside the link), or a word for the page itself ("the Safety in Custody publication").
_SITE_NAME = re.compile(
    r"(?:[^\S\n]+[-–|][^\S\n]+(?:GOV\.UK|Office for National Statistics)\b.*|[^\S\n]*\((?:www\.)?[\w-]+(?:\.[\w-]+)+\)?"
    r"|[^\S\n]+(?:publication|page|webpage|web page))\.?$"
)
# A link's text that is no title: a page of Parliament's site ("Written statements - ... - UK Parliament"), a
# question's, a table's or an annex's number, a website, an address, a call to follow it, or a body ("... Surveillance group (HAIRS)").
_NOT_A_LINKED_TITLE = re.compile(
    r"UK Parliament$|^(?:UIN|PQ|HL|Table|Figure|Chart|Annex|Appendix|Question)\b[^\S\n]*[\w.]*$|\bwebsite$|^(?:https?:|www\.)|@"
    r"|^(?:Read|See|Click|Find|View|Visit|Download|More|Here|This|Link)\b"  # a link's call to follow it ("Read more about it")
    r"|\b(?:[Gg]roup|Council|Committee|Agency|Authority|Department|Ministry|Commission|Board|Trust|Institute|Association|Society)(?:[^\S\n]+\([A-Z]{2,}\))?$"
)


def linked_titles(text: str, links: Sequence[str]) -> list[InstrumentMention]:
    """A link's text in ``text`` read as a title (GUIDELINES.md: titles the page marks).

    In 66 links of the K-Z answers with a capitalised text of two words or
    more, 50 were a title the labellers listed (a GOV.UK publication, a data
    tool, a scheme's page) and the rest a page of the site, a question's or a
    table's number, a website or a body, which are refused here; a link to a
    body of the reference table is that body (the mentions step drops a title
    that is a curated body's name).
    """
    found: list[InstrumentMention] = []
    at = 0
    for link in links:
        title = _SITE_NAME.sub("", link).strip(" ,.;:")
        if not (title[:1].isupper() and 2 <= len(title.split()) <= 30) or _NOT_A_LINKED_TITLE.search(title):
            continue
        printed = re.compile(rf"(?<![\w\-]){re.escape(title)}(?![\w\-])")
        if not (m := printed.search(text, at) or printed.search(text)):
            continue
        at = m.end()
        found.append(_mention(_marked_kind(title), title, m.start()))
    return found


def _mention(kind: str, surface: str, start: int) -> InstrumentMention:
    title = title_of(surface)
    identifier = _identifier(kind, surface)
    return InstrumentMention(start, start + len(surface), surface, kind, title, identifier, _year(surface))


def _longest_non_overlapping(cands: list[InstrumentMention]) -> list[InstrumentMention]:
    chosen: list[InstrumentMention] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def instrument_id(kind: str, title: str) -> str:
    """One ID per instrument across the archive: kind and a slug of the canonical title."""
    return f"{kind.replace('_', '-')}-{slug(title)}"[:96].rstrip("-")


def link_identifiers(mentions: list[InstrumentMention], text: str) -> list[InstrumentMention]:
    """A numbered paper printed as a titled report's number names that report.

    "Stopping Traffic ..., published as Police Research Series Paper 125" gives
    the report its identifier, and the number is a mention of the report.
    """
    out = list(mentions)
    for k, m in enumerate(out):
        if m.identifier is None or k == 0:
            continue
        prev = out[k - 1]
        between = text[prev.end : m.start]
        if prev.identifier is None and re.fullmatch(
            r"[^.]{0,80}(?:published as|\(|\[|,)\s*|[^.]{0,120}\.\s+(?:This|It)\s+(?:was|is|has been)\s+published as\s*", between
        ):
            out[k - 1] = InstrumentMention(prev.start, prev.end, prev.surface, prev.kind, prev.title, m.identifier, prev.year)
            out[k] = InstrumentMention(m.start, m.end, m.surface, prev.kind, prev.title, m.identifier, prev.year)
    return out
