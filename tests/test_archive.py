"""Reading the archive folder: one sources row per file, encodings, quarantine reasons."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from typer.testing import CliRunner

from conftest import SAMPLE, copy_pages, run_build
from pipeline.cli import app
from pipeline.ingest import decoding as archive
from pipeline.ingest.decoding import UnreadableText, decode_page
from pipeline.ingest.listing import list_batches
from pipeline.formats import parse_file

SEED = (SAMPLE / "hansard-web/000_602fbbef5cd5d47e.txt").read_text(encoding="utf-8")


def test_sidecars_belong_to_their_page_and_get_no_row(tmp_path):
    paths = [p for batch in list_batches(SAMPLE).values() for p in batch]
    assert "hansard-web/hw-001.txt" in paths
    assert not [p for p in paths if p.endswith(".meta.json")]
    # a sidecar whose page is gone is an input of its own (it gets a sources row and a reason)
    (tmp_path / "orphan.meta.json").write_text("{}")
    (tmp_path / "page.txt").write_text("x")
    (tmp_path / "page.meta.json").write_text("{}")
    assert list_batches(tmp_path) == {"(root)": ["orphan.meta.json", "page.txt"]}


def test_every_file_has_exactly_one_sources_row(sample_tables):
    files = sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    sources = sample_tables["sources"]
    assert sorted(sources["path"]) == files
    assert sources.filter(pl.col("status") != "parsed")["reason"].null_count() == 0
    assert sources.filter(pl.col("status") == "parsed")["reason"].null_count() == sources.filter(pl.col("status") == "parsed").height
    negative = sources.filter(pl.col("path").str.starts_with("negative/"))
    assert set(negative["status"]) == {"not_written_answers"} and negative["question_count"].sum() == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_text_encodings_decode_to_the_same_page(encoding):
    text = "The Minister’s answer: £46 million." if encoding != "latin-1" else "The Minister's answer: £46 million, café."
    decoded, _ = decode_page(text.encode(encoding))
    assert decoded == text


def test_mojibake_is_repaired():
    broken = "The Minister’s answer".encode("utf-8").decode("cp1252")
    assert broken == "The Ministerâ€™s answer"
    decoded, _ = decode_page(broken.encode("utf-8"))
    assert decoded == "The Minister’s answer"


def _quarantine(tmp_path: Path, name: str, data: bytes) -> tuple[str, str | None]:
    path = tmp_path / name
    path.write_bytes(data)
    result = parse_file(path, None, path.stat().st_size)
    return result.status, result.reason


def test_empty_file_is_quarantined(tmp_path):
    assert _quarantine(tmp_path, "empty.txt", b"") == ("quarantined", "file is empty")
    assert _quarantine(tmp_path, "blank.txt", b"  \n\n ")[1] == "file is empty"


def test_binary_file_is_quarantined(tmp_path):
    status, reason = _quarantine(tmp_path, "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert status == "quarantined" and "binary" in reason


def test_bytes_that_are_no_text_encoding_are_quarantined(tmp_path):
    status, reason = _quarantine(tmp_path, "odd.txt", b"Written answer \x81\x8d\x8f\x90\x9d text " * 10)
    assert status == "quarantined" and "neither UTF-8" in reason


def test_file_over_the_size_limit_is_quarantined(tmp_path, monkeypatch):
    import pipeline.formats as parsing

    monkeypatch.setattr(parsing, "MAX_TEXT_BYTES", 1000)
    status, reason = _quarantine(tmp_path, "huge.txt", SEED.encode("utf-8"))
    assert status == "quarantined" and "over the 1000-byte limit" in reason


def test_page_cut_off_before_any_answer_is_quarantined(tmp_path):
    cut = SEED[: SEED.index("[HL867]") - 40].encode("utf-8")  # stops inside the question
    path = tmp_path / "cut.txt"
    path.write_bytes(cut)
    result = parse_file(path, None, len(cut), may_be_cut=True)
    assert result.status == "quarantined" and "cut off before any complete question and answer" in result.reason


def test_xml_that_is_not_well_formed_is_read_with_a_recovering_parser_and_says_so(tmp_path):
    path = tmp_path / "day.xml"
    path.write_bytes(b"<writtenanswers><section><title>X</title><p>Mr. Adams asked the Minister of Health what he plans.</p><p>Mr. Brown: Nothing.</section>")
    result = parse_file(path, None, path.stat().st_size)
    assert result.status == "parsed" and result.records[0].answer_text == "Nothing."
    assert "not well-formed (mismatched tag" in result.corrections and "recovering parser" in result.corrections


def test_xml_entities_are_refused_not_expanded(tmp_path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><writtenanswers><p>&lol2;</p></writtenanswers>'
    status, reason = _quarantine(tmp_path, "bomb.xml", bomb)
    assert status == "quarantined" and "refused for safety" in reason


def test_unreadable_text_message_names_the_problem():
    with pytest.raises(UnreadableText, match="binary"):
        decode_page(b"abc\x00def")


def test_bad_files_do_not_stop_the_build(tmp_path):
    arch = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt", "negative/neg-014.txt")
    (arch / "broken").mkdir()
    (arch / "broken" / "empty.txt").write_bytes(b"")
    (arch / "broken" / "scan.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run_build(arch, tmp_path / "out", "r1")
    assert result.exit_code == 0, result.output
    assert "quarantined:         2" in result.output
    sources = pl.read_csv(tmp_path / "out" / "r1" / "csv" / "sources.csv")
    assert sources.height == 4
    assert dict(sources.select("path", "status").iter_rows())["broken/empty.txt"] == "quarantined"
    questions = pl.read_csv(tmp_path / "out" / "r1" / "csv" / "questions.csv")
    assert questions["reference"].to_list() == ["HL867"]


def test_max_sizes_are_sane():
    assert archive.MAX_TEXT_BYTES < archive.MAX_XML_BYTES


def test_large_folders_are_split_into_hash_buckets(tmp_path, monkeypatch):
    import pipeline.ingest.listing as batches

    monkeypatch.setattr(batches, "FOLDER_LIMIT", 10)
    for k in range(30):
        (tmp_path / "big").mkdir(exist_ok=True)
        (tmp_path / "big" / f"p{k}.txt").write_text("x")
    found = batches.list_batches(tmp_path)
    assert all(key.startswith("big#") for key in found) and sum(len(v) for v in found.values()) == 30


def test_symbolic_links_are_not_followed(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "secret.txt").write_text("outside the archive")
    (tmp_path / "archive" / "link.txt").symlink_to(tmp_path / "secret.txt")
    result = run_build(tmp_path / "archive", tmp_path / "out", "r", "--allow-shrink")  # no questions at all
    assert result.exit_code == 0, result.output
    sources = pl.read_csv(tmp_path / "out" / "r" / "csv" / "sources.csv")
    [row] = sources.to_dicts()
    assert row["status"] == "quarantined" and "links are not followed" in row["reason"]


def test_a_parser_failure_on_one_page_quarantines_that_page_only(tmp_path, monkeypatch):
    import dataclasses

    import pipeline.formats as formats
    from pipeline.metadata.enums import SourceFormat

    real = formats.BY_NAME[SourceFormat.HANSARD_WEB_TEXT]

    def fails_on_hw001(text, url, truncated):
        if "217968" in text:
            raise RuntimeError("simulated parser bug")
        return real.parse_text(text, url, truncated)

    monkeypatch.setitem(formats.BY_NAME, SourceFormat.HANSARD_WEB_TEXT, dataclasses.replace(real, parse_text=fails_on_hw001))
    archive = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt", "hansard-web/hw-001.txt")
    # in this process (no watchdog), so that the parser patched here is the one that runs
    result = CliRunner().invoke(app, ["build", "--archive", str(archive), "--out", str(tmp_path / "out"), "--release", "r", "--page-budget", "0"])
    assert result.exit_code == 0, result.output
    rows = {r["path"]: r for r in pl.read_csv(tmp_path / "out" / "r" / "csv" / "sources.csv").to_dicts()}
    assert rows["hansard-web/hw-001.txt"]["status"] == "quarantined"
    assert "parsing failed on this page (RuntimeError: simulated parser bug)" in rows["hansard-web/hw-001.txt"]["reason"]
    assert rows["hansard-web/000_602fbbef5cd5d47e.txt"]["status"] == "parsed"


def test_folders_of_large_files_are_split_by_bytes(tmp_path, monkeypatch):
    """A folder of a few big files (API months, volumes) is cut into buckets too, so one worker never holds it all."""
    import pipeline.ingest.listing as batches

    monkeypatch.setattr(batches, "FOLDER_BYTES", 1000)
    (tmp_path / "wq-api").mkdir()
    for k in range(12):
        (tmp_path / "wq-api" / f"month-{k}.json").write_bytes(b"[]" + b" " * 300)
    (tmp_path / "small").mkdir()
    (tmp_path / "small" / "page.txt").write_text("x")
    found = batches.list_batches(tmp_path)
    assert "small" in found and "wq-api" not in found
    assert all(key.startswith("wq-api#") and len(key) == len("wq-api#a") for key in found if key != "small")
    assert sum(len(v) for k, v in found.items() if k != "small") == 12
    assert batches.bucket_digits(10, 1000 * 16 + 1) == 2
