"""api.parliament.uk/historic-hansard written answers as text.

"HL Deb 05 February 2002 vol 631 cc81-2WA" header (not always), member name
lines, "§" marks, names fused to the next word, column markers inside
sentences, "Forward to"/"Back to" trailers.
"""

from __future__ import annotations

import re

from pipeline.formats.base import Format
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.references import DEB_CITATION as HEADER
from pipeline.parsing.dates import date_from_url, house_from_url, parse_date_text
from pipeline.parsing.furniture import COLUMN_LINE, INLINE_COLUMN, NAVIGATION_LINE, remove_furniture
from pipeline.parsing.patterns import NAME_LINE, TITLES, split_fused
from pipeline.parsing.question_reader import PageContext, question_start, read_page
from pipeline.parsing.records import PageReading

def looks_like(text: str, url: str | None) -> bool:
    return bool(HEADER.match(text.lstrip())) or bool(url and "historic-hansard" in url)


def parse(text: str, url: str | None, truncated: bool) -> PageReading:
    """Question records of one historic Hansard written-answers page."""
    context = PageContext(house=house_from_url(url), sitting_date=date_from_url(url))
    lines: list[str] = []
    previous = None
    for raw in split_speeches(text).split("\n"):
        line = raw.strip()
        if not line or line == previous:  # some pages print every paragraph twice
            continue
        previous = line
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
    return read_page(lines, context, truncated=truncated)


_SPEECH = re.compile(r"^\s*§\s*(?:\d{1,3}\.\s*)?")
_NAME_HEADS = ("Mc", "Mac", "De", "Le", "La", "Di", "Du", "Van", "Von", "O'", "O’", "Fitz", "St")


def split_speeches(text: str) -> str:
    """Put each '§' speaker's name on its own line, as in the pages with name lines.

    "§ Mr. John MackieInvestigations ..." -> "Mr. John Mackie" / "Investigations ...".
    """
    out = []
    for raw in text.split("\n"):
        if not _SPEECH.match(raw):
            out.append(split_fused(raw))
            continue
        line = split_fused(_SPEECH.sub("", raw, count=1))
        *marks, line = remove_furniture(line).split("\n")  # holding-answer marks stand before the speech
        out.extend(marks)
        if question_start(line):
            out.append(line)
            continue
        name, rest = speaker_and_words(line)
        out.extend([name, rest] if name else [line])
    return remove_furniture("\n".join(out))


def speaker_and_words(line: str) -> tuple[str | None, str]:
    """Split a speech whose speaker name the page fused to the first word."""
    if m := re.match(r"^(The\s[^()]{3,140}\([^()]{3,80}\))\s*(?=\S)", line):
        return m.group(1), line[m.end() :]
    if m := re.match(r"^(.{3,80}?)\s*(?=\[holding answer)", line):
        if NAME_LINE.match(m.group(1)):
            return m.group(1), line[m.end() :]
    if (m := re.match(r"^([A-Z][^:]{2,80}?)\s*:\s+(?=\S)", line)) and NAME_LINE.match(m.group(1)):
        return m.group(1), line[m.end() :]  # "Fiona Mactaggart: The employment ..."
    if m := re.match(rf"^((?:{TITLES})\.?\s+[A-Z][A-Z.\-' ]+?)I (?=[a-z])", line):
        return m.group(1).strip(), line[m.end() - 2 :]
    tokens = line.split(" ")
    for k, token in enumerate(tokens[:6]):
        transitions = [j for j in range(1, len(token)) if token[j - 1].islower() and token[j].isupper()]
        if not transitions:
            continue
        cut = transitions[-1]
        head = token[:cut]
        name = " ".join(tokens[:k] + [head])
        if head in _NAME_HEADS or not NAME_LINE.match(name):
            break
        return name, " ".join([token[cut:]] + tokens[k + 1 :])
    if m := re.match(rf"^((?:{TITLES})\.?(?:\s+[A-Z]\.)*\s+[A-Z][\w'’\-]+)\s+(?=[A-Z])", line):
        return m.group(1), line[m.end() :]
    return None, line


FORMAT = Format(SourceFormat.HISTORIC_HANSARD_TEXT, detect_text=looks_like, parse_text=parse)
