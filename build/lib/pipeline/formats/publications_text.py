"""Daily Hansard text from publications.parliament.uk.

Several questions a page: "Name: To ask ... [7248]" then "Mr. Denham: answer";
Lords "Question / Asked by Lord X / To ask Her Majesty's Government ...";
1988-95 pages with "Mr. Wigley : ..."; column markers "19 Jan 2006 : Column
1587W—continued" between paragraphs.
"""

from __future__ import annotations

import re

from pipeline.formats.base import Format
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.dates import date_from_url, house_from_url, parse_date_text
from pipeline.parsing.furniture import NAVIGATION_LINE, remove_furniture
from pipeline.parsing.patterns import NAME_LINE, PARTY, looks_like_member, split_fused
from pipeline.parsing.question_reader import PageContext, question_start, read_page
from pipeline.parsing.records import PageReading

COLUMN_MARK = re.compile(
    r"^(?:(?P<date>\d{1,2}\s+\w{3,9}\s+\d{4})\s*:\s*)?Column:?\s*(?P<col>(?:WA|WS)?\s?\d+\s?(?:W|WA|WS)?)\s*(?:[—–-]?\s*continued)?$",
    re.IGNORECASE,
)
SKIP_LINE = re.compile(
    r"^(?:Prepared:.*|Go back to index|House of (?:Lords|Commons)|Written Answers(?: and Statements)?(?: to Questions)?|"
    r"Questions?|Summer Recess \d{4}|Session \d{4}.*|\|?\s*(?:Index\s*\|\s*)?Home Page\s*\|?|Previous Section.*|Lords Hansard.*)$",
    re.IGNORECASE,
)
PREPARED = re.compile(r"^Prepared:\s.*\bon\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}$")
WEEKDAY_DATE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+\d{1,2}\s+\w+\s+\d{4}$")
# "Mr. Chope I have been asked to reply." — a name with no colon before the answer.
ASKED_TO_REPLY = re.compile(r"^(?P<name>[A-Z][^:]{2,80}?)\s+(?=I have been asked to reply)")
ASKED_BY = re.compile(r"^Asked by\s+(?P<name>.+?)\s*$")
# "Mr. Hanson: £195 million ..." / "Mr. Wigley : ..." / "The Minister of State, ... (Baroness X) (Con): ..."
# The name ends on a non-space, so the spaces before the colon are read one way only
# (a line of thousands of spaces made the old pattern cubic).
SPEAKER = re.compile(rf"^(?P<name>[^:\s][^:]{{0,198}}?[^:\s])\s*(?:\({PARTY}\))?\s*:\s*(?P<rest>.*)$")


def looks_like(text: str, url: str | None) -> bool:
    head = text[:3000]
    return bool(
        (url and "publications.parliament.uk" in url and "hansrd" in url)
        or re.search(r"^\s*\d{1,2}\s+\w{3,9}\s+\d{4}\s*:\s*Column\s+(?:WA)?\d+", head, re.MULTILINE)
        or re.search(r"^Asked by\s", head, re.MULTILINE)
        or re.search(r"^[A-Z][^:\n]{2,60}\s?:\s+To ask\b", head, re.MULTILINE)
        or ("Previous Section" in head and ("Home Page" in head))
    )


def parse(text: str, url: str | None, truncated: bool) -> PageReading:
    """Question records of one daily Hansard page."""
    context = PageContext(house=house_from_url(url), sitting_date=date_from_url(url))
    text = split_fused(remove_furniture(text))
    lines: list[str] = []
    column_at: list[str | None] = []
    column: str | None = None
    printed_date = False  # a date printed on the page beats the URL's
    for raw in text.split("\n"):
        line = raw.strip().strip("\u00a0").strip()
        if not line:
            continue
        if m := COLUMN_MARK.match(line):
            column = re.sub(r"\s", "", m.group("col"))
            if m.group("date") and not printed_date:
                context.sitting_date = parse_date_text(m.group("date")) or context.sitting_date
                printed_date = True
            continue
        if WEEKDAY_DATE.match(line) or PREPARED.match(line):
            if not printed_date:
                context.sitting_date = parse_date_text(line) or context.sitting_date
                printed_date = True
            continue
        if SKIP_LINE.match(line) or NAVIGATION_LINE.match(line):
            continue
        for part in _split_speaker(line):
            lines.append(part)
            column_at.append(column)
    _asked_by_without_question(lines)
    if context.house is None and column and column.upper().startswith("WA"):
        context.house = "Lords"
    return read_page(lines, context, truncated=truncated, column_at=column_at)


def _asked_by_without_question(lines: list[str]) -> None:
    """'Asked by Lord X' followed straight by the answer: the page lost the question text.

    It stays a question, with no text, put (as every Lords written question
    is) to Her Majesty's Government; the answer is not lost.
    """
    for k in range(len(lines) - 1):
        if lines[k].startswith(_ASKED_BY_MARK):
            name = lines[k][len(_ASKED_BY_MARK) :]
            follows_question = question_start(lines[k + 1]) is not None
            lines[k] = name if follows_question else f"{name} asked Her Majesty's Government:"
    if lines and lines[-1].startswith(_ASKED_BY_MARK):
        lines[-1] = lines[-1][len(_ASKED_BY_MARK) :]


_ASKED_BY_MARK = "\x00asked-by\x00"


def _split_speaker(line: str) -> list[str]:
    """'Name: words' becomes a name line and the words; 'Asked by X' a name line."""
    if m := ASKED_BY.match(line):
        return [_ASKED_BY_MARK + m.group("name")]
    if (m := ASKED_TO_REPLY.match(line)) and looks_like_member(m.group("name")):
        return [m.group("name"), line[m.end("name") :].strip()]
    m = SPEAKER.match(line) if ":" in line else None
    if m and m.group("rest") and looks_like_member(m.group("name")) and NAME_LINE.match(m.group("name").strip()):
        return [m.group("name").strip(), m.group("rest").strip()]
    return [line]


FORMAT = Format(SourceFormat.PUBLICATIONS_TEXT, detect_text=looks_like, parse_text=parse)
