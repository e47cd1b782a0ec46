"""The one metadata source: schemas/ is generated from it, and the code speaks its enums."""

from __future__ import annotations

import ast
from pathlib import Path

from pipeline.formats import REGISTRY
from pipeline.metadata import all_schemas, store_schema
from pipeline.metadata.enums import AgencyKind, CommitmentStatus, House, InstrumentKind, Part, SourceFormat, SourceStatus, NO_COMMITMENT
from pipeline.metadata.fields import FIELDS
from pipeline.metadata.schemas import schema_files
from pipeline.metadata.tables import STORES, TABLES

REPO = Path(__file__).resolve().parents[1]


def test_schemas_folder_is_generated_from_the_metadata():
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert committed == schema_files(), "schemas/ is stale: run `hansard-data schemas`"


def test_every_table_field_is_defined_once_and_keys_exist():
    for name, spec in TABLES.items():
        assert set(spec["fields"]) <= set(FIELDS), name
        assert set(spec["primary_key"]) <= set(spec["fields"])
        for column, (resource, target) in spec.get("foreign_keys", {}).items():
            assert column in spec["fields"] and target in TABLES[resource]["fields"]
    for name in STORES:
        assert len(store_schema(name)) > 0
    assert list(all_schemas()) == list(TABLES)


def test_the_format_registry_is_the_format_enum():
    assert {f.name for f in REGISTRY} == set(SourceFormat) - {SourceFormat.UNKNOWN}
    assert len({f.name for f in REGISTRY}) == len(REGISTRY)


# Which enum a literal must belong to, by the name it is compared with or passed as.
_DOMAINS = {
    "status": {*SourceStatus, *CommitmentStatus, NO_COMMITMENT},
    "kind": {*AgencyKind, *InstrumentKind},
    "format": set(SourceFormat),
    "house": set(House),
    "part": set(Part),
}


def _domain(node: ast.AST) -> str | None:
    """The domain a name, attribute or ``pl.col("...")`` refers to, by its last word."""
    if isinstance(node, ast.Name):
        word = node.id
    elif isinstance(node, ast.Attribute):
        word = node.attr
    elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "col" and node.args and isinstance(node.args[0], ast.Constant):
        word = str(node.args[0].value)
    else:
        return None
    word = word.lower().lstrip("_")
    if word in ("date_format", "field_type"):
        return None  # a strftime format, a Frictionless field type: not enums of the tables
    return next((d for d in _DOMAINS if word == d or word.endswith("_" + d)), None)


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [v for e in node.elts for v in _literals(e)]
    return []


def test_status_kind_and_format_literals_in_the_code_are_in_the_metadata():
    """A literal compared with, or passed as, a status/kind/format/house/part must be one of its enum's values."""
    wrong = []
    for path in sorted((REPO / "pipeline").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            pairs: list[tuple[str | None, list[str]]] = []
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                for a in sides:
                    for b in sides:
                        if a is not b:
                            pairs.append((_domain(a), _literals(b)))
            elif isinstance(node, ast.keyword) and node.arg:
                pairs.append((_domain(ast.Name(id=node.arg)), _literals(node.value)))
            for domain, values in pairs:
                for value in values:
                    if domain and value not in _DOMAINS[domain]:
                        wrong.append(f"{path.relative_to(REPO)}:{getattr(node, 'lineno', '?')}: {domain} {value!r}")
    assert not wrong, "\n".join(wrong)
