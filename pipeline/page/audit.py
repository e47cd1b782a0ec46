"""The "nothing lost" audit: how many of a page's words reach a published text column.

``text_words`` counts the words of a page's text after page furniture is
removed — header lines, navigation, column markers, "§" marks and holding-
answer notes are furniture, and so are the lead-in words "To ask" and
"asked", which the layout prints before every question and the tables carry
as the split between addressee and question. ``published_words`` counts how
many of those words (as a multiset, case folded) appear in the columns the
page's own records and fragments publish: heading, department, addressee,
asker, reference, question and answer text, fragment text.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.metadata.enums import SourceStatus
from pipeline.parsing.records import PageResult

_WORD = re.compile(r"\w+")
# Lead-ins before every question, and the order numbers printed before some ("10. Mr. Walter: To ask ...").
# Patterns that begin with their literal are scanned for it at C speed; the word start is checked after.
_LEAD_WORDS = (re.compile(r"To ask\b"), re.compile(r"asked\b"))
_ORDER_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+(?=[A-Z])", re.MULTILINE)
PUBLISHED_FIELDS = ("heading", "department", "addressee", "asker", "reference", "question_text", "answerer", "answer_text")


def words(text: str | None) -> Counter[str]:
    """The words of a text as a multiset, case folded, curly and straight apostrophes alike.

    Numbers count digit by digit: a year range glued to its value ("1997–98206")
    and the same cells repaired ("1997–98 206") print the same digits.
    """
    text = (text or "").replace("’", "'")
    # A word never spans white space, so the words are those of the distinct whitespace-separated
    # tokens, each read once: a month of API answers holds ~800,000 tokens but ~30,000 distinct ones.
    # Words fold one by one ("İ" folds to two characters, which would move a boundary in a folded text).
    counted: Counter[str] = Counter()
    for token, times in Counter(text.split()).items():
        for word in _WORD.findall(token):
            counted[word.lower()] += times
    for number in [w for w in counted if w.isdigit()]:
        times = counted.pop(number)
        for digit in number:
            counted[digit] += times
    return counted


def without_lead_ins(text: str) -> str:
    """The text with each lead-in ("To ask", "asked" as words) and order number replaced by a space."""
    spans = [m.span() for m in _ORDER_NUMBER.finditer(text)]
    for pattern in _LEAD_WORDS:
        spans += [m.span() for m in pattern.finditer(text) if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")]
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in sorted(spans):
        pieces += [text[at:start], " "]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def audit(result: PageResult) -> tuple[int | None, int | None]:
    """(text_words, published_words) of one page; (None, None) when it was not parsed."""
    if result.status != SourceStatus.PARSED:
        return None, None
    have = words(without_lead_ins(result.audited_text))
    # One text of every published column: the line breaks between them are word boundaries.
    published = words("\n".join(
        [getattr(record, name) or "" for record in result.records for name in PUBLISHED_FIELDS] + [fragment for fragment, _reason in result.fragments]
    ))
    return sum(have.values()), sum(min(count, published[word]) for word, count in have.items())
