"""Blocking asset checks: every published table against its Table Schema."""


import dagster as dg

from pipeline.metadata import table_names, table_schema
from pipeline.release.parts import TableParts
from pipeline.release.validation import validate_table


def schema_check(table: str) -> dg.AssetChecksDefinition:
    """A blocking check that ``table`` satisfies its schema (types, constraints, primary key)."""

    @dg.asset_check(asset=table, name="matches_schema", blocking=True, description=f"`{table}` satisfies schemas/{table}.json")
    def _check(parts: TableParts) -> dg.AssetCheckResult:
        errors = validate_table(table_schema(table), parts)
        return dg.AssetCheckResult(
            passed=not errors,
            metadata={"rows": parts.rows, "errors": [e["message"] for e in errors][:20]},
        )

    return _check


SCHEMA_CHECKS = [schema_check(name) for name in table_names()]
