"""What derives from the metadata: Table Schemas, polars dtypes, conforming frames.

:class:`TableSchema` is one published table's Frictionless Table Schema,
generated from :data:`~pipeline.metadata.tables.TABLES` and
:data:`~pipeline.metadata.fields.FIELDS` (``schemas/*.json`` are these
descriptors written out, for readers; the code never reads them back).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.metadata.fields import FIELDS
from pipeline.metadata.tables import STORES, TABLES

POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
}


def field_descriptor(table: str, name: str) -> dict[str, Any]:
    """One field of a published table as a Frictionless field descriptor."""
    spec = TABLES[table]
    base = {**FIELDS[name], **spec.get("overrides", {}).get(name, {})}
    if base.get("internal"):
        raise ValueError(f"field {name!r} is internal and cannot be published in {table!r}")
    constraints: dict[str, Any] = {}
    if name in spec.get("required", []):
        constraints["required"] = True
    if name in spec.get("unique", []):
        constraints["unique"] = True
    constraints.update(base.get("constraints", {}))
    out: dict[str, Any] = {
        "name": name,
        "type": base["type"],
        "description": spec.get("descriptions", {}).get(name, base["description"]),
        "example": base["example"],
    }
    if constraints:
        out["constraints"] = constraints
    return out


@dataclass(frozen=True)
class TableSchema:
    """One published table's Frictionless Table Schema and what derives from it."""

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
        return pl.Schema({f["name"]: POLARS_TYPES[f["type"]] for f in self.fields})

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
        out = frame.select([pl.col(c).cast(t, strict=True) for c, t in self.polars_schema.items()])
        return out.sort(self.primary_key, nulls_last=True) if self.primary_key else out


def _descriptor(name: str) -> dict[str, Any]:
    spec = TABLES[name]
    descriptor: dict[str, Any] = {
        "name": name,
        "title": spec["title"],
        "description": spec["description"],
        "fields": [field_descriptor(name, f) for f in spec["fields"]],
        "missingValues": [""],
        "primaryKey": list(spec["primary_key"]),
    }
    if spec.get("foreign_keys"):
        descriptor["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": resource, "fields": [target]}}
            for column, (resource, target) in spec["foreign_keys"].items()
        ]
    return descriptor


@cache
def table_schema(name: str) -> TableSchema:
    """The Table Schema of one published table."""
    return TableSchema(name=name, descriptor=_descriptor(name))


def table_names() -> tuple[str, ...]:
    """Published tables in the order of the data contract."""
    return tuple(TABLES)


def all_schemas() -> dict[str, TableSchema]:
    """Every published table's schema, in contract order."""
    return {name: table_schema(name) for name in table_names()}


@cache
def store_schema(name: str) -> pl.Schema:
    """The polars schema of a per-batch store table (its columns are fields too)."""
    spec = STORES[name]
    names = [*(STORES[spec["extends"]]["fields"] if "extends" in spec else []), *spec["fields"]]
    return pl.Schema({f: POLARS_TYPES[FIELDS[f]["type"]] for f in names})


def schema_files() -> dict[str, str]:
    """The ``schemas/`` folder as file name -> text: one Table Schema per table, and the package metadata."""
    from pipeline.metadata.package import PACKAGE

    files = {f"{name}.json": json.dumps(schema.descriptor, indent=2, ensure_ascii=False) + "\n" for name, schema in all_schemas().items()}
    files["package.json"] = json.dumps({**PACKAGE, "resources": list(table_names())}, indent=2, ensure_ascii=False) + "\n"
    return files


def write_table_schemas(folder: Path) -> list[Path]:
    """Write :func:`schema_files` into ``folder`` (the repository's ``schemas/``), removing stale ones."""
    folder.mkdir(parents=True, exist_ok=True)
    files = schema_files()
    for stale in folder.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
