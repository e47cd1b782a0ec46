"""Splitting answers into sentences with offsets into ``answer_text``.

Answer lines (paragraphs, table rows, list items) are never joined into one
sentence. Inside a line a sentence ends at '.', '?' or '!' before a capital,
also where the page glues them ("November 2000.A multi-agency"), but not after
abbreviations ("Mr.", "No.", "S.I.") or list numbers ("1.").

This runs once per answer with Python's ``re``: the rules need look-behind,
which polars' regex engine does not have, and offsets, which its string
functions do not return.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "cm", "cmnd", "col", "gen", "capt", "lt", "rt", "hon",
    "cf", "eg", "ie", "viz", "co", "vol", "para", "paras", "art", "sec", "op", "prof", "rev", "sr", "jr",
    "fig", "approx", "est", "ref", "cc", "c", "p", "pp", "inc", "ltd", "bros", "messrs", "mt", "gov", "govt",
}
# Possessive quantifiers: a run of thousands of dots is read once, not once per dot.
# The mark first, then the look-behind (none before it): Python's re skips ahead only to a pattern's literal first characters.
_BOUNDARY = re.compile(r"[.?!](?<![.?!][.?!])[.?!]*+[\"”’')\]]*+(?:\s++|(?=[A-Z]))(?=[\"“‘(\[]?[A-Z0-9£$€])")
# How much of the text before a full stop decides whether it ends a sentence (the word before it).
_LOOK_BACK = 80
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.*$")


def sentence_spans(answer_text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of an answer, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in answer_text.split("\n"):
        spans.extend(_line_spans(line, offset))
        offset += len(line) + 1
    return spans


def _line_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        # Do not end a sentence after an abbreviation, an initial or a list number.
        before = line[max(start, m.start() + 1 - _LOOK_BACK) : m.start() + 1]
        glued = not m.group(0)[-1:].isspace() and not line[m.end() - 1 : m.end()].isspace()
        if _no_break_after(before, glued=glued, whole=m.start() + 1 - start <= _LOOK_BACK):
            continue
        chunk_end = m.start() + len(m.group(0).rstrip())
        if line[start:chunk_end].strip():
            spans.append(_trim(line, start, chunk_end, offset))
        start = m.end()
    if line[start:].strip():
        spans.append(_trim(line, start, len(line), offset))
    return spans


def _trim(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return offset + start, offset + end


def _no_break_after(before: str, glued: bool, whole: bool = True) -> bool:
    """Whether the full stop ending ``before`` ends no sentence; ``whole``: ``before`` is all of the sentence so far."""
    stripped = before.rstrip(".?!\"”’')] ")
    if whole and re.fullmatch(r"\s*\(?[0-9ivxIVX]{1,4}\)?|\s*\(?[a-zA-Z]\)?", stripped):
        return True  # "1. The Agreement", "(a)." — a list number, not a sentence
    m = _WORD_BEFORE.search(before.rstrip("\"”’')] ").rstrip("?!"))
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if word.lower().rstrip(".") in _ABBREVIATIONS and before.rstrip().endswith("."):
        return True
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word) and len(word.replace(".", "")) <= 3 and before.rstrip().endswith("."):
        return True  # initials and "S.I." / "U.K."
    if glued and not re.search(r"[a-z0-9)]$", before.rstrip(".?!")):
        return True
    return False
