"""Whole volumes of Hansard archive XML, as the archive distributes them (plain or zipped).

Root ``<hansard>``: a title page, front matter, then one ``<housecommons>`` or
``<houselords>`` per sitting day, each day's ``<writtenanswers>`` among its
debates. Read by the archive-XML reader (:mod:`pipeline.formats.archive_xml`),
streamed, so memory is bounded by one paragraph whatever the volume's size.
A ``.zip`` of volumes is read member by member without unpacking it to disk;
members are size-checked first and their reading is capped, so a zip bomb
quarantines the file instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pipeline.formats.archive_xml import read_archive_xml, root_tag
from pipeline.formats.base import Format
from pipeline.ingest.decoding import MAX_XML_BYTES
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, PageResult

ZIP_MAGIC = b"PK\x03\x04"
# A member that inflates more than this many times its compressed size is refused (XML compresses ~10x).
MAX_RATIO = 200


def looks_like_bytes(head: bytes) -> bool:
    return head.startswith(ZIP_MAGIC) or root_tag(head) == "hansard"


def parse_path(path: Path) -> PageResult:
    with path.open("rb") as handle:
        if handle.read(4) == ZIP_MAGIC:
            return _parse_zip(path)
    with path.open("rb") as handle:
        return read_archive_xml(handle, SourceFormat.ARCHIVE_XML_VOLUME)


def parse_bytes(data: bytes) -> PageResult:
    if data.startswith(ZIP_MAGIC):
        return _parse_zip(io.BytesIO(data))
    return read_archive_xml(io.BytesIO(data), SourceFormat.ARCHIVE_XML_VOLUME)


class _Capped(io.RawIOBase):
    """A member's stream that stops with an error past ``limit`` bytes (the declared size can lie)."""

    def __init__(self, handle, limit: int) -> None:
        self._handle, self._left = handle, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._handle.read(min(len(buffer), self._left + 1))
        if len(chunk) > self._left:
            raise _TooLarge
        self._left -= len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _TooLarge(Exception):
    pass


def _parse_zip(source) -> PageResult:
    fmt = SourceFormat.ARCHIVE_XML_VOLUME
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as err:
        return PageResult(fmt, QUARANTINED, f"zip file cannot be read: {err}")
    with archive:
        members = sorted((m for m in archive.infolist() if m.filename.lower().endswith(".xml") and not m.is_dir()), key=lambda m: m.filename)
        if not members:
            return PageResult(fmt, NOT_WRITTEN_ANSWERS, "zip file holds no .xml volume")
        records, notes, reasons, audited, fragments = [], [], [], [], []
        for member in members:
            if member.file_size > MAX_XML_BYTES or member.file_size > MAX_RATIO * max(member.compress_size, 1):
                return PageResult(fmt, QUARANTINED, f"zip member {member.filename} inflates to {member.file_size} bytes from {member.compress_size}: refused as a possible zip bomb")
            try:
                with archive.open(member) as handle:
                    result = read_archive_xml(io.BufferedReader(_Capped(handle, member.file_size)), fmt)
            except _TooLarge:
                return PageResult(fmt, QUARANTINED, f"zip member {member.filename} is larger than its declared {member.file_size} bytes: refused")
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                return PageResult(fmt, QUARANTINED, f"zip member {member.filename} cannot be read: {err}")
            if result.status == QUARANTINED:
                return PageResult(fmt, QUARANTINED, f"zip member {member.filename}: {result.reason}")
            records += result.records
            audited.append(result.audited_text)
            fragments += result.fragments
            notes += [f"{member.filename}: {result.corrections}"] if result.corrections else []
            reasons.append(result.reason)
    corrections = "; ".join(notes) or None
    if not records:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, f"no written answers in the zip's {len(members)} volume(s): {reasons[0]}", corrections=corrections)
    return PageResult(fmt, QUESTIONS_FOUND, None, records, corrections=corrections, audited_text="\n".join(audited), fragments=fragments)


FORMAT = Format(SourceFormat.ARCHIVE_XML_VOLUME, detect_bytes=looks_like_bytes, parse_path=parse_path, parse_bytes=parse_bytes)
