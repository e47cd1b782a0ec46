"""Tables in parts: the release steps read a table one part at a time, and the parts change nothing.

Stores of the sample archive and of the shared corpus's hansard-web pages are
assembled in one part and in many; every published file must be the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from pipeline.ingest.listing import list_batches
from pipeline.page.batches import process_batches
from pipeline.release import catalog
from pipeline.release.assemble import assemble_stores
from pipeline.release.parts import TableParts, write_part
from pipeline.release.publish import publish_release
from pipeline.release.validation import validate_release

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO / "data" / "sample-archive"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    work = tmp_path_factory.mktemp("work")
    batches = list_batches(ARCHIVE)
    list(process_batches(ARCHIVE, work, batches, workers=1))
    return work, sorted(batches)


def _published_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted((folder / "csv").glob("*.csv"))}


def test_many_parts_publish_the_same_tables_as_one(stores, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.release import assemble

    work, batches = stores
    one = assemble_stores(work, batches, tmp_path / "one")
    monkeypatch.setattr(assemble, "GROUP_BYTES", 1)  # every store a group of its own when split into parts
    many = assemble_stores(work, batches, tmp_path / "many", questions_per_part=7, sources_per_part=3)
    assert one["questions"].part_count == 1
    assert many["questions"].part_count > 3 and many["sources"].part_count > 3 and many["answer_sentences"].part_count > 3
    for name in one:
        assert one[name].read().equals(many[name].read()), name
        assert one[name].rows == many[name].rows
    a = publish_release(one, tmp_path / "out-one", "r", created=None)
    b = publish_release(many, tmp_path / "out-many", "r", created=None)
    assert _published_files(a.folder) == _published_files(b.folder)
    for path in sorted((a.folder / "parquet").glob("*.parquet")):
        assert pl.read_parquet(path).equals(pl.read_parquet(b.folder / "parquet" / path.name)), path.name
    assert json.loads((a.folder / "validation.json").read_text()) == json.loads((b.folder / "validation.json").read_text())


def test_each_part_holds_a_range_of_the_key_in_order(stores, tmp_path: Path) -> None:
    work, batches = stores
    many = assemble_stores(work, batches, tmp_path / "many", questions_per_part=7, sources_per_part=3)
    for name in ("questions", "answer_sentences", "commitments", "sources"):
        key = {"questions": "question_id", "answer_sentences": "sentence_id", "commitments": "commitment_id", "sources": "source_id"}[name]
        ends = [(f[key][0], f[key][-1]) for f in many[name].frames([key]) if f.height]
        assert all(first <= last for first, last in ends)
        assert all(ends[k][1] < ends[k + 1][0] for k in range(len(ends) - 1)), name


def test_validation_sees_errors_between_parts(stores, tmp_path: Path) -> None:
    """A key repeated in two parts, and a sentence whose question is in no part, fail validation."""
    work, batches = stores
    tables = assemble_stores(work, batches, tmp_path / "many", questions_per_part=7, sources_per_part=3)
    assert validate_release(tables)["valid"]
    questions = [pl.read_parquet(p) for p in tables["questions"].paths]
    # The last question of part 0 again at the start of part 1: each part alone is valid.
    repeated = pl.concat([questions[0].tail(1), questions[1]])
    bad_parts = [write_part(questions[0], tmp_path / "bad" / "0.parquet"), write_part(repeated, tmp_path / "bad" / "1.parquet"), *tables["questions"].paths[2:]]
    report = validate_release({**tables, "questions": TableParts("questions", tuple(bad_parts))})
    errors = report["tables"]["questions"]["errors"]
    assert not report["valid"] and {e["type"] for e in errors} >= {"primary-key"}
    # Part 1 without its questions: sentences of part 1 point at no question.
    missing = [tables["questions"].paths[0], *tables["questions"].paths[2:]]
    report = validate_release({**tables, "questions": TableParts("questions", tuple(missing))})
    assert any(e["type"] == "foreign-key" for e in report["tables"]["answer_sentences"]["errors"])


def test_changes_are_counted_one_key_range_at_a_time(stores, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalogue's changes between two releases are the same whether the tables have one row group or many."""
    from pipeline.release import publish

    work, batches = stores
    tables = assemble_stores(work, batches, tmp_path / "parts")
    first = publish_release(tables, tmp_path / "out", "one")
    sentences = tables["answer_sentences"].read()
    changed = sentences.with_columns(pl.when(pl.int_range(pl.len()) % 5 == 0).then(pl.lit("changed")).otherwise(pl.col("text")).alias("text"))
    fragments = tables["answer_fragments"].read()
    fewer = fragments.filter(pl.int_range(pl.len()) % 3 != 1)
    monkeypatch.setattr(publish, "ROW_GROUP_ROWS", 50)
    second = publish_release({**tables, "answer_sentences": changed, "answer_fragments": fewer}, tmp_path / "out", "two")
    assert len(catalog._key_ranges(second.folder / "parquet" / "answer_sentences.parquet", "sentence_id")) > 5
    counted = catalog._changes(first.folder, second.folder)
    really_changed = changed.join(sentences, on="sentence_id").filter(pl.col("text") != pl.col("text_right")).height
    assert really_changed > 10
    assert counted["answer_sentences"] == {"added": 0, "removed": 0, "changed": really_changed}
    assert fragments.height - fewer.height > 0
    assert counted["answer_fragments"] == {"added": 0, "removed": fragments.height - fewer.height, "changed": 0}
    assert counted["questions"] == {"added": 0, "removed": 0, "changed": 0}


def test_a_unique_column_repeated_in_two_parts_is_one_error_whatever_the_parts(stores, tmp_path: Path) -> None:
    """sources.path repeated: the same report whether the table is one part or several."""
    work, batches = stores
    tables = assemble_stores(work, batches, tmp_path / "many", questions_per_part=7, sources_per_part=3)
    parts = [pl.read_parquet(p) for p in tables["sources"].paths]
    copied = parts[1].with_columns(pl.lit(parts[0]["path"][0]).alias("path").head(1).append(parts[1]["path"].slice(1)))
    bad = [write_part(parts[0], tmp_path / "bad" / "0.parquet"), write_part(copied, tmp_path / "bad" / "1.parquet"),
           *[write_part(p, tmp_path / "bad" / f"{k}.parquet") for k, p in enumerate(parts[2:], start=2)]]
    many = validate_release({**tables, "sources": TableParts("sources", tuple(bad))})["tables"]["sources"]["errors"]
    one = validate_release({**tables, "sources": pl.concat([pl.read_parquet(p) for p in bad])})["tables"]["sources"]["errors"]
    assert [e for e in many if e["type"] == "unique-error"] == [e for e in one if e["type"] == "unique-error"]
    assert [e["count"] for e in many if e["type"] == "unique-error"] == [1]
