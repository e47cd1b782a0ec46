"""A backfill as separate runs, one per archive batch, publishes the same bytes as the one-process build.

This is how a deployment spreads the pages over machines (docs/deployment.md):
each partition of ``archive_pages`` is its own Dagster run in its own process
(here the ``dagster`` command line against one Dagster instance, as a run
launcher would start them), the batches' stores meet in a shared work folder,
and one more run assembles and publishes the release.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ingest.listing import list_batches
from pipeline.metadata import table_names

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO / "data" / "sample-archive"
DAGSTER = str(Path(sys.executable).with_name("dagster"))

pytestmark = pytest.mark.e2e


def _file_hashes(release: Path) -> dict[str, str]:
    return {p.relative_to(release).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(release.rglob("*")) if p.is_file()}


def test_a_backfill_of_one_run_per_batch_publishes_the_same_bytes_as_one_build(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "dagster-home"),
        "HANSARD_ARCHIVE_DIR": str(ARCHIVE),
        "HANSARD_OUT_DIR": str(tmp_path / "backfill"),
        "HANSARD_RELEASE": "r",
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    (tmp_path / "dagster-home").mkdir()
    batches = sorted(list_batches(ARCHIVE))
    assert len(batches) >= 3
    register = "import sys, dagster as dg; dg.DagsterInstance.get().add_dynamic_partitions('archive_batches', sys.argv[1:])"
    subprocess.run([sys.executable, "-c", register, *batches], env=env, check=True, cwd=REPO)
    for batch in batches:
        done = subprocess.run([DAGSTER, "asset", "materialize", "-m", "pipeline.defs", "--select", "archive_pages", "--partition", batch],
                              env=env, cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
    done = subprocess.run([DAGSTER, "asset", "materialize", "-m", "pipeline.defs", "--select", ",".join([*table_names(), "release"])],
                          env=env, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]

    one = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--archive", str(ARCHIVE), "--out", str(tmp_path / "one"), "--release", "r"],
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}, cwd=REPO, capture_output=True, text=True)
    assert one.returncode == 0, one.stderr[-2000:]
    backfilled, built = _file_hashes(tmp_path / "backfill" / "r"), _file_hashes(tmp_path / "one" / "r")
    assert "parquet/questions.parquet" in built and "hansard-written-answers.sqlite" in built
    assert backfilled == built
