"""The page stage: everything one page contributes to the published tables.

:func:`page_frames` does all the work on one page: question IDs, answer
sentences, agency and instrument mentions, commitments, for every copy of a
question the page prints (a *copy* is keyed by question, source and the
record's place on the page). Its output depends on that page alone, so it is
stored per batch, reused while the page's sha256 stays the same, and computed
in parallel. The release stage (:mod:`pipeline.release.assemble`) merges the
copies of all pages.
"""

from __future__ import annotations

import hashlib
import re

import polars as pl

from pipeline.extract.answering_bodies import answering_body
from pipeline.extract.commitment_model import revise_statuses
from pipeline.extract.commitments import classify_sentences
from pipeline.extract.mentions import extract_mentions
from pipeline.ingest.files import source_id_for
from pipeline.metadata import COPY_KEY, store_schema, table_schema
from pipeline.metadata.enums import Part
from pipeline.page.audit import audit
from pipeline.page.sentences import sentence_spans
from pipeline.parsing.records import PageResult

def verdict_row(path: str, result: PageResult) -> dict:
    """What became of one file, with its word audit."""
    text_words, published_words = audit(result)
    return {
        "path": path, "format": result.format, "status": result.status, "reason": result.reason, "corrections": result.corrections,
        "question_count": len(result.records), "text_words": text_words, "published_words": published_words,
    }


def record_rows(path: str, result: PageResult) -> list[dict]:
    """A page's question records as rows (one per record, in page order), with their question IDs and answering bodies."""
    rows = []
    for number, record in enumerate(result.records, start=1):
        row = dict(vars(record))  # flat fields: a shallow copy (dataclasses.asdict deep-copies)
        row["question_text"] = row["question_text"] or None
        year = record.sitting_date.year if record.sitting_date else None
        body = answering_body(row.pop("answering_body"), record.department, record.addressee, record.answerer, year)
        row.update(
            source_id=source_id_for(path),
            source_path=path,
            record=number,
            question_id=question_key(row["house"], row["sitting_date"], row["reference"], row["heading"], row["question_text"], row["answer_text"]),
            answering_body_id=body.agency_id if body else None,
            answering_body_name=body.name if body else None,
            answering_body_acronym=body.acronym if body else None,
            answering_body_kind=body.kind if body else None,
        )
        rows.append(row)
    return rows


def fragment_rows(pages: list[tuple[str, PageResult]]) -> pl.DataFrame:
    """Text the pages hold outside any question, with why."""
    rows = [
        {"source_id": source_id_for(path), "position": k, "text": text, "reason": reason}
        for path, result in pages
        for k, (text, reason) in enumerate(result.fragments, start=1)
    ]
    return pl.DataFrame(rows, schema=store_schema("fragments"))


def table_rows(records: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The tables of each copy's answer, and their cells."""
    tables, cells = [], []
    for r in records:
        key = {"question_id": r["question_id"], "source_id": r["source_id"], "record": r["record"]}
        for position, table in enumerate(r["tables"], start=1):
            table_id = f"{r['question_id']}-t{position:02d}"
            width = max(len(row) for row in table.rows)
            tables.append({**key, "table_id": table_id, "position": position, "title": table.title, "n_rows": len(table.rows),
                           "n_columns": width, "char_start": table.char_start, "char_end": table.char_end})
            for k, row in enumerate(table.rows):
                cells += [{**key, "table_id": table_id, "row": k, "column": c, "is_header": k < table.header_rows, "text": text or None} for c, text in enumerate(row)]
    return pl.DataFrame(tables, schema=store_schema("tables")), pl.DataFrame(cells, schema=store_schema("table_cells"))


def grouped_rows(records: list[dict]) -> pl.DataFrame:
    """The references of the questions each copy was answered together with."""
    rows = [
        {"question_id": r["question_id"], "source_id": r["source_id"], "record": r["record"], "grouped_reference": ref}
        for r in records
        for ref in dict.fromkeys(r["grouped_references"])
    ]
    return pl.DataFrame(rows, schema=store_schema("grouped"))


def _norm_key(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower().replace("’", "'")).strip()[:160]


def question_key(house: str | None, sitting_date, reference: str | None, heading: str | None, question: str | None, answer: str) -> str:
    """Stable question ID from the question itself, never from file order."""
    if reference:
        basis = f"{house}|{sitting_date}|ref|{reference}"
    else:
        basis = f"{house}|{sitting_date}|{_norm_key(heading)}|{_norm_key(question) or _norm_key(answer)}"
    return "q-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def sentences_table(questions: pl.DataFrame) -> pl.DataFrame:
    """Answer sentences with offsets into ``answer_text``, per copy of a question."""
    # The spans come back as flat columns with the row each belongs to: a column of nested lists
    # built from Python costs more than finding the sentences.
    rows, starts, ends = [], [], []
    for row, text in enumerate(questions["answer_text"]):
        for start, end in sentence_spans(text or ""):
            rows.append(row)
            starts.append(start)
            ends.append(end)
    spans = questions.select(pl.col(*COPY_KEY, "answer_text").gather(pl.Series(rows, dtype=pl.UInt32))).with_columns(
        pl.Series("char_start", starts, dtype=pl.Int64), pl.Series("char_end", ends, dtype=pl.Int64)
    )
    sentences = spans.with_columns(
        (pl.int_range(pl.len()).over(COPY_KEY) + 1).alias("position"),
        pl.col("answer_text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start")).alias("text"),
    ).with_columns(
        (pl.col("question_id") + "-s" + pl.col("position").cast(pl.String).str.zfill(3)).alias("sentence_id")
    )
    return sentences.select(*COPY_KEY, *[c for c in table_schema("answer_sentences").columns if c != "question_id"])


def _attach_sentence(mentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The answer sentence holding each answer mention (null for question mentions)."""
    starts = sentences.select(*COPY_KEY, "sentence_id", pl.col("char_start").alias("_s_start"), pl.col("char_end").alias("_s_end")).sort(*COPY_KEY, "_s_start")
    answer = mentions.filter(pl.col("part") == Part.ANSWER).sort(*COPY_KEY, "char_start")
    joined = answer.join_asof(starts, left_on="char_start", right_on="_s_start", by=COPY_KEY, strategy="backward", check_sortedness=False)
    joined = joined.with_columns(
        pl.when(pl.col("char_start") < pl.col("_s_end")).then(pl.col("sentence_id")).otherwise(None).alias("sentence_id")
    ).drop("_s_start", "_s_end")
    question = mentions.filter(pl.col("part") == Part.QUESTION).with_columns(pl.lit(None, dtype=pl.String).alias("sentence_id"))
    return pl.concat([question, joined.select(question.columns)], how="vertical")


def _mention_ids(mentions: pl.DataFrame, letter: str) -> pl.Expr:
    return (
        pl.col("question_id") + f"-{letter}-" + pl.col("part").str.slice(0, 1)
        + pl.col("char_start").cast(pl.String).str.zfill(5) + "-" + pl.col("ref_id")
    )


def mention_rows(mentions: pl.DataFrame, sentences: pl.DataFrame, letter: str) -> pl.DataFrame:
    """Mentions of one copy of each question, with their sentence and mention IDs."""
    return _attach_sentence(mentions, sentences).with_columns(_mention_ids(mentions, letter).alias("mention_id"))


def copy_commitments(sentences: pl.DataFrame, agency_mentions: pl.DataFrame) -> pl.DataFrame:
    """Sentences that commit to something, with status, cue and acting agency."""
    # The rules find the cue and a status; the model reads the sentence again and may change the status or drop it.
    classified = revise_statuses(classify_sentences(sentences)).with_columns((pl.col("char_start") + pl.col("cue_at")).alias("_cue_at"))
    classified = classified.filter(pl.col("status").is_not_null()).with_columns((pl.col("_cue_at") + pl.col("cue").str.len_chars()).alias("_cue_end"))
    # The actor is the agency that is the subject of the cue: named inside it ("IS is
    # expanding", "The Home Office published") or just before it.
    actors = (
        agency_mentions.filter(pl.col("sentence_id").is_not_null())
        .join(classified.select(*COPY_KEY, "sentence_id", "_cue_at", "_cue_end"), on=[*COPY_KEY, "sentence_id"])
        .filter((pl.col("char_end") <= pl.col("_cue_end")) & (pl.col("_cue_at") - pl.col("char_end") <= 8))
        .sort(*COPY_KEY, "sentence_id", "char_end")
        .group_by(*COPY_KEY, "sentence_id", maintain_order=True)
        .agg(pl.col("ref_id").last().alias("actor_agency_id"))
    )
    out = classified.join(actors, on=[*COPY_KEY, "sentence_id"], how="left").with_columns(("c-" + pl.col("sentence_id")).alias("commitment_id"))
    return out.select(*COPY_KEY, *[c for c in table_schema("commitments").columns if c != "question_id"])


PAGE_TABLES = ("records", "grouped", "fragments", "tables", "table_cells", "sentences", "agency_mentions", "instrument_mentions", "commitments")


def page_frames(pages: list[tuple[str, PageResult]]) -> dict[str, pl.DataFrame]:
    """Everything the given pages contribute, per copy of each question they print.

    Each row is tagged with its page (``source_id``), so rows of one page can
    later be kept or dropped without touching the others.
    """
    rows = [row for path, result in pages for row in record_rows(path, result)]
    grouped = grouped_rows(rows)
    tables, cells = table_rows(rows)
    columns = store_schema("records")
    records = pl.DataFrame({c: [row[c] for row in rows] for c in columns}, schema=columns)  # column by column: faster than row dicts
    sentences = sentences_table(records)
    agency_found, instrument_found = extract_mentions(records, [row["link_texts"] for row in rows])
    agency_mentions = mention_rows(agency_found, sentences, "a")
    instrument_mentions = mention_rows(instrument_found, sentences, "i")
    return {
        "records": records,
        "grouped": grouped,
        "fragments": fragment_rows(pages),
        "tables": tables,
        "table_cells": cells,
        "sentences": sentences,
        "agency_mentions": agency_mentions,
        "instrument_mentions": instrument_mentions,
        "commitments": copy_commitments(sentences, agency_mentions),
    }


