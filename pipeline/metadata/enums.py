"""Every enumeration of the published tables, defined once.

Code compares against these members (a ``StrEnum`` member equals its string),
the Table Schemas list their values, and ``tests/test_metadata.py`` fails when
a status, kind or format literal in the code is not one of them.
"""

from __future__ import annotations

from enum import StrEnum


class House(StrEnum):
    """House of Parliament."""

    LORDS = "Lords"
    COMMONS = "Commons"


class SourceFormat(StrEnum):
    """Input formats the archive is read in (one module each under ``pipeline/formats``)."""

    HANSARD_WEB_TEXT = "hansard_web_text"
    HISTORIC_HANSARD_TEXT = "historic_hansard_text"
    PUBLICATIONS_TEXT = "publications_text"
    ARCHIVE_XML = "archive_xml"
    ARCHIVE_XML_VOLUME = "archive_xml_volume"
    WQ_API_JSON = "wq_api_json"
    HTML = "html"
    PARLPARSE_XML = "parlparse_xml"
    UNKNOWN = "unknown"


class SourceStatus(StrEnum):
    """What became of an input file."""

    PARSED = "parsed"
    NOT_WRITTEN_ANSWERS = "not_written_answers"
    QUARANTINED = "quarantined"


class Part(StrEnum):
    """Which text of a question a mention is in."""

    QUESTION = "question"
    ANSWER = "answer"


class AgencyKind(StrEnum):
    """Kinds of organisation (GUIDELINES.md, "Agencies")."""

    UK_CENTRAL_GOVERNMENT = "uk_central_government"
    UK_AGENCY_OR_BODY = "uk_agency_or_body"
    UK_POLICE_OR_JUSTICE = "uk_police_or_justice"
    DEVOLVED_OR_LOCAL = "devolved_or_local"
    PARLIAMENT = "parliament"
    EU = "eu"
    INTERNATIONAL = "international"
    NGO_OR_COMPANY = "ngo_or_company"
    OTHER = "other"


class InstrumentKind(StrEnum):
    """Kinds of legal or policy instrument (GUIDELINES.md, "Instruments")."""

    TREATY = "treaty"
    EU_LAW = "eu_law"
    ACT = "act"
    BILL = "bill"
    SECONDARY_LEGISLATION = "secondary_legislation"
    REPORT = "report"
    POLICY_PAPER = "policy_paper"
    OTHER = "other"


class CommitmentStatus(StrEnum):
    """What an answer sentence commits to (GUIDELINES.md, "Commitments"); ``none`` is not published."""

    COMPLETED = "completed"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"
    UNDER_CONSIDERATION = "under_consideration"
    DECLINED = "declined"


class AnswerKind(StrEnum):
    """What kind of answer a question got, from its text: the non-answers people ask to see flagged."""

    SUBSTANTIVE = "substantive"  # it answers
    REFERS = "refers"  # it only points elsewhere (an earlier answer, a letter, a publication, a web page)
    WILL_WRITE = "will_write"  # the answer is to come by letter
    HOLDING = "holding"  # a holding answer: a reply is promised
    NOT_AVAILABLE = "not_available"  # the information is not held, collected or estimated
    DISPROPORTIONATE_COST = "disproportionate_cost"  # it could be found only at disproportionate cost
    DECLINED = "declined"  # the Government will not say, or says it is a matter for someone else


class LinkMethod(StrEnum):
    """How a printed asker or answerer was linked to a member."""

    API = "api"  # the Written Questions API gives the member's Parliament id
    EXACT = "exact"  # surname and forename (a peer: title, name, designation) fit one person
    SURNAME_AND_DATE = "surname_and_date"  # the surname alone fits one member of the House that day
    OFFICE_AND_DATE = "office_and_date"  # a name printed inside its office, linked as above


# Labels (and evaluation) also give sentences that commit to nothing this status.
NO_COMMITMENT = "none"
