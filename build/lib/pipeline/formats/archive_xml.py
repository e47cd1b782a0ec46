"""Hansard archive XML (the digitised source of historic Hansard): a day's file.

The same reader serves whole volumes (:mod:`pipeline.formats.archive_xml_volume`):
it is streamed with defusedxml's parser (no entity expansion, no external
fetches) and every element leaves the tree once read, so memory is bounded by
one paragraph, never by the file. Only what stands inside a
``<writtenanswers>`` element is read: debates, oral questions, indexes and
front matter around it are passed over, so an oral question can never become
a written answer.

Structure read:
- each sitting day (``<housecommons>``/``<houselords>``) gives its house and
  ``<date>``; a ``<date>`` whose ``format`` attribute contradicts the printed
  date is corrected from the printed text, and the correction is recorded;
- ``<group>`` titles, and outer ``<section>``s that hold only sections, are
  departments; an outer section holding paragraphs is a heading under the
  department before it;
- ``<col>`` and ``<image>`` are page furniture (columns, house, volume);
- a table or list inside or beside a paragraph gives one line per row or item
  (cells joined by a space).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from pipeline.formats.base import Format
from pipeline.metadata.enums import House, SourceFormat
from pipeline.parsing.dates import make_date, parse_date_text
from pipeline.parsing.question_reader import PageContext
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, PageResult
from pipeline.parsing.structured import Reading, read_speech, squash_spaces

# "S6CV0089P0I0719": series 6, Commons (C) or Lords (L), volume 89 ("S3V0340": no house letter).
IMAGE_ID = re.compile(r"^S(\d)([CL])?V(\d{4})")
DAYS = {"housecommons": House.COMMONS, "houselords": House.LORDS}
ANSWERS = "writtenanswers"
# Archive-XML roots, and the ParlParse and XHTML roots that must not be read as archive XML.
ARCHIVE_ROOTS = {"writtenanswers", "writtenstatements", "houselords", "housecommons", "hansard", "westminsterhall", "grandcommittee"}
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*)")
# Rows and items are lines of their own; cells of a row are joined by a space.
_ROWS = {"tr", "li"}
# Read whole at their end: a paragraph (with any table or list inside it), a table or list beside paragraphs.
_CONTENT = {"p", "table", "ul", "ol", *_ROWS}
_FURNITURE_TAGS = {"col", "image"}




_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s+[^\[>]*(?:\[.*?\]\s*)?>)", re.DOTALL)
_DOCTYPE_NAME = re.compile(rb"<!DOCTYPE\s+([A-Za-z_][\w.\-]*)")


def root_tag(head: bytes) -> str | None:
    """The name of an XML file's root element, from its first bytes (declaration, comments and DOCTYPE skipped).

    When a DOCTYPE's internal subset runs past the head, the DOCTYPE's own name is the root's.
    """
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    while m := _PROLOGUE.match(text):
        if not m.group(0).strip():
            break
        text = text[m.end() :]
    if m := _ROOT_TAG.match(text.lstrip()):
        return m.group(1).decode("ascii", "replace").lower()
    if m := _DOCTYPE_NAME.search(head):
        return m.group(1).decode("ascii", "replace").lower()
    return None


def looks_like_bytes(head: bytes) -> bool:
    """A day of archive XML: its first element is one of the archive's own (not <hansard>, a whole volume)."""
    return root_tag(head) in ARCHIVE_ROOTS - {"hansard"}


def parse_path(path: Path) -> PageResult:
    with path.open("rb") as handle:
        return read_archive_xml(handle, SourceFormat.ARCHIVE_XML)


def parse_bytes(data: bytes) -> PageResult:
    return read_archive_xml(io.BytesIO(data), SourceFormat.ARCHIVE_XML)


class _Wrapped(io.RawIOBase):
    """The file's elements inside one synthetic root, so that files with several roots
    (days printed one after another) stream as one document. The prologue (XML
    declaration, comments, DOCTYPE) stays in front, so entity declarations are
    still seen, and refused, by the parser."""

    def __init__(self, handle: IO[bytes]) -> None:
        head = handle.read(4096)
        end = 0
        while (m := _PROLOGUE.match(head, end)) and m.group(0).strip():
            end = m.end()
        self.declares_entities = b"<!ENTITY" in head[:end] or (end == 0 and b"<!ENTITY" in head)
        self._parts: Iterator[bytes] = iter([head[:end], b"<archive-file>", head[end:]])
        self._handle = handle
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            chunk = next(self._parts, None)
            if chunk is None:
                chunk = self._handle.read(len(buffer))
                if not chunk:
                    if self._done:
                        return 0
                    self._done, chunk = True, b"</archive-file>"
            if chunk:
                break
        if len(chunk) > len(buffer):
            self._parts = iter([chunk[len(buffer) :], *self._parts])
            chunk = chunk[: len(buffer)]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _recovering_iterparse(handle: IO[bytes], events: tuple[str, ...]):
    """lxml's recovering parser, for XML that is not well-formed; entities and DTDs are never loaded."""
    from lxml import etree

    return etree.iterparse(handle, events=events, recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_archive_xml(handle: IO[bytes], fmt: SourceFormat) -> PageResult:
    """Written answers of an archive-XML stream (a day, several days, or a whole volume).

    XML that is not well-formed (hand-trimmed files, a stray closing tag) is read
    again with a recovering parser when the stream can be re-read, and the
    repair is recorded; entity declarations are refused either way.
    """
    start = handle.tell() if handle.seekable() else None
    wrapped = _Wrapped(handle)
    try:
        reading = _read(io.BufferedReader(wrapped, buffer_size=1 << 16), iterparse)
    except DefusedXmlException as err:
        return PageResult(fmt, QUARANTINED, f"XML refused for safety: {type(err).__name__} (entities or DTDs are not read)")
    except ParseError as err:
        if start is None or wrapped.declares_entities:
            return PageResult(fmt, QUARANTINED, f"XML is not well-formed: {err}")
        handle.seek(start)
        try:
            reading = _read(io.BufferedReader(_Wrapped(handle), buffer_size=1 << 16), _recovering_iterparse)
        except Exception as again:  # the recovering parser gave up too
            return PageResult(fmt, QUARANTINED, f"XML is not well-formed: {err} (recovery failed: {type(again).__name__})")
        reading.corrections.insert(0, f"XML was not well-formed ({err}); read with a recovering parser")
    notes = "; ".join(reading.corrections) or None
    if not reading.answers_seen:
        days = f" ({reading.days} sitting days)" if reading.days else ""
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, f"archive XML <{reading.root}> holds no <writtenanswers>{days}: debates, questions or other proceedings only", corrections=notes)
    if not reading.records:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, "no question with an answer found in the XML's written answers", corrections=notes)
    return PageResult(fmt, QUESTIONS_FOUND, None, reading.records, corrections=notes, audited_text="\n".join(reading.audited), fragments=reading.fragments)


def _read(handle: IO[bytes], parse) -> Reading:
    r = Reading()
    elements: list = []  # the open elements, outermost first
    tags: list[str] = []
    # Per open <section>: its title, whether a paragraph stands directly in it,
    # and whether it is a department (an outer section holding only sections).
    sections: list[dict] = []
    answers_depth = 0
    department_from_section = False
    for event, elem in parse(handle, events=("start", "end")):
        tag = elem.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions (recovering parser)
        if event == "start":
            if r.root is None and len(tags) == 1:
                r.root = tag
            if tag in DAYS:
                r.close()
                r.days += 1
                r.context = PageContext(house=DAYS[tag], volume=r.context.volume)
            elif tag == ANSWERS:
                answers_depth += 1
                r.answers_seen += 1
                r.heading = None
                if department_from_section or r.context.department:
                    r.context.department = None
            elif answers_depth and tag == "section":
                if len(sections) == 1 and not sections[-1]["paragraphs"] and sections[-1]["title"] and "group" not in tags:
                    # An outer section holding sections: its title is the department.
                    r.close()
                    r.context.department = sections[-1]["title"]
                    sections[-1]["department"] = True
                    department_from_section = True
                sections.append({"title": None, "paragraphs": False, "department": False})
            elif answers_depth and tag == "group":
                r.close()
                r.context.department = None
                department_from_section = False
            elements.append(elem)
            tags.append(tag)
            continue
        elements.pop()
        tags.pop()
        parent_tag = tags[-1] if tags else None
        if tag == "image" and (m := IMAGE_ID.match(elem.get("src", ""))):
            if m.group(2):
                r.context.house = House.COMMONS if m.group(2) == "C" else House.LORDS
            r.context.volume = int(m.group(3))
        elif tag == "date" and (parent_tag in DAYS or parent_tag == ANSWERS or len(tags) == 1):
            _read_date(elem, r)
        elif tag == ANSWERS:
            r.close()
            r.drop_waiting()
            answers_depth -= 1
        elif answers_depth:
            _read_answers_element(elem, tag, parent_tag, tags, sections, r)
        # Read elements leave the tree (a paragraph keeps its children until it is read).
        if elements and not (_CONTENT & set(tags)) and len(elements[-1]) and elements[-1][-1] is elem:
            del elements[-1][-1]
    r.close()
    return r


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)


def _read_date(elem, r: Reading) -> None:
    """The sitting day's date: the ``format`` attribute, unless the printed date contradicts it.

    The printed date wins when it agrees with its own printed weekday (or no
    weekday is printed) and the attribute does not; "Wednesday, 3rd July, 1012"
    (a misprinted year) leaves a "1912-07-03" attribute, a Wednesday, standing.
    """
    printed = squash_spaces("".join(elem.itertext()))
    given = None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", elem.get("format", "")):
        given = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    said = parse_date_text(printed) if printed else None
    chosen = given or said
    if said and given and said != given:
        weekday = _WEEKDAY.search(printed)
        fits = (lambda d: d.strftime("%A").lower() == weekday.group(1).lower()) if weekday else (lambda d: True)
        if fits(said) and not (weekday and fits(given)):
            chosen = said
            r.corrections.append(f"<date format=\"{elem.get('format')}\"> contradicts its printed date '{printed}': {said.isoformat()} used")
    if chosen:
        r.context.sitting_date = chosen


def _read_answers_element(elem, tag: str, parent_tag: str | None, tags: list[str], sections: list[dict], r: Reading) -> None:
    if tag == "col":
        r.column = _column(elem.text or "", r.context.house)
    elif tag == "title":
        title = squash_spaces(_text(elem))
        if title and parent_tag in ("group", "section"):
            r.audited.append(title)  # a title directly under <writtenanswers> ("Written Answers to Questions") is furniture
        if parent_tag == "group":
            r.close()
            r.context.department = title
        elif parent_tag == "section" and sections:
            r.close()
            sections[-1]["title"] = title
            r.heading = title
    elif tag == "section" and sections:
        done = sections.pop()
        r.close()
        r.drop_waiting()  # a question left unanswered at the end of its section has no answer here
        if not done["department"] and sections:
            # back in the enclosing section: its title is the heading again
            r.heading = sections[-1]["title"] if not sections[-1]["department"] else r.heading
    elif tag in _CONTENT and not (_CONTENT & set(tags)):
        if sections:
            sections[-1]["paragraphs"] = True
        member = elem.find("member") if elem.tag == "p" else None
        speaker = squash_spaces(_text(member)) if member is not None else None
        for piece, value in _pieces(elem):
            if piece == "line":
                r.current = read_speech(speaker, value, r)
            else:
                r.table(value)


def _pieces(elem) -> list[tuple[str, object]]:
    """A paragraph as read: ("line", its words), then ("table", rows of cells) or ("line", an item) for each
    table or list inside it; a table or list element gives its own."""
    if elem.tag == "tr":
        return [("table", [_cells(elem)])]
    if elem.tag == "li":
        return [("line", _row_text(elem))]
    if elem.tag == "table":
        return [("table", [_cells(row) for row in elem.iter("tr")])]
    pieces: list[tuple[str, object]] = [("line", squash_spaces(_text(elem, skip_rows=True)))] if elem.tag == "p" else []
    read: set[int] = set()  # rows inside a table or item already read are read with it
    for child in elem.iter():
        if child is elem or id(child) in read:
            continue
        if child.tag == "table":
            pieces.append(("table", [_cells(row) for row in child.iter("tr")]))
            read.update(id(d) for d in child.iter())
        elif child.tag in _ROWS:
            pieces.append(("line", _row_text(child)) if child.tag == "li" else ("table", [_cells(child)]))
            read.update(id(d) for d in child.iter())
    return [(piece, value) for piece, value in pieces if value]


def _cells(row) -> list[str]:
    return [squash_spaces(_text(cell)) for cell in row if isinstance(cell.tag, str) and cell.tag not in _FURNITURE_TAGS]


def _row_text(row) -> str:
    if row.tag == "tr":
        return squash_spaces(" ".join(squash_spaces(_text(cell)) for cell in row if cell.tag not in _FURNITURE_TAGS))
    return squash_spaces(_text(row))


def _column(text: str, house: str | None) -> str | None:
    text = re.sub(r"\s", "", text)
    if not text:
        return None
    if text.isdigit():
        return f"WA{text}" if house == House.LORDS else f"{text}W"
    return text


def _text(elem, *, skip_rows: bool = False) -> str:
    """An element's text without page furniture: a <col> inside a <p> is not words."""
    parts = [elem.text or ""]
    for child in elem:
        if not isinstance(child.tag, str) or child.tag in _FURNITURE_TAGS:
            pass
        elif skip_rows and child.tag in ("table", "ul", "ol", *_ROWS):
            parts.append(" ")
        else:
            if child.tag in ("table", "tr", "ol", "ul", "li"):
                parts.append(" ")
            parts.append(_text(child, skip_rows=skip_rows))
        parts.append(child.tail or "")
    return "".join(parts)


FORMAT = Format(SourceFormat.ARCHIVE_XML, detect_bytes=looks_like_bytes, parse_path=parse_path, parse_bytes=parse_bytes)
