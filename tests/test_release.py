"""The published release: layout, offsets, Frictionless validity, blocking validation."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import polars as pl
from frictionless import Package, validate

from conftest import copy_pages, run_build
from pipeline.metadata import table_names


def test_release_layout_follows_the_data_contract(sample_release: Path):
    for fmt in ("csv", "parquet"):
        assert (sample_release / fmt / "datapackage.json").is_file()
        for name in table_names():
            assert (sample_release / fmt / f"{name}.{fmt}").is_file()
        with zipfile.ZipFile(sample_release / f"hansard-written-answers-sample-{fmt}.zip") as archive:
            names = set(archive.namelist())
        assert f"hansard-written-answers-sample-{fmt}/datapackage.json" in names
    assert json.loads((sample_release / "validation.json").read_text())["valid"] is True
    readme = (sample_release / "README.md").read_text()
    assert "| `question_id` | string | yes |" in readme and "## How to cite" in readme
    out = sample_release.parent
    assert (out / "latest").read_text().strip() == "sample"
    catalog = json.loads((out / "catalog.json").read_text())
    assert catalog["releases"][0]["name"] == "sample"
    assert (out / "index.html").is_file()


def test_csv_package_passes_frictionless_validate(sample_release: Path):
    report = validate(str(sample_release / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_csv_files_are_plain_rfc4180(sample_release: Path):
    raw = (sample_release / "csv" / "questions.csv").read_bytes()
    assert b"\r\n" not in raw
    assert raw.startswith(b"question_id,source_id,house,sitting_date,")


def test_sentence_offsets_hold_across_the_sample(sample_tables):
    joined = sample_tables["answer_sentences"].join(sample_tables["questions"], on="question_id")
    assert joined.height > 100
    for text, start, end, answer in joined.select("text", "char_start", "char_end", "answer_text").iter_rows():
        assert answer[start:end] == text


def test_mention_offsets_hold_across_the_sample(sample_tables):
    questions = {qid: (q, a) for qid, q, a in sample_tables["questions"].select("question_id", "question_text", "answer_text").iter_rows()}
    for table in ("agency_mentions", "instrument_mentions"):
        mentions = sample_tables[table]
        assert mentions.height > 10
        for qid, part, start, end, surface in mentions.select("question_id", "part", "char_start", "char_end", "surface").iter_rows():
            text = questions[qid][0] if part == "question" else questions[qid][1]
            assert text[start:end] == surface
        answer_mentions = mentions.filter(pl.col("part") == "answer")
        assert answer_mentions["sentence_id"].null_count() == 0


def test_parquet_carries_the_schema_types(sample_release: Path):
    questions = pl.read_parquet(sample_release / "parquet" / "questions.parquet")
    assert questions.schema["sitting_date"] == pl.Date and questions.schema["volume"] == pl.Int64
    package = Package(str(sample_release / "parquet" / "datapackage.json"))
    assert package.get_resource("questions").schema.get_field("sitting_date").type == "date"


def test_failed_validation_blocks_publishing(tmp_path, monkeypatch):
    """A table that breaks its schema fails the blocking check: exit 1, nothing published."""
    import pipeline.page.frames as tables

    real = tables.sentences_table

    def duplicated(questions):
        frame = real(questions)
        return pl.concat([frame, frame.head(1)])

    monkeypatch.setattr(tables, "sentences_table", duplicated)
    arch = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt")
    result = run_build(arch, tmp_path / "out", "broken", "--page-budget", "0")  # in this process, where the patch is
    assert result.exit_code == 1
    assert "answer_sentences matches_schema" in result.output
    assert not (tmp_path / "out" / "broken").exists()
    assert not (tmp_path / "out" / "latest").exists()


def test_ids_do_not_depend_on_file_order(tmp_path):
    a = copy_pages(tmp_path / "a", "hansard-web/000_602fbbef5cd5d47e.txt", "hansard-web/hw-001.txt")
    copy_pages(tmp_path / "b" / "zz", "hansard-web/hw-001.txt")
    copy_pages(tmp_path / "b" / "aa", "hansard-web/000_602fbbef5cd5d47e.txt")
    for archive, out in ((a, "oa"), (tmp_path / "b", "ob")):
        assert run_build(archive, tmp_path / out, "r").exit_code == 0
    qa = pl.read_csv(tmp_path / "oa" / "r" / "csv" / "questions.csv")
    qb = pl.read_csv(tmp_path / "ob" / "r" / "csv" / "questions.csv")
    assert qa["question_id"].to_list() == qb["question_id"].to_list()
    sa = pl.read_csv(tmp_path / "oa" / "r" / "csv" / "answer_sentences.csv")
    sb = pl.read_csv(tmp_path / "ob" / "r" / "csv" / "answer_sentences.csv")
    assert sa.equals(sb)


def test_parquet_package_passes_frictionless_validate(sample_release: Path):
    report = validate(str(sample_release / "parquet" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_zipped_packages_validate_once_unzipped(sample_release: Path, tmp_path: Path):
    for fmt in ("csv", "parquet"):
        with zipfile.ZipFile(sample_release / f"hansard-written-answers-sample-{fmt}.zip") as archive:
            archive.extractall(tmp_path)
        report = validate(str(tmp_path / f"hansard-written-answers-sample-{fmt}" / "datapackage.json"))
        assert report.valid, (fmt, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5])
