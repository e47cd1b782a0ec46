"""Publishing: reproducible bytes, atomic releases, catalogue over releases."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_pages, run_build
from pipeline.metadata import table_names

PAGES = ("hansard-web/000_602fbbef5cd5d47e.txt", "hansard-web/hw-001.txt", "publications/pub-035.txt", "historic-hansard/hh-009.txt")


def _table_digests(release: Path) -> dict[str, str]:
    return {
        p.relative_to(release).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for fmt in ("csv", "parquet")
        for p in sorted((release / fmt).glob(f"*.{fmt}"))
    }


def test_two_builds_give_byte_identical_tables(tmp_path):
    archive = copy_pages(tmp_path / "archive", *PAGES)
    for out in ("one", "two"):
        assert run_build(archive, tmp_path / out, "r").exit_code == 0
    first, second = _table_digests(tmp_path / "one" / "r"), _table_digests(tmp_path / "two" / "r")
    assert len(first) == 2 * len(table_names()) and first == second
    # the checksums in the CSV package descriptor agree too
    d1 = json.loads((tmp_path / "one" / "r" / "csv" / "datapackage.json").read_text())
    d2 = json.loads((tmp_path / "two" / "r" / "csv" / "datapackage.json").read_text())
    assert [r["hash"] for r in d1["resources"]] == [r["hash"] for r in d2["resources"]]


_KILL_DURING_PUBLISH = """
import os, signal, sys
import pipeline.release.publish as publish
real = publish.write_parquet
written = []
def write_then_die(frame, path):
    written.append(path)
    if len(written) == 3:  # part-way through the Parquet package
        os.kill(os.getpid(), signal.SIGKILL)
    real(frame, path)
publish.write_parquet = write_then_die
from pipeline.cli import app
app(["build", "--archive", sys.argv[1], "--out", sys.argv[2], "--release", "second"])
"""


def test_a_build_killed_while_publishing_leaves_the_previous_release_and_latest(tmp_path):
    archive = copy_pages(tmp_path / "archive", *PAGES)
    out = tmp_path / "out"
    assert run_build(archive, out, "first").exit_code == 0
    before = _table_digests(out / "first")
    catalog_before = (out / "catalog.json").read_bytes()
    copy_pages(archive, "hansard-web/hw-020.txt")  # the next build has something new to publish
    killed = subprocess.run([sys.executable, "-c", _KILL_DURING_PUBLISH, str(archive), str(out)], cwd=REPO, capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert not (out / "second").exists()
    assert (out / "latest").read_text().strip() == "first"
    assert _table_digests(out / "first") == before
    assert (out / "catalog.json").read_bytes() == catalog_before
    assert list(out.glob(".data/.staging-second-*"))  # what the killed build left, outside any release
    # the next build clears it and publishes
    assert run_build(archive, out, "second").exit_code == 0
    assert not list(out.glob(".data/.staging-*"))
    assert (out / "latest").read_text().strip() == "second"


def test_catalog_lists_releases_with_changes_since_the_previous(tmp_path):
    archive = copy_pages(tmp_path / "archive", "hansard-web/000_602fbbef5cd5d47e.txt")
    out = tmp_path / "out"
    assert run_build(archive, out, "2026-01-01").exit_code == 0
    copy_pages(archive, "hansard-web/hw-001.txt")
    assert run_build(archive, out, "2026-02-01").exit_code == 0
    catalog = json.loads((out / "catalog.json").read_text())
    assert [r["name"] for r in catalog["releases"]] == ["2026-02-01", "2026-01-01"]
    newest = catalog["releases"][0]
    assert newest["changes_since_previous"]["questions"] == {"added": 2, "removed": 0, "changed": 0}
    assert newest["row_counts"]["questions"] == 3
    for entry in newest["files"]:
        path = out / entry["path"]
        assert path.stat().st_size == entry["bytes"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    assert catalog["releases"][1]["changes_since_previous"] is None
