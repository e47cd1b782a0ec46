"""hansard.parliament.uk pages as text.

Two layouts: the page ("Skip to main content", heading, "Volume 623: debated
on Tuesday 20 March 2001", then questions and answers in paragraphs) and the
``GetDebateAsText`` export, the same content flattened onto one line.
"""

from __future__ import annotations

import re

from pipeline.formats.base import Format
from pipeline.metadata.enums import SourceFormat
from pipeline.parsing.dates import date_from_url, house_from_url, parse_date_text
from pipeline.parsing.furniture import NAVIGATION_LINE, remove_furniture
from pipeline.parsing.patterns import GOVERNMENT, NAME_WORD, TITLES, split_fused
from pipeline.parsing.question_reader import PageContext, read_page
from pipeline.parsing.records import PageReading

VOLUME_LINE = re.compile(r"^Volume\s+(\d+)\s*:\s*debated on\s+(.*)$", re.IGNORECASE)
DISCLAIMER = "The text on this page has been created from Hansard archive content"


def looks_like(text: str, url: str | None) -> bool:
    head = text[:600]
    return (
        "Skip to main content" in head
        or bool(re.search(r"^Volume\s+\d+\s*:\s*debated on", text[:1500], re.MULTILINE))
        or DISCLAIMER in head
        or bool(url and "hansard.parliament.uk" in url)
    )


def parse(text: str, url: str | None, truncated: bool) -> PageReading:
    """Question records of one hansard.parliament.uk text page."""
    text = split_fused(remove_furniture(text))
    lines = [ln.strip() for ln in text.split("\n")]
    context = PageContext(house=house_from_url(url), sitting_date=date_from_url(url))
    body: list[str] = []
    heading_candidate: str | None = None
    seen_volume = False
    for line in lines:
        if not line or line == "~":
            continue
        if NAVIGATION_LINE.match(line):
            continue
        if m := VOLUME_LINE.match(line):
            context.volume = int(m.group(1))
            context.sitting_date = parse_date_text(m.group(2)) or context.sitting_date
            context.heading = heading_candidate
            seen_volume = True
            continue
        if not seen_volume and not body and heading_candidate is None and _is_title(line):
            heading_candidate = line
            continue
        body.append(line)
    if not seen_volume and heading_candidate is not None:
        body.insert(0, heading_candidate)
    if len(body) == 1 and len(body[0]) > 300:
        body = unflatten(body[0])
    return read_page(body, context, truncated=truncated)


def _is_title(line: str) -> bool:
    return len(line) <= 150 and not line.endswith((".", "?", ":")) and not re.match(r"^(?:To ask|asked)\b", line)


_FLAT_QUESTION = re.compile(
    # A name is at most eight words: an unbounded lazy run made "LORD LORD ..." quadratic.
    rf"(?:(?<![\w'’\-])(?P<asker>(?:{TITLES})\.?(?:\s+(?:{NAME_WORD}\.?|of|and|[A-Z]\.)){{1,8}}?|{NAME_WORD}\s+{NAME_WORD})\s+)?"
    rf"(?P<lead>asked {GOVERNMENT}\s*:|To ask\s)"
)
_FLAT_ANSWERER = re.compile(
    rf"^\s*(?P<name>The\s+[A-Z][^()]{{3,140}}?\([^()]{{3,80}}\)|(?:{TITLES})\.?(?:\s+(?:(?!The\b){NAME_WORD}|of|and)){{1,8}}?"
    rf"|(?!The\b){NAME_WORD}\s+(?!The\b){NAME_WORD})\s+(?=[A-Z£\d(])"
)


def unflatten(line: str) -> list[str]:
    """Break a GetDebateAsText one-line page back into heading, name, question and answer lines."""
    out: list[str] = []
    starts = list(_FLAT_QUESTION.finditer(line))
    if not starts:
        return [line]
    first = starts[0]
    if first.start() > 0:
        out.append(line[: first.start()].strip())
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(line)
        segment = line[m.start() : end].strip()
        if m.group("asker"):
            out.append(m.group("asker"))
            segment = segment[len(m.group("asker")) :].strip()
        # The question ends at its reference, or at its first full stop.
        ref = re.search(r"[\[(]\s*(?:HL\s?)?\d{3,7}\s*[\])]", segment)
        cut = ref.end() if ref else (segment.find(". ") + 1 if ". " in segment else len(segment))
        out.append(segment[:cut].strip())
        answer = segment[cut:].strip()
        if a := _FLAT_ANSWERER.match(answer):
            out.append(a.group("name").strip())
            answer = answer[a.end() :].strip()
        if answer:
            out.append(answer)
    return out


FORMAT = Format(SourceFormat.HANSARD_WEB_TEXT, detect_text=looks_like, parse_text=parse)
