"""The polars validator against frictionless-py, the reference, on the same broken tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from frictionless import validate

from pipeline.metadata import all_schemas
from pipeline.release.validation import read_csv_package, table_errors


def _break(folder: Path) -> None:
    """One of each error kind, in the CSV package of a real release."""
    def edit(name: str, change) -> None:
        path = folder / f"{name}.csv"
        frame = pl.read_csv(path, infer_schema=False)
        change(frame).write_csv(path, line_terminator="\n", null_value="")

    edit("questions", lambda f: f.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("abc")).otherwise(pl.col("volume")).alias("volume"),          # wrong type
        pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("Senate")).otherwise(pl.col("house")).alias("house"),         # outside an enum
    ))
    edit("answer_sentences", lambda f: f.with_columns(
        pl.when(pl.int_range(pl.len()) == 2).then(None).otherwise(pl.col("text")).alias("text")))                     # missing required value
    edit("sources", lambda f: pl.concat([f, f.head(1)]).with_columns(                                                 # duplicate key
        pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("not-a-hash")).otherwise(pl.col("sha256")).alias("sha256")))  # pattern mismatch
    edit("agency_mentions", lambda f: f.with_columns(
        pl.when(pl.int_range(pl.len()) == 4).then(pl.lit("no-such-agency")).otherwise(pl.col("agency_id")).alias("agency_id")))  # dangling foreign key
    descriptor = json.loads((folder / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")  # the files changed: their checksums no longer apply
    (folder / "datapackage.json").write_text(json.dumps(descriptor))


def _frictionless_errors(folder: Path) -> set[tuple]:
    report = validate(str(folder / "datapackage.json"))
    return {
        (task.name, e.type, e.row_number, getattr(e, "field_name", None) if e.type not in ("primary-key", "foreign-key") else None)
        for task in report.tasks
        for e in task.errors
    }


def _polars_errors(folder: Path) -> set[tuple]:
    tables = read_csv_package(folder)
    found = pl.concat([table_errors(schema, tables[name], tables) for name, schema in all_schemas().items()])
    return {(t, kind, row, field) for t, kind, row, field in found.select("table", "type", "row", "field").iter_rows()}


@pytest.fixture()
def broken_package(sample_release: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "csv"
    shutil.copytree(sample_release / "csv", folder)
    _break(folder)
    return folder


def test_both_validators_report_the_same_errors(broken_package: Path):
    reference = _frictionless_errors(broken_package)
    ours = _polars_errors(broken_package)
    kinds = {kind for _, kind, _, _ in reference}
    assert {"type-error", "constraint-error", "unique-error", "primary-key", "foreign-key"} <= kinds
    assert ours == reference


def test_both_validators_accept_the_intact_package(sample_release: Path):
    assert _frictionless_errors(sample_release / "csv") == set()
    assert _polars_errors(sample_release / "csv") == set()
