"""Page parsing: detect a file's format and read its questions and answers.

:func:`parse_file` is the one entry point; it never raises for bad input but
returns a :class:`PageResult` whose status and reason say what happened.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.archive import MAX_TEXT_BYTES, MAX_XML_BYTES, UnreadableText, decode_page
from pipeline.parsing import archive_xml, hansard_web, historic, publications
from pipeline.parsing.negative import not_written_answers_reason, oral_question_reason
from pipeline.parsing.records import (
    NOT_WRITTEN_ANSWERS,
    QUARANTINED,
    QUESTIONS_FOUND,
    PageResult,
    QuestionRecord,
)

__all__ = ["PageResult", "QuestionRecord", "detect_format", "parse_file", "parse_text"]

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ""}


def detect_format(text: str, url: str | None) -> str:
    """The page format, from the text itself and, failing that, its URL."""
    if archive_xml.looks_like(text):
        return "archive_xml"
    if publications.looks_like(text, url):
        return "publications_text"
    if historic.looks_like(text, url):
        return "historic_hansard_text"
    if hansard_web.looks_like(text, url):
        return "hansard_web_text"
    return "unknown"


def parse_file(path: Path, url: str | None, size: int, *, may_be_cut: bool | None = None) -> PageResult:
    """Read one archive file into question records, or say why not."""
    if path.is_symlink():
        return PageResult("unknown", QUARANTINED, f"symbolic link to {os.readlink(path)}: links are not followed; copy the page into the archive")
    if size == 0:
        return PageResult("unknown", QUARANTINED, "file is empty")
    with path.open("rb") as handle:
        head = handle.read(4096)
    if archive_xml.looks_like_bytes(head):
        if size > MAX_XML_BYTES:
            return PageResult("archive_xml", QUARANTINED, f"XML file of {size} bytes is over the {MAX_XML_BYTES}-byte limit")
        return archive_xml.parse_path(path)
    if size > MAX_TEXT_BYTES:
        return PageResult("unknown", QUARANTINED, f"text page of {size} bytes is over the {MAX_TEXT_BYTES}-byte limit; split it into pages")
    if path.suffix.lower() not in TEXT_SUFFIXES and path.suffix.lower() != ".xml":
        return PageResult("unknown", NOT_WRITTEN_ANSWERS, f"'{path.suffix}' file is not an archive page (pages are .txt or .xml)")
    try:
        text, _encoding = decode_page(path.read_bytes())
    except UnreadableText as err:
        return PageResult("unknown", QUARANTINED, str(err))
    if may_be_cut is None:
        # Without a sidecar saying so, a stored page cut off at a byte limit is
        # recognised by its size (just under 2,000 bytes) and its ragged end.
        may_be_cut = 1900 <= size <= 2000
    return parse_text(text, url, truncated=may_be_cut and looks_cut_off(text))


def parse_text(text: str, url: str | None = None, *, truncated: bool | None = None) -> PageResult:
    """Parse decoded page text (format detected here)."""
    fmt = detect_format(text, url)
    if fmt == "archive_xml":
        return archive_xml.parse_bytes(text.encode("utf-8"))
    if truncated is None:
        truncated = looks_cut_off(text)
    negative = not_written_answers_reason(text, url)
    if negative:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, negative)
    if fmt == "unknown":
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, "no written-answer layout recognised: no '... asked', 'To ask' or answer headers")
    parser = {
        "hansard_web_text": hansard_web.parse,
        "historic_hansard_text": historic.parse,
        "publications_text": publications.parse,
    }[fmt]
    records = parser(text, url, truncated)
    if not records:
        if truncated:
            return PageResult(fmt, QUARANTINED, "page is cut off before any complete question and answer")
        return PageResult(fmt, QUARANTINED, "no complete question and answer on the page: it starts inside an answer, or its layout is not recognised")
    if oral := oral_question_reason([r.answer_text for r in records]):
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, oral)
    return PageResult(fmt, QUESTIONS_FOUND, None, records)


def looks_cut_off(text: str) -> bool:
    """A page stored cut off mid-sentence (real downloads sometimes are)."""
    tail = text.rstrip()
    return bool(tail) and not tail.endswith((".", "?", "!", ")", "]", '"', "”", "’", ":", ">")) and not tail[-1].isdigit()
