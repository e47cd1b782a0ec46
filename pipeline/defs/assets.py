"""The pipeline's assets: ingest, parse, normalise, publish.

Each asset only wires plain functions from :mod:`pipeline.tables` and friends.
"""


import polars as pl
import dagster as dg

from pipeline.archive import scan_archive
from pipeline.defs.resources import ArchiveSettings
from pipeline.parsing import parse_file
from pipeline.publish import default_release_name, publish_release
from pipeline import tables as t
from pipeline.schema import table_names

GROUP = "written_answers"


@dg.asset(group_name=GROUP, description="Every file under the archive folder: path, sha256, bytes, sidecar URL.")
def archive_files(context: dg.AssetExecutionContext, settings: ArchiveSettings) -> pl.DataFrame:
    root = settings.archive_path
    if not root.is_dir():
        raise dg.Failure(f"archive folder {root} does not exist")
    files = t.archive_frame(scan_archive(root))
    context.add_output_metadata({"files": files.height, "archive": str(root)})
    return files


@dg.multi_asset(
    group_name=GROUP,
    outs={
        "page_verdicts": dg.AssetOut(description="Format, status and reason for every file."),
        "parsed_questions": dg.AssetOut(description="Question records as read from each page, before merging copies."),
    },
)
def parsed_pages(context: dg.AssetExecutionContext, settings: ArchiveSettings, archive_files: pl.DataFrame):
    root = settings.archive_path
    verdicts, records = [], []
    for path, url, size, may_be_cut in archive_files.select("path", "url", "bytes", "may_be_cut").iter_rows():
        result = parse_file(root / path, url, size, may_be_cut=may_be_cut)
        verdicts.append(t.verdict_row(path, result))
        records.append(t.parsed_records(path, result))
    verdict_frame = pl.DataFrame(verdicts, schema=t.VERDICT_SCHEMA)
    parsed = pl.concat(records, how="vertical") if records else pl.DataFrame(schema=t.PARSED_SCHEMA)
    counts = dict(verdict_frame.group_by("status").len().sort("status").iter_rows())
    yield dg.Output(verdict_frame, "page_verdicts", metadata={f"status_{k}": v for k, v in counts.items()})
    yield dg.Output(parsed, "parsed_questions", metadata={"records": parsed.height})


@dg.asset(group_name=GROUP, description="Table `sources`: one row per input file.")
def sources(archive_files: pl.DataFrame, page_verdicts: pl.DataFrame) -> pl.DataFrame:
    return t.sources_table(archive_files, page_verdicts)


@dg.multi_asset(
    group_name=GROUP,
    outs={
        "questions": dg.AssetOut(description="Table `questions`: one row per question however many sources print it."),
        "question_sources": dg.AssetOut(description="Table `question_sources`: every source a question was found in."),
    },
)
def merged_questions(parsed_questions: pl.DataFrame):
    questions, question_sources = t.questions_tables(parsed_questions)
    yield dg.Output(questions, "questions", metadata={"rows": questions.height})
    yield dg.Output(question_sources, "question_sources", metadata={"rows": question_sources.height})


@dg.asset(group_name=GROUP, description="Table `answer_sentences`: answers split into sentences with offsets.")
def answer_sentences(questions: pl.DataFrame) -> pl.DataFrame:
    return t.sentences_table(questions)


@dg.multi_asset(
    group_name=GROUP,
    outs={
        "agencies": dg.AssetOut(description="Table `agencies`."),
        "agency_mentions": dg.AssetOut(description="Table `agency_mentions`."),
        "instruments": dg.AssetOut(description="Table `instruments`."),
        "instrument_mentions": dg.AssetOut(description="Table `instrument_mentions`."),
    },
)
def named_entities(questions: pl.DataFrame, answer_sentences: pl.DataFrame):
    agency_rows, instrument_rows = t.extract_mentions(questions)
    agencies, agency_mentions = t.agency_tables(agency_rows, answer_sentences)
    instruments, instrument_mentions = t.instrument_tables(instrument_rows, answer_sentences)
    for name, frame in (("agencies", agencies), ("agency_mentions", agency_mentions), ("instruments", instruments), ("instrument_mentions", instrument_mentions)):
        yield dg.Output(frame, name, metadata={"rows": frame.height})


@dg.asset(group_name=GROUP, description="Table `commitments`: what the answers commit the Government to.")
def commitments(answer_sentences: pl.DataFrame, agency_mentions: pl.DataFrame) -> pl.DataFrame:
    return t.commitments_table(answer_sentences, agency_mentions)


@dg.asset(
    group_name=GROUP,
    ins={name: dg.AssetIn(key=name) for name in table_names()},
    description="The published release: CSV and Parquet data packages, validation report, dictionary, catalogue.",
)
def release(context: dg.AssetExecutionContext, settings: ArchiveSettings, **tables: pl.DataFrame) -> dict:
    name = settings.release or default_release_name()
    folder = publish_release(dict(tables), settings.out_path, name)
    summary = {"release": name, "folder": str(folder), **{f"rows_{k}": v.height for k, v in tables.items()}}
    context.add_output_metadata(summary)
    return summary
