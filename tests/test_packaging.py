"""The package runs outside the checkout: what it reads at run time ships in the wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_no_module_reaches_outside_the_package_at_run_time():
    """Only the reference builders (a tool of the checkout) may look beside the package."""
    offenders = []
    for path in (REPO / "pipeline").rglob("*.py"):
        if "reference/build" in path.as_posix():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"parents\[\d\]", line) and "__file__" in line:
                offenders.append(f"{path.relative_to(REPO)}:{number}")
    allowed = {"pipeline/page/batches.py"}  # the package folder itself (parents[1] of page/batches.py)
    assert {o.split(":")[0] for o in offenders} <= allowed, offenders


@pytest.mark.e2e
def test_wheel_carries_the_reference_tables(tmp_path: Path):
    import shutil

    source = tmp_path / "source"  # built from a copy: setuptools writes build/ beside the sources
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "outputs", "build", "*.egg-info", "__pycache__", "tests", "data"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(source)], check=True)
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pipeline/reference/agencies.csv" in names
    assert "pipeline/metadata/fields.py" in names and "pipeline/formats/archive_xml.py" in names
