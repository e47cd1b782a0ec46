"""Hansard archive XML (the digitised source of historic Hansard).

Read with defusedxml's streaming parser: no entity expansion, no external
fetches, and elements are cleared as soon as they are read, so a whole volume
file never has to fit in memory as a tree.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from pipeline.formats.base import Format
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.dates import make_date
from pipeline.parsing.furniture import squash_spaces
from pipeline.parsing.patterns import looks_like_member
from pipeline.parsing.question_reader import OpenQuestion, PageContext, finish_answered, question_start
from pipeline.parsing.records import (
    NOT_WRITTEN_ANSWERS,
    QUARANTINED,
    QUESTIONS_FOUND,
    PageResult,
    QuestionRecord,
)

# "S6CV0089P0I0719": series 6, Commons (C) or Lords (L), volume 89.
IMAGE_ID = re.compile(r"^S(\d)([CL])V(\d{4})")
ANSWERS_ROOTS = {"writtenanswers"}


def looks_like(text: str) -> bool:
    return looks_like_bytes(text[:4096].encode("utf-8", "ignore"))


def looks_like_bytes(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<?xml") or bool(re.match(rb"<(?:writtenanswers|writtenstatements|houselords|housecommons|hansard)\b", start))


def parse_path(path: Path) -> PageResult:
    with path.open("rb") as handle:
        return _parse(handle)


def parse_bytes(data: bytes) -> PageResult:
    return _parse(io.BytesIO(data))


def _parse(handle: IO[bytes]) -> PageResult:
    try:
        return _read(handle)
    except DefusedXmlException as err:
        return PageResult(SourceFormat.ARCHIVE_XML, QUARANTINED, f"XML refused for safety: {type(err).__name__} (entities or DTDs are not read)")
    except ParseError as err:
        return PageResult(SourceFormat.ARCHIVE_XML, QUARANTINED, f"XML is not well-formed: {err}")


def _read(handle: IO[bytes]) -> PageResult:
    context = PageContext()
    records: list[QuestionRecord] = []
    stack: list[str] = []
    section_titles: list[str | None] = []
    root: str | None = None
    column: str | None = None
    current: OpenQuestion | None = None
    heading: str | None = None

    waiting: list[OpenQuestion] = []

    def close() -> None:
        nonlocal current
        if current is not None:
            records.extend(finish_answered(current, waiting, context))
        current = None

    for event, elem in iterparse(handle, events=("start", "end")):
        tag = elem.tag
        if event == "start":
            if root is None:
                root = tag
            if tag == "section":
                if section_titles and section_titles[-1] and stack and stack[-1] == "section" and context.department is None:
                    # A section holding sections: the outer one is the department.
                    context.department = section_titles[-1]
                section_titles.append(None)
            elif tag == "group":
                context.department = None
            stack.append(tag)
            continue
        stack.pop()
        parent = stack[-1] if stack else None
        if tag == "image" and (m := IMAGE_ID.match(elem.get("src", ""))):
            context.house = "Commons" if m.group(2) == "C" else "Lords"
            context.volume = int(m.group(3))
        elif tag == "date" and parent == root:
            fmt = elem.get("format", "")
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", fmt):
                context.sitting_date = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif tag == "col":
            column = _column(elem.text or "", context.house)
        elif tag == "title":
            title = squash_spaces(_text(elem))
            if parent == "group":
                close()
                context.department = title
            elif parent == "section":
                close()
                section_titles[-1] = title
                heading = title
        elif tag == "section":
            section_titles.pop()
            close()
            waiting.clear()  # a question left unanswered at the end of its section has no answer here
        elif tag in ("p", "tr", "li") and "p" not in stack and "tr" not in stack:
            current = _paragraph(elem, current, heading, column, context, close)
        if tag in ("p", "tr", "li", "table", "section", "group", "body"):
            elem.clear()
    close()
    if root not in ANSWERS_ROOTS:
        return PageResult(SourceFormat.ARCHIVE_XML, NOT_WRITTEN_ANSWERS, f"archive XML <{root}> file holds no written answers")
    if not records:
        return PageResult(SourceFormat.ARCHIVE_XML, NOT_WRITTEN_ANSWERS, "no question with an answer found in the XML")
    return PageResult(SourceFormat.ARCHIVE_XML, QUESTIONS_FOUND, None, records)


def _column(text: str, house: str | None) -> str | None:
    text = re.sub(r"\s", "", text)
    if not text:
        return None
    if text.isdigit():
        return f"WA{text}" if house == "Lords" else f"{text}W"
    return text


_FURNITURE_TAGS = {"col", "image"}
_FURTHER_ASKED = re.compile(r"^The (?:hon\.|right hon\.|noble) (?:and \w+ )?(?:Member|Lord|Baroness|Gentleman|Lady) (?:also |further )?(?P<lead>asked)\s")


def _text(elem) -> str:
    """An element's text without page furniture: a <col> inside a <p> is not words."""
    parts = [elem.text or ""]
    for child in elem:
        if child.tag not in _FURNITURE_TAGS:
            if child.tag in ("table", "tr", "ol", "ul", "li"):
                parts.append(" ")
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph(elem, current: OpenQuestion | None, heading, column, context, close) -> OpenQuestion | None:
    if elem.tag == "tr":
        text = squash_spaces(" ".join(squash_spaces(_text(td)) for td in elem))
    else:
        text = squash_spaces(_text(elem))
    if not text:
        return current
    member = elem.find("member")
    member_name = squash_spaces(_text(member)) if member is not None else None
    rest = text
    if member_name and text.startswith(member_name):
        rest = text[len(member_name) :].lstrip()
    elif member_name is None and (untagged := re.match(r"^([^:\[]{2,80}?)\s*:\s", text)) and looks_like_member(untagged.group(1)) and not question_start(text):
        # "Mr. RUNCIMAN: I regret ..." printed without its <member> tag.
        member_name, rest = untagged.group(1), text[untagged.end(1) :].lstrip()
    # "[pursuant to her reply, 13 December 1985]: ..." notes stand between name and words.
    rest = re.sub(r"^\[[^\]]{0,160}\]\s*", "", rest)
    # "<member>X</member>: To ask ..." or "X asked the ..."
    if rest.startswith(":"):
        spoken = rest[1:].strip()
        if question_start(spoken):
            close()
            return OpenQuestion(heading=heading, asker=member_name, question_lines=[spoken], lead_gov="Government" in spoken[:40], question_closed=True, columns=column)
        if current is not None:
            if current.answerer is None and not current.answer_lines:
                current.answerer = member_name
                current.add_answer(spoken, column)
                return current
            # A second speaker answering: a new answer to the same question is rare; keep it.
            current.add_answer(text, column)
        return current
    if (again := _FURTHER_ASKED.match(text)) and current is not None:
        # "The hon. Member further asked ...": a second question by the same member.
        asker = current.asker
        close()
        return OpenQuestion(heading=heading, asker=asker, question_lines=[text[again.start("lead") :]], lead_gov=False, question_closed=True, columns=column)
    m = question_start(text)
    if m and (m.group("asker") or member_name) and looks_like_member((m.group("asker") or member_name or "").strip()):
        close()
        asker = member_name or (m.group("asker") or "").strip()
        return OpenQuestion(heading=heading, asker=asker, question_lines=[text[m.start("lead") :]], lead_gov=bool(m.group("gov")), question_closed=True, columns=column)
    if current is not None:
        if current.answer_lines or current.answerer:
            current.add_answer(text, column)
        else:
            current.question_lines.append(text)
    return current


FORMAT = Format(SourceFormat.ARCHIVE_XML, detect_bytes=looks_like_bytes, parse_path=parse_path, parse_bytes=parse_bytes)
