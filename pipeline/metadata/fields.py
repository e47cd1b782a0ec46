"""Every column of every table, defined once (after PUDL's ``metadata/fields.py``).

A field has a Frictionless ``type``, a ``description``, an ``example`` and the
``constraints`` that hold wherever the column appears (patterns, enums,
bounds). Whether a column is required, unique or a key is a fact of the table
and lives in :mod:`pipeline.metadata.tables`; so do descriptions that a table
words differently. Fields marked ``internal`` exist only in the per-batch
stores and are never published.
"""

from __future__ import annotations

from typing import Any

from pipeline.metadata.enums import AnswerKind, House, LinkMethod, Part, SourceFormat, SourceStatus

QUESTION_ID_PATTERN = "q-[0-9a-f]{16}"
SOURCE_ID_PATTERN = "src-[0-9a-f]{16}"
SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"


def enum_constraint(values: type) -> dict[str, list[str]]:
    """The ``enum`` constraint listing a StrEnum's values."""
    return {"enum": [str(v) for v in values]}


FIELDS: dict[str, dict[str, Any]] = {
    # --- identifiers -----------------------------------------------------
    "source_id": {
        "type": "string",
        "description": "Stable ID of the file: 'src-' and the first 16 hex digits of the SHA-256 of its path.",
        "example": "src-3f1c2a9b0d4e5f60",
        "constraints": {"pattern": SOURCE_ID_PATTERN},
    },
    "question_id": {
        "type": "string",
        "description": "The question.",
        "example": "q-5b1d0c7e9a2f4c31",
        "constraints": {"pattern": QUESTION_ID_PATTERN},
    },
    "sentence_id": {
        "type": "string",
        "description": "Question ID and 1-based position.",
        "example": "q-5b1d0c7e9a2f4c31-s001",
    },
    "mention_id": {
        "type": "string",
        "description": "Question ID, part, offset and the entity named.",
        "example": "q-5b1d0c7e9a2f4c31-a-00156-home-office",
    },
    "fragment_id": {
        "type": "string",
        "description": "Source ID and the fragment's place on the page.",
        "example": "f-3f1c2a9b0d4e5f60-1",
    },
    "table_id": {"type": "string", "description": "Question ID and the table's place in the answer.", "example": "q-5b1d0c7e9a2f4c31-t01"},
    "n_rows": {"type": "integer", "description": "Rows of the table, header rows included.", "example": 5, "constraints": {"minimum": 1}},
    "n_columns": {"type": "integer", "description": "Cells of its widest row.", "example": 3, "constraints": {"minimum": 1}},
    "row": {"type": "integer", "description": "0-based row of the cell (header rows first, as printed).", "example": 0, "constraints": {"minimum": 0}},
    "column": {"type": "integer", "description": "0-based column of the cell.", "example": 1, "constraints": {"minimum": 0}},
    "is_header": {"type": "boolean", "description": "True for a cell of a header row (the rows above the first row with figures).", "example": True},
    "commitment_id": {
        "type": "string",
        "description": "Sentence ID with a 'c' prefix.",
        "example": "c-q-5b1d0c7e9a2f4c31-s002",
    },
    "agency_id": {
        "type": "string",
        "description": "Stable ID: a slug of the canonical name.",
        "example": "home-office",
        "constraints": {"pattern": SLUG_PATTERN},
    },
    "actor_agency_id": {
        "type": "string",
        "description": "The agency acting; null means the Government.",
        "example": "home-office",
        "constraints": {"pattern": SLUG_PATTERN},
    },
    "instrument_id": {
        "type": "string",
        "description": "Stable ID: kind and a slug of the canonical title or identifier.",
        "example": "act-immigration-act-1971",
        "constraints": {"pattern": SLUG_PATTERN},
    },
    # --- sources ----------------------------------------------------------
    "path": {
        "type": "string",
        "description": "Path of the file relative to the archive root, with '/' separators.",
        "example": "hansard-web/000_602fbbef5cd5d47e.txt",
    },
    "url": {
        "type": "string",
        "description": "Where the page was published, from its .meta.json sidecar; null when there is none.",
        "example": "https://hansard.parliament.uk/Lords/2001-03-20/debates/64279fc7/TraffickingInPersons",
    },
    "sha256": {
        "type": "string",
        "description": "SHA-256 of the file's bytes, lower-case hex.",
        "example": "aa4c1a7f1c3b0f8e2d6c9b5a4e3f2d1c0b9a8e7f6d5c4b3a2f1e0d9c8b7a6f5e",
        "constraints": {"pattern": "[0-9a-f]{64}"},
    },
    "bytes": {"type": "integer", "description": "Size of the file in bytes.", "example": 2863, "constraints": {"minimum": 0}},
    "format": {
        "type": "string",
        "description": "Detected page format.",
        "example": "hansard_web_text",
        "constraints": enum_constraint(SourceFormat),
    },
    "status": {
        "type": "string",
        "description": "What became of the file: parsed into questions, recognised as not written answers, or quarantined.",
        "example": "parsed",
        "constraints": enum_constraint(SourceStatus),
    },
    "kind": {"type": "string", "description": "Kind of body or instrument (each table gives its values).", "example": "act"},
    "reason": {
        "type": "string",
        "description": "Why the file was not parsed, in words a person can act on; null when parsed.",
        "example": "page holds an order paper, not written answers",
    },
    "corrections": {
        "type": "string",
        "description": "Errors of the source corrected from its printed text, in words (a <date> attribute that contradicts the printed date); null when none.",
        "example": "<date format=\"1906-02-16\"> contradicts its printed date 'Tuesday, 16th February, 1909.': 1909-02-16 used",
    },
    "text_words": {
        "type": "integer",
        "description": "Words of the page's text after page furniture (headers, navigation, column markers, notes, the 'To ask' lead-ins) is removed; null when not parsed.",
        "example": 412,
        "constraints": {"minimum": 0},
    },
    "published_words": {
        "type": "integer",
        "description": "How many of text_words reach a published text column (questions, fragments); null when not parsed.",
        "example": 409,
        "constraints": {"minimum": 0},
    },
    "question_count": {
        "type": "integer",
        "description": "Number of questions read from this file (before merging copies of one question).",
        "example": 1,
        "constraints": {"minimum": 0},
    },
    # --- questions --------------------------------------------------------
    "house": {
        "type": "string",
        "description": "House of Parliament the question was asked in.",
        "example": "Lords",
        "constraints": enum_constraint(House),
    },
    "sitting_date": {
        "type": "date",
        "description": "Date of the sitting the answer is printed under; null when neither the page nor its URL gives it.",
        "example": "2001-03-20",
    },
    "volume": {"type": "integer", "description": "Hansard volume number where printed.", "example": 623, "constraints": {"minimum": 1}},
    "columns": {"type": "string", "description": 'Column reference as printed ("cc81-2WA", "c123W", "WA 305").', "example": "cc97-8WA"},
    "heading": {"type": "string", "description": "Title the answer is filed under.", "example": "Trafficking In Persons"},
    "department": {
        "type": "string",
        "description": "Department heading the answer is grouped under (archive XML groups), where printed.",
        "example": "HOME DEPARTMENT",
    },
    "addressee": {"type": "string", "description": "Who the question is put to, as printed.", "example": "Her Majesty's Government"},
    "asker": {"type": "string", "description": "Member who asked, as printed; null when the page does not name one.", "example": "Lord Alton of Liverpool"},
    "reference": {
        "type": "string",
        "description": "The question's own reference number(s) without brackets, several joined by '; '.",
        "example": "HL867",
    },
    "question_text": {
        "type": "string",
        "description": "The question from its first word after the lead-in, reference removed; null when the page prints only the lead-in.",
        "example": "Whether they will respond to the recommendations made in the report …",
    },
    "answerer": {"type": "string", "description": "Who answered, as printed (name, or office and name).", "example": "Lord Rooker"},
    "answer_text": {
        "type": "string",
        "description": "All paragraphs of the answer, paragraphs separated by a blank line; page furniture removed.",
        "example": "The Government have noted the recommendations …",
    },
    "answer_complete": {
        "type": "boolean",
        "description": "False when every source that prints this answer was cut off inside it (the answer ends where the page does).",
        "example": True,
    },
    "date_tabled": {"type": "date", "description": "Date the question was tabled, where the source gives it (the Written Questions API).", "example": "2023-12-08"},
    "holding_answer_date": {
        "type": "date",
        "description": "Date of the holding answer given before this one (\"[holding answer 27 November 2006]\", the API's dateHoldingAnswer); null when none.",
        "example": "2006-11-27",
    },
    "is_correction": {"type": "boolean", "description": "True when the answer is a correction of an earlier one (the API's answerIsCorrection).", "example": False},
    "wq_api_id": {"type": "integer", "description": "The question's id in the UK Parliament Written Questions API; null for archive pages.", "example": 1676644, "constraints": {"minimum": 1}},
    "asking_member_mnis_id": {"type": "integer", "description": "Parliament (MNIS) id of the member who asked, where the source gives it.", "example": 4679, "constraints": {"minimum": 1}},
    "answering_member_mnis_id": {"type": "integer", "description": "Parliament (MNIS) id of the member who answered, where the source gives it.", "example": 4362, "constraints": {"minimum": 1}},
    "answering_body_id": {
        "type": "string",
        "description": "The body that answered: the API's answering body, the department heading, the addressee's or the answerer's office (by the date); null only when nothing on the page says.",
        "example": "home-office",
        "constraints": {"pattern": SLUG_PATTERN},
    },
    "answer_kind": {
        "type": "string",
        "description": "What kind of answer it is, from its text: substantive, or one of the non-answers (refers elsewhere, will write, holding, "
        "information not available, only at disproportionate cost, declined).",
        "example": "substantive",
        "constraints": enum_constraint(AnswerKind),
    },
    "asker_member_id": {"type": "string", "description": "The member who asked (members), when one person fits the printed name, house and date, or the API's id; null otherwise.", "example": "m-0a1b2c3d4e5f", "constraints": {"pattern": "m-[0-9a-f]{12}"}},
    "asker_link": {"type": "string", "description": "How asker_member_id was found.", "example": "surname_and_date", "constraints": enum_constraint(LinkMethod)},
    "answerer_member_id": {"type": "string", "description": "The member who answered (members), found as asker_member_id is.", "example": "m-0a1b2c3d4e5f", "constraints": {"pattern": "m-[0-9a-f]{12}"}},
    "answerer_link": {"type": "string", "description": "How answerer_member_id was found.", "example": "office_and_date", "constraints": enum_constraint(LinkMethod)},
    "member_id": {"type": "string", "description": "Stable ID of the person (from their strongest external id).", "example": "m-0a1b2c3d4e5f", "constraints": {"pattern": "m-[0-9a-f]{12}"}},
    "party": {"type": "string", "description": "Party as the reference gives it (latest known).", "example": "Labour"},
    "constituency": {"type": "string", "description": "Constituency as the reference gives it (latest known; null for peers).", "example": "Yeovil"},
    "twfy_person_id": {"type": "string", "description": "TheyWorkForYou (parlparse) person id.", "example": "10015"},
    "mnis_id": {"type": "integer", "description": "UK Parliament (MNIS) member id.", "example": 258, "constraints": {"minimum": 1}},
    "odell_id": {"type": "string", "description": "Id in Evan Odell's MP list (1979-2016; the MNIS id of that list).", "example": "258"},
    "ifg_person_id": {"type": "string", "description": "Institute for Government ministers database person id.", "example": "5128c916-6f31-4b3f-aaab-d7ee6ae88663"},
    "grouped_reference": {"type": "string", "description": "The other question's reference (uin) as printed.", "example": "6773"},
    "grouped_question_id": {
        "type": "string",
        "description": "The other question, when it is in the build (same house, date answered and reference).",
        "example": "q-0a1b2c3d4e5f6a7b",
        "constraints": {"pattern": QUESTION_ID_PATTERN},
    },
    "is_primary": {"type": "boolean", "description": "True for the source the questions row was taken from.", "example": True},
    # --- sentences, mentions, entities ------------------------------------
    "position": {"type": "integer", "description": "1-based position of the sentence in the answer.", "example": 1, "constraints": {"minimum": 1}},
    "text": {
        "type": "string",
        "description": "The sentence as printed.",
        "example": "The Government have noted the recommendations of the report Stopping Traffic.",
    },
    "char_start": {"type": "integer", "description": "Start offset in the part's text (0-based, Python string index).", "example": 82, "constraints": {"minimum": 0}},
    "char_end": {"type": "integer", "description": "End offset (exclusive).", "example": 93, "constraints": {"minimum": 1}},
    "surface": {"type": "string", "description": "The words as printed.", "example": "Home Office"},
    "part": {
        "type": "string",
        "description": "Whether the mention is in the question or the answer text.",
        "example": "answer",
        "constraints": enum_constraint(Part),
    },
    "name": {"type": "string", "description": "Canonical name.", "example": "Home Office"},
    "acronym": {"type": "string", "description": "Usual acronym, where there is one.", "example": "NCIS"},
    "title": {"type": "string", "description": "Canonical title.", "example": "Immigration Act 1971"},
    "identifier": {
        "type": "string",
        "description": 'Official number where printed ("S.I. 2003/2123", "Cm 4181", "Police Research Series Paper 125").',
        "example": "Cm 4181",
    },
    "year": {"type": "integer", "description": "Year in the title or identifier.", "example": 1971, "constraints": {"minimum": 1000, "maximum": 2100}},
    "cue": {"type": "string", "description": "The words that signal the status.", "example": "is currently doing"},
    # --- cross-references ---------------------------------------------------
    "cross_reference_id": {"type": "string", "description": "Stable ID of the reference (its sentence and offset).", "example": "xr-0a1b2c3d4e5f6a7b", "constraints": {"pattern": "xr-[0-9a-f]{16}"}},
    "cited_date": {"type": "date", "description": "The date the cited answer was given, as printed (the year taken from the sitting when the page omits it; 'earlier today' is the sitting date).", "example": "2000-12-11"},
    "cited_column": {"type": "string", "description": "The Official Report column cited, as printed (\"563W\", \"WA 213\").", "example": "563W"},
    "cited_reference": {"type": "string", "description": "The cited question's reference (uin) or statement number, as printed without spaces (\"5784\", \"HL572\", \"HCWS148\").", "example": "5784"},
    "cited_member": {"type": "string", "description": "The member the cited answer was given to or by, as printed (null when the page does not say).", "example": "the hon. Member for Battersea"},
    "cited_question_id": {
        "type": "string",
        "description": "The cited question, when it is in the build: answered on the cited date with the cited reference, or in the cited column; null when none or several fit.",
        "example": "q-0a1b2c3d4e5f6a7b",
        "constraints": {"pattern": QUESTION_ID_PATTERN},
    },
    # --- internal: per-batch stores only -----------------------------------
    "mtime_ns": {"type": "integer", "internal": True, "description": "File modification time (ns), to reuse checksums."},
    "ctime_ns": {"type": "integer", "internal": True, "description": "Inode change time (ns): a copy that keeps size and mtime still changes it."},
    "raw_path": {"type": "string", "internal": True, "description": "Hex of the path's bytes when its name is not UTF-8 (to open it)."},
    "problem": {"type": "string", "internal": True, "description": "Why the entry cannot be read as a page (not a regular file, permission), found before opening it."},
    "sidecar_sha256": {"type": "string", "internal": True, "description": "SHA-256 of the page's sidecar: an edited sidecar re-reads its page."},
    "may_be_cut": {"type": "boolean", "internal": True, "description": "The sidecar says the page may be cut off."},
    "source_path": {"type": "string", "internal": True, "description": "Path of the source a copy was read from."},
    "record": {"type": "integer", "internal": True, "description": "1-based place of a record on its page."},
    "complete": {"type": "boolean", "internal": True, "description": "False when the page was cut off inside this answer."},
    "ref_id": {"type": "string", "internal": True, "description": "ID of the agency or instrument a mention names."},
    "answering_body_name": {"type": "string", "internal": True, "description": "Name of the answering body (for the agencies table)."},
    "answering_body_acronym": {"type": "string", "internal": True, "description": "Acronym of the answering body."},
    "answering_body_kind": {"type": "string", "internal": True, "description": "Kind of the answering body."},
}
