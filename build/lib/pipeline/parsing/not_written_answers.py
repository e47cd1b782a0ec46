"""Pages that are not written answers: say so, never invent questions."""

from __future__ import annotations

import re

from pipeline.parsing.references import DEB_CITATION

# (words one of which the page start must hold, lower-cased; pattern; reason) — the first
# cue whose pattern matches decides. The words are tested first, with plain substring
# searches: most pages hold none of them, and the case-insensitive patterns are slow.
_CUES: list[tuple[tuple[str, ...], re.Pattern[str], str]] = [
    (("order paper", "minutes of proceedings", "business of the house", "house of lords business"),
     re.compile(r"Order Paper|Minutes of Proceedings|Business of the House|House of Lords Business", re.I),
     "page is an order paper, minutes or business listing, not written answers"),
    (("journal", "index"), re.compile(r"Commons Journal|Chronological Index|Alphabetical Index", re.I),
     "page is a Journal or an index, not written answers"),
    (("questions book", "written questions for answer"), re.compile(r"Questions Book|Written Questions for Answer on", re.I),
     "page lists questions tabled for answer (no answers printed)"),
    (("minutes of evidence", "examination of witnesses"), re.compile(r"Minutes of Evidence|Examination of Witnesses", re.I),
     "page is select committee evidence, not written answers"),
    (("motion made", "beg to move", "second reading", "proceeding contribution"),
     re.compile(r"Motion made, and Question proposed|I beg to move|Second Reading|Proceeding contribution", re.I),
     "page is a debate, not written answers"),
    (("the petition of",), re.compile(r"^\s*The petition of", re.I | re.M), "page is a public petition, not written answers"),
    (("house met at", "prayers"), re.compile(r"The House met at|^\s*PRAYERS\.?\s*$", re.M), "page is the opening of a sitting, not written answers"),
    (("my lords,",), re.compile(r"^\s*My Lords,", re.M), "page is a Lords debate (speeches open 'My Lords'), not written answers"),
    (("a.m.", "p.m."), re.compile(r"^\s*\d{1,2}(?:\.\d\d)?\s?[ap]\.m\.\s*$", re.M), "page is a debate (time stamps), not written answers"),
    ((" words",), re.compile(r"^\s*\d+\.\s.+\s\d+\swords\s*$", re.M), "page is an index of written answers (titles and word counts), not the answers"),
    (("notice on the paper",), re.compile(r"had the following Notice on the Paper", re.I), "page is a Lords debate on a motion, not written answers"),
]
_URL_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"historic-hansard/(?:westminster_hall|grand_committee)/"),
     "page URL is a Westminster Hall or Grand Committee debate, not written answers"),
    (re.compile(r"lordsbusiness|/minutes/|/cmordbk|/cmjournal/|/ldselect/|/cmselect/"),
     "page URL is a business paper, journal or committee page, not written answers"),
]


def not_written_answers_reason(text: str, url: str | None) -> str | None:
    """Why a page is not written answers, or None when it may be."""
    head = text[:3000]
    if columns := debate_columns(text):
        return f"header columns '{columns}' are debate columns (written answers are numbered W or WA)"
    lowered = head.lower()
    for words, pattern, reason in _CUES:
        if any(word in lowered for word in words) and pattern.search(head):
            return reason
    if url:
        for pattern, reason in _URL_CUES:
            if pattern.search(url):
                return reason
    return None


def oral_question_reason(answer_texts: list[str]) -> str | None:
    """A question followed by supplementaries ('... ?' after the answer) was asked orally."""
    for answer in answer_texts:
        lines = [line for line in answer.split("\n") if line.strip()]
        if any(line.rstrip().endswith("?") for line in lines[1:]):
            return "page is an oral question with supplementary questions, not a written answer"
    return None


def debate_columns(text: str) -> str | None:
    """Columns of an 'HC Deb'/'HL Deb' header that are not written-answer columns ("cc1340-1", "cc472-95WH")."""
    m = DEB_CITATION.match(text.lstrip())
    if m and m.group("columns") and not re.search(r"W[AS]?$", m.group("columns").replace(" ", "")) or (m and re.search(r"WH$", (m.group("columns") or ""))):
        return m.group("columns")
    if m and not m.group("columns"):
        raw = re.match(r"^(?:HL|HC)\s+Deb\s+.*?\s(c{1,2}\s?\d[\d\-–]*\w*)\s*$", text.lstrip().split("\n", 1)[0])
        if raw and not re.search(r"W[AS]?$", raw.group(1)):
            return raw.group(1)
    return None
