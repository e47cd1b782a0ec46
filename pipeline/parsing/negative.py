"""Pages that are not written answers: say so, never invent questions."""

from __future__ import annotations

import re

# (pattern over the page start, reason) — the first that matches decides.
_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Order Paper|Minutes of Proceedings|Business of the House|House of Lords Business", re.I),
     "page is an order paper, minutes or business listing, not written answers"),
    (re.compile(r"Commons Journal|Chronological Index|Alphabetical Index", re.I),
     "page is a Journal or an index, not written answers"),
    (re.compile(r"Questions Book|Written Questions for Answer on", re.I),
     "page lists questions tabled for answer (no answers printed)"),
    (re.compile(r"Minutes of Evidence|Examination of Witnesses", re.I),
     "page is select committee evidence, not written answers"),
    (re.compile(r"Motion made, and Question proposed|I beg to move|Second Reading|Proceeding contribution", re.I),
     "page is a debate, not written answers"),
    (re.compile(r"^\s*The petition of", re.I | re.M), "page is a public petition, not written answers"),
    (re.compile(r"had the following Notice on the Paper", re.I), "page is a Lords debate on a motion, not written answers"),
]
_URL_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"historic-hansard/(?:commons|lords|westminster_hall|grand_committee)/"),
     "page URL is a historic Hansard debate or oral question, not the written_answers section"),
    (re.compile(r"lordsbusiness|/minutes/|/cmordbk|/cmjournal/|/ldselect/|/cmselect/"),
     "page URL is a business paper, journal or committee page, not written answers"),
]


def not_written_answers_reason(text: str, url: str | None) -> str | None:
    """Why a page is not written answers, or None when it may be."""
    head = text[:3000]
    for pattern, reason in _CUES:
        if pattern.search(head):
            return reason
    if url:
        for pattern, reason in _URL_CUES:
            if pattern.search(url):
                return reason
    return None
