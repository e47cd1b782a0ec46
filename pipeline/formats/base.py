"""What a format module exports: its name, how to recognise it, how to read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.metadata.enums import SourceFormat, SourceStatus
from pipeline.parsing.records import PageReading, PageResult


@dataclass(frozen=True)
class Format:
    """One input format.

    A format read from bytes gives ``detect_bytes`` (on the file's first 4 kB),
    ``parse_path`` and ``parse_bytes``; a text format gives ``detect_text``
    (on the decoded page and its URL) and ``parse_text`` (the records of one page and its fragment).
    """

    name: SourceFormat
    detect_bytes: Callable[[bytes], bool] | None = None
    parse_path: Callable[[Path], PageResult] | None = None
    parse_bytes: Callable[[bytes], PageResult] | None = None
    detect_text: Callable[[str, str | None], bool] | None = None
    parse_text: Callable[[str, str | None, bool], PageReading] | None = None

    @property
    def reads_bytes(self) -> bool:
        return self.detect_bytes is not None


def read_whole(fmt: SourceFormat, limit: int, what: str, parse_bytes: Callable[[bytes], PageResult]) -> Callable[[Path], PageResult]:
    """A ``parse_path`` for a format read whole into memory: files over ``limit`` bytes are quarantined unread."""

    def parse_path(path: Path) -> PageResult:
        size = path.stat().st_size
        if size > limit:
            return PageResult(fmt, SourceStatus.QUARANTINED, f"{what} of {size} bytes is over the {limit}-byte limit")
        return parse_bytes(path.read_bytes())

    return parse_path
