"""Table Schema validation compiled to polars expressions.

frictionless-py checks rows one at a time in Python; here each constraint of
a Table Schema becomes one vectorised polars expression over the whole
column, and keys become joins. The error types use frictionless' names so
the two validators can be compared (tests/test_validation.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import polars as pl

from pipeline.schema import TableSchema, all_schemas

MAX_ROWS_REPORTED = 5


@dataclass(frozen=True)
class ValidationError:
    """One kind of failure in one column (or key) of one table."""

    table: str
    type: str  # frictionless error type: type-error, constraint-error, primary-key, foreign-key
    field: str | None
    constraint: str | None
    count: int
    rows: list[int]  # 1-based data row numbers (header excluded), the first few
    message: str


def _rows(frame: pl.DataFrame, failing: pl.Expr) -> tuple[int, list[int]]:
    hits = frame.select(pl.arg_where(failing)).to_series()
    return hits.len(), (hits.head(MAX_ROWS_REPORTED) + 1).to_list()


def _field_checks(schema: TableSchema, frame: pl.DataFrame) -> list[ValidationError]:
    errors: list[ValidationError] = []
    for field in schema.fields:
        name = field["name"]
        if name not in frame.columns:
            errors.append(ValidationError(schema.name, "missing-label", name, None, 1, [], f"column {name!r} is missing"))
            continue
        col = pl.col(name)
        expected = schema.polars_schema[name]
        if frame.schema[name] != expected:
            errors.append(ValidationError(schema.name, "type-error", name, None, frame.height, [], f"column {name!r} is {frame.schema[name]}, schema says {field['type']}"))
            continue
        c = field.get("constraints", {})
        checks: list[tuple[str, pl.Expr, str]] = []
        if c.get("required"):
            checks.append(("required", col.is_null(), "is required"))
        if c.get("unique"):
            checks.append(("unique", col.is_not_null() & col.is_duplicated(), "must be unique"))
        if "enum" in c:
            checks.append(("enum", col.is_not_null() & ~col.is_in(c["enum"]), f"must be one of {c['enum']}"))
        if "pattern" in c:
            checks.append(("pattern", col.is_not_null() & ~col.str.contains(f"^(?:{c['pattern']})$"), f"must match {c['pattern']!r}"))
        if "minimum" in c:
            checks.append(("minimum", col.is_not_null() & (col < c["minimum"]), f"must be >= {c['minimum']}"))
        if "maximum" in c:
            checks.append(("maximum", col.is_not_null() & (col > c["maximum"]), f"must be <= {c['maximum']}"))
        if "minLength" in c:
            checks.append(("minLength", col.is_not_null() & (col.str.len_chars() < c["minLength"]), f"must be at least {c['minLength']} characters"))
        if "maxLength" in c:
            checks.append(("maxLength", col.is_not_null() & (col.str.len_chars() > c["maxLength"]), f"must be at most {c['maxLength']} characters"))
        for constraint, failing, words in checks:
            count, rows = _rows(frame, failing)
            if count:
                errors.append(ValidationError(schema.name, "constraint-error", name, constraint, count, rows, f"{schema.name}.{name} {words}: {count} rows fail"))
    return errors


def _primary_key(schema: TableSchema, frame: pl.DataFrame) -> list[ValidationError]:
    key = schema.primary_key
    if not key or any(k not in frame.columns for k in key):
        return []
    failing = pl.any_horizontal([pl.col(k).is_null() for k in key]) | pl.struct(key).is_duplicated()
    count, rows = _rows(frame, failing)
    if not count:
        return []
    return [ValidationError(schema.name, "primary-key", ",".join(key), None, count, rows, f"{schema.name} primary key {key} is null or repeated in {count} rows")]


def _foreign_keys(schema: TableSchema, frame: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> list[ValidationError]:
    errors = []
    for fk in schema.foreign_keys:
        fields, ref = fk["fields"], fk["reference"]
        target = tables.get(ref["resource"] or schema.name)
        if target is None:
            continue
        keys = target.select([pl.col(r).alias(f) for f, r in zip(fields, ref["fields"])]).unique()
        indexed = frame.select(fields).with_row_index("_row")
        present = indexed.drop_nulls(fields).join(keys, on=fields, how="anti")
        count = present.height
        if count:
            rows = (present["_row"].head(MAX_ROWS_REPORTED) + 1).to_list()
            errors.append(ValidationError(schema.name, "foreign-key", ",".join(fields), None, count, rows, f"{schema.name}.{fields} has {count} values not found in {ref['resource']}.{ref['fields']}"))
    return errors


def validate_table(schema: TableSchema, frame: pl.DataFrame, tables: dict[str, pl.DataFrame] | None = None) -> list[ValidationError]:
    """Every error of one table: fields, primary key and (given the other tables) foreign keys."""
    errors = _field_checks(schema, frame) + _primary_key(schema, frame)
    if tables is not None:
        errors += _foreign_keys(schema, frame, tables)
    return errors


def validate_release(tables: dict[str, pl.DataFrame]) -> dict:
    """The validation report of a whole release (written as validation.json)."""
    report_tables = {}
    for name, schema in all_schemas().items():
        frame = tables[name]
        errors = validate_table(schema, frame, tables)
        report_tables[name] = {"rows": frame.height, "valid": not errors, "errors": [asdict(e) for e in errors]}
    return {"valid": all(t["valid"] for t in report_tables.values()), "validator": "pipeline.validation (Table Schema compiled to polars)", "tables": report_tables}
