"""``build_defs``: the pipeline's Dagster definitions, with resources that callers may override.

The command-line runner and the tests build their own definitions from this
factory (an in-memory IO manager, settings from options); ``dagster dev``
and deployments load :data:`pipeline.defs.defs`, which reads its folders from
the environment at run time.
"""

from __future__ import annotations

import warnings
from typing import Any

import dagster as dg

# BackfillPolicy.single_run (one run for many batches) is marked beta in Dagster 1.13;
# filtered before the assets module declares it.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

from pipeline.defs import assets  # noqa: E402
from pipeline.defs.automation import archive_sensor, automation_sensor, daily_fetch, daily_release, fetch_job, pages_job, release_job
from pipeline.defs.checks import SCHEMA_CHECKS
from pipeline.defs.resources import ArchiveSettings, FetchClient, TablesIOManager

def default_resources() -> dict[str, Any]:
    """Resources of a deployment: folders from HANSARD_ARCHIVE_DIR / HANSARD_OUT_DIR, tables as Parquet."""
    settings = ArchiveSettings(archive_dir=dg.EnvVar("HANSARD_ARCHIVE_DIR"), out_dir=dg.EnvVar("HANSARD_OUT_DIR"))
    return {"settings": settings, "fetch": FetchClient(), "io_manager": TablesIOManager(settings=settings)}


def build_defs(**resource_overrides: Any) -> dg.Definitions:
    """Assets, checks, jobs, sensors and schedules, with ``resource_overrides`` replacing default resources."""
    resources = {**default_resources(), **resource_overrides}
    if "settings" in resource_overrides and "io_manager" not in resource_overrides:
        resources["io_manager"] = TablesIOManager(settings=resource_overrides["settings"])
    return dg.Definitions(
        assets=dg.load_assets_from_modules([assets]),
        asset_checks=SCHEMA_CHECKS,
        jobs=[pages_job, release_job, fetch_job],
        sensors=[archive_sensor, automation_sensor],
        schedules=[daily_release, daily_fetch],
        resources=resources,
    )
