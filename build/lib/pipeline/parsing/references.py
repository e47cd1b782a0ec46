"""Question reference numbers: "[HL867]", "(217968)", "[15214]"."""

from __future__ import annotations

import re

# "[HL867]", "(217968)", "[15214]", "[HL 1690]"; a trailing reference ends a question.
REFERENCE = re.compile(r"[\[(]\s*((?:HL\s?)?\d{1,7}[A-Z]?)\s*[\])]")
TRAILING_REFERENCE = re.compile(r"\s*[\[(]\s*((?:HL\s?)?\d{1,7})\s*[\])]\s*$")


def references_in(question: str) -> list[str]:
    """The question's own reference numbers, in order, without brackets.

    Bracketed numbers that are not references (list parts "(1)", "(a)",
    column citations "(WA 213)") are left alone: a reference is a number of
    three or more digits, or an HL number.
    """
    refs = []
    for m in REFERENCE.finditer(question):
        ref = m.group(1).replace(" ", "")
        if ref.startswith("HL") or len(ref) >= 3:
            refs.append(ref)
    return refs


def strip_references(question: str) -> str:
    """Remove the question's reference brackets from its text."""

    def keep_or_drop(m: re.Match[str]) -> str:
        ref = m.group(1).replace(" ", "")
        return "" if (ref.startswith("HL") or len(ref) >= 3) else m.group(0)

    text = REFERENCE.sub(keep_or_drop, question)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


# A Hansard citation at the head of a page: "HL Deb 05 February 2002 vol 631 cc81-2WA".
DEB_CITATION = re.compile(
    r"^(?P<house>HL|HC)\s+Deb\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})"
    r"(?:\s+vol\s+(?P<volume>\d+))?(?:\s+(?P<columns>c{1,2}\s?[\dWAS]+(?:[-–]\d+)?\s?W[AS]?))?",
)
