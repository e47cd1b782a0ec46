"""What a parser yields: question-and-answer records and a page verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipeline.metadata.enums import SourceStatus


@dataclass
class AnswerTable:
    """A table inside an answer: its rows of cells, and where its rows stand in ``answer_text``."""

    char_start: int
    char_end: int
    rows: list[list[str]]
    header_rows: int = 0
    title: str | None = None


@dataclass
class QuestionRecord:
    """One question and its answer as printed on one page."""

    house: str | None
    sitting_date: date | None
    volume: int | None
    columns: str | None
    heading: str | None
    addressee: str | None
    asker: str | None
    reference: str | None
    question_text: str
    answerer: str | None
    answer_text: str
    department: str | None = None
    # False when the page was cut off inside this answer (or the API clipped it).
    complete: bool = True
    # Where the question is published (a page's sidecar URL, the API's question page).
    url: str | None = None
    date_tabled: date | None = None
    holding_answer_date: date | None = None
    is_correction: bool = False
    # Written Questions API facts.
    wq_api_id: int | None = None
    asking_member_mnis_id: int | None = None
    answering_member_mnis_id: int | None = None
    # The answering body as the source names it (the API's answering body); resolved to an agency later.
    answering_body: str | None = None
    # The uins of the questions answered together with this one, as printed.
    grouped_references: list[str] = field(default_factory=list)
    # Tables printed in the answer (each row is also a line of answer_text, cells joined by a space).
    tables: list[AnswerTable] = field(default_factory=list)
    # The texts of the answer's links, as answer_text prints them (the instrument rules read a titled one as a title).
    link_texts: list[str] = field(default_factory=list)


@dataclass
class PageReading:
    """What a text format reads from one page: its questions, and text that belongs to none of them."""

    records: list[QuestionRecord]
    # (text, reason) of what the page holds outside its records: a continued answer, a cut tail, an unanswered question.
    fragments: list[tuple[str, str]] = field(default_factory=list)
    # The page's words after furniture and header are removed: what the audit counts.
    audited_text: str = ""


@dataclass
class PageResult:
    """A parser's verdict on one page."""

    format: str
    status: str  # a SourceStatus
    reason: str | None = None
    records: list[QuestionRecord] = field(default_factory=list)
    # Errors of the source corrected from its printed text, in words (sources.corrections).
    corrections: str | None = None
    # (text, reason) of what the page holds that belongs to no complete question on it (answer_fragments).
    fragments: list[tuple[str, str]] = field(default_factory=list)
    # The page's words after page furniture is removed (sources.text_words counts them).
    audited_text: str = ""


# The statuses a parser gives, named as the parsers speak of them.
QUESTIONS_FOUND = SourceStatus.PARSED
NOT_WRITTEN_ANSWERS = SourceStatus.NOT_WRITTEN_ANSWERS
QUARANTINED = SourceStatus.QUARANTINED
