"""Dagster definitions of the Hansard Written Answers pipeline (``dagster dev`` loads this)."""

import os
import warnings

import dagster as dg

# BackfillPolicy.single_run (one run for many batches) is marked beta in Dagster 1.13.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

from pipeline.defs import assets
from pipeline.defs.automation import archive_sensor, automation_sensor, daily_fetch, daily_release, fetch_job, pages_job, release_job
from pipeline.defs.checks import SCHEMA_CHECKS
from pipeline.defs.resources import DEFAULT_OUT, SAMPLE_ARCHIVE, ArchiveSettings, FetchSettings

settings = ArchiveSettings(
    archive_dir=os.environ.get("HANSARD_ARCHIVE_DIR", str(SAMPLE_ARCHIVE)),
    out_dir=os.environ.get("HANSARD_OUT_DIR", str(DEFAULT_OUT)),
    work_dir=os.environ.get("HANSARD_WORK_DIR", ""),
    release=os.environ.get("HANSARD_RELEASE", ""),
)

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=SCHEMA_CHECKS,
    jobs=[pages_job, release_job, fetch_job],
    sensors=[archive_sensor, automation_sensor],
    schedules=[daily_release, daily_fetch],
    resources={
        "settings": settings,
        "fetch": FetchSettings(enabled=os.environ.get("HANSARD_FETCH_ENABLED", "") in ("1", "true", "yes")),
    },
)
