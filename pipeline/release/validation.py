"""Table Schema validation compiled to polars expressions.

frictionless-py checks rows one at a time in Python; here each rule of a
Table Schema becomes one vectorised polars expression over a whole column
(types, required, unique, enum, pattern, minimum/maximum, lengths), keys
become anti-joins, and the failing rows come back as one frame. The error
kinds and row numbers follow frictionless' own (``type-error``,
``constraint-error``, ``unique-error``, ``primary-key``, ``foreign-key``;
data rows numbered from 2, the header being row 1), so the two validators
can be compared error for error (tests/test_validation.py).

Frames may come typed (the pipeline's own tables) or as strings (a CSV read
back): string columns are cast to the schema's types here, and a cell that
does not cast is a type error, as in frictionless.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.metadata import TableSchema, all_schemas
from pipeline.release.parts import TableParts, Tables, as_parts

MAX_ROWS_REPORTED = 5
ERROR_SCHEMA = pl.Schema({"table": pl.String(), "type": pl.String(), "row": pl.Int64(), "field": pl.String(), "constraint": pl.String()})
_TRUE = ["true", "True", "TRUE", "1"]
_FALSE = ["false", "False", "FALSE", "0"]


def _typed(column: pl.Expr, dtype: pl.DataType, field_type: str) -> pl.Expr:
    """The column cast to the schema type; cells that do not cast become null."""
    if field_type == "string":
        return column
    if field_type == "date":
        return column.str.strip_chars().str.to_date("%Y-%m-%d", strict=False)
    if field_type == "boolean":
        return pl.when(column.is_in(_TRUE)).then(True).when(column.is_in(_FALSE)).then(False).otherwise(None)
    if field_type == "integer":
        return column.str.strip_chars().str.replace(r"^\+", "").cast(pl.Int64, strict=False)
    return column.cast(dtype, strict=False)


Rule = tuple[str, str | None, str | None, pl.Expr]  # error type, field, constraint, failing-row mask


def _errors(table: str, rows: pl.Series, kind: str, field: str | None, constraint: str | None) -> pl.DataFrame:
    """Error rows for the 0-based data rows ``rows`` (frictionless numbers data rows from 2)."""
    return pl.DataFrame(
        {"table": table, "type": kind, "row": rows.cast(pl.Int64) + 2, "field": field, "constraint": constraint},
        schema=ERROR_SCHEMA,
    )


def _field_rules(schema: TableSchema, frame: pl.DataFrame) -> tuple[list[Rule], pl.DataFrame]:
    """One mask per (field, rule), and the frame cast to schema types."""
    rules: list[Rule] = []
    casts: list[pl.Expr] = []
    for field in schema.fields:
        name, field_type = field["name"], field["type"]
        dtype = schema.polars_schema[name]
        raw = pl.col(name)
        if frame.schema[name] == pl.String and field_type != "string":
            value = _typed(raw, dtype, field_type)
            bad_type = raw.is_not_null() & value.is_null()
            rules.append(("type-error", name, None, bad_type))
        else:
            value, bad_type = raw.cast(dtype, strict=False), pl.lit(False)
        casts.append(value.alias(name))
        ok = value.is_not_null() & ~bad_type
        c = field.get("constraints", {})
        checks: list[tuple[str, str, pl.Expr]] = []
        if c.get("required"):
            checks.append(("constraint-error", "required", raw.is_null()))
        if "enum" in c:
            checks.append(("constraint-error", "enum", ok & ~value.cast(pl.String).is_in([str(v) for v in c["enum"]])))
        if "pattern" in c:
            checks.append(("constraint-error", "pattern", ok & ~value.cast(pl.String).str.contains(f"^(?:{c['pattern']})$")))
        for bound, op in (("minimum", "lt"), ("maximum", "gt")):
            if bound in c:
                limit = pl.lit(c[bound]).cast(dtype) if field_type != "date" else pl.lit(c[bound]).str.to_date()
                checks.append(("constraint-error", bound, ok & getattr(value, op)(limit)))
        if "minLength" in c:
            checks.append(("constraint-error", "minLength", ok & (value.cast(pl.String).str.len_chars() < c["minLength"])))
        if "maxLength" in c:
            checks.append(("constraint-error", "maxLength", ok & (value.cast(pl.String).str.len_chars() > c["maxLength"])))
        if c.get("unique"):
            # Like frictionless: the second and later copies are the errors.
            checks.append(("unique-error", None, ok & ~value.is_first_distinct()))
        for kind_name, constraint, mask in checks:
            rules.append((kind_name, name, constraint, mask))
    return rules, frame.select(casts)


def table_errors(schema: TableSchema, frame: pl.DataFrame, tables: Tables | None = None) -> pl.DataFrame:
    """Every failing cell or row of one table, or of one part of it (``ERROR_SCHEMA``); foreign keys when ``tables`` is given.

    A target table in parts is read by a filtered scan for the keys this frame holds, never whole.
    """
    missing = [c for c in schema.columns if c not in frame.columns]
    if missing:
        return pl.DataFrame(
            [{"table": schema.name, "type": "missing-label", "row": 1, "field": c, "constraint": None} for c in missing], schema=ERROR_SCHEMA
        )
    rules, typed = _field_rules(schema, frame)
    # Every rule of every column in one pass over the frame.
    masks = frame.select([mask.alias(f"rule{i}") for i, (_, _, _, mask) in enumerate(rules)]) if rules else pl.DataFrame()
    found = [
        _errors(schema.name, masks[f"rule{i}"].arg_true(), kind, field, constraint)
        for i, (kind, field, constraint, _) in enumerate(rules)
        if masks[f"rule{i}"].any()
    ]
    key = schema.primary_key
    if key:
        nulls = pl.any_horizontal([pl.col(k).is_null() for k in key])
        repeated = ~nulls & ~pl.struct(key).is_first_distinct()
        bad = typed.select(nulls | repeated).to_series()
        found.append(_errors(schema.name, bad.arg_true(), "primary-key", None, None))
    if tables is not None:
        for fk in schema.foreign_keys:
            fields, ref = fk["fields"], fk["reference"]
            target = tables.get(ref["resource"] or schema.name)
            if target is None:
                continue
            if isinstance(target, TableParts) and target.frame is None:
                wanted = typed.select(fields).drop_nulls().unique()
                keys = target.present(ref["fields"], wanted.rename(dict(zip(fields, ref["fields"])))) if wanted.height else wanted.rename(dict(zip(fields, ref["fields"])))
                keys = keys.rename(dict(zip(ref["fields"], fields)))
            else:
                if isinstance(target, TableParts):
                    target = target.frame
                target_typed = _field_rules(all_schemas()[ref["resource"]], target)[1] if ref["resource"] else typed
                keys = target_typed.select([pl.col(r).alias(f) for f, r in zip(fields, ref["fields"])]).drop_nulls().unique()
            rows = typed.select(fields).with_row_index("_i").drop_nulls(fields).join(keys, on=fields, how="anti")
            found.append(_errors(schema.name, rows["_i"], "foreign-key", None, None))
    found = [f for f in found if f.height]
    if not found:
        return pl.DataFrame(schema=ERROR_SCHEMA)
    return pl.concat(found).sort("row", "type", "field", nulls_last=True)


def _summary(errors: pl.DataFrame) -> list[dict]:
    """Errors grouped by kind and field: count, first rows, a message a person can act on."""
    out = []
    grouped = errors.group_by("type", "field", "constraint", maintain_order=True).agg(pl.len().alias("count"), pl.col("row").head(MAX_ROWS_REPORTED).alias("rows"))
    for kind, field, constraint, count, rows in grouped.sort("type", "field", nulls_last=True).iter_rows():
        what = f"{field} {constraint or kind}" if field else kind
        out.append({"type": kind, "field": field, "constraint": constraint, "count": count, "rows": rows, "message": f"{what}: {count} rows fail (first rows {rows})"})
    return out


def _across_parts(schema: TableSchema, table: TableParts) -> pl.DataFrame:
    """What no single part can see: keys out of order between parts (or within one), and unique
    columns repeated in two parts. Memory: one part's key column, and the hashes of a unique column."""
    found = []
    key = schema.primary_key[0] if schema.primary_key else None
    last, offset, offsets = None, 0, []
    for frame in table.frames(columns=[key] if key else None):
        offsets.append(offset)
        first = frame[key].drop_nulls() if key else None
        if key and first.len():
            if (last is not None and first[0] <= last) or not first.is_sorted():
                found.append(_errors(schema.name, pl.Series([offset]), "primary-key", None, None))
            last = first[-1]
        offset += frame.height
    for field in schema.fields:
        name = field["name"]
        if not field.get("constraints", {}).get("unique") or name == key:
            continue
        hashed = table.scan().select(pl.col(name).hash().alias("_h"), pl.col(name).is_not_null().alias("_set"))
        repeated = hashed.filter("_set").group_by("_h").len().filter(pl.col("len") > 1).collect(engine="streaming")["_h"]
        if not repeated.len():
            continue
        rows = table.scan().with_row_index("_i").filter(pl.col(name).hash().is_in(repeated.implode())).select("_i", name).collect().sort("_i")
        part = pl.Series(offsets, dtype=pl.Int64).search_sorted(rows["_i"].cast(pl.Int64), side="right").cast(pl.Int64) - 1
        rows = rows.with_columns(part.alias("_part"))
        # Repeats inside one part are reported with that part; here the first copy in each later part.
        first_part = pl.col("_part").first().over(name)
        bad = rows.filter(pl.struct(name, "_part").is_first_distinct() & (first_part != pl.col("_part")))
        found.append(_errors(schema.name, bad["_i"], "unique-error", name, None))
    return pl.concat(found) if found else pl.DataFrame(schema=ERROR_SCHEMA)


def _part_by_part(schema: TableSchema, table: TableParts, tables: dict[str, TableParts] | None) -> tuple[list[dict], int]:
    """Grouped errors and row count of one table, read one part at a time (rows numbered across parts)."""
    found, rows = [], 0
    for frame in table.frames():
        errors = table_errors(schema, frame, tables)
        found.append(errors.with_columns(pl.col("row") + rows) if rows else errors)
        rows += frame.height
    if table.part_count > 1:
        found.append(_across_parts(schema, table))
    return _summary(pl.concat(found).sort("row", "type", "field", nulls_last=True)), rows


def validate_table(schema: TableSchema, table: TableParts | pl.DataFrame, tables: Tables | None = None) -> list[dict]:
    """Grouped errors of one table (empty when valid)."""
    if isinstance(table, pl.DataFrame):
        table = TableParts.of_frame(schema.name, table)
    return _part_by_part(schema, table, as_parts(tables) if tables is not None else None)[0]


def validate_release(tables: Tables) -> dict:
    """The validation report of a whole release (written as validation.json), one part of a table at a time."""
    parts = as_parts(tables)
    report_tables = {}
    for name, schema in all_schemas().items():
        errors, rows = _part_by_part(schema, parts[name], parts)
        report_tables[name] = {"rows": rows, "valid": not errors, "errors": errors}
    return {
        "valid": all(t["valid"] for t in report_tables.values()),
        "validator": "pipeline.validation: Table Schemas compiled to polars expressions (frictionless-compatible error kinds)",
        "tables": report_tables,
    }


def read_csv_package(folder: Path) -> dict[str, pl.DataFrame]:
    """A CSV package's tables as strings, as a validator must first see them."""
    return {
        name: pl.read_csv(folder / f"{name}.csv", infer_schema=False)
        for name in all_schemas()
        if (folder / f"{name}.csv").is_file()
    }
