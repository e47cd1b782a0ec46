"""The release stage's first step: the published tables from every batch's store.

:func:`assemble_stores` merges the copies of all pages: one ``questions`` row
per question from its most complete source, and the sentences, mentions and
commitments of that copy. Every table leaves through
:meth:`~pipeline.metadata.TableSchema.conform`, which fixes columns, dtypes
and row order.

Memory is bounded by a part, not by the archive. Each store table is read
once, a group of stores at a time, into parts by the question's hash (the
sources and the fragments by the source's); the copy of each question is then
chosen part by part on the small columns, and each part is assembled alone:
every copy of a question, and every row that hangs from it, is in the
question's part.
IDs begin with that hash, so parts in order are the tables in key order
(:mod:`pipeline.release.parts`).
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl

from pipeline.extract.answer_kinds import answer_kind_expr
from pipeline.extract.cross_references import find_cross_references, resolve_cross_references
from pipeline.extract.members import link_members, members_table

from pipeline.metadata import COPY_KEY, store_schema, table_names, table_schema
from pipeline.page.batches import store_dir
from pipeline.page.frames import PAGE_TABLES
from pipeline.release.parts import TableParts, write_part

QUESTIONS_PER_PART = 25_000
SOURCES_PER_PART = 250_000
# What the most complete copy is judged by: the fields the source printed.
_PRINTED = ("sitting_date", "volume", "columns", "heading", "addressee", "asker", "reference", "answerer")
# The question's own columns that other tables and the members' table need from every question.
_KEY_COLUMNS = ("house", "sitting_date", "reference", "columns", "asking_member_mnis_id", "answering_member_mnis_id")
# Tables that are one row per question or hang from one, read into the question's part.
_OF_QUESTIONS = tuple(name for name in PAGE_TABLES if name != "fragments")
_HASH_DIGITS = 4  # parts are ranges of the first hex digits of the hash an ID begins with
_COPY_COLUMNS = [*COPY_KEY, "source_path", "complete", *_KEY_COLUMNS, "_answer_chars", "_fields"]


def copies_projection(records: pl.LazyFrame) -> pl.LazyFrame:
    """The records with what choosing a copy needs: the answer's length and how many fields the source printed."""
    return records.with_columns(
        pl.col("answer_text").str.len_chars().alias("_answer_chars"),
        # How much of the record the source printed: date, volume, columns, names ...
        pl.sum_horizontal(pl.col(c).is_not_null().cast(pl.Int32) for c in _PRINTED).alias("_fields"),
    )


def choose_copies(copies: pl.DataFrame) -> pl.DataFrame:
    """The copy each question is published from: not cut off, then the most fields printed, then the longest answer."""
    ranked = copies.sort(
        ["question_id", "complete", "_fields", "_answer_chars", "source_path", "record"],
        descending=[False, True, True, True, False, False],
    )
    return ranked.unique("question_id", keep="first", maintain_order=True)


def question_sources_table(copies: pl.DataFrame, chosen: pl.DataFrame) -> pl.DataFrame:
    """Every source that printed each question, the chosen one marked primary."""
    primary = chosen.select("question_id", pl.col("source_id").alias("_primary"))
    return table_schema("question_sources").conform(
        copies.select("question_id", "source_id")
        .unique()
        .join(primary, on="question_id")
        .with_columns((pl.col("source_id") == pl.col("_primary")).alias("is_primary"))
    )


def questions_table(chosen_records: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """The chosen copies' records as ``questions``, asker and answerer linked to members."""
    questions = chosen_records.with_columns(pl.col("complete").alias("answer_complete"), answer_kind_expr())
    return table_schema("questions").conform(link_members(questions, members))


def grouped_question_keys(questions: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """What a grouped reference resolves against: the first question of each house, date and reference."""
    keys = questions.select("house", "sitting_date", "reference", pl.col("question_id").alias("grouped_question_id")).filter(pl.col("reference").is_not_null())
    return keys.lazy().group_by("house", "sitting_date", "reference").agg(pl.col("grouped_question_id").min()).collect()


def grouped_questions_table(grouped: pl.DataFrame, questions: pl.DataFrame, build: pl.LazyFrame | None = None) -> pl.DataFrame:
    """Each question and the references it was answered with, resolved to questions of the build
    (same house, same date answered, that reference); ``build``: the keys of every question of the
    build (question_id, house, sitting_date, reference), when ``questions`` is a part of it."""
    with_keys = grouped.join(questions.select("question_id", "house", "sitting_date"), on="question_id")
    # Only the build's questions of the house, date and reference a grouped row names can resolve it.
    wanted = with_keys.select("house", "sitting_date", pl.col("grouped_reference").alias("reference")).unique()
    cited = questions.lazy() if build is None else build
    keys = grouped_question_keys(cited.join(wanted.lazy(), on=["house", "sitting_date", "reference"], how="semi") if wanted.height else cited.clear())
    resolved = with_keys.join(keys, left_on=["house", "sitting_date", "grouped_reference"], right_on=["house", "sitting_date", "reference"], how="left")
    return table_schema("grouped_questions").conform(resolved.unique(["question_id", "grouped_reference"], keep="first"))


def _part_of(column: str, parts: int, skip: int) -> pl.Expr:
    """The part of a row: a range of the hash its ID ``column`` begins with (after ``skip`` characters)."""
    if parts == 1:
        return pl.lit(0, pl.Int64)
    hashed = pl.col(column).str.slice(skip, _HASH_DIGITS).str.to_integer(base=16, strict=True).cast(pl.Int64)
    return (hashed * parts // 16**_HASH_DIGITS).alias("_part")


def _part_count(frame: pl.LazyFrame, column: str, prefix: str, per_part: int) -> int:
    """How many parts ``frame`` is read in, ``per_part`` distinct IDs each: one unless every ID of
    ``column`` is ``prefix`` and a hash (nothing is split on a guess)."""
    ids = frame.select(
        pl.col(column).n_unique().alias("ids"), pl.col(column).null_count().alias("nulls"),
        pl.col(column).str.contains(f"^{prefix}[0-9a-f]{{{_HASH_DIGITS}}}").all().alias("hashed"),
    ).collect(engine="streaming").row(0, named=True)
    if ids["ids"] <= per_part or ids["nulls"] or not ids["hashed"]:
        return 1
    return min(16**_HASH_DIGITS, math.ceil(ids["ids"] / per_part))


# How much of the stores (Parquet bytes on disk) is read at once when splitting them into parts.
GROUP_BYTES = 32 << 20


class _Stores:
    """Every batch's store, read with lazy scans: all at once, or in groups of batches of bounded size."""

    def __init__(self, work: Path, batches: list[str]):
        self.folders = [store_dir(work, b) for b in batches]
        missing = [b for b, f in zip(batches, self.folders) if not (f / "files.parquet").is_file()]
        if missing:
            raise FileNotFoundError(f"batches not processed yet: {missing[:5]}")

    def scan(self, name: str, folders: list[Path] | None = None) -> pl.LazyFrame:
        folders = self.folders if folders is None else folders
        if not folders:
            return pl.LazyFrame(schema=store_schema(name))
        return pl.scan_parquet([f / f"{name}.parquet" for f in folders], hive_partitioning=False)

    def groups(self) -> list[list[Path]]:
        """The stores in groups of about :data:`GROUP_BYTES` each (one store at least)."""
        groups: list[list[Path]] = [[]]
        size = 0
        for folder in self.folders:
            stored = sum(p.stat().st_size for p in folder.glob("*.parquet"))
            if groups[-1] and size + stored > GROUP_BYTES:
                groups.append([])
                size = 0
            groups[-1].append(folder)
            size += stored
        return [g for g in groups if g]


def _split(stores: _Stores, read: Callable[[list[Path] | None], pl.LazyFrame], part: pl.Expr, parts: int, folder: Path) -> list[pl.LazyFrame]:
    """What ``read`` gives of the stores, as ``parts`` lazy frames: read once, a group of stores at a
    time, into one folder per part (memory: one group, whatever the archive's size)."""
    whole = read(None)
    if parts == 1:
        return [whole]
    for g, group in enumerate(stores.groups()):
        frame = read(group).with_columns(part.alias("_part")).collect()
        for (k,), piece in frame.partition_by("_part", as_dict=True, include_key=False).items():
            write_part(piece, folder / f"_part={k}" / f"{g:05d}.parquet")
        del frame
    schema = whole.collect_schema()
    return [
        pl.scan_parquet(folder / f"_part={k}" / "*.parquet", hive_partitioning=False) if (folder / f"_part={k}").is_dir() else pl.LazyFrame(schema=schema)
        for k in range(parts)
    ]


def _bodies_named(agency_mentions: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """Every (id, name, acronym, kind) a body is named or answers by, once each."""
    answering_bodies = records.filter(pl.col("answering_body_id").is_not_null()).select(
        pl.col("answering_body_id").alias("ref_id"),
        pl.col("answering_body_name").alias("name"),
        pl.col("answering_body_acronym").alias("acronym"),
        pl.col("answering_body_kind").alias("kind"),
    )
    return pl.concat([agency_mentions.select("ref_id", "name", "acronym", "kind"), answering_bodies]).unique()


def agencies_table(named: pl.DataFrame) -> pl.DataFrame:
    """One row per body: its name, first acronym and kind (ties broken by value, so any order of reading gives the same)."""
    return table_schema("agencies").conform(
        named.sort("ref_id", pl.col("acronym").is_null(), "name", "acronym", "kind", nulls_last=True)
        .group_by("ref_id", maintain_order=True)
        .agg(pl.col("name").first(), pl.col("acronym").drop_nulls().first(), pl.col("kind").first())
        .rename({"ref_id": "agency_id"})
    )


def instruments_table(named: pl.DataFrame) -> pl.DataFrame:
    """One row per instrument: its fullest title, identifier and year."""
    return table_schema("instruments").conform(
        named.sort("ref_id", pl.col("identifier").is_null(), "name", "identifier", "kind", "year", nulls_last=True)
        .group_by("ref_id", maintain_order=True)
        .agg(pl.col("name").first().alias("title"), pl.col("kind").first(), pl.col("identifier").drop_nulls().first(), pl.col("year").drop_nulls().first())
        .rename({"ref_id": "instrument_id"})
    )


def _question_part(pages: dict[str, pl.DataFrame], build_keys: pl.LazyFrame, members: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """The question tables of one part, from the store rows of the part's chosen copies (cross-references found, not yet resolved)."""
    questions = questions_table(pages["records"], members)
    sentences = table_schema("answer_sentences").conform(pages["sentences"])
    return {
        "questions": questions,
        "grouped_questions": grouped_questions_table(pages["grouped"], questions, build_keys),
        "answer_tables": table_schema("answer_tables").conform(pages["tables"]),
        "answer_table_cells": table_schema("answer_table_cells").conform(pages["table_cells"]),
        "answer_sentences": sentences,
        "agency_mentions": table_schema("agency_mentions").conform(pages["agency_mentions"].with_columns(pl.col("ref_id").alias("agency_id"))),
        "instrument_mentions": table_schema("instrument_mentions").conform(pages["instrument_mentions"].with_columns(pl.col("ref_id").alias("instrument_id"))),
        "commitments": table_schema("commitments").conform(pages["commitments"]),
        "cross_references": find_cross_references(questions, sentences),
    }


def assemble_stores(
    work: Path, batches: list[str], folder: Path, *, questions_per_part: int = QUESTIONS_PER_PART, sources_per_part: int = SOURCES_PER_PART
) -> dict[str, TableParts]:
    """The published tables from every batch's store, written in parts under ``folder`` (made anew)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    stores = _Stores(work, batches)
    staging = folder / ".split"
    written: dict[str, list[str]] = {name: [] for name in table_names()}
    parts = _part_count(stores.scan("records"), "question_id", "q-", questions_per_part)
    part = _part_of("question_id", parts, skip=2)
    # Every copy of a question goes to its question's part, with what choosing a copy needs.
    def reader(name: str) -> Callable[[list[Path] | None], pl.LazyFrame]:
        if name == "records":
            return lambda folders: copies_projection(stores.scan("records", folders))
        return lambda folders: stores.scan(name, folders)

    split = {name: _split(stores, reader(name), part, parts, staging / name) for name in _OF_QUESTIONS}

    # First pass, on the parts' small columns: the copy published for each question, and what
    # other parts need of every question (keys to resolve references, members' ids), kept on disk
    # and read lazily for the few keys each part's references name.
    mnis_ids = []
    for k in range(parts):
        copies = split["records"][k].select(_COPY_COLUMNS).collect()
        chosen = choose_copies(copies)
        write_part(chosen.select(COPY_KEY), staging / "chosen" / f"{k:05d}.parquet")
        write_part(chosen.select("question_id", *_KEY_COLUMNS), staging / "keys" / f"{k:05d}.parquet")
        mnis_ids.append(chosen.select("asking_member_mnis_id", "answering_member_mnis_id").unique())
        sources = question_sources_table(copies, chosen)
        if sources.height or k == 0:
            written["question_sources"].append(write_part(sources, folder / "question_sources" / f"{k:05d}.parquet"))
        del copies, chosen
    keys = pl.scan_parquet(staging / "keys" / "*.parquet", hive_partitioning=False)
    members = table_schema("members").conform(members_table(pl.concat(mnis_ids)))

    # Second pass: each part's tables from the store rows of its chosen copies.
    named_bodies, named_instruments, cross_references = [], [], []
    for k in range(parts):
        chosen = pl.scan_parquet(staging / "chosen" / f"{k:05d}.parquet")
        pages = {name: split[name][k].join(chosen, on=COPY_KEY, how="semi").collect() for name in _OF_QUESTIONS}
        tables = _question_part(pages, keys, members)
        for name, frame in tables.items():
            if name != "cross_references" and (frame.height or k == 0):
                written[name].append(write_part(frame, folder / name / f"{k:05d}.parquet"))
        # Resolved here, a part at a time: a reference needs only the keys of the date it cites.
        cross_references.append(resolve_cross_references(tables["cross_references"], keys))
        named_bodies.append(_bodies_named(pages["agency_mentions"], pages["records"]))
        named_instruments.append(pages["instrument_mentions"].select("ref_id", "name", "kind", "identifier", "year").unique())
        del pages, tables

    # Counted on the files alone: the verdicts joined to them add no source (a join of every store would hold every path).
    source_parts = _part_count(stores.scan("files"), "source_id", "src-", sources_per_part)
    by_source = _split(
        stores, lambda folders: stores.scan("files", folders).join(stores.scan("verdicts", folders), on="path", how="left"),
        _part_of("source_id", source_parts, skip=4), source_parts, staging / "sources",
    )
    fragment_id = ("f-" + pl.col("source_id").str.slice(4) + "-" + pl.col("position").cast(pl.String)).alias("fragment_id")
    fragments_of = _split(
        stores, lambda folders: stores.scan("fragments", folders).with_columns(fragment_id), _part_of("source_id", source_parts, skip=4), source_parts, staging / "fragments"
    )
    for k in range(source_parts):
        for name, frame in (("sources", by_source[k]), ("answer_fragments", fragments_of[k])):
            table = table_schema(name).conform(frame.collect())
            if table.height or k == 0:
                written[name].append(write_part(table, folder / name / f"{k:05d}.parquet"))

    small = {
        "agencies": agencies_table(pl.concat(named_bodies)),
        "instruments": instruments_table(pl.concat(named_instruments)),
        "members": members,
        "cross_references": table_schema("cross_references").conform(pl.concat(cross_references)),
    }
    for name, frame in small.items():
        written[name].append(write_part(frame, folder / name / "00000.parquet"))
    shutil.rmtree(staging, ignore_errors=True)
    return {name: TableParts(name, tuple(paths)) for name, paths in written.items()}


