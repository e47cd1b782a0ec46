"""Shared fixtures: one real build of the sample archive per test session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "sample-archive"
SHARED = REPO.parent / "shared"
SEED_PATH = "hansard-web/000_602fbbef5cd5d47e.txt"


def run_build(archive: Path, out: Path | str, release: str, *options: str) -> object:
    result = CliRunner().invoke(app, ["build", "--archive", str(archive), "--out", str(out), "--release", release, *options])
    return result


def published(archive: Path, tmp_path_factory: pytest.TempPathFactory, release: str) -> Path:
    """Build ``archive`` into a fresh folder; the release folder."""
    out = tmp_path_factory.mktemp(release)
    result = run_build(archive, out, release)
    assert result.exit_code == 0, result.output
    return out / release


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published(SAMPLE, tmp_path_factory, "sample")


@pytest.fixture(scope="session")
def sample_tables(sample_release: Path) -> dict[str, pl.DataFrame]:
    return {p.stem: pl.read_parquet(p) for p in (sample_release / "parquet").glob("*.parquet")}


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    path = REPO / "tests" / "fixtures" / "seed.jsonl"
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def copy_pages(target: Path, *paths: str) -> Path:
    """Copy sample-archive pages (and their sidecars) into a fresh archive folder."""
    for rel in paths:
        src = SAMPLE / rel
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        sidecar = src.with_name(src.stem + ".meta.json")
        if sidecar.exists():
            shutil.copyfile(sidecar, dst.with_name(sidecar.name))
    return target


_E2E_FIXTURES = {"sample_release", "sample_tables", "corpus_release"}
_E2E_MODULES = {"test_parts", "test_fetch", "test_download_page", "test_shared_corpus", "test_release", "test_seed", "test_fetch_limits", "test_release_guards"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow lane (`e2e`): tests that build a release, run the fetcher against a server or a browser."""
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        if (
            _E2E_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.module.__name__ in _E2E_MODULES
            or "run_build(" in source
            or "dg.materialize(" in source
        ):
            item.add_marker(pytest.mark.e2e)
