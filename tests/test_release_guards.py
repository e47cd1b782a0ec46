"""Attacks on publishing: bad names, empty and shrunk releases, full disks, kills, races.

After every failure the run ends with a clear message, nothing is published
that should not be, and the previous release, ``latest``, the catalogue and
the page are byte for byte what they were.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, copy_pages, run_build

PAGES = ("hansard-web/000_602fbbef5cd5d47e.txt", "hansard-web/hw-001.txt", "publications/pub-035.txt")
IN_PROCESS = ("--page-budget", "0")  # batches read in this process, so monkeypatching reaches them


def _visible(out: Path) -> dict[str, str]:
    """Everything a reader can reach from the top of ``out``: path -> sha256."""
    seen = {}
    for top in sorted(out.iterdir()):
        if top.name.startswith(".") or not top.exists():
            continue
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            rel = path.relative_to(out).as_posix() if path != top else top.name
            seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


@pytest.fixture
def first_release(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    archive = copy_pages(tmp_path / "archive", *PAGES)
    out = tmp_path / "out"
    result = run_build(archive, out, "first")
    assert result.exit_code == 0, result.output
    copy_pages(archive, "hansard-web/hw-020.txt")  # the next build has something new
    return archive, out, _visible(out)


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in (out / ".data").iterdir() if p.name.startswith(".staging-"))


@pytest.mark.parametrize("name", ["../x", "a/b", "latest", "catalog.json", "index.html", ".work", "a\nb", "", "-x", "x" * 65])
def test_release_names_outside_the_pattern_or_reserved_are_refused_before_anything_is_written(tmp_path: Path, name: str):
    archive = copy_pages(tmp_path / "archive", PAGES[0])
    result = run_build(archive, tmp_path / "out", name)
    assert result.exit_code == 2 and "--release" in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_an_existing_name_is_refused_and_replace_switches_it_whole(first_release):
    archive, out, before = first_release
    refused = run_build(archive, out, "first")
    assert refused.exit_code == 1 and "exists already" in refused.output and "--replace" in refused.output
    assert _visible(out) == before
    rows_before = json.loads((out / "first" / "validation.json").read_text())["tables"]["questions"]["rows"]
    replaced = run_build(archive, out, "first", "--replace")
    assert replaced.exit_code == 0 and "(replaced)" in replaced.output, replaced.output
    catalog = json.loads((out / "catalog.json").read_text())
    assert [r["name"] for r in catalog["releases"]] == ["first"]
    assert catalog["releases"][0]["row_counts"]["questions"] > rows_before  # the new page's questions are in
    assert (out / "latest").read_text().strip() == "first"
    assert _visible(out) != before and len(list((out / ".data").iterdir())) == 1  # the replaced data is gone


def test_a_taken_default_name_gets_a_suffix(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    archive = copy_pages(tmp_path / "archive", PAGES[0])
    out = tmp_path / "out"
    from typer.testing import CliRunner

    from pipeline.cli import app

    build = ["build", "--archive", str(archive), "--out", str(out)]
    assert CliRunner().invoke(app, build).exit_code == 0
    copy_pages(archive, PAGES[1])
    second = CliRunner().invoke(app, build)
    assert second.exit_code == 0, second.output
    assert (out / "latest").read_text().strip() == "2025-12-01.2" and (out / "2025-12-01" / "validation.json").is_file()


def test_an_empty_archive_publishes_nothing_unless_allowed(tmp_path: Path):
    (tmp_path / "archive").mkdir()
    out = tmp_path / "out"
    refused = run_build(tmp_path / "archive", out, "r")
    assert refused.exit_code == 1 and "no questions" in refused.output
    assert not (out / "latest").exists() and not (out / "r").exists()
    allowed = run_build(tmp_path / "archive", out, "r", "--allow-shrink")
    assert allowed.exit_code == 0 and (out / "latest").read_text().strip() == "r"


def test_a_shrunk_release_is_refused_and_the_previous_stays(first_release):
    archive, out, before = first_release
    for rel in PAGES[1:]:
        (archive / rel).unlink()
    shrunk = run_build(archive, out, "second")
    assert shrunk.exit_code == 1 and "fewer than release first" in shrunk.output, shrunk.output
    assert _visible(out) == before and not _leftovers(out)


def test_an_unchanged_rebuild_publishes_nothing_and_says_so(tmp_path: Path):
    archive = copy_pages(tmp_path / "archive", *PAGES)
    out = tmp_path / "out"
    assert run_build(archive, out, "first").exit_code == 0
    before = _visible(out)
    again = run_build(archive, out, "second")
    assert again.exit_code == 0 and "unchanged: the tables equal release first" in again.output, again.output
    assert _visible(out) == before and not _leftovers(out)


def test_a_disk_that_fills_while_publishing_changes_nothing_and_leaves_nothing(first_release, monkeypatch):
    archive, out, before = first_release
    import pipeline.release.publish as publish

    real, calls = publish.write_parquet, []

    def fill_the_disk(frame, path):
        calls.append(path)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(frame, path)

    monkeypatch.setattr(publish, "write_parquet", fill_the_disk)
    full = run_build(archive, out, "second", *IN_PROCESS)
    assert full.exit_code == 1 and "No space left on device" in full.output and "nothing was published" in full.output, full.output
    assert _visible(out) == before and not _leftovers(out)
    monkeypatch.setattr(publish, "write_parquet", real)
    assert run_build(archive, out, "second", *IN_PROCESS).exit_code == 0
    assert (out / "latest").read_text().strip() == "second"


def test_too_little_free_space_is_refused_before_writing(first_release, monkeypatch):
    archive, out, before = first_release
    import pipeline.release.published as published

    monkeypatch.setattr(published, "free_bytes", lambda out: 1 << 20)
    short = run_build(archive, out, "second", *IN_PROCESS)
    assert short.exit_code == 1 and "not enough free space" in short.output, short.output
    assert _visible(out) == before and not _leftovers(out)


_KILL_AT = """
import os, signal, sys
import pipeline.release.published as published
where = sys.argv[3]
if where == "before-switch":
    real_switch = published.switch
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    published.switch = die
else:  # after every link but the site's own is in place
    real_link = published._replace_with_link
    def link_then_die(path, target):
        if path.name == published.SITE:
            os.kill(os.getpid(), signal.SIGKILL)
        real_link(path, target)
    published._replace_with_link = link_then_die
from pipeline.cli import app
app(["build", "--archive", sys.argv[1], "--out", sys.argv[2], "--release", "second", "--page-budget", "0"])
"""


@pytest.mark.parametrize("where", ["before-switch", "inside-switch"])
def test_a_build_killed_around_the_switch_leaves_what_readers_had(first_release, where):
    archive, out, before = first_release
    killed = subprocess.run([sys.executable, "-c", _KILL_AT, str(archive), str(out), where], cwd=REPO, capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert _visible(out) == before  # a link made for "second" leads nowhere yet
    again = run_build(archive, out, "second")
    assert again.exit_code == 0, again.output
    assert (out / "latest").read_text().strip() == "second"
    # what the killed build left is gone: one site version, two data folders, no stray links
    assert len(list((out / ".sites").iterdir())) == 1 and len(list((out / ".data").iterdir())) == 2
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["catalog.json", "first", "index.html", "latest", "second"]


def test_a_second_build_into_the_same_output_fails_at_once(first_release):
    archive, out, before = first_release
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from pipeline.release.published import hold_output\n"
         "with hold_output(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)", str(out)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        raced = run_build(archive, out, "second")
        assert raced.exit_code == 1 and "another build" in raced.output and f"process {holder.pid}" in raced.output, raced.output
        assert time.monotonic() - started < 30
        assert _visible(out) == before
    finally:
        holder.kill()
        holder.wait()


def test_releases_are_reproducible_under_source_date_epoch(tmp_path: Path, monkeypatch):
    archive = copy_pages(tmp_path / "archive", *PAGES)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run_build(archive, tmp_path / "one", "r").exit_code == 0
    time.sleep(1.1)  # a second later: nothing may carry the wall clock
    assert run_build(archive, tmp_path / "two", "r").exit_code == 0
    one, two = _visible(tmp_path / "one"), _visible(tmp_path / "two")
    assert len(one) > 20 and one == two
    assert json.loads((tmp_path / "one" / "r" / "csv" / "datapackage.json").read_text())["created"] == "2023-11-14T22:13:20Z"


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has stopped; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_build_killed_while_parsing_leaves_no_workers(tmp_path: Path):
    archive = tmp_path / "archive"
    (archive / "volumes").mkdir(parents=True)
    big = archive / "volumes" / "S5LV0001P0.xml"  # SYNTHETIC, never published: a volume that takes long to read
    big.write_text("<!-- SYNTHETIC -->" + "<hansard>" + "<houselords><debates><p>Words of a debate.</p></debates></houselords>" * 1_500_000 + "</hansard>")
    build = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "build", "--archive", str(archive), "--out", str(tmp_path / "out"), "--release", "r"], cwd=REPO)
    try:
        deadline, workers = time.monotonic() + 60, set()
        while time.monotonic() < deadline and len(workers) < 3:  # resource tracker, fork server, a worker under it
            time.sleep(0.2)
            workers = _descendants(build.pid)
        assert len(workers) >= 3, "no worker started"
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_running(p) for p in workers):
            time.sleep(0.2)
        assert not any(_running(p) for p in workers), [(p, Path(f"/proc/{p}/stat").read_text().split()[3], Path(f"/proc/{p}/cmdline").read_bytes()[-400:]) for p in workers if _running(p)]
    finally:
        if build.poll() is None:
            build.kill()


def test_a_failed_upload_is_reported_truthfully_and_the_next_build_uploads(tmp_path: Path, monkeypatch):
    import fsspec

    import pipeline.defs.assets as assets

    archive = copy_pages(tmp_path / "archive", PAGES[0])
    target = f"memory://upload-{tmp_path.name}/releases"
    real = assets.upload_release

    def bucket_gone(*args, **kwargs):
        raise OSError("the bucket is gone")

    monkeypatch.setattr(assets, "upload_release", bucket_gone)
    failed = run_build(archive, target, "r", "--work", str(tmp_path / "work"), *IN_PROCESS)
    assert failed.exit_code == 1 and "was published in" in failed.output and "the bucket is gone" in failed.output, failed.output
    assert "nothing was published" not in failed.output
    monkeypatch.setattr(assets, "upload_release", real)
    again = run_build(archive, target, "r2", "--work", str(tmp_path / "work"), *IN_PROCESS)
    assert again.exit_code == 0 and "unchanged" in again.output, again.output
    assert fsspec.filesystem("memory").cat_file(f"/upload-{tmp_path.name}/releases/latest").decode().strip() == "r"


def test_an_output_folder_of_the_old_layout_is_taken_over_whole(tmp_path: Path):
    """Real release folders and plain front files (as builds before the switch wrote them)."""
    archive = copy_pages(tmp_path / "archive", *PAGES)
    out = tmp_path / "out"
    assert run_build(archive, tmp_path / "seed", "old1").exit_code == 0
    out.mkdir()
    import shutil

    shutil.copytree((tmp_path / "seed" / "old1").resolve(), out / "old1")
    for name in ("catalog.json", "index.html", "latest"):
        (out / name).write_bytes((tmp_path / "seed" / name).read_bytes())
    copy_pages(archive, "hansard-web/hw-020.txt")  # something new to publish
    replaced = run_build(archive, out, "old1", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert (out / "old1").is_symlink() and (out / "old1" / "validation.json").is_file()
    assert (out / "latest").read_text().strip() == "old1" and json.loads((out / "catalog.json").read_text())["latest"] == "old1"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    copy_pages(archive, "historic-hansard/hh-009.txt")
    again = run_build(archive, out, "new2")
    assert again.exit_code == 0, again.output
    assert [r["name"] for r in json.loads((out / "catalog.json").read_text())["releases"]] == ["new2", "old1"]
