"""The watchdog's batch workers: what they import and how they end."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from pathlib import Path

from conftest import SAMPLE

REPO = Path(__file__).resolve().parent.parent


def test_a_worker_does_not_import_the_parents_main_module(tmp_path: Path):
    """Under `dagster dev` or any script the main module is heavy; a worker needs none of it."""
    archive = tmp_path / "archive" / "day"
    archive.mkdir(parents=True)
    page = next(SAMPLE.rglob("*.txt"))
    (archive / "page.txt").write_bytes(page.read_bytes())
    marker = tmp_path / "imports.txt"
    script = tmp_path / "heavy_main.py"
    script.write_text(textwrap.dedent(f"""
        import os
        with open({str(marker)!r}, "a") as out:
            out.write(__name__ + "\\n")  # "__mp_main__" when a child imports this file
        if __name__ == "__main__":
            from pathlib import Path
            from pipeline.page.watchdog import run_watched
            stats = list(run_watched([(Path({str(tmp_path / 'archive')!r}), Path({str(tmp_path / 'work')!r}), "day", ["day/page.txt"])], workers=1, budget=30.0))
            print(stats[0].pages)
    """))
    done = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert marker.read_text().split() == ["__main__"]


def test_a_batch_worker_that_fails_is_an_error_naming_the_batch_not_a_wait(tmp_path: Path):
    """A worker whose batch raises ends with its pipe closed: the watchdog must say so, not spin on the closed pipe."""
    import signal

    from pipeline.page.watchdog import run_watched

    archive = tmp_path / "archive"
    (archive / "day").mkdir(parents=True)
    (archive / "day" / "page.txt").write_bytes(next(SAMPLE.rglob("*.txt")).read_bytes())
    work = tmp_path / "work-is-a-file"
    work.write_text("not a folder")  # the batch's store cannot be written under it

    def too_long(*_):
        raise TimeoutError("the watchdog waited on a worker that had ended")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(60)
    try:
        with pytest.raises(RuntimeError, match=r"batch day failed: .*Error"):
            list(run_watched([(archive, work, "day", ["day/page.txt"])], workers=1, budget=30.0))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
