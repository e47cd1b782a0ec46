"""What a release carries: documents inside both zips, and the SQLite database with keys, indexes and full-text search."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import polars as pl

from pipeline.metadata import all_schemas, table_names

DOCUMENTS = {"README.md", "validation.json", "LICENCE.md", "CITATION.cff", "datapackage.json"}


def test_both_zips_carry_the_tables_and_the_documents(sample_release: Path):
    for fmt in ("csv", "parquet"):
        [archive] = sample_release.glob(f"*-{fmt}.zip")
        names = {Path(n).name for n in zipfile.ZipFile(archive).namelist()}
        assert names == DOCUMENTS | {f"{t}.{fmt}" for t in table_names()}
        with zipfile.ZipFile(archive) as z:
            readme = z.read(next(n for n in z.namelist() if n.endswith("README.md"))).decode()
            citation = z.read(next(n for n in z.namelist() if n.endswith("CITATION.cff"))).decode()
        assert "## Data dictionary" in readme and "## How to cite" in readme
        assert 'version: "sample"' in citation and "cff-version: 1.2.0" in citation


def test_the_database_holds_every_table_with_keys_indexes_and_full_text_search(sample_release: Path, seed_gold: dict):
    db = sqlite3.connect(sample_release / "hansard-written-answers.sqlite")
    present = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    assert set(table_names()) <= present and "questions_fts" in present
    for name, schema in all_schemas().items():
        rows = db.execute(f"select count(*) from [{name}]").fetchone()[0]
        assert rows == pl.read_parquet(sample_release / "parquet" / f"{name}.parquet").height, name
        pk = [r[1] for r in sorted(db.execute(f"pragma table_info([{name}])"), key=lambda r: r[5]) if r[5]]
        assert pk == schema.primary_key, name
        declared = {(r[3], r[2]) for r in db.execute(f"pragma foreign_key_list([{name}])")}
        assert declared == {(fk["fields"][0], fk["reference"]["resource"]) for fk in schema.foreign_keys}, name
        indexed = {r[2] for r in (db.execute(f"pragma index_info([{i[1]}])").fetchone() for i in db.execute(f"pragma index_list([{name}])")) if r}
        assert {fk["fields"][0] for fk in schema.foreign_keys} <= indexed, name
    assert db.execute("pragma foreign_key_check").fetchall() == []
    found = db.execute(
        "select q.heading, q.reference from questions_fts join questions q on q.rowid = questions_fts.rowid where questions_fts match 'trafficking'"
    ).fetchall()
    assert (seed_gold["heading"], seed_gold["reference"]) in found


def test_a_database_writer_that_fails_says_why_and_leaves_no_process(sample_release: Path, tmp_path: Path):
    """The database is written in a worker process: its failure reaches the publisher as an error."""
    import pytest

    from pipeline.release.database import DatabaseWriter

    tables = {name: pl.read_parquet(sample_release / "parquet" / f"{name}.parquet") for name in table_names()}
    writer = DatabaseWriter(tables, tmp_path / "no-such-folder" / "x.sqlite")
    with pytest.raises(RuntimeError, match="writing the database failed: OperationalError"):
        writer.wait()
    assert not writer._process.is_alive()
    done = DatabaseWriter(tables, tmp_path / "x.sqlite").wait()
    with sqlite3.connect(done) as db:
        assert db.execute("select count(*) from questions").fetchone()[0] == tables["questions"].height


def test_a_release_refused_while_its_database_is_written_stops_the_writer_and_leaves_no_files(sample_release: Path, tmp_path: Path, monkeypatch):
    """The database worker starts before validation: invalid tables, or a failure writing the packages, stop it."""
    import multiprocessing

    import pytest

    from pipeline.release import publish

    stopped = []

    class Watched(publish.DatabaseWriter):
        def stop(self):
            stopped.append(self.path)
            super().stop()

    monkeypatch.setattr(publish, "DatabaseWriter", Watched)
    tables = {name: pl.read_parquet(sample_release / "parquet" / f"{name}.parquet") for name in table_names()}
    broken = {**tables, "questions": tables["questions"].with_columns(pl.lit(None, dtype=pl.String).alias("question_id"))}
    with pytest.raises(publish.ValidationFailed):
        publish.publish_release(broken, tmp_path / "invalid", "r")
    assert len(stopped) == 1 and not multiprocessing.active_children()
    assert not [p for p in (tmp_path / "invalid").rglob("*") if p.is_file() and p.name != ".lock"]

    def fails(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "write_parquet", fails)
    with pytest.raises(OSError, match="No space left"):
        publish.publish_release(tables, tmp_path / "full", "r")
    assert len(stopped) == 2 and not multiprocessing.active_children()
    assert not [p for p in (tmp_path / "full").rglob("*") if p.is_file() and p.name != ".lock"]
