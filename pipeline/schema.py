"""The published tables, as defined once in ``schemas/``.

Every other view of a column (polars dtype, column order, validation rules,
data dictionary) is derived here from the Frictionless Table Schemas.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"

_POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
}


@dataclass(frozen=True)
class TableSchema:
    """One table's Frictionless Table Schema and what derives from it."""

    name: str
    descriptor: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.descriptor["fields"]

    @property
    def columns(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        return list(self.descriptor.get("primaryKey", []))

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        return list(self.descriptor.get("foreignKeys", []))

    @property
    def polars_schema(self) -> pl.Schema:
        return pl.Schema({f["name"]: _POLARS_TYPES[f["type"]] for f in self.fields})

    def empty(self) -> pl.DataFrame:
        """An empty frame with this table's columns and dtypes."""
        return pl.DataFrame(schema=self.polars_schema)

    def conform(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Select and cast ``frame`` to this table's columns, in schema order.

        Rows are sorted by the primary key so that output does not depend on
        the order in which files were read.
        """
        missing = [c for c in self.columns if c not in frame.columns]
        if missing:
            raise ValueError(f"table {self.name!r} is missing columns {missing}")
        out = frame.select(
            [pl.col(c).cast(t, strict=True) for c, t in self.polars_schema.items()]
        )
        return out.sort(self.primary_key, nulls_last=True) if self.primary_key else out


@cache
def package_descriptor() -> dict[str, Any]:
    """Package-level metadata (title, licences, sources, table order)."""
    return json.loads((SCHEMA_DIR / "package.json").read_text(encoding="utf-8"))


@cache
def table_names() -> tuple[str, ...]:
    """Published tables in the order of the data contract."""
    return tuple(package_descriptor()["resources"])


@cache
def table_schema(name: str) -> TableSchema:
    """The Table Schema of one published table."""
    path = SCHEMA_DIR / f"{name}.json"
    return TableSchema(name=name, descriptor=json.loads(path.read_text(encoding="utf-8")))


def all_schemas() -> dict[str, TableSchema]:
    """Every published table's schema, in contract order."""
    return {name: table_schema(name) for name in table_names()}
