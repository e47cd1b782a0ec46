"""Dagster definitions of the Hansard Written Answers pipeline (``dagster dev`` loads this)."""

from __future__ import annotations

import os

import dagster as dg

from pipeline.defs import assets
from pipeline.defs.checks import SCHEMA_CHECKS
from pipeline.defs.resources import DEFAULT_OUT, SAMPLE_ARCHIVE, ArchiveSettings

settings = ArchiveSettings(
    archive_dir=os.environ.get("HANSARD_ARCHIVE_DIR", str(SAMPLE_ARCHIVE)),
    out_dir=os.environ.get("HANSARD_OUT_DIR", str(DEFAULT_OUT)),
    release=os.environ.get("HANSARD_RELEASE", ""),
)

build_job = dg.define_asset_job("build_release", selection=dg.AssetSelection.all(), description="Ingest, parse, normalise, validate and publish.")

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=SCHEMA_CHECKS,
    jobs=[build_job],
    resources={"settings": settings},
)
