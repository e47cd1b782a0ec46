"""api.parliament.uk/historic-hansard written answers as text.

"HL Deb 05 February 2002 vol 631 cc81-2WA" header (not always), member name
lines, "§" marks, names fused to the next word, column markers inside
sentences, "Forward to"/"Back to" trailers.
"""

from __future__ import annotations

import re

from pipeline.parsing.blocks import PageContext, read_questions
from pipeline.parsing.records import QuestionRecord
from pipeline.parsing.text import (
    COLUMN_LINE,
    INLINE_COLUMN,
    NAVIGATION_LINE,
    date_from_url,
    house_from_url,
    parse_date_text,
    remove_furniture,
    split_fused,
)

HEADER = re.compile(
    r"^(?P<house>HL|HC)\s+Deb\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})"
    r"(?:\s+vol\s+(?P<volume>\d+))?(?:\s+(?P<columns>c{1,2}\s?[\dWAS]+(?:[-–]\d+)?\s?W[AS]?))?",
)


def looks_like(text: str, url: str | None) -> bool:
    return bool(HEADER.match(text.lstrip())) or bool(url and "historic-hansard" in url)


def parse(text: str, url: str | None, truncated: bool) -> list[QuestionRecord]:
    """Question records of one historic Hansard written-answers page."""
    context = PageContext(house=house_from_url(url), sitting_date=date_from_url(url))
    text = split_fused(remove_furniture(text))
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if m := HEADER.match(line):
            context.house = "Lords" if m.group("house") == "HL" else "Commons"
            context.sitting_date = parse_date_text(m.group("date")) or context.sitting_date
            if m.group("volume"):
                context.volume = int(m.group("volume"))
            if m.group("columns"):
                context.columns = m.group("columns").replace(" ", "")
            continue
        if NAVIGATION_LINE.match(line) or COLUMN_LINE.match(line):
            continue
        lines.append(INLINE_COLUMN.sub(" ", line))
    return read_questions(lines, context, truncated=truncated)
