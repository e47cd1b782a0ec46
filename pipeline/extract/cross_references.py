"""References from an answer to another answer or question: "I refer the hon. Member to the answer I gave on ...".

Each reference becomes a row with the words as printed (``surface`` and its
offsets in ``answer_text``), what it cites — the date, the column, the
question's reference (uin), the member — and the cited question's id when
that question is in the build (same date and reference, or same date and
column).

Candidate sentences are picked in one vectorised pass (a few in a hundred
answers cite another); the phrases of those few are then read with Python's
``re``, because one sentence may hold several references and each needs its
own offsets.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import polars as pl

from pipeline.metadata import table_schema
from pipeline.parsing.dates import MONTH_NAMES

MONTHS = [name.lower() for name in MONTH_NAMES]

# Where a reference starts. "I refer ..." always makes one (it may cite a letter or a statement,
# and the row still says where the answer points); the others name an earlier answer.
_ANCHOR = re.compile(
    r"\bI (?:would )?refer(?:red)? (?:the|my|him|her|back|to)\b"
    r"|\b(?:[Ff]urther|[Ii]n addition) to (?:the|my) (?:[Ww]ritten )?(?:[Aa]nswer|reply|response)s?\b"
    r"|\b(?:[Aa]s (?:stated|set out|explained|I said) in)\b[^.;]{0,40}?\b(?:answer|reply|response)\b"
    r"|\b[Mm]y (?:previous )?(?:reply|answer|response) (?:of|on|to)\b"
    r"|\bthe (?:answer|reply|response)s? (?:I gave|given|which I gave)\b[^.;]{0,120}?\b(?:earlier today|on \d|to (?:Question|PQ|UIN))"
    r"|\bOfficial Report,? (?:[Cc]ol(?:umn)?s?\.?|c+\.?) ?\d"
    r"|\((?:WA|WS|W) ?\d+(?:[-–]\d+)?\)"
)
_CANDIDATE = (
    r"\bI (?:would )?refer(?:red)? (?:the|my|him|her|back|to)\b|(?i:further to (?:the|my) (?:written )?(?:answer|reply|response))|"
    r"(?i:in addition to (?:the|my) (?:written )?(?:answer|reply|response))|(?i:as (?:stated|set out|explained|I said) in)|"
    r"\b[Mm]y (?:previous )?(?:reply|answer|response) (?:of|on|to)\b|\bthe (?:answer|reply|response)s? (?:I gave|given|which I gave)\b|"
    r"\bOfficial Report\b|\((?:WA|WS|W) ?\d"
)
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(m.capitalize() for m in MONTHS) + r")(?:,? (\d{4}))?\b")
_TODAY = re.compile(r"\b(earlier today|today|yesterday)\b")
_COLUMN = re.compile(r"\b(?:[Cc]ol(?:umn)?s?\.?|\bc+\.?) ?(\d+(?:[-–]\d+)?\s?W?[AS]?)\b|\((WA|WS|W) ?(\d+(?:[-–]\d+)?)\)")
_REFERENCE = re.compile(
    r"\b(?:[Qq]uestions?|W?PQs?|UINs?|[Qq]uestion [Nn]umber|[Rr]ef(?:erence)?)\.?\s*(?:UIN\s*|[Nn]o\.?\s*|number\s*)?(HL\s?\d{1,6}|\d{2,7})\b"
    r"|\b(?:answer|reply|response)(?: I)? (?:provided|gave|given) to (\d{4,7})\b"
    r"|\[(HL\s?\d{1,6}|\d{3,7})\]|\b(HCWS\d+|HLWS\d+)\b"
)
_MEMBER = re.compile(
    r"\b(?:to|by|from) ((?:the|my) (?:(?:right |rt\.? |Rt\.? )?(?:hon\.?|Hon\.?|honourable|Honourable|noble|Rt\.? Hon\.?)(?: and (?:learned|gallant))? )?"
    r"(?:Friend|Member|Lord|Baroness|Lady|Gentleman)(?: the Member)?(?: for [A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|and|upon|under|on|in|of|the))*)?(?: \([^)]{2,60}\))?)"
    r"|\b(?:to|by|from) ((?:Lord|Baroness|Lady|Earl|Viscount|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir) [A-Z][\w'’-]+(?: of [A-Z][\w'’ -]+?)?)(?=[ ,.;)]|$)"
)


def _cited_date(surface: str, sitting: date | None) -> date | None:
    if m := _DATE.search(surface):
        day, month = int(m.group(1)), MONTHS.index(m.group(2).lower()) + 1
        year = int(m.group(3)) if m.group(3) else (sitting.year if sitting else None)
        if year is None:
            return None
        try:
            cited = date(year, month, day)
            if not m.group(3) and sitting and cited > sitting:  # "on 11 December", said in January
                cited = cited.replace(year=year - 1)
        except ValueError:  # no such day (29 February of a year without one)
            return None
        return cited
    if sitting and (m := _TODAY.search(surface)):
        return sitting - timedelta(days=1) if m.group(1) == "yesterday" else sitting
    return None


def _first(pattern: re.Pattern, surface: str) -> str | None:
    m = pattern.search(surface)
    if not m:
        return None
    value = next(g for g in m.groups() if g)
    if pattern is _COLUMN and m.group(2):
        value = f"{m.group(2)} {m.group(3)}"
    return re.sub(r"\s+", "", value) if pattern is _REFERENCE else value.strip()


_CLAUSE_END = re.compile(r";|\.(?=\s|$)|\)(?=[ .,;]|$)")
_ABBREVIATION = re.compile(r"\b(?:hon|Hon|No|no|col|cols|Col|Rt|rt|c|cc|Mr|Mrs|Dr|St)\.$")


def _surfaces(text: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) in answer_text of each reference in one sentence: from its anchor to the end of its clause.

    Linear in the sentence: the clause ends are found once, and an abbreviation is
    tested on the few characters before its stop.
    """
    stops = [(m.start(), m.end(), m.group()) for m in _CLAUSE_END.finditer(text)
             if not (m.group() == "." and _ABBREVIATION.search(text, max(0, m.end() - 5), m.end()))]
    spans: list[tuple[int, int]] = []
    k = 0
    for m in _ANCHOR.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # inside the reference before it
        if text[m.start()] == "(":
            spans.append((m.start(), m.end()))
            continue
        while k < len(stops) and stops[k][1] <= m.end():
            k += 1
        if k < len(stops):
            start, end, mark = stops[k]
            spans.append((m.start(), end if mark == ")" else start))
        else:
            spans.append((m.start(), len(text)))
    return [(offset + a, offset + b) for a, b in spans]


def cross_references_table(questions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Every reference from an answer to another answer or question, resolved to the cited question where it is in the build."""
    return resolve_cross_references(find_cross_references(questions, sentences), questions)


def find_cross_references(questions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The references the answers of ``questions`` make, not yet resolved (a part of the build at a time)."""
    candidates = sentences.filter(pl.col("text").str.contains(_CANDIDATE)).join(
        questions.select("question_id", "house", "sitting_date", "answer_text"), on="question_id"
    )
    rows = []
    for r in candidates.sort("question_id", "position").iter_rows(named=True):
        for start, end in _surfaces(r["text"], r["char_start"]):
            surface = r["answer_text"][start:end]
            addressed = re.match(r"I (?:would )?refer(?:red)? (?:the|my) [^.]*?(?:Member|Friend|Lord|Baroness|Lady|Gentleman)\.?(?: [^ ]+)?? to ", surface)
            cited_part = surface[addressed.end():] if addressed else surface  # "I refer the hon. Member ..." names who is told, not who is cited
            rows.append(
                {
                    "cross_reference_id": "xr-" + hashlib.sha256(f"{r['sentence_id']}|{start}".encode()).hexdigest()[:16],
                    "question_id": r["question_id"],
                    "sentence_id": r["sentence_id"],
                    "surface": surface,
                    "char_start": start,
                    "char_end": end,
                    "cited_date": _cited_date(surface, r["sitting_date"]),
                    "cited_column": _first(_COLUMN, surface),
                    "cited_reference": _first(_REFERENCE, surface),
                    "cited_member": _first(_MEMBER, cited_part),
                    "_house": r["house"],
                }
            )
    schema = {
        "cross_reference_id": pl.String, "question_id": pl.String, "sentence_id": pl.String, "surface": pl.String,
        "char_start": pl.Int64, "char_end": pl.Int64, "cited_date": pl.Date, "cited_column": pl.String,
        "cited_reference": pl.String, "cited_member": pl.String, "_house": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def resolve_cross_references(found: pl.DataFrame, cited: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The ``cross_references`` table: ``found`` with the cited question among ``cited`` (question_id,
    house, sitting_date, reference, columns of every question of the build; a lazy scan is read for
    the cited dates only)."""
    return table_schema("cross_references").conform(_resolve(found, cited))


def _resolve(found: pl.DataFrame, questions: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The cited question: the one answered on the cited date with the cited reference (or in the cited column); null unless exactly one fits."""
    # Both ways of citing name the date: the questions of the cited dates are all that can fit.
    dates = found["cited_date"].drop_nulls().unique().implode()
    refs = (
        questions.lazy().select("question_id", "house", "sitting_date", "reference", "columns")
        .filter(pl.col("sitting_date").is_not_null() & pl.col("sitting_date").is_in(dates))
        .collect()
        .with_columns(pl.col("reference").fill_null("").str.split("; ").alias("_refs"))
        .explode("_refs")
        .with_columns(pl.col("_refs").str.replace_all(r"\s", "").alias("_ref"))
    )
    by_reference = (
        found.filter(pl.col("cited_reference").is_not_null() & pl.col("cited_date").is_not_null())
        .select("cross_reference_id", "cited_date", "cited_reference", "question_id")
        .join(refs.select(pl.col("question_id").alias("cited_question_id"), "sitting_date", "_ref"),
              left_on=["cited_date", "cited_reference"], right_on=["sitting_date", "_ref"], how="inner")
        .filter(pl.col("cited_question_id") != pl.col("question_id"))
    )
    column_number = pl.col("cited_column").str.extract(r"(\d+)")
    by_column = (
        found.filter(pl.col("cited_column").is_not_null() & pl.col("cited_date").is_not_null() & pl.col("cited_reference").is_null())
        .select("cross_reference_id", "cited_date", "_house", column_number.alias("_col"), "question_id")
        .join(refs.select(pl.col("question_id").alias("cited_question_id"), "sitting_date", "house", pl.col("columns").str.extract_all(r"\d+").alias("_cols")).unique("cited_question_id"),
              left_on=["cited_date", "_house"], right_on=["sitting_date", "house"], how="inner")
        .filter(pl.col("_cols").list.contains(pl.col("_col")) & (pl.col("cited_question_id") != pl.col("question_id")))
    )
    resolved = (
        pl.concat([by_reference.select("cross_reference_id", "cited_question_id"), by_column.select("cross_reference_id", "cited_question_id")])
        .unique()
        .group_by("cross_reference_id")
        .agg(pl.col("cited_question_id").first(), pl.len().alias("_fits"))
        .filter(pl.col("_fits") == 1)
        .select("cross_reference_id", "cited_question_id")
    )
    return found.join(resolved, on="cross_reference_id", how="left").sort("question_id", "char_start")
