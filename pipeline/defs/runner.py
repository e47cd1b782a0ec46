"""One whole build in this process: every batch, then the tables and the release.

Used by ``hansard-data build``; the same jobs run under ``dagster dev`` from
the sensor and the schedule.
"""

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipeline.defs.assets import archive_batches, archive_pages, release_tables
from pipeline.defs.assets import release as release_asset
from pipeline.defs.definitions import build_defs
from pipeline.defs.resources import ArchiveSettings, FetchClient
from pipeline.ingest.listing import list_batches
from pipeline.release.published import OutputBusy, hold_output

QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


@dataclass
class BuildOutcome:
    """What a build did, for the command line to report."""

    success: bool
    pages: dict[str, int] = field(default_factory=dict)
    sources: object = None
    summary: dict | None = None
    failures: list[str] = field(default_factory=list)
    steps: dict[str, float] = field(default_factory=dict)  # seconds per stage


def _failures(result: dg.ExecuteInProcessResult) -> list[str]:
    messages = []
    for check in result.get_asset_check_evaluations():
        if not check.passed:
            errors = check.metadata.get("errors")
            messages.append(f"check failed: {check.asset_key.to_user_string()} {check.check_name}: {errors.value if errors else ''}")
    for failure in result.get_step_failure_events():
        error = failure.event_specific_data.error if failure.event_specific_data else None
        first_line = error.message.strip().splitlines()[0] if error and error.message.strip() else ""
        first_line = first_line.removeprefix("dagster._core.definitions.events.Failure: ")  # our own words, not the class
        messages.append(f"step failed: {failure.step_key}: {first_line}")
    return messages


def _step_seconds(result: dg.ExecuteInProcessResult, instance: dg.DagsterInstance) -> dict[str, float]:
    """Wall time of each step of a run, from the timestamps of its start and success events."""
    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for entry in instance.all_logs(result.run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = entry.timestamp
        elif event.event_type_value == "STEP_SUCCESS" and event.step_key in started:
            seconds[event.step_key] = round(entry.timestamp - started[event.step_key], 3)
    return seconds


def run_build(
    archive: Path,
    out: str,
    release: str | None,
    work: Path | None = None,
    page_budget: float = 30.0,
    replace: bool = False,
    allow_shrink: bool = False,
) -> BuildOutcome:
    """Materialise every batch of ``archive``, then publish ``release`` (None: the build date) to ``out`` (a folder or an fsspec URL).

    The output and work folders are locked for the whole build: a second build
    into either fails at once instead of racing this one.
    """
    settings = ArchiveSettings(
        archive_dir=str(archive),
        out_dir=str(out),
        release=release or "",
        work_dir=str(work) if work else "",
        page_budget_seconds=page_budget,
        replace=replace,
        allow_shrink=allow_shrink,
    )
    try:
        with hold_output(settings.out_path), hold_output(settings.work_path):
            return _run(settings, archive)
    except OutputBusy as err:
        return BuildOutcome(success=False, failures=[str(err)])


def _run(settings: ArchiveSettings, archive: Path) -> BuildOutcome:
    # One process holds every step, so tables pass between steps in memory;
    # `dagster dev` writes them as Parquet (TablesIOManager).
    resources = {"settings": settings, "fetch": FetchClient(), "io_manager": dg.mem_io_manager}
    defs = build_defs(**resources)
    everything = [*defs.assets, *defs.asset_checks]
    batches = list(list_batches(archive))
    with dg.DagsterInstance.ephemeral() as instance:
        outcome = BuildOutcome(success=True)
        if batches:
            instance.add_dynamic_partitions(archive_batches.name, batches)
            pages = dg.materialize(
                everything,
                selection=[archive_pages],
                resources=resources,
                run_config=QUIET,
                instance=instance,
                raise_on_error=False,
                tags={"dagster/asset_partition_range_start": batches[0], "dagster/asset_partition_range_end": batches[-1]},
            )
            if not pages.success:
                return BuildOutcome(success=False, failures=_failures(pages))
            for event in pages.get_asset_materialization_events():
                meta = event.materialization.metadata
                outcome.pages = {k: meta[k].value for k in ("pages", "parsed", "reused", "removed", "batches", "worker_peak_rss_mb") if k in meta}
                outcome.steps.update({k.removeprefix("seconds_"): meta[k].value for k in meta if k.startswith("seconds_")})
            outcome.steps["pages_step"] = round(sum(_step_seconds(pages, instance).values()), 3)
        published = dg.materialize(
            everything, selection=dg.AssetSelection.assets(release_tables, release_asset), resources=resources, run_config=QUIET, instance=instance, raise_on_error=False
        )
        if not published.success:
            return BuildOutcome(success=False, pages=outcome.pages, failures=_failures(published))
        steps = _step_seconds(published, instance)
        outcome.steps["assemble"] = steps.get("release_tables", 0.0)
        outcome.steps["validate"] = round(sum(v for k, v in steps.items() if k.endswith("matches_schema")), 3)
        outcome.steps["publish"] = steps.get("release", 0.0)
        # What the command line reports of every file (no text columns: the table may be long).
        outcome.sources = published.asset_value("sources").scan().select("path", "status", "reason", "text_words", "published_words").collect()
        release_event = next(e for e in published.get_asset_materialization_events() if e.asset_key == release_asset.key)
        outcome.summary = {k: v.value for k, v in release_event.materialization.metadata.items()}
    return outcome
