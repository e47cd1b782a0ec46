"""The Dagster layer: definitions load, every table has a blocking schema check."""

from __future__ import annotations

import dagster as dg

from pipeline.defs import defs
from pipeline.schema import table_names


def test_definitions_load_with_all_assets_and_checks():
    keys = {k.to_user_string() for k in defs.resolve_all_asset_keys()}
    assert set(table_names()) <= keys
    assert {"archive_files", "page_verdicts", "parsed_questions", "release"} <= keys
    checks = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert {(name, "matches_schema") for name in table_names()} <= checks


def test_release_depends_on_every_table():
    graph = defs.resolve_asset_graph()
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey("release")).parent_keys}
    assert parents == set(table_names())
