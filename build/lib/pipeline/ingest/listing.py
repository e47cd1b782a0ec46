"""Listing the archive: its batches (the Dagster partitions) and the files in each.

The archive is cut into batches — a folder of pages, or a hash bucket of a
large folder — and each batch is one Dagster dynamic partition.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import polars as pl

from pipeline.ingest.files import SIDECAR_SUFFIX, read_sidecar, sha256_of, source_id_for
from pipeline.metadata import store_schema

# A folder with more pages than this is split into 16 hash buckets, so that a
# batch stays small enough to rebuild in seconds.
FOLDER_LIMIT = 2000
ROOT_BATCH = "(root)"
FILES_SCHEMA = store_schema("files")


def batch_of(path: str, folder_size: int) -> str:
    """The batch of an archive path: its folder, or a hash bucket of a large folder."""
    folder = path.rsplit("/", 1)[0] if "/" in path else ROOT_BATCH
    if folder_size <= FOLDER_LIMIT:
        return folder
    bucket = hashlib.sha1(path.rsplit("/", 1)[-1].encode("utf-8")).hexdigest()[0]
    return f"{folder}#{bucket}"


def list_batches(root: Path) -> dict[str, list[str]]:
    """Every batch of the archive and the page paths in it, sorted."""
    root = root.resolve()
    by_folder: dict[str, list[str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        folder = Path(dirpath).relative_to(root).as_posix()
        # A sidecar x.meta.json belongs to page x.<ext> and is not an input of its own.
        stems = {name.split(".", 1)[0] for name in filenames if not name.endswith(SIDECAR_SUFFIX)}
        for name in filenames:
            if name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in stems:
                continue
            rel = name if folder == "." else f"{folder}/{name}"
            by_folder.setdefault("" if folder == "." else folder, []).append(rel)
    batches: dict[str, list[str]] = {}
    for paths in by_folder.values():
        for path in paths:
            batches.setdefault(batch_of(path, len(paths)), []).append(path)
    return {key: sorted(paths) for key, paths in sorted(batches.items())}


def fingerprint(root: Path, paths: list[str]) -> str:
    """Cheap change detector for a batch (names, sizes, modification times)."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            st = (root / path).stat()
        except FileNotFoundError:
            continue
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()[:16]


def scan_files(root: Path, paths: list[str], previous: pl.DataFrame | None = None) -> pl.DataFrame:
    """Path, sha256, size and sidecar of each page; checksums of unchanged files are reused."""
    known: dict[str, tuple[int, int, str]] = {}
    if previous is not None:
        known = {p: (b, m, s) for p, b, m, s in previous.select("path", "bytes", "mtime_ns", "sha256").iter_rows()}
    rows = []
    for path in paths:
        absolute = root / path
        try:
            st = absolute.lstat()
        except FileNotFoundError:
            continue  # deleted since it was listed: it is simply not in this batch any more
        old = known.get(path)
        if absolute.is_symlink():
            # Links are not followed (they may point outside the archive): the link itself is hashed.
            sha = hashlib.sha256(os.readlink(absolute).encode("utf-8")).hexdigest()
        else:
            sha = old[2] if old and old[0] == st.st_size and old[1] == st.st_mtime_ns else sha256_of(absolute)
        url, may_be_cut = read_sidecar(absolute)
        rows.append(
            {"source_id": source_id_for(path), "path": path, "url": url, "sha256": sha, "bytes": st.st_size, "may_be_cut": may_be_cut, "mtime_ns": st.st_mtime_ns}
        )
    return pl.DataFrame(rows, schema=FILES_SCHEMA)
