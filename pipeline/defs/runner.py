"""One whole build in this process: every batch, then the tables and the release.

Used by ``hansard-data build``; the same jobs run under ``dagster dev`` from
the sensor and the schedule.
"""

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipeline.batches import list_batches
from pipeline.defs import defs
from pipeline.defs.assets import archive_batches

QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


@dataclass
class BuildOutcome:
    """What a build did, for the command line to report."""

    success: bool
    pages: dict[str, int] = field(default_factory=dict)
    sources: object = None
    summary: dict | None = None
    failures: list[str] = field(default_factory=list)


def _failures(result: dg.ExecuteInProcessResult) -> list[str]:
    messages = []
    for check in result.get_asset_check_evaluations():
        if not check.passed:
            errors = check.metadata.get("errors")
            messages.append(f"check failed: {check.asset_key.to_user_string()} {check.check_name}: {errors.value if errors else ''}")
    for failure in result.get_step_failure_events():
        error = failure.event_specific_data.error if failure.event_specific_data else None
        first_line = error.message.strip().splitlines()[0] if error and error.message.strip() else ""
        messages.append(f"step failed: {failure.step_key}: {first_line}")
    return messages


def run_build(archive: Path, out: str, release: str, work: Path | None = None) -> BuildOutcome:
    """Materialise every batch of ``archive``, then publish ``release`` to ``out`` (a folder or an fsspec URL)."""
    settings = {"archive_dir": str(archive), "out_dir": str(out), "release": release, "work_dir": str(work) if work else ""}
    config = {**QUIET, "resources": {"settings": {"config": settings}}}
    batches = list(list_batches(archive))
    with dg.DagsterInstance.ephemeral() as instance:
        outcome = BuildOutcome(success=True)
        if batches:
            instance.add_dynamic_partitions(archive_batches.name, batches)
            pages = defs.resolve_job_def("refresh_pages").execute_in_process(
                run_config=config,
                instance=instance,
                raise_on_error=False,
                tags={"dagster/asset_partition_range_start": batches[0], "dagster/asset_partition_range_end": batches[-1]},
            )
            if not pages.success:
                return BuildOutcome(success=False, failures=_failures(pages))
            for event in pages.get_asset_materialization_events():
                meta = event.materialization.metadata
                outcome.pages = {k: meta[k].value for k in ("pages", "parsed", "reused", "removed", "batches") if k in meta}
        published = defs.resolve_job_def("publish_release").execute_in_process(run_config=config, instance=instance, raise_on_error=False)
        if not published.success:
            return BuildOutcome(success=False, pages=outcome.pages, failures=_failures(published))
        outcome.sources = published.asset_value("sources")
        outcome.summary = published.asset_value("release")
    return outcome
