"""The UK Parliament Written Questions API: list and detail records as JSON.

A file holds the API's list results (``[{"value": {...}, "links": [...]}]``,
or ``{"results": [...]}`` as the API returns them) or detail records of the
same shape. Each record is one question (GUIDELINES.md, "Written Questions API
records"): ``reference`` is its uin, ``sitting_date`` the date answered,
asker and answerer are member ids. The list clips long answers at about 255
characters ("..."): such a copy is marked incomplete, and a detail record of
the same question, which prints the full answer as HTML, wins when the copies
are merged (same house, date and uin, hence the same question ID).
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

from pipeline.formats.base import Format, read_whole
from pipeline.ingest.decoding import without_zero_width
from pipeline.metadata.enums import House, SourceFormat
from pipeline.parsing.addressees import split_addressee
from pipeline.parsing.html_blocks import fragment_pieces
from pipeline.parsing.question_reader import answer_tables
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, AnswerTable, PageResult, QuestionRecord

MAX_JSON_BYTES = 512 * 1024 * 1024
QUESTION_URL = "https://questions-statements.parliament.uk/written-questions/detail/{tabled}/{uin}"
_CLIPPED = re.compile(r"\.\.\.$|…$")
# The list endpoint clips texts at about this many characters.
CLIP_LENGTH = 250
_LEAD = re.compile(r"^\s*To ask\s+", re.IGNORECASE)


def looks_like_bytes(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.rstrip() == b"[]":
        return True  # a day of detail records with nothing clipped
    return start[:1] in (b"[", b"{") and b'"uin"' in head and (b'"questionText"' in head or b'"answerText"' in head)


def parse_bytes(data: bytes) -> PageResult:
    fmt = SourceFormat.WQ_API_JSON
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        return PageResult(fmt, QUARANTINED, f"Written Questions API file is not valid JSON: {type(err).__name__}: {str(err)[:120]}")
    items = payload.get("results", [payload]) if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        return PageResult(fmt, QUARANTINED, "Written Questions API file holds neither a list of records nor {'results': [...]}")
    records, unanswered, odd, audited = [], 0, 0, []
    for item in items:
        value = item.get("value", item) if isinstance(item, dict) else None
        if not isinstance(value, dict) or "uin" not in value:
            odd += 1
            continue
        record = question_record(value)
        if record is None:
            unanswered += 1
        else:
            records.append(record)
            audited += [record.heading or "", " ".join(_text(value.get("questionText")).split()), record.answer_text]
    if not records:
        why = f"{unanswered} unanswered" if unanswered else "no"
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, f"Written Questions API file holds {why} questions and no answers")
    return PageResult(fmt, QUESTIONS_FOUND, None, records, audited_text="\n".join(audited))


def _date(value: object) -> date | None:
    if isinstance(value, str) and (m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value)):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _int(value: object) -> int | None:
    # (an ID past the tables' 64-bit integers is no ID)
    return value if isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63 else None


def _text(value: object) -> str:
    # (a JSON string's escapes are read after the page's bytes were cleaned: "\\u200b" is cleaned here)
    return without_zero_width(value) if isinstance(value, str) else ""


_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def answer_lines(answer: str) -> tuple[list[str], list[AnswerTable], list[str]]:
    """The answer's lines (HTML paragraphs, list items and table rows; plain text by its line breaks), its tables and its links' texts."""
    if not ("<" in answer and re.search(r"<(?:p|ul|ol|li|table|tr|td|br|div|strong|em|a)\b", answer, re.IGNORECASE)):
        # An answer without tags is still the API's HTML: its character references are text ("R&amp;D" is "R&D").
        # (only well-formed references, with their semicolon: "Trust&regulation" stays as printed)
        # (a zero-width space may come as a reference too: "&#8203;")
        return [" ".join(without_zero_width(_CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group(0)), line)).split()) for line in answer.splitlines() if line.strip()], [], []
    lines: list[str] = []
    tables: list[tuple[int, list[list[str]]]] = []
    links: list[str] = []
    for piece, value in fragment_pieces(answer):
        if piece == "line":
            lines.append(without_zero_width(value))
        elif piece == "link":
            links.append(value)
        else:
            tables.append((len(lines), value))
            lines += [" ".join(c for c in row if c) for row in value]
    return lines, answer_tables(tables, {k: k for k in range(len(lines))}, lines), links


def question_record(value: dict) -> QuestionRecord | None:
    """One API record as a question, or None when it has no answer yet."""
    answered = _date(value.get("dateAnswered"))
    answer = _text(value.get("answerText"))
    lines, tables, links = answer_lines(answer)
    if not lines:
        return None
    uin = str(value.get("uin") or "").strip() or None
    question = " ".join(_text(value.get("questionText")).split())
    addressee, text = (None, question)
    if lead := _LEAD.match(question):
        addressee, text = split_addressee(question[lead.end() :])
    house = House.LORDS if _text(value.get("house")).lower() == "lords" else House.COMMONS
    tabled = _date(value.get("dateTabled"))
    grouped = value.get("groupedQuestions") if isinstance(value.get("groupedQuestions"), list) else []
    clipped = len(answer) >= CLIP_LENGTH and bool(_CLIPPED.search(answer.rstrip())) and "<" not in answer
    return QuestionRecord(
        house=house,
        sitting_date=answered,
        volume=None,
        columns=None,
        heading=_text(value.get("heading")) or None,
        addressee=addressee,
        asker=None,
        reference=uin,
        question_text=text,
        answerer=None,
        answer_text="\n".join(lines),
        department=_text(value.get("answeringBodyName")) or None,
        complete=not clipped,
        url=QUESTION_URL.format(tabled=tabled.isoformat(), uin=uin) if tabled and uin else None,
        date_tabled=tabled,
        holding_answer_date=_date(value.get("dateHoldingAnswer")),
        is_correction=bool(value.get("answerIsCorrection")),
        wq_api_id=_int(value.get("id")),
        asking_member_mnis_id=_int(value.get("askingMemberId")),
        answering_member_mnis_id=_int(value.get("answeringMemberId")),
        answering_body=_text(value.get("answeringBodyName")) or None,
        grouped_references=[str(g) for g in grouped if isinstance(g, (str, int))],
        tables=tables,
        link_texts=links,
    )


FORMAT = Format(SourceFormat.WQ_API_JSON, detect_bytes=looks_like_bytes, parse_path=read_whole(SourceFormat.WQ_API_JSON, MAX_JSON_BYTES, "JSON file", parse_bytes), parse_bytes=parse_bytes)
