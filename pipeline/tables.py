"""Normalising parsed pages into the published tables (data-contract.md).

Two steps, both pure functions over polars frames:

1. :func:`page_frames` does all the work on one page: question IDs, answer
   sentences, agency and instrument mentions, commitments, for every copy of
   a question the page prints (a *copy* is keyed by question, source and the
   record's place on the page). Its output depends on that page alone, so it
   can be cached by the page's sha256 and computed in parallel.
2. :func:`assemble` merges the copies of all pages: one ``questions`` row per
   question from its most complete source, and the sentences, mentions and
   commitments of that copy. Every table leaves through
   :meth:`TableSchema.conform`, which fixes columns, dtypes and row order.
"""

from __future__ import annotations

import hashlib
import re

import polars as pl

from pipeline.archive import source_id_for
from pipeline.extract import agencies as agency_rules
from pipeline.extract import commitments as commitment_rules
from pipeline.extract import instruments as instrument_rules
from pipeline.parsing.records import PageResult
from pipeline.schema import table_schema
from pipeline.sentences import sentence_spans


VERDICT_SCHEMA = pl.Schema({"path": pl.String(), "format": pl.String(), "status": pl.String(), "reason": pl.String(), "question_count": pl.Int64()})


def verdict_row(path: str, result: PageResult) -> dict:
    return {"path": path, "format": result.format, "status": result.status, "reason": result.reason, "question_count": len(result.records)}


def sources_table(files: pl.DataFrame, verdicts: pl.DataFrame) -> pl.DataFrame:
    """One row per input file, with what became of it."""
    return table_schema("sources").conform(files.join(verdicts, on="path", how="left"))


COPY_KEY = ["question_id", "source_id", "record"]
PARSED_SCHEMA = pl.Schema(
    {
        "question_id": pl.String(),
        "source_id": pl.String(),
        "source_path": pl.String(),
        "record": pl.Int64(),
        "house": pl.String(),
        "sitting_date": pl.Date(),
        "volume": pl.Int64(),
        "columns": pl.String(),
        "heading": pl.String(),
        "department": pl.String(),
        "addressee": pl.String(),
        "asker": pl.String(),
        "reference": pl.String(),
        "question_text": pl.String(),
        "answerer": pl.String(),
        "answer_text": pl.String(),
        "complete": pl.Boolean(),
    }
)


def record_rows(path: str, result: PageResult) -> list[dict]:
    """A page's question records as rows (one per record, in page order), with their question IDs."""
    rows = []
    for number, record in enumerate(result.records, start=1):
        row = dict(vars(record))  # flat fields: a shallow copy (dataclasses.asdict deep-copies)
        row["question_text"] = row["question_text"] or None
        row.update(
            source_id=source_id_for(path),
            source_path=path,
            record=number,
            question_id=question_key(row["house"], row["sitting_date"], row["reference"], row["heading"], row["question_text"], row["answer_text"]),
        )
        rows.append(row)
    return rows


def _norm_key(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower().replace("’", "'")).strip()[:160]


def question_key(house: str | None, sitting_date, reference: str | None, heading: str | None, question: str | None, answer: str) -> str:
    """Stable question ID from the question itself, never from file order."""
    if reference:
        basis = f"{house}|{sitting_date}|ref|{reference}"
    else:
        basis = f"{house}|{sitting_date}|{_norm_key(heading)}|{_norm_key(question) or _norm_key(answer)}"
    return "q-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def questions_tables(parsed: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Merge copies of one question into one row taken from its most complete source.

    Returns ``questions``, ``question_sources`` and the key of each chosen copy.
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
    questions = ranked.unique("question_id", keep="first", maintain_order=True).with_columns(pl.col("complete").alias("answer_complete"))
    primary = questions.select("question_id", pl.col("source_id").alias("_primary"))
    question_sources = (
        keyed.select("question_id", "source_id")
        .unique()
        .join(primary, on="question_id")
        .with_columns((pl.col("source_id") == pl.col("_primary")).alias("is_primary"))
    )
    return (
        table_schema("questions").conform(questions),
        table_schema("question_sources").conform(question_sources),
        questions.select(COPY_KEY),
    )


def sentences_table(questions: pl.DataFrame) -> pl.DataFrame:
    """Answer sentences with offsets into ``answer_text``, per copy of a question."""
    spans = questions.select(
        *COPY_KEY,
        pl.col("answer_text")
        .map_elements(lambda t: [list(s) for s in sentence_spans(t)], return_dtype=pl.List(pl.List(pl.Int64)))
        .alias("span"),
        "answer_text",
    ).explode("span")
    spans = spans.filter(pl.col("span").is_not_null()).with_columns(
        pl.col("span").list.get(0).alias("char_start"),
        pl.col("span").list.get(1).alias("char_end"),
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
    answer = mentions.filter(pl.col("part") == "answer").sort(*COPY_KEY, "char_start")
    joined = answer.join_asof(starts, left_on="char_start", right_on="_s_start", by=COPY_KEY, strategy="backward", check_sortedness=False)
    joined = joined.with_columns(
        pl.when(pl.col("char_start") < pl.col("_s_end")).then(pl.col("sentence_id")).otherwise(None).alias("sentence_id")
    ).drop("_s_start", "_s_end")
    question = mentions.filter(pl.col("part") == "question").with_columns(pl.lit(None, dtype=pl.String).alias("sentence_id"))
    return pl.concat([question, joined.select(question.columns)], how="vertical")


MENTION_ROW = pl.Schema(
    {
        "question_id": pl.String(),
        "source_id": pl.String(),
        "record": pl.Int64(),
        "part": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "surface": pl.String(),
        "ref_id": pl.String(),
        "name": pl.String(),
        "acronym": pl.String(),
        "kind": pl.String(),
        "identifier": pl.String(),
        "year": pl.Int64(),
    }
)


def extract_mentions(questions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Agency and instrument mentions of every question (both parts).

    One pass per question: the instruments found first mask the agency
    matcher, and acronyms defined anywhere in a question resolve bare uses
    in both its parts. The per-question loop runs C-level matchers
    (Aho-Corasick, ``re``) over each text once.
    """
    agency_rows: list[dict] = []
    instrument_rows: list[dict] = []
    known = agency_rules.gazetteer()
    for qid, source_id, record, qtext, atext in questions.select(*COPY_KEY, "question_text", "answer_text").iter_rows():
        parts = [("question", qtext or ""), ("answer", atext or "")]
        found = {part: instrument_rules.link_identifiers(instrument_rules.find_instruments(text), text) for part, text in parts}
        canonical = _canonical_instruments([m for ms in found.values() for m in ms])
        acronyms: dict[str, agency_rules.Agency] = {}
        for _, text in parts:
            acronyms.update(agency_rules.define_acronyms(text, known))
        for part, text in parts:
            for m in found[part]:
                kind, title, identifier, year = canonical.get((m.kind, m.title), (m.kind, m.title, m.identifier, m.year))
                instrument_rows.append(
                    dict(question_id=qid, source_id=source_id, record=record, part=part, char_start=m.start, char_end=m.end, surface=m.surface,
                         ref_id=instrument_rules.instrument_id(kind, title), name=title, acronym=None, kind=kind,
                         identifier=identifier, year=year)
                )
            excluded = [(m.start, m.end) for m in found[part]]
            for a in agency_rules.find_agencies(text, acronyms, excluded, known):
                agency_rows.append(
                    dict(question_id=qid, source_id=source_id, record=record, part=part, char_start=a.start, char_end=a.end, surface=a.surface,
                         ref_id=a.agency.agency_id, name=a.agency.name, acronym=a.agency.acronym, kind=a.agency.kind,
                         identifier=None, year=None)
                )
    return pl.DataFrame(agency_rows, schema=MENTION_ROW), pl.DataFrame(instrument_rows, schema=MENTION_ROW)


def _canonical_instruments(mentions: list[instrument_rules.InstrumentMention]) -> dict[tuple[str, str], tuple[str, str, str | None, int | None]]:
    """Within one question, short forms and bare titles resolve to the fullest mention."""
    canonical: dict[tuple[str, str], tuple[str, str, str | None, int | None]] = {}
    fullest = sorted(mentions, key=lambda m: (-len(m.title), m.start))
    for m in mentions:
        best = (m.kind, m.title, m.identifier, m.year)
        for f in fullest:
            if (f.title == m.title and f.identifier and not best[2]) or (m.identifier and f.identifier == m.identifier and len(f.title) > len(best[1])):
                best = (f.kind, f.title, f.identifier, f.year)
            elif f.title != m.title and (
                f.title.startswith(m.title + ":")
                or (f.kind == m.kind and m.year is None and re.fullmatch(r",?\s*\d{4}\b.*", f.title[len(m.title) :]) is not None and f.title.startswith(m.title))
            ):
                best = (f.kind, f.title, f.identifier, f.year)
                break
        canonical[(m.kind, m.title)] = best
    return canonical


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
    classified = commitment_rules.classify_sentences(sentences).with_columns((pl.col("char_start") + pl.col("cue_at")).alias("_cue_at"))
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


PAGE_TABLES = ("records", "sentences", "agency_mentions", "instrument_mentions", "commitments")


def page_frames(pages: list[tuple[str, PageResult]]) -> dict[str, pl.DataFrame]:
    """Everything the given pages contribute, per copy of each question they print.

    Each row is tagged with its page (``source_id``), so rows of one page can
    later be kept or dropped without touching the others.
    """
    rows = [row for path, result in pages for row in record_rows(path, result)]
    records = pl.DataFrame(rows, schema=PARSED_SCHEMA) if rows else pl.DataFrame(schema=PARSED_SCHEMA)
    sentences = sentences_table(records)
    agency_found, instrument_found = extract_mentions(records)
    agency_mentions = mention_rows(agency_found, sentences, "a")
    instrument_mentions = mention_rows(instrument_found, sentences, "i")
    return {
        "records": records,
        "sentences": sentences,
        "agency_mentions": agency_mentions,
        "instrument_mentions": instrument_mentions,
        "commitments": copy_commitments(sentences, agency_mentions),
    }


def assemble(files: pl.DataFrame, verdicts: pl.DataFrame, pages: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The nine published tables from the files read and the frames of their pages."""
    questions, question_sources, chosen = questions_tables(pages["records"])

    def of_chosen_copies(name: str) -> pl.DataFrame:
        return pages[name].join(chosen, on=COPY_KEY, how="semi")

    agency_mentions = of_chosen_copies("agency_mentions")
    instrument_mentions = of_chosen_copies("instrument_mentions")
    agencies = (
        agency_mentions.sort("ref_id", pl.col("acronym").is_null(), "name")
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
        "answer_sentences": table_schema("answer_sentences").conform(sentences),
        "agencies": table_schema("agencies").conform(agencies),
        "agency_mentions": table_schema("agency_mentions").conform(agency_mentions.with_columns(pl.col("ref_id").alias("agency_id"))),
        "instruments": table_schema("instruments").conform(instruments),
        "instrument_mentions": table_schema("instrument_mentions").conform(instrument_mentions.with_columns(pl.col("ref_id").alias("instrument_id"))),
        "commitments": table_schema("commitments").conform(of_chosen_copies("commitments")),
    }
    return tables
