"""Entries that once crashed, hung or vanished: every one gets its row, and the build finishes."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import polars as pl
import pytest

from conftest import SAMPLE, SEED_PATH, copy_pages, run_build

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _sources(out: Path, release: str) -> dict[str, dict]:
    return {r["path"]: r for r in pl.read_csv(out / release / "csv" / "sources.csv", infer_schema=False).to_dicts()}


def test_odd_entries_each_get_a_row_and_never_stop_the_build(tmp_path: Path):
    archive = copy_pages(tmp_path / "archive", SEED_PATH)
    odd = archive / "odd"
    odd.mkdir()
    seed = (SAMPLE / SEED_PATH).read_bytes()
    (odd / os.fsdecode(b"caf\xe9-latin1-name.txt")).write_bytes(seed.replace(b"HL867", b"HL868"))  # a name that is not UTF-8
    (odd / "nested.txt").write_bytes(seed.replace(b"HL867", b"HL869"))
    (odd / "nested.meta.json").write_text("[" * 100_000 + "]" * 100_000)  # too deep for json
    (odd / "huge.txt").write_bytes(seed.replace(b"HL867", b"HL870"))
    (odd / "huge.meta.json").write_text('{"url": "https://example.org/' + "x" * 300_000 + '"}')
    outside = tmp_path / "outside.meta.json"
    outside.write_text('{"url": "https://secret.example/"}')
    (odd / "linked.txt").write_bytes(seed.replace(b"HL867", b"HL871"))
    (odd / "linked.meta.json").symlink_to(outside)
    os.mkfifo(odd / "pipe.txt")
    (archive / "folder-link").symlink_to(SAMPLE / "negative", target_is_directory=True)
    (archive / "café").mkdir()
    (archive / "cafè").mkdir()
    shutil.copyfile(SAMPLE / "hansard-web" / "hw-001.txt", archive / "café" / "page.txt")
    shutil.copyfile(SAMPLE / "hansard-web" / "hw-004.txt", archive / "cafè" / "page.txt")
    (odd / "controls.txt").write_bytes(seed.replace(b"The Government have noted", b"The Government\x01 have\x7f noted\xe2\x80\xa8") + b"\n" + b" " * 9000 + b"\x02")
    (odd / "utf16.txt").write_bytes(seed.decode("utf-8").replace("HL867", "HL872").encode("utf-16"))
    if ROOT:
        os.mknod(odd / "device.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    started = time.monotonic()
    result = run_build(archive, tmp_path / "out", "r")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 120
    rows = _sources(tmp_path / "out", "r")
    assert rows["odd/caf\\xe9-latin1-name.txt"]["status"] == "parsed"
    assert rows["odd/pipe.txt"]["status"] == "quarantined" and "named pipe" in rows["odd/pipe.txt"]["reason"]
    if ROOT:
        assert "character device" in rows["odd/device.txt"]["reason"]
    assert rows["folder-link"]["status"] == "quarantined" and "symbolic link" in rows["folder-link"]["reason"]
    for page in ("nested", "huge", "linked"):
        assert rows[f"odd/{page}.txt"]["status"] == "parsed" and not rows[f"odd/{page}.txt"]["url"]  # the sidecar is not trusted
    assert rows["café/page.txt"]["status"] == rows["cafè/page.txt"]["status"] == "parsed"
    assert rows["odd/utf16.txt"]["status"] == "parsed"
    questions = pl.read_csv(tmp_path / "out" / "r" / "csv" / "questions.csv", infer_schema=False)
    assert {"HL868", "HL869", "HL870", "HL871", "HL872"} <= set(questions["reference"].drop_nulls())
    text = (tmp_path / "out" / "r" / "csv" / "questions.csv").read_text(encoding="utf-8")
    assert "\x01" not in text and "\x7f" not in text and "\u2028" not in text and "\x02" not in text


@pytest.mark.skipif(ROOT, reason="permissions do not bind root")
def test_unreadable_files_and_folders_get_rows_with_reasons(tmp_path: Path):
    archive = copy_pages(tmp_path / "archive", SEED_PATH)
    (archive / "locked.txt").write_bytes((SAMPLE / SEED_PATH).read_bytes())
    (archive / "locked.txt").chmod(0)
    (archive / "closed").mkdir()
    (archive / "closed" / "page.txt").write_text("x")
    (archive / "closed").chmod(0)
    try:
        result = run_build(archive, tmp_path / "out", "r")
    finally:
        (archive / "closed").chmod(0o755)
    assert result.exit_code == 0, result.output
    rows = _sources(tmp_path / "out", "r")
    assert "permission denied" in rows["locked.txt"]["reason"] and "permission denied" in rows["closed"]["reason"]


def test_incremental_builds_see_sidecar_edits_and_copies_that_keep_size_and_mtime(tmp_path: Path):
    archive = copy_pages(tmp_path / "archive", "hansard-web/hw-001.txt")
    out = tmp_path / "out"
    assert run_build(archive, out, "r1").exit_code == 0
    page, sidecar = archive / "hansard-web" / "hw-001.txt", archive / "hansard-web" / "hw-001.meta.json"
    sidecar.write_text('{"url": "https://hansard.parliament.uk/Lords/2006-01-19/debates/x/Y"}')
    second = run_build(archive, out, "r2")
    assert "pages parsed this run: 1" in second.output
    assert _sources(out, "r2")["hansard-web/hw-001.txt"]["url"].startswith("https://hansard.parliament.uk/Lords/")
    # same size, same mtime, other bytes (what rsync -t and cp -p can leave)
    st = page.stat()
    data = page.read_bytes()
    page.write_bytes(data.replace(b"217968", b"217969"))
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    third = run_build(archive, out, "r3")
    assert "pages parsed this run: 1" in third.output
    assert "217969" in (out / "r3" / "csv" / "questions.csv").read_text()
