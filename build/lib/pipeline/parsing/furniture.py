"""Page furniture: marks, notes and navigation that are not the words of a question or answer."""

from __future__ import annotations

import re

HOLDING_ANSWER = re.compile(r"(?P<before>^|\S)[ \t]*\[\s*(?:holding answer|pursuant to)[^\]]*\][ \t]*(?P<colon>:?)[ \t]*", re.IGNORECASE | re.MULTILINE)


# A holding-answer note leaves the text, but its date is a fact of the question: it is kept
# as a line of its own before the line that printed it, which the question reader takes
# back out and gives to the question that line belongs to (GUIDELINES.md, "Holding answers").
HOLDING_MARK = "\u27e6holding answer "
HOLDING_LINE = re.compile("^\u27e6holding answer (\\d{4}-\\d{2}-\\d{2})\u27e7$")
_HOLDING_DATE = re.compile(r"\[\s*holding answer\s+([^\]]+)\]", re.IGNORECASE)


def _holding_notes(line: str) -> str:
    """A line without its holding-answer notes, after a marker line for each note's date."""
    from pipeline.parsing.dates import parse_date_text

    dates = [d for m in _HOLDING_DATE.finditer(line) if (d := parse_date_text(m.group(1)))]
    cleaned = HOLDING_ANSWER.sub(_drop_holding_answer, line)
    return "".join(f"{HOLDING_MARK}{d.isoformat()}\u27e7\n" for d in dates) + cleaned


def _drop_holding_answer(m: re.Match[str]) -> str:
    # "Mr. Lilley [holding answer 20 July 1989] : The ..." keeps the colon after the name;
    # "[holding answer 23 November 2009]: Personal ..." at a line start loses it.
    if m.group("before"):
        return m.group("before") + (": " if m.group("colon") else " ")
    return ""
PARAGRAPH_MARK = re.compile(r"§\s*")
# "28WA", "647W", "WA 305" alone or glued into a sentence (column markers).
INLINE_COLUMN = re.compile(r"(?<=[a-z,;])\s*\b\d{1,4}\s?W[AS]?\b\s*(?=[a-z])")
COLUMN_LINE = re.compile(
    r"^\s*(?:\d{1,2}\s+\w{3,9}\s+\d{4}\s*:\s*)?Column\s+(?:WA\s?)?\d+W?[AS]?(?:\s*[—–-]\s*continued)?\s*$"
    r"|^\s*(?:WA|W)?\s?\d{1,4}\s?(?:WA|W|WS)?\s*$",
    re.IGNORECASE,
)
NAVIGATION_LINE = re.compile(
    r"^\s*(?:Skip to main content|Previous Section\b.*|Next Section\b.*|Index\s+Home Page.*|"
    r"(?:Previous|Next|Back to|Forward to)\b.{0,120}|"
    r"The text on this page has been created from Hansard archive content.*|"
    r"Back to top|Home Page)\s*$",
    re.IGNORECASE,
)


# 1900s pages: "(Answer.) The relief given ...—(India Office.)"
OLD_ANSWER_TAGS = re.compile(r"^\(Answer\.\)\s*|\s*—\((?:[A-Z][\w' ]+ )?(?:Office|Department|Board)\.\)$", re.MULTILINE)


def remove_furniture(text: str) -> str:
    """Drop '§' marks, holding-answer notes and old answer tags."""
    # Each pattern runs only on pages that hold its mark: most pages hold none.
    if "§" in text:
        text = PARAGRAPH_MARK.sub("", text)
    if "[" in text:
        text = "\n".join(_holding_notes(line) if "[" in line else line for line in text.split("\n"))
    if "(Answer.)" in text or "—(" in text:
        text = OLD_ANSWER_TAGS.sub("", text)
    return text


_SPACES = re.compile(r"[ \t\u00a0]+")


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
