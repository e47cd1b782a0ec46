"""Input formats as a registry: one module per format, listed once here.

Each format module exports ``FORMAT``, a :class:`Format` with its name (a
:class:`~pipeline.metadata.enums.SourceFormat`), its detection and its
parser (after frictionless-py's one-plugin-per-format layout). Formats read
from bytes (archive XML is streamed) are tried on the file's first bytes;
text formats on the decoded page, in :data:`REGISTRY` order.
:func:`parse_file` is the one entry point: it never raises for bad input but
returns a :class:`PageResult` whose status and reason say what happened.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.formats import archive_xml, archive_xml_volume, hansard_web_text, historic_hansard_text, html, parlparse_xml, publications_text, wq_api_json
from pipeline.formats.base import Format
from pipeline.ingest.decoding import MAX_TEXT_BYTES, MAX_XML_BYTES, UnreadableText, decode_page
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.question_reader import CONTINUED
from pipeline.parsing.not_written_answers import not_written_answers_reason, oral_question_reason
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, PageResult, QuestionRecord

__all__ = ["REGISTRY", "Format", "PageResult", "QuestionRecord", "detect_format", "parse_file", "parse_text"]

# Detection order: the first format whose detection accepts a page reads it.
REGISTRY: tuple[Format, ...] = (
    wq_api_json.FORMAT,
    html.FORMAT,
    parlparse_xml.FORMAT,
    archive_xml_volume.FORMAT,
    archive_xml.FORMAT,
    publications_text.FORMAT, historic_hansard_text.FORMAT,
    hansard_web_text.FORMAT,
)
BYTE_FORMATS = tuple(f for f in REGISTRY if f.reads_bytes)
TEXT_FORMATS = tuple(f for f in REGISTRY if not f.reads_bytes)
BY_NAME = {f.name: f for f in REGISTRY}

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ""}


def detect_format(text: str, url: str | None) -> str:
    """The page format, from the text itself and, failing that, its URL."""
    head = text[:4096].encode("utf-8", "ignore")
    for fmt in BYTE_FORMATS:
        if fmt.detect_bytes(head):
            return fmt.name
    for fmt in TEXT_FORMATS:
        if fmt.detect_text(text, url):
            return fmt.name
    return SourceFormat.UNKNOWN


def parse_file(path: Path, url: str | None, size: int, *, may_be_cut: bool | None = None) -> PageResult:
    """Read one archive file into question records, or say why not."""
    if path.is_symlink():
        return PageResult(SourceFormat.UNKNOWN, QUARANTINED, f"symbolic link to {os.readlink(path)}: links are not followed; copy the page into the archive")
    if size == 0:
        return PageResult(SourceFormat.UNKNOWN, QUARANTINED, "file is empty")
    with path.open("rb") as handle:
        head = handle.read(4096)
    for fmt in BYTE_FORMATS:
        if fmt.detect_bytes(head):
            if size > MAX_XML_BYTES:
                return PageResult(fmt.name, QUARANTINED, f"file of {size} bytes is over the {MAX_XML_BYTES}-byte limit")
            return fmt.parse_path(path)
    if size > MAX_TEXT_BYTES:
        return PageResult(SourceFormat.UNKNOWN, QUARANTINED, f"text page of {size} bytes is over the {MAX_TEXT_BYTES}-byte limit; split it into pages")
    if path.suffix.lower() not in TEXT_SUFFIXES and path.suffix.lower() != ".xml":
        return PageResult(SourceFormat.UNKNOWN, NOT_WRITTEN_ANSWERS, f"'{path.suffix}' file is not an archive page (pages are .txt or .xml)")
    try:
        text, _encoding = decode_page(path.read_bytes())
    except UnreadableText as err:
        return PageResult(SourceFormat.UNKNOWN, QUARANTINED, str(err))
    if may_be_cut is None:
        # Without a sidecar saying so, a stored page cut off at a byte limit is
        # recognised by its size (just under 2,000 bytes) and its ragged end.
        may_be_cut = 1900 <= size <= 2000
    return parse_text(text, url, truncated=may_be_cut and looks_cut_off(text))


def parse_text(text: str, url: str | None = None, *, truncated: bool | None = None) -> PageResult:
    """Parse decoded page text (format detected here)."""
    fmt = BY_NAME.get(detect_format(text, url))
    if fmt is not None and fmt.reads_bytes:
        return fmt.parse_bytes(text.encode("utf-8"))
    if truncated is None:
        truncated = looks_cut_off(text)
    name = fmt.name if fmt else SourceFormat.UNKNOWN
    negative = not_written_answers_reason(text, url)
    if negative:
        return PageResult(name, NOT_WRITTEN_ANSWERS, negative)
    if fmt is None:
        return PageResult(name, NOT_WRITTEN_ANSWERS, "no written-answer layout recognised: no '... asked', 'To ask' or answer headers")
    reading = fmt.parse_text(text, url, truncated)
    records, fragments = reading.records, reading.fragments
    if not records:
        if truncated and not any(reason == CONTINUED for _, reason in fragments):
            return PageResult(name, QUARANTINED, "page is cut off before any complete question and answer")
        if fragments:
            # The page holds only the end of an answer begun on another page: its text is published as a fragment.
            return PageResult(name, QUESTIONS_FOUND, None, [], fragments=fragments, audited_text=reading.audited_text)
        return PageResult(name, QUARANTINED, "no question and answer found: the page's layout is not recognised")
    if oral := oral_question_reason([r.answer_text for r in records]):
        return PageResult(name, NOT_WRITTEN_ANSWERS, oral)
    return PageResult(name, QUESTIONS_FOUND, None, records, fragments=fragments, audited_text=reading.audited_text)


def looks_cut_off(text: str) -> bool:
    """A page stored cut off mid-sentence (real downloads sometimes are)."""
    tail = text.rstrip()
    return bool(tail) and not tail.endswith((".", "?", "!", ")", "]", '"', "”", "’", ":", ">")) and not tail[-1].isdigit()
