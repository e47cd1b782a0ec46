"""The Dagster layer: definitions, the archive sensor, the daily schedule, incremental runs."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import dagster as dg

from conftest import copy_pages, run_build
from pipeline.defs import defs
from pipeline.defs.assets import archive_batches
from pipeline.defs.automation import archive_sensor, daily_release
from pipeline.defs.resources import ArchiveSettings
from pipeline.metadata import table_names


def test_definitions_load_with_all_assets_and_checks():
    keys = {k.to_user_string() for k in defs.resolve_all_asset_keys()}
    assert keys == {"fetched_pages", "archive_pages", "release", *table_names()}
    checks = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert {(name, "matches_schema") for name in table_names()} <= checks
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get(dg.AssetKey("release")).parent_keys} == set(table_names())
    assert graph.get(dg.AssetKey("archive_pages")).partitions_def == archive_batches
    assert defs.resolve_sensor_def("archive_sensor") and defs.resolve_schedule_def("daily_release")


def _evaluate_sensor(instance: dg.DagsterInstance, archive: Path, cursor: str | None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"settings": ArchiveSettings(archive_dir=str(archive), out_dir=str(archive.parent / "out"))})
    return archive_sensor(context)


def _apply(instance: dg.DagsterInstance, result: dg.SensorResult) -> None:
    """What the daemon does with a sensor's partition requests (a test evaluation does not)."""
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)


def test_sensor_requests_runs_for_new_changed_and_deleted_pages(tmp_path):
    archive = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt", "publications/pub-035.txt")
    with dg.instance_for_test() as instance:
        first = _evaluate_sensor(instance, archive, None)
        assert sorted(r.partition_key for r in first.run_requests) == ["hansard-web", "publications"]
        assert {r.job_name for r in first.run_requests} == {"refresh_pages"}
        assert [sorted(r.partition_keys) for r in first.dynamic_partitions_requests] == [["hansard-web", "publications"]]
        _apply(instance, first)
        quiet = _evaluate_sensor(instance, archive, first.cursor)
        assert isinstance(quiet, dg.SkipReason)
        # a changed page and a new folder
        page = archive / "publications/pub-035.txt"
        page.write_text(page.read_text() + "\n")
        os.utime(page, ns=(time.time_ns(), time.time_ns() + 10**9))
        copy_pages(archive, "historic-hansard/hh-009.txt")
        second = _evaluate_sensor(instance, archive, first.cursor)
        assert sorted(r.partition_key for r in second.run_requests) == ["historic-hansard", "publications"]
        _apply(instance, second)
        # a deleted folder: its partition goes and the tables are republished
        for path in (archive / "historic-hansard").iterdir():
            path.unlink()
        (archive / "historic-hansard").rmdir()
        third = _evaluate_sensor(instance, archive, second.cursor)
        assert [r.job_name for r in third.run_requests] == ["publish_release"]
        assert [list(r.partition_keys) for r in third.dynamic_partitions_requests] == [["historic-hansard"]]


def test_daily_schedule_requests_a_release_run():
    context = dg.build_schedule_context(scheduled_execution_time=None)
    requests = list(daily_release.evaluate_tick(context).run_requests or [])
    assert len(requests) == 1 and daily_release.job_name == "publish_release"
    assert daily_release.cron_schedule == "0 5 * * *"


def test_tables_and_release_follow_new_batches_automatically(tmp_path):
    from pipeline.defs.assets import archive_pages
    from pipeline.defs.resources import FetchClient

    archive = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt")
    resources = {"settings": ArchiveSettings(archive_dir=str(archive), out_dir=str(tmp_path / "out")), "fetch": FetchClient()}
    with dg.instance_for_test() as instance:
        first = dg.evaluate_automation_conditions(defs=defs, instance=instance)
        assert first.get_num_requested(dg.AssetKey("release")) == 0
        instance.add_dynamic_partitions(archive_batches.name, ["hansard-web"])
        dg.materialize([archive_pages], partition_key="hansard-web", instance=instance, resources=resources)
        after = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=first.cursor)
        assert after.get_num_requested(dg.AssetKey("questions")) == 1
        assert after.get_num_requested(dg.AssetKey("release")) == 1


def _digests(release: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for fmt in ("csv", "parquet") for p in sorted((release / fmt).glob(f"*.{fmt}"))}


def test_incremental_run_parses_only_the_new_page_and_equals_a_full_rebuild(tmp_path):
    pages = ["hansard-web/000_602fbbef5cd5d47e.txt", "hansard-web/hw-001.txt", "publications/pub-035.txt", "historic-hansard/hh-009.txt"]
    archive = copy_pages(tmp_path / "archive", *pages)
    out = tmp_path / "out"
    first = run_build(archive, out, "r1")
    assert first.exit_code == 0 and "pages parsed this run: 4 (reused from earlier runs: 0" in first.output
    copy_pages(archive, "hansard-web/hw-020.txt")
    second = run_build(archive, out, "r2")
    assert second.exit_code == 0, second.output
    assert "pages parsed this run: 1 (reused from earlier runs: 4" in second.output
    fresh = run_build(archive, tmp_path / "fresh", "r2")
    assert "pages parsed this run: 5 (reused from earlier runs: 0" in fresh.output
    assert _digests(out / "r2") == _digests(tmp_path / "fresh" / "r2")
    # a changed page replaces its rows; a deleted page's rows go
    (archive / "hansard-web/hw-001.txt").unlink()
    (archive / "hansard-web/hw-001.meta.json").unlink()
    third = run_build(archive, out, "r3", "--allow-shrink")  # two of eleven questions go: more than the 10% a release may shrink unasked
    assert "pages parsed this run: 0 (reused from earlier runs: 4, removed: 1" in third.output
    questions = (out / "r3" / "csv" / "questions.csv").read_text()
    assert "217968" not in questions and "HL867" in questions
    catalog = json.loads((out / "catalog.json").read_text())
    assert catalog["releases"][0]["changes_since_previous"]["questions"]["removed"] == 2


def test_out_accepts_a_file_url(tmp_path):
    archive = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt")
    result = run_build(archive, f"file://{tmp_path / 'url-out'}", "r")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "url-out" / "r" / "csv" / "questions.csv").is_file()
    # object storage through fsspec (its in-memory filesystem stands in for a bucket)
    import fsspec

    remote = run_build(archive, "memory://bucket/releases", "r", "--work", str(tmp_path / "work"))
    assert remote.exit_code == 0, remote.output
    fs = fsspec.filesystem("memory")
    assert fs.cat_file("/bucket/releases/latest").decode().strip() == "r"
    assert fs.exists("/bucket/releases/r/parquet/questions.parquet") and fs.exists("/bucket/releases/catalog.json")
    unknown = run_build(archive, "nosuchprotocol://bucket/releases", "r")
    assert unknown.exit_code == 2 and "--out" in unknown.output


def test_fetch_asset_is_off_by_default():
    from pipeline.defs.assets import fetched_pages
    from pipeline.defs.resources import FetchClient

    result = dg.materialize([fetched_pages], resources={"settings": ArchiveSettings(archive_dir=".", out_dir="outputs"), "fetch": FetchClient()})
    assert result.success
    [event] = result.get_asset_materialization_events()
    assert event.materialization.metadata["enabled"].value is False


def definitions_snapshot(definitions: dg.Definitions) -> dict:
    """What the definitions hold, in a stable form: assets with deps and partitions, checks, jobs, automation, resources."""
    graph = definitions.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "partitioned": node.partitions_def is not None,
            "group": node.group_name,
            "automation": type(node.automation_condition).__name__ if node.automation_condition else None,
        }
    return {
        "assets": assets,
        "checks": sorted(f"{k.asset_key.to_user_string()}:{k.name}" for k in graph.asset_check_keys),
        "jobs": sorted(j.name for j in definitions.resolve_all_job_defs() if not j.name.startswith("__")),
        "sensors": sorted(s.name for s in definitions.sensors or []),
        "schedules": sorted(f"{s.name} {s.cron_schedule}" for s in definitions.schedules or []),
        "resources": sorted(definitions.resources or {}),
    }


def test_definitions_match_their_snapshot():
    """A change to the wiring shows in review: update tests/snapshots/definitions.json with it (UPDATE_SNAPSHOTS=1)."""
    snapshot = Path(__file__).parent / "snapshots" / "definitions.json"
    current = definitions_snapshot(defs)
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(json.dumps(current, indent=2) + "\n")
    assert current == json.loads(snapshot.read_text())
