"""Datasette over a release's SQLite file: descriptions from the metadata, and the questions people ask as canned queries.

Datasette (https://datasette.io) is the well-kept tool for publishing a SQLite
file to be searched and browsed: faceting, full-text search (it finds
``questions_fts`` itself), CSV and JSON of every view. We only give it words
and queries; ``hansard-data serve`` starts it on 127.0.0.1.
"""

from __future__ import annotations

from pipeline.metadata import PACKAGE, all_schemas
from pipeline.release.database import DATABASE_NAME

DATABASE = DATABASE_NAME.removesuffix(".sqlite")  # Datasette names a database after its file
DATASETTE_METADATA = "datasette-metadata.json"  # beside the database in every release

_DEPARTMENT = "coalesce(body.name, q.department, '')"
_FROM_QUESTIONS = "from questions q left join agencies body on body.agency_id = q.answering_body_id"

QUERIES: dict[str, dict[str, str]] = {
    "search_answers": {
        "title": "Search questions and answers",
        "description": "Full-text search (e.g. trafficking), optionally by answering department (part of its name) and from a date (YYYY-MM-DD).",
        "sql": f"""select q.question_id, q.sitting_date, q.house, q.heading, {_DEPARTMENT} as department, q.asker, q.answerer,
  snippet(questions_fts, 2, '[', ']', ' … ', 24) as answer
from questions_fts join questions q on q.rowid = questions_fts.rowid
left join agencies body on body.agency_id = q.answering_body_id
where questions_fts match :text and {_DEPARTMENT} like '%' || :department || '%' and coalesce(q.sitting_date, '') >= :since
order by q.sitting_date, q.question_id limit 1000""",
    },
    "answers_by_department": {
        "title": "Answers by department",
        "description": "Every answer whose answering body or printed department contains the words given (e.g. Home Office).",
        "sql": f"""select q.question_id, q.sitting_date, q.house, q.heading, {_DEPARTMENT} as department, q.asker, q.answerer,
  substr(q.answer_text, 1, 300) as answer_start
{_FROM_QUESTIONS}
where {_DEPARTMENT} like '%' || :department || '%'
order by q.sitting_date, q.question_id limit 1000""",
    },
    "answers_between_dates": {
        "title": "Answers between two dates",
        "description": "Answers of sittings from one date to another, inclusive (YYYY-MM-DD).",
        "sql": f"""select q.question_id, q.sitting_date, q.house, q.heading, {_DEPARTMENT} as department, q.asker, q.answerer
{_FROM_QUESTIONS}
where q.sitting_date between :start and :end
order by q.sitting_date, q.question_id limit 1000""",
    },
    "commitments_by_status": {
        "title": "Commitments by status",
        "description": "Sentences in which the Government commits to something, by status: completed, in_progress, planned, under_consideration, declined.",
        "sql": f"""select c.status, c.cue, s.text as sentence, q.sitting_date, q.heading, {_DEPARTMENT} as department, q.question_id
from commitments c join answer_sentences s on s.sentence_id = c.sentence_id
join questions q on q.question_id = c.question_id
left join agencies body on body.agency_id = q.answering_body_id
where c.status = :status
order by q.sitting_date, c.commitment_id limit 1000""",
    },
    "answers_naming_an_instrument": {
        "title": "Answers naming an instrument",
        "description": "Questions and answers that name an Act, regulation, report, scheme or treaty whose title contains the words given.",
        "sql": """select i.title, i.kind, m.surface, m.part, q.sitting_date, q.heading, q.question_id
from instrument_mentions m join instruments i on i.instrument_id = m.instrument_id
join questions q on q.question_id = m.question_id
where i.title like '%' || :title || '%'
order by q.sitting_date, m.mention_id limit 1000""",
    },
    "answers_citing_an_act": {
        "title": "Answers citing an Act",
        "description": "Answers that cite an Act of Parliament (leave the title empty for every Act).",
        "sql": """select i.title as act, i.year, m.surface, q.sitting_date, q.heading, q.question_id
from instrument_mentions m join instruments i on i.instrument_id = m.instrument_id
join questions q on q.question_id = m.question_id
where i.kind = 'act' and m.part = 'answer' and i.title like '%' || :act || '%'
order by i.title, q.sitting_date limit 1000""",
    },
}


def datasette_metadata(release: str) -> dict:
    """Datasette's metadata for a release: titles, licences, table and column descriptions, canned queries."""
    licence = PACKAGE["licenses"][0]
    tables = {}
    for name, schema in all_schemas().items():
        tables[name] = {
            "description": schema.descriptor.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in schema.fields},
        }
    tables["questions"]["fts_table"] = "questions_fts"
    tables["questions"]["searchmode"] = "raw"
    return {
        "title": f"{PACKAGE['title']} — release {release}",
        "description": PACKAGE["description"],
        "license": licence["title"],
        "license_url": licence["path"],
        "source": "UK Parliament, Hansard",
        "source_url": "https://hansard.parliament.uk/",
        "about": "Hansard Written Answers project",
        "about_url": PACKAGE["homepage"],
        "databases": {DATABASE: {"tables": tables, "queries": QUERIES}},
    }
