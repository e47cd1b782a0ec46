"""The release stage's first step: the published tables from every batch's store.

:func:`assemble` merges the copies of all pages: one ``questions`` row per
question from its most complete source, and the sentences, mentions and
commitments of that copy. Every table leaves through
:meth:`~pipeline.metadata.TableSchema.conform`, which fixes columns, dtypes
and row order.
"""

from __future__ import annotations

import polars as pl

from pipeline.extract.answer_kinds import answer_kind_expr
from pipeline.extract.cross_references import cross_references_table
from pipeline.extract.members import link_members, members_table

from pipeline.metadata import COPY_KEY, table_schema


def sources_table(files: pl.DataFrame, verdicts: pl.DataFrame) -> pl.DataFrame:
    """One row per input file, with what became of it."""
    return table_schema("sources").conform(files.join(verdicts, on="path", how="left"))


def questions_tables(parsed: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Merge copies of one question into one row taken from its most complete source, its asker and answerer linked to members.

    Returns ``questions``, ``question_sources``, ``members`` and the key of each chosen copy.
    """
    keyed = parsed.with_columns(
        pl.col("answer_text").str.len_chars().alias("_answer_chars"),
        # How much of the record the source printed: date, volume, columns, names ...
        pl.sum_horizontal(
            pl.col(c).is_not_null().cast(pl.Int32)
            for c in ("sitting_date", "volume", "columns", "heading", "addressee", "asker", "reference", "answerer")
        ).alias("_fields"),
    )
    # The most complete source: not cut off, then the most fields printed, then the longest answer.
    ranked = keyed.sort(
        ["question_id", "complete", "_fields", "_answer_chars", "source_path", "record"],
        descending=[False, True, True, True, False, False],
    )
    questions = ranked.unique("question_id", keep="first", maintain_order=True).with_columns(
        pl.col("complete").alias("answer_complete"), answer_kind_expr()
    )
    primary = questions.select("question_id", pl.col("source_id").alias("_primary"))
    question_sources = (
        keyed.select("question_id", "source_id")
        .unique()
        .join(primary, on="question_id")
        .with_columns((pl.col("source_id") == pl.col("_primary")).alias("is_primary"))
    )
    members = table_schema("members").conform(members_table(questions))
    return (
        table_schema("questions").conform(link_members(questions, members)),
        table_schema("question_sources").conform(question_sources),
        members,
        questions.select(COPY_KEY),
    )


def grouped_questions_table(grouped: pl.DataFrame, questions: pl.DataFrame) -> pl.DataFrame:
    """Each question and the references it was answered with, resolved to questions of the build
    (same house, same date answered, that reference)."""
    keys = questions.select("house", "sitting_date", "reference", pl.col("question_id").alias("grouped_question_id")).filter(pl.col("reference").is_not_null())
    keys = keys.sort("grouped_question_id").unique(["house", "sitting_date", "reference"], keep="first")
    with_keys = grouped.join(questions.select("question_id", "house", "sitting_date"), on="question_id")
    resolved = with_keys.join(keys, left_on=["house", "sitting_date", "grouped_reference"], right_on=["house", "sitting_date", "reference"], how="left")
    return table_schema("grouped_questions").conform(resolved.unique(["question_id", "grouped_reference"], keep="first"))


def assemble(files: pl.DataFrame, verdicts: pl.DataFrame, pages: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The published tables from the files read and the frames of their pages."""
    questions, question_sources, members, chosen = questions_tables(pages["records"])

    def of_chosen_copies(name: str) -> pl.DataFrame:
        return pages[name].join(chosen, on=COPY_KEY, how="semi")

    agency_mentions = of_chosen_copies("agency_mentions")
    instrument_mentions = of_chosen_copies("instrument_mentions")
    answering_bodies = of_chosen_copies("records").filter(pl.col("answering_body_id").is_not_null()).select(
        pl.col("answering_body_id").alias("ref_id"),
        pl.col("answering_body_name").alias("name"),
        pl.col("answering_body_acronym").alias("acronym"),
        pl.col("answering_body_kind").alias("kind"),
    )
    named = pl.concat([agency_mentions.select("ref_id", "name", "acronym", "kind"), answering_bodies])
    agencies = (
        named.sort("ref_id", pl.col("acronym").is_null(), "name")
        .group_by("ref_id", maintain_order=True)
        .agg(pl.col("name").first(), pl.col("acronym").drop_nulls().first(), pl.col("kind").first())
        .rename({"ref_id": "agency_id"})
    )
    instruments = (
        instrument_mentions.sort("ref_id", pl.col("identifier").is_null(), "name")
        .group_by("ref_id", maintain_order=True)
        .agg(pl.col("name").first().alias("title"), pl.col("kind").first(), pl.col("identifier").drop_nulls().first(), pl.col("year").drop_nulls().first())
        .rename({"ref_id": "instrument_id"})
    )
    sentences = of_chosen_copies("sentences")
    tables = {
        "sources": sources_table(files, verdicts),
        "questions": questions,
        "question_sources": question_sources,
        "grouped_questions": grouped_questions_table(of_chosen_copies("grouped"), questions),
        "answer_tables": table_schema("answer_tables").conform(of_chosen_copies("tables")),
        "answer_table_cells": table_schema("answer_table_cells").conform(of_chosen_copies("table_cells")),
        "answer_fragments": table_schema("answer_fragments").conform(
            pages["fragments"].with_columns(("f-" + pl.col("source_id").str.slice(4) + "-" + pl.col("position").cast(pl.String)).alias("fragment_id"))
        ),
        "answer_sentences": table_schema("answer_sentences").conform(sentences),
        "agencies": table_schema("agencies").conform(agencies),
        "agency_mentions": table_schema("agency_mentions").conform(agency_mentions.with_columns(pl.col("ref_id").alias("agency_id"))),
        "instruments": table_schema("instruments").conform(instruments),
        "instrument_mentions": table_schema("instrument_mentions").conform(instrument_mentions.with_columns(pl.col("ref_id").alias("instrument_id"))),
        "commitments": table_schema("commitments").conform(of_chosen_copies("commitments")),
    }
    tables["members"] = members
    tables["cross_references"] = cross_references_table(questions, tables["answer_sentences"])
    return tables
