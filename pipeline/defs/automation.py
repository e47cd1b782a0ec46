"""Jobs, the archive sensor and the daily schedule: how operators run the pipeline."""

import json

import dagster as dg

from pipeline.ingest.listing import fingerprint, list_batches
from pipeline.defs.assets import archive_batches, archive_pages, fetched_pages, release, release_tables
from pipeline.defs.resources import ArchiveSettings

pages_job = dg.define_asset_job(
    "refresh_pages", selection=dg.AssetSelection.assets(archive_pages),
    description="Ingest, parse and extract the given archive batches.",
)
fetch_job = dg.define_asset_job(
    "fetch_archive", selection=dg.AssetSelection.assets(fetched_pages),
    description="Download the last days of written answers into the archive folder.",
)
# The tag of runs that publish: deploy/local/dagster.yaml lets one such run go at a time.
PUBLISHES = {"hansard/publishes": "release"}
release_job = dg.define_asset_job(
    "publish_release", selection=dg.AssetSelection.assets(release_tables, release),
    description="Assemble, validate and publish the tables from every batch's store.",
    tags=dict(PUBLISHES),
)


@dg.sensor(jobs=[pages_job, release_job], minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def archive_sensor(context: dg.SensorEvaluationContext, settings: ArchiveSettings) -> dg.SensorResult | dg.SkipReason:
    """New or changed files in the archive folder: register their batches and request runs for them."""
    root = settings.archive_path
    if not root.is_dir():
        return dg.SkipReason(f"archive folder {root} does not exist")
    batches = list_batches(root)
    prints = {key: fingerprint(root, paths) for key, paths in batches.items()}
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    known = set(context.instance.get_dynamic_partitions(archive_batches.name))
    new = sorted(set(batches) - known)
    gone = sorted(known - set(batches))
    changed = [key for key in batches if seen.get(key) != prints[key]]
    requests = [dg.RunRequest(job_name=pages_job.name, partition_key=key, run_key=f"{key}@{prints[key]}") for key in changed]
    if gone and not changed:
        # Nothing to parse, but rows of deleted pages must leave the published tables.
        requests.append(dg.RunRequest(job_name=release_job.name, run_key=f"removed:{','.join(gone)}@{len(seen)}"))
    if not requests and not new and not gone:
        return dg.SkipReason("no new, changed or deleted files")
    partition_requests = []
    if new:
        partition_requests.append(archive_batches.build_add_request(new))
    if gone:
        partition_requests.append(archive_batches.build_delete_request(gone))
    return dg.SensorResult(run_requests=requests, dynamic_partitions_requests=partition_requests, cursor=json.dumps(prints, sort_keys=True))


# Declarative automation: the tables and the release follow newly materialised batches
# (their AutomationCondition.eager()). Running by default, like the archive sensor.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "release_automation",
    target=dg.AssetSelection.assets(release_tables, release),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    run_tags=dict(PUBLISHES),  # one publisher at a time, as for publish_release
)

daily_release = dg.ScheduleDefinition(
    name="daily_release",
    job=release_job,
    cron_schedule="0 5 * * *",
    execution_timezone="Europe/London",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Publish a dated release every morning from the batches the sensor kept up to date.",
)

daily_fetch = dg.ScheduleDefinition(
    name="daily_fetch",
    job=fetch_job,
    cron_schedule="0 3 * * *",
    execution_timezone="Europe/London",
    default_status=dg.DefaultScheduleStatus.STOPPED,  # the sample configuration does not reach the network
    description="Fetch the last days' written answers; the archive sensor then requests their batches.",
)
