"""Reference data as data: the agencies table rebuilds byte for byte from its committed inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reference import AGENCIES_CSV, MEMBER_NAMES_CSV, MEMBER_OFFICES_CSV, MEMBERS_CSV
from pipeline.reference.build.build import SHARED_REFERENCE, main


@pytest.mark.e2e
@pytest.mark.skipif(not SHARED_REFERENCE.is_dir(), reason="../shared/reference is not beside this checkout")
def test_reference_tables_rebuild_from_the_committed_inputs(tmp_path: Path):
    rebuilt = tmp_path / "agencies.csv"
    main([str(SHARED_REFERENCE), "--out", str(rebuilt)])
    assert rebuilt.read_bytes() == AGENCIES_CSV.read_bytes()
    assert (tmp_path / "members.csv").read_bytes() == MEMBERS_CSV.read_bytes()
    assert (tmp_path / "member_names.csv").read_bytes() == MEMBER_NAMES_CSV.read_bytes()
    assert (tmp_path / "member_offices.csv").read_bytes() == MEMBER_OFFICES_CSV.read_bytes()
