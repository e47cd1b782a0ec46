"""Every table: the published ones (data-contract.md) and the per-batch stores.

A table lists its fields by name (defined in :mod:`pipeline.metadata.fields`),
which of them are required or unique, its keys, and any field it describes in
its own words (after PUDL's ``FIELD_METADATA_BY_RESOURCE``). The Table Schemas
in ``schemas/``, polars dtypes, validation rules, asset checks and the data
dictionary are all derived from here.
"""

from __future__ import annotations

from typing import Any

from pipeline.metadata.enums import AgencyKind, CommitmentStatus, InstrumentKind
from pipeline.metadata.fields import enum_constraint

# Published tables in the order of the data contract.
TABLES: dict[str, dict[str, Any]] = {
    "sources": {
        "title": "Sources",
        "description": "One row per file in the archive folder that was read, whatever became of it.",
        "fields": ["source_id", "path", "url", "sha256", "bytes", "format", "status", "reason", "corrections", "question_count", "text_words", "published_words"],
        "required": ["source_id", "path", "sha256", "bytes", "format", "status", "question_count"],
        "unique": ["source_id", "path"],
        "primary_key": ["source_id"],
    },
    "questions": {
        "title": "Questions",
        "description": "One row per written question and its answer, however many sources print it.",
        "fields": [
            "question_id", "source_id", "house", "sitting_date", "volume", "columns", "heading", "department", "addressee",
            "asker", "reference", "question_text", "answerer", "answer_text", "answer_complete",
            "url", "date_tabled", "holding_answer_date", "is_correction", "wq_api_id", "asking_member_mnis_id",
            "answering_member_mnis_id", "answering_body_id", "answer_kind", "asker_member_id", "asker_link", "answerer_member_id", "answerer_link",
        ],
        "required": ["question_id", "source_id", "house", "answer_text", "answer_complete", "is_correction"],
        "unique": ["question_id"],
        "primary_key": ["question_id"],
        "foreign_keys": {
            "source_id": ("sources", "source_id"),
            "answering_body_id": ("agencies", "agency_id"),
            "asker_member_id": ("members", "member_id"),
            "answerer_member_id": ("members", "member_id"),
        },
        "descriptions": {
            "question_id": "Stable ID derived from the question itself (house, sitting date, reference; heading and text where no reference is printed).",
            "source_id": "The source this row was taken from (the most complete one that prints it).",
            "url": "Where the question is published: the page's URL, or the question's page for Written Questions API records; null when unknown.",
        },
    },
    "question_sources": {
        "title": "Question sources",
        "description": "Every source a question was found in: one question can be printed by several pages.",
        "fields": ["question_id", "source_id", "is_primary"],
        "required": ["question_id", "source_id", "is_primary"],
        "primary_key": ["question_id", "source_id"],
        "foreign_keys": {"question_id": ("questions", "question_id"), "source_id": ("sources", "source_id")},
        "descriptions": {"source_id": "A source that prints it."},
    },
    "grouped_questions": {
        "title": "Grouped questions",
        "description": "Questions answered together (the Written Questions API's grouped questions): one row per question and each question grouped with it.",
        "fields": ["question_id", "grouped_reference", "grouped_question_id"],
        "required": ["question_id", "grouped_reference"],
        "primary_key": ["question_id", "grouped_reference"],
        "foreign_keys": {"question_id": ("questions", "question_id"), "grouped_question_id": ("questions", "question_id")},
        "descriptions": {"question_id": "The question."},
    },
    "answer_tables": {
        "title": "Answer tables",
        "description": "Tables printed in answers (each row is also a line of answer_text, cells joined by a space).",
        "fields": ["table_id", "question_id", "position", "title", "n_rows", "n_columns", "char_start", "char_end"],
        "required": ["table_id", "question_id", "position", "n_rows", "n_columns", "char_start", "char_end"],
        "unique": ["table_id"],
        "primary_key": ["table_id"],
        "foreign_keys": {"question_id": ("questions", "question_id")},
        "descriptions": {
            "position": "1-based place of the table in the answer.",
            "title": "The table's caption, where the source marks one.",
            "char_start": "Start offset of the table's first row in answer_text.",
            "char_end": "End offset (exclusive) of its last row in answer_text.",
        },
    },
    "answer_table_cells": {
        "title": "Answer table cells",
        "description": "Every cell of every answer table, so a table can be loaded with its figures.",
        "fields": ["table_id", "row", "column", "is_header", "text"],
        "required": ["table_id", "row", "column", "is_header"],
        "primary_key": ["table_id", "row", "column"],
        "foreign_keys": {"table_id": ("answer_tables", "table_id")},
        "descriptions": {"table_id": "The table.", "text": "The cell as printed; null for an empty cell."},
    },
    "answer_fragments": {
        "title": "Answer fragments",
        "description": "Text a page holds that belongs to no complete question on it (the end of an answer begun on another page), kept rather than dropped.",
        "fields": ["fragment_id", "source_id", "position", "text", "reason"],
        "required": ["fragment_id", "source_id", "position", "text", "reason"],
        "unique": ["fragment_id"],
        "primary_key": ["fragment_id"],
        "foreign_keys": {"source_id": ("sources", "source_id")},
        "descriptions": {
            "source_id": "The page that prints it.",
            "position": "1-based place of the fragment on its page.",
            "text": "The fragment as printed, page furniture removed; lines separated by a line break.",
            "reason": "Why it is not part of a question.",
        },
    },
    "answer_sentences": {
        "title": "Answer sentences",
        "description": "The answer split into sentences (a table row or list item is one sentence).",
        "fields": ["sentence_id", "question_id", "position", "text", "char_start", "char_end"],
        "required": ["sentence_id", "question_id", "position", "text", "char_start", "char_end"],
        "unique": ["sentence_id"],
        "primary_key": ["sentence_id"],
        "foreign_keys": {"question_id": ("questions", "question_id")},
        "descriptions": {
            "question_id": "The question whose answer holds the sentence.",
            "char_start": "Start offset in answer_text (0-based, Python string index).",
            "char_end": "End offset in answer_text (exclusive).",
        },
    },
    "agencies": {
        "title": "Agencies",
        "description": "Organisations named in questions and answers: the curated reference bodies that were mentioned, and new ones found in the text.",
        "fields": ["agency_id", "name", "acronym", "kind"],
        "required": ["agency_id", "name", "kind"],
        "unique": ["agency_id"],
        "primary_key": ["agency_id"],
        "overrides": {"kind": {"description": "Kind of body.", "example": "uk_central_government", "constraints": enum_constraint(AgencyKind)}},
    },
    "agency_mentions": {
        "title": "Agency mentions",
        "description": "Each place an agency is named in a question or an answer.",
        "fields": ["mention_id", "question_id", "sentence_id", "agency_id", "surface", "part", "char_start", "char_end"],
        "required": ["mention_id", "question_id", "agency_id", "surface", "part", "char_start", "char_end"],
        "unique": ["mention_id"],
        "primary_key": ["mention_id"],
        "foreign_keys": {
            "question_id": ("questions", "question_id"),
            "sentence_id": ("answer_sentences", "sentence_id"),
            "agency_id": ("agencies", "agency_id"),
        },
        "descriptions": {
            "mention_id": "Question ID, part, offset and agency.",
            "sentence_id": "The answer sentence holding the mention; null when part = question.",
            "agency_id": "The agency named.",
        },
    },
    "instruments": {
        "title": "Instruments",
        "description": "Named legal and policy instruments: treaties, EU law, Acts, Bills, statutory instruments, reports and policy papers.",
        "fields": ["instrument_id", "title", "kind", "identifier", "year"],
        "required": ["instrument_id", "title", "kind"],
        "unique": ["instrument_id"],
        "primary_key": ["instrument_id"],
        "overrides": {"kind": {"description": "Kind of instrument.", "example": "act", "constraints": enum_constraint(InstrumentKind)}},
    },
    "instrument_mentions": {
        "title": "Instrument mentions",
        "description": "Each place an instrument is named in a question or an answer.",
        "fields": ["mention_id", "question_id", "sentence_id", "instrument_id", "surface", "part", "char_start", "char_end"],
        "required": ["mention_id", "question_id", "instrument_id", "surface", "part", "char_start", "char_end"],
        "unique": ["mention_id"],
        "primary_key": ["mention_id"],
        "foreign_keys": {
            "question_id": ("questions", "question_id"),
            "sentence_id": ("answer_sentences", "sentence_id"),
            "instrument_id": ("instruments", "instrument_id"),
        },
        "descriptions": {
            "mention_id": "Question ID, part, offset and instrument.",
            "sentence_id": "The answer sentence holding the mention; null when part = question.",
            "instrument_id": "The instrument named.",
        },
    },
    "commitments": {
        "title": "Commitments",
        "description": "Answer sentences in which the Government or a body acting for it says what it has done, is doing, will do, is considering, or will not do.",
        "fields": ["commitment_id", "question_id", "sentence_id", "status", "actor_agency_id", "cue"],
        "required": ["commitment_id", "question_id", "sentence_id", "status", "cue"],
        "unique": ["commitment_id", "sentence_id"],
        "primary_key": ["commitment_id"],
        "foreign_keys": {
            "question_id": ("questions", "question_id"),
            "sentence_id": ("answer_sentences", "sentence_id"),
            "actor_agency_id": ("agencies", "agency_id"),
        },
        "descriptions": {"sentence_id": "The sentence that states it."},
        "overrides": {"status": {"description": "What the sentence commits to.", "example": "in_progress", "constraints": enum_constraint(CommitmentStatus)}},
    },
    "members": {
        "title": "Members",
        "description": "People of both Houses, one row a person, with the ids other data sets use (parlparse/TheyWorkForYou, Parliament MNIS, Odell, IfG).",
        "fields": ["member_id", "name", "house", "party", "constituency", "twfy_person_id", "mnis_id", "odell_id", "ifg_person_id"],
        "required": ["member_id"],
        "unique": ["member_id"],
        "primary_key": ["member_id"],
        "descriptions": {"name": "Name as the reference gives it (null for a Parliament id the reference data lacks).", "house": "The House of the person's first known spell."},
    },
    "cross_references": {
        "title": "Cross-references",
        "description": "References from an answer to another answer or question (\"I refer the hon. Member to the answer I gave on 11 December, Official Report, column 563W\"), resolved to the cited question when it is in the build.",
        "fields": ["cross_reference_id", "question_id", "sentence_id", "surface", "char_start", "char_end", "cited_date", "cited_column", "cited_reference", "cited_member", "cited_question_id"],
        "required": ["cross_reference_id", "question_id", "sentence_id", "surface", "char_start", "char_end"],
        "unique": ["cross_reference_id"],
        "primary_key": ["cross_reference_id"],
        "foreign_keys": {
            "question_id": ("questions", "question_id"),
            "sentence_id": ("answer_sentences", "sentence_id"),
            "cited_question_id": ("questions", "question_id"),
        },
        "descriptions": {
            "question_id": "The question whose answer makes the reference.",
            "sentence_id": "The sentence that holds it.",
            "surface": "The reference as printed, from its first words to the end of its clause.",
            "char_start": "Start offset in answer_text.",
        },
    },
}

# A copy of a question: one question as one page prints it, at one place on the page.
COPY_KEY = ["question_id", "source_id", "record"]

# Per-batch stores (pipeline.page.batches): internal, never published. Their
# columns are fields too, so a column has one dtype wherever it goes.
STORES: dict[str, dict[str, Any]] = {
    "files": {"fields": ["source_id", "path", "raw_path", "url", "sha256", "bytes", "may_be_cut", "mtime_ns", "ctime_ns", "problem", "sidecar_sha256"]},
    "verdicts": {"fields": ["path", "format", "status", "reason", "corrections", "question_count", "text_words", "published_words"]},
    "records": {
        "fields": [
            "question_id", "source_id", "source_path", "record", "house", "sitting_date", "volume", "columns", "heading",
            "department", "addressee", "asker", "reference", "question_text", "answerer", "answer_text", "complete",
            "url", "date_tabled", "holding_answer_date", "is_correction", "wq_api_id", "asking_member_mnis_id",
            "answering_member_mnis_id", "answering_body_id", "answering_body_name", "answering_body_acronym", "answering_body_kind",
        ]
    },
    "grouped": {"fields": [*COPY_KEY, "grouped_reference"]},
    "fragments": {"fields": ["source_id", "position", "text", "reason"]},
    "tables": {"fields": [*COPY_KEY, "table_id", "position", "title", "n_rows", "n_columns", "char_start", "char_end"]},
    "table_cells": {"fields": [*COPY_KEY, "table_id", "row", "column", "is_header", "text"]},
    "sentences": {"fields": [*COPY_KEY, "sentence_id", "position", "text", "char_start", "char_end"]},
    "mentions": {
        "fields": [*COPY_KEY, "part", "char_start", "char_end", "surface", "ref_id", "name", "acronym", "kind", "identifier", "year"]
    },
    "agency_mentions": {"extends": "mentions", "fields": ["sentence_id", "mention_id"]},
    "instrument_mentions": {"extends": "mentions", "fields": ["sentence_id", "mention_id"]},
    "commitments": {"fields": [*COPY_KEY, "commitment_id", "sentence_id", "status", "actor_agency_id", "cue"]},
}
